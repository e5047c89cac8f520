"""Numbers written with their units in Chinese text: "2700家", "1.2万亿元", "4.5%-5%", "58万元/人", "一至两个", "一半".

Every number with a unit is found once, left to right, in linear time; what it means (a goal, a past figure, money
offered) is decided by the extractor from the clause around it. The value is the number as written (1.2 for
"1.2万亿元") and the unit is kept as written beside it; `scale` turns both into a plain amount.
"""

import re
from functools import lru_cache
from itertools import pairwise

import cn2an

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUMERAL = "〇零一二两三四五六七八九十百千"
# Digits may be grouped in thousands with commas (每人每月1,000元, or a full-width one: 港币5，000万元), as documents
# set in Western style write them; such a comma ends no clause (`DIGIT_GROUP`). A run of more digits or groups than
# any figure has (DIGITS, GROUPS) is no number: it is left unread, in linear time; nor is a run opening on a zero
# (000万元).
DIGITS, GROUPS = 20, 6
GROUP = r"[,，]\d{3}"
DIGIT_GROUP = re.compile(rf"(?<=\d){GROUP}(?!\d)")
NUMBER = (
    rf"\d{{1,3}}(?:{GROUP}){{1,{GROUPS}}}(?![,，]?\d)(?:\.\d{{1,{DIGITS}}})?"
    rf"|(?!0\d)\d{{1,{DIGITS}}}(?:\.\d{{1,{DIGITS}}})?(?!\d)|[{CN_NUMERAL}]+"
)
MAGNITUDE = r"万亿|亿|千万|百万|万|千"
# Base units, longest first so "个百分点" wins over "个" and "平方公里" over "公里" (containers in 标箱, trains in
# 列 and 列次, flights in 班次 and 架次, energy in 吨标准煤 or 吨标煤, a grid's capacity in 千伏安, electricity in
# 千瓦时 or 度 after 万 or 亿, computing power in 万P, livestock in 头, land parcels in 宗); 方 only after 万 or 亿
# and before no word it begins (10亿方 of gas is 10亿立方米; 三方 is three parties, 100亿方面 is 100亿 then 方面).
# No 年, 月 or 日: a number of years is a duration or a name (三年行动, 再奋斗五年), never a goal's level; nor months
# within which something is due (印发后3个月内出台): a deadline. Months and working days to take are a level
# (审批不超过5个工作日).
# A doubling is counted in 番 (翻一番, 翻两番), as plans write it.
DOUBLING = "番"
# Foreign currencies are money too, with no amount in yuan: written after the amount (亿美元, 万港元, 1000万元港币)
# or before it (港币1000万元, 欧元200万元, 澳门元500万元), each keyed by how it is written before and giving how it
# is written after.
CURRENCY_BEFORE = {
    "港币": "元港币",
    "港元": "港元",
    "美元": "美元",
    "欧元": "欧元",
    "日元": "日元",
    "英镑": "英镑",
    "澳门元": "澳门元",
}
FOREIGN_CURRENCIES = "|".join(sorted(set(CURRENCY_BEFORE.values()), key=len, reverse=True))
BASE = (
    r"吨标准煤|吨标煤|微克/立方米|立方米|平方公里|平方米|公里|千瓦时|千瓦|千伏安|人次|标准箱|标箱|班次|架次|列次|列(?!入)|"
    rf"{FOREIGN_CURRENCIES}|"
    rf"个工作日|个月(?!内)|个(?!月)|(?<=[万亿])方(?![面案式向法针便])|(?<=[万亿])度|(?<=万)P(?![A-Za-z])|"
    rf"(?<=翻[一两]){DOUBLING}|"
    r"[元家件项人名所亩吨辆台套座条户栋张支床只次倍斤岁间类处种场头宗]"
)
# 元/件, 万元/家, 元/平方米/月, 元/人/天, 元/吨, 元/头, 元/千瓦时; a square or a cubic metre however written
# (30元/㎡/月, 18元/m²/月, or 元/m/月 where a page lost the ², 500元/m³); a density per 百平方公里
# (公路网密度151公里/百平方公里); an intensity per 万元 of output (能耗降至0.45吨标准煤/万元)
METRES = r"平方米|平米|㎡|m²|m2|立方米|m³|m3|m(?![A-Za-z\d²³])"
PER = rf"(?:/(?:百亿元|万元|万人|百平方公里|千瓦时|{METRES}|[人户亩年月日天周件家个项次台套名床吨头]))+"
PERCENT = r"个百分点|百分点|[%％‰]"
# A magnitude alone (450万困难群众) is never followed by a unit it could have taken: 10万吨级 is not 10万 then 吨级.
UNIT = rf"(?:{PERCENT}|(?:{MAGNITUDE})?(?:{BASE})(?:{PER})?|(?:{MAGNITUDE})(?![{CN_NUMERAL}\d]|{BASE}))"
RANGE = r"\s*(?:-|－|–|—|~|～|至|到)\s*"
# A number is not the tail of a longer number, code or ordinal (X86, 第十四个, 1.5), nor a size class (五百亿级
# 产业集群, 10万吨级码头) or a voltage, which classes a line (750千伏输变电工程). A space a line break left between
# a number and its unit (给予企业30 万元奖励) is not part of either. A range may write its magnitude twice, the same
# at both ends (7000亿-8000亿元, 3万-5万家; not 8000亿-1万亿元).
QUANTITY = re.compile(
    rf"(?<![A-Za-z\d.．第{CN_NUMERAL}])(?P<value>{NUMBER})"
    rf"(?P<first_unit>{PERCENT}|(?P<magnitude>{MAGNITUDE})(?={RANGE}(?:{NUMBER})(?P=magnitude)(?!亿)))?"
    rf"(?:{RANGE}(?P<value_max>{NUMBER}))?(?:[ \u3000](?=[万亿千百元%％]))?"
    rf"(?P<unit>{UNIT})(?P<suffix>左右|以上|以内|以下|多|余)?(?![级伏])"
)
# "突破万亿元", "超千亿元", "稳定在百万吨以上": a magnitude with no digits after a verb of reaching is one of it, or a
# hundred or a thousand of it (百万吨 is 100 万吨), never a size class (千亿级产业集群).
BARE_MAGNITUDE = re.compile(
    r"(?:(?<=破)|(?<=超)|(?<=超过)|(?<=迈上)|(?<=跨进)|(?<=稳定在)|(?<=保持在)|(?<=达到))"
    rf"(?P<count>[百千])?(?P<unit>(?:万亿|亿)(?:{BASE})?|万(?:{BASE}))(?P<suffix>以上)?(?![级伏])"
)
BARE_COUNT = {"百": 100, "千": 1000}

