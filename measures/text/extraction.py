"""Propose candidate measures, targets and park mentions from a new policy document's cleaned text.

Plain text heuristics, no database: the ingest command shows the proposals to a curator, who keeps, edits or
drops each one. Targets lean towards precision (a wrong number misleads; a missing one is noticed in review),
measures towards recall (an extra candidate costs one click to drop).
"""

import re
from dataclasses import dataclass

from measures.text.names import NameIndex

OPENERS, CLOSERS = "“‘《（(「『【[", "”’》）)」』】]"
SENTENCE_ENDS = "。；！？;!?"
CLAUSE_ENDS = SENTENCE_ENDS + "，,：:"
TRIM = " \t\u3000\xa0"

ENUMERATOR = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]\s*|[一二三四五六七八九十]+[、是]"
    r"|第[一二三四五六七八九十]+[，,、]?|——)"
)
INITIATIVE = re.compile(
    r"^(?:要|将|并)?(?:支持|推动|推进|建设|建立|健全|实施|加快|加强|加大|强化|完善|深化|打造|设立|鼓励|探索|培育|引导"
    r"|优化|提升|提高|发挥|开展|组建|搭建|制定|出台|落实|扩大|促进|聚焦|围绕|依托|争取|创建|创新|发展|布局|引进|集聚"
    r"|吸引|统筹|构建|办好|用好|抓好|做好|做强|做优|做大|壮大|夯实|编制|发布|举办|拓展|营造|注重|推广|简化|实行|推行"
    r"|允许|给予|试点|瞄准|面向|立足|结合|按照|通过|着眼|紧抓|研究|在|对|以"
    r"|紧紧|不断|积极|大力|着力|持续|深入|全面|进一步|切实|主动|率先|适时|重点|高标准|高质量)"
)
PROGRAMME = re.compile(r"《[^》]+》|计划|工程|行动|平台|中心|基金|试点|专项|基地|联盟")

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_MULTIPLIERS = {"十": 10, "百": 100, "千": 1000}
NUMBER = r"\d+(?:\.\d+)?|[〇零一二两三四五六七八九十百千]+"
# Longest first, so "万家" wins over "万" and "个百分点" over "个".
UNIT = (
    r"万元/人|个百分点|万平方米|平方公里|百分点|万亿元|亿元|万元"
    r"|万家|万件|万人|万名|万辆|万个|万项|[%％家件个项年人名条倍所座辆台套元]"
)
# A number (or range) written with its unit, not the tail of a longer number, code or ordinal (X86, 第十四个).
QUANTITY = re.compile(
    rf"(?<![A-Za-z\d.第〇零一二两三四五六七八九十百千])(?P<value>{NUMBER})"
    rf"(?:\s*(?:-|－|–|—|~|～|至|到)\s*(?P<value_max>{NUMBER}))?(?P<unit>{UNIT})(?P<suffix>左右|以上|以内|以下)?"
)
PREFIX_COMPARATORS = (("不超过", "at_most"), ("不低于", "at_least"), ("不少于", "at_least"), ("超过", "at_least"))
PREFIX_COMPARATORS += (("可达", "at_most"), ("最高", "at_most"), ("突破", "at_least"), ("约", "about"))
SUFFIX_COMPARATORS = {"左右": "about", "以上": "at_least", "以内": "at_most", "以下": "at_most"}
# A goal verb right before a number ("达到12%", "培育形成2-3个") makes it a target, not a statistic.
GOAL_CUE = re.compile(
    r"(?:力争|达到|可达|实现|突破|(?<!不)超过|建成|培育|形成|打造|布局|新增|重点|提高|提升|增加|至|到)\S{0,2}$"
)
# Counting verbs: the number counts what follows it ("打造100家…机构"), so the indicator is after the number.
COUNTING_VERB = re.compile(r"(?:打造|培育|形成|布局|建设|发展|新增|引进|建成|设立|和|及|与|、)$")
GOAL_VERB = re.compile(
    r"^(?:力争|率先|基本|进一步)*(?:成为|形成|建成|产生|涌现|培育形成|进入|达到|实现|打造|破除|突破)"
)
LEADING_PREPOSITION = re.compile(r"^(?:在|对|为|将)")
METRIC_VERB = re.compile(r"(?:力争|达到|可达|实现|突破|超过|不低于|不少于|不超过|提高|提升|增加|为|至|到|约|最高)+$")
# Statistics about the past: "三年来", "累计", "已", "比2013年增长40%", a sentence opening "2020年,".
HISTORICAL = re.compile(
    r"已|累计|年来|以来|同比|相比|截至|期间|首次|去年|上年|年均|连续|(?<![为除])了(?!解)"
    r"|(?<!占)比(?![重例率]).{0,10}?(?:增长|提高|下降|增加)\d|^(?:\d{4}|[〇一二三四五六七八九]{4})年(?:\d{1,2}月)?[，,底]"
)
YEAR = r"\d{4}|[〇零一二三四五六七八九]{4}"
# "到2025年", "至2027年", "2025年前", "拟于2020年", "到“十四五”末"; "截至2020年" looks back, not forward.
FORWARD_YEAR = re.compile(
    rf"(?:(?<!截)(?:到|至)|[拟将]于)(?P<year>{YEAR})年(?:底|末)?|(?P<year_by>{YEAR})年底?前"
    r"|(?:到|至)“?十(?P<plan>[一二三四五六七八九])五”?(?:时期)?末"
)
PLAN_PERIOD = re.compile(r"“?十(?P<plan>[一二三四五六七八九])五”?")


