"""Propose candidate measures, targets, funding and park mentions from a new policy document's cleaned text.

Plain text rules, no database: a curator keeps, edits or drops each proposal. Each rule is a cue in a table below,
with the real sentence it was written for. The text is read once, paragraph by paragraph, sentence by sentence,
clause by clause; every number with a unit is a candidate and its clause decides what it is:

- a goal (target): 目标, 预期, 力争, 确保, 争取, 将, 要, 计划; 到/至 a year not before the document's; 今年, 明年;
  a forward section ("2026年重点工作", "主要目标任务"). 今年经济社会发展主要预期目标是：地区生产总值增长5%左右
- a past figure: 了, 已, 累计, 同比, 比上年, 截至, 以来, 从…到; a year before the document's; a review paragraph
  ("这五年", "过去五年") or section ("工作回顾"). 到1984年底，中关村地区陆续建立新技术企业近69家
- money offered (funding): 资金, 基金, 补贴, 补助, 奖励, 资助, 给予, 最高, 发放, 券 in the sentence, and no statistic
  (GDP, 收入, 增加值, 营收, 市值, 投资, 支出) just before the amount. 给予大模型研发主体最高1000万元资金支持
- not a quantity: a one-character Chinese numeral (四个服务, 再奋斗五年, 三年行动); a number inside a short quote
  ("3个100"). 提高“四个服务”水平
- no year for a goal given its own span of years: 利用3-5年时间，力争培训约1000名家庭医生
- not a goal: an age that says who (65岁以上失能老人); a planned, land or subsidised area (总规划面积为159.48平方公里);
  a criterion for whom a measure is for (持股比例达25%以上的企业); the text's outline (以下14个方面); a project's or
  a company's outlook (投产后年销售额预计可达约60亿元)
- an annual rate, not a level (`period`): a percentage after 年均, 增长, 增速, 涨幅 (地区生产总值年均增速4.5%-5%), and
  a count of things each year (每年培育…企业6000家以上), a goal even in a sentence with no goal cue

Targets lean towards precision (a wrong number misleads; a missing one is noticed in review).
"""

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from measures.text.name_model import NUMERAL, is_name
from measures.text.names import NameIndex
from measures.text.phrases import (
    FRAME_VERB,
    LEAD_VERBS,
    MEASURE_HEAD,
    SCOPE,
    WINDOW,
    chain_before,
    continues_noun,
    measure_names,
    modifier_before,
    park_like_names,
    purpose_before,
)
from measures.text.quantities import (
    DIGIT_GROUP,
    DOUBLING,
    LIST_JOINERS,
    MAGNITUDE_ONLY,
    QUANTITY,
    chinese_number,
    in_yuan,
    is_money,
    is_percent,
    quantities,
)

__all__ = ["Span", "chinese_number", "propose", "split_on"]

OPENERS, CLOSERS = "“‘《（(「『【[", "”’》）)」』】]"
SENTENCE_ENDS = "。；！？;!?"
CLAUSE_ENDS = SENTENCE_ENDS + "，,：:"
TRIM = " \t\u3000\xa0"
PARENTHESIS_REACH = 80  # how far back an open parenthesis still holds a number (a gloss is short)
AFTER_MONEY = re.compile(r"元[^\d，。；,;]{0,3}$")
SHORTENED_LENGTH = 64  # the longest name taken for another one cut short
SHORTENED_REACH = 32  # how many new parks, first named before or after a park, may be its longer name
QUOTE_LIMIT = 240  # a quote longer than this is cut to a window around what it quotes
LOOK_BACK = 24  # how much of its clause before a number is read: a bounded window, so cost stays linear in the text

