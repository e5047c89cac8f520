"""Rules for unseen documents, each with a sentence from a real one (devset/ and the failures it showed)."""

import pytest

from measures.ingest.about import parks_in_title
from measures.ingest.quality import evaluate_devset, names_match, read_devset, titles_of
from measures.seed.files import index_park_names, read_seed
from measures.text.cleaning import apply_corrections, find_spam, page_corrections
from measures.text.extraction import propose
from measures.text.names import NameIndex
from measures.text.phrases import COUNTED_THINGS

PARKS = index_park_names(read_seed().parks)


def targets(text, date=None):
    return [(t["value"], t["unit"], t["target_year"]) for t in propose(text, NameIndex(), date)["targets"]]


def funding(text, date=None):
    return [(f["amount"], f["unit"]) for f in propose(text, NameIndex(), date)["funding"]]


def test_goals_reported_met_do_not_turn_a_review_into_goals():
    text = (
        "一、2025年工作回顾\n"
        "过去一年，锚定目标，攻坚克难，经济社会发展主要目标任务顺利完成。全省地区生产总值5.3万亿元、增长5.5%。"
    )
    assert targets(text, "2026-02-05") == []
    # The figures of a review sentence that names a system of goals before it reports them met are results.
    text = (
        "一、2025年工作回顾\n"
        "一年来，全省上下聚焦“1+2+4+N”目标任务体系，生产总值增长5.6%，进出口总值增长14.1%，"
        "顺利完成全年主要目标任务。"
    )
    assert targets(text, "2026-01-26") == []
    # ... but a sentence that sets goals for this year or a later one does, whatever it reports met.
    text = (
        "一、2025年工作回顾\n"
        "今年主要预期目标是：地区生产总值增长5%左右，城镇新增就业50万人以上，完成国家下达的节能降碳目标任务。"
    )
    assert targets(text, "2026-01-26") == [(5, "%", 2026), (50, "万人", 2026)]


def test_a_part_headed_without_a_number_sets_the_tense_and_year_of_the_numbered_sections_in_it():
    # A report in parts whose headings carry no number, each with numbered sections naming no period: the review's
    # figures are results, the work's figures goals of the year its opening paragraph names (今年是…). The title and
    # the date line above the speech are no part headings.
    text = (
        "2026年某自治区政府工作报告\n"
        "——2026年2月4日在自治区人民代表大会第五次会议上\n"
        "各位代表：\n现在，我代表自治区人民政府向大会报告工作，请予审议。\n"
        "“十四五”时期发展成就和2025年工作回顾\n"
        "——这五年综合经济实力大幅提升。经济总量达到2.67万亿元。\n"
        "一、把铸牢共同体意识作为各项工作的主线\n"
        "新建互嵌式社区120个。\n"
        "“十五五”时期主要目标和2026年重点工作\n"
        "今年是“十五五”开局之年。\n"
        "一、深化落实五大任务\n"
        "完成防沙治沙任务1500万亩。\n"
        "二、全力抓好七项重点工作\n"
        "新增高标准农田600万亩。\n"
    )
    assert targets(text, "2026-02-04") == [(1500, "万亩", 2026), (600, "万亩", 2026)]


def test_a_threshold_after_another_is_a_criterion_not_a_share_opening_its_item():
    # Tiers (3%、5%以上的企业) say which firms; a share opening its item says how many (、90%以上的研发机构…).
    assert (5, "%", 2026) not in targets(
        "三、2026年重点工作\n力争研发投入比重达到3%、5%以上的企业100家。", "2026-01-27"
    )


def test_titles_numbered_lines_due_dates_and_reviews_head_no_part():
    # A title below a scraped page's greeting, a line numbered （一）, a goal's due date and a section looking back
    # keep their own reading; a part named by a period to come (今后五年) ends the review before it.
    text = (
        "欢迎访问某市人民政府网站！\n2026年某市政府工作报告\n一、过去一年工作回顾\n"
        "新建学校12所，新增城镇就业5.2万人，建成5G基站3000个。\n"
    )
    assert targets(text, "2026-01-27") == []
    text = (
        "各位代表：\n现在作报告。\n（一）2023年重点工作任务\n新建学校12所。\n二、保障措施\n组建50人的专家咨询团队。\n"
    )
    assert (50, "人", 2023) not in targets(text, "2023-01-20")
    text = (
        "为推动发展，制定本方案。\n到2030年远景目标\n全面建成创新型城市。\n二、重点任务\n"
        "建设10个创新平台，培育500家企业。\n三、保障措施\n组建50人的专家咨询团队。\n"
    )
    assert targets(text, "2023-05-01") == [(10, "个", None), (500, "家", None)]
    text = (
        "各位代表：\n现在作报告。\n2025年工作回顾\n新建学校12所。\n今后五年主要目标任务\n一、加快产业升级\n"
        "新增国家级专精特新企业50家，建成5个千亿级产业集群。\n"
    )
    assert targets(text, "2026-01-27") == [(50, "家", None), (5, "个", None)]


def test_a_review_comparing_its_figures_and_counts_in_chinese_numerals_set_no_goals():
    review = "一、2025年工作回顾\n教育、养老服务等主要指标高于全国平均水平，9个国家区域医疗中心开诊运营、居全国第2位。"
    assert targets(review, "2026-02-05") == []
    plan = (
        "今年主要预期目标是：按照省委十一届十次、十一次全会部署，重点做好十一个方面工作，人均预期寿命提高到80岁以上。"
    )
    assert targets(plan, "2026-02-05") == [(80, "岁", 2026)]


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # A 了 in one clause no longer discards the paragraph.
        (
            "围绕上述目标，设置了29项主要指标，包括：全员劳动生产率达58万元/人左右。",
            "2026-01-25",
            [(58, "万元/人", None)],
        ),
        # 今年 against the document's date; 增长, 控制在 are goal numbers in a goal sentence.
        (
            "今年经济社会发展主要预期目标是：地区生产总值增长5%左右，城镇调查失业率控制在5%以内。",
            "2026-01-25",
            [(5, "%", 2026), (5, "%", 2026)],
        ),
        # "2022年的目标" is a forward year, even announced in the past tense.
        ("海淀区提出了2022年的目标：GDP超过1万亿元，增长6%以上。", "2022-01-14", [(1, "万亿元", 2022), (6, "%", 2022)]),
        (
            "到2027年,经开区国家高新技术企业数量超2700家,专精特新中小企业达到1200家。",
            "2025-04-11",
            [
                (2700, "家", 2027),
                (1200, "家", 2027),
            ],
        ),
        # Past figures are not targets.
        ("到1984年底，中关村地区陆续建立新技术企业近69家。", "2022-01-14", []),
        ("2020年实现增加值7823.0亿元，占全区经济总量的91.99%。", "2022-01-14", []),
        ("这五年，我们系统治理、持续攻坚，新增绿道1000公里。", "2026-01-25", []),
        # Counts inside names and slogans.
        ("提高“四个服务”水平，在此基础上再奋斗五年，实施核心区环境品质提升三年行动。", "2026-01-25", []),
        ("加快推进“3个100”等重点工程建设。", "2026-01-25", []),
        # An age that says who is served is not an age to reach.
        (
            "到2025年，服务对象包含65岁以上失能老年人、0-6岁儿童，人均预期寿命达到82岁。",
            "2023-10-19",
            [(82, "岁", 2025)],
        ),
        # A figure that says who qualifies is a criterion; the count of those to grow is the goal.
        (
            "对港澳青年实际权益持股比例达25%以上或港澳青年员工人数比例达30%以上的企业，给予支持。",
            "2023-08-09",
            [],
        ),
        ("到2025年，培育营业收入超10亿元的企业50家。", "2023-08-09", [(50, "家", 2025)]),
        # ... and so is a class of projects by size, in any currency.
        (
            "到2025年，引进超20亿元项目200个、超10亿美元项目50个。",
            "2022-02-08",
            [(200, "个", 2025), (50, "个", 2025)],
        ),
        # A share opening its item says how many of the things that follow: a goal, not who qualifies.
        (
            "到2023年，全区培育研发机构200家，90%以上的研发机构设立在企业、90%以上的研发人员集中在企业。",
            "2021-06-01",
            [(200, "家", 2023), (90, "%", 2023), (90, "%", 2023)],
        ),
        # A count of the things that follow is a goal, criterion words or not.
        (
            "到2025年，培育100家以上的专精特新企业，引进1000名以上的高层次人才。",
            "2023-08-09",
            [(100, "家", 2025), (1000, "名", 2025)],
        ),
        # An outlook told after a goal leaves the goal before it.
        ("到2025年，建成10个示范园区，园区建成后年产值达到100亿元。", "2023-08-09", [(10, "个", 2025)]),
        # A review's figures under a label with 指标 are no goals.
        ("一、2023年工作回顾\n经济指标：地区生产总值年均增长6%，新增高新技术企业3000家。", "2024-01-20", []),
        ("一、2023年工作回顾\n各项指标，全面完成。新增高新技术企业3000家。", "2024-01-20", []),
        # A paragraph labelled as goals (具体指标：) takes the year its first clause names.
        (
            "具体指标：到2022年，职业院校教学条件基本达标，建设50所高水平高等职业学校。"
            "推动建设300个高水平专业化产教融合实训基地。",
            "2019-01-24",
            [(50, "所", 2022), (300, "个", 2022)],
        ),
        # The items of a goals list carry its year, whether they open on ——, or on -- as typed.
        (
            "到2023年，工业互联网建设量质并进。\n--平台建设长足进步。培育3家综合型工业互联网平台。"
            "\n--融合应用加速普及。新建800个智能工厂。",
            "2021-09-02",
            [(3, "家", 2023), (800, "个", 2023)],
        ),
        # The text's own outline, in any numerals, is no goal.
        ("重点抓好以下14个方面的工作。政府工作中，我们要重点把握好5个方面。", "2026-01-25", []),
        ("二、“十五五”时期主要目标任务\n规划纲要从经济发展等5个方面细化提出22项主要指标。", "2026-02-03", []),
        (
            "二、“十五五”时期主要目标任务\n提出五大类21个主要指标，包括13个预期性指标、8个约束性指标；"
            "分13个领域细化实化“十五五”时期任务。",
            "2026-01-27",
            [],
        ),
        # ... nor is the year's bundle of tasks for the people, which a report counts and lists apart.
        ("三、2026年重点工作\n坚持民生为大，办好34项民生实事，滚动实施15件市级重点民生实事。", "2026-01-31", []),
        # A number of a magnitude written in words is a level (百万吨 is 100 万吨), set for each subject listed with 均;
        # a magnitude alone is a figure of speech.
        (
            "三、2026年重点工作\n粮食、肉蛋奶、蔬菜产量均稳定在百万吨以上，原油产量达到千万吨。",
            "2026-01-31",
            [(100, "万吨", 2026), (100, "万吨", 2026), (100, "万吨", 2026), (1000, "万吨", 2026)],
        ),
        ("海淀早已发出跨进万亿的豪言壮语。", "2022-01-14", []),
        # ... and so is a size class (千亿级, 百万吨级), a magnitude in a place's name or one counting people loosely;
        # a magnitude in words keeps its whole unit (万人次, 亿斤, 亿方).
        ("今年要打造超千亿级新能源汽车产业集群，推动电子信息产业迈上千亿级台阶。", "2026-01-20", []),
        ("2026年，力争新增百亿级企业5家、百万吨级炼化项目1个。", "2026-01-20", [(5, "家", 2026), (1, "个", 2026)]),
        ("今年要推进十万大山国家公园创建，让十万群众受益。", "2026-01-20", []),
        (
            "2026年，力争全年接待游客突破千万人次，粮食总产量稳定在千亿斤以上，天然气产量超百亿方。",
            "2026-01-20",
            [(1000, "万人次", 2026), (1000, "亿斤", 2026), (100, "亿方", 2026)],
        ),
        # Years listed before values given 分别 pair with them in order.
        (
            "到2025年和2030年，全国短流程炼钢占比分别提升至15%、20%以上。",
            "2022-06-10",
            [(15, "%", 2025), (20, "%", 2030)],
        ),
        (
            "到2018年、2019年、2020年年底前，开放城市的比例分别达到30%、70%、100%。",
            "2018-09-13",
            [(30, "%", 2018), (70, "%", 2019), (100, "%", 2020)],
        ),
        # A vision named by its year (实现2035年远景目标) is an aim, not the year the goals after it are due.
        (
            "二、“十五五”时期主要目标任务\n综合考虑实现2035年远景目标和现实支撑条件，提出地区生产总值年均增长5%—5.5%。",
            "2026-02-03",
            [(5, "%", 2030)],
        ),
        # Years of a review listed are not the goals' years.
        (
            "在2022年、2023年、2024年连续增长的基础上，到2027年，研发投入强度、数字经济占比、城镇化率分别达到3%、12%、70%。",
            "2026-01-20",
            [(3, "%", 2027), (12, "%", 2027), (70, "%", 2027)],
        ),
        # A rhythm (every two months, every five years) sets no level to reach; what is built in its time does.
        ("到2020年，按照每2个月至少组织1次开放活动的要求制定计划。每5年修订1次专业目录。", "2018-09-13", []),
        ("到2027年，每3年新建城市公园50个。", "2026-01-20", [(50, "个", 2027)]),
        # A report of projects tells what each will yield, which no policy sets as a goal.
        (
            "二期600MW项目投产后将形成新增年产1.62亿片硅片的生产规模，年销售额预计可达约60亿元。"
            "公司计划总投资2.31亿元扩大核电关键阀门生产能力。",
            "2011-03-29",
            [],
        ),
    ],
)
def test_goal_and_past_cues(text, date, expected):
    assert targets(text, date) == expected


def test_a_plan_titled_with_its_period_sets_its_goals_year():
    # The title may sit below page furniture, and a dash of any width may join the years.
    text = (
        "原文链接：https://www.pkulaw.com/lar/e069caa6.html\n"
        "安徽省工业互联网创新发展行动计划(2021—2023年)\n"
        "二、行动步骤\n持续争取标识解析体系国家二级节点在安徽落地，力争全省建成10个二级节点。"
    )
    assert targets(text, "2021-09-02") == [(10, "个", 2023)]
    # A period in the body is the plan's when its title says so, not any sentence's.
    body = "安徽省人民政府办公厅关于印发若干政策的通知\n各市：\n编制行动计划（2021-2023年）。力争建成10个二级节点。"
    assert targets(body, "2021-09-02") == [(10, "个", None)]


def test_a_quantity_each_year_is_a_yearly_goal_unless_told_as_past():
    text = "二、行动步骤\n专栏5  “皖企登云”提质扩面工程\n规模化推进企业上云。每年培育“皖企登云”企业6000家以上。"
    proposed = propose(text, NameIndex(), "2021-09-02")["targets"]
    assert [(t["value"], t["unit"], t["period"]) for t in proposed] == [(6000, "家", "annual_rate")]
    assert targets("这五年，我们每年新增城镇就业30万人以上。", "2026-01-25") == []
    # A cap, a frequency, a time and a condition each year set no goal.
    assert targets("给予一次性10万元的落户奖金支持，每年获支持企业数量最多不超过10个。", "2023-08-09") == []
    assert targets("学校依据目录灵活自主设置专业，每年调整1次专业，教师每年至少1个月在企业实训。", "2019-01-24") == []
    assert targets("外籍华人在区内企业工作满4年，每年居住超过6个月的可直接申请在华永久居留资格。", "2017-10-13") == []
    assert targets("对每年培训员工100人次以上的企业给予奖励。", "2024-03-01") == []
    # Money or a share each year is a criterion or a statistic, not a yearly goal.
    assert targets("申报企业应具备以下条件：企业每年研发投入不低于500万元。", "2024-03-01") == []
    assert targets("全省每年因地质灾害造成的经济损失约10亿元，企业每年营业收入增长超过20%。", "2024-03-01") == []


