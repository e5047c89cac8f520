"""Measure how well `extraction.propose` recovers the curated seed records.

The seed's five sources were curated by hand, so they are the yardstick for tuning the heuristics:
`python -m measures.ingest.quality` prints precision and recall per source and overall.
"""

from dataclasses import dataclass

from measures.seed.files import index_park_names, read_seed
from measures.text.extraction import propose


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
    names = index_park_names(seed.parks)
    results = {}
    for source in seed.sources:
        proposed = propose(source.text, names)
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


def ratio(value, part, whole):
    return f"{value:.2f} ({part}/{whole})" if value is not None else f"  -  ({part}/{whole})"


def main():
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
