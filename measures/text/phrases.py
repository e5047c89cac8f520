"""Names in running text: measures (programmes, funds, platforms, rules) and park-like places.

A name is a noun chain ending in a head word ("核心区控规新一轮三年行动计划", "经开区算力调度平台", "天竺综保区"):
jieba cuts the few characters before each head word into words with their parts of speech, and the chain runs
left from the head for as long as the words are nouns (or verbal nouns, adjectives, place names) and stops at a
verb, adverb, preposition, pronoun, particle or punctuation. Where a programme verb opens the stretch before the
head (实施|大宗消费更新升级行动), the stretch is the name whatever the tags inside it; where a verb inside a named
work cut the chain (东六环入地改造工程), the clause's opening is. A list of places before a kind written once names
one of each (雄商、济滨高铁). A campaign is also named by a quality and its place (平安江苏建设, 建设健康广西). A
measure name is kept only when it is specific (`specific`). Only a short window
before each head word is cut, so the cost grows with the text, not with the length of its sentences.
"""

import logging
import re
from functools import lru_cache

import jieba
import jieba.posseg

from measures.text.quantities import BASE, chinese_number, parse_number

jieba.setLogLevel(logging.WARNING)

# Public works named by their route or place (广湛高铁, 沿江高铁武宜段, 京沪高速新沂至江都段, 向家坝灌区): a line
# or a facility, with the stretch of it a project builds.
ROUTE_HEADS = (
    r"(?:高铁|铁路|高速公路|高速(?!增长|发展)|航道|机场|水库|灌区|水电站)"
    r"(?:[\u4e00-\u9fff]{2}段|[\u4e00-\u9fff]{2,4}至[\u4e00-\u9fff]{2,4}段)?"
)
ROUTE_HEAD = re.compile(ROUTE_HEADS)
ROUTE_WORDS = ("国际", "大型")  # 花湖国际机场, 德厚大型水库: words a place's facility is named with
ROUTE_WORD = re.compile("|".join(ROUTE_WORDS))
NATION = ("中国", "全国", "我国")  # 中国高铁 is the country's railways, not one line
# Head words of measure names, longest first. A name ends with one of them: 行动计划, 工程, 试验区, 条例, 普查 ...
# (not 计划 planning an investment: 吴忠市计划投资232亿元).
MEASURE_HEADS = (
    "(?:促进|保护|管理|安全|防治|振兴)法|行动计划|实施方案|工作方案|实施意见|若干措施|若干政策|若干意见|白名单|"
    "普查|试点城市|试验区|先导区|先行区|制度|实验室|示范区|"
    "改革|机制|清单|目录|活动|补贴|系统|项目|品牌|计划(?!总?投资)|工程|行动|平台|基金|试点|中心|联盟|走廊|条例|办法|措施|方案|规划|政策|专项|举措|基地|特派团|场景汇|(?<![债证])券|"
    "攻坚战|保卫战|督察|枢纽|研究院|学院|大学|国家公园|攻坚|强省|强市|(?<![加增])强区(?!域)|"
    "(?<=[长诺任员决伸派])制|"
    f"{ROUTE_HEADS}"
)
MEASURE_HEAD = re.compile(MEASURE_HEADS)
# A province, region or city strong in a field (制造强省, 制造强区, 文化旅游强市) is a campaign the field alone names,
# in two characters, and so is a system of chiefs (林长制, 河长制, 链长制: the chief of a forest, a river, an industry's
# chain). Another system of responsibility or of appointment says which one by a longer name (告知承诺制,
# 粮食安全责任制, 总会计师委派制; not 责任制).
BECOMING_HEAD = re.compile(r"强省|强区|强市")
CHIEFS = "长制"
VISION = "现代化"
# A campaign a province or city runs on itself, named by a quality and the place: 平安江苏建设, 建设健康广西.
CAMPAIGN_VERB = "建设"
CAMPAIGN_REACH = 8  # a quality and a place: the characters before 建设 tagged
QUALITY_TAGS = ("a", "an", "n", "nz", "ns", "b")  # 平安, 法治, 美丽 (tagged ns); not a verb (助力|贵州建设)
# What 建设 builds, ending its clause (建设|美丽广西，), read in a short window so a long clause costs no more.
CLAUSE_END_WORDS = re.compile(r"[\u4e00-\u9fff]{1,8}(?=[，,。；;、]|$)")
CLAUSE_END_REACH = 9
QUALITY_LENGTH = 2
# 公园, 校园, 家园, 幼儿园, 植物园, 梨园, 葡萄园 … are not parks of the zone, nor a university's grounds (临港大学园区,
# 沙河高教园), nor parks in a layout counted (一中心多园区);
# high-tech zones, industrial zones, bonded zones, free-trade zones and their areas (自贸试验区哈尔滨片区), cooperation
# zones and cities of science or of an industry are (东湖高新区, 南港工业区, 南沙自贸区, 宁河京津合作示范区,
# 长三角生态绿色一体化发展示范区, 贵州航空产业城), and so are the zones of independent innovation, of farming high
# technology, around an airport and of a dry port (长株潭国家自主创新示范区, 周口国家农高区, 郑州航空港区,
# 乌鲁木齐国际陆港区).
PARK_HEAD = re.compile(
    r"综合保税区|综保区|保税港区|保税区|片区|(?<![更创])新区|科学城|科技城|生态城|产业新?城|航天城|汽车城|高新区|经开区|开发区|工业区|新片区|自创区|经济区|合作区"
    r"|合作示范区|一体化发展示范区|自主创新示范区|农高区|航空港区|陆港区|商务区|自贸区|产业园区|科技园区|产业园|科技园"
    r"|(?<![公校家花乐菜果梨茶桃橘萄庄田陵儿物多])(?<!大学)(?<!高教)园区?"
)
# An area (片区) is a zone as an area of a free-trade zone, however written (自贸区南沙片区, 自由贸易试验区南沙片区).
FREE_TRADE = re.compile("自贸|自由贸易")
# A park's name has a proper noun in it (沙河高教园, 天竺综保区), not only words (合作园区, 世界领先科技园区).
PROPER_TAGS = ("ns", "nz", "nr", "nrt", "nt", "j", "eng")
# Those of places and of what is named after one (jieba tags many a place, 紫金山, 金凤, as a person's name).
PLACE_TAGS = ("ns", "nz", "nr", "nrt")
# A Chinese character that is not a numeral: a word of them jieba does not know is a name (六松).
HAN = re.compile(r"[\u4e00-\u9fff](?<![〇一二三四五六七八九十百千万两])")
# A count, whatever jieba tags it, is no proper noun: 五大, 新一轮 (tagged nz).
NUMERAL_COUNT = re.compile(r"新?[〇一二三四五六七八九十百千万两几]+[大个家项类批轮]?")
# An ordinal says which of its kind a thing was first, not which thing: 青藏高原首个|综合保税区, 全国首个|…试点.
ORDINAL = re.compile(r"首[个家批座]|第[〇一二三四五六七八九十\d]+[个家批座]")
# What jieba's dictionary lists after a place's bare name as a place (合肥市 is ns though 合肥 is tagged n): the
# dictionary is the gazetteer.
DIVISIONS = ("市", "省", "县", "区", "州")
# Those of a city, county or province: a verb the tagger reads is still a place when it names one (遵义市, 大同县),
# not when only a district has its name (振兴区: 振兴 is a verb).
CITY_DIVISIONS = ("市", "省", "县", "州")
# A noun right after a head word continues the noun: 中心城区, 实验室集群, 平台经济.
NOUN_TAGS = ("n", "ns", "nt", "nz", "nr", "nrt")
# Parts of speech (jieba's tag set) a name is made of: nouns of every kind and noun morphemes (三江|源国家公园),
# verbal and adjectival nouns, distinguishing words, numerals and measure words (新一轮, 三年), idioms, Latin
# letters, words of direction (中国西部科学城).
NAME_TAGS = (*NOUN_TAGS, "ng", "nw", "vn", "an", "b", "j", "l", "m", "mq", "q", "eng", "a", "s", "t", "f")
# A document referring to itself or to one named before: 制定本实施办法, 该方案.
BACK_REFERENCE = re.compile(r"(?:本|该|此|上述|前述)(?:实施|若干|暂行|专项)?")
# Words jieba tags as adverbs that official names use as modifiers: 深汕特别合作区.
ADVERBS_IN_NAMES = ("特别",)
# Generic words that never start a name: "各类平台", "相关政策", "一批基地", "重点工程", nor a time (这个时候|产业基金).
GENERIC = re.compile(
    r"^(?:各类|各项|相关|有关|一批|一系列|重点|重大|这些|该|其|本|上述|新|多|一|等|全|主要|国家级|市级|区级|省级"
    r"|时候|时期|期间|阶段|过程)$"
)
# Words that say how big, how important or whose a thing is, not which one: a name made only of them and a head
# (国家实验室, 全国重点实验室, 综合改革试点, 特殊政策) is a kind of thing, not a name.
SCOPE = re.compile(
    r"国家级|省级|市级|区级|县级|国家|全国|国际|中央|地方|重点|重大|重要|相关|有关|各类|各项|综合性|综合|专项|特殊|特别"
    r"|有效|有力|配套|优惠|新型|现代|一批|一揽子|高水平|关键|功能性|不同|新|大"
)
# A verb (with its adverb) that opens a programme's name in running text: 深入实施城市更新行动, 启动建设…中心,
# 落实和推广…先行先试政策, 深入打好污染防治攻坚战 (a campaign is a battle fought). The name is what lies between it
# and the head word.
ADVERB = (
    r"(?:深入|积极|全力|大力|全面|充分|加快|持续|扎实|高水平|高标准|常态化|进一步|不断|努力|稳步|率先|顺利|超额"
    r"|联合|接续)"
)
PROGRAMME_VERB = (
    r"(?:实施|开展|启动|落实|落细|完成|推进|推动|建设|打造|制定|出台|印发|编制|推广|深化|设立|创建|争创|建立|办好|组建"
    r"|发起|共建|争建|建强|做实|做强|发挥|利用|用于|采取|清理|培育|优化|增强|争取|探索|新建|改造|做好|用好|完善|加强"
    r"|构建|强化|支持|鼓励|组织|参与|入选|获批|列入|纳入|健全|搭建|打好|打赢|推出|推行|谋划|修订)"
)
LEAD_VERBS = re.compile(rf"^(?:{ADVERB}*新?{PROGRAMME_VERB}(?:[和及了]|好)?)+")
FRAME_VERB = re.compile(rf"{ADVERB}*{PROGRAMME_VERB}")
FRAME_ADVERB = re.compile(ADVERB)  # 加快, 深入: how a sentence's verb acts, never a name's modifier
# What ends the stretch a name can open in: punctuation, 等 (not 高等, 平等: the list before it is examples, the
# name after it a kind), 的 (a description before the name), 是 (what is said of a subject: 以经济建设为中心是|…),
# a preposition (支持在京高校|开展…), 和 after a head
# word or before a verb (天使母基金和|种子基金, 建立特别机制和|实施特殊政策).
FRAME_BOUNDARY = re.compile(
    rf"[，,。；;：:、（）()“”《》\s的是在对由向将把从与]|(?<![高平同均对中相])等|(?<=[划程动台金点心盟廊例法施案策项地度制园学院坚])[和及]|[和与及](?={PROGRAMME_VERB})"
)
# A count before a name counts things of a kind (30项市级疏堵工程, 新建50个区域养老服务中心), and a sum sizes one
# (超500亿元区域基金, 200亿天使母基金), so the name is what follows, judged on its own; 万 and 亿 before a unit of
# measure give an extent, no count (黑土地保护工程|1036万亩), and in words a place may hold them (十万大山).
COUNT = re.compile(
    r"^(?:超|近|约|逾)?(?:\d+(?:\.\d+)?|[一二三四五六七八九十百千几两]+)余?"
    rf"(?:[万亿]?[个家项支批座所条类]|[万亿]元|(?<=\d)[万亿](?!{BASE}))"
)
TIMES = re.compile(r"^(?:\d+|[一二三四五六七八九十两]+)次")  # 修订|1次|职业院校专业目录: how often, before a name
# A count that ends its clause, counting what came before it (新建国家现代农业产业园2个、).
COUNTED_LAST = re.compile(COUNT.pattern + r"(?:[，,。；;、]|$)")
# A count of things inside a name (布局4个|基础科学中心, 首批63个|省重点实验室) counts things of a kind, like a count
# before it; a package's count of items stays (长江经济带高质量发展84项政策措施), and months (3个月) are no things.
COUNTED_THINGS = re.compile(r"(?:\d+|[一二三四五六七八九十两几]+)余?(?:个(?!月)|[家座所支批])")
# ... and right before the head, the things counted are what the head names (科创2支基金, 精细化工2个平台, 一批项目).
COUNTED_LAST_THINGS = re.compile(COUNTED_THINGS.pattern + "$")
# A count inside a park-like name counts zones of a kind (五大开发区), or one zone of each place listed before it:
# 武汉东湖、襄阳、宜昌3家高新区 names 武汉东湖高新区, 襄阳高新区 and 宜昌高新区.
COUNTED_KIND = re.compile(COUNT.pattern.lstrip("^"))
# A time a sentence opens on, which a noun chain takes in (今年|雄安新区, tagged t as 明月 of 明月湖科创园 is).
TIME_OPENING = re.compile(r"(?:今年|去年|明年|全年|当年|近年来?|目前|当前)")
# Zones of which many places have one, so that a list of places before one names a zone of each (曲靖、祥云经开区);
# a zone only one place has (临港新片区, 上海自贸区) follows that place alone.
SHARED_KIND = re.compile(r"经开区|高新区|开发区|产业园区?|科技园区?|科技城|科学城")
# An economic region (川南经济区, 成都平原经济区, 北部湾经济区, 洞庭湖生态经济区) is a region, not a zone; the economic
# zone around an airport or a port is one (北京大兴国际机场临空经济区, 广州空港经济区).
ZONE_ECONOMY = re.compile(r"(?:临空|空港|临港)$")
# A name a programme verb opens on a word for many or all of a kind names the kind (培育各类工业互联网平台,
# 建设更多高能级开放平台, 辖区社区卫生服务中心; a noun chain drops such a GENERIC word instead), and one opening on 领域
# was cut from a phrase (重点产业和领域|中试平台). 全省一体化在线政务服务平台 is one system.
MANY_OF = re.compile(r"^(?:各类|各项|各级|一批|一系列|更多|多种|多个|全部|所有|辖区|领域)")
# Characters of modifier, scope words aside, that make a name specific (城市更新行动, 国家血液病医学中心).
SPECIFIC_LENGTH = 3
LETTER = re.compile(r"[\u4e00-\u9fffA-Za-z]")
# What a bracket inside a name holds: a place or a part of one, a few characters and no numeral (安徽, 自贸片区).
QUALIFIER = re.compile(r"(?![〇一二三四五六七八九十百千两]+$)[\u4e00-\u9fff]{1,6}")
# Heads of facilities and policies, which a plain phrase of a few words names as kinds (科技创新中心, 就业优先政策):
# such a name says which one only with a proper noun or a longer modifier.
FACILITIES = "平台|中心|基地"
KIND_HEAD = re.compile(rf"{FACILITIES}|政策|措施")
# Facilities, which a programme verb right before them builds rather than names (鼓励龙头企业建设研究院).
FACILITY_HEAD = re.compile(rf"{FACILITIES}|研究院|实验室")
BUILT_BY = re.compile(rf"{PROGRAMME_VERB}$")
KIND_MODIFIER_LENGTH = 4
WINDOW = 18
CUT_MARGIN = 4
FRAME_WINDOW = 24
# The most characters before a head word of a name a boundary opens where a verb inside it cut its noun chain.
OPENED_LENGTH = 12
# The words a modifier before a quoted name is made of: nouns, not numbers, dates or adjectives.
MODIFIER_TAGS = ("n", "nr", "nrt", "ns", "nt", "nz", "nw", "vn", "j", "l", "b", "eng")