def test_a_share_in_words_is_a_percentage():
    text = "具体指标：到2022年，职业院校实践性教学课时原则上占总课时一半以上，“双师型”教师占专业课教师总数超过一半。"
    proposed = propose(text, NameIndex(), "2019-01-24")["targets"]
    assert [(t["value"], t["unit"], t["target_year"], t["comparator"]) for t in proposed] == [
        (50, "%", 2022, "at_least"),
        (50, "%", 2022, "at_least"),
    ]
    assert targets("一、2025年工作回顾\n新增两院院士占全国近一半。", "2026-01-25") == []
    proposed = propose("到2025年，农村人口比重降至一半以下。", NameIndex(), "2021-01-01")["targets"]
    assert [(t["value"], t["comparator"]) for t in proposed] == [(50, "at_most")]


def test_a_plans_years_not_yet_over_date_its_goals():
    # “十四五”期间 opening a paragraph in 2022 dates its goals to 2025, past its first sentence; in 2026 it is a review.
    text = "“十四五”期间，从省外引进内资产业项目500个。经济开发区规上亩均税收达到37万元以上。"
    assert targets(text, "2022-02-08") == [(500, "个", 2025), (37, "万元", 2025)]
    assert targets(text, "2026-01-25") == []
    # A goal's year holds across a semicolon, into the next goal of the list.
    text = "《意见》提出，“十四五”期间，大城市新增保障房占比力争达到30%以上；其他城市力争达到15%以上。"
    assert targets(text, "2021-09-12") == [(30, "%", 2025), (15, "%", 2025)]


def test_a_programmes_name_sets_no_goal_and_a_plan_titled_by_its_period_dates_its_own():
    # 计划 in a programme's name is no cue: the firms selected this year are counted, not aimed at.
    text = "东莞市倍增计划工作领导小组办公室开展遴选工作，今年东莞市有521家试点企业。"
    assert targets(text, "2022-05-26") == []
    # A plan titled by its period (《“十四五”时期…方案》) dates the goals it sets to the period's end.
    text = "生态环境部联合印发的《“十四五”时期“无废城市”建设工作方案》提出，将推动100个左右城市开展建设。"
    assert targets(text, "2021-12-17") == [(100, "个", 2025)]


def test_progress_against_a_plan_and_candidates_proposed_are_no_goals():
    # How much of a plan is done reports progress; the plan is its base, not a goal.
    assert targets("吴忠市计划投资232亿元，完成63.5%；固原市计划投资59亿元，完成58.9%。", "2021-08-30") == []
    assert targets("到2026年，确保重大项目投资完成率达到100%。", "2025-12-30") == [(100, "%", 2026)]
    # 拟入选, 拟获资助: whom a notice proposes, not a plan.
    assert targets("深圳市科创委公示第一批名单，11971家企业拟入选。", "2021-08-17") == []


def test_doubling_is_a_goal_counted_in_fan():
    # 翻一番 (doubled) is a level reached, as the annotators count it: 1 番; a review's doubling is the past.
    text = "《纲要（草案）》还展望了到2035年的奋斗目标，人均地区生产总值比2020年翻一番。"
    assert targets(text, "2026-01-25") == [(1, "番", 2035)]
    assert targets("一、2025年工作回顾\n高新技术企业数3年翻一番。", "2026-01-25") == []
    # A year compared against is a goal's base when a later year is in force, and a review's figure when not.
    assert targets("到2030年，单位地区生产总值能耗比2025年下降13%。", "2026-01-25") == [(13, "%", 2030)]
    assert targets("全市地区生产总值比2020年增长32%。", "2026-01-25") == []
    proposed = propose("到2035年，全省人均地区生产总值比2020年翻一番。", NameIndex(), "2026-01-25")["targets"]
    assert [t["indicator"] for t in proposed] == ["人均地区生产总值比2020年"]
    assert targets("今年全市地区生产总值力争比2025年增长5.5%左右。", "2026-01-25") == [(5.5, "%", 2026)]
    assert targets("“十五五”期间地区生产总值比2025年增长40%以上。", "2026-01-25") == [(40, "%", 2030)]
    # The year must be named in the sentence: a year in force from before does not make a review's figure a goal.
    text = "到2027年，全市数字经济增加值达到2000亿元。目前，全市数字经济增加值比2020年增长60%，达到1200亿元。"
    assert targets(text, "2026-01-25") == [(2000, "亿元", 2027)]
    # Compared with last year, a goal's difference glosses the goal just set.
    text = "2026年主要预期目标：地区生产总值增长5%左右，比2025年目标低0.5个百分点；城镇就业30万人，比2025年多2万人。"
    assert targets(text, "2026-01-25") == [(5, "%", 2026), (30, "万人", 2026)]
    # A clause of its own subject compared with the base year is another goal, not a gloss.
    text = "到2025年，单位国内生产总值能源消耗比2020年下降13.5%，化学需氧量、氨氮排放总量比2020年分别下降8%、10%以上。"
    assert targets(text, "2022-01-24") == [(13.5, "%", 2025), (8, "%", 2025), (10, "%", 2025)]


def test_one_figure_set_for_subjects_listed_is_a_goal_for_each():
    # 社会消费品零售总额、固定资产投资增长4%左右 sets 4% for each, with 均, 各, 分别 or without; a figure for each
    # subject, a group (等产业) or a list of verbs is not shared.
    text = "今年主要预期目标是：社会消费品零售总额、固定资产投资增长4%左右；新建省重点实验室、省技术创新中心各20家。"
    proposed = propose(text, NameIndex(), "2026-01-25")["targets"]
    assert [(t["indicator"], t["value"], t["target_year"]) for t in proposed] == [
        ("社会消费品零售总额", 4, 2026),
        ("固定资产投资", 4, 2026),
        ("省重点实验室", 20, 2026),
        ("省技术创新中心", 20, 2026),
    ]
    text = (
        "今年主要预期目标是：单位地区生产总值能耗、二氧化碳排放分别下降3%、4%；电子信息、装备制造等产业增加值增长10%；"
        "新建、改造高标准农田100万亩；新培育独角兽、小巨人企业300家以上；设施农业、畜牧养殖机械化率总体达到50%。"
    )
    values = [(value, unit) for value, unit, _ in targets(text, "2026-01-25")]
    assert values == [(3, "%"), (4, "%"), (10, "%"), (100, "万亩"), (300, "家"), (50, "%")]
    # A metric written once after the last subject is the whole list's; scope words, Latin letters and quotes
    # belong to the subjects; those who must reach a figure are none, nor is a list of verbs after 全市.
    text = (
        "今年主要预期目标是：城镇、农村居民人均可支配收入均增长5.5%左右；新建5G基站、千兆光网端口各1万个；"
        "其中高技术制造业、战略性新兴产业增加值增长10%；全市各区县、各部门要确保生产安全事故起数下降10%；"
        "全市新建、改扩建中小学校各20所；城乡居民基本养老保险、基本医疗保险参保率均稳定在95%以上。"
    )
    proposed = propose(text, NameIndex(), "2026-01-25")["targets"]
    assert [(t["indicator"], t["value"]) for t in proposed][:6] == [
        ("城镇、农村居民人均可支配收入", 5.5),
        ("城镇、农村居民人均可支配收入", 5.5),
        ("5G基站", 1),
        ("千兆光网端口", 1),
        ("高技术制造业、战略性新兴产业增加值", 10),
        ("高技术制造业、战略性新兴产业增加值", 10),
    ]
    assert [(t["indicator"], t["value"]) for t in proposed][8:] == [
        ("城乡居民基本养老保险", 95),
        ("基本医疗保险参保率", 95),
    ]
    assert [t["value"] for t in proposed][6:8] == [10, 20]


def test_a_size_class_is_no_quantity():
    text = "到2025年，培育形成2个千亿级产业集群和6个五百亿级产业集群，建设2个10万吨级码头。"
    assert targets(text, "2020-11-17") == [(2, "个", 2025), (6, "个", 2025), (2, "个", 2025)]
    # A voltage classes a line or a substation (750千伏输变电工程); it is not 750 thousand of anything.
    assert targets("三、2026年重点工作\n开工750千伏定靖西、330千伏沣渭等输变电工程。", "2026-01-25") == []


def test_a_list_of_magnitudes_takes_the_unit_written_once_at_its_end():
    text = (
        "三、2026年重点工作\n"
        "支持创建国家级集群，力争电子信息、有色金属、装备制造业产业规模分别达1.28万亿、1.18万亿、8200亿元。"
    )
    assert targets(text, "2026-02-05") == [(1.28, "万亿元", 2026), (1.18, "万亿元", 2026), (8200, "亿元", 2026)]
    assert propose(text, NameIndex(), "2026-02-05")["funding"] == []  # levels to reach, though support is named


def test_a_range_may_write_its_magnitude_twice():
    found = propose("到2025年培育企业3万-5万家，需要资金7000亿-8000亿元。", NameIndex(), "2022-09-24")
    assert [(t["value"], t["value_max"], t["unit"]) for t in found["targets"]] == [(3, 5, "万家"), (7000, 8000, "亿元")]
    assert found["funding"] == []


def test_containers_trains_and_flights_are_counted_in_their_units():
    text = "到2030年，货运量达到50万标箱，中欧班列年开行量保持在4800列以上，新开航线航班4000班次。"
    assert targets(text, "2026-01-28") == [(50, "万标箱", 2030), (4800, "列", 2030), (4000, "班次", 2030)]
    text = "到2030年，中欧班列开行1.5万列次，机场起降航班30万架次，新增变电容量800万千伏安。"
    assert targets(text, "2026-01-28") == [(1.5, "万列次", 2030), (30, "万架次", 2030), (800, "万千伏安", 2030)]


def test_electricity_computing_power_livestock_and_land_parcels_keep_their_units():
    text = "三、2026年重点工作\n外送电量达到3000亿度，新增算力15万P，生猪出栏100万头，供应土地110宗。"
    assert targets(text, "2026-01-25") == [
        (3000, "亿度", 2026),
        (15, "万P", 2026),
        (100, "万头", 2026),
        (110, "宗", 2026),
    ]
    assert targets("三、2026年重点工作\n全社会用电量达到1000亿千瓦时。", "2026-01-25") == [(1000, "亿千瓦时", 2026)]


def test_gas_and_water_are_counted_in_cubic_metres_written_as_fang():
    # 亿方 and 万方 are 亿立方米 and 万立方米; 三方 is no quantity.
    text = "三、2026年重点工作\n新增天然气产量10亿方以上，建成三方协作机制。"
    assert targets(text, "2026-01-25") == [(10, "亿方", 2026)]
    text = "三、2026年重点工作\n在引进资金100亿方面取得突破，总投资50亿方案获批。"
    assert [unit for _, unit, _ in targets(text, "2026-01-25") if unit.endswith("方")] == []


def test_a_heading_sets_the_sections_tense_and_year():
    text = "一、2025年工作回顾\n疏解提质一般制造业企业104家。\n三、2026年重点工作\n疏解提质一般制造业企业80家。"
    assert targets(text, "2026-01-25") == [(80, "家", 2026)]
    # A heading naming only a year to come is that year's work, whatever it calls it.
    text = "一、2025年工作回顾\n新增高新技术企业800家。\n三、关于2026年工作\n全年力争新增高新技术企业1000家。"
    assert targets(text, "2026-02-03") == [(1000, "家", 2026)]
    # A heading naming this year without its work is a report of it.
    text = "一、2025年上半年全区经济运行情况\n全区实现地区生产总值5000亿元，新增高新技术企业300家。"
    assert targets(text, "2025-07-20") == []


def test_a_paragraph_opening_on_this_year_starts_this_years_work():
    # One part holding the plan's goals and the year's work: from "今年是…" on, goals are this year's.
    text = (
        "二、“十五五”时期目标任务和2026年工作安排\n"
        "《纲要（草案）》明确了主要指标，其中地区生产总值年均增长5%左右。\n"
        "今年是“十五五”开局之年，必须迈好第一步。\n"
        "全省经济社会发展的主要预期目标是：地区生产总值增长4.5%左右。\n"
        "新增国家级专精特新企业100家。"
    )
    assert targets(text, "2026-01-27") == [(5, "%", 2030), (4.5, "%", 2026), (100, "家", 2026)]
    # A part whose heading names no work: the year it opens on makes its paragraphs this year's work.
    text = (
        "三、一鼓作气勇争先，全力推动“十五五”开好局、起好步\n"
        "2026年是“十五五”开局之年，也是关键一年。\n"
        "加快科技创新。实施省科技重大创新项目10个以上。"
    )
    assert targets(text, "2026-01-27") == [(10, "个", 2026)]
    # A year already over opens a review.
    assert targets("三、回顾\n2025年是极不平凡的一年。\n新增企业100家。", "2026-01-27") == []


def test_a_five_year_plan_in_a_later_document_is_the_past_and_the_next_one_the_goal():
    text = (
        "二、“十四五”时期发展成就和“十五五”时期主要目标任务\n"
        "“十四五”时期是极不平凡的五年，地区生产总值年均增长5.2%。\n"
        "服务贸易年均增速5%左右。"
    )
    found = propose(text, NameIndex(), "2026-01-25")["targets"]
    assert [(t["value"], t["target_year"], t["period"]) for t in found] == [(5, 2030, "annual_rate")]


