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

from measures.seed.files import FIXTURES_DIR, read_seed

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


def test_observations_policies_and_links_point_at_real_words_and_records():
    """Observation and event quotes sit at their offsets; every slug they name exists."""
    seed = read_seed()
    texts = {s.source["slug"]: s.text for s in seed.sources}
    shared = {
        name: json.loads((FIXTURES_DIR / f"{name}.json").read_text(encoding="utf-8"))
        for name in ("beneficiaries", "indicators", "policies")
    }
    beneficiaries = {b["slug"] for b in shared["beneficiaries"]}
    indicators = {i["slug"] for i in shared["indicators"]}
    measures = {m["slug"] for s in seed.sources for m in s.measures}
    targets = {t["slug"] for s in seed.sources for t in s.targets}
    for source in seed.sources:
        data = json.loads(source.path.read_text(encoding="utf-8"))
        for obs in data["observations"]:
            assert source.text[obs["offset"] : obs["offset"] + len(obs["quote"])] == obs["quote"], obs["slug"]
            assert obs["indicator"] in indicators, obs["slug"]
        for target in source.targets:
            assert target.get("tracks") in indicators | {None}, target["slug"]
            assert target.get("supersedes") in targets | {None}, target["slug"]
        for measure in source.measures:
            assert set(measure["beneficiaries"]) <= beneficiaries, measure["slug"]
            assert isinstance(measure["start_year_stated"], bool), measure["slug"]
    for policy in shared["policies"]:
        assert {m["measure"] for m in policy["mentions"]} <= measures, policy["slug"]
        for event in policy["events"]:
            text = texts[event["source"]]
            assert text[event["offset"] : event["offset"] + len(event["quote"])] == event["quote"], policy["slug"]
    several = [p for p in shared["policies"] if len({e["source"] for e in p["events"]}) > 1]
    assert len(several) == len(shared["policies"])  # a policy is recorded because several documents mention it
