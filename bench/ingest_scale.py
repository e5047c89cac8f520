"""Time and peak memory of cleaning and proposing from a 2 MB document of very long clauses.

`python bench/ingest_scale.py [megabytes]` builds the document from phrases of a real plan joined without a clause
break (numbers with units and in Chinese numerals, goal cues, money with a gloss, names, park and policy names), so
each clause is about 200 KB, and a 《…》 title as long as a clause, then times
`page_corrections` + `propose` (a first run, untraced), then prints the peak memory traced by tracemalloc (a
second run: tracing slows Python several times, so it is not timed) and the process's peak RSS. The names searched
for are those of a grown registry: the seed's policies and, as measure titles curators took from ingested
sources, every seeded measure title and every name annotated in devset/.
Goal: under 30 s and 500 MB for 2 MB.
"""

import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from measures.ingest.quality import read_devset
from measures.seed.files import index_park_names, name_records, read_seed
from measures.text.cleaning import apply_corrections, page_corrections
from measures.text.extraction import propose
from measures.text.names import NameIndex

PHRASE = (
    "到2025年企业数量达到100家左右并培育形成2-3个产业集群同时实施核心区环境品质提升三年行动"
    "给予最高500万元资金支持在海淀园和亦庄综保区建设人工智能创新中心研发投入强度不低于6%"
    "建成孵化器30家“四个服务”水平持续提升新建众创空间三十个办好中关村论坛(第一年奖励5万元)"
)
TITLE_PHRASE = "关于促进产业发展"
CLAUSE_BYTES = 200_000


def build(megabytes):
    clause = PHRASE * (CLAUSE_BYTES // len(PHRASE.encode()))
    # A title as long as a clause: proposed names are compared by their endings.
    title = "印发《" + TITLE_PHRASE * (CLAUSE_BYTES // len(TITLE_PHRASE.encode())) + "的若干措施》。"
    clauses = [title]
    size = len(title.encode())
    while size < megabytes * 1_000_000:
        clauses.append(clause + "。")
        size += len(clauses[-1].encode())
    return "2024年5月1日\n" + "\n".join(clauses)


def run(text, names, policies):
    return propose(apply_corrections(text, page_corrections(text)), names, known_names=policies)


def main():
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 2
    text = build(megabytes)
    seed = read_seed()
    titles = [measure["title"] for source in seed.sources for measure in source.measures]
    titles += [measure["name"] for _, _, annotation in read_devset() for measure in annotation["measures"]]
    names, policies = index_park_names(seed.parks), NameIndex([*name_records(seed.policies), (None, titles)])
    propose("到2025年，建成10个创新中心。", names)  # load jieba's dictionary outside the measurement
    started = time.perf_counter()
    proposal = run(text, names, policies)
    elapsed = time.perf_counter() - started
    tracemalloc.start()
    run(text, names, policies)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    counts = {key: len(value) for key, value in proposal.items()}
    print(f"document: {len(text.encode()) / 1e6:.1f} MB, {len(text):,} characters, clauses of ~{CLAUSE_BYTES:,} bytes")
    print(f"names searched for: {len(policies.slug_by_name):,}; proposals: {counts}")
    print(f"time: {elapsed:.1f} s; peak traced memory: {peak / 1e6:.0f} MB; peak RSS: {rss:.0f} MB")


if __name__ == "__main__":
    main()
