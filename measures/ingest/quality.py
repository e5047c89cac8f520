"""Measure how well `extraction.propose` recovers hand-annotated records.

Two yardsticks. The seed's five sources were curated by hand and are the training data:
`python -m measures.ingest.quality` prints precision and recall per source and overall. The development set
(devset/, public texts annotated before any extractor ran on them, see devset/README.md) is the evaluation:
`python -m measures.ingest.quality --devset` prints precision and recall per field, per document and overall, and
`--devset --errors` lists the wrong proposals and the missed annotations behind each figure.
"""

import argparse
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from measures.choices import ProposalKind, ProposalState
from measures.ingest import decisions
from measures.ingest.about import parks_in_title, title_index
from measures.seed.files import index_park_names, name_records, read_seed
from measures.text.cleaning import apply_corrections, page_corrections
from measures.text.extraction import propose
from measures.text.names import NameIndex

DEVSET = Path(__file__).resolve().parents[2] / "devset"
DEVSET_FIELDS = ("targets", "funding", "measure names", "parks")


@dataclass
class Score:
    """Counts behind a precision and a recall: proposals that were right, and seeded records that were found."""

    correct: int = 0
    proposed: int = 0
    found: int = 0
    seeded: int = 0

    @property
    def precision(self):
        return self.correct / self.proposed if self.proposed else None

    @property
    def recall(self):
        return self.found / self.seeded if self.seeded else None

    def __add__(self, other):
        return Score(*(a + b for a, b in zip(self.counts(), other.counts(), strict=True)))

    def counts(self):
        return self.correct, self.proposed, self.found, self.seeded


def overlap(a, b):
    return max(0, min(a["offset"] + len(a["quote"]), b["offset"] + len(b["quote"])) - max(a["offset"], b["offset"]))


def same_value(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) < 1e-9


def score_targets(proposed, seeded):
    """One-to-one matching, largest overlap first: spans overlap, value and target year agree."""
    pairs = sorted(
        (
            (overlap(p, s), i, j)
            for i, p in enumerate(proposed)
            for j, s in enumerate(seeded)
            if overlap(p, s) and same_value(p["value"], s["value"]) and p["target_year"] == s["target_year"]
        ),
        reverse=True,
    )
    used_proposed, used_seeded = set(), set()
    for _, i, j in pairs:
        if i not in used_proposed and j not in used_seeded:
            used_proposed.add(i)
            used_seeded.add(j)
    return Score(len(used_proposed), len(proposed), len(used_seeded), len(seeded))


def score_measures(proposed, seeded):
    """Measure recall, and park links judged on the seeded measure each proposal overlaps most."""
    found = sum(1 for s in seeded if any(overlap(p, s) for p in proposed))
    proposed_links, matched = set(), set()
    for measure in proposed:
        best = max(range(len(seeded)), key=lambda j: overlap(measure, seeded[j]), default=None)
        if best is not None and overlap(measure, seeded[best]):
            matched.add(best)
            proposed_links |= {(slug, best) for slug in measure["parks"]}
    seeded_links = {(slug, j) for j in matched for slug in seeded[j]["parks"]}
    right = len(proposed_links & seeded_links)
    measures = Score(found=found, seeded=len(seeded))
    return measures, Score(right, len(proposed_links), right, len(seeded_links))


def evaluate(seed) -> dict:
    """Scores per source slug and "overall": targets, quantitative targets, measures (recall) and park links."""
    names, titles = index_park_names(seed.parks), titles_of(seed.parks)
    results = {}
    for source in seed.sources:
        about = parks_in_title(source.source["title"], titles)
        proposed = propose(source.text, names, about=about)
        quantitative = [t for t in proposed["targets"] if t["value"] is not None]
        measures, park_links = score_measures(proposed["measures"], source.measures)
        results[source.source["slug"]] = {
            "targets": score_targets(proposed["targets"], source.targets),
            "quantitative targets": score_targets(quantitative, [t for t in source.targets if t["value"] is not None]),
            "measures": measures,
            "park links": park_links,
        }
    kinds = ("targets", "quantitative targets", "measures", "park links")
    results["overall"] = {kind: sum((row[kind] for row in results.values()), Score()) for kind in kinds}
    return results


def titles_of(parks):
    return title_index(
        (park["slug"], park["kind"], park.get("district", ""), [park["name"], *park.get("aliases", [])])
        for park in parks
    )


