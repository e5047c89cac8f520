"""Issue 12's curation guarantees, checked on the fixture files themselves (no database needed).

The 14th five-year plan (002) is the seed's densest source: every operative sentence of its task
chapters must be quoted by a record or waived with a reason. The scraped text lost the plan's chapter
headings, so the task chapters are delimited by their first and last words: from the paragraph
opening 突出企业创新主体地位 (the first task, after the 2035 vision) up to, not including, the
paragraph opening 中关村示范区领导小组加强本规划实施工作 (the implementation chapter). Sentences end at
。；！？ or a line break; the two stray section headings left in the text ((二)…, (三)…) are skipped.
A sentence counts as covered when quotes span at least half of its characters.
"""

import json
import re

from measures.seed.files import read_seed

PLAN = "zgc-14th-five-year-plan"
TASKS_START, TASKS_END = "突出企业创新主体地位", "中关村示范区领导小组加强本规划实施工作"


def task_sentences(text):
    start, end = text.index(TASKS_START), text.index(TASKS_END)
    for match in re.finditer(r"[^。；！？\n]+[。；！？]?", text[start:end]):
        if match.group().strip() and not re.match(r"[（(][一二三四五六七八九十]+[）)]", match.group()):
            yield start + match.start(), start + match.end(), match.group()


def covered(begin, end, spans):
    return 2 * sum(any(a <= i < b for a, b in spans) for i in range(begin, end)) >= end - begin


def test_every_task_sentence_of_the_plan_is_quoted_or_waived():
    [plan] = [s for s in read_seed().sources if s.source["slug"] == PLAN]
    data = json.loads(plan.path.read_text(encoding="utf-8"))
    quoted = [*plan.measures, *plan.targets, *data.get("observations", [])]
    spans = [(r["offset"], r["offset"] + len(r["quote"])) for r in quoted]
    waived = {w["sentence"]: w["reason"] for w in data["waived_sentences"]}
    sentences = list(task_sentences(plan.text))
    quoted_count = sum(covered(a, b, spans) for a, b, _ in sentences)
    missing = [s for a, b, s in sentences if not covered(a, b, spans) and s not in waived]
    print(f"002 task sentences: {quoted_count} quoted, {len(waived)} waived, {len(sentences)} in all")
    assert missing == []
    assert all(reason.strip() for reason in waived.values())
    assert set(waived) <= {s for _, _, s in sentences}  # a waiver names a real task sentence


def test_every_policy_is_one_record_for_what_several_documents_mention():
    """Quotes, offsets and links are checked by `measures.seed.files` itself; the curation rule is checked here."""
    seed = read_seed()
    source_of = {measure["slug"]: s.source["slug"] for s in seed.sources for measure in s.measures}
    documents = {policy["slug"]: {source_of[m["measure"]] for m in policy["mentions"]} for policy in seed.policies}
    print(f"{len(documents)} policies, {sum(map(len, documents.values()))} (policy, document) pairs")
    assert documents and all(len(sources) > 1 for sources in documents.values())