@lru_cache(maxsize=8192)
def tagged(window, hmm=False):
    """jieba's words and parts of speech for a short window. The HMM pass for words not in the dictionary costs a
    hundred times more: measure names go without it, place names (天竺, 沙河), which need it, with it."""
    return tuple((pair.word, pair.flag) for pair in jieba.posseg.cut(window, HMM=hmm))


def inner_verb(words, index, chain):
    """A two-character verb used as a modifier between nouns: 创新 in 人工智能创新中心 (n v n), 制造 in
    生物制造中试平台, 保障 in 职业伤害保障试点 (伤害 tagged an adjective), 担保 after a verbal noun in
    国家融资担保基金, and 探险 before another such verb in 违规穿越探险整治行动; never a frame's adverb (引导企业|加快|
    数字化转型…工程)."""
    word, tag = words[index]
    left = words[index - 1] if index else ("", "")
    return (
        tag == "v"
        and len(word) == 2
        and not FRAME_ADVERB.fullmatch(word)
        and bool(chain)
        and chain[-1][1] in ("n", "vn", "j", "v")
        and left[1] in ("n", "nz", "ns", "eng", "a", "vn")
    )


# Nouns that say something of the thing named before them (提升国际科技创新中心|能级, 加大…补贴试点|力度), so the
# name ends before them ...
ATTRIBUTES = (
    "功能",
    "能级",
    "任务",
    "力度",
    "范围",
    "能力",
    "影响力",
    "竞争力",
    "地位",
    "框架",
    "成效",
    "水平",
    "作用",
    "典型",
    "案例",
    "名单",
    # ... what it yields (城市更新行动|成果, 试点|经验) ...
    "成果",
    "经验",
    "效应",
    "效益",
    "红利",
    "贡献",
    "优势",
    "机遇",
    "成效显著",
    # ... and how or what it does next, nouns to jieba (试点|有序推进, 工程|全面竣工, 政策|落地, 铁路|通车).
    "有序",
    "全面",
    "全部",
    "基本",
    "整体",
    "全线",
    "全线贯通",
    "落地",
    "通车",
    "通水",
    "上线",
    "投入使用",
    "惠及",
)