def ratio(value, part, whole):
    return f"{value:.2f} ({part}/{whole})" if value is not None else f"  -  ({part}/{whole})"


def number_key(value):
    return None if value in (None, "") else round(float(value), 6)


def unit_key(unit):
    return (unit or "").replace("％", "%").strip()


def name_key(name):
    return "".join(char for char in name if char not in "《》“”‘’\"' 　").replace("（", "(").replace("）", ")")


def names_match(title, name):
    """A title names an annotated measure when one contains the other and the shorter is at least half the longer:
    "核心区控规新一轮三年行动计划" is found by "完成核心区控规新一轮三年行动计划", never by a whole paragraph. A
    place in brackets at a name's end may stand before it: 国家网络安全产业园区（长沙） is 长沙国家网络安全产业园区."""
    return any(contains_most(a, b) for a in name_keys(title) for b in name_keys(name))


def name_keys(name):
    key = name_key(name)
    placed = re.fullmatch(r"(.+)\((.+)\)", key)
    return (key, placed[2] + placed[1]) if placed else (key,)


def contains_most(a, b):
    if not a or not b:
        return False
    shorter, longer = sorted((a, b), key=len)
    return shorter in longer and 2 * len(shorter) >= len(longer)


def judged(proposed, annotated, wrong, missed):
    """(Score, wrong, missed) from the distinct proposals and annotations and those that matched nothing."""
    return Score(len(proposed) - len(wrong), len(proposed), len(annotated) - len(missed), len(annotated)), wrong, missed


def judge_keys(proposed, annotated):
    """Equal keys matched one to one (a multiset intersection): the same value twice counts twice only if annotated
    twice."""
    extra, lacking = Counter(proposed) - Counter(annotated), Counter(annotated) - Counter(proposed)
    return judged(proposed, annotated, [str(key) for key in extra.elements()], [str(key) for key in lacking.elements()])


def judge_names(titles, names):
    """Titles against annotated names by `names_match`."""
    wrong = [title for title in titles if not any(names_match(title, name) for name in names)]
    missed = [name for name in names if not any(names_match(title, name) for title in titles)]
    return judged(titles, names, wrong, missed)


def judge_parks(proposed, annotated):
    """Distinct slugs against annotated slugs; annotated parks without a slug against the new-park offers by name."""
    slugs = sorted({park["slug"] for park in proposed if park.get("slug")})
    offers = sorted({park["name"] for park in proposed if not park.get("slug")})
    known = sorted({park["slug"] for park in annotated if park["slug"]})
    unknown = sorted({park["name"] for park in annotated if not park["slug"]})
    wrong = [slug for slug in slugs if slug not in known]
    wrong += [offer for offer in offers if not any(names_match(offer, name) for name in unknown)]
    missed = [slug for slug in known if slug not in slugs]
    missed += [name for name in unknown if not any(names_match(offer, name) for offer in offers)]
    return judged(slugs + offers, known + unknown, wrong, missed)


def read_devset(directory=DEVSET):
    """(id, text, annotation) for every annotated document, in name order."""
    for path in sorted(Path(directory).glob("*.json")):
        annotation = json.loads(path.read_text(encoding="utf-8"))
        yield path.stem, path.with_suffix(".txt").read_text(encoding="utf-8"), annotation


def propose_annotated(raw, annotation, names, titles, known_names, screen_names=True):
    """(cleaned text, proposals) for an annotated document, cleaned and proposed from as ingest does."""
    text = apply_corrections(raw, page_corrections(raw))
    about = parks_in_title(annotation["title"], titles)
    return text, propose(
        text,
        names,
        document_date=annotation.get("date"),
        known_names=known_names,
        about=about,
        screen_names=screen_names,
    )


