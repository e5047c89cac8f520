"""Names in running text: measures (programmes, funds, platforms, rules) and park-like places.

A name is a noun chain ending in a head word ("核心区控规新一轮三年行动计划", "经开区算力调度平台", "天竺综保区"):
jieba cuts the few characters before each head word into words with their parts of speech, and the chain runs
left from the head for as long as the words are nouns (or verbal nouns, adjectives, place names) and stops at a
verb, adverb, preposition, pronoun, particle or punctuation. Only a short window before each head word is cut,
so the cost grows with the text, not with the length of its sentences.
"""

import logging
import re
from functools import lru_cache

import jieba
import jieba.posseg

jieba.setLogLevel(logging.WARNING)

# Head words of measure names, longest first. A name ends with one of them: 行动计划, 工程, 试验区, 条例 ...
MEASURE_HEADS = (
    "行动计划|实施方案|工作方案|实施意见|若干措施|若干政策|若干意见|白名单|试验区|先导区|实验室|示范区|"
    "计划|工程|行动|平台|基金|试点|中心|联盟|走廊|条例|办法|措施|方案|规划|政策|专项|基地|特派团|场景汇|券"
)
MEASURE_HEAD = re.compile(MEASURE_HEADS)
# 公园, 校园, 家园 … are not parks of the zone, nor are a university's grounds (临港大学园区, 沙河高教园); high-tech
# zones, industrial zones, bonded port areas and cooperation zones are (东湖高新区, 南港工业区, 宁河京津合作示范区).
PARK_HEAD = re.compile(
    r"综合保税区|综保区|保税港区|科学城|科技城|产业新城|高新区|工业区|合作示范区|产业园区|科技园区|产业园|科技园"
    r"|(?<![公校家花乐菜果庄田陵])(?<!大学)(?<!高教)园区?"
)
# A park's name has a proper noun in it (沙河高教园, 天竺综保区), not only words (合作园区, 世界领先科技园区).
PROPER_TAGS = ("ns", "nz", "nr", "nrt", "nt", "j", "eng")
# Parts of speech (jieba's tag set) a name is made of: nouns of every kind, verbal and adjectival nouns,
# distinguishing words, numerals and measure words (新一轮, 三年), idioms, Latin letters.
NAME_TAGS = ("n", "nr", "nrt", "ns", "nt", "nz", "nw", "vn", "an", "b", "j", "l", "m", "mq", "q", "eng", "a", "s")
# Generic words that never start a name: "各类平台", "相关政策", "一批基地", "重点工程".
GENERIC = re.compile(
    r"^(?:各类|各项|相关|有关|一批|一系列|重点|重大|这些|该|其|本|上述|新|多|一|等|全|主要|国家级|市级|区级|省级)$"
)
WINDOW = 18


@lru_cache(maxsize=8192)
def tagged(window, hmm=False):
    """jieba's words and parts of speech for a short window. The HMM pass for words not in the dictionary costs a
    hundred times more: measure names go without it, place names (天竺, 沙河), which need it, with it."""
    return tuple((pair.word, pair.flag) for pair in jieba.posseg.cut(window, HMM=hmm))


def inner_verb(words, index, chain):
    """A two-character verb used as a modifier between nouns: 创新 in 人工智能创新中心 (n v n)."""
    word, tag = words[index]
    left = words[index - 1] if index else ("", "")
    return tag == "v" and len(word) == 2 and chain[-1][1] in ("n", "vn") and left[1] in ("n", "nz", "eng")


def chain_before(text, start, end, floor, ceiling, hmm=False):
    """The name ending at text[start:end] (a head word), read leftwards from at most WINDOW characters back; ""
    when the head is not a word's end (中心 in 中心城区, 园 in 园林)."""
    left = max(floor, start - WINDOW)
    words, position = [], left
    for word, tag in tagged(text[left : min(ceiling, end + 3)], hmm):
        if position >= end:
            break
        words.append((word, tag))
        position += len(word)
    if position != end:
        return "", end, []
    if left > floor and words:
        words = words[1:]  # the window may have cut its first word in half
    chain, length, tail = [], 0, end - start
    for index in range(len(words) - 1, -1, -1):
        word, tag = words[index]
        if length < tail:  # the head word itself, however jieba cut it
            chain.append((word, tag))
            length += len(word)
            continue
        if tag not in NAME_TAGS and not inner_verb(words, index, chain):
            break
        if tag == "vn" and index and words[index - 1][1] in ("ns", "p"):
            break  # 海淀园建设…: after a place, the verbal noun is the sentence's verb
        chain.append((word, tag))
        length += len(word)
    while len(chain) > 1 and (GENERIC.match(chain[-1][0]) or len(chain[-1][0]) == 1):
        chain.pop()
    name = "".join(word for word, _ in reversed(chain))
    return name, end - len(name), [tag for _, tag in chain[1:]]


def names_ending_in(heads, text, start, end, proper=False):
    """(name, offset) of each name in text[start:end] ending in one of `heads`; the longest head wins where two
    follow each other (专项行动 is one head, not 专项 then 行动), and names do not overlap."""
    found, previous_end = [], start
    for match in heads.finditer(text, start, end):
        if heads.match(text, match.end(), end):
            continue
        name, offset, tags = chain_before(text, match.start(), match.end(), previous_end, end, hmm=True)
        if proper and not any(tag in PROPER_TAGS for tag in tags):
            continue
        if len(name) - len(match.group()) >= 2 and len(name) >= 4:
            found.append((name, offset))
            previous_end = offset + len(name)
    return found


def measure_names(text, start, end):
    """(name, offset) of each measure named in text[start:end] by a head word."""
    return names_ending_in(MEASURE_HEAD, text, start, end)


def park_like_names(text, start, end):
    """(name, offset) of each park-like place named in text[start:end]: …园, …园区, 科学城, 综保区. A name starts
    after the last 区 before its head: 上海自贸试验区洋山保税港区 names 洋山保税港区, inside the free-trade zone."""
    found = []
    for name, offset in names_ending_in(PARK_HEAD, text, start, end, proper=True):
        head = PARK_HEAD.search(name)
        cut = name.rfind("区", 0, head.start()) + 1 if head else 0
        if len(name) - cut >= 4:
            found.append((name[cut:], offset + cut))
    return found