ENUMERATOR = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]\s*|[一二三四五六七八九十]+[、是]"
    r"|第[一二三四五六七八九十]+[，,、]?|——)"
)
HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章部分])")
HEADING_LENGTH = 40
# A part's heading written without a number (“十四五”时期发展成就和2025年工作回顾, 今后五年主要目标任务): a line of
# the body without a sentence's punctuation that names a period and what the part does with it (`PAST_SECTION`,
# `FORWARD_SECTION`), and is neither a document's title (…政府工作报告) nor a goal's due date (到2030年远景目标); its
# numbered sections that name no period and do not look back are read in its tense and year.
PART_HEADING = re.compile(
    r"[^。；;！!？?，,：:、]*(?:\d{4}年|十[一二三四五六七八九]五|今后|未来|今年|明年)[^。；;！!？?，,：:、]*"
)
YEAR = r"\d{4}|[〇零一二三四五六七八九]{4}"
# 到2025年, 至2027年底, 预计到2023年, 2027年前: a year a goal is due (or, before the document's year, was).
TO_YEAR = re.compile(rf"(?:(?<!截)(?:到|至)|[拟将]于)(?P<year>{YEAR})年(?:底|末)?|(?P<year_by>{YEAR})年底?前")
# A goal given a span of years of its own (利用3-5年时间, 用三年时间, 5年内) is due no year the text names: not the
# year of another sentence, nor the plan's end.
COUNT_OF_YEARS = r"(?:\d+|[一二三四五六七八九十两]+)"
SPAN_OF_YEARS = re.compile(rf"{COUNT_OF_YEARS}(?:[-~～至到]{COUNT_OF_YEARS})?年(?:左右)?(?:时间|内)")
BARE_YEAR = re.compile(rf"(?<![\d到至于比较])(?P<year>{YEAR})年(?![\d月度代]|远景)")
# A year compared against: a review's figure (比2020年增长30%, 比2019年同期增长3.5%), or the base of a goal whose
# later year is in force (到2035年，人均地区生产总值比2020年翻一番).
COMPARED_YEAR = re.compile(rf"(?<!占)(?:比|较)(?P<year>{YEAR})年(?P<same_period>同期)?")
# A goal's difference from an earlier goal or level glosses it (比2025年目标低0.5个百分点, 较2025年下调0.5个百分点,
# 比2025年多2万人), as does the goal put in other terms (相当于在目前基础上增长9倍; not 研发经费支出相当于…的比例, an
# indicator); a change to reach against a base year is a goal of its own (排放总量比2020年分别下降8%).
GLOSS = re.compile(
    rf"{COMPARED_YEAR.pattern}(?:目标|(?:分别)?(?:[高低多少]|[上下]调))|相当于(?=在|是|目前|现在|(?:{YEAR})年)"
)
PLAN = re.compile(r"“?十(?P<plan>[一二三四五六七八九])五”?")
PLAN_YEARS = re.compile(rf"{PLAN.pattern}(?:期间|时期|期末|末期|末)")
# A plan's own period in its title: 行动计划（2021-2023年）, 规划(2021—2025年).
PLAN_PERIOD = re.compile(rf"(?:计划|规划|方案|纲要)[（(](?:{YEAR})年?[-—–－~～至到](?P<end>{YEAR})年?[）)]")
# A title naming one year's plan or work (2025年国民经济和社会发展计划, 2024年工作要点), ending on it, sets its goals
# for that year.
YEAR_PLAN = re.compile(
    rf"(?P<year>{YEAR})年度?[^，,。；;]{{0,24}}?(?:计划|要点|方案|重点工作|工作安排|重点任务|任务清单)》?(?:的通知)?"
    r"(?:[\s_|\-–—].*)?$"  # the site's name after a separator (…计划_浙江省人民政府, …计划 浙)
)
ROUNDING = Decimal("0.02")  # how far a headline's rounded amount may be from the body's it restates
TITLE_REACH = 5  # the title is among the first lines, below page furniture (原文链接：…) at most
TITLE_LINE_LENGTH = 200  # a title is short: a longer line is read no further, so a page of one line costs no more
COPIED_LENGTH = 6  # a head line holding another as long as this copies it (首页 栏目 X, X- 【site】)
THIS_YEAR = re.compile(r"今年|明年|当年")
YEAR_NAMED = re.compile(rf"({YEAR})年")
# A paragraph opening on this year (今年是“十五五”开局之年, 2026年是…关键一年) starts this year's work, in a part that
# also holds a plan's goals or whose heading names no work.
THIS_YEARS_WORK = re.compile(rf"^(?:(?P<relative>今年|明年)|(?P<year>{YEAR})年)是")
# 拟 plans (拟于2025年建成), but 拟获资助, 拟入选, 拟命名 name whom a notice proposes (公示), no goal. 计划 plans as
# a verb (今年计划新增, 计划总投资); before other words it is as often a programme's name (倍增计划工作领导小组).
# Words that aim at a level (力争, 确保); `AIM` adds those that also set an offer or a plan (将…比例提高到50%).
AIMING = re.compile(r"力争|确保|目标|努力|预期")
AIM = rf"{AIMING.pattern}|争取|将|要|拟(?!获|入选|认定|立项|推荐|列入|命名|授予|表彰)|规划|主要指标|包括"
AIMED = re.compile(AIM)
GOAL = re.compile(rf"{AIM}|计划(?=总?投资|新?开工|新增|新建|实施|完成|建设|引进|于|到|用)")
STRONG_GOAL = re.compile(r"目标|主要指标")
# A figure followed by the goal it is (300万千瓦的装机目标, “5.5%左右”的预期目标), after words that name no indicator
# of their own (“十二五”规划提出, 而到2020年实现; not 风电装机实现), names that goal: said again, it restates it.
GOAL_NAMED_AFTER = re.compile(r"”?的[\u4e00-\u9fff]{0,4}目标")
NO_INDICATOR_BEFORE = re.compile(
    rf"[\s，,]*(?:而|则|并)?(?:(?:到|至)(?:{YEAR})年)?(?:“[^”]{{1,8}}”)?(?:规划|方案|纲要|计划)?(?:提出|实现|达到|明确)?"
)
# What measures nothing but a goal: the figure set off alone (“5.5%左右”目标), or the year's goal named with no
# indicator of its own (我们把今年的目标设定为; not 全年经济增长目标为).
GOAL_ITSELF = re.compile(r"^[“\"]$|(?:今年|明年|全年|年度|的)目标(?:设定|确定|定)?[为是在]?$")
# A paragraph's short label announcing its goals: 主要目标：, 具体指标：到2022年，… (经济指标：, 各项指标 are not one).
GOAL_LABEL = re.compile(r".*目标.*|(?:具体|主要|发展|预期)指标")
# A numbered paragraph labelled as the goals ((二)发展目标。到2025年，…), outside a review, opens them: the paragraphs
# under it that open on a goal's short label (产业能级更高。…比重稳定在30%以上) set goals for its year (or the year
# the next paragraph names), up to a subheading or the next number of its rank (（三）, or 2. under 1.).
GOALS_PART = re.compile(r"(?:发展|主要|总体|预期|具体|工作|建设|行动)?(?:目标|指标)(?:要求|任务|和任务)?")
GOAL_ITEM_LABEL = re.compile(r"^[^。；！？，,：:]{2,12}[。：:]")
ENUMERATOR_RANKS = (  # from the highest: 一、 or 第一, （一）, 1., （1）, 一是, ——
    re.compile(r"[一二三四五六七八九十]+、|第"),
    re.compile(r"[（(][一二三四五六七八九十]"),
    re.compile(r"\d"),
    re.compile(r"[（(]\d"),
    re.compile(r"[一二三四五六七八九十]+是"),
)
# Goals reported met or compared are no goals set: 主要目标任务顺利完成, 完成了全年目标, 实现“十四五”规划目标,
# 主要指标高于全国平均水平; outside a review, a goal to be met (为实现…的预期目标, 确保完成全年目标) is one.
GOAL_MET = re.compile(
    r"(?:目标|指标)[^，,。；;]{0,6}(?:完成|实现|达成|高于|低于|好于|优于|居)|(?:完成|实现|达成)[^，,。；;]{0,16}目标"
)
GOAL_TO_MEET = re.compile(r"(?:(?<!作)为了?|确保|力争|努力|要|将)(?:完成|实现|达成)[^，,。；;]{0,16}目标")
# A sentence telling how much of a plan is done (计划投资232亿元，完成63.5%; 完成年计划的118.2%; 投资完成率54.4%)
# reports progress, its plan the base of a share done, unless it names a year to come or aims (到2025年…完成率达到100%,
# 完成率要达到100%).
PLAN_DONE = re.compile(r"完成率|完成(?:年?计划的)?\d+(?:\.\d+)?[%％]")
PAST = re.compile(
    r"已|累计(?![^，,。；;]{0,10}?(?<![主重需])(?:要|将|力争)(?:达到|超过|突破))|同比|比上年|较上年|比去年|上年|去年|截至"
    r"|截止(?:到|至)?目前|以来|年来|共有|现有|拥有"
    r"|历时|连续|首批|实际(?:增长|完成)?[是为]"
    r"|(?<![为除])了(?![解])|(?:从|由)[^，,。；]{0,24}(?:增长|增加|提高|提升|下降|减少)?(?:到|至)"
)
# A clause breaking down the figures of a clause that looks at no goal sets none, unless it aims itself: 截止到目前,
# …开发区48家,包括今年新审批的…等5家 (not 新增企业500家,其中…100家, 提出8项指标,其中…失业率5.5%左右, nor
# 园区280个,其中省级以上园区要达到60个).
BREAKDOWN = re.compile(r"(?:其中|包括)")
# A figure reached or changed, after a semicolon ending a sentence of goals: 达到5300亿元, 占…的45%; not a level as
# it stands (园区入驻企业320家).
REACHED = re.compile(
    r"(?:达到|达|突破|超过|增长|增加|控制在|提高|提升|降低|下降|减少|新增|新建|建成|培育|引进|实现|完成|占)[^，,。；;]{0,12}$"
)
PART_OF_YEAR = re.compile(r"季度|[上下]半年|\d{1,2}(?:[-—~至]\d{1,2})?月")
PAST_PERIOD = re.compile(r"^(?:这|过去|近|回顾过去的?)[一二三四五六七八九十\d]+年|年来|以来|刚刚过去|回顾")
PAST_SECTION = re.compile(r"回顾|成就|成效|总结|进展")
# 三、2026年重点工作 and 三、关于2026年工作 alike; 一、2025年工作回顾 looks back, as its last word says.
FORWARD_SECTION = re.compile(r"目标|任务|工作|展望")
# Money offered (donated too, 捐助1000万元港币, 捐出港币1000万元; funds given to run something, 运营经费, 工作经费,
# not a budget's, 教育经费, or R&D spending; a benefit standard or an insurance's limit set per person,
# 最低生活保障标准为每人每月1309元, 费用限额标准为职工参保人员每人每天120元; not a fee charged, 收费标准, an
# expense cap, 会议费用标准, or an income line, 认定标准), and the statistics a money figure may be instead (credit,
# financing, foreign capital and bonds among them: 发放贷款671亿元, 直接融资7990亿元, 实际使用外资金额3819亿元,
# 专项债券资金1327亿元, 国债资金, losses, 挽回经济损失523.88亿元, and a market's size; a subsidy of a loan's or a
# bond's interest is money offered).
SUPPORT = re.compile(
    r"资金|基金|(?:运营|运行|工作|活动|开办)经费|补贴|补助|奖励|资助|捐助|捐赠|捐出|扶持|给予|最高|发放|券|贴息|支持"
    r"|(?:生活|保障|养育|饮食|供养|补贴|补助|救助|待遇|限额)标准(?:为|是)?[^，,。；;]{0,8}?每人"
)
STATISTIC = re.compile(
    r"GDP|生产总值|收入|增加值|营收|营业|产值|市值|利润|成交额|交易额|销售额|投资|(?:使用|利用|吸收)外资|到位资金|损失|税"
    r"|规模以上|(?:市场|产业)规模|总量|支出|压减|节约|负担|平均|余额|募集|进出口|出口|进口|零售"
    r"|(?:贷款|债券)(?![^，,。；;]{0,4}?[贴利]息)|专项债|国债|融资(?!担保)|盘活"
)
HAN_AFTER = re.compile(r"[\u4e00-\u9fff]")
# What an offer is worked out on, given as or given for, 按, 根据, 以 or 对 a figure before 给予
# (按固定资产投资额的10%给予最高2000万元补贴, 以跟进投资的方式最高给予3000万元, 对同一项目投资给予的奖励最高100万元),
# is no statistic of the amount: only what follows 给予 is read for one (not 通过专项债券给予…支持80亿元, nor
# 平均补助标准每年每生2000元).
GIVEN_ON = re.compile(r"(?:按照?|根据|依据|以|对)[^，,。；;]*给予")
# A firm's registered capital right before its figure (实缴注册资本300万元以上的企业) says which firms, never money
# offered; an offer made on it (按其实缴注册资本给予最高50万元奖励) is one.
REGISTERED_CAPITAL = re.compile(r"注册资[本金]金?(?:为|达到?|在|超过|不低于|不少于)?约?$")
# A rate in a support sentence is a price when one is named before it in its clause (厂房租金为15元/㎡/月,
# 收购价为2400元/吨, 企业实际承担租金8元/平方米/月, 企业缴纳部分1200元/人/月).
PRICE = re.compile(r"租金|房租|价|承担|缴纳|收取|费用|工资")
SENTENCE_REACH = 48  # how far back the support a rate is offered under is looked for in its sentence
# A planned, land, jurisdiction or subsidised area (规划面积为159.48平方公里, 补贴面积不超过500平方米) says how big a
# place or an offer is; an area to reach or to change is a goal (人均公园绿地面积达到15平方米, 减量7平方公里).
AREA_KIND = r"(?:规划|占地|用地|辖区|补贴|范围内)面积"
AREA_BEFORE = re.compile(rf"{AREA_KIND}(?:为|约|是|不超过)?约?$")
AREA_AFTER = re.compile(AREA_KIND)
# An item of a list of goals under the paragraph that opens it: ——新型基础设施更加完善, or typed --, －－.
LIST_ITEM = re.compile(r"—|--|－－")
# Years listed, to which values given 分别 (respectively) belong in order: 2025年和2030年, 2018年、2019年、2020年.
YEARS_LISTED = re.compile(rf"(?:{YEAR})年(?:底|末)?(?:(?:和|、|及|与)(?:到|至)?(?:{YEAR})年(?:底|末)?)+")
# The text's own outline counted (重点抓好以下14个方面的工作, 细化提出22项主要指标, 13个预期性指标), the year's
# bundle of tasks for the people, which a report counts and lists apart (办好34项民生实事, 实施15件市级重点民生实事),
# or the parts a task is divided into (分13个领域细化…任务).
OUTLINE = re.compile(r"方面|(?:主要|具体|[\u4e00-\u9fff]{1,2}性)?指标|[\u4e00-\u9fff]{0,6}?实事")
DIVIDED_INTO = "分"
# A bare magnitude is money when a fund follows it (200亿天使母基金, 1500亿的产业母基金) or an offer comes right before
# it (给予一次性奖励50万).
FUND_AFTER = re.compile(r"[^，,。；;]{0,5}?(?:基金|资金|经费)")
OFFER_REACH = 4
# What a project will yield once running, or what a company plans, told in a report of projects; what an estimate
# comes to (估计到2025年我们会达到…, 按照正常的测算…将达到, 协会的预测显示), or what an analyst, a researcher or
# the market expects (分析师周思立预计, 研究员陈衍鹏表示, 市场人士认为): a forecast, not a goal set. A plan's own
# forecast (规划…预测到2015年) is its goal.
PROJECTION = re.compile(
    r"(?:投产|达产|建成|竣工)后|公司(?:计划|将|预计)|估计(?=到|会|将|[，,])|(?:据|经|的|种)测算|预测(?:显示|表明)"
    r"|分析师|研究员[\u4e00-\u9fff]{0,4}(?:表示|认为|指出|预计)|(?:业内|市场|分析)人士"
)
# A share or a sum that describes whom a measure is for is a criterion, not a goal, also when another criterion
# follows: 持股比例达25%以上或员工人数比例达30%以上的企业; so is a sum right before 项目, a class of projects by size
# (超20亿元项目200个). A count of them (培育100家以上的企业) is a goal.
# A bound after an amount (500万元及以下的…) makes it a threshold; an offer's purpose may follow it (300万元的团队资助).
THRESHOLD = re.compile(r"及?以[上下]")
# ... but a share opening its clause or item says how many of them: 、90%以上的研发机构设立在企业.
# Not after a tier before it (比重达到3%、5%以上的企业: thresholds, each a criterion).
ITEM_OPENING = re.compile(r"(?:^|[，,：:；;]|(?<![\d%％元])、)$")
CRITERION = re.compile(
    r"(?:及?以上|及?以下|左右)?(?:(?:或[^，,。；;]{0,24}?)?的[\u4e00-\u9fff]{0,6}?(?:企业|单位|机构|项目|人才|人员|团队|主体|载体)|项目)"
)
# A park's size reached says which parks (10个主营业务收入增量超千亿元的重点园区), not a size to reach; a share of
# parks or an investment in them (推动80%的省级园区…, 完成投资10亿元的园区…) is a goal.
PARK_SIZE = re.compile(r"(?:以上)?的[\u4e00-\u9fff]{0,6}?园区")
SIZE_REACHED = re.compile(r"(?:超过?|突破|达到?)$")
# A rate written right before an amount: 每 and a unit counted (not 每年 alone: a yearly sum is an amount), then at
# most a cap. 每家给予50万元 is a sum each recipient is given, not a rate; 每人每次2元 is per meal served (元/人/次),
# 每人每天120元 per day of care (元/人/天).
EACH = re.compile(
    r"(?:每(?P<period_first>月|年))?每(?P<unit>平方米|人|家|件|个|项|亩|户|台|套|名|床)(?:每(?P<period>月|年|次|天|日|周))?"
    r"(?:最高|不超过|最多|不低于)?$"
)
# A money figure reached (资金达到1千万以上) or a size attained (基金规模超200亿元, 产业规模分别达1.28万亿) is a level,
# not money offered; a size set (设立规模不低于1亿元的…资金) is an offer. A rise says by how much, not what is paid:
# over last year (比上年提高100元) or of a standard (低保标准每月分别提高25元、50元).
LEVEL = re.compile(
    r"(?:达到|提高到|增加到|增长到|扩大到|规模(?:分别)?(?:超过?|达到?)|(?:比上年|较上年|比去年)(?:提高|增加|增长|上调)"
    r"|标准(?:每[月年])?(?:分别)?(?:提高|上调))$"
)
# What an offer brings about (发放以旧换新补贴121.9亿元、带动销售金额905亿元) is no offer, unless an offer is named
# after it (给予创业带动就业补贴2000元); nor is money a government wins from above, told in a clause that opens on it
# (争取消费品以旧换新政策资金266.5亿元, 累计争取中央转移支付超5300亿元; not 对成功争取国家级项目的企业给予…).
EFFECT = re.compile(r"(?:带动|拉动)(?!.*(?:资金|补贴|补助|奖励|资助|给予))")
WON = re.compile(r"(?:累计|积极|共)?争取")
# A change from one figure to another (由50万元提高到70万元, 由每人每月100元调整为150元, 在原20万元基础上提高到30万元):
# the old figure right after 由, 从 or 原 and right before the change verb (or a list of old figures), the new one
# right after the verb. A support sentence offers the new one, though it is a level reached, unless it aims at it
# (力争户均贷款额度由100万元提高到200万元); the old one is neither offered nor a goal. Read within CHANGE_REACH.
CHANGE_TO = r"(?:提高|增加|增长|上调|调高|调增|上浮|调整|提升|扩大|下调|降低|减少|增)(?:到|至|为)"
OLD_FIGURE_BEFORE = re.compile(r"(?:[由从](?:原来|原先|过去)?的?|在?原)(?:\d{4}年的?|按?每[^\d，,。；;]{1,5})?$")
OLD_FIGURE_AFTER = re.compile(rf"(?:[、和及][^，,。；;、]{{1,10}}?)*?(?:的?基础上)?{CHANGE_TO}")
NEW_FIGURE_BEFORE = re.compile(rf"{CHANGE_TO}(?:按?每[^\d，,。；;]{{1,5}})?$")
CHANGED_FROM = re.compile(r"(?:[由从]|原)[^，,。；;]{0,12}?\d")
CHANGE_REACH = 40
# A project's planned investment (拟投资金额131.5亿元, 计划总投资2.31亿元) sizes it; it is no goal (a year's investment
# plan, 年度计划投资5000亿元, is one).
PLANNED_INVESTMENT = re.compile(r"(?:拟|计划总)投资(?:总?额|金额)?(?:为|约|达到?)?约?$")
# A past year's figure (由2006年的596亿元增加到2015年的2711亿元) is a statistic, whatever it funds; this year's
# (安排2024年的500万元奖补资金) is a budget.
YEARS_FIGURE = re.compile(r"(?P<year>\d{4})年(?:底|末)?的$")
# A size (吨, 千瓦, 立方米 …) that describes a project in a list of projects (国达化工60万吨钾肥复合造粒、…等项目
# 建设) says which project it is, not a goal; a size to reach (新增装机300万千瓦以上、…等重大项目) is one.
SIZE_UNIT = re.compile(r"吨|千瓦|千伏安|立方米|平方米|方|亩")
PROJECTS_LISTED = re.compile(r"等[\u4e00-\u9fff]{0,6}项目")
# A count of the places or things listed right before what it counts names them (南山口、哇让、同德、德令哈4个抽水
# 蓄能电站, 高端装备、新能源、新材料等3个支柱产业): no goal. A count at the end of its clause (建成省级、市级重点实验室
# 2个) or after a verb (城东、城西新建2所) is one.
PLACES_LISTED = re.compile(r"(?:[\u4e00-\u9fff]{1,10}、)+(?P<last>[\u4e00-\u9fff]{1,10}?)等?$")
# A count of things named in brackets right after them names them too (打通2条重要通道瓶颈路段(兰州至海口高速公路
# 甘肃段、…)), unless the brackets hold figures or kinds (（主板、科创板、北交所各1家）, （含重点实验室、…）).
NAMES_IN_BRACKETS = re.compile(r"[\u4e00-\u9fff]{1,12}[（(](?!含|包括|包含|如|其中)(?P<names>[^（()）\d]{1,100})[）)]")
COUNT_TO_REACH = re.compile(rf"{FRAME_VERB.pattern}|各|分别|均")  # 城西新建|2所, 经开区打造|2个: a count to reach
PLACES_REACH = 60
COUNTED_UNIT = re.compile(r"[个座家所条项支处]")
# A building verb right before a number sets a goal (重点打造100家左右优质创业孵化服务机构, 布局建设50家共性技术平台).
BUILDING = re.compile(r"(?:打造|培育|培育形成|形成|推动形成|布局|建设|新增|建成|引进|发展)(?:左右)?\S{0,2}$")
RATE = re.compile(r"年均|增长|增速|涨幅")
# A count of things each year is a yearly goal, due every year of the plan: 每年培育“皖企登云”企业6000家以上. Not a
# cap (每年…最多不超过10个), how often or how long (每年调整1次, 每年至少1个月), a condition (每年新增就业100人的
# 企业), nor money or a share, which a yearly sentence gives as a criterion or a statistic (企业每年研发投入不低于
# 500万元, 每年营业收入增长超过20%).
YEARLY = re.compile(r"每年")
# Who benefits each year (每年约500万名学生受益, 每年惠及农村学生约300万名) is the reach of a programme, not a
# count set for the year.
BENEFITING = re.compile(r"[\u4e00-\u9fff]{0,4}(?:受益|受惠)")
BENEFITING_BEFORE = re.compile(r"惠及|受益|受惠")
TIME_UNIT = re.compile(r"次|个月|个工作日")
# A rhythm: every few months or years (每2个月至少组织1次, 每5年修订1次), which sets no level to reach.
FREQUENCY = re.compile(r"每(?:\d+|[一二三四五六七八九十两半]+)个?(?:月|年|周|季度|天|日)")
PREFIX_COMPARATORS = (
    ("不超过", "at_most"),
    ("不高于", "at_most"),
    ("不低于", "at_least"),
    ("不少于", "at_least"),
    ("超过", "at_least"),
    ("突破", "at_least"),
    ("超", "at_least"),
    ("破", "at_least"),
    ("可达", "at_most"),
    ("最高", "at_most"),
    ("约", "about"),
    ("近", "about"),
)
SUFFIX_COMPARATORS = {"左右": "about", "以上": "at_least", "以内": "at_most", "以下": "at_most", "多": "at_least"}
SUFFIX_COMPARATORS["余"] = "at_least"
# Counting verbs: the number counts what follows it ("打造100家…机构"), so the indicator is after the number.
MAKING = re.compile(r"打造|培育|布局|建设|新增|建成|引进|新建|达到|突破|超过")
COUNTING_VERB = re.compile(r"(?:打造|培育|形成|布局|建设|发展|新增|引进|建成|设立|推动|完成|抓好|和|及|与|、)$")
METRIC_VERBS = (
    r"力争|达到|达|可达|实现|突破|超过|超|不低于|不少于|不超过|保持在|维持在|控制在|稳定在"
    r"|提高|提升|增加|为|至|到|约|最高|翻"
)
METRIC_VERB = re.compile(rf"(?:{METRIC_VERBS})+$")
LEADING = re.compile(r"^(?:在|对|为|将|要|力争|其中|全市|全省|全区)+")
# Subjects listed before one figure and the words that set it for each (均, 各, 分别, a verb of reaching); a whole
# said of them (总体) is one figure.
WHOLE = re.compile(r"(?:总体|整体|合计|总计)$")
SHARED_REACH = 60  # how far back the list is read, so a long clause costs no more than a short one
SHARED_FIGURE = re.compile(
    r"(?P<subjects>[\u4e00-\u9fff\w.“”]{2,}(?:、[\u4e00-\u9fff\w.“”]{2,}?)+)(?P<each>均|各|分别)?(?:年均)?"
    rf"(?:增长|下降|降低|减少|{METRIC_VERBS})*$"
)
# Who must reach a figure is no subject of it (各区县、各部门要确保…下降10%).
OBLIGED = re.compile(r"要|应|须|确保")
# A metric the list shares is written once, after its last subject (城镇、农村居民人均可支配收入): longer than the
# others by more than SHARED_METRIC_LENGTH, the last item holds it, and each goal keeps the whole list as indicator.
SHARED_METRIC_LENGTH = 2
DATE_IN_TEXT = re.compile(
    r"(?P<year>(?:19|20)\d{2})(?:年(?P<month>\d{1,2})月(?P<day>\d{1,2})日|-(?:\d{1,2})-(?:\d{1,2}))"
)
ENGLISH_DATE = re.compile(r"\b\d{1,2} [A-Z][a-z]{2} (?P<year>(?:19|20)\d{2})\b")
# Words that only qualify a zone's name, so a name without them is the same zone (深圳国家高新区, 中国(绵阳)科技城).
QUALIFYING = re.compile(rf"(?:中国|{SCOPE.pattern})+")
# The kinds of zone every text may write short: 遵义高新区 is 遵义高新技术产业开发区.
ZONE_KINDS_SHORTENED = (("高新技术产业开发区", "高新区"), ("经济技术开发区", "经开区"), ("综合保税区", "综保区"))
# A short park alias inside a longer proper name is not the park: 北京儿童医院亦庄院区, 亦庄控股, 亦庄国投.
NOT_A_PARK_AFTER = re.compile(r"院区|医院|控股|国投|集团|公司|校区|站|路|桥|镇|街道|大街|线|地铁|中学|小学")