@dataclass(frozen=True)
class Span:
    """A stretch of the text and where it starts, so every quote keeps its offset."""

    text: str
    start: int

    @property
    def end(self):
        return self.start + len(self.text)


def propose(text: str, park_names: NameIndex, document_date=None) -> dict:
    """Return {"measures": [...], "targets": [...], "parks": [...]} proposed from `text`, finding parks by their
    names and aliases in `park_names`."""
    parks = park_names.mentions(text)
    paragraphs = split_paragraphs(text)
    return {
        "measures": propose_measures(paragraphs, parks),
        "targets": propose_targets(paragraphs, plan_end_year(paragraphs)),
        "parks": parks,
    }


def trimmed(text, start):
    stripped = text.lstrip(TRIM)
    return Span(stripped.rstrip(TRIM), start + len(text) - len(stripped))


def split_paragraphs(text):
    spans, start = [], 0
    for line in text.splitlines(keepends=True):
        span = trimmed(line.rstrip("\r\n"), start)
        if span.text:
            spans.append(span)
        start += len(line)
    return spans


def split_on(span, ends):
    """Split after each character in `ends` that is outside quotes and brackets; keep the terminators."""
    pieces, depth, piece_start, straight_quote_open = [], 0, 0, False
    for index, char in enumerate(span.text):
        if char in OPENERS:
            depth += 1
        elif char in CLOSERS:
            depth = max(depth - 1, 0)
        elif char == '"':
            straight_quote_open = not straight_quote_open
        is_end = char in ends or (char == "." and index > 0 and not span.text[index - 1].isascii())
        if is_end and depth == 0 and not straight_quote_open:
            pieces.append(trimmed(span.text[piece_start : index + 1], span.start + piece_start))
            piece_start = index + 1
    pieces.append(trimmed(span.text[piece_start:], span.start + piece_start))
    return [piece for piece in pieces if piece.text.strip(CLAUSE_ENDS)]


def propose_measures(paragraphs, parks):
    measures = []
    for paragraph in paragraphs:
        sentences = split_on(paragraph, SENTENCE_ENDS)
        for index, sentence in enumerate(sentences):
            if is_initiative(sentence, opens_paragraph=index == 0 and len(sentences) > 1):
                named = sorted({park["slug"] for park in parks if sentence.start <= park["offset"] < sentence.end})
                measures.append(
                    {"title": title_of(sentence), "quote": sentence.text, "offset": sentence.start, "parks": named}
                )
    return measures


def is_initiative(sentence, opens_paragraph):
    """Lead sentences: numbered items, paragraph headings, sentences opening with a policy verb, named programmes."""
    if ENUMERATOR.match(sentence.text):
        return True
    body = sentence.text.rstrip(CLAUSE_ENDS)
    if opens_paragraph and sentence.text[-1:] in SENTENCE_ENDS and len(body) <= 20:
        return True
    return bool(INITIATIVE.match(body) or PROGRAMME.search(body))


def title_of(sentence):
    body = ENUMERATOR.sub("", sentence.text).lstrip(TRIM + "，,、")
    first_clause = split_on(Span(body, 0), CLAUSE_ENDS)
    return (first_clause[0].text if first_clause else body).rstrip(CLAUSE_ENDS)[:60]


def chinese_number(text):
    """Value of a Chinese numeral: positional for digit strings (二〇二五), with 十百千 otherwise (三十一)."""
    if all(char in CN_DIGITS for char in text):
        return int("".join(str(CN_DIGITS[char]) for char in text))
    total, current = 0, 0
    for char in text:
        if char in CN_DIGITS:
            current = CN_DIGITS[char]
        else:
            total += (current or 1) * CN_MULTIPLIERS[char]
            current = 0
    return total + current


def parse_number(text):
    if text[0].isdigit():
        return float(text) if "." in text else int(text)
    return chinese_number(text)


def year_of(match):
    if match.group("plan"):
        return plan_end(match.group("plan"))
    return parse_number(match.group("year") or match.group("year_by"))


