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


CJK = re.compile(r"[\u4e00-\u9fff]")


def find_spam(text):
    """Every injected-looking word in `text`, as (position, word) pairs.

    A Latin word is injected only when it is foreign to its place: inside a Chinese phrase, with Chinese on both
    sides ("北京市app技术委员会") or opening the text ("app平台"). At the end of a phrase it is the page's own
    word ("尽在新浪财经APP")."""
    found = []
    for match in SPAM_PATTERN.finditer(text):
        word = match.group()
        if word.isascii():
            before, after = text[match.start() - 1 : match.start()], text[match.end() : match.end() + 1]
            if not ((not before or CJK.match(before)) and CJK.match(after)):
                continue
        found.append((match.start(), word))
    return found


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


# Page furniture: whole lines that belong to the web page, not the document. Each cue is from a real page.
FURNITURE_LINE = re.compile(
    r"^[ \t\u3000]*(?:"
    # 北京市政府网站's toolbar
    r"下载|打印|全屏|收藏|分享|分享到[:：]?|关闭|关闭窗口|返回顶部|【字号[:：]?|加大|还原|减小|】|【打印】|【关闭】"
    r"|(?:（|\()?责(?:任)?编(?:辑)?[:：].*|来源[:：].{0,30}|时间[:：][\d\- :]+"  # 责任编辑：彭佳兵, （责编：袁勃）
    r"|.{0,60}(?:记者|摄影)\s*\S{1,12}摄"  # 殷勇同志作政府工作报告。本报记者 戴冰摄
    r"|使用微信扫描二维码后|点击右上角发送给好友|您可以还会对下面的文章感兴趣[:：]?|海量资讯、精准解读，尽在新浪财经APP"
    r")[ \t\u3000]*$",
    re.MULTILINE,
)
# Markup a scraped page leaves in its text: comments, style and script blocks, tags, a YAML header.
MARKUP = re.compile(
    r"<!--.*?-->|<(style|script)\b.*?</\1\s*>|<[A-Za-z/!][^<>\n]{0,500}>|\A\s*---\n.*?\n---[ \t]*\n",
    re.DOTALL | re.IGNORECASE,
)


def furniture_corrections(raw):
    """Corrections removing page furniture (toolbars, editor and photo credits, share prompts) and markup."""
    spans = []
    for match in MARKUP.finditer(raw):
        spans.append((match.start(), match.end(), "page markup, not the document's text"))
    stripped = MARKUP.sub(lambda match: "\x00" * len(match.group()), raw)
    for match in FURNITURE_LINE.finditer(stripped.replace("\x00", " ")):
        if match.group().strip():
            spans.append((match.start(), match.end(), "page furniture, not the document's text"))
    spans.sort()
    corrections, previous_end = [], 0
    for start, end, reason in spans:
        if start < previous_end:  # a tag inside a furniture line: the line's correction covers it
            start = previous_end
        if start >= end:
            continue
        corrections.append(Correction(start, raw[start:end], "", reason))
        previous_end = end
    return corrections


# A page's second copy of its own text (gz.gov.cn's hidden print copy), on one line or on many: a run of lines,
# most of whose sentences (COPY_SHARE of each line's) the page has given before, a text's worth of different ones:
# COPY_SENTENCES; or, on a short page, lines given before whole, COPY_SHARE of all it gave (at least COPY_FEWEST).
# Rows of a table or articles that repeat the same standard sentences (奖励资金由市、区两级财政按1:1比例分担。)
# repeat a few of many, and a line adding a sentence of its own (…给予一次性奖励30万元。) is no copy on a short page.
SENTENCE_END = re.compile(r"(?<=[。；！？])|\s{2,}")  # a sentence's end, or the spaces a copy joins paragraphs with
COPY_SENTENCE_LENGTH = 8
COPY_SENTENCES = 20
COPY_FEWEST = 5
COPY_SHARE = 0.75


def copy_corrections(raw):
    """Corrections removing the lines of a page's second copy of its text, line breaks included: read twice, every
    amount and name in it would be proposed twice. Lines without a whole sentence (headings, blanks, furniture)
    neither extend a run nor break it. Each sentence is looked up in a set: linear time."""
    seen, run, corrections, position = set(), [], [], 0
    for line in raw.splitlines(keepends=True):
        found = [s.strip() for s in SENTENCE_END.split(line)]
        found = [s for s in found if len(s) >= COPY_SENTENCE_LENGTH and s[-1] in "。；！？"]
        if found:
            copied_here = [sentence for sentence in found if sentence in seen]
            if len(copied_here) >= COPY_SHARE * len(found):
                run.append((position, line, copied_here, len(copied_here) == len(found)))
            else:
                corrections += copied(run, len(seen))
                run = []
            seen.update(found)
        position += len(line)
    return corrections + copied(run, len(seen))


def copied(run, given):
    """The corrections removing a run of copied lines, when it copies a text's worth of different sentences of the
    `given` the page holds so far."""
    different = len({sentence for _, _, sentences, _ in run for sentence in sentences})
    whole = all(given_whole for _, _, _, given_whole in run)
    if different < COPY_SENTENCES and not (whole and different >= max(COPY_FEWEST, COPY_SHARE * given)):
        return []
    return [Correction(position, line, "", "the page's copy of its text") for position, line, _, _ in run]


def page_corrections(raw, known=None):
    """Every correction of a newly retrieved page: the layout's whitespace, its furniture (a second copy of its text
    too) and injected words."""
    furniture = furniture_corrections(raw)
    furniture += [
        copy
        for copy in copy_corrections(raw)
        if not any(c.position < copy.end and copy.position < c.end for c in furniture)
    ]
    covered = [(c.position, c.end) for c in furniture]
    spam = [c for c in spam_corrections(raw, known or {}) if not any(s <= c.position < e for s, e in covered)]
    whitespace = [c for c in whitespace_corrections(raw) if not any(s < c.end and c.position < e for s, e in covered)]
    return sorted(whitespace + furniture + spam, key=lambda correction: correction.position)