@dataclass(frozen=True)
class Span:
    """A stretch of the text and where it starts, so every quote keeps its offset."""

    text: str
    start: int

    @property
    def end(self):
        return self.start + len(self.text)


def propose(
    text: str, park_names: NameIndex, document_date=None, known_names=None, about=(), screen_names=True
) -> dict:
    """Return {"measures", "targets", "funding", "parks"} proposed from `text`, finding parks by their names and
    aliases in `park_names`, and in `known_names` the registry's policies (by slug) and the names curators took from
    earlier documents (slug None). `document_date` (a date, or "YYYY[-MM[-DD]]") anchors 今年 and 明年 and tells past
    years from coming ones; without it, the first full date in the text's head is taken. A measure whose quote names
    no park is linked to the parks the document is `about` (`measures.ingest.about`). `screen_names=False` keeps
    every candidate measure name (`propose_measures`)."""
    paragraphs = split_paragraphs(text)
    document_year = year_of_date(document_date) or date_in_text(text)
    parks = park_mentions(text, park_names, paragraphs)
    headlines = Headlines(paragraphs)
    reader = Reader(text, document_year, plan_end_year(paragraphs, document_year), headlines)
    for paragraph in paragraphs:
        reader.read(paragraph)
    return {
        "measures": propose_measures(
            text,
            paragraphs,
            [park for park in parks if park["slug"]],
            known_names or NameIndex(),
            about,
            screen_names,
        ),
        "targets": restatements_dropped(reader.targets, headlines, reader.forecast_figures),
        "funding": offers_restated_dropped(reader.funding, headlines),
        "parks": parks,
    }