def test_an_annual_rate_is_kept_apart_from_a_level():
    found = propose(
        "今年目标：一般公共预算收入增长4%左右，细颗粒物年均浓度控制在29微克/立方米左右。", NameIndex(), "2026"
    )
    assert [(t["period"], t["comparator"], t["unit"]) for t in found["targets"]] == [
        ("annual_rate", "about", "%"),
        ("end", "about", "微克/立方米"),
    ]


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("给予大模型研发主体最高1000万元资金支持。", [(1000, "万元")]),
        ("对服务机构给予一次性奖励,最高不超过100万元。", [(100, "万元")]),
        ("发起了200亿天使母基金和种子基金，首期规模100亿元。", [(200, "亿"), (100, "亿元")]),
        # Statistics are not money offered.
        ("8支市级高精尖产业基金带动社会投资超千亿元。", []),
        ("2020年实现增加值7823.0亿元。", []),
        ("开展财政事前评估和预算评审、压减资金42.6亿元。", []),
        # Credit and financing volumes are statistics; a subsidy of a loan's interest is money offered.
        ("促进金融机构发放科技型企业知识价值信用贷款1110亿元、惠及企业2.2万户。", []),
        ("175家企业发行各类债券1193只，全省直接融资7990亿元。", []),
        ("对企业贷款给予贷款贴息，最高50万元。", [(50, "万元")]),
        # A rate is money offered at a rate, whether written after the amount or before it with 每; a sum each
        # recipient is given is a sum.
        ("发明专利申请费资助1000元/件。", [(1000, "元/件")]),
        ("按20万元/家的标准，给予相关孵化器一次性奖励。", [(20, "万元/家")]),
        ("按每月每平方米最高50元的标准予以场地补贴。", [(50, "元/平方米/月")]),
        (
            "按博士学位人员每人8万元给予补贴，租金按每平方米每月最高40元给予补贴。",
            [(8, "万元/人"), (40, "元/平方米/月")],
        ),
        ("对新落户企业每家给予50万元落户奖励。", [(50, "万元")]),
        # Per person and per meal served (每人每次): the rate of a service subsidy.
        ("享受送餐补贴，1-2级补贴标准为每人每次2元，3-5级补贴标准为每人每次4元。", [(2, "元/人/次"), (4, "元/人/次")]),
        # A rate before a list of amounts is the rate of each (分别给予每家80万元、30万元、20万元).
        (
            "对国家级、省级、市级孵化载体，分别给予每家80万元、30万元、20万元一次性配套建设支持。",
            [(80, "万元/家"), (30, "万元/家"), (20, "万元/家")],
        ),
        ("分别给予10万元、20万元和50万元的一次性奖励支持。", [(10, "万元"), (20, "万元"), (50, "万元")]),
        # A list of figures shares what the first is: balances, not money offered, beside a fund that is.
        (
            "存贷款余额分别达38.7万亿元、29.9万亿元，组建总规模1000亿元的省战略性新兴产业投资引导基金。",
            [(1000, "亿元")],
        ),
        # A bare magnitude in a list is counted in the list's unit (1409万、1305万人次: people, not yuan).
        ("设立产业基金，地铁单日最高客运量分别达1409万、1305万人次。", []),
        # Funds given to run something are offered; a budget's are a statistic.
        (
            "区级、街道（镇）级、社区（村）级社区养老服务设施每年每个分别不少于60万元、40万元、5万元运营经费。",
            [(60, "万元"), (40, "万元"), (5, "万元")],
        ),
        ("全市一般公共预算教育经费850亿元，增长5%。", []),
        ("落实资金27.3亿元，招商引资到位资金795.6亿元、增长24%。", [(27.3, "亿元")]),
        # ... but money that pays for attracting investment is offered.
        ("市财政每年安排招商引资专项资金5000万元，给予最高50万元引资奖励。", [(5000, "万元"), (50, "万元")]),
        # Money won from above, in a clause that opens on it, is no offer; money offered to those who win is.
        ("积极争取超长期特别国债资金支持，争取消费品以旧换新政策资金266.5亿元、设备更新政策资金154.1亿元。", []),
        ("对成功争取国家级项目的企业给予配套资金最高500万元。", [(500, "万元")]),
        # What an offer brings about is no offer (带动销售金额905亿元, 拉动消费超500亿元), unless an offer follows.
        ("给予创业带动就业补贴2000元。", [(2000, "元")]),
        ("发放以旧换新补贴121.9亿元、带动销售金额905亿元，各类文体赛事活动拉动消费超500亿元。", [(121.9, "亿元")]),
        # A bare magnitude counts people or things unless a fund follows it (200亿天使母基金 above) or it is offered.
        ("450万困难群众纳入低保，为138万残疾人发放生活补贴，举办促消费活动3万余场次。", []),
        ("对获奖企业给予一次性奖励50万。", [(50, "万")]),
        # A benefit standard set per person is money paid; an income line by which a family qualifies is not.
        (
            "全市城乡最低生活保障标准为每人每月1309元。边缘家庭认定标准为每人每月1963.5元。",
            [(1309, "元/人/月")],
        ),
        # A rise over last year is no second offer; an average reported is a statistic; a floor keeps its rate.
        ("孤儿基本生活保障标准为每人每月2100元，比上年提高100元。", [(2100, "元/人/月")]),
        ("2025年，全省城市低保平均保障标准为每人每月780元。", []),
        ("全市城乡居民最低生活保障标准为每人每月不低于1200元。", [(1200, "元/人/月")]),
        # ... and so is an insurance's limit per person, by the day or by the month, its digits grouped or not; a
        # fee charged is a price.
        (
            "生活照料费用纳入支付范围的费用限额标准为职工参保人员每人每天120元，居民参保人员每人每天60元；"
            "基金最高支付限额为职工参保人员每人每月1,000元。",
            [(120, "元/人/天"), (60, "元/人/天"), (1000, "元/人/月")],
        ),
        ("托育机构收费标准为每人每月2000元。会议费用标准为每人每天500元。", []),
        # A magnitude counted by a criterion is no offer: only the award is.
        ("对当年新增亿元以上项目的企业给予50万元奖励。", [(50, "万元")]),
        # A standard raised by an amount says by how much, not what is paid; money added to run something is offered.
        ("最低工资标准每月提高183元，低保标准每月分别提高25元、50元，医保人均补助标准提高到700元。", []),
        ("临时救助最低标准分别提高100元、150元。提供康复护理服务的设施增加60万元运营经费。", [(60, "万元")]),
    ],
)
def test_funding_is_money_offered_not_statistics(text, amounts):
    assert funding(text) == amounts


def test_measure_titles_are_names_not_sentences():
    text = "每年发放1亿元的“算力券”,并在经开区算力调度平台上架。实施提振消费专项行动。这五年，我们锐意改革。"
    titles = [m["title"] for m in propose(text, NameIndex())["measures"]]
    assert "“算力券”" in titles and "提振消费专项行动" in titles
    assert not any("这五年" in title for title in titles)


def test_a_name_cut_short_is_not_proposed_beside_the_whole_name():
    text = (
        "广州市天河区深化支持港澳青年创新创业高质量发展实施办法\n"
        "《广州市天河区深化支持港澳青年创新创业高质量发展实施办法》已经区委、区政府同意，现印发实施。"
    )
    titles = [m["title"] for m in propose(text, NameIndex())["measures"]]
    assert titles == ["《广州市天河区深化支持港澳青年创新创业高质量发展实施办法》"]


def test_a_quote_leaves_out_the_list_number_its_sentence_opens_on():
    text = "一、实施人工智能“头雁”工程。\n（二）对新认定的企业给予最高100万元资金支持。"
    proposed = propose(text, NameIndex())
    quotes = [item["quote"] for item in (*proposed["measures"], *proposed["funding"])]
    assert quotes == ["实施人工智能“头雁”工程", "对新认定的企业给予最高100万元资金支持"]
    for item in (*proposed["measures"], *proposed["funding"]):
        assert text[item["offset"] :].startswith(item["quote"])


def test_a_short_alias_inside_a_longer_proper_name_is_not_the_park():
    text = "北京工业大学房山校区、北京儿童医院亦庄院区等开工建设。工委、管委会各机构,亦庄控股、亦庄国投。"
    assert propose(text, PARKS)["parks"] == []


def test_unknown_park_like_names_are_offered_as_new_parks_and_abbreviations_resolved():
    text = "支持亦庄综保区、天竺综保区建设。雄安中关村科技园加快发展。"
    parks = [(p["slug"], p["name"]) for p in propose(text, PARKS)["parks"]]
    assert ("xiongan-zgc-science-park", "雄安中关村科技园") in parks
    assert (None, "亦庄综保区") in parks and (None, "天竺综保区") in parks
    assert ("beijing-etdz", "亦庄") not in parks


TITLES = titles_of(read_seed().parks)


@pytest.mark.parametrize(
    ("title", "about"),
    [
        ("北京经济技术开发区关于加快打造AI原生产业创新高地的若干政策", ["beijing-etdz"]),  # a park, by its name
        ("石景山区推进人工智能大模型产业集聚区建设发展支持办法", ["shijingshan-park"]),  # a district, by its sub-park
        ("北京市加快建设具有全球影响力的人工智能创新策源地实施方案", []),  # the city: no one park
        ("中共北京市海淀区委关于建设世界领先科技园区的意见", ["haidian-park"]),
        ("南通市通州区促进科技创新若干政策", []),  # a district of the same name in another city
        ("长春市朝阳区科技创新扶持办法", []),
        ("关于促进中关村国家自主创新示范区药品医疗器械产业创新发展的若干措施", []),  # the zone: all records are
    ],
)
def test_a_document_is_about_the_park_its_title_names_or_the_sub_park_of_its_district(title, about):
    assert parks_in_title(title, TITLES) == about


def test_a_measure_naming_no_park_is_linked_to_the_park_its_document_is_about():
    text = "对通过《生成式人工智能服务管理暂行办法》备案的大模型给予支持。推动海淀园、朝阳园建设人工智能创新平台。"
    measures = propose(text, PARKS, about=["shijingshan-park"], screen_names=False)["measures"]
    assert [(m["title"], m["parks"]) for m in measures] == [
        ("《生成式人工智能服务管理暂行办法》", ["shijingshan-park"]),
        ("人工智能创新平台", ["chaoyang-park", "haidian-park"]),  # it names its own parks
    ]


def test_a_name_is_found_whatever_dash_or_middle_dot_joins_its_parts():
    text = "推动天津滨海—中关村科技园特色化发展，建设保定·中关村创新中心。"
    slugs = [p["slug"] for p in propose(text, PARKS)["parks"]]
    assert slugs == ["tianjin-binhai-zgc-science-park", "baoding-zgc-innovation-center"]


@pytest.mark.parametrize(
    ("text", "offered"),
    [
        # High-tech zones, industrial zones, bonded port areas and cooperation zones are park-like.
        ("张江高新区培育了一批集成电路企业；兰州高新区积极培育生物医药产业。", ["张江高新区", "兰州高新区"]),
        ("以南港工业区为重要承载地，协同做好宁河京津合作示范区资源导入。", ["南港工业区", "宁河京津合作示范区"]),
        ("强化长三角生态绿色一体化发展示范区功能开发。", ["长三角生态绿色一体化发展示范区"]),
        # A name starts after the zone it lies in; a university's grounds are not a park.
        ("依托上海自贸试验区洋山保税港区，开展保税展示交易试点。", ["洋山保税港区"]),
        ("加快临港大学园区建设。", []),
        # A place jieba tags as a common noun is still a place when its dictionary lists it with 市; a word inside a
        # name that is not a programme verb (临空) does not end the name; a business district is a zone.
        ("新增合肥高新区、庐阳区为市级数字经济产业创新区。", ["合肥高新区"]),
        ("廊坊临空经济区建设提速，出台实施虹桥国际商务区及周边地区专项规划。", ["廊坊临空经济区", "虹桥国际商务区"]),
        # 特别, tagged an adverb, is part of a zone's name.
        ("加力推进深汕特别合作区、广清经济特别合作区建设。", ["深汕特别合作区", "广清经济特别合作区"]),
        # A count of zones is not a name; a place in brackets is part of one.
        ("释放五大开发区潜能，推动新一轮园区提质升级。", []),
        # A verb before a kind of zone is no proper noun, however jieba tags it (深化 as an abbreviation).
        ("深化产业园区矩阵式改革。", []),
        ("新建国家现代农业产业园2个，新增普惠性幼儿园。", []),
        ("建设林芝国家植物园，提升动物园管理水平。", []),  # gardens, not zones
        ("皋兰什川古梨园系统入选全球重要农业文化遗产，建设“一中心多园区”服务平台。", []),  # an orchard, a layout
        ("武汉东湖高新区3家企业获评优秀。", ["武汉东湖高新区"]),  # the count is of firms, not of zones
        # A count of zones after a list of places names a zone of each (武汉东湖、襄阳、宜昌3家高新区).
        ("全力支持和推动武汉东湖、襄阳、宜昌3家高新区获评优秀。", ["武汉东湖高新区", "襄阳高新区", "宜昌高新区"]),
        ("国家级、省级3家高新区获评优秀。", []),
        ("支持武汉东湖、襄阳、宜昌、荆门、孝感3家高新区获评优秀。", []),  # the list is not the count
        # An economic region (经济区) is a region, whatever names it; an airport's or a port's economic zone is a zone.
        ("推动成都平原经济区、川南经济区、攀西经济区协同发展。", []),
        ("深化北部湾经济区开放合作，建设洞庭湖生态经济区。", []),
        ("加快北京大兴国际机场临空经济区建设。", ["北京大兴国际机场临空经济区"]),
        # A zone named again with words that only qualify it is one zone, under its longer name; another place's
        # zone, or a part of one, is another.
        ("中国(绵阳)科技城建设提速，绵阳科技城集聚企业。", ["中国(绵阳)科技城"]),
        ("共建中国西部(成都)科学城，打造中国西部科学城。", ["中国西部(成都)科学城", "中国西部科学城"]),
        ("推动天津经开区、天津西青经开区高质量发展。", ["天津经开区", "天津西青经开区"]),
        # A word of direction is part of a name (西部, 东部).
        ("以一城多园模式与重庆共建中国西部科学城。", ["中国西部科学城"]),
        ("紫云山（包河）文化创意产业园营收超6亿元。", ["紫云山（包河）文化创意产业园"]),
        # A one-character word of direction is the sentence's (扩区后), not the name's; a zone jieba knows as one
        # place word is a zone.
        ("扩区后深圳高新区总规划面积为159.48平方公里。", ["深圳高新区"]),
        # 中 before another country's name pairs them (中德, 中新): it is the name's.
        ("沈阳中德高端装备制造产业园入选首批国家级零碳园区。", ["沈阳中德高端装备制造产业园"]),
        ("苏州工业园区在国家级经开区综合考核评价中稳居第一。", ["苏州工业园区"]),
        # A free-trade zone is a zone, and so is a national innovation demonstration zone (自创区).
        ("经南沙自贸区认定的港澳人才。", ["南沙自贸区"]),
        (
            "深圳国家高新区扩区后总面积为159.48平方公里（其中深圳自创区面积为397平方公里）。",
            ["深圳国家高新区", "深圳自创区"],
        ),
        # A list of places before a kind written once names a zone of each.
        ("曲靖、祥云经开区纳入国家级零碳园区建设名单。", ["曲靖经开区", "祥云经开区"]),
        ("加快建设福州、厦门省级人工智能产业园。", ["福州省级人工智能产业园", "厦门省级人工智能产业园"]),
        # A new area has its own grounds; a district jieba's dictionary lists as a place (浦东新区) is none, nor is
        # an area of renewal or innovation.
        ("两江新区、赣江新区加快发展，浦东新区引领区建设提速。", ["两江新区", "赣江新区"]),
        ("推进广州老城更新区改造，建设上海张江科技创新区。", []),
        # A time the sentence opens on is not the zone's (今年|东湖高新区); 明月 in 明月湖科创园, tagged a time, is.
        (
            "今年东湖高新区营收增长，全年苏州工业园区实现增长，明月湖科创园开园。",
            ["东湖高新区", "苏州工业园区", "明月湖科创园"],
        ),
        # A zone only one place has follows that place alone, whatever is listed before it.
        ("加强与上海、临港新片区的产业协作，推动长三角、上海自贸区联动发展。", ["临港新片区", "上海自贸区"]),
        # A city of an industry is a zone as a science city is (科学城, 航天城, 汽车城, 产业城); a 大学城 is not.
        (
            "建设贵州航空产业城，支持东南汽车城发展，文昌国际航天城年营收突破200亿元，建设福州大学城。",
            ["贵州航空产业城", "东南汽车城", "文昌国际航天城"],
        ),
        # Zones of independent innovation, of farming high technology, around an airport and of a dry port.
        (
            "建设福厦泉国家自主创新示范区，黄河三角洲农高区获批，郑州航空港区、乌鲁木齐国际陆港区加快发展。",
            ["福厦泉国家自主创新示范区", "黄河三角洲农高区", "郑州航空港区", "乌鲁木齐国际陆港区"],
        ),
        # A place the tagger reads as an adverb (大同) is still a place; an area of a free-trade zone is a zone, a
        # plain area (特色宜居片区) is not.
        (
            "大同经开区、阳泉高新区入选首批。自贸试验区哈尔滨片区保税物流中心获批，建设水西等特色宜居片区。",
            ["大同经开区", "阳泉高新区", "哈尔滨片区"],
        ),
        # A verb the tagger reads that only a district shares its name with is a verb (振兴区: 振兴|沈阳铁西工业区);
        # an area of a free-trade zone however written (自由贸易试验区, 自贸片区) is a zone.
        (
            "加快振兴沈阳铁西工业区。建设中国（广东）自由贸易试验区南沙片区，推进营口自贸片区发展。",
            ["沈阳铁西工业区", "南沙片区", "营口自贸片区"],
        ),
        # A zone named only by how important it is names none (国家级高新区).
        ("支持包头建设国家级高新区。", []),
        # A bonded zone is a zone of its own in a list, not a place of the next item's kind; a place jieba tags a
        # verb in context (遵义) is still the place the gazetteer lists (遵义市).
        (
            "苏州工业园区、张家港保税区、南通经济技术开发区，贵阳高新技术产业开发区、遵义经济技术开发区入选。",
            ["苏州工业园区", "张家港保税区", "南通经济技术开发区", "贵阳高新技术产业开发区", "遵义经济技术开发区"],
        ),
    ],
)
def test_park_like_zones_are_offered_as_new_parks(text, offered):
    assert [p["name"] for p in propose(text, PARKS)["parks"] if p["slug"] is None] == offered


def test_the_zones_common_short_names_are_its_aliases():
    text = "中关村高新区培育了一批信息技术龙头企业。落实和推广中关村自创区先行先试政策。"
    assert {p["slug"] for p in propose(text, PARKS)["parks"]} == {"zgc"}


def test_development_zones_of_every_kind_are_offered_and_a_placed_alias_is_the_known_park():
    text = (
        "北京经开区围绕七个方面制定措施。建设中荷现代设施农业产业园，推进临港新片区建设。鲁班工坊增至26个，中新天津生态城获评“全球绿色智慧城市”。"
        "深化开发区管理制度改革。"
    )
    parks = propose(text, PARKS)["parks"]
    assert [p["slug"] for p in parks if p["slug"]] == ["beijing-etdz"]
    offers = [p["name"] for p in parks if not p["slug"]]
    assert (
        offers[:2] == ["中荷现代设施农业产业园", "临港新片区"] and offers[2].endswith("天津生态城") and len(offers) == 3
    )