def continues_noun(following):
    """Whether the word after a head word continues the noun it ends (中心|城区, 实验室|集群, 平台|经济): a noun
    jieba's dictionary lists, not one of a thing's `ATTRIBUTES`. A word its HMM pieced together after a head
    (走廊|成势, of 成势见效) is a verb's."""
    word, tag = following
    if word in ATTRIBUTES:
        return False
    return tag in NOUN_TAGS and len(word) >= 2 and word in jieba.dt.FREQ


def chain_before(text, start, end, floor, ceiling, hmm=False):
    """The name ending at text[start:end] (a head word), read leftwards from at most WINDOW characters back: (name,
    offset, its words and tags from the head's word leftwards, the word after it); "" when the head is not a
    word's end (中心 in 中心城区, 园 in 园林). The head's word may be the whole name (苏州工业园区, tagged ns)."""
    reach = max(floor, start - WINDOW)
    # jieba reads a few characters more than the window, so a word starting at `reach` is segmented as in the text;
    # a word straddling `reach` is left out, as one the window would cut in half.
    left = max(floor, reach - CUT_MARGIN)
    words, position, following = [], left, ("", "")
    for word, tag in tagged(text[left : min(ceiling, end + 4)], hmm):
        if position >= end:
            following = (word, tag)
            break
        if position >= reach:
            words.append((word, tag))
        position += len(word)
    if position != end:
        return "", end, [], following
    words = with_bracketed_places(words)
    chain, length, tail = [], 0, end - start
    for index in range(len(words) - 1, -1, -1):
        word, tag = words[index]
        if length < tail:  # the head word itself, however jieba cut it
            chain.append((word, tag))
            length += len(word)
            continue
        # A verb or an adverb ends the name, but not a place the tagger read as one (、|遵义经济技术开发区, 大同经开区).
        named = tag in NAME_TAGS or word in ADVERBS_IN_NAMES or is_listed_place(word, CITY_DIVISIONS)
        if not named and not inner_verb(words, index, chain):
            break
        if ORDINAL.fullmatch(word):
            break
        if tag == "f" and len(word) == 1 and not (word == "中" and chain and chain[-1][1] == "ns"):
            break  # 扩区后|深圳高新区: a one-character word of direction places the sentence, 西部 names a place;
            # 中 before another country (中|德) pairs the two: 沈阳中德高端装备制造产业园
        placed = index and (words[index - 1][1] in ("ns", "p") or is_listed_place(words[index - 1][0], CITY_DIVISIONS))
        if tag == "vn" and placed and FRAME_VERB.fullmatch(word):
            break  # 海淀园建设…: after a place, a programme verb is the sentence's verb (临空 in 廊坊临空经济区 is not)
        chain.append((word, tag))
        length += len(word)
    while len(chain) > 1 and (GENERIC.match(chain[-1][0]) or len(chain[-1][0]) == 1):
        chain.pop()
    name = "".join(word for word, _ in reversed(chain))
    return name, end - len(name), chain, following