def restatements_dropped(targets, headlines, forecast_figures):
    """Each goal once. Not another goal:
    - a sentence elsewhere that states the same goal again word for word (an annex's task table restating the plan),
      or the same figure of the same indicator for the same year (a news page's lead restated in its body); two
      equal figures in one sentence are two;
    - a later figure that measures nothing but the goal itself (我们把今年的目标设定为5.5%左右, “5.5%左右”目标)
      when an earlier goal has its value;
    - the page's copies of its title, and a headline (a title, a subheading: a line with no sentence end) stating a
      figure the body sets as a goal (关键新材料自给率提高到70% over 到2015年，关键新材料的自给率提高到70%) or gives
      as a forecast (`forecast_figures`: 钢铁需求至2015年将最多再增长25% over 协会的预测显示…上涨25%)."""
    body_goals = {figure_of(found) for found in targets if not headlines.hold(found["offset"])}
    first_at, figures, stated_at, kept = {}, set(), {}, []
    for found in targets:
        identity = (found["quote"], found["value"], found["value_max"], found["unit"], found["target_year"])
        measured = (*figure_of(found), found["target_year"], found["indicator"])
        figure = (*figure_of(found), found["comparator"])
        if first_at.setdefault(identity, found["offset"]) != found["offset"] or headlines.copy(found["offset"]):
            continue
        if stated_at.get(measured, found["offset"]) != found["offset"]:
            continue
        if figure in figures and GOAL_ITSELF.search(found["indicator"]):
            continue
        if headlines.hold(found["offset"]):
            if figure_of(found) in body_goals or figure_of(found) in forecast_figures:
                continue
        elif len(found["indicator"]) >= 2:
            stated_at.setdefault(measured, found["offset"])
        figures.add(figure)
        kept.append(found)
    return kept


def offers_restated_dropped(funding, headlines):
    """Each offer the title states once: not in the page's copies of its title, nor in the title when the body
    states its amount (河南省财政2.7亿元补贴电煤采购 over 省财政已累计下达补贴资金2.7亿元), also rounded (157亿元
    over 157.3亿元); equal amounts elsewhere, also in short lines of a list (对…企业奖励50万元), are offers of their
    own."""
    body = [amount_of(offer) for offer in funding if not headlines.hold(offer["offset"])]
    return [
        offer
        for offer in funding
        if not headlines.copy(offer["offset"])
        and not (headlines.at_head(offer["offset"]) and any(rounds_to(amount_of(offer), other) for other in body))
    ]


def amount_of(offer):
    return offer["amount"], offer["unit"]


def rounds_to(headline, body):
    """Whether a headline's (amount, unit) is the body's, rounded as the headline writes it and within ROUNDING of
    it (157亿元 for 157.3亿元; not 2亿元 for a part of 1.5亿元)."""
    (amount, unit), (stated, stated_unit) = headline, body
    written, exact = Decimal(str(amount)), Decimal(str(stated))
    rounded = exact.quantize(Decimal(1).scaleb(written.as_tuple().exponent), ROUND_HALF_UP)
    return unit == stated_unit and rounded == written and abs(exact - written) <= ROUNDING * written


def figure_of(found):
    return found["value"], found["value_max"], found["unit"]


def enumerator_rank(number):
    """How high a list number ranks (`ENUMERATOR_RANKS`): 0 for 一、, 1 for （一） …, the lowest for ——."""
    return next((rank for rank, kind in enumerate(ENUMERATOR_RANKS) if kind.match(number)), len(ENUMERATOR_RANKS))


def is_headline(line):
    """A title or a subheading: a short line with no sentence end, not an item of a list (——…)."""
    return len(line) <= HEADING_LENGTH and not LIST_ITEM.match(line) and not any(end in line for end in SENTENCE_ENDS)


class Headlines:
    """Where a text's titles and subheadings are (`is_headline`), which of them head the page (its first
    TITLE_REACH lines), and which of those copy another (首页 栏目 X and X- 【site】 around the headline X)."""

    def __init__(self, paragraphs):
        lines = [p for p in paragraphs if is_headline(p.text)]
        self.starts = [line.start for line in lines]
        self.ends = [line.start + len(line.text) for line in lines]
        head = [p for p in paragraphs[:TITLE_REACH] if is_headline(p.text)]
        self.head_end = head[-1].start + len(head[-1].text) if head else 0
        self.copies = {
            line.start
            for line in head
            for other in head
            if other.start != line.start
            and len(other.text) >= COPIED_LENGTH
            and other.text in line.text
            and (len(other.text) < len(line.text) or other.start < line.start)
        }

    def hold(self, offset):
        at = bisect_right(self.starts, offset) - 1
        return at >= 0 and offset < self.ends[at]

    def at_head(self, offset):
        return offset < self.head_end and self.hold(offset)

    def copy(self, offset):
        at = bisect_right(self.starts, offset) - 1
        return self.hold(offset) and self.starts[at] in self.copies


def year_of_date(value):
    if isinstance(value, date):
        return value.year
    if isinstance(value, str) and value[:4].isdigit():
        return int(value[:4])
    return None


def date_in_text(text):
    """The year of the first full date in the document's head ("2025年4月11日", "2022-01-14", "14 Jan 2022")."""
    head = text[:3000]
    match = DATE_IN_TEXT.search(head) or ENGLISH_DATE.search(head)
    return int(match.group("year")) if match else None


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
    text = span.text
    for index, char in enumerate(text):
        if char in OPENERS:
            depth += 1
        elif char in CLOSERS:
            depth = max(depth - 1, 0)
        elif char == '"':
            straight_quote_open = not straight_quote_open
        is_end = (char in ends and not DIGIT_GROUP.match(text, index)) or (
            char == "." and index > 0 and not text[index - 1].isascii() and depth == 0
        )
        if is_end and depth == 0 and not straight_quote_open:
            pieces.append(trimmed(text[piece_start : index + 1], span.start + piece_start))
            piece_start = index + 1
    pieces.append(trimmed(text[piece_start:], span.start + piece_start))
    return [piece for piece in pieces if piece.text.strip(CLAUSE_ENDS)]


def quoted_ranges(text):
    """(start, end) of every “…” and 《…》 span in `text`, in one pass."""
    ranges, stack = [], []
    for index, char in enumerate(text):
        if char in "“《":
            stack.append(index)
        elif char in "”》" and stack:
            start = stack.pop()
            if not stack:
                ranges.append((start, index + 1))
    return ranges


def is_stressed_figure(text, start, end):
    """Whether text[start:end] is a share or a level and nothing else (5.5%左右, 100万吨以上), not a count (50条)."""
    figure = QUANTITY.fullmatch(text, start, end)
    return bool(figure) and (is_percent(figure.group("unit")) or bool(figure.group("suffix")))


def year_value(written):
    return int(written) if written[0].isdigit() else chinese_number(written)


def plan_end(digit):
    """End year of the 1N-th five-year plan (十四五 ends 2025); plans run in step since the third."""
    return 1955 + 5 * (10 + chinese_number(digit))


def plan_end_year(paragraphs, document_year):
    """A document titled after a year's plan or work (`YEAR_PLAN`: its title ends on it, the year is not past) sets
    its goals for that year (“十四五”规划2024年度实施计划 too); one titled after a five-year plan, or with its own
    period (行动计划（2021-2023年）), for the plan's last year, unless it says otherwise."""
    for paragraph in title_lines(paragraphs):
        title = paragraph.text.strip(TRIM)
        one_year = YEAR_PLAN.search(title)
        if one_year and (document_year is None or year_value(one_year.group("year")) >= document_year):
            return year_value(one_year.group("year"))
        five_years, period = PLAN.search(title), PLAN_PERIOD.search(title)
        if five_years:
            return plan_end(five_years.group("plan"))
        if period:
            return year_value(period.group("end"))
    return None


def title_lines(paragraphs):
    """The lines of a page's head that may be its title: among the first TITLE_REACH, short, with no sentence end."""
    return [
        paragraph
        for paragraph in paragraphs[:TITLE_REACH]
        if len(paragraph.text) <= TITLE_LINE_LENGTH and not any(end in paragraph.text for end in SENTENCE_ENDS)
    ]


def window(span, start, end):
    """A quote for text[start:end] inside `span`: the span itself when short (without the list number it opens on,
    一、 or （二）), else a stretch around it."""
    if len(span.text) <= QUOTE_LIMIT:
        number = ENUMERATOR.match(span.text)
        skip = number.end() if number and span.start + number.end() <= start else 0
        return span.text[skip:].rstrip(CLAUSE_ENDS), span.start + skip
    left = max(span.start, start - 60)
    right = min(span.end, end + 60)
    return span.text[left - span.start : right - span.start], left