# A share in words (占总课时一半以上, 超过一半) is a percentage: 50%.
HALF = re.compile(r"(?:一半|半数)(?P<suffix>以上|以下)?")

# A magnitude written with no unit after it (450万困难群众, 1409万、1305万人次).
MAGNITUDE_ONLY = re.compile(MAGNITUDE)
# What joins the figures of a list (每家80万元、30万元和20万元, 分别给予2万/5万/10万元).
LIST_JOINERS = ("、", "和", "及", "或", "/")
FOREIGN_CURRENCY = re.compile(FOREIGN_CURRENCIES)
MONEY_UNIT = re.compile(  # 元/亩: per unit
    rf"^(?:{MAGNITUDE})?(?:元|{FOREIGN_CURRENCIES})(?:/.+)?$|^(?:{MAGNITUDE})$|^[千百]亿元?$"
)
PERCENT_UNIT = re.compile(rf"^(?:{PERCENT})$")
SCALE = {
    "万亿": 10**12,
    "千亿": 10**11,
    "百亿": 10**10,
    "亿": 10**8,
    "千万": 10**7,
    "百万": 10**6,
    "万": 10**4,
    "千": 10**3,
}


@lru_cache(maxsize=4096)
def chinese_number(text):
    """Value of a Chinese numeral: positional for digit strings (二〇二五), with 十百千 otherwise (三十一)."""
    if all(char in CN_DIGITS for char in text):
        return int("".join(str(CN_DIGITS[char]) for char in text))
    try:
        return int(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError):  # not a numeral on its own ("千" in 千亿, "一二" in a list, 九十零): no value
        return None


def parse_number(text):
    if text[0].isdigit():
        text = re.sub("[,，]", "", text)
        return float(text) if "." in text else int(text)
    return chinese_number(text)


def is_money(unit):
    return bool(MONEY_UNIT.match(unit))


def is_percent(unit):
    return bool(PERCENT_UNIT.match(unit))


def in_yuan(value, unit):
    """The amount in yuan of a money value as written ("1.2", "万亿元"), or None for another unit or currency."""
    if not is_money(unit) or FOREIGN_CURRENCY.search(unit):
        return None
    magnitude = unit.split("/")[0].rstrip("元")
    return round(float(value) * SCALE.get(magnitude, 1))


def in_currency_before(text, start, unit):
    """The unit of an amount at `start` in the currency written right before it (港币1000万元: 万元港币)."""
    before = next((name for name in CURRENCY_BEFORE if text.endswith(name, 0, start)), None)
    if before is None or not is_money(unit) or "/" in unit or FOREIGN_CURRENCY.search(unit):
        return unit
    return unit.removesuffix("元") + CURRENCY_BEFORE[before]


class Quantity:
    """One number with its unit: where it is, its value(s) as written, and the words written right after it."""

    __slots__ = ("end", "start", "suffix", "unit", "value", "value_max", "written")

    def __init__(self, start, end, written, value, value_max, unit, suffix):
        self.start, self.end, self.written = start, end, written
        self.value, self.value_max, self.unit, self.suffix = value, value_max, unit, suffix


def quantities(text, start=0, end=None):
    """Every number with a unit in text[start:end], left to right (offsets in `text`)."""
    end = len(text) if end is None else end
    found = []
    for match in QUANTITY.finditer(text, start, end):
        value, value_max = parse_number(match.group("value")), match.group("value_max")
        if (match.group("first_unit") and not value_max) or value is None:
            continue
        value_max = parse_number(value_max) if value_max else None
        unit = in_currency_before(text, match.start(), match.group("unit"))
        found.append(
            Quantity(match.start(), match.end(), match.group(), value, value_max, unit, match.group("suffix") or "")
        )
    for match in BARE_MAGNITUDE.finditer(text, start, end):
        value, unit, suffix = BARE_COUNT.get(match.group("count"), 1), match.group("unit"), match.group("suffix")
        found.append(Quantity(match.start(), match.end(), match.group(), value, None, unit, suffix or ""))
    for match in HALF.finditer(text, start, end):
        found.append(Quantity(match.start(), match.end(), match.group(), 50, None, "%", match.group("suffix") or ""))
    found.sort(key=lambda quantity: quantity.start)
    for quantity, following in reversed(list(pairwise(found))):
        if MAGNITUDE_ONLY.fullmatch(quantity.unit) and text[quantity.end : following.start] in LIST_JOINERS:
            # A list's unit is written once, at its end: 1409万、1305万人次; 1.28万亿、8200亿元 (万亿元).
            magnitude = MAGNITUDE_ONLY.match(following.unit)
            base = following.unit[magnitude.end() :] if magnitude else following.unit
            if base and (following.unit.startswith(quantity.unit) or base == "元"):
                quantity.unit += base
    return found