def with_bracketed_places(words):
    """The words with a short bracketed qualifier joined to the word before it, one proper word, as official names
    embed them: 中国（安徽）自贸试验区, 中国建造（安徽）互联网平台, 广州南沙新区(自贸片区)产业发展资金管理办法. A
    bracketed numeral is an enumerator, not a qualifier."""
    merged = []
    for word, tag in words:
        opening = next((i for i in range(len(merged) - 1, len(merged) - 5, -1) if i > 0 and merged[i][0] in "（("), 0)
        inner = "".join(part for part, _ in merged[opening + 1 :])
        if word in "）)" and opening and QUALIFIER.fullmatch(inner) and LETTER.match(merged[opening - 1][0][-1]):
            merged[opening - 1 :] = [(merged[opening - 1][0] + merged[opening][0] + inner + word, "nz")]
        else:
            merged.append((word, tag))
    return merged


def is_proper(word, tag):
    """A proper noun by its tag in context, or a word jieba's dictionary lacks (六松: a name it pieced together)."""
    if NUMERAL_COUNT.fullmatch(word):
        return False  # 五大 (tagged j) counts kinds: 五大开发区
    if LEAD_VERBS.fullmatch(word):
        return False  # 深化 (tagged j) is a verb before a kind: 深化|产业园区矩阵式改革
    if SCOPE.fullmatch(word):
        return False  # 国家级 says how important a zone is, not which: 建设|国家级高新区
    if tag in PROPER_TAGS or is_listed_place(word):
        return True
    return len(word) >= 2 and word not in jieba.dt.FREQ and all(HAN.match(char) for char in word)


def is_listed_place(word, divisions=DIVISIONS):
    """Whether jieba's dictionary lists the word with a division as a place: 合肥(市), 遵义(市) even where the
    tagger reads 遵义 as a verb. A single character with a division is a word (地区, 大区), not a place."""
    return len(word) >= 2 and any(place_tags().get(word + division) == "ns" for division in divisions)


def place_tags():
    """jieba's part-of-speech dictionary, loaded on first use."""
    jieba.posseg.dt.tokenizer.check_initialized()
    return jieba.posseg.dt.word_tag_tab


def names_ending_in(heads, text, start, end, proper=False):
    """(name, offset) of each name in text[start:end] ending in one of `heads`; the longest head wins where two
    follow each other (专项行动 is one head, not 专项 then 行动), and names do not overlap."""
    found, previous_end = [], start
    for match in heads.finditer(text, start, end):
        if heads.match(text, match.end(), end):
            continue
        name, offset, words, _ = chain_before(text, match.start(), match.end(), previous_end, end, hmm=True)
        (head_word, head_tag), *before = words or [("", "")]
        # The head's own word is a place only when jieba knows the whole zone as one (苏州工业园区, or an
        # organisation of a city: 天津经济技术开发区), not a word that merely ends in a head (入园, 幼儿园, 中央商务区).
        whole_place = len(head_word) >= len(match.group()) + 2 and (
            head_tag == "ns" or (head_tag == "nt" and is_listed_place(head_word[:2], CITY_DIVISIONS))
        )
        if proper and not (whole_place or any(is_proper(word, tag) for word, tag in before)):
            continue
        if len(name) - len(match.group()) >= 2 and len(name) >= 4:
            found.append((name, offset))
            previous_end = offset + len(name)
    return found


def measure_names(text, start, end):
    """(name, offset) of each measure named in text[start:end] by a head word, kept when `specific`.

    The name is the stretch after a programme verb (深入实施|城市更新行动, 启动建设|全国高校区域技术转移转化中心), else
    the noun chain before the head. A head followed by a noun is inside a longer noun (中心城区, 国际消费中心城市,
    实验室集群), not a name's end. A later name that starts at or before an earlier one contains it and replaces it
    (实施|自贸试验区提升战略行动, not 自贸试验区)."""
    found = []
    for match in MEASURE_HEAD.finditer(text, start, end):
        if MEASURE_HEAD.match(text, match.end(), end):
            continue
        chain, offset, _, following = chain_before(text, match.start(), match.end(), start, end, hmm=True)
        if continues_noun(following) or COUNT.match(text[match.end() : end]):
            continue  # 中心|城区: inside a longer noun; 工程研究中心|29家: things of a kind, counted
        opening = frame_opening(text, match.start(), start)
        name, offset = (
            opened_name(text, opening, match.start(), match.end(), offset)
            or framed_name(text, opening, match.start(), match.end())
            or (chain, offset)
        )
        while found and found[-1][1] >= offset:
            found.pop()
        if found and found[-1][1] + len(found[-1][0]) > offset:
            cut = found[-1][1] + len(found[-1][0])
            name, offset = name[cut - offset :], cut
        name, offset = trimmed(name, offset, match.group())
        if FACILITY_HEAD.fullmatch(match.group()) and BUILT_BY.search(name, 0, len(name) - len(match.group())):
            continue  # 企业建设|研究院: the facility is what the sentence builds, unnamed
        if ROUTE_HEAD.fullmatch(match.group()):
            name, offset = route_named(name, offset, match.group())
        listed = names_listed_before(text, start, name, offset, match.group()) or programmes_listed_before(
            text, start, match.end()
        )
        if listed:
            while found and found[-1][1] >= listed[0][1]:
                found.pop()
            found += listed
        elif specific(name, match.group()) and not bounds_a_zone(text, name, offset):
            found.append((name, offset))
    found += place_campaigns(text, start, end) + programmes_in_brackets(text, start, end)
    return sorted(found, key=lambda pair: pair[1])