def evaluate_devset(directory=DEVSET, names=None, remember=False) -> dict:
    """Scores per document id and "overall" for each of DEVSET_FIELDS.

    The raw text is cleaned as ingest cleans it, then proposed from with the document's date. Targets match on
    (value, unit as written, target year), funding on (amount, unit as written), each one-to-one; measure names by
    `names_match`; parks by `judge_parks`. Each document's "errors" lists, per field, what was proposed wrongly and
    what was missed.

    With `remember`, the documents are ingested in name order into a registry that remembers its curators' work,
    as ingest does: a curator accepts each right measure name (as annotated), rejects each wrong one and adds the
    missed ones, so a later document is searched for the names taken and is not offered the rejected ones again.
    """
    seed = read_seed()
    names, titles = names or index_park_names(seed.parks), titles_of(seed.parks)
    policies = name_records(seed.policies)
    accepted, decided, results = [], [], {}
    for document_id, raw, annotation in read_devset(directory):
        known_names = NameIndex([*policies, (None, decisions.searched_titles(accepted))])
        _, proposed = propose_annotated(raw, annotation, names, titles, known_names)
        if remember:
            proposed, _ = decisions.withhold(proposed, decisions.rejected_among(decided))
        targets = [t for t in proposed["targets"] if t["value"] is not None]
        target_keys = [(number_key(t["value"]), unit_key(t["unit"]), t["target_year"]) for t in targets]
        annotated_targets = [
            (number_key(t["value"]), unit_key(t["unit"]), t["target_year"]) for t in annotation["targets"]
        ]
        funding = proposed.get("funding", [])
        funding_keys = [(number_key(f["amount"]), unit_key(f["unit"])) for f in funding]
        annotated_funding = [(number_key(f["amount"]), unit_key(f["unit"])) for f in annotation["funding"]]
        judgements = {
            "targets": judge_keys(target_keys, annotated_targets),
            "funding": judge_keys(funding_keys, annotated_funding),
            "measure names": judge_names(
                [m["title"] for m in proposed["measures"]], [m["name"] for m in annotation["measures"]]
            ),
            "parks": judge_parks(proposed["parks"], annotation["parks"]),
        }
        if remember:
            taken = [m["name"] for m in annotation["measures"]]
            _, wrong, _ = judgements["measure names"]
            accepted += taken
            decided += [
                (decisions.finding(ProposalKind.MEASURE, {"title": title}, None), state)
                for titles, state in ((wrong, ProposalState.REJECTED), (taken, ProposalState.ACCEPTED))
                for title in titles
            ]
        results[document_id] = {field: score for field, (score, _, _) in judgements.items()}
        results[document_id]["errors"] = {field: (wrong, missed) for field, (_, wrong, missed) in judgements.items()}
    results["overall"] = {field: sum((row[field] for row in results.values()), Score()) for field in DEVSET_FIELDS}
    return results


def print_devset(results):
    columns = [f"{field} {letter}" for field in DEVSET_FIELDS for letter in "PR"]
    print(f"{'document':<44}" + "".join(f"{column:>18}" for column in columns))
    for name, row in results.items():
        cells = []
        for field in DEVSET_FIELDS:
            score = row[field]
            cells += [
                ratio(score.precision, score.correct, score.proposed),
                ratio(score.recall, score.found, score.seeded),
            ]
        print(f"{name:<44}" + "".join(f"{cell:>18}" for cell in cells))


def print_errors(results):
    for name, row in results.items():
        for field, (wrong, missed) in row.get("errors", {}).items():
            if wrong or missed:
                print(f"{name} {field}\n  wrong:  {' | '.join(wrong)}\n  missed: {' | '.join(missed)}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", action="store_true", help="score the annotated development set (devset/)")
    parser.add_argument(
        "--errors", action="store_true", help="with --devset: list what was proposed wrongly and what was missed"
    )
    parser.add_argument(
        "--remember",
        action="store_true",
        help="with --devset: ingest the documents in turn, remembering the review queue's decisions on each",
    )
    arguments = parser.parse_args(argv)
    if arguments.devset:
        results = evaluate_devset(remember=arguments.remember)
        print_devset(results)
        if arguments.errors:
            print_errors(results)
        return
    results = evaluate(read_seed())
    columns = ["targets P", "targets R", "quant. P", "quant. R", "measures R", "park links P", "park links R"]
    print(f"{'source':<38}" + "".join(f"{column:>16}" for column in columns))
    for name, row in results.items():
        cells = []
        for kind in ("targets", "quantitative targets"):
            score = row[kind]
            cells += [
                ratio(score.precision, score.correct, score.proposed),
                ratio(score.recall, score.found, score.seeded),
            ]
        cells.append(ratio(row["measures"].recall, row["measures"].found, row["measures"].seeded))
        links = row["park links"]
        cells += [ratio(links.precision, links.correct, links.proposed), ratio(links.recall, links.found, links.seeded)]
        print(f"{name:<38}" + "".join(f"{cell:>16}" for cell in cells))


if __name__ == "__main__":
    main()