class Reader:
    """Walks the paragraphs in order, keeping what a reader keeps: the section's and paragraph's tense and year."""

    def __init__(self, text, document_year, title_year, headlines):
        self.text, self.document_year, self.title_year, self.headlines = text, document_year, title_year, headlines
        self.section_forward, self.section_past, self.section_year = False, False, None
        self.part = None  # the (forward, past, year) of the part an unnumbered heading opened
        self.in_body = False  # a part heading is one once the body's sentences have begun, below the title
        self.list_forward, self.list_year = False, None  # a "——" item continues the goal list introduced above it
        self.goal_year = None  # the last year a goal was set for in this section: 发展目标是：到2025年 … 具体目标包括
        self.goals_part = None  # (year, its label's rank) while the paragraphs under a goals label are read
        self.targets, self.funding = [], []
        self.listed = (0, "", False)  # where the last amount ends, its rate, and whether it is offered
        self.forecast_figures = set()  # every (value, value_max, unit) the body gives as a forecast (`PROJECTION`)
        self.goal_figures = set()  # every (value, value_max, unit, year) set as a goal so far

    def is_past_year(self, year):
        return self.document_year is not None and year < self.document_year

    def read(self, paragraph):
        if HEADING.match(paragraph.text) and len(paragraph.text) <= HEADING_LENGTH:
            self.read_heading(paragraph.text)  # 二、2024年主要目标任务。 heads its section, and
            if is_headline(paragraph.text):  # 一、对…企业，给予一次性奖励100万元。 is an article to read as well
                return
        if self.is_part_heading(paragraph.text):
            self.read_heading(paragraph.text, in_part=False)
            self.part = (self.section_forward, self.section_past, self.section_year)
            return
        self.in_body = self.in_body or any(end in paragraph.text for end in SENTENCE_ENDS)
        lead = split_on(paragraph, CLAUSE_ENDS)[:2]
        lead_text = lead[0].text if lead else ""
        self.open_years_work(lead_text)
        past_paragraph = bool(PAST_PERIOD.search(lead_text)) or self.period_is_past(lead_text)
        # A label of goals (主要目标：) in a review reports them, unless it names a year to come (今年主要预期目标是).
        labelled = (
            len(lead_text) <= 12
            and bool(GOAL_LABEL.fullmatch(lead_text.strip(CLAUSE_ENDS + TRIM)))
            and (not self.section_past or self.names_year_ahead(lead_text))
        )
        # 到2020年，…。全国农机总动力超过10亿千瓦: the year the paragraph opens on (after its label) is its goals'.
        carried = self.year_ahead(lead_text) or (self.year_ahead(lead[1].text) if labelled and len(lead) > 1 else None)
        forward_paragraph = labelled or carried is not None
        self.read_goals_part(paragraph.text, lead_text, carried)
        if self.goals_part and GOAL_ITEM_LABEL.match(paragraph.text):
            forward_paragraph, carried = True, carried or self.goals_part[0]
        item = LIST_ITEM.match(paragraph.text)
        if item:
            forward_paragraph = forward_paragraph or self.list_forward
            carried = self.list_year if self.list_forward else None
        else:
            self.list_forward, self.list_year = False, None
        # A goal's year holds across a semicolon (“十四五”期间，…达到30%以上；其他城市…达到15%以上。), and so do the
        # goals of a sentence that aimed at them, for the figures reached after it (`continue_goals`).
        held, held_goal = None, False
        for sentence in split_on(paragraph, SENTENCE_ENDS):
            goals_before = len(self.targets)
            forward, year = self.read_sentence(sentence, past_paragraph, forward_paragraph, carried or held, held_goal)
            semicolon = sentence.text.endswith(("；", ";"))
            aimed = held_goal or GOAL.search(sentence.text) or TO_YEAR.search(sentence.text)
            held_goal = semicolon and len(self.targets) > goals_before and bool(aimed)
            held = year if semicolon and (forward or held_goal) else None
            # A paragraph that has announced its goals keeps them: 其中一些具体目标包括：… 。每万名就业人员中…
            # ... unless it reports them met: 较好完成了…确定的目标任务。
            if (
                STRONG_GOAL.search(sentence.text)
                and not self.section_past
                and not PAST.search(sentence.text)
                and not self.reports_goal_met(sentence.text)
            ):
                forward_paragraph, carried = True, year
            if not item:
                self.list_forward, self.list_year = forward, year

    def read_goals_part(self, text, lead_text, carried):
        """Opens, dates or closes the goals part (`GOALS_PART`) at a paragraph opening on `lead_text`."""
        numbered = ENUMERATOR.match(text)
        rank = enumerator_rank(numbered.group()) if numbered else None
        if (
            numbered
            and not self.section_past
            and GOALS_PART.fullmatch(lead_text[numbered.end() :].strip(CLAUSE_ENDS + TRIM))
        ):
            self.goals_part = (carried, rank)
        elif self.goals_part and (is_headline(text) or (rank is not None and rank <= self.goals_part[1])):
            self.goals_part = None
        elif self.goals_part and self.goals_part[0] is None and carried:
            self.goals_part = (carried, self.goals_part[1])  # （二）发展目标 / 到2025年，…: the year after the label

    def is_part_heading(self, text):
        """Whether a line heads a part without a number (`PART_HEADING`), once the body has begun below the title."""
        if not self.in_body or len(text) > HEADING_LENGTH or not PART_HEADING.fullmatch(text):
            return False
        if ENUMERATOR.match(text) or TO_YEAR.match(text) or text.endswith("报告") or DOCUMENT_KIND.search(text):
            return False
        return bool(PAST_SECTION.search(text) or FORWARD_SECTION.search(text))

    def open_years_work(self, lead_text):
        """A paragraph opening on this year or the next (`THIS_YEARS_WORK`) makes the section that year's work, and
        the part's sections after it (今年是“十五五”开局之年 under “十五五”时期主要目标和2026年重点工作)."""
        opening = THIS_YEARS_WORK.match(lead_text)
        if not opening or self.document_year is None:
            return
        relative = opening.group("relative")
        year = self.document_year + (relative == "明年") if relative else year_value(opening.group("year"))
        if not self.is_past_year(year):
            self.section_forward, self.section_past, self.section_year = True, False, year
            self.part = self.part and (True, False, year)  # and the part's sections that name no period

    def names_year_ahead(self, text):
        """Whether `text` names this year, the next or a later year by number (今年, 明年, 2027年)."""
        if any(match.group() != "当年" for match in THIS_YEAR.finditer(text)):
            return True
        return any(not self.is_past_year(year_value(match.group(1))) for match in YEAR_NAMED.finditer(text))

    def reports_goal_met(self, text):
        """Whether `text` reports a goal met (`GOAL_MET`); outside a review, a goal to meet (`GOAL_TO_MEET`) is set."""
        return bool(GOAL_MET.search(text)) and (self.section_past or not GOAL_TO_MEET.search(text))

    def reports_progress(self, text):
        """Whether a sentence reports how much of a plan is done (`PLAN_DONE`), setting no goal."""
        return bool(PLAN_DONE.search(text)) and not AIMED.search(text) and not self.names_year_ahead(text)

    def year_ahead(self, clause):
        """The year a clause that is only a year to come names (到2020年, 到2025年底), or a plan's years before their
        last (“十四五”期间 in 2022: its goals are due at its end; in 2025 it opens a review), else None."""
        clause = clause.strip(CLAUSE_ENDS + TRIM)
        match, plan = TO_YEAR.fullmatch(clause), PLAN_YEARS.fullmatch(clause)
        if plan:
            due = plan_end(plan.group("plan"))
            return due if self.document_year and due > self.document_year else None
        due = match and year_value(match.group("year") or match.group("year_by"))
        return due if due and not self.is_past_year(due) else None

    def period_is_past(self, clause):
        """A clause opening on a period already over: "“十四五”时期是极不平凡的五年" in a 2026 report."""
        match = PLAN.match(clause)
        return bool(match) and self.is_past_year(plan_end(match.group("plan")))

    def read_heading(self, heading, in_part=True):
        self.goals_part = None
        years = [int(y) for y in re.findall(r"(\d{4})年", heading)]
        plans = [plan_end(match.group("plan")) for match in PLAN.finditer(heading)]
        forward_at = max((match.start() for match in FORWARD_SECTION.finditer(heading)), default=-1)
        past_at = max((match.start() for match in PAST_SECTION.finditer(heading)), default=-1)
        if in_part and self.part and not years and not plans and past_at <= forward_at:
            self.section_forward, self.section_past, self.section_year = self.part
            self.goal_year = None
            return
        coming = [year for year in years + plans if not self.is_past_year(year)]
        self.section_forward = forward_at > past_at
        self.section_past = past_at > forward_at or (bool(years) and not coming)
        self.section_year = coming[-1] if coming and self.section_forward else None
        self.goal_year = None

    def read_sentence(self, sentence, past_paragraph, forward_paragraph, year=None, continue_goals=False):
        """Reads a sentence's goals, with `year` held from before it; `continue_goals` when the sentence before it
        set goals and ended in a semicolon (力争到“十二五”末,…达到7500亿元;工业增加值达到5300亿元,占…的45%。): then
        a figure reached (`REACHED`) is a goal too, unless the sentence tells part of a year (一季度新增…3200户)."""
        continue_goals = continue_goals and not PART_OF_YEAR.search(sentence.text)
        forward = self.section_forward or forward_paragraph
        past = (self.section_past or past_paragraph) and not forward_paragraph
        year = year or self.section_year or (self.title_year if forward else None)
        supported = bool(SUPPORT.search(sentence.text))
        # A review sentence reporting its goals met (…顺利完成全年主要目标任务) sets none, whatever goals it names,
        # unless it names this year or one to come (今年主要预期目标是…).
        reported = (
            self.section_past and bool(GOAL_MET.search(sentence.text)) and not self.names_year_ahead(sentence.text)
        ) or self.reports_progress(sentence.text)
        listed = YEARS_LISTED.search(sentence.text)  # 2025年和2030年，…分别提升至15%、20%以上
        respective = [year_value(year) for year in YEAR_NAMED.findall(listed.group())] if listed else []
        if any(self.is_past_year(year) for year in respective):
            respective = []  # 在2022年、2023年…增长的基础上: the years of a review, not of the goals
        # A project's or a company's outlook is no policy goal, from where the sentence starts telling it.
        outlook = PROJECTION.search(sentence.text)
        outlook_from = sentence.start + outlook.start() if outlook else sentence.end
        # Short quotes hold names and slogans ("3个100", “50条”); their numbers are not quantities, unless the quote
        # is a share or a level alone, set off for stress (经济增长“5.5%左右”的预期目标).
        quoted = [
            (start, end)
            for start, end in quoted_ranges(sentence.text)
            if end - start <= 12 and not is_stressed_figure(sentence.text, start + 1, end - 1)
        ]
        quoted_starts = [start for start, _ in quoted]
        spanned = False
        # A year compared against (比2020年) is a goal's base only in a sentence naming a year to come.
        ahead = bool(COMPARED_YEAR.search(sentence.text)) and (
            self.names_year_ahead(sentence.text)
            or any(not self.is_past_year(plan_end(match.group("plan"))) for match in PLAN.finditer(sentence.text))
        )
        sentence_first = len(self.targets)
        restated = False  # whether the sentence names again a goal set above
        figures_no_goal = False  # whether the last clause with figures looked at no goal
        for clause in split_on(sentence, CLAUSE_ENDS):
            found = quantities(self.text, clause.start, clause.end)
            if SPAN_OF_YEARS.search(clause.text):
                year, spanned = None, True
            year, forward, past, clause_past = self.tense(clause.text, year, forward, past, not spanned, ahead)
            broken_down = BREAKDOWN.match(clause.text)
            if figures_no_goal and broken_down and not GOAL.search(clause.text, broken_down.end()):
                clause_past = True
            first = len(self.targets)
            projects_at = max((match.start() for match in PROJECTS_LISTED.finditer(clause.text)), default=-1)
            if (
                GLOSS.search(clause.text)
                and (first > sentence_first or restated)
                and not self.names_year_ahead(clause.text)
            ):
                clause_past = True  # 增长5%左右，增速比2025年目标低0.5个百分点: a gloss on the goal just set
            for quantity in found:
                if quantity.start > outlook_from and not self.headlines.hold(quantity.start):
                    self.forecast_figures.add((quantity.value, quantity.value_max, quantity.unit))
                at = bisect_right(quoted_starts, quantity.start - sentence.start) - 1
                if at >= 0 and quantity.start - sentence.start < quoted[at][1]:
                    continue
                before = self.text[max(clause.start, quantity.start - LOOK_BACK) : quantity.start]
                changed = change_term(self.text, clause, quantity, before) if is_money(quantity.unit) else None
                if supported and self.take_funding(clause, quantity, changed):
                    continue
                if changed == "old":
                    continue  # the figure a change starts from (由每户2000元提高为3000元), no goal
                if clause_past or past or reported or quantity.start > outlook_from or is_rhetorical(quantity, before):
                    continue
                if OUTLINE.match(self.text, quantity.end) or before.endswith(DIVIDED_INTO):
                    continue  # the text's own outline (重点抓好以下14个方面的工作), in any numerals
                if FREQUENCY.match(self.text, quantity.start - 1) or (
                    TIME_UNIT.fullmatch(quantity.unit) and FREQUENCY.search(before)
                ):
                    continue  # 每2个月|至少组织1次: how often, not a figure to reach
                if quantity.unit == "岁" and HAN_AFTER.match(self.text, quantity.end):
                    continue  # an age that says who (65岁以上失能老人, 0-6岁儿童), not one to reach
                if (
                    (is_percent(quantity.unit) or is_money(quantity.unit))
                    and CRITERION.match(self.text, quantity.end)
                    and not (is_percent(quantity.unit) and ITEM_OPENING.search(before))
                ):
                    continue  # who qualifies (员工人数比例达30%以上的企业), not a figure to reach
                if is_money(quantity.unit) and SIZE_REACHED.search(before) and PARK_SIZE.match(self.text, quantity.end):
                    continue  # which parks (10个…增量超千亿元的重点园区), not a size to reach
                if is_money(quantity.unit) and PLANNED_INVESTMENT.search(before):
                    continue  # a project's size (拟投资金额131.5亿元), not a goal
                if AREA_BEFORE.search(before) or AREA_AFTER.match(self.text, quantity.end):
                    continue  # how big a place or an offer is (总规划面积为159.48平方公里, 补贴面积不超过500平方米)
                if (
                    SIZE_UNIT.search(quantity.unit)
                    and quantity.end - clause.start < projects_at
                    and not quantity.suffix
                    and HAN_AFTER.match(self.text, quantity.end)
                ):
                    continue  # which project (国达化工60万吨钾肥…等项目建设), not a size to reach
                if names_places_listed(self.text, clause.start, quantity):
                    continue  # the stations of 南山口、哇让、同德、德令哈4个抽水蓄能电站, not a count to reach
                near = self.text[max(clause.start, quantity.start - LOOK_BACK) : min(clause.end, quantity.end + 12)]
                if is_percent(quantity.unit) and SUPPORT.search(near) and not AIMING.search(near):
                    continue  # the rate of an offer (给予其对我区经济贡献95%的奖励, 按利率的100%给予贴息)
                building = BUILDING.search(self.text[max(clause.start, quantity.start - 8) : quantity.start])
                reached = continue_goals and REACHED.search(before)
                if not forward and not building and not reached and not is_yearly_goal(quantity, before, self.text):
                    continue
                due = year or (None if spanned else self.title_year)
                figure = (quantity.value, quantity.value_max, quantity.unit, due)
                if (
                    figure in self.goal_figures
                    and GOAL_NAMED_AFTER.match(self.text, quantity.end)
                    and NO_INDICATOR_BEFORE.fullmatch(self.text, clause.start, quantity.start)
                ):
                    restated = True
                    continue  # “十二五”规划提出300万千瓦的装机目标: a goal set above, named again
                self.goal_figures.add(figure)
                goal = target(clause, quantity, due, self.text)
                subjects = subjects_sharing(clause, quantity, found, self.text)
                self.targets += [dict(goal, indicator=subject) for subject in subjects] or [goal]
            if respective and "分别" in clause.text and len(self.targets) - first == len(respective):
                for goal, due in zip(self.targets[first:], respective, strict=True):
                    goal["target_year"] = due
            if found:
                figures_no_goal = not forward
        # A goal whose year the sentence names only after it, as this year or the next, is due then: 为实现…的预期目标，
        # 今年要… (not a later aim's year: 新建充电桩1万个，为2030年前实现碳达峰打下基础).
        later = self.relative_year(sentence.text)
        for goal in self.targets[sentence_first:]:
            goal["target_year"] = goal["target_year"] or later
        return forward, year

    def relative_year(self, text):
        """The year `text` names only as this year or the next (今年, 明年), else None."""
        named = {match.group() for match in THIS_YEAR.finditer(text)} - {"当年"}
        if not self.document_year or len(named) != 1 or YEAR_NAMED.search(text) or PLAN.search(text):
            return None
        return self.document_year + (named.pop() == "明年")

    def tense(self, clause, year, forward, past, inherit=True, ahead=False):
        """The year and tense after reading `clause`: (year, forward, past, this clause looks back). A goal takes
        the year of the section's last goal if it names none, unless told not to `inherit` it; a year compared
        against is its base when the sentence names a year to come (`ahead`) later than it."""
        clause_past = bool(PAST.search(clause))
        for match in TO_YEAR.finditer(clause):
            due = year_value(match.group("year") or match.group("year_by"))
            if self.is_past_year(due):
                clause_past, past = True, True
            else:
                year, forward, past = due, True, False
                self.goal_year = due
        for match in BARE_YEAR.finditer(clause):
            if TO_YEAR.search(clause[max(0, match.start() - 3) : match.end() + 1]):
                continue
            bare = year_value(match.group("year"))
            if self.is_past_year(bare) or (
                self.document_year is None and match.start() == 0 and not GOAL.search(clause)
            ):
                clause_past, past = True, True
            else:
                year, past = bare, False
        for match in THIS_YEAR.finditer(clause):
            if self.document_year and match.group() != "当年":
                year = self.document_year + (match.group() == "明年")
                past = False
                if GOAL.search(clause) and not PAST.search(clause):
                    self.goal_year = year  # 今年的目标是…: the section's goals are this year's from here
        for match in PLAN.finditer(clause):
            end = plan_end(match.group("plan"))
            if self.is_past_year(end):
                clause_past = True
            elif GOAL.search(clause) or PLAN_YEARS.match(clause, match.start()):
                year = end
                forward = forward or clause[max(0, match.start() - 1) : match.start()] in ("到", "至")
        for match in COMPARED_YEAR.finditer(clause):
            base = year_value(match.group("year"))
            if ahead and year and year > base and not self.is_past_year(year) and not match.group("same_period"):
                forward = True  # 比2025年增长40%: a change to reach by the later year
            else:
                clause_past, past = True, past or self.is_past_year(base)
        # "提出了2022年的目标：" announces goals even in the past tense; in a review section only a goal itself does
        # (将, 要 there tell what was done).
        if (STRONG_GOAL if self.section_past else GOAL).search(clause) and not self.reports_goal_met(clause):
            forward, past = True, False
            year = year or (self.goal_year if inherit else None)
        return year, forward, past, clause_past

    def take_funding(self, clause, quantity, changed):
        """Money offered: recorded as funding (and so never a target). The figures of a list share the first one's
        verdict and rate: 每家80万元、30万元 are offered at 万元/家, 余额分别达38.7万亿元、29.9万亿元 are balances; the
        new figure of a change (`changed`, from `change_term`) takes the old one's rate."""
        if not is_money(quantity.unit) or quantity.value_max is not None:
            return False
        before = self.text[max(clause.start, quantity.start - 12) : quantity.start]
        listed_after, listed_rate, listed_offered = self.listed
        in_list = self.text[listed_after : quantity.start] in LIST_JOINERS
        offered = listed_offered if in_list else self.is_offered(clause, quantity, before, changed)
        rate = per_each(before) or (listed_rate if in_list or changed == "new" else "")
        self.listed = (quantity.end, rate, offered)
        if not offered:
            return False
        unit = quantity.unit + rate
        quote, offset = window(clause, quantity.start, quantity.end)
        self.funding.append(
            {
                "amount": quantity.value,
                "unit": unit,
                "yuan": in_yuan(quantity.value, unit),
                "quote": quote,
                "offset": offset,
            }
        )
        return True

    def is_offered(self, clause, quantity, before, changed):
        """Whether an amount in a sentence of support is offered: not a statistic just before or after it
        ("带动社会投资超千亿元"), a level reached, a condition, a gloss of another offer or a price; of a change
        (`changed`, from `change_term`), the new figure only."""
        after = self.text[quantity.end : quantity.end + 3]
        years = YEARS_FIGURE.search(before)
        if changed == "old" or (years and self.is_past_year(int(years.group("year")))):
            return False
        level = LEVEL.search(before) and not (changed == "new" and not AIMING.search(clause.text))
        basis = GIVEN_ON.search(self.text, max(clause.start, quantity.start - LOOK_BACK), quantity.start)
        given_at = max(0, basis.end() - quantity.start + len(before)) if basis else 0
        if STATISTIC.search(before, given_at) or STATISTIC.search(after) or level or EFFECT.search(before):
            return False
        if REGISTERED_CAPITAL.search(before):
            return False
        if WON.match(clause.text):
            return False
        if MAGNITUDE_ONLY.fullmatch(quantity.unit) and not (
            FUND_AFTER.match(self.text, quantity.end) or SUPPORT.search(before[-OFFER_REACH:])
        ):
            return (
                False  # 450万困难群众, 3万余场次: people or things, unless a fund follows or it is offered (奖励50万)
            )
        if THRESHOLD.match(self.text, quantity.end) and CRITERION.match(self.text, quantity.end):
            return False  # who qualifies (单户担保金额500万元及以下的小微企业), not money offered
        if clause.text[-LOOK_BACK:].rstrip(CLAUSE_ENDS + TRIM).endswith("的"):
            return False  # a condition (年销售额在1亿元及以上的，奖励企业200万元): a threshold, not money offered
        if in_a_gloss(self.text, quantity.start):
            return False  # a breakdown or a gloss of an offer (10万元奖励(第一年奖励5万元…)), not another offer
        # A rate (万元/平方米) is a price unless support is offered at it: 奖励企业100元/亩, 按20万元/家的标准给予, or
        # under the support its sentence named before it, no price named between (给予房租补贴,补贴标准为:20元/㎡/月;
        # 第一年按18元/m/月,第二年15元/m/月).
        if "/" not in quantity.unit or SUPPORT.search(before) or before.endswith(("按", "按照")):
            return True
        return bool(SUPPORT.search(sentence_before(self.text, quantity.start))) and not PRICE.search(before)


