"""Turn a scraped page's raw text into the text the registry serves, recording every change.

Pure Python on purpose: the seed, the ingest command and the fixture checker all clean text the
same way, and none of them should need a database to do it.
"""

import re
from dataclasses import asdict, dataclass

# Words that scraped sites inject in place of ordinary ones ("北京市app技术委员会",
# "作了……的手机版"). A seeded title, summary, quote or name must never contain one.
SPAM_PATTERN = re.compile(r"手机版|明升|m88|(?<![A-Za-z])app(?![A-Za-z])", re.IGNORECASE)


class CorrectionError(ValueError):
    """A correction does not describe the raw text it claims to correct."""


@dataclass(frozen=True)
class Correction:
    """One change from the raw text to the served text; flagged ones are shown, not applied."""

    position: int
    original: str
    replacement: str
    reason: str
    flagged: bool = False

    @property
    def end(self):
        return self.position + len(self.original)

    def as_dict(self):
        return asdict(self)


def whitespace_corrections(raw):
    """Corrections that trim the page chrome's whitespace around the whole document."""
    corrections = []
    leading = len(raw) - len(raw.lstrip())
    if leading:
        corrections.append(Correction(0, raw[:leading], "", "whitespace left by the page layout before the text"))
    trailing = len(raw) - len(raw.rstrip())
    if trailing and trailing < len(raw):
        corrections.append(
            Correction(
                len(raw) - trailing,
                raw[len(raw) - trailing :],
                "",
                "whitespace left by the page layout after the text",
            )
        )
    return corrections


def apply_corrections(raw, corrections):
    """Return the cleaned text: every unflagged correction applied to `raw`.

    Raises CorrectionError when a correction does not match the raw text or overlaps another,
    so that a wrong position can never silently corrupt the served text.
    """
    ordered = sorted(corrections, key=lambda c: c.position)
    previous_end = 0
    for correction in ordered:
        found = raw[correction.position : correction.end]
        if found != correction.original:
            raise CorrectionError(
                f"correction at {correction.position}: expected {correction.original!r}, raw text has {found!r}"
            )
        if correction.position < previous_end:
            raise CorrectionError(f"correction at {correction.position} overlaps the one before")
        previous_end = correction.end
    pieces, cursor = [], 0
    for correction in ordered:
        if correction.flagged:
            continue
        pieces.append(raw[cursor : correction.position])
        pieces.append(correction.replacement)
        cursor = correction.end
    pieces.append(raw[cursor:])
    return "".join(pieces)


def find_spam(text):
    """Every injected-looking word in `text`, as (position, word) pairs."""
    return [(match.start(), match.group()) for match in SPAM_PATTERN.finditer(text)]


def spam_corrections(raw, known):
    """Corrections for every injected word in `raw`.

    `known` maps (injected word, the two characters after it) to the replacement curators chose for
    it before, with their reason; a word seen in that context before is corrected the same way, any
    other is flagged for a curator rather than guessed.
    """
    corrections = []
    for position, word in find_spam(raw):
        after = raw[position + len(word) : position + len(word) + 2]
        replacement, reason = known.get((word, after), (None, None))
        if replacement is None:
            corrections.append(Correction(position, word, "", "injected site word; the right word is unknown", True))
        else:
            corrections.append(Correction(position, word, replacement, f"as corrected before: {reason}"))
    return corrections


def page_corrections(raw, known=None):
    """Every correction of a newly retrieved page: the layout's whitespace and injected words."""
    return whitespace_corrections(raw) + spam_corrections(raw, known or {})