def plan_end(digit):
    """End year of the 1N-th five-year plan (十四五 ends 2025); plans run in step since the third."""
    return 1955 + 5 * (10 + CN_DIGITS[digit])


def plan_end_year(paragraphs):
    """A document titled after a five-year plan sets its goals for the plan's last year unless it says otherwise."""
    match = PLAN_PERIOD.search(paragraphs[0].text) if paragraphs else None
    return plan_end(match.group("plan")) if match else None


def propose_targets(paragraphs, default_year):
    targets, year, in_goals = [], default_year, False
    for paragraph in paragraphs:
        # Year and goal context carry over only into a dash item, which continues the list introduced above it.
        if not paragraph.text.startswith("—"):
            year, in_goals = default_year, False
        retrospective = HISTORICAL.search(paragraph.text) and not FORWARD_YEAR.search(paragraph.text)
        for sentence in split_on(paragraph, SENTENCE_ENDS):
            dated = [year_of(match) for match in FORWARD_YEAR.finditer(sentence.text)]
            historical = bool(retrospective or HISTORICAL.search(sentence.text))
            targets += targets_in(sentence, dated[0] if dated else year, in_goals or bool(dated), historical)
            if dated:
                year, in_goals = dated[-1], True
    return targets


def targets_in(sentence, year, in_goals, historical):
    """Numbers in goal clauses; runs of dated or goal-verb clauses without one become a qualitative goal."""
    targets, runs = [], [[]]
    for clause in split_on(sentence, CLAUSE_ENDS):
        quantities = [] if historical else quantities_in(clause, in_goals, year)
        targets += quantities
        dated = FORWARD_YEAR.search(clause.text)
        if not quantities and (dated or (in_goals and not historical and GOAL_VERB.match(clause.text))):
            runs[-1].append(clause)
        elif runs[-1]:
            runs.append([])
    goals = [qualitative_goal(sentence, run, year) for run in runs if run]
    # A bare "到2025年," only dates the clauses after it; alone it is no goal.
    return sorted(targets + [goal for goal in goals if goal["indicator"]], key=lambda target: target["offset"])


def quantities_in(clause, in_goals, year):
    targets, previous_end, accepted = [], 0, False
    for match in QUANTITY.finditer(clause.text):
        value, unit = parse_number(match.group("value")), match.group("unit")
        before = clause.text[previous_end : match.start()]
        previous_end = match.end()
        # Years are dates, not quantities; a bare 一 is mostly "a" (一个案例) rather than a count.
        if (unit == "年" and 1900 <= value <= 2100) or (match.group("value") == "一" and not match.group("value_max")):
            continue
        accepted = in_goals or accepted or bool(GOAL_CUE.search(clause.text[: match.start()]))
        if accepted:
            targets.append(quantity_target(clause, match, before, year))
    return targets


def quantity_target(clause, match, before, year):
    value_max = match.group("value_max")
    comparator = SUFFIX_COMPARATORS.get(match.group("suffix"), "range" if value_max else "exactly")
    if comparator == "exactly":
        comparator = next((name for word, name in PREFIX_COMPARATORS if before.endswith(word)), comparator)
    return {
        "indicator": indicator_of(clause, match, before),
        "comparator": comparator,
        "value": parse_number(match.group("value")),
        "value_max": parse_number(value_max) if value_max else None,
        "unit": match.group("unit"),
        "target_year": year,
        "quote": clause.text.rstrip(CLAUSE_ENDS),
        "offset": clause.start,
    }


def indicator_of(clause, match, before):
    """What is measured: the words before the number ("比重达到12%"), or after it when counted ("打造100家机构")."""
    before = FORWARD_YEAR.sub("", ENUMERATOR.sub("", before.split("、")[-1])).strip(TRIM + CLAUSE_ENDS)
    before = LEADING_PREPOSITION.sub("", before)
    if COUNTING_VERB.search(before) or not before:
        after = QUANTITY.split(clause.text[match.end() :], maxsplit=1)[0]
        return after.strip(TRIM + CLAUSE_ENDS + "的、和及")
    return METRIC_VERB.sub("", before).strip(TRIM) or before


def qualitative_goal(sentence, run, year):
    quote = sentence.text[run[0].start - sentence.start : run[-1].end - sentence.start].rstrip(CLAUSE_ENDS)
    dated = FORWARD_YEAR.search(quote)
    return {
        "indicator": FORWARD_YEAR.sub("", quote).strip(TRIM + CLAUSE_ENDS + "力争"),
        "comparator": "",
        "value": None,
        "value_max": None,
        "unit": "",
        "target_year": year_of(dated) if dated else year,
        "quote": quote,
        "offset": run[0].start,
    }