# Programmes bundled under a count with their items in brackets after it: 实施八大工程(创新引领、集群强链、…) and
# 实施“三大工程”（即创新引领、集群强链和项目支撑） name 创新引领工程 … when the items, short words each, are as many as
# the count says, none names a thing of its own, and none says who leads or when (市科技局, 按职责分工负责, 年底前完成).
BUNDLE_ITEMS = re.compile(
    rf"(?P<count>[一二三四五六七八九十两]+|\d+)[大项个](?P<head>{MEASURE_HEADS})[”\"]?[（(]即?(?P<items>[^（()）]{{4,200}}?)[）)]"
)
BUNDLE_ITEM = re.compile(r"[“\"]?(?P<item>[\u4e00-\u9fff]{2,10})[”\"]?")
BUNDLE_ITEM_NOT = re.compile(r"^[市省区县]|[局委部办厅]$|负责|牵头|分工|启动|完成|年底|年初|上半年|下半年|[前后]$")
BUNDLE_JOINER = re.compile(r"、|和(?=[^、]*$)")


def programmes_in_brackets(text, start, end):
    """(name, offset) of each programme a count bundles and its brackets list (`BUNDLE_ITEMS`)."""
    found = []
    for match in BUNDLE_ITEMS.finditer(text, start, end):
        count, head = match.group("count"), match.group("head")
        expected = int(count) if count.isdigit() else chinese_number(count.replace("两", "二"))
        offset, items = match.start("items"), []
        for written in BUNDLE_JOINER.split(match.group("items")):
            item = BUNDLE_ITEM.fullmatch(written)
            items.append(item and (item.group("item"), offset + item.start("item")))
            offset += len(written) + 1
        if expected != len(items) or not all(items):
            continue
        if any(BUNDLE_ITEM_NOT.search(item) for item, _ in items):
            continue
        if any(ending.end() == len(item) for item, _ in items for ending in MEASURE_HEAD.finditer(item)):
            continue  # 三大平台（…研究院、…中心）: items with names of their own, found as such
        found += [(item + head, item_offset) for item, item_offset in items]
    return found


def place_campaigns(text, start, end):
    """(name, offset) of each campaign named by a quality and its place: before 建设 (健康广州建设, and each item of
    a list that writes 建设 once: 平安江苏、法治江苏建设) or after it, ending the clause (建设健康广西，). Not the
    nation's (美丽中国建设) nor a place's bare development (加快江苏建设: 加快 is no quality)."""
    found = []
    position = text.find(CAMPAIGN_VERB, start, end)
    while position >= 0:
        after = position + len(CAMPAIGN_VERB)
        item, items = campaign_before(text, start, position), []
        while item:
            items.append(item)
            item = text[item[1] - 1 : item[1]] == "、" and campaign_before(text, start, item[1] - 1)
        found += [(name + CAMPAIGN_VERB, offset) for name, offset in reversed(items)]
        built = CLAUSE_END_WORDS.match(text, after, min(end, after + CLAUSE_END_REACH))
        if not items and built and campaign_before(built.group(), 0, len(built.group())) == (built.group(), 0):
            found.append((built.group(), after))
        position = text.find(CAMPAIGN_VERB, after, end)
    return found


def campaign_before(text, start, end):
    """(quality and place, offset) ending at text[end], as 平安江苏, or None: a place jieba's dictionary lists as
    one, also with its division (贵州, 贵州省; not 城市 of 国际消费中心城市, nor 中心 for 中心区), after a
    two-character quality that is no verb."""
    words = tagged(text[max(start, end - CAMPAIGN_REACH) : end], hmm=True)
    if len(words) < 2:
        return None
    (quality, quality_tag), (place, _) = words[-2:]
    if place_tags().get(place) != "ns" or not is_listed_place(place) or place in NATION:
        return None
    opening, opening_tag = words[-3] if len(words) > 2 else ("", "")
    if opening_tag in NAME_TAGS and not (LEAD_VERBS.fullmatch(opening) or SCOPE.fullmatch(opening)):
        return None  # 协作|助力|贵州建设, 青年|投身|深圳建设: the quality opens its phrase (更高水平|平安贵州建设)
    if len(quality) != QUALITY_LENGTH or quality_tag not in QUALITY_TAGS:
        return None
    if not all(map(HAN.match, quality)) or FRAME_VERB.fullmatch(quality):
        return None
    return quality + place, end - len(place) - len(quality)


# Heads a place alone names (紫金山实验室, 雄商高铁), so that a list of places before them names one each: 紫金山、
# 太湖等实验室, 邵永、铜吉等6条高铁.
PLACE_NAMED_HEAD = re.compile(rf"实验室|{ROUTE_HEADS}")
# What may stand between a list's last place and such a head: 等 or a count, and a place they share (3个重庆实验室).
LIST_TO_HEAD = re.compile(
    r"(?:等|(?<=[\u4e00-\u9fff])(?=\d|[一二三四五六七八九十两]))(?:(?:\d+|[一二三四五六七八九十两]+)[个条座家所])?"
    r"(?P<shared>[\u4e00-\u9fff]{0,4})$"
)
LIST_REACH = 15


def names_listed_before(text, start, name, offset, head):
    """(name, offset) of each measure a list before `name` names by its kind written once at the end: 今年建成雄商、
    济滨高铁 names 雄商高铁 and 济滨高铁; 紫金山、太湖等实验室 names 紫金山实验室 and 太湖实验室 when the head is one a
    place alone names (`PLACE_NAMED_HEAD`), with nothing but a place between 等 or the count and the head (清华、北大等
    高校共建实验室 names no laboratory). Empty unless at least two items are places (`items_before`)."""
    if text[offset - 1 : offset] == "、" and offset > start:
        lead = 0
        for word, tag in tagged(name, hmm=True):
            if not is_proper(word, tag):
                break
            lead += len(word)
        if not lead or len(name) - lead < len(head) or COUNTED_LAST_THINGS.search(name, 0, len(name) - len(head)):
            return []  # no places listed, or things counted (宁夏现代煤化工、中科生物制造2个平台)
        if MEASURE_HEAD.search(name, 0, lead):
            return []  # the last item names a thing of its own (藏粤直流、青藏铁路格拉段…工程), not a place
        kind, last = name[lead:], (name[:lead], offset)
    elif PLACE_NAMED_HEAD.fullmatch(head):
        stretch = LIST_TO_HEAD.search(text, max(start, offset - 10), offset + len(name) - len(head))
        shared = stretch and stretch.group("shared")
        if not stretch or (shared and not all(tag in PLACE_TAGS for _, tag in tagged(shared, hmm=True))):
            return []
        kind, last = head, list_item(text, start, stretch.start())
    else:
        return []
    items = items_before(text, start, last) if last else []
    if any(PARK_HEAD.search(item) for item, _ in items):
        return []  # an item naming a zone of its own (亳州高新区管委会、亳芜现代产业园区) shares no kind
    return [(item + kind, item_offset) for item, item_offset in items] if len(items) > 1 else []