def test_money_per_unit_and_statistics_of_stock_are_told_apart():
    amounts = funding("一次性奖励企业100元/亩。")
    assert amounts == [(100, "元/亩")]
    # A subsidy of a bond's interest is money offered, as one of a loan's.
    amounts = funding("对企业发行债券给予贴息最高200万元。")
    assert amounts == [(200, "万元")]
    for statistic in (
        "科技贷款余额超9000亿元。",
        "科创债募集资金超300亿元。",
        "外贸进出口超8500亿元，给予支持。",
        "发行地方政府专项债券资金1327亿元支持项目建设。",  # a bond is borrowed money, not money offered
        "发行地方政府专项债1327亿元支持项目建设。",
        "用好超长期国债资金200亿元支持设备更新。",
        "服务业实际使用外资金额3819亿元人民币。",  # foreign capital taken in, though 外资金额 holds 资金
    ):
        assert propose(statistic, NameIndex())["funding"] == []


def test_a_threshold_or_a_breakdown_is_not_money_offered_and_a_wrapped_unit_is_read():
    text = (
        "对年销售额在1亿元及以上的，单品种奖励企业200万元；对初次认定为高新技术企业的，给予企业20 万元奖励"
        "(第一年奖励5万元，第二年奖励3万元，第三年奖励2万元)。"
    )
    amounts = funding(text)
    assert amounts == [(200, "万元"), (20, "万元")]
    # Who qualifies, written before them: 单户担保金额500万元及以下的小微企业 are small borrowers, not 500万元 given.
    text = "有条件的地方可对单户担保金额500万元及以下的小微企业给予担保费补贴，对认定的企业给予30万元奖励。"
    amounts = funding(text)
    assert amounts == [(30, "万元")]
    # What an offer is for, after it, is no threshold.
    for offer in (
        "给予最高500万元的项目资助。",
        "给予不超过50万元的一次性人才奖励。",
        "对新引进的团队给予最高300万元的团队资助。",
        "对新获批的国家级平台给予300万元的载体建设补助。",
    ):
        assert len(propose(offer, NameIndex())["funding"]) == 1, offer


def test_numbered_and_plus_slogans_in_quotes_are_not_measures():
    text = "深化“高铁+”、“园区+”协同，实施“117项目”。"
    assert propose(text, NameIndex())["measures"] == []
    assert titles("推行“，，”改革。") == []  # a quote of punctuation names nothing


def test_a_quote_whose_only_numeral_is_one_is_a_regime_not_a_counted_slogan():
    # 一 in a quote means one and only (one network, one form, one visit), not a count of points as 五子 and 两区;
    # three of them lay out a plan (一核一带一区).
    text = "推动报表数据“只报一次”。“一网通办”首办成功率超过90%，“一表通”工作走在全国前列。深化“五子”联动。"
    assert titles(text) == ["报表数据“只报一次”", "“一网通办”", "“一表通”"]
    assert titles("构建“一核一带一区”区域发展格局。") == []


def test_a_campaign_is_named_by_what_its_place_is_to_become():
    # A quality and the place (健康广州建设, 平安江苏、法治江苏建设), or a province strong in a field (制造强省); the
    # nation's (美丽中国建设) and one that names no place (数字政府建设) are not.
    text = (
        "推动分级诊疗和健康广州建设。平安江苏、法治江苏建设高水平推进。加快建设制造强省、质量强省。"
        "推进美丽中国建设和数字政府建设，加快江苏建设。"
    )
    assert titles(text) == ["健康广州建设", "平安江苏建设", "法治江苏建设", "制造强省", "质量强省"]
    # The place is one the gazetteer lists (贵州省, 广西), whatever word comes before the quality; a campaign is
    # also what 建设 builds (建设美丽广西). An autonomous region is strong in a field as a province is (制造强区).
    text = "更高水平平安贵州建设。全面建设健康广西，建设美丽乡村。建设制造强区，加强区域协作。推进创新中心建设。"
    assert titles(text) == ["平安贵州建设", "健康广西", "制造强区"]
    # A programme verb before 是 opens no name after it. A verb is no quality (助力|贵州建设), and a modernised
    # province is the vision, strong in no field.
    assert "为中心是兴国强省" not in titles("以经济建设为中心是兴国强省之要。")
    text = "东西部协作助力贵州建设，引导港澳青年投身深圳建设。全力建设社会主义现代化强省，加快建设现代化强区。"
    assert titles(text) == []


def titles(text):
    """The candidate names the rules find, before `name_model` screens them."""
    return [m["title"] for m in propose(text, NameIndex(), screen_names=False)["measures"]]


def test_a_programme_verb_opens_a_name_whatever_its_words():
    text = (
        "深入实施城市更新行动，开展大宗消费更新升级行动，启动建设全国高校区域技术转移转化中心；"
        "落实和推广中关村自创区先行先试政策。实施自贸试验区提升战略行动。"
    )
    assert titles(text) == [
        "城市更新行动",
        "大宗消费更新升级行动",
        "全国高校区域技术转移转化中心",
        "中关村自创区先行先试政策",
        "自贸试验区提升战略行动",
    ]
    # A campaign is a battle fought (打好, 打赢), however jieba tags the words before it.
    assert titles("深入打好污染防治攻坚战，坚决打赢防范化解重大风险攻坚战。") == [
        "污染防治攻坚战",
        "防范化解重大风险攻坚战",
    ]
    # 健全 and 搭建 open names too, and 和 after a 制度 starts the next one.
    text = "健全涉企收费目录清单制度和公平竞争审查制度。区内检验检测认证机构搭建检测认证创新支撑平台。"
    assert titles(text) == ["涉企收费目录清单制度", "公平竞争审查制度", "检测认证创新支撑平台"]
    # A province-wide system is one system, not many of a kind.
    assert titles("依托全省一体化在线政务服务平台，推进政务服务。") == ["全省一体化在线政务服务平台"]
    # A verb joined to the next word by 及 is a noun of the name (平台建设及应用), not where the name starts; one put
    # into a pilot (纳入国家试点) ends the words before it.
    assert titles("实施全省工业互联网平台建设及应用水平提升计划。") == ["全省工业互联网平台建设及应用水平提升计划"]
    # 和 and 与 join two names as often as two nouns of one: 数字政府建设|和数据要素市场化配置改革.
    assert titles("推进数字政府建设和数据要素市场化配置改革。") == ["数据要素市场化配置改革"]
    assert titles("重庆数据空间纳入国家试点，启动数据空间建设综合试点。") == ["数据空间建设综合试点"]


@pytest.mark.parametrize(
    "text",
    [
        # A kind of thing, not a name: scope words and one generic word before the head.
        "精心实施惠民政策，建强科创平台，用好全国重点实验室，推进综合改革试点。",
        # A count before a name counts things of a kind.
        "实施杜家坎等30项市级疏堵工程。在大湾区设立超500亿元区域基金。",
        # A head followed by a noun is inside a longer noun, not a name's end.
        "不在北京市中心城区新设企业，深入推进国际消费中心城市建设。",
        # Counted after the head: things of a kind. A time before the head starts no name.
        "聚集了国家级工程研究中心29家。这个时候产业基金的作用就突显出来。",
        # Counted slogans, publications and back-references are not measures; nor is a short name defined.
        "深化“五子”联动，推进“三城一区”建设。据《人民日报》报道，《建议》提出。",
        "推广应用（以下简称“上海自贸试验区”）。",
        "现结合本区实际情况，制定本实施办法。该方案自印发之日起施行。",
        # Programmes bundled under a count are not one programme, whatever comes before the quote.
        "实施绿美广东生态建设“六大行动”，推进“民生十大工程”，落实高质量发展“十项行动”。",
        # A list's number is not a name's word.
        "19.政策联动\n定性指标，查看落实情况",
        # A count of things inside a chain counts things of a kind, as one before it does.
        "布局4个基础科学中心。首批63个省重点实验室重组完成。",
        # A facility or a policy named in four common words or fewer is a kind of it.
        "建设道地药材基地。支持企业建设科技创新中心等创新平台、咨询服务平台，实施就业优先政策。",
        # Many or all of a kind is the kind; a chain opening on 领域 was cut from its phrase.
        "培育各类工业互联网平台，建设更多高能级开放平台，落实一系列宏观政策，完善辖区社区卫生服务中心。",
        "加快重点产业和领域中试平台建设。",
        # A facility a programme verb builds is unnamed (企业建设|研究院).
        "鼓励龙头企业建设研究院，支持高校设立研究院。",
    ],
)
def test_generic_chains_slogans_and_publications_are_not_names(text):
    assert titles(text) == []


def test_quoted_names_take_the_head_word_after_them_and_policy_titles_are_names():
    text = "全面实施“人工智能+”行动，用好“两重”“两新”政策，印发《北京市促进通用人工智能创新发展的若干措施》。"
    assert titles(text) == ["“人工智能+”行动", "“两重”“两新”政策", "《北京市促进通用人工智能创新发展的若干措施》"]


def test_a_quoted_name_keeps_the_nouns_before_it_and_laws_and_packages_of_articles_are_names():
    text = "推进地方政府专项债“自审自发”试点，贯彻民营经济促进法，落实营商环境21条升级举措。"
    assert titles(text) == ["地方政府专项债“自审自发”试点", "民营经济促进法", "营商环境21条升级举措"]
    # A package of articles quoted by its count is one document, named with what it is for (稳增长“21条”).
    text = "先后出台稳增长“21条”、“18条”，落实经济向上向好“30条”。推动“5个10条”落地。"
    assert titles(text) == ["稳增长“21条”", "“18条”", "经济向上向好“30条”"]
    # A particle or a conjunction opens no purpose, nor does a stretch that no clause mark opens in reach; a count
    # of lines to hold in words is no package.
    text = "省政府出台的“10条”，印发了“22条”，相继推出稳增长“21条”。坚决守住“两条”底线。"
    assert titles(text) == ["“10条”", "“22条”", "稳增长“21条”"]


def test_a_noun_saying_something_of_a_name_ends_it_and_a_noun_compound_goes_on():
    text = "持续提升国际科技创新中心能级，加大农机新产品补贴试点力度，深入推进国际消费中心城市建设。"
    assert titles(text) == ["国际科技创新中心", "农机新产品补贴试点"]
    # So do nouns to jieba that say how it goes on or what it yields (有序, 全面, 成效显著).
    text = "辽浑太山水工程全面竣工。规范涉企行政执法专项行动成效显著。职业伤害保障试点有序推进。"
    assert titles(text) == ["辽浑太山水工程", "规范涉企行政执法专项行动", "职业伤害保障试点"]


def test_public_works_are_named_by_their_places_and_the_stretch_built():
    text = (
        "西部陆海新通道西线主通道重点工程隆泸叙铁路开通首发，九绵等高速公路通车运营。"
        "广湛高铁建成通车，沿江高铁武宜段、呼南高铁襄荆段等5条高铁建成运营。"
        "推动城际铁路、市郊铁路建设，改扩建一批机场，实现深圳高速增长，推动中国高铁走出去。"
        "亚洲最大专业货运机场花湖国际机场投运。"
    )
    assert titles(text) == ["隆泸叙铁路", "广湛高铁", "沿江高铁武宜段", "呼南高铁襄荆段", "花湖国际机场"]


def test_a_list_of_places_names_one_measure_each_with_the_kind_written_once():
    # The kind written once after the last place (雄商、济滨高铁), or after 等 or a count when a place alone names
    # such a thing (紫金山、太湖等实验室, 金凤、嘉陵江3个重庆实验室).
    text = "今年建成雄商、济滨高铁。紫金山、太湖等实验室加快建设。挂牌建设金凤、嘉陵江3个重庆实验室。"
    assert titles(text) == ["雄商高铁", "济滨高铁", "紫金山实验室", "太湖实验室", "金凤实验室", "嘉陵江实验室"]
    # A place names a laboratory in two characters; 国家实验室 is a kind.
    assert titles("支持嵩山实验室、神农实验室等进入国家战略科技力量，用好国家实验室。") == ["嵩山实验室", "神农实验室"]
    # Items that are names themselves keep their own head, and places listed before a kind name nothing.
    text = "加快太平水库、中皋水库、黄山水利枢纽等骨干工程建设。支持北京、上海等城市开展数据要素试点。"
    assert titles(text) == ["太平水库", "中皋水库", "黄山水利枢纽", "数据要素试点"]
    assert titles("提升中关村轨道交通产业园、大兴生物医药基地发展水平。") == ["大兴生物医药基地"]
    # 大型 is a word of a work's name, as 国际 is (花湖国际机场), but names none alone.
    assert titles("建成柴石滩、麻栗坝大型灌区。加快建设一批大型水库，开通国际航道。") == [
        "柴石滩大型灌区",
        "麻栗坝大型灌区",
    ]
    # An item that is a name of its own ends the list; the items after it are still named.
    assert titles("建成投运隆泸叙铁路、雄商、济滨高铁。") == ["隆泸叙铁路", "雄商高铁", "济滨高铁"]
    # Hosts, partners and places that merely have laboratories name none: only a place may stand between 等 or a
    # count and the head, and an item ends on a place, not a verb (上海|建设).
    text = (
        "支持企业与清华、北大等高校共建实验室。推动华为、中兴等企业建设实验室。北京、上海等地的实验室开放共享。"
        "在合肥、上海建设2个国家实验室。推动建设中试实验室。"
    )
    assert titles(text) == []


def test_a_list_of_programmes_names_one_measure_each_with_the_kind_written_once():
    # The kind after the last programme (产业能级跃升、科创能力攀登工程), or after 等 with the words the programmes
    # share (千企技改、数字化转型等专项行动, 海绵城市、完整社区等国家试点).
    text = (
        "我们将聚力实施产业能级跃升、科创能力攀登工程。千企技改、制造业数字化转型等专项行动深入实施。"
        "海绵城市、完整社区等国家试点成效明显。"
    )
    assert titles(text) == [
        "产业能级跃升工程",
        "科创能力攀登工程",
        "千企技改专项行动",
        "制造业数字化转型专项行动",
        "海绵城市国家试点",
        "完整社区国家试点",
    ]
    # Short items are what one programme acts on, and the list is its name; a sentence's words (分别, 各类), a list
    # ending in none (孕产妇、儿童、计划) and names of their own are no items.
    text = "深入打好蓝天、碧水、净土保卫战。开展危化品、高层建筑安全隐患排查整治专项行动。"
    assert titles(text) == ["蓝天、碧水、净土保卫战", "危化品、高层建筑安全隐患排查整治专项行动"]
    assert titles("做好孕产妇、儿童、计划生育家庭服务。") == []
    # Tasks are no items (南水北调后续工程建设, 城市更新行动实施), and a last item holding what the list shares
    # (城镇燃气、自建房安全专项整治行动) or a count (人才引育三大工程) names no programme each.
    text = "统筹推进南水北调后续工程建设、城市更新行动实施。实施中小学校舍安全工程改造、农村学校提升工程。"
    assert titles(text) == ["南水北调后续工程", "城市更新行动", "中小学校舍安全工程", "农村学校提升工程"]
    text = "开展城镇燃气、自建房安全专项整治行动。实施食品安全、药品安全放心工程。实施科技创新、人才引育三大工程。"
    assert not {"城镇燃气行动", "食品安全工程", "科技创新工程"} & set(titles(text))
    text = "城镇新增就业、新增发放创业担保贷款分别完成年计划的118.2%。推荐申报市、区各类人才计划。"
    assert titles(text) == []
    assert titles("加快太平水库、黄山水利枢纽等骨干工程建设。") == ["太平水库", "黄山水利枢纽"]