def sentence_before(text, position):
    """The sentence's text before `position`, SENTENCE_REACH characters at most."""
    window = text[max(0, position - SENTENCE_REACH) : position]
    return window[max(window.rfind(end) for end in SENTENCE_ENDS) + 1 :]


def change_term(text, clause, quantity, before):
    """Whether a figure is the "old" or the "new" one of a change (`OLD_FIGURE_BEFORE`, `NEW_FIGURE_BEFORE`), else
    None; `before` is the clause's text right before it."""
    if OLD_FIGURE_BEFORE.search(before) and OLD_FIGURE_AFTER.match(
        text, quantity.end, min(clause.end, quantity.end + CHANGE_REACH)
    ):
        return "old"
    if NEW_FIGURE_BEFORE.search(before) and CHANGED_FROM.search(
        text, max(clause.start, quantity.start - CHANGE_REACH), quantity.start
    ):
        return "new"
    return None


def in_a_gloss(text, position):
    """Whether `position` is inside a parenthesis opened right after an amount of money, which details or restates
    it (10万元奖励(第一年奖励5万元…)); a parenthesis after a sentence is a note and may offer money of its own."""
    start = max(0, position - PARENTHESIS_REACH)
    before = text[start:position]
    opening = max(before.rfind("("), before.rfind("（"))
    if opening < 0 or any(closing in before[opening:] for closing in ")）"):
        return False
    opened_at = start + opening
    return bool(AFTER_MONEY.search(text, max(0, opened_at - 4), opened_at))


def names_places_listed(text, start, quantity):
    """Whether a count is of the places or names listed right before the things it counts, or in brackets right
    after them, which it names (南山口、哇让、同德、德令哈4个抽水蓄能电站; 2条重要迂回线(乌鞘岭、六盘山高速迂回线))."""
    if not COUNTED_UNIT.fullmatch(quantity.unit) or quantity.suffix or not HAN_AFTER.match(text, quantity.end):
        return False
    named = NAMES_IN_BRACKETS.match(text, quantity.end)
    if named and named.group("names").count("、") + 1 == quantity.value:
        return True
    listed = PLACES_LISTED.search(text, max(start, quantity.start - PLACES_REACH), quantity.start)
    if not listed or listed.group().count("、") + 1 != quantity.value:
        return False
    return not COUNT_TO_REACH.search(listed.group("last"))