def items_before(text, start, last, item_at=None):
    """The items of the list that ends in `last` (item, offset), in text order: each item before a 、, back to the
    first that is not one (`item_at`, by default a place: `list_item`), LIST_ITEMS at most, so that reading a list
    whose every item holds a head word stays linear in its length."""
    item_at = item_at or list_item
    items = [last]
    while (
        len(items) < LIST_ITEMS
        and text[items[-1][1] - 1 : items[-1][1]] == "、"
        and (item := item_at(text, start, items[-1][1] - 1))
    ):
        items.append(item)
    return items[::-1]


# Programmes listed with their kind written once: after the last (产业能级跃升、科创能力攀登工程) or after 等 with the
# words they share (千企技改、数字化转型等专项行动, 海绵城市、完整社区等国家试点).
PROGRAMME_KIND = re.compile(r"(?:等[\u4e00-\u9fff]{0,2})?(?:专项)?(?:行动|工程|试点|计划|保卫战)$")
PROGRAMME_KIND_REACH = 8
# An item says which programme in four characters or more; shorter ones are what one programme acts on, and the
# list is its name (蓝天、碧水、净土保卫战, 危化品、高层建筑安全隐患排查整治专项行动).
PROGRAMME_ITEM_LENGTH = 4
PROGRAMME_ITEM_REACH = 16
LIST_ITEMS = 12
# A last item longer than every other by more than a character holds words the list shares (城镇燃气、自建房安全专项
# 整治行动, 集成电路、人工智能产业创新工程), and one with a count bundles the list (科技创新、人才引育三大工程): no
# programme each.
SHARED_TAIL = 1
BUNDLED = re.compile(r"[二三四五六七八九十两几]+[大个项类]")
HAN_WORDS = re.compile(r"[\u4e00-\u9fff]+")
# Adverbs, conjunctions, pronouns, prepositions, particles and positions join a sentence's words, not a name's.
SENTENCE_TAGS = ("d", "c", "r", "p", "u", "f")


def programmes_listed_before(text, start, head_end):
    """(name, offset) of each programme a list ending at text[head_end] names by its kind written once; the whole
    list as one name when its items before the last are short (`short_items_before`); else empty."""
    kind = PROGRAMME_KIND.search(text, max(start, head_end - PROGRAMME_KIND_REACH), head_end)
    last = kind and item_words(text, start, kind.start())
    if not last:
        return []
    items = items_before(text, start, last, programme_item) if len(last[0]) >= PROGRAMME_ITEM_LENGTH else []
    if len(items) > 1:
        if not kind.group().startswith("等") and shares_its_tail(items):
            return []
        named = kind.group().removeprefix("等")
        return [(item + named, offset) for item, offset in items]
    opening = not kind.group().startswith("等") and short_items_before(text, start, last[1])
    return [(text[opening:head_end], opening)] if opening else []


def shares_its_tail(items):
    """Whether a list's last item holds words all its items share, or bundles them with a count (`SHARED_TAIL`)."""
    last = items[-1][0]
    return len(last) > max(len(item) for item, _ in items[:-1]) + SHARED_TAIL or bool(BUNDLED.search(last))


def short_items_before(text, start, position):
    """Where a list of short items opens that runs into the item at text[position] (危化品、|高层建筑安全隐患排查整治,
    蓝天、碧水、|净土), after the verbs that introduce it (深入打好|); None if there is none."""
    opening, items = None, 0
    while (
        items < LIST_ITEMS and text[position - 1 : position] == "、" and (item := item_words(text, start, position - 1))
    ):
        if len(item[0]) >= PROGRAMME_ITEM_LENGTH:
            break
        opening = position = item[1]
        items += 1
    return opening


def programme_item(text, start, end):
    """(item, offset) of the programme's own words that end at text[end] (`item_words`), four characters or more."""
    item = item_words(text, start, end)
    return item if item and len(item[0]) >= PROGRAMME_ITEM_LENGTH else None


def item_words(text, start, end):
    """(item, offset) of a list item's words that end at text[end], after the boundary and any verb or time that
    open them (我们将|聚力实施|产业能级跃升), else None: a name of its own or a task, or words of a sentence rather
    than a name (…贷款分别完成年, 市、区各类人才)."""
    left = max(start, end - PROGRAMME_ITEM_REACH)
    marks = list(FRAME_BOUNDARY.finditer(text, left, end))
    opening = marks[-1].end() if marks else left
    item, offset = trimmed(text[opening:end], opening, "")
    if not HAN_WORDS.fullmatch(item) or MEASURE_HEAD.search(item) or PARK_HEAD.search(item) or BUILT_BY.search(item):
        return None  # a name of its own (黄山水利枢纽), or a task (南水北调后续工程建设, 新型基础设施建设)
    return None if any(tag in SENTENCE_TAGS for _, tag in tagged(item, True)) else (item, offset)


def ends_in_head(words):
    """Whether `words` end in a measure's or a park's head word: a name of its own."""
    return any(match.end() == len(words) for heads in (MEASURE_HEAD, PARK_HEAD) for match in heads.finditer(words))


def list_item(text, start, end):
    """(item, offset) of the place that ends a list's item at text[end]: the nouns before it, after any verb
    (今年建成|雄商), else None: a name of its own (隆泸叙铁路), a word that is no place or ends in a verb (上海建设)."""
    run = re.search(r"[\u4e00-\u9fff]{1,14}$", text[max(start, end - LIST_REACH) : end])
    if not run or ends_in_head(run.group()):
        return None
    # A city or county the tagger misreads ends an item all the same: 克拉玛依、遵义、…, 推动大连、营口、… (遵义 as a
    # verb, 大连 as an adverb); before a place it is the sentence's verb (积极延长|榆林).
    words = tagged(run.group(), hmm=True)
    length = 0
    for index in range(len(words) - 1, -1, -1):
        word, tag = words[index]
        misread = index == len(words) - 1 and is_listed_place(word, CITY_DIVISIONS)
        if tag not in NAME_TAGS and not misread:
            break
        length += len(word)
    item = run.group()[len(run.group()) - length :]
    verbs = LEAD_VERBS.match(item)  # 挂牌建设|金凤
    if verbs:
        item, length = item[verbs.end() :], length - verbs.end()
    if len(item) < 2:
        return None
    words = tagged(item, hmm=True)
    last, last_tag = words[-1]
    if (last_tag == "vn" and not is_listed_place(last, CITY_DIVISIONS)) or not any(
        is_proper(word, tag) for word, tag in words
    ):
        return None  # 上海建设: a verb, not a place (营口, read as one, is a city)
    return item, end - length


def route_named(name, offset, head):
    """A public work is named by its places (and where it runs: 沿江高铁) and nothing before them:
    西线主通道重点工程|隆泸叙铁路, 亚洲最大专业货运机场|花湖国际机场, 投用|枣庄机场; a kind (城际铁路, 一批机场)
    keeps no name."""
    places = 0
    for word, tag in reversed(with_bracketed_places(tagged(name[: len(name) - len(head)], hmm=True))):
        if word in NATION or not (is_proper(word, tag) or tag == "f" or word in ROUTE_WORDS):
            break
        places += len(word)
    cut = len(name) - len(head) - places
    return name[cut:], offset + cut