def test_a_verb_inside_a_named_work_does_not_cut_its_name():
    # jieba tags 入地 and 改造 verbs: the clause's opening, with a place before them, is the name.
    assert titles("东六环入地改造工程建成通车。") == ["东六环入地改造工程"]
    # A public work the project builds on is part of its name, after a list's 、 too.
    assert titles("推动白鹤滩水电站、乌东德水电站送出工程建设。")[-1] == "乌东德水电站送出工程"
    # Opening on a verb or on no place, or with a programme verb before the name's words, the stretch is a
    # sentence's.
    assert titles("精心实施惠民政策。贯彻民营经济促进法。") == ["民营经济促进法"]
    assert titles("今年，江苏实施苏锡常工程。今年，深圳打造鹏城实验室。") == ["苏锡常工程", "鹏城实验室"]


def test_a_quoted_name_runs_on_through_a_noun_chain_to_its_head_word():
    text = "实施“五大文化”研究工程，深化“政会银企”四方合作机制，招投标“双盲”评审改革有效促进市场公平竞争。"
    assert titles(text) == ["“五大文化”研究工程", "“政会银企”四方合作机制", "招投标“双盲”评审改革"]
    # A verb between the quote and a head word ends the name: the quote alone is a candidate, for the screen.
    assert titles("让“老字号”焕发新活力，建设人工智能创新中心。") == ["“老字号”", "人工智能创新中心"]


def test_head_words_side_by_side_after_a_quote_are_one_and_a_short_name_defined_is_none():
    text = "启动“学历证书+若干职业技能等级证书”制度试点（以下称1+X证书制度试点）工作。"
    assert titles(text) == ["“学历证书+若干职业技能等级证书”制度试点"]
    assert titles("实施人工智能产业发展行动计划（以下简称人工智能行动计划）。") == ["人工智能产业发展行动计划"]


def test_a_place_in_brackets_is_part_of_a_name():
    assert titles("中国（安徽）自贸试验区累计推出25项制度创新成果。") == ["中国（安徽）自贸试验区"]
    # It qualifies the word before it, whatever that word's part of speech; a bracketed numeral enumerates.
    assert titles("加快建设中国建造（安徽）互联网平台。") == ["中国建造（安徽）互联网平台"]
    assert titles("印发南沙新区(自贸片区)产业发展资金管理办法。") == ["南沙新区(自贸片区)产业发展资金管理办法"]
    assert titles("经费包括：(一)科研条件建设补助") == []


def test_a_date_or_a_verb_before_a_quoted_name_is_not_part_of_it():
    assert titles("在2021年“双减”政策发布后，壮大“种子+天使”基金。") == ["“双减”政策", "“种子+天使”基金"]


def test_a_name_the_registry_knows_as_a_policy_is_proposed_with_it():
    policies = NameIndex([("zgc-forum", ["中关村论坛"]), ("first-unit-procurement", ["首台套政策", "首台套"])])
    measures = propose("办好中关村论坛，落实首台套政策。", NameIndex(), known_names=policies)["measures"]
    assert [(m["title"], m["policy"]) for m in measures] == [
        ("中关村论坛", "zgc-forum"),
        ("首台套政策", "first-unit-procurement"),
    ]


def test_bonds_are_not_vouchers():
    assert titles("发行非金融企业债券，发放“算力券”。") == ["“算力券”"]


@pytest.mark.parametrize(
    "text",
    [
        "海淀新房平均价仅7.5万元/平方米，给予支持。",  # a price, not money offered at a rate
        "四支基金规模超200亿元，给予支持。",  # a fund's size attained
        "使县级风险补偿铺底资金达到1千万以上。",  # a level reached
    ],
)
def test_prices_sizes_and_levels_are_not_funding(text):
    assert propose(text, NameIndex())["funding"] == []


def test_page_furniture_is_removed_as_recorded_corrections():
    raw = (
        "下载\n打印\n【字号：\n加大\n】\n正文第一段。\n"
        "殷勇同志作政府工作报告。本报记者 戴冰摄\n"
        '<p class="x">责任编辑：彭佳兵 </p>\n'
    )
    corrections = page_corrections(raw)
    assert apply_corrections(raw, corrections).strip() == "正文第一段。"
    assert all(not correction.flagged for correction in corrections)


def test_a_pages_second_copy_of_its_text_is_furniture():
    # gz.gov.cn pages end on a hidden print copy of the whole notice: every amount would be read twice.
    articles = [f"第{n}条 对示范基地给予{n}0万元奖励，按规定程序办理补贴申领手续。" for n in range(1, 21)]
    raw = "广州市就业见习基地管理办法\n" + "\n".join(articles) + "\n" + "".join(articles) + "\n公开方式：主动公开\n"
    cleaned = apply_corrections(raw, page_corrections(raw))
    assert cleaned.count("第3条") == 1 and cleaned.endswith("公开方式：主动公开")
    assert len(propose(cleaned, NameIndex())["funding"]) == 20
    # The copy may keep the text's lines (a heading between them neither extends nor breaks it).
    raw = "\n".join(articles[:10]) + "\n第二章\n" + "\n".join(articles[10:]) + "\n打印本页\n"
    raw += "\n".join(articles[:10]) + "\n第二章\n" + "\n".join(articles[10:]) + "\n公开方式：主动公开\n"
    cleaned = apply_corrections(raw, page_corrections(raw))
    assert cleaned.count("第3条") == 1 and cleaned.count("第二章") == 2 and cleaned.endswith("公开方式：主动公开")
    # A paragraph that restates one sentence of an earlier one is the document's own.
    raw = "\n".join(articles) + "\n总之，" + articles[0] + "此外，各区应当做好宣传工作，及时公布名单并接受社会监督。\n"
    assert apply_corrections(raw, page_corrections(raw)) == raw.strip()
    # So are articles or rows that repeat the same standard sentences: a few sentences, not a text's worth.
    clauses = "奖励资金由市、区两级财政按比例分担。企业应当在认定后6个月内提出申请。同一企业同一年度不重复享受。"
    raw = "".join(f"第{n}条\n对第{n}类企业，给予一次性奖励{n}0万元。{clauses}\n" for n in range(1, 41))
    assert apply_corrections(raw, page_corrections(raw)) == raw.strip()
    # A copy is found whatever spaces join its paragraphs, and leaves no empty lines behind.
    raw = "\n".join(articles) + "\n" + "　　".join(articles) + "\n公开方式：主动公开\n"
    assert apply_corrections(raw, page_corrections(raw)).count("第3条") == 1
    raw = "\n".join(articles) + "\n" + "\n".join(articles) + "\n公开方式：主动公开\n"
    assert "\n\n" not in apply_corrections(raw, page_corrections(raw))
    # A short page's copy repeats fewer sentences, but most of those the page gave.
    raw = "\n".join(articles[:6]) + "\n" + "".join(articles[:6]) + "\n公开方式：主动公开\n"
    assert apply_corrections(raw, page_corrections(raw)).count("第3条") == 1
    # On a short page a line adding a sentence of its own is no copy: its amount stays.
    conditions = "".join(f"申报企业须满足第{n}项条件。" for n in range(1, 7))
    raw = f"一、认定奖励\n{conditions}对企业给予一次性奖励20万元。\n二、培育奖励\n{conditions}给予奖励30万元。\n"
    assert apply_corrections(raw, page_corrections(raw)).count("30万元") == 1
    # Standard sentences repeated in every article are not a copy, however many there are.
    clauses = "".join(f"第{n}款适用于认定后提出申请的企业。" for n in range(1, 7))
    raw = "".join(f"第{n}条\n对第{n}类企业，给予一次性奖励{n}0万元。{clauses}\n" for n in range(1, 41))
    assert apply_corrections(raw, page_corrections(raw)) == raw.strip()


def test_a_latin_word_is_injected_only_inside_a_chinese_phrase():
    assert find_spam("北京市app技术委员会") == [(3, "app")]
    assert find_spam("海量资讯、精准解读，尽在新浪财经APP</div>") == []


@pytest.fixture(scope="module")
def devset_results():
    return evaluate_devset()


def test_every_annotated_quote_is_verbatim_in_its_document():
    for document_id, text, annotation in read_devset():
        for field in ("targets", "funding", "measures"):
            for item in annotation[field]:
                assert item["quote"] in text, (document_id, field, item["quote"])


def test_quality_on_the_devset_stays_above_its_floor(devset_results):
    overall = devset_results["overall"]
    # 156 documents, measures and parks annotated under guideline v2 (devset/README.md); measured 0.92 / 0.94,
    # 0.94 / 0.94, 0.79 / 0.64 and 0.88 / 0.81 (docs/ingest-quality.md, round 17). The names' figure is in-sample:
    # `name_model` was trained on these documents and knows their words (held out by batch, `name_training`'s figure,
    # it is 0.75 / 0.59), so its floor stays where held-out figures put it. Names stay far below
    # their goal: work reports name hundreds of programmes with no head word. Parks stay below theirs too: the
    # annotators of the later batches count new areas (两江新区) and bare names (松山湖) the older ones did not, and
    # their annotations are left as made.
    assert overall["targets"].precision >= 0.91 and overall["targets"].recall >= 0.92
    assert overall["funding"].precision >= 0.91 and overall["funding"].recall >= 0.92
    assert overall["measure names"].precision >= 0.72 and overall["measure names"].recall >= 0.59
    assert overall["parks"].precision >= 0.84 and overall["parks"].recall >= 0.78


@pytest.mark.parametrize(
    ("title", "name", "same"),
    [
        ("完成核心区控规新一轮三年行动计划", "核心区控规新一轮三年行动计划", True),
        ("长沙国家网络安全产业园区", "国家网络安全产业园区（长沙）", True),  # the place in brackets moved before
        ("国家网络安全产业园区", "国家网络安全产业园区（长沙）", True),
        ("网络安全产业园区", "长沙国家网络安全产业园区及其周边地区发展规划", False),  # less than half of it
        ("上海网络安全产业园区", "国家网络安全产业园区（长沙）", False),
    ],
)
def test_a_title_names_an_annotated_name_it_mostly_contains(title, name, same):
    assert names_match(title, name) is same


def test_the_rate_of_an_offer_is_no_goal():
    text = "一、主要任务\n对国家级项目给予100%的资金配套。按其收入的5%给予奖励，力争到2025年覆盖率达到80%。"
    assert targets(text, "2023-01-01") == [(80, "%", 2025)]


def test_a_goal_stated_again_word_for_word_is_one_goal_and_two_equal_figures_are_two():
    text = (
        "一、主要目标\n到2025年，力争每万常住人口家庭医生数不低于4.66人。\n"
        "附件\n到2025年，力争每万常住人口家庭医生数不低于4.66人。\n"
        "到2026年改造老旧小区500万平方米、新建保障房500万平方米。"
    )
    assert targets(text, "2023-01-01") == [(4.66, "人", 2025), (500, "万平方米", 2026), (500, "万平方米", 2026)]


def test_goals_reported_met_do_not_make_the_next_figures_goals():
    text = "过去一年，较好完成了市十六届人大三次会议确定的目标任务。全市地区生产总值5.2万亿元、增长5.4%。"
    assert targets(text, "2026-01-25") == []


def test_the_error_listing_accounts_for_every_wrong_proposal_and_every_miss(devset_results):
    documents = {name: row for name, row in devset_results.items() if name != "overall"}
    for row in documents.values():
        for field, (wrong, missed) in row["errors"].items():
            assert len(wrong) == row[field].proposed - row[field].correct
            assert len(missed) == row[field].seeded - row[field].found
    assert sum(len(row["errors"]["measure names"][1]) for row in documents.values()) > 0  # the listing is not empty


def test_months_within_which_something_is_due_are_a_deadline_and_rooms_and_places_are_counted():
    text = (
        "一、主要目标\n到2025年，审批时限压缩至3个月，建设约100间规范化家庭医生工作室。"
        "各区要于本文印发后3个月内出台辖区实施方案。\n"
        "今年消除桥园里、和苑等6处易积水点位。"
    )
    assert targets(text, "2023-10-19") == [(3, "个月", 2025), (100, "间", 2025), (6, "处", 2023)]


def test_a_goal_given_a_span_of_years_has_no_year_of_another_sentence():
    text = (
        "一、主要目标\n到2025年，为各区至少培育1家家庭医生培训示范基地。"
        "实施“千人百家”淬炼提升工程，利用3-5年时间，力争培训约1000名家庭医生，建设约100间家庭医生工作室。\n"
        "用3年时间，使县级风险补偿铺底资金达到1千万以上。"
    )
    assert targets(text, "2023-10-19") == [(1, "家", 2025), (1000, "名", None), (100, "间", None), (1, "千万", None)]


def test_a_facility_or_policy_is_one_by_a_proper_noun_or_a_longer_name():
    text = "推动建设保定国家数据标注基地、工业大数据中心。"
    assert titles(text) == ["保定国家数据标注基地", "工业大数据中心"]


def test_a_name_ends_at_its_head_before_a_word_jieba_pieced_together_and_keeps_a_verb_after_an_adjective():
    assert titles("以东湖科学城为核心区域的光谷科创大走廊成势见效。") == ["光谷科创大走廊"]
    assert titles("新就业形态劳动者职业伤害保障试点覆盖80万人。") == ["就业形态劳动者职业伤害保障试点"]
    assert titles("不在北京市中心城区新设企业。") == []  # 城区 is a word: 中心 is inside a longer noun


def test_a_verb_between_a_verbal_noun_and_the_head_or_before_another_such_verb_is_a_modifier():
    text = "国家融资担保基金和省级担保机构应当将支小支农担保业务占比作为重要指标。"
    assert titles(text) == ["国家融资担保基金"]  # 融资 (vn) 担保 (v) 基金
    assert titles("开展违规穿越探险整治行动。") == ["违规穿越探险整治行动"]  # 探险 (v) before 整治 (v)


def test_a_verb_right_before_the_head_qualifies_it_and_an_item_naming_a_work_is_no_place_of_a_list():
    text = "藏粤直流、青藏铁路格拉段电气化改造工程开工建设。"
    assert titles(text) == ["青藏铁路格拉段电气化改造工程"]
    # Places listed with a section of each (南京、镇江段) name a work each.
    assert titles("今年要推进南京、镇江段长江岸线整治工程。") == ["南京段长江岸线整治工程", "镇江段长江岸线整治工程"]
    # A frame's adverb (加快) never modifies a name, and names joined by 和 are two.
    assert titles("今年要引导企业加快数字化转型升级改造工程。") == ["数字化转型升级改造工程"]
    assert titles("建设武夷山国家公园和祁连山国家公园。") == ["武夷山国家公园", "祁连山国家公园"]


def test_a_campaign_of_hard_work_and_a_national_park_are_names():
    text = "扎实推进安全生产治本攻坚，高质量建设大熊猫国家公园，完善公园绿地。"
    assert titles(text) == ["安全生产治本攻坚", "大熊猫国家公园"]


def test_a_college_is_a_candidate_name_and_a_university_named_by_a_short_place_is_not():
    text = "新设固原农林职业技术学院，获批设立宁夏理工学院。与清华大学合作，建设福州大学城。"
    assert titles(text) == ["固原农林职业技术学院", "宁夏理工学院"]


def test_an_extent_after_a_name_is_no_count_of_things_and_a_case_or_list_of_it_ends_it():
    text = "开展黑土地保护工程1036万亩，实施粮食单产提升工程超600万亩。"
    assert titles(text) == ["黑土地保护工程", "粮食单产提升工程"]
    assert titles("永定河入选全国母亲河复苏行动典型案例。") == ["全国母亲河复苏行动"]
    assert titles("厦门入选国家城市更新行动名单。") == ["国家城市更新行动"]
    assert titles("新建工程技术研究中心29家。") == []  # still things of a kind, counted
    # A sum written without 元 still sizes the fund it opens (200亿|天使母基金); a place may hold a magnitude.
    assert titles("今年要设立200亿天使母基金。") == ["天使母基金"]
    assert titles("今年要推进十万大山国家公园创建。") == ["十万大山国家公园"]


def test_forerunner_zones_institutions_and_pilot_cities_are_names():
    text = (
        "携手共建长三角美丽中国先行区。落实带薪错峰休假制度。"
        "武汉、襄阳入选全国中小企业数字化转型试点城市，襄阳、十堰入选全国首批碳达峰试点城市。"
    )
    assert titles(text) == [
        "长三角美丽中国先行区",
        "带薪错峰休假制度",
        "全国中小企业数字化转型试点城市",
        "全国首批碳达峰试点城市",
    ]