def is_rhetorical(quantity, before):
    """四个服务, 再奋斗五年: a one-character Chinese numeral counts the text's own points; a longer one does too
    (十一届十次全会, 做好十一个方面工作) unless it is money or a verb of making things comes before it in its clause
    (新建孵化器三十个). `before` is the clause's last LOOK_BACK characters before the number."""
    written = quantity.written
    if quantity.value_max is not None or written[0].isdigit() or is_percent(quantity.unit):
        return False  # a range, digits or a share in words (一半以上)
    if quantity.unit == DOUBLING:
        return False  # 翻一番: a doubling, not one of the text's points
    numerals = len(written) - len(quantity.unit) - len(quantity.suffix)
    magnitude = MAGNITUDE_ONLY.match(quantity.unit)
    if numerals == 1 and magnitude and magnitude.end() < len(quantity.unit):
        return False  # 百万吨, 五万人: a number of a magnitude and a unit (十万大山, 跨进万亿: figures of speech)
    if numerals <= 1:
        return True
    return not is_money(quantity.unit) and not MAKING.search(before)


def per_each(before):
    """The rate an amount is offered at, written before it: 每人8万元 is 万元/人, 每平方米每月最高40元 and
    每月每平方米最高50元 are 元/平方米/月."""
    each = EACH.search(before)
    if not each:
        return ""
    period = each.group("period") or each.group("period_first")
    return f"/{each.group('unit')}" + (f"/{period}" if period else "")


def is_yearly_goal(quantity, before, text):
    """Whether a count is set for each year (每年培育…6000家以上) rather than capped, timed or a condition."""
    return (
        bool(YEARLY.search(before))
        and not (TIME_UNIT.fullmatch(quantity.unit) or is_money(quantity.unit) or is_percent(quantity.unit))
        and comparator_of(quantity, before) != "at_most"
        and not text.startswith("的", quantity.end)
        and not BENEFITING.match(text, quantity.end)
        and not BENEFITING_BEFORE.search(before)
    )


def comparator_of(quantity, before):
    comparator = SUFFIX_COMPARATORS.get(quantity.suffix, "range" if quantity.value_max is not None else "exactly")
    if comparator == "exactly":
        comparator = next((name for word, name in PREFIX_COMPARATORS if before.endswith(word)), comparator)
    return comparator


def target(clause, quantity, year, text):
    before = text[max(clause.start, quantity.start - LOOK_BACK) : quantity.start]
    comparator = comparator_of(quantity, before)
    yearly = (is_percent(quantity.unit) and RATE.search(before[-12:])) or YEARLY.search(before)
    period = "annual_rate" if yearly else "end"
    quote, offset = window(clause, quantity.start, quantity.end)
    return {
        "indicator": indicator_of(clause, quantity, before, text),
        "comparator": comparator,
        "value": quantity.value,
        "value_max": quantity.value_max,
        "unit": quantity.unit,
        "target_year": year,
        "period": period,
        "quote": quote,
        "offset": offset,
    }


def subjects_sharing(clause, quantity, found, text):
    """The subjects a clause's one figure is set for, listed before it: 均, 各 or 分别 set it for each (省重点实验室、
    省技术创新中心各20家), and so does a rate or a share (社会消费品零售总额、固定资产投资增长4%左右), while a count
    without them is a total (新培育独角兽、小巨人、单项冠军企业300家以上). None when the clause holds other figures
    (分别下降3%、4%: one each), or the list is of a group (电子信息、装备制造等产业), a whole (…机械化率总体达到50%), a
    description (…服务包的), those who must reach it (各部门要确保…) or verbs (新建、改造高标准农田)."""
    reach = max(clause.start, quantity.start - SHARED_REACH)
    listed = len(found) == 1 and SHARED_FIGURE.search(text, reach, quantity.start)
    if not listed or not (listed.group("each") or is_percent(quantity.unit)):
        return []
    items = [LEADING.sub("", item) for item in listed.group("subjects").split("、")]
    unshared = ("等" in item or "的" in item or OBLIGED.search(item) or LEAD_VERBS.fullmatch(item) for item in items)
    if any(unshared) or WHOLE.search(items[-1]):
        return []
    items = [LEAD_VERBS.sub("", item) for item in items]
    if len(items[-1]) > max(map(len, items[:-1])) + SHARED_METRIC_LENGTH:
        return ["、".join(items)] * len(items)
    return items


def indicator_of(clause, quantity, before, text):
    """What is measured: the words before the number ("比重达到12%"), or after it when counted ("打造100家机构")."""
    before = TO_YEAR.sub("", ENUMERATOR.sub("", before.split("、")[-1])).strip(TRIM + CLAUSE_ENDS)
    before = LEADING.sub("", before)
    if COUNTING_VERB.search(before) or not before:
        after = text[quantity.end : min(clause.end, quantity.end + 30)]
        following = quantities(after)
        if following:
            after = after[: following[0].start]
        return after.strip(TRIM + CLAUSE_ENDS + "的、和及")
    return METRIC_VERB.sub("", before).strip(TRIM) or before


def park_mentions(text, park_names, paragraphs):
    """Known parks by name (a short alias not inside a longer proper name), then park-like names the registry does
    not know, offered as new parks: {"slug": None, "name": ...}."""
    known = []
    for mention in park_names.mentions(text):
        end = mention["offset"] + len(mention["name"])
        if len(mention["name"]) <= 3 and NOT_A_PARK_AFTER.match(text, end, end + 4):
            continue
        known.append(mention)
    offered, seen, abbreviations, starts, dropped = [], set(), [], [mention["offset"] for mention in known], set()
    longest = max((len(name) for name in park_names.slug_by_name), default=0)
    for paragraph in paragraphs:
        for name, offset in park_like_names(text, paragraph.start, paragraph.end):
            first = bisect_right(starts, offset - longest)
            near = range(first, bisect_right(starts, offset + len(name)))
            overlapping = [i for i in near if offset < known[i]["offset"] + len(known[i]["name"])]
            inside = [i for i in overlapping if known[i]["offset"] + len(known[i]["name"]) <= offset + len(name)]
            inside = [i for i in inside if known[i]["offset"] >= offset]
            if overlapping != inside or any(
                known[i]["offset"] + len(known[i]["name"]) == offset + len(name) for i in inside
            ):
                continue  # 北京经开区 is 经开区 placed, not another park
            # A longer park-like name around a known alias is another place: 亦庄综保区 is not 亦庄.
            dropped.update(inside)
            slug = abbreviation_of(name, park_names)
            if slug:
                abbreviations.append({"slug": slug, "name": name, "offset": offset})
            elif name not in seen:
                seen.add(name)
                offered.append({"slug": None, "name": name, "offset": offset})
    kept = [mention for i, mention in enumerate(known) if i not in dropped] + abbreviations
    # A new park named again without the words that qualify it (中国(绵阳)科技城, then 绵阳科技城) is offered once,
    # by its longer name; the names compared are those first met near it, so the cost stays linear in their number.
    offered = [
        offer
        for at, offer in enumerate(offered)
        if not any(
            same_zone_qualified(offer["name"], other["name"])
            for other in offered[max(0, at - SHORTENED_REACH) : at + SHORTENED_REACH]
        )
    ]
    return sorted(kept, key=lambda mention: mention["offset"]) + offered


def abbreviation_of(name, park_names):
    """The slug of the known park `name` abbreviates: Chinese shortens a name by dropping characters, so
    雄安中关村科技园 is 雄安新区中关村科技园 with 新区 left out, 北京经开区 is 北京经济技术开发区 (same first and
    last character, the rest in order, at least half of the name kept)."""
    for full, slug in park_names.slug_by_name.items():
        if (
            len(full) > len(name) >= max(5, len(full) / 2)
            and (full[0], full[-1]) == (name[0], name[-1])
            and is_subsequence(name, full)
        ):
            return slug
    return None


def same_zone_qualified(name, full):
    """Whether `full` is `name` with words that only qualify it: 深圳国家高新区 of 深圳高新区, 中国(绵阳)科技城 of
    绵阳科技城, or with its kind written out (`ZONE_KINDS_SHORTENED`): 克拉玛依高新技术产业开发区 of 克拉玛依高新区.
    Not 天津西青经开区 of 天津经开区, another zone, nor 中国西部(成都)科学城 of 中国西部科学城, a part of it."""
    if len(full) <= len(name) or name[-1] != full[-1]:
        return False
    if shortened_kind(full) == name:
        return True
    dropped, characters = [], iter(name)
    wanted = next(characters, None)
    for char in full:
        if char == wanted:
            wanted = next(characters, None)
        elif char not in OPENERS + CLOSERS:
            dropped.append(char)
    return wanted is None and bool(QUALIFYING.fullmatch("".join(dropped)))


def shortened_kind(name):
    """`name` with its kind of zone written short (`ZONE_KINDS_SHORTENED`)."""
    for kind, short in ZONE_KINDS_SHORTENED:
        name = name.replace(kind, short)
    return name


def is_subsequence(short, long):
    characters = iter(long)
    return all(char in characters for char in short)


def propose_measures(text, paragraphs, parks, known_names, about, screen_names=True):
    """Named measures: 《…》 titles, quoted names (“算力券”, “无事不扰”白名单), noun chains ending in a head word, and
    the names the registry knows: its policies by name or alias (中关村论坛, 科创30条), each then proposed with its
    `policy`, and names curators accepted before (“高效办成一件事”). A known name the registry also knows as a park
    (雄安新区中关村科技园) is a park here.

    Each is proposed once, at its first mention, with its sentence as the quote. The candidates are found broadly
    and kept when `name_model` takes them for names, or when they hold a name the registry knows (whatever quotes or
    words surround it); `screen_names=False` keeps them all (to train the model)."""
    park_starts = [park["offset"] for park in parks]  # in text order
    park_at = set(park_starts)
    known = [mention for mention in known_names.mentions(text) if mention["offset"] not in park_at]
    starts = [mention["offset"] for mention in known]
    titles = document_titles(text, paragraphs)
    measures, seen, holding_known = [], set(), set()
    for paragraph in paragraphs:
        for sentence in split_on(paragraph, SENTENCE_ENDS):
            found = names_in(text, sentence)
            if titles and sentence.start <= titles[0][1] < sentence.end:
                found = sorted({*found, *titles}, key=lambda pair: pair[1])
            inside = known[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]
            for name, offset, policy in with_policies(found, inside):
                key = name.strip("《》“”")
                if key in seen or len(key) < 2:
                    continue
                seen.add(key)
                quote, quote_offset = window(sentence, offset, offset + len(name))
                end = quote_offset + len(quote)
                quoted = parks[bisect_left(park_starts, quote_offset) : bisect_left(park_starts, end)]
                named = sorted({park["slug"] for park in quoted}) or list(about)
                at = bisect_left(starts, offset)
                if policy or (name, offset) in titles or (at < len(starts) and starts[at] < offset + len(name)):
                    holding_known.add(key)
                measures.append(
                    {"title": name, "quote": quote, "offset": quote_offset, "parks": named, "policy": policy}
                )
    measures = without_shortened(measures)
    if not screen_names:
        return measures
    return [
        measure
        for measure, mentions in zip(measures, mention_counts(text, measures), strict=True)
        if measure["title"].strip("《》“”") in holding_known or is_name(measure, mentions)
    ]


