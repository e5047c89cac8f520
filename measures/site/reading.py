"""A source's cleaned text cut into runs for the reader: where each correction was made, where each quote lies.

Plain Python over offsets, so the marking is tested without a page.
"""

import itertools
from dataclasses import dataclass, field


@dataclass
class Run:
    """A stretch of the cleaned text with what covers it; `starts` are the anchors that begin here."""

    text: str
    quotes: list = field(default_factory=list)
    correction: object = None
    starts: list = field(default_factory=list)
    removed: list = field(default_factory=list)  # corrections that took text out just before this run


def cleaned_positions(corrections):
    """(correction, start, end) in the cleaned text for each correction, from its position in the raw text.

    Applied corrections replace `original` by `replacement` in order (measures.text.cleaning); flagged ones were
    not applied, so their original text is still there.
    """
    shift, placed = 0, []
    for correction in sorted(corrections, key=lambda c: c.position):
        start = correction.position + shift
        if correction.flagged:
            placed.append((correction, start, start + len(correction.original)))
        else:
            placed.append((correction, start, start + len(correction.replacement)))
            shift += len(correction.replacement) - len(correction.original)
    return placed


def runs(text, corrections, quotes):
    """The text as runs; `quotes` are (anchor, offset, length) and each quote's anchor starts the run it begins."""
    placed = [item for item in cleaned_positions(corrections) if 0 <= item[1] <= len(text)]
    quotes = [(anchor, start, start + length) for anchor, start, length in quotes if 0 <= start < len(text)]
    cuts = {0, len(text)}
    for _, start, end in placed:
        cuts |= {start, end}
    for _, start, end in quotes:
        cuts |= {start, min(end, len(text))}
    cuts = sorted(cuts)
    result = []
    for start, end in itertools.pairwise(cuts):
        run = Run(
            text=text[start:end],
            quotes=[anchor for anchor, q_start, q_end in quotes if q_start <= start and end <= q_end],
            correction=next((c for c, c_start, c_end in placed if c_start <= start and end <= c_end), None),
            starts=[anchor for anchor, q_start, _ in quotes if q_start == start],
            removed=[c for c, c_start, c_end in placed if c_start == c_end == start],
        )
        result.append(run)
    return result