def test_a_paragraph_opening_on_a_year_to_come_sets_goals_in_all_its_sentences():
    text = (
        "（二）发展目标。\n"
        "到2020年，农机装备产业科技创新能力持续提升。全国农机总动力超过10亿千瓦，其中灌排机械动力达到1.2亿千瓦。\n"
        "到2017年，全市已建成孵化器20家。全市共有企业300家。"
    )
    assert targets(text, "2018-12-21") == [(10, "亿千瓦", 2020), (1.2, "亿千瓦", 2020)]


def test_a_packages_count_of_items_stays_in_its_name():
    assert titles("推出长江经济带高质量发展84项政策措施，长三角生态绿色一体化发展示范区建设加快。")[0] == (
        "长江经济带高质量发展84项政策措施"
    )


def test_a_census_is_a_programme():
    assert titles("完成第四次全国文物普查，做好第四次全国农业普查。") == ["第四次全国文物普查", "第四次全国农业普查"]


def test_things_counted_right_before_the_head_are_no_name():
    # The head names the things counted (科创2支基金, 精细化工2个平台, 一批项目), whether listed or not.
    text = (
        "将省级基金整合为产业、科创2支基金。盘锦精细化工、沈阳化工新材料2个平台入选国家级中试平台。谋划储备一批项目。"
    )
    assert titles(text) == []


def test_an_ordinal_says_which_of_its_kind_a_thing_was_first_not_which_thing():
    assert titles("我省成为国家首批数据要素综合试验区。") == ["数据要素综合试验区"]
    parks = propose("青藏高原首个综合保税区封关运营，西宁综合保税区扩区。兰州新区是西北第一个国家级新区。", PARKS)[
        "parks"
    ]
    assert [park["name"] for park in parks] == ["西宁综合保税区", "兰州新区"]


def test_a_noun_morpheme_jieba_cuts_from_a_place_is_part_of_its_name():
    assert titles("三江源国家公园建设取得新进展。") == ["三江源国家公园"]  # 三江|源 (ns, ng)


def test_a_system_of_responsibility_is_named_by_its_holder():
    text = "全面推行林长制，深化产业链“链长制”，落实耕地保护和粮食安全责任制。严格控制成本，推进国企改制。"
    assert titles(text) == ["林长制", "产业链“链长制”", "耕地保护和粮食安全责任制"]


def test_a_planned_investment_names_no_plan():
    assert titles("吴忠市计划投资232亿元，完成63.5%；宁东计划总投资201亿元。") == []


def test_months_are_no_counted_things_inside_a_name():
    assert COUNTED_THINGS.search("布局4个基础科学中心") and not COUNTED_THINGS.search("印发后3个月内出台辖区实施方案")


def test_the_sizes_of_projects_listed_are_no_goals():
    # A list of projects, each sized (国达化工60万吨钾肥…等项目建设), tells which projects; a size built (布局建设
    # 700万千瓦新型储能项目) and a count of projects are goals.
    text = (
        "三、2026年重点工作\n"
        "推动国达化工60万吨钾肥复合造粒、沃锦储热40万吨熔盐装置技术升级等项目建设。"
        "布局建设700万千瓦新型储能项目，新建5个产业园、10个孵化器等项目。"
    )
    assert targets(text, "2026-01-27") == [(700, "万千瓦", 2026), (5, "个", 2026), (10, "个", 2026)]
    # A size to reach, in a list that ends in projects, is a goal.
    text = (
        "三、2026年重点工作\n新增新能源装机300万千瓦以上、开工建设抽水蓄能电站等重大项目。"
        "建成高标准农田50万亩、实施灌区改造等一批水利项目。"
    )
    assert targets(text, "2026-01-27") == [(300, "万千瓦", 2026), (50, "万亩", 2026)]
    # A count of the items listed right before it names them (南山口、哇让、同德、德令哈4个抽水蓄能电站); a count
    # of more than the places listed is a goal (格尔木、德令哈3座光热电站).
    text = "三、2026年重点工作\n加快建设南山口、哇让、同德、德令哈4个抽水蓄能电站，推进格尔木、德令哈3座光热电站建设。"
    assert targets(text, "2026-01-27") == [(3, "座", 2026)]
    # A count after a verb, or at the end of its clause, is one to reach.
    text = (
        "三、2026年重点工作\n在城东、城西新建2所公办幼儿园，依托高新区、经开区打造2个千亿级产业集群，"
        "建成省级、市级重点实验室2个。"
    )
    assert targets(text, "2026-01-27") == [(2, "所", 2026), (2, "个", 2026), (2, "个", 2026)]


def test_an_area_that_says_how_big_a_place_or_an_offer_is_not_a_goal():
    text = (
        "一、发展目标\n到2025年，深圳高新区总规划面积为159.48平方公里，由原来的11.52平方公里规划面积扩区，"
        "补贴面积不超过500平方米，拆除违法建设500万平方米，人均公园绿地面积达到15平方米。"
    )
    assert targets(text, "2019-04-25") == [(500, "万平方米", 2025), (15, "平方米", 2025)]


def test_a_run_of_digits_or_groups_longer_than_any_figure_is_no_number_and_no_error():
    assert targets("今年要新建" + "1" * 5000 + "个。", "2026-01-20") == []
    assert all(value < 10**21 for value, _, _ in targets("今年要新建" + "1,000" * 2000 + "个。", "2026-01-20"))
    assert targets("今年要新建1,000,000个。", "2026-01-20") == [(1000000, "个", 2026)]


def test_a_completion_rate_set_as_a_goal_is_one():
    # 完成率 is an indicator a goal may set; only progress reported against a plan sets none.
    assert targets("到2025年，全市老旧小区改造完成率达到100%。", "2022-03-01") == [(100, "%", 2025)]
    assert targets("今年全市重点项目年度投资完成率要达到100%以上。", "2024-03-01") == [(100, "%", 2024)]
    assert targets("到2027年，完成50%以上城镇老旧供水管网改造，新增供水能力20万吨。", "2024-05-10") == [
        (50, "%", 2027),
        (20, "万吨", 2027),
    ]


def test_planning_as_a_verb_and_a_plans_last_years_and_glosses_of_a_goal():
    # 计划 as a verb still plans; as a programme's name it does not.
    assert targets("2026年，全市计划实施省市重点项目300个。", "2026-02-10") == [(300, "个", 2026)]
    assert targets("明年，我市计划新增城镇就业3万人。", "2025-12-10") == [(3, "万人", 2026)]
    # A plan's years opening a paragraph in its last year open a review.
    assert targets("“十四五”期间，全省新建改建农村公路5万公里。", "2025-08-20") == []
    assert targets("到“十四五”期末，全省高速公路通车里程达到1万公里。", "2022-03-01") == [(1, "万公里", 2025)]
    # A goal's difference from last year's glosses it, whatever words come before the comparison.
    text = "2026年主要预期目标：地区生产总值增长5%左右，增速比2025年目标低0.5个百分点。"
    assert targets(text, "2026-01-25") == [(5, "%", 2026)]
    assert targets("2026年主要预期目标：居民收入增长5%，增速目标较2025年下调0.5个百分点。", "2026-01-25") == [
        (5, "%", 2026)
    ]
    assert targets("经专家评审，以下20家单位拟命名为示范平台。", "2025-06-10") == []


def test_a_range_in_two_magnitudes_and_money_for_foreign_firms_or_in_dollars():
    # A range joins its ends only when both are written in the same magnitude.
    assert targets("到2025年，全市产业规模达到8000亿-1万亿元。", "2022-03-01") == [
        (8000, "亿", 2025),
        (1, "万亿元", 2025),
    ]
    # Money offered to foreign-invested firms is offered; foreign currency has no amount in yuan.
    offers = propose("对新落户的外资研发中心给予最高500万元奖励。", NameIndex())["funding"]
    assert [(f["amount"], f["unit"], f["yuan"]) for f in offers] == [(500, "万元", 5000000)]
    offers = propose("市财政安排专项资金5000万美元支持企业出海。", NameIndex())["funding"]
    assert [(f["amount"], f["unit"], f["yuan"]) for f in offers] == [(5000, "万美元", None)]


def test_generic_systems_names_with_zhuli_inside_and_airport_zones():
    # A system is named by its chief or by a field; 责任制, 承诺制 alone are kinds, and a verb is no part of a name.
    assert titles("层层落实责任制，推行承诺制，探索实行积分制。") == []
    # 助力 inside a programme's name is part of it.
    assert titles("深入实施科技助力乡村振兴专项行动。") == ["科技助力乡村振兴专项行动"]
    # An airport's economic zone is a zone, however the airport is written.
    parks = propose("加快广州空港经济区建设。", PARKS)["parks"]
    assert [park["name"] for park in parks] == ["广州空港经济区"]


def test_a_malformed_numeral_is_no_number_not_a_crash():
    # cn2an raises KeyError, not ValueError, on some malformed numerals.
    assert targets("到2025年，新建九十零个基地。", "2022-03-01") == []


def test_money_written_in_news_of_donations_and_recoveries():
    # Digits grouped with a full-width comma are one number; a run of zeros is no number.
    offers = propose("腾讯透过腾讯基金会总计向香港抗疫支援港币5，000万元。", NameIndex())["funding"]
    assert [(f["amount"], f["unit"], f["yuan"]) for f in offers] == [(5000, "万元港币", None)]
    # Hong Kong dollars are money with no amount in yuan.
    offers = propose("公司宣布将向香港社会捐助1000万元港币现金。", NameIndex())["funding"]
    assert [(f["amount"], f["unit"], f["yuan"]) for f in offers] == [(1000, "万元港币", None)]
    # Losses recovered are a statistic, though punishment is 给予 too.
    text = "给予党纪政务处分820人，追责问责1656人，为国家挽回经济损失523.88亿元。"
    assert propose(text, NameIndex())["funding"] == []


def test_a_currency_written_before_its_amount_is_its_unit():
    offers = propose("腾讯宣布捐出首期港币1000万元用于幼童和长者防疫需要。", NameIndex())["funding"]
    assert [(f["amount"], f["unit"], f["yuan"]) for f in offers] == [(1000, "万元港币", None)]
    offers = propose("对引进的项目给予最高美元50万元奖励，另给予人民币30万元资助。", NameIndex())["funding"]
    assert [(f["amount"], f["unit"], f["yuan"]) for f in offers] == [(50, "万美元", None), (30, "万元", 300000)]


def test_a_goal_set_off_in_quotes_is_a_goal_and_an_actual_outcome_is_past():
    # A quoted figure on its own is the goal stressed, not a slogan's count (“3个100”).
    text = "向东介绍，为实现经济增长“5.5%左右”的预期目标，今年要着重做好以下方面。"
    assert targets(text, "2022-03-05") == [(5.5, "%", 2022)]
    assert targets("加快推进“3个100”等重点工程建设。", "2026-01-25") == []
    # A goal to be met is set, a goal met is not.
    assert targets("确保完成今年新增就业1.5万人的目标。", "2022-03-05") == [(1.5, "万人", 2022)]
    assert targets("今年，全市完成了新增就业1.5万人的目标。", "2022-03-05") == []
    # What a year actually came to is its outcome, though its goal is named beside it.
    text = "在疫情前的2019年设定目标是6%-6.5%的区间值，当年实际增长是6.1%。"
    assert targets(text, "2022-03-05") == []


def test_news_restating_the_goal_it_reports_restates_one_goal():
    text = (
        "《政府工作报告》提出，今年国内生产总值预期增长5.5%左右。\n"
        "向东介绍，“5.5%左右”目标的设定，首先是考虑了稳就业的需要。\n"
        "“综合这些因素，我们把今年的目标设定为5.5%左右，是比较科学合理的。”"
    )
    assert targets(text, "2022-03-05") == [(5.5, "%", 2022)]
    # Two goals of the same figure, each measuring something, are two.
    text = "今年主要预期目标是：国内生产总值增长5.5%左右；城镇调查失业率5.5%左右。"
    assert targets(text, "2022-03-05") == [(5.5, "%", 2022), (5.5, "%", 2022)]


def test_a_zone_planned_is_named_without_the_verb():
    text = "省委书记从谋划共同富裕示范区建设、创新引领经济变革等方面介绍了十年成就。"
    assert titles(text) == ["共同富裕示范区"]


def test_a_headline_restating_a_goal_of_the_body_is_no_other_goal():
    text = (
        "新材料规划7日发布 关键新材料自给率提高到70%\n"
        "首页 供货资讯 新材料规划7日发布 关键新材料自给率提高到70%\n"
        "关键新材料自给率提高到70%\n"
        "规划提出，到2015年，关键新材料的自给率提高到70%。\n"
    )
    assert targets(text, "2011-09-02") == [(70, "%", 2015)]
    # A subheading that is the only statement of its goal is kept, once.
    text = "目标：引进企业总部50家\n今年将继续优化营商环境。\n"
    assert targets(text, "2011-09-02") == [(50, "家", None)]
    # The body stating the same goal of the same indicator twice states it once.
    text = (
        "到2015年，全省高速公路总里程突破5500公里。\n"
        "根据规划，力争到2015年，全省高速公路总里程突破5500公里，其中通车里程达到3600公里以上。\n"
    )
    assert targets(text, "2011-04-26") == [(5500, "公里", 2015), (3600, "公里", 2015)]


def test_an_analysts_forecast_and_a_market_size_are_no_goal_or_offer():
    text = "东北证券分析师周思立预计，“十二五”期间，我国的固定资产投资将在20%左右。"
    assert targets(text, "2011-08-02") == []
    text = "市场人士认为，预计未来五年的目标销售收入年均复合增长率均在25%-30%之间。"
    assert targets(text, "2011-08-02") == []
    # A plan's forecast is the plan's goal.
    text = "规划指出，预测到2015年我国工程机械行业的销售规模将达到9000亿元。"
    assert targets(text, "2011-08-02") == [(9000, "亿元", 2015)]
    text = "新材料产业具有乘数效应，因此2010年我国新材料产业市场规模预计为6500亿元，给予支持。"
    assert propose(text, NameIndex(), "2011-09-02")["funding"] == []


def test_real_growth_an_estimates_system_and_counts_after_the_object_marker_are_goals():
    # 实际增长 is how income goals are written; only an outcome stated (实际增长是6.1%) is past.
    text = "今年主要预期目标是：地区生产总值增长6%左右，城乡居民人均可支配收入实际增长6%左右。"
    assert targets(text, "2023-02-10") == [(6, "%", 2023), (6, "%", 2023)]
    text = "到2025年，城乡居民人均可支配收入实际增长与经济增长基本同步，年均实际增长6%以上。"
    assert targets(text, "2021-03-10") == [(6, "%", 2025)]
    # Estimating as a task (测算体系, 预测预警) is no estimate of the goal after it.
    assert targets("建立碳排放测算体系，到2025年单位GDP二氧化碳排放下降18%。", "2022-05-10") == [(18, "%", 2025)]
    text = "提升气象灾害预测预警能力，到2025年预警信息公众覆盖率达到95%以上。"
    assert targets(text, "2022-05-10") == [(95, "%", 2025)]
    # What 将 or 把 takes may be the goal itself.
    assert targets("今年全市将5000户农村危房全部改造完成。", "2023-02-10") == [(5000, "户", 2023)]
    assert targets("到2025年，将20个县建成全国农产品质量安全县。", "2023-02-10") == [(20, "个", 2025)]


def test_goals_of_the_same_figure_are_two_and_quoted_counts_name_packages():
    text = "到2025年，全市研发投入强度达到3%。\n到2030年，单位GDP能耗下降目标为3%。"
    assert targets(text, "2023-02-10") == [(3, "%", 2025), (3, "%", 2030)]
    text = "今年主要预期目标：城镇调查失业率5.5%左右。\n全年经济增长目标为5.5%左右。"
    assert targets(text, "2022-03-05") == [(5.5, "%", 2022), (5.5, "%", 2022)]
    for text in ("今年要全面落实“50条”稳经济措施。", "今年实施“20项”民生工程。", "今年推进“30个”重大产业项目。"):
        assert targets(text, "2022-03-05") == []