def modifier_before(text, position, floor):
    """Where the noun chain that ends right before text[position] starts, as 地方政府专项债 before “自审自发”试点 and
    高质量发展 before “十项行动”; `position` itself when a verb, punctuation or only generic or scope words come
    first."""
    chain, offset, _, _ = chain_before(text, position, position, floor, position + 1, hmm=True)
    chain, offset = trimmed(chain, offset, "")
    if len(chain) < 2 or GENERIC.match(chain) or not SCOPE.sub("", chain) or LEAD_VERBS.fullmatch(chain):
        return position
    if any(tag not in MODIFIER_TAGS for _, tag in tagged(chain, True)):
        return position  # 壮大|“…”基金, 2021年|“双减”政策: a verb or a date, not a name's words
    return offset


# Where a clause's words open: after punctuation or a space.
CLAUSE_MARK = re.compile(r"[，,。；;：:、（）()“”《》\s]")
PURPOSE_REACH = 12
JOINING = re.compile(r"[的了和与及并或]")


def purpose_before(text, position, end, floor):
    """Where the purpose a package of articles text[position:end] is named for starts (稳增长 before “21条”,
    经济向上向好 before “30条”): the clause's words right before it, which need not be nouns, without a time or the
    verbs that introduce them (制定实施|, 先后推出|); `position` itself when no clause mark opens them in reach or
    they open on a particle or a conjunction (出台的|“10条”, 和|“26条”)."""
    left = max(floor, position - PURPOSE_REACH)
    marks = list(CLAUSE_MARK.finditer(text, left, position))
    if not marks and left > floor:
        return position
    opening = marks[-1].end() if marks else left
    purpose, offset = trimmed(text[opening:end], opening, "")
    return position if JOINING.match(purpose) or offset >= position else offset


def frame_opening(text, head_start, floor):
    """Where the stretch before a head word opens: after the last boundary (punctuation, 等, 的 ...) in reach, or at
    `floor`; None when there is none in reach, the stretch being too long to be a name."""
    left = max(floor, head_start - FRAME_WINDOW)
    boundaries = list(FRAME_BOUNDARY.finditer(text, left, head_start))
    if not boundaries and left > floor:
        return None
    return boundaries[-1].end() if boundaries else left


def framed_name(text, opening, head_start, head_end):
    """(name, offset) when a programme verb opens the stretch before the head word (`opening` it opens at), with
    nothing but words between (no punctuation, no 等 or 的), else None. A verb right before the head opens nothing:
    it qualifies the head (青藏铁路格拉段电气化|改造工程)."""
    verb = opening is not None and FRAME_VERB.search(text, opening, head_start)
    return (text[verb.start() : head_end], verb.start()) if verb and verb.end() < head_start else None


def opened_name(text, opening, head_start, head_end, chain_offset):
    """(name, offset) of the whole stretch a boundary opens before the head word when a verb inside a name cut its
    noun chain short (，|东六环入地改造工程: jieba tags 入地 and 改造 verbs), else None. The stretch is short, made of a
    name's words and verbs, opens on a proper noun, has no programme verb but one right before the head (浙江推进|千万
    工程 is a sentence) and holds no other name's head (中国（安徽）|自贸试验区累计推出25项制度), but for a public work
    the project builds on (乌东德水电站送出工程)."""
    if opening is None or not 2 <= head_start - opening <= OPENED_LENGTH or opening >= chain_offset:
        return None
    words = tagged(text[opening:head_start], True)
    if not is_proper(*words[0]) or any(tag not in NAME_TAGS and tag != "v" for _, tag in words):
        return None
    if any(verb.end() != head_start for verb in FRAME_VERB.finditer(text, opening, head_start)):
        return None
    heads = MEASURE_HEAD.finditer(text, opening, head_start)
    if any(not ROUTE_HEAD.fullmatch(head.group()) for head in heads) or PARK_HEAD.search(text, opening, head_start):
        return None
    return text[opening:head_end], opening


# A verb joined by 及 to what follows it is a noun of the name: 平台建设及应用水平提升计划 (和 and 与 join two names
# as often: 数字政府建设|和数据要素市场化配置改革).
JOINED = "及"
CONJUNCTIONS = "和与及"


def trimmed(name, offset, head):
    """The name without a time or the verbs that introduce it (今年, 深入实施, 落实和推广), a count before it (30项,
    1次) or of things in it (布局4个|基础科学中心), or what comes before a verb that still has four characters of name
    after it (社会力量建设|智能算力中心; 绿色消费推进行动, 国家学院建设试点 and 平台建设及应用水平提升计划 keep their
    verb: it is part of the name)."""
    inner = [
        verb
        for verb in FRAME_VERB.finditer(name, 1)
        if len(name) - len(head) - verb.end() >= 4
        and name[verb.end()] not in JOINED
        and not FRAME_VERB.match(name, verb.end())  # 法规规章修订清理专项行动: verbs side by side are the name's
    ]
    if inner:
        cut = inner[-1].end() + (name[inner[-1].end()] in CONJUNCTIONS)  # 建设|和|数据要素…改革: no name opens on 和
        name, offset = name[cut:], offset + cut
    for pattern in (TIME_OPENING, LEAD_VERBS, COUNT, TIMES):
        cut = pattern.match(name)
        if cut and cut.end() < len(name):
            name, offset = name[cut.end() :], offset + cut.end()
    counted = [count for count in COUNTED_THINGS.finditer(name) if count.end() < len(name) - len(head)]
    if counted:
        name, offset = name[counted[-1].end() :], offset + counted[-1].end()
    return name, offset


def specific(name, head):
    """A name says which one: its words before the head, scope words (国家, 重点, 综合 …) aside, have at least
    SPECIFIC_LENGTH letters. 城市更新行动 and 国家血液病医学中心 are names; 惠民政策, 科创平台, 全国重点实验室
    are kinds, a count names things counted (科创2支基金), and a list's number (19.政策) is no letter. A facility or
    a policy with a short modifier needs a proper noun in it (保定国家数据标注基地): 科技创新中心, 咨询服务平台 and
    就业优先政策 are kinds."""
    modifier = name[: len(name) - len(head)]
    if BACK_REFERENCE.fullmatch(modifier) or MANY_OF.match(modifier) or COUNTED_LAST_THINGS.search(modifier):
        return False
    words = "".join(word for word, _ in tagged(modifier) if not SCOPE.fullmatch(word))
    if BECOMING_HEAD.fullmatch(head) or name.endswith(CHIEFS):  # 现代化强省 is the vision, strong in no field
        return len(LETTER.findall(words)) >= QUALITY_LENGTH and not modifier.endswith(VISION)
    if ROUTE_HEAD.fullmatch(head):  # a route says which one by its places (`route_named`): 广湛高铁, not 大型水库
        return len(LETTER.findall(ROUTE_WORD.sub("", modifier))) >= 2
    if head == "实验室" and any(tag in PLACE_TAGS for _, tag in tagged(modifier, hmm=True)):
        return len(LETTER.findall(modifier)) >= 2  # a place names a laboratory: 鹏城实验室 (国家实验室 is a kind)
    if len(LETTER.findall(words)) < SPECIFIC_LENGTH:
        return False
    if KIND_HEAD.fullmatch(head) and len(modifier) <= KIND_MODIFIER_LENGTH:
        return any(is_proper(word, tag) for word, tag in tagged(modifier, hmm=True))
    return True