def document_titles(text, paragraphs):
    """(name, offset) of each document a title line (`title_lines`) names (`TITLE_KIND`, `ISSUED`, `TITLE_LABEL`,
    `NEWS_TOLD`, `ISSUED_JOINER`)."""
    for paragraph in title_lines(paragraphs):
        line = paragraph.text.rstrip(TRIM)
        label = TITLE_LABEL.match(line)
        start = paragraph.start + (label.end() if label else 0)
        title = text[start : paragraph.start + len(line)]
        issued = ISSUED.search(title)
        if issued:
            start, title = start + issued.start("issued"), issued.group("issued")
        if (
            len(title) < DOCUMENT_TITLE_LENGTH
            or not TITLE_KIND.search(title)
            or "《" in title
            or ENUMERATOR.match(title)
            or NEWS_TOLD.search(title)
        ):
            continue
        titles, part = [], 0
        for joiner in ISSUED_JOINER.finditer(title) if issued else ():
            whole = (
                joiner.start() - part >= DOCUMENT_TITLE_LENGTH and len(title) - joiner.end() >= DOCUMENT_TITLE_LENGTH
            )
            if whole and TITLE_KIND.search(title, part, joiner.start()):
                titles.append((title[part : joiner.start()], start + part))
                part = joiner.end()
        titles.append((title[part:], start + part))
        return [(name, offset) for name, offset in titles if f"《{name}》" not in text]
    return []


def mention_counts(text, measures):
    """How often each measure's name occurs in the text (at its longest), found in one pass however many names."""
    names = [measure["title"].strip("《》“”") for measure in measures]
    index = NameIndex([(None, names)])
    counts = Counter(index.key(mention["name"]) for mention in index.mentions(text))
    return [counts[index.key(name)] for name in names]


def without_shortened(measures):
    """The measures less any whose title ends a longer one's: the same name cut short where a verb or a window
    stopped it (创业高质量发展实施办法 of 《…港澳青年创新创业高质量发展实施办法》), or a kind of which the document
    names one (国际科技创新中心 of 北京国际科技创新中心)."""
    keys = [m["title"].strip("《》“”") for m in measures]
    # Endings up to SHORTENED_LENGTH characters, so a title thousands of characters long costs no more than a name.
    endings = {key[cut:] for key in keys for cut in range(max(1, len(key) - SHORTENED_LENGTH), len(key))}
    return [m for m, key in zip(measures, keys, strict=True) if key not in endings]


def with_policies(found, mentions):
    """(name, offset, policy slug or None), left to right: each name found (in text order) with the first policy
    mentioned inside it, and each known name outside every name found as a name of its own."""
    starts = [offset for _, offset in found]
    policy_of, named = {}, []
    for mention in mentions:
        at = bisect_right(starts, mention["offset"]) - 1
        if at >= 0 and mention["offset"] < starts[at] + len(found[at][0]):
            if mention["slug"]:
                policy_of.setdefault(at, mention["slug"])
        else:
            named.append((mention["name"], mention["offset"], mention["slug"]))
    named += [(name, offset, policy_of.get(at)) for at, (name, offset) in enumerate(found)]
    return sorted(named, key=lambda item: item[1])


ENDS_IN_HEAD = re.compile(rf"(?:{MEASURE_HEAD.pattern})$")  # “算力券”, “百千工程”
# Slogans, not names: counted ones (“四个服务”, “117项目”) and “X+” campaigns (“高铁+”, “市场+资源+应用场景”); a head
# word after the quote still makes a name (“人工智能+”行动).
SLOGAN = re.compile(r"^(?:[一二三四五六七八九十两]+[个大项条]|\d)|\+")
# Programmes bundled under a count, whatever comes before: 高质量发展“十项行动”, “民生十大工程”.
BUNDLE = re.compile(rf"[一二三四五六七八九十两百千\d]+[大项个](?:{MEASURE_HEAD.pattern})$")
# A package of articles quoted by its count (稳经济“30条”) is one document, and so one measure, no counted slogan.
ARTICLES = re.compile(r"\d+条")  # “两条”, “十条” are as often lines to hold (守住“两条”底线)
# A short quote counting its points is a slogan too (“五子”, “两区”, “三城一区”, “六链五群”, “双减”); a head word
# after it or at its end still makes a name (“百千工程”, “千人计划”). 一 alone counts nothing: it says one and only, as
# the regimes “一网通办”, “只报一次” and “高效办成一件事” do; three of them lay out a plan (“一核一带一区”).
COUNTED = re.compile(rf"{NUMERAL.pattern}|双|(?:一[^一]){{3}}")  # the numerals the name screen counts, 双, three 一
# A 《…》 title is a measure when it is a policy document's title: it ends in a kind of document (…若干措施,
# …规划纲要（草案）) and is more than a back-reference (《建议》, 《纲要（草案）》); newspapers, programmes and books
# (《人民日报》, 《您的声音》, 《海淀史地丛书（四）》) are not.
BRACKETED_END = r"(?:[（(][^（(）)]*[）)])*$"  # 规划纲要（草案）, 行动计划(2023—2025年): what brackets a title's end
DOCUMENT_KIND = re.compile(
    rf"(?:意见|措施|办法|方案|规划|计划|纲要|条例|政策|通知|决定|规定|细则|建议|法|指引|指南|目录|清单|规则|标准|批复|复函)"
    rf"{BRACKETED_END}"
)
DOCUMENT_TITLE_LENGTH = 8
# A document's title line names the document, a measure (2017年合肥高新区支持产业发展若干政策措施, 国务院关于…的指导
# 意见), unless the body writes it in 《》 and so names it there. A notice's title names what it issues
# (国务院关于印发国家职业教育改革实施方案的通知), each document of a joined pair when each is a whole name
# (…若干政策和安徽省…行动计划…的通知; not 国土空间规划和用途管制…方案); other notices, approvals and decisions
# (召开…会议的通知, …规划的批复, 表彰…的决定) name none of their own. A page's label before a colon, an arrow, a bar,
# a wide space or a space before 关于 is no part of it (当前位置：首页>政策>…, 中共…委员会 关于…的意见); a headline
# telling news, a reading guide or a question (我市出台…措施, 一图读懂…, 关于…的政策解读), a numbered heading and a
# line of clauses name none.
TITLE_KIND = re.compile(rf"(?:意见|措施|办法|方案|规划|计划|纲要|条例|政策|规定|细则){BRACKETED_END}")
ISSUED = re.compile(r"印发(?P<issued>.+)的通知$")
TITLE_LABEL = re.compile(r".*(?:[:：>»|｜]|\s{2,}|\u3000|\s(?=关于))")
NEWS_TOLD = re.compile(r"将|已|了|出台|发布|印发|审议|通过|解读|读懂|问|如何|做法|召开|表彰|转发|[，,]")
ISSUED_JOINER = re.compile(r"[和及、]")
WORDS = re.compile(r"\w")
DEFINED_AS = re.compile(r"简称|称为|以下称")  # (以下简称“双特”政策): a name defined, the long one already proposed
DEFINITION = re.compile(rf"[（(](?:以下)?(?:{DEFINED_AS.pattern})[^（()）]{{1,30}}[）)]")  # (以下称1+X证书制度试点)


def is_slogan(inner):
    """A quote that is no name: too short or too long, an “X+” campaign, a counted slogan without a head word."""
    if ARTICLES.fullmatch(inner):
        return False
    if SLOGAN.search(inner) or not 2 <= len(inner) <= 16:
        return True
    return bool(COUNTED.search(inner)) and not ENDS_IN_HEAD.search(inner)


def name_end_after(text, quote_end, limit):
    """Where a name a quote opens ends: at a head word right after the quote (“无事不扰”白名单) or at the end of a
    noun chain that runs from the quote to a head word (“票根”联动促消费试点, “政会银企”四方合作机制); None if no
    head word follows."""
    head = MEASURE_HEAD.match(text, quote_end)
    if head:
        end = head.end()
        while following := MEASURE_HEAD.match(text, end, limit):
            end = following.end()  # “…”制度试点: head words side by side are one
        return end
    for match in MEASURE_HEAD.finditer(text, quote_end, min(limit, quote_end + WINDOW)):
        if MEASURE_HEAD.match(text, match.end(), limit):
            continue
        _, offset, _, following = chain_before(text, match.start(), match.end(), quote_end, limit, hmm=True)
        if offset == quote_end and not continues_noun(following):
            return match.end()
    return None


def names_in(text, sentence):
    """(name, offset) of the measures `sentence` names, left to right."""
    found, covered, run_start, run_end = [], [], None, None
    for start, end in quoted_ranges(sentence.text):
        absolute = sentence.start + start
        inner = sentence.text[start + 1 : end - 1]
        if not WORDS.search(inner):
            continue  # “，，”: a quote of punctuation names nothing
        floor = covered[-1][1] if covered else sentence.start
        run_start = run_start if run_end == absolute else absolute  # “两重”“两新”政策: quotes side by side
        run_end = sentence.start + end
        if sentence.text[start] == "《":
            if DOCUMENT_KIND.search(inner) and len(inner) >= DOCUMENT_TITLE_LENGTH:
                found.append((sentence.text[start:end], absolute))
            covered.append((absolute, sentence.start + end))
            continue
        head_end = name_end_after(text, sentence.start + end, sentence.end)
        if head_end:  # quotes side by side share the head word after the last
            # Both lists are in text order, so what the run replaces is at their ends: popped, not filtered, the
            # cost stays linear in a sentence's quotes.
            while found and found[-1][1] + len(found[-1][0]) > run_start:
                found.pop()
            while covered and covered[-1][1] > run_start:
                covered.pop()
            absolute = run_start
            found.append((text[absolute:head_end], absolute))
        elif DEFINED_AS.search(sentence.text, max(0, start - 4), start):
            covered.append((absolute, sentence.start + end))  # a short name defined: neither it nor its words
            continue
        elif BUNDLE.search(inner):
            covered.append((absolute, sentence.start + end))  # “民生十大工程”: programmes bundled, not one of them
            continue
        elif is_slogan(inner) and not (
            ENDS_IN_HEAD.search(inner) and modifier_before(text, absolute, floor) != absolute
        ):
            continue  # “五子”, “两区”: counted slogans; with a head and the nouns before it, a name
        else:
            found.append((sentence.text[start:end], absolute))  # a candidate: `name_model` tells names from emphasis
        name, offset = found[-1]
        if ARTICLES.fullmatch(inner):
            before = purpose_before(text, offset, offset + len(name), floor)
        else:
            before = modifier_before(text, offset, floor)
        found[-1] = (text[before : offset + len(name)], before)  # 地方政府专项债|“自审自发”试点
        covered.append((before, offset + len(name)))
    # A short name defined in brackets, (以下称1+X证书制度试点), names what came before it, already proposed.
    covered += [
        (sentence.start + match.start(), sentence.start + match.end()) for match in DEFINITION.finditer(sentence.text)
    ]
    covered.sort()
    starts = [start for start, _ in covered]
    for name, offset in measure_names(text, sentence.start, sentence.end):
        at = bisect_right(starts, offset + len(name) - 1) - 1
        if at < 0 or covered[at][1] <= offset:
            found.append((name, offset))
    return sorted(found, key=lambda pair: pair[1])