def test_a_review_reaching_its_goals_sets_none_and_a_later_year_of_another_aim_dates_no_goal():
    for opening in ("为实现“十四五”规划目标，", "作为完成年度目标的重要抓手，"):
        text = "一、2022年工作回顾\n" + opening + "全市新开工项目320个，完成投资1200亿元。"
        assert targets(text, "2023-01-10") == []
    assert targets("力争新建充电桩1万个，为2030年前实现碳达峰打下基础。", "2022-05-10") == [(1, "万个", None)]
    # 今年以来 reports; the section's goal year holds.
    text = (
        "到2025年，全省新能源汽车产量达到100万辆。\n今年以来，全省新能源汽车产量增长30%。\n"
        "力争新能源汽车保有量突破200万辆。"
    )
    assert targets(text, "2023-06-10") == [(100, "万辆", 2025), (200, "万辆", 2025)]


def test_a_plan_named_before_its_investment_and_currencies_before_amounts():
    assert titles("实施“百村千户”计划全年投资5亿元。") == ["“百村千户”计划"]
    offers = propose("公司捐出欧元200万元用于重建，另捐赠澳门元500万元。", NameIndex())["funding"]
    assert [(f["amount"], f["unit"], f["yuan"]) for f in offers] == [(200, "万欧元", None), (500, "万澳门元", None)]
    parks = propose("建设高标准葡萄园5000亩。", PARKS)["parks"]
    assert parks == []


def test_a_cumulative_level_to_reach_and_units_of_coal_equivalent_and_density():
    text = "风电方面，至2015年末，并网风电累计装机容量要达到1亿千瓦。其中，分布式风电累计装机要达到2500万千瓦。"
    assert targets(text, "2011-08-31") == [(1, "亿千瓦", 2015), (2500, "万千瓦", 2015)]
    assert targets("截至2010年底，全省风电累计装机达到500万千瓦。", "2011-08-31") == []
    text = "到2015年末，地热能年利用量要达到1500万吨标煤，能源消费总量控制在2.3亿吨标准煤以内。"
    assert targets(text, "2011-08-31") == [(1500, "万吨标煤", 2015), (2.3, "亿吨标准煤", 2015)]
    assert targets("到2015年，全市公路网密度达到151公里/百平方公里。", "2011-04-25") == [(151, "公里/百平方公里", 2015)]


def test_a_count_of_the_things_named_in_brackets_after_it_names_them():
    text = (
        "“十二五”时期将力争打通2条重要通道瓶颈路段(兰州至海口高速公路甘肃段、延安至九寨沟高速公路甘肃段)，"
        "连通2条重要迂回线(乌鞘岭、六盘山高速迂回线)。"
    )
    assert targets(text, "2011-04-26") == []
    # More than those named is a count to reach.
    assert targets("到2015年，建成5个物流园区（包括前湾、董家口）。", "2011-04-26") == [(5, "个", 2015)]


def test_a_headline_restating_an_offer_a_rate_per_ton_and_forecasts_told_as_such():
    text = (
        "河南省财政2.7亿元补贴电煤采购\n"
        "首页 采购焦点资讯 河南省财政2.7亿元补贴电煤采购\n"
        "省财政已累计下达补贴资金2.7亿元，按照省内汽运电煤补贴20元/吨标准予以补贴。\n"
    )
    assert funding(text, "2011-03-15") == [(2.7, "亿元"), (20, "元/吨")]
    # A figure restated in other terms, a researcher's estimate and a forecast shown are no goals.
    text = "“十二五”规划提出300万千瓦的装机目标，相当于在目前基础上增长9倍。"
    assert targets(text, "2011-09-01") == [(300, "万千瓦", 2015)]
    text = "今年的主要预期目标是：全市生产总值增长5%左右，全社会研发经费支出相当于全市生产总值的比例达到4.6%左右。"
    assert targets(text, "2026-01-25") == [(5, "%", 2026), (4.6, "%", 2026)]
    text = "中证证券研究中心研究员陈衍鹏表示，2015年预计产业规模的复合增长率达到63.5%。"
    assert targets(text, "2011-09-01") == []
    text = "中国钢铁协会的预测显示，中国的钢铁需求可能在2015年相比2010年上涨25%。"
    assert targets(text, "2011-06-01") == []


def test_a_goal_named_again_and_a_headline_of_a_forecast_the_body_attributes_set_no_other_goal():
    text = (
        "根据正在拟定的规划，到2015年，屋顶光伏电站规模为300万千瓦。\n"
        "据了解，“十二五”规划提出300万千瓦的装机目标，相当于在目前基础上增长9倍。\n"
    )
    assert targets(text, "2011-09-01") == [(300, "万千瓦", 2015)]
    text = (
        "中国的钢铁需求至2015年将最多再增长25%\n中国钢铁协会的预测显示，中国的钢铁需求可能在2015年相比2010年上涨25%。\n"
    )
    assert targets(text, "2011-06-01") == []


def test_a_headline_goal_is_kept_when_the_body_only_names_it_again_or_writes_its_figure_in_the_past():
    text = (
        "我市到2025年光伏装机将达300万千瓦\n"
        "记者获悉，“十四五”规划提出300万千瓦的装机目标，相当于在目前基础上增长2倍。\n"
    )
    assert targets(text, "2023-06-01") == [(300, "万千瓦", 2025)]
    text = "我市今年将新建5G基站5000个\n据悉，去年全市新建5G基站5000个。\n"
    assert targets(text, "2024-01-15") == [(5000, "个", 2024)]
    # A goal of another indicator named as a goal is another goal.
    text = "到2025年，全市光伏装机达到300万千瓦。风电装机实现300万千瓦的发展目标。"
    assert targets(text, "2023-01-10") == [(300, "万千瓦", 2025), (300, "万千瓦", 2025)]


def test_the_review_of_round_15_on_cumulative_reports_forecast_words_rates_and_lists():
    assert targets("截至5月底，全市累计建成重要物流节点12个。", "2023-06-01") == []
    assert targets("今年1-5月，全市累计实现规上工业增加值将近500亿元，同比增长6%。", "2023-06-01") == []
    text = "到2025年，全省引进首席研究员、高级工程师等高层次人才500名。"
    assert targets(text, "2024-02-01") == [(500, "名", 2025)]
    text = "完善粮食产量的预测体系，力争全年粮食产量稳定在500万吨以上。"
    assert targets(text, "2024-02-01") == [(500, "万吨", None)]
    assert funding("对运输企业按照30元/吨给予运费补贴。", "2023-01-10") == [(30, "元/吨")]
    assert targets("到2025年，新建2个产业园区（占地均不少于1000亩）。", "2023-01-10")[:1] == [(2, "个", 2025)]
    text = "今年将新建4个国家级创新平台（含重点实验室、工程中心、检测中心）。"
    assert targets(text, "2023-01-10") == [(4, "个", 2023)]
    text = "某市出台稳增长政策\n对新上规模的工业企业奖励50万元\n对新认定的专精特新企业奖励50万元\n"
    assert funding(text, "2023-05-10") == [(50, "万元"), (50, "万元")]
    assert targets("到2025年，全市生产总值达到1万亿元，相当于2020年的1.5倍。", "2023-01-10") == [(1, "万亿元", 2025)]
    assert targets("到2025年，单位地区生产总值能耗降至0.45吨标准煤/万元。", "2023-01-10") == [
        (0.45, "吨标准煤/万元", 2025)
    ]


def test_a_numbered_line_that_is_a_whole_sentence_is_read_not_taken_for_a_heading():
    # Short support policies number their articles: 一、… is a sentence there, and its offer is an offer.
    text = (
        "关于支持企业发展的若干措施\n"
        "一、对新认定的国家级专精特新“小巨人”企业，给予一次性奖励100万元。\n"
        "二、对首次入选省级以上制造业单项冠军的企业，奖励50万元。\n"
    )
    assert funding(text, "2024-03-01") == [(100, "万元"), (50, "万元")]
    # ... while a numbered line without a sentence end still heads its section.
    text = "一、2025年工作回顾\n全市地区生产总值增长5.5%。\n二、2026年重点工作\n全市地区生产总值增长5%左右。\n"
    assert targets(text, "2026-01-20") == [(5, "%", 2026)]


def test_an_old_standard_raised_and_a_years_figure_are_not_money_offered():
    text = (
        "今年省财政厅修订了奖补资金办法，按照“规范化债、国家示范、省级示范”三种类型，"
        "分别由50万元、40万元、30万元提高到70万元、50万元、40万元。"
    )
    assert funding(text, "2016-09-04") == [(70, "万元"), (50, "万元"), (40, "万元")]
    text = "省财政已筹集补助资金20.67亿元，支持各地将基本公共卫生服务人均经费标准由2015年的40元提高到45元。"
    assert funding(text, "2016-09-04") == [(20.67, "亿元"), (45, "元")]
    # A series of a year's figures is a statistic, whatever it funds.
    text = "各级财政不断加大普通高中投入力度，普通高中教育投入由2006年的596亿元增加到2015年的2711亿元，年均增长16.3%。"
    assert propose(text, NameIndex(), "2016-09-04")["funding"] == []


def test_a_company_named_after_a_park_like_place_is_no_park():
    text = "选定的社会资本方有山东万紫园旅游开发有限公司等民营企业。"
    assert propose(text, PARKS, "2016-09-04")["parks"] == []
    # ... while a company set up in a park leaves the park named.
    text = "企业在苏州工业园区注册成立有限公司。"
    assert [park["name"] for park in propose(text, PARKS, "2016-09-04")["parks"]] == ["苏州工业园区"]


def test_a_system_of_appointment_is_named_by_whom_it_appoints():
    assert titles("有条件的地区可实行总会计师委派制和财务主管委派制。") == ["总会计师委派制", "财务主管委派制"]


def test_a_planned_investment_is_the_size_of_a_project_not_a_goal():
    text = "目前已参股发起设立12只子基金，并与项目库中16个项目达成了合作意向，拟投资金额131.5亿元。"
    assert targets(text, "2016-09-04") == []
    assert targets("公司计划总投资2.31亿元扩大核电关键阀门生产能力。", "2011-03-01") == []
    # An investment to reach is a goal.
    assert targets("今年全市计划完成固定资产投资500亿元。", "2016-01-20") == [(500, "亿元", 2016)]


def test_a_headline_rounding_an_offer_of_the_body_restates_it():
    text = (
        "省财政下达2016年居民基本医疗保险补助资金157亿元\n"
        "近日，省财政下达第二批居民基本医疗保险补助资金14.6亿元，至此，今年已累计下达补助资金157.3亿元。\n"
    )
    assert funding(text, "2016-09-04") == [(14.6, "亿元"), (157.3, "亿元")]
    # An amount the headline rounds differently is another.
    text = "省财政下达补助资金158亿元\n近日，省财政下达补助资金157.3亿元。\n"
    assert funding(text, "2016-09-04") == [(158, "亿元"), (157.3, "亿元")]


def test_how_many_benefit_each_year_is_no_goal_and_a_revised_rule_is_named():
    assert targets("政府已设立了国家助学金，平均补助标准每年每生2000元，每年约500万名学生受益。", "2016-09-04") == []
    assert targets("每年培育高新技术企业6000家以上。", "2024-02-01") == [(6000, "家", None)]
    assert titles("今年省财政厅修订了奖补资金办法，进一步加大对规范项目支持额度。") == ["奖补资金办法"]
    assert titles("原则上每5年修订1次职业院校专业目录。") == ["职业院校专业目录"]
    assert titles("开展法规规章修订清理专项行动。") == ["法规规章修订清理专项行动"]


def test_a_title_naming_one_years_plan_dates_its_goals():
    text = (
        "浙江省政府下达2025年国民经济和社会发展计划\n"
        "近日，浙江省人民政府印发《关于下达2025年浙江省国民经济和社会发展计划的通知》。\n"
        "力争新增100个以上项目纳入国家用地保障范围。安排省级财政资金1042.8亿元，供应建设用地35万亩以上。\n"
    )
    assert targets(text, "2025-03-07") == [(100, "个", 2025), (35, "万亩", 2025)]


def test_a_paragraph_labelled_as_the_goals_opens_them_for_the_paragraphs_under_it():
    text = (
        "一、总体要求\n"
        "(二)发展目标。到2025年,初步建成能级更高、结构更优的先进制造业强市。\n"
        "产业能级更高。制造业增加值占全市生产总值的比重稳定在30%以上,规模以上工业企业力争突破2200家。\n"
        "产业结构更优。战略性新兴产业增加值占规模以上工业增加值比重超过30%。\n"
        "(三)主要任务。\n"
        "全市现有规模以上工业企业1900家。\n"
    )
    assert targets(text, "2023-10-24") == [(30, "%", 2025), (2200, "家", 2025), (30, "%", 2025)]


def test_a_zone_named_in_a_list_of_addressees_shares_no_kind_with_the_next():
    text = "各县、区人民政府,亳州高新区管委会、亳芜现代产业园区管委会,市政府各部门:"
    parks = propose(text, PARKS, "2025-01-14")["parks"]
    assert [park["name"] for park in parks] == ["亳州高新区", "亳芜现代产业园区"]


def test_programmes_bundled_under_a_count_are_named_by_the_items_in_brackets_after_it():
    text = (
        "实施八大工程(创新引领、集群强链、项目支撑、优质企业培育、载体提升、质量品牌建设、产业布局优化、要素保障强化),"
        "推动五链(产业链、创新链、供应链、要素链、制度链)深度耦合。"
    )
    assert titles(text)[:3] == ["创新引领工程", "集群强链工程", "项目支撑工程"]
    assert len(titles(text)) == 8
    # Items that do not add up to the count are no such list.
    assert titles("实施三大工程（创新引领、集群强链）。") == []


def test_the_review_of_round_16_on_changes_of_figures():
    date = "2024-03-01"
    # 由 and 从 open a change only right before its old figure, which the change verb follows.
    text = "对由国家认定的制造业单项冠军企业一次性奖励100万元并将其贷款贴息比例提高到50%。"
    assert funding(text, date) == [(100, "万元")] and targets(text, date) == []
    text = "对新入驻自由贸易试验区的总部企业奖励500万元并将其办公用房租金补贴比例提高至50%。"
    assert funding(text, date) == [(500, "万元")] and targets(text, date) == []
    assert funding("对从事跨境电商业务的企业奖励20万元并将其物流补贴比例提高至30%。", date) == [(20, "万元")]
    # The old figure is neither an offer nor a goal, whatever the verb; the new one keeps the old one's rate.
    text = "将养老服务补贴标准由每人每月100元调整为150元。"
    assert funding(text, date) == [(150, "元/人/月")] and targets(text, date) == []
    text = "要将困难群众临时救助资金由每户2000元提高为3000元。"
    assert funding(text, date) == [(3000, "元/户")] and targets(text, date) == []
    assert funding("省级奖励由300万元增至500万元。", date) == [(500, "万元")]
    assert funding("对认定的企业在原20万元基础上提高到30万元奖励。", date) == [(30, "万元")]
    # A level to reach is no offer, changed or not.
    assert funding("支持小微企业发展，力争户均贷款额度由100万元提高到200万元。", date) == []
    assert funding("加大资金支持力度，推动全市消费品零售额由800亿元增长到1000亿元。", date) == []
    # The rate an offer is raised to is the offer's; a rate aimed at is a goal.
    assert targets("将企业研发投入补贴比例提高到30%。", date) == []
    assert targets("到2025年，力争财政补贴资金使用率达到95%。", date) == [(95, "%", 2025)]
    # A year's budget is offered; a past year's figure is a statistic.
    assert funding("省财政安排2024年的500万元奖补资金，支持县域商业体系建设。", date) == [(500, "万元")]