# A landmark a zone's boundary runs to (四至范围:东至坪桥山,西至IT产业园,东至川黔铁路) is a place on a map, neither a
# park nor a measure. The direction opens a clause (not 向西至…, 济南至…), and 东至 before a zone's kind alone is the
# county (东至县, 东至经济开发区).
DIRECTION_TO = re.compile(r"[东南西北]至(?!县)")
BOUNDARY = re.compile(rf"(?<![\u4e00-\u9fff]){DIRECTION_TO.pattern}")
# The words that say only what kind a zone is: 工业|园区, 高新技术产业|开发区.
ZONE_KIND_WORDS = re.compile(r"(?:经济技术|高新技术|特色|工业|产业|经济|科技|现代|综合)*")
# A zone named by a province or the nation and its kind alone (云南省工业园区, 中国开发区) stands for all the zones
# there: a kind (四川省天府新区 is one).
REGION = re.compile(r"(?:省|自治区)$")


# A name ending in a bare 园 that a company's name goes on from, with words of its own only, is the company's
# (山东万紫园旅游开发有限公司), not a park; a zone before a company (青岛高新区海尔集团, 苏州工业园区与中车集团) is one.
COMPANY_AFTER = re.compile(r"(?:(?![与和同及在的向对把将])[\u4e00-\u9fff]){0,6}?(?:有限(?:责任)?公司|集团)")


def park_like_names(text, start, end):
    """(name, offset) of each park-like place named in text[start:end]: …园, …园区, 科学城, 综保区. A name starts
    after the last 区 before its head: 上海自贸试验区洋山保税港区 names 洋山保税港区, inside the free-trade zone."""
    found = []
    for name, offset in names_ending_in(PARK_HEAD, text, start, end, proper=True):
        if bounds_a_zone(text, name, offset):
            continue
        cut = direction_in(name)  # a route's end: 向西至|霍尔果斯经济开发区
        name, offset = name[cut:], offset + cut
        if COUNTED_LAST.match(text[offset + len(name) : min(end, offset + len(name) + 9)]):
            continue  # 新建国家现代农业产业园2个: parks of a kind, counted (not 东湖高新区3家企业: firms)
        if name.endswith("园") and COMPANY_AFTER.match(text, offset + len(name), end):
            continue
        counted = COUNTED_KIND.search(name)
        if counted:
            place, place_offset = trimmed(name[: counted.start()], offset, "")
            found += zones_of_places_listed(text, start, place_offset, place, counted.group(), name[counted.end() :])
            continue
        if any(BUNDLED.search(word) and tag not in PLACE_TAGS for word, tag in tagged(name, hmm=True)):
            continue  # 上海金山三大特色产业园区: parks of a kind, counted (五大连池 is a place)
        name, offset = trimmed(name, offset, "")  # 深化|开发区, 今年|东湖高新区
        head = PARK_HEAD.search(name)
        cut = name.rfind("区", 0, head.start()) + 1 if head else 0
        if head and head.group() == "经济区" and not ZONE_ECONOMY.search(name[cut : head.start()]):
            continue
        if head and head.group() == "新区" and is_district(name[cut:]):
            continue
        if head and head.group() == "片区" and not FREE_TRADE.search(name, 0, head.start()):
            continue  # 特色宜居片区, 成都西部片区: an area is a zone as an area of a free-trade zone (自贸区南沙片区)
        if head and names_a_region_only(name[cut : head.start()]):
            continue
        if len(name) - cut >= 4:
            name, offset = name[cut:], offset + cut
            listed = (
                head
                and SHARED_KIND.fullmatch(head.group())
                and names_listed_before(text, start, name, offset, head.group())
            )
            found += listed or [(name, offset)]
    return found


def bounds_a_zone(text, name, offset):
    """Whether a name found at `offset` is a landmark on a zone's boundary (`BOUNDARY`), with the direction right
    before it or in it (西至IT产业园, as jieba reads 西至 as a place)."""
    if BOUNDARY.fullmatch(text, max(0, offset - 2), offset):
        return True
    return bool(direction_in(name)) and bool(BOUNDARY.match(text, offset))


def direction_in(name):
    """The length of the direction a name opens with (`DIRECTION_TO`: 西至|霍尔果斯经济开发区, as jieba reads 西至 as
    a place), 0 when there is none or all that follows it is a zone's kind (东至|经济开发区: the county's)."""
    if not DIRECTION_TO.match(name):
        return 0
    landmark = name[2:]
    return 0 if PARK_HEAD.fullmatch(landmark, ZONE_KIND_WORDS.match(landmark).end()) else 2


def names_a_region_only(words):
    """Whether the words before a zone's head name a province or the nation (`REGION`, `NATION`) and, besides, only
    what kind of zone it is (`ZONE_KIND_WORDS`): 云南省|工业|园区, not 中国|西部|科学城 or 四川省|天府|新区."""
    tags = tagged(words, hmm=True)
    regions = [word for word, _ in tags if word in NATION or REGION.search(word)]
    rest = "".join(word for word, _ in tags if word not in regions)
    return bool(regions) and bool(ZONE_KIND_WORDS.fullmatch(rest))


def is_district(name):
    """Whether a 新区 is a district, which jieba's dictionary lists as one place (浦东新区, 滨海新区), not a new area
    of its own grounds (两江新区, 赣江新区)."""
    return any(word.endswith("新区") and word != "新区" for word, _ in tagged(name, hmm=True))


def zones_of_places_listed(text, start, offset, last_place, count, kind):
    """(name, offset) of the zone of each place in the list that ends in `last_place` before a `count` of zones of
    `kind` (武汉东湖、襄阳、宜昌3家高新区); none when a place is not a proper noun (国家级、省级3家高新区) or the list
    does not hold as many places as counted."""
    places = items_before(text, start, (last_place, offset))
    number = re.match(r"\d+|[一二三四五六七八九十两]+", count)
    if not number or parse_number(number.group()) != len(places):
        return []
    if not any(is_proper(word, tag) for word, tag in tagged(last_place, hmm=True)):
        return []
    return [(place + kind, place_offset) for place, place_offset in places]