def test_the_review_of_round_16_on_headlines_titles_and_goal_parts():
    date = "2024-03-01"
    # A headline total its parts round to is still the total.
    text = "省财政下达2亿元支持高标准农田建设\n省财政下达第一批资金1.5亿元，第二批资金0.5亿元。\n"
    assert funding(text, date) == [(2, "亿元"), (1.5, "亿元"), (0.5, "亿元")]
    # A numbered heading ending in 。 still opens its section, and a numbered sentence is still read.
    text = "一、2023年工作回顾\n二、2024年主要目标任务。\n全市地区生产总值增长5.5%左右，城镇新增就业6万人。\n"
    assert targets(text, "2024-02-01") == [(5.5, "%", 2024), (6, "万人", 2024)]
    # A report on last year's plan dates nothing; a programme named 科技计划 is no year's plan.
    text = "关于2023年国民经济和社会发展计划执行情况的报告\n下一步，要力争全市地区生产总值增长5.5%左右。\n"
    assert targets(text, "2024-01-20") == [(5.5, "%", None)]
    text = "关于印发《2024年度市级科技计划项目申报指南》的通知\n项目实施期内力争新增销售收入500万元以上。\n"
    assert targets(text, date) == [(500, "万元", None)]
    # A year's investment plan is a goal; a project's planned total investment sizes it.
    assert targets("今年安排省重点项目500个，年度计划投资5000亿元。", "2024-02-01")[-1:] == [(5000, "亿元", 2024)]
    # The goals part: not a status paragraph, not past its own level's next number, not in a review.
    text = (
        "（二）发展目标。到2025年，初步建成先进制造业强市。\n"
        "目前，全市制造业增加值占比为28%，规模以上工业企业1900家，与目标仍有差距。\n"
    )
    assert targets(text, "2023-10-24") == []
    text = (
        "1.发展目标。到2025年，初步建成先进制造业强市。\n"
        "产业能级更高。制造业增加值占比稳定在30%以上。\n"
        "2.保障措施。\n"
        "产业基础。全市现有规模以上工业企业1900家。\n"
    )
    assert targets(text, "2023-10-24") == [(30, "%", 2025)]
    text = "一、2023年工作回顾\n（一）主要目标。全年地区生产总值增长5.2%。\n产业发展。规模以上工业增加值增长6.5%。\n"
    assert targets(text, "2024-02-01") == []
    # A label on its own line takes its year from the paragraph after it.
    text = "（二）发展目标\n到2025年，初步建成先进制造业强市。\n产业能级更高。制造业增加值占比稳定在30%以上。\n"
    assert targets(text, "2023-10-24") == [(30, "%", 2025)]


def test_the_review_of_round_16_on_names_and_parks():
    date = "2024-03-01"
    for text, park in [
        ("苏州工业园区与中国中车集团签署战略合作协议。", "苏州工业园区"),
        ("青岛高新区海尔集团新建智能工厂。", "青岛高新区"),
        ("支持合肥高新区组建产业投资集团。", "合肥高新区"),
    ]:
        assert park in [p["name"] for p in propose(text, PARKS, date)["parks"]]
    # Brackets after a count listing who leads or when name no programmes; a quoted count and 和 still list them.
    assert titles("组织开展三项行动（市发展改革委、市工业和信息化局、市科技局按职责分工负责）。") == []
    assert titles("实施两大工程（上半年启动、年底前完成）。") == []
    named = ["创新引领工程", "集群强链工程", "项目支撑工程"]
    assert titles("实施“三大工程”（即创新引领、集群强链和项目支撑）。") == named
    # A campaign counted by its rounds is still named; two systems joined by 和 are two.
    assert titles("今年以来已开展百日千万招聘专项行动3次。") == ["百日千万招聘专项行动"]
    assert titles("推行乡镇会计委派制和财务总监委派制。") == ["乡镇会计委派制", "财务总监委派制"]
    # Who benefits, however written, is no goal set for the year.
    assert targets("每年惠及农村学生约300万名。", date) == []
    assert targets("每年受益学生约300万人。", date) == []


def park_names(text, date=None):
    return [park["name"] for park in propose(text, PARKS, date)["parks"]]


def test_landmarks_on_a_zones_boundary_are_neither_parks_nor_measures():
    text = "区块二四至范围:东至坪桥山,南至忠深大道,西至IT产业园,北至青龙嘴;区块三四至范围:东至川黔铁路,南至谢家社区。"
    assert park_names(text) == [] and titles(text) == []
    # A zone of 东至县 is a zone all the same.
    assert park_names("东至县经济开发区新签约项目12个。") == ["东至县经济开发区"]


def test_zones_counted_or_of_a_whole_province_or_the_nation_are_kinds_not_parks():
    assert park_names("「i金山」上海金山三大特色产业园区入列全市重点!") == []
    assert park_names("云南省政府日前出台《云南省工业园区产业布局规划(2016—2025年)》。") == []
    assert park_names("全省纳入《中国开发区审核公告目录》的省级以上开发区48家。") == []
    # A zone named by its city or its own name after the province is one.
    assert park_names("安徽新芜经济开发区、苏州工业园区入选。") == ["安徽新芜经济开发区", "苏州工业园区"]


def test_places_listed_before_a_count_of_zones_are_read_as_places_whatever_the_tagger_says():
    text = "日前,克拉玛依、遵义、信阳、滁州四个高新区升级为“国家级”。"
    assert park_names(text) == ["克拉玛依高新区", "遵义高新区", "信阳高新区", "滁州高新区"]


def test_an_approval_is_a_document():
    text = "2022年4月,赣州市人民政府下发了《关于同意赣州高新区一区三园管理改革实施方案的批复》。"
    assert titles(text) == ["《关于同意赣州高新区一区三园管理改革实施方案的批复》"]


def test_amounts_listed_with_slashes_share_their_unit_and_their_verdict():
    text = (
        "对科技产业园区(孵化器)的管理运营机构,每引进一家年产值销售过2000万元/5000万元/10000万元企业,"
        "分别给予2万/5万/10万元奖励。"
    )
    assert funding(text) == [(2, "万元"), (5, "万元"), (10, "万元")]


def test_a_rent_subsidy_per_square_metre_and_month_and_registered_capital():
    text = (
        "给予园区(孵化器)管理运营机构房租补贴,补贴标准为:第一年按18元/m/月,第二年15元/m/月,办公用房按30元/㎡/月。"
        "对经认定备案且实缴注册资本300万元以上的战略性新兴产业企业所租用的面积,按上述标准的2倍予以补贴。"
    )
    assert funding(text) == [(18, "元/m/月"), (15, "元/m/月"), (30, "元/㎡/月")]


def test_a_goal_after_a_semicolon_is_a_goal_of_the_year_before_it():
    text = (
        "力争到“十二五”末,全省开发区生产总值达到7500亿元,占全省经济总量的27%;"
        "工业增加值达到5300亿元,占全省工业增加值的45%。"
    )
    assert targets(text) == [(7500, "亿元", 2015), (27, "%", 2015), (5300, "亿元", 2015), (45, "%", 2015)]


def test_a_breakdown_of_a_figure_shares_its_tense():
    text = (
        "截止到目前,全省纳入《中国开发区审核公告目录》的省级以上开发区48家,"
        "包括今年新审批的崇州经济开发区、绵竹经济开发区、什邡经济开发区、成都-阿坝工业园以及安县工业园等5家。"
    )
    assert targets(text) == []


def test_the_size_of_each_park_counted_is_no_goal():
    text = "提出到2025年,培育打造10个主营业务收入增量超千亿元的重点园区,50个增量超百亿元的专业园区。"
    assert targets(text, "2017-02-01") == [(10, "个", 2025), (50, "个", 2025)]


def test_a_new_zone_named_short_and_in_full_is_offered_once_by_its_full_name():
    text = (
        "日前,克拉玛依、遵义、信阳、滁州四个高新区升级为“国家级”。\n"
        "升级为国家高新技术产业开发区后,定名为遵义高新技术产业开发区。\n"
    )
    assert park_names(text) == ["克拉玛依高新区", "信阳高新区", "滁州高新区", "遵义高新技术产业开发区"]
    # Another zone of the same place is another park.
    assert park_names("天津经开区、天津西青经开区签约。") == ["天津经开区", "天津西青经开区"]


def test_the_review_of_round_17_on_parks():
    # A direction opens a boundary only where no word runs into it, and 东至 before a zone's kind is the county.
    assert park_names("东至经济开发区今年新签约亿元以上项目15个。") == ["东至经济开发区"]
    assert park_names("东至经开区今年新签约项目12个。") == ["东至经开区"]
    assert park_names("今年将开通济南至青岛西海岸新区的城际铁路。") == ["青岛西海岸新区"]
    text = "中欧班列开行线路向西至霍尔果斯经济开发区,向东至连云港经济技术开发区。"
    assert park_names(text) == ["霍尔果斯经济开发区", "连云港经济技术开发区"]
    # A count inside a place's name counts nothing; a province's zone with a name of its own is one.
    assert park_names("五大连池工业园区入驻企业达到35家。") == ["五大连池工业园区"]
    assert park_names("四川省天府新区获批建设国家数字经济创新发展试验区。") == ["四川省天府新区"]
    # A place the tagger misreads is a list's item only when it is the whole item.
    assert park_names("着力振兴沈阳、鞍山两个老工业基地开发区。") == ["沈阳老工业基地开发区", "鞍山老工业基地开发区"]
    assert park_names("积极延长榆林、延安两个能源化工园区产业链条。") == ["榆林能源化工园区", "延安能源化工园区"]


def test_the_review_of_round_17_on_funding():
    # A price in a support sentence is no offer, and an offer after a price of the same unit is one.
    assert funding("园区标准厂房租金为15元/㎡/月,对入驻企业给予5元/㎡/月的租金补贴。") == [(5, "元/㎡/月")]
    assert funding("稻谷最低收购价为2400元/吨,在此基础上给予种粮农民200元/吨的补贴。") == [(200, "元/吨")]
    assert funding("给予租金补贴10元/平方米/月,补贴后企业实际承担租金不低于8元/平方米/月。") == [(10, "元/平方米/月")]
    assert funding("给予1000元/人/月社保补贴,企业缴纳部分约为1200元/人/月。") == [(1000, "元/人/月")]
    # A rate offered after the clause that names the support.
    assert funding("给予房租补贴,补贴标准为:20元/㎡/月,补贴期限3年。") == [(20, "元/㎡/月")]
    # A cubic metre is no metre.
    assert funding("对企业新建污水处理设施的,按处理能力给予500元/m³的补助。") == [(500, "元/m³")]
    # Registered capital is a condition only right before its figure.
    assert funding("对新落户企业,按其实缴注册资本给予最高50万元奖励。") == [(50, "万元")]
    assert funding("注册资金到位后给予10万元一次性开办补贴。") == [(10, "万元")]
    # A price per kilowatt-hour or per head is a rate, and so a price unless offered.
    assert funding("居民生活用电价格为0.56元/千瓦时,对生猪养殖场给予100元/头的补助。") == [(100, "元/头")]


def test_a_reply_is_a_document():
    text = "国务院办公厅印发《关于同意开展营商环境创新试点工作的复函》。"
    assert titles(text) == ["《关于同意开展营商环境创新试点工作的复函》"]


def test_the_review_of_round_17_on_goals():
    date = "2025-03-01"
    # Across a semicolon only a figure reached or changed is a goal, never a level as it stands or a quarter's.
    assert targets("力争到2027年,全区高新技术企业达到500家;园区入驻企业320家,从业人员2.1万人。", date) == [
        (500, "家", 2027)
    ]
    assert targets("力争全年新增市场主体1.5万户;一季度新增市场主体3200户。", date) == [(1.5, "万户", None)]
    text = "力争到2025年,全市地区生产总值达到3000亿元;规上工业增加值年均增长8%;一般公共预算收入达到200亿元。"
    assert targets(text, date) == [(3000, "亿元", 2025), (8, "%", 2025), (200, "亿元", 2025)]
    # A breakdown that aims at a figure of its own sets it.
    assert targets("全市各类园区280个,其中省级以上园区要达到60个。", date) == [(60, "个", None)]
    # A share or an investment before 的…园区 is a goal; only a park's size reached is a criterion.
    assert targets("到2025年,推动80%的省级园区完成循环化改造。", date) == [(80, "%", 2025)]
    assert targets("今年要完成投资10亿元的园区标准厂房建设任务。", date) == [(10, "亿元", 2025)]


def test_zones_jieba_knows_as_organisations_and_cities_read_as_verbs_in_lists():
    # jieba lists 天津经济技术开发区 as one organisation: a zone all the same, named once by its full name.
    assert park_names("天津经济技术开发区(天津经开区)今年新签约项目50个。") == ["天津经济技术开发区"]
    assert park_names("中央商务区今年新增企业500家。") == []
    # 大连 (read as an adverb) and 营口 (read as a verb) end their items of a list of places.
    named = ["大连综合保税区", "营口综合保税区", "盘锦综合保税区"]
    assert park_names("推动大连、营口、盘锦三个综合保税区联动发展。") == named


def test_a_documents_title_line_names_it():
    text = "2017年合肥高新区支持产业发展若干政策措施\n为加快高新区经济结构调整,制定本政策。\n"
    assert "2017年合肥高新区支持产业发展若干政策措施" in titles(text)
    # A label before a colon or a space is no part of the title; a notice names each document it issues.
    text = (
        "中共温州市瓯海区委全面深化改革委员会 关于构建“1+5+16”产业政策体系推动经济高质量发展的意见\n"
        "发表时间:2019-08-10\n"
    )
    assert "关于构建“1+5+16”产业政策体系推动经济高质量发展的意见" in titles(text)
    text = "某省人民政府办公厅关于印发支持工业互联网发展若干政策和工业互联网创新发展行动计划的通知\n各市人民政府:\n"
    assert titles(text)[:2] == ["支持工业互联网发展若干政策", "工业互联网创新发展行动计划"]
    # A headline telling news, or a numbered heading, names no document.
    assert "北京上半年将完成“三城一区”规划" not in titles("北京上半年将完成“三城一区”规划\n北京商报讯\n")
    assert titles("二、奖励的内容和标准\n对认定的机构给予奖励。\n") == []


def test_what_an_offer_is_worked_out_on_is_no_statistic_of_it():
    text = "对新引进先进制造业固定资产投资1000万元以上的,按固定资产投资额的10%给予最高2000万元补贴。"
    assert funding(text) == [(2000, "万元")]
    text = "南沙创业投资引导基金可以跟进投资的方式最高给予3000万元、占股比例不超过20%。"
    assert funding(text) == [(3000, "万元")]
    # ... but an average before the verb of support is a statistic.
    assert funding("资助面约占在校生20%，平均补助标准每年每生2000元。") == []


def test_the_review_of_round_17_on_titles_and_bases():
    # Labels, news, reading guides, other notices, decisions and lines of clauses name no document.
    for text in [
        "当前位置：首页>政策>扶持政策>产业扶持政策\n为加快产业集聚，对新落户企业给予最高200万元奖励。\n",
        "我市出台支持先进制造业发展十条措施\n本报讯 近日，市政府印发支持先进制造业发展十条措施。\n",
        "一图读懂支持小微企业融资若干政策\n近日，市政府办公厅印发支持小微企业融资若干政策。\n",
        "关于召开2025年全市招商引资工作会议的通知\n各区、县人民政府：\n",
        "关于表彰2024年度全市优秀企业家的决定\n各区县人民政府：\n",
        "为加快推进制造业高质量发展，结合我市实际，现提出以下意见\n一、总体要求\n",
    ]:
        head = text.split("\n")[0].split("：")[-1]
        assert head not in titles(text), text
    # A title the body writes in 《》 is named there; joint issuers stay; a name inside a title is kept.
    text = "市政府常务会议审议通过促进消费扩容提质若干措施\n3月1日，会议审议通过《促进消费扩容提质若干措施》。\n"
    assert titles(text) == ["《促进消费扩容提质若干措施》"]
    text = "中共中央 国务院关于加快经济社会发展全面绿色转型的意见\n（2024年7月31日）\n"
    assert "中共中央 国务院关于加快经济社会发展全面绿色转型的意见" in titles(text)
    assert "浙江“千万工程”" in titles("关于推广浙江“千万工程”经验的实施意见\n各区县：\n")
    # The parts of a notice's title are split only where each is a whole document's name.
    text = "关于印发国土空间规划和用途管制实施方案的通知\n各区县：\n"
    assert "国土空间规划和用途管制实施方案" in titles(text)
    # A statistic before 给予 with no basis named (按, 根据, 以, 对) is still one.
    assert funding("通过专项债券给予重点项目资金支持80亿元。") == []
    assert funding("对同一项目投资给予的奖励最高100万元。") == [(100, "万元")]
