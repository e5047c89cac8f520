"""One example record per resource for the OpenAPI schema's list responses (drf-spectacular lists and pages them).

Small and realistic: parks, themes and organizations as the seed holds them, the rest illustrative; Chinese with
the English beside it.
tests/api/test_schema_tags_and_examples.py holds each to the shape the API serves.
"""

from drf_spectacular.utils import OpenApiExample

HAIDIAN = {"slug": "haidian-park", "name": "中关村科技园区海淀园", "name_en": "Zhongguancun Science Park Haidian Park"}
DIGITAL = {
    "slug": "digital-technology",
    "name": "新一代信息技术与数字经济",
    "name_en": "Next-generation IT and the digital economy",
}
COMMISSION = {
    "slug": "beijing-science-commission",
    "name": "北京市科学技术委员会",
    "name_en": "Beijing Municipal Science and Technology Commission",
}
STARTUPS = {"slug": "start-ups", "name": "初创企业", "name_en": "Start-ups"}
SOURCE = {"slug": "zgc-ai-action-plan-2023", "title": "中关村示范区人工智能产业发展行动方案（2023—2025年）"}
CREATED, UPDATED = "2024-03-01T08:00:00Z", "2024-05-20T09:30:00Z"

TARGET_VALUES = {
    "slug": "ai-core-output-2025",
    "indicator": "人工智能核心产业规模",
    "indicator_en": "Output of the core artificial intelligence industry",
    "comparator": "at_least",
    "value": 3000.0,
    "value_max": None,
    "unit": "亿元",
    "start_year": 2023,
    "target_year": 2025,
    "period_type": "end_value",
    "baseline_value": 2150.0,
    "baseline_year": 2022,
}
QUOTE = "到2025年，人工智能核心产业规模达到3000亿元以上"

MEASURE = {
    "slug": "ai-innovation-platform",
    "title": "建设人工智能创新平台",
    "title_en": "Build artificial intelligence innovation platforms",
    "summary": "支持建设人工智能新型研发机构和开源开放平台，推动算力、数据和算法资源共享。",
    "summary_en": "Support new-type AI research institutions and open platforms sharing computing power, data and "
    "algorithms.",
    "source": SOURCE,
    "quote": "建设人工智能创新平台",
    "quote_offset": 1520,
    "parent": None,
    "themes": [DIGITAL],
    "instrument": "platform",
    "organizations": [COMMISSION],
    "parks": [HAIDIAN],
    "beneficiaries": [STARTUPS],
    "status": "in_force",
    "start_year": 2023,
    "start_year_stated": True,
    "end_year": 2025,
    "funding_amount": None,
    "funding_unit": "",
    "funding_period": "",
    "targets": [{**TARGET_VALUES, "park": "haidian-park"}],
    "notes": "",
    "review_state": "published",
    "created_at": CREATED,
    "updated_at": UPDATED,
}
TARGET = {
    **TARGET_VALUES,
    "source": SOURCE,
    "quote": QUOTE,
    "quote_offset": 2088,
    "measure": "ai-innovation-platform",
    "park": HAIDIAN,
    "tracks": "ai-core-output",
    "supersedes": None,
    "superseded_by": ["ai-core-output-2027"],
    "notes": "以上: at least.",
    "review_state": "published",
    "created_at": CREATED,
    "updated_at": UPDATED,
}
PARK = {
    **HAIDIAN,
    "kind": "sub_park",
    "parent": "zgc",
    "district": "海淀区",
    "aliases": ["海淀园", "中关村海淀园"],
    "notes": "One of the sixteen sub-parks (分园).",
    "review_state": "published",
}
SOURCE_RECORD = {
    **SOURCE,
    "title_en": "Action plan for the artificial intelligence industry in the Zhongguancun zone (2023-2025)",
    "kind": "plan",
    "publisher": "北京市科学技术委员会、中关村科技园区管理委员会",
    "author": "",
    "issuers": [COMMISSION],
    "published_on": "2023-05-30",
    "date_precision": "day",
    "published_not_before": None,
    "published_not_after": None,
    "period_start_year": 2023,
    "period_end_year": 2025,
    "url": "https://kw.beijing.gov.cn/",
    "language": "zh-Hans",
    "sha256": "9f2c4e1b7a3d5c8e0f6a2b4d8c1e3f5a7b9d0c2e4f6a8b1c3d5e7f9a0b2c4d6e",
    "notes": "",
    "review_state": "published",
    "created_at": CREATED,
    "updated_at": UPDATED,
}
THEME = {
    **DIGITAL,
    "parent": "industry",
    "description": "AI, integrated circuits, software, 5G, blockchain, industrial internet, data.",
}
ORGANIZATION = {**COMMISSION, "kind": "agency", "aliases": ["北京市科委", "市科委"]}
BENEFICIARY = {
    **STARTUPS,
    "parent": "enterprises",
    "description": "Young technology firms, including those in incubators and accelerators.",
}
OBSERVATION_VALUES = {
    "slug": "hd24-pct-applications-2023",
    "value": 5218.0,
    "value_max": None,
    "unit": "件",
    "year": 2023,
    "year_end": None,
    "period_type": "annual",
}
OBSERVATION_QUOTE = "2023年，海淀区PCT国际专利申请量5218件"
INDICATOR = {
    "slug": "pct-applications",
    "name": "PCT国际专利申请量",
    "name_en": "PCT international patent applications",
    "unit": "件",
    "description": "Applications filed under the Patent Cooperation Treaty in the year.",
    "observations": [
        {
            **OBSERVATION_VALUES,
            "park": "haidian-park",
            "source": SOURCE,
            "quote": OBSERVATION_QUOTE,
            "quote_offset": 812,
        }
    ],
    "targets": [
        {
            **TARGET_VALUES,
            "park": "haidian-park",
            "source": SOURCE,
            "quote": QUOTE,
            "supersedes": None,
            "superseded_by": [],
        }
    ],
}
OBSERVATION = {
    "slug": OBSERVATION_VALUES["slug"],
    "indicator": {
        "slug": "pct-applications",
        "name": "PCT国际专利申请量",
        "name_en": "PCT international patent applications",
    },
    **{name: value for name, value in OBSERVATION_VALUES.items() if name != "slug"},
    "park": HAIDIAN,
    "source": SOURCE,
    "quote": OBSERVATION_QUOTE,
    "quote_offset": 812,
    "notes": "",
    "review_state": "published",
    "created_at": CREATED,
    "updated_at": UPDATED,
}
POLICY = {
    "slug": "zgc-forum",
    "name": "中关村论坛",
    "name_en": "Zhongguancun Forum",
    "aliases": ["中关村论坛年会"],
    "kind": "event",
    "parks": [
        {
            "slug": "zgc",
            "name": "中关村国家自主创新示范区",
            "name_en": "Zhongguancun National Innovation Demonstration Zone",
        }
    ],
    "themes": [DIGITAL],
    "beneficiaries": [STARTUPS],
    "status": "in_force",
    "status_evidenced_on": "2024-04-25",
    "description": "The annual national-level forum on innovation held in Zhongguancun.",
    "notes": "",
    "mentions": [
        {
            "measure": "p21-zgc-forum",
            "title": "办好中关村论坛",
            "source": SOURCE,
            "role": "continues",
            "quote": "高水平办好中关村论坛",
        }
    ],
    "events": [
        {
            "date": "2021-09-24",
            "date_precision": "day",
            "kind": "reported",
            "source": SOURCE,
            "quote": "2021中关村论坛在京开幕",
            "quote_offset": 96,
            "notes": "",
        }
    ],
    "review_state": "published",
    "created_at": CREATED,
    "updated_at": UPDATED,
}
HISTORY_ENTRY = {
    "history_id": 4182,
    "date": UPDATED,
    "kind": "changed",
    "user": None,
    "reason": "Approved revision 17 by curator-li",
    "changes": [{"field": "status", "old": "planned", "new": "in_force"}],
}
REVISION = {
    "id": 17,
    "record": "ai-innovation-platform",
    "author": "curator-li",
    "created_at": "2024-05-18T02:15:00Z",
    "base_version": 4170,
    "state": "pending",
    "stale": False,
    "changes": [{"field": "status", "old": "planned", "new": "in_force"}],
    "reviewer": None,
    "reviewed_at": None,
    "comment": "",
}


def listed(name, summary, record):
    """The example of a list operation: one record, which drf-spectacular wraps in the page's envelope."""
    return [OpenApiExample(name, value=record, summary=summary, response_only=True)]


MEASURES = listed("measure", "A measure: 建设人工智能创新平台", MEASURE)
TARGETS = listed("target", "A target: 人工智能核心产业规模 3000亿元以上 by 2025", TARGET)
PARKS = listed("park", "A park: 中关村科技园区海淀园", PARK)
SOURCES = listed("source", "A source: an action plan", SOURCE_RECORD)
THEMES = listed("theme", "A theme: 新一代信息技术与数字经济", THEME)
ORGANIZATIONS = listed("organization", "An organization: 北京市科学技术委员会", ORGANIZATION)
BENEFICIARIES = listed("beneficiary", "A beneficiary: 初创企业, below enterprises", BENEFICIARY)
INDICATORS = listed("indicator", "An indicator with its progress: PCT国际专利申请量", INDICATOR)
OBSERVATIONS = listed("observation", "An observation: 5218 PCT applications in 2023", OBSERVATION)
POLICIES = listed("policy", "A policy with its mentions and timeline: 中关村论坛", POLICY)
HISTORY = listed("change", "A published change of status", HISTORY_ENTRY)
REVISIONS = listed("revision", "A change waiting for a reviewer", REVISION)

FACETS = [
    OpenApiExample(
        "Facets of the AI measures",
        summary="GET /api/v1/measures/facets/?theme=artificial-intelligence",
        value={
            "count": 24,
            "status": [
                {"value": "in_force", "label": "in force", "count": 20},
                {"value": "planned", "label": "planned", "count": 4},
            ],
            "instrument": [{"value": "platform", "label": "platform or infrastructure", "count": 9}],
            "start_year": [{"value": 2023, "count": 15}, {"value": 2021, "count": 9}],
            "source": [{**SOURCE, "title_en": "", "count": 24}],
            "park": [{**HAIDIAN, "parent": "zgc", "depth": 1, "count": 7}],
            "theme": [{**DIGITAL, "parent": None, "depth": 0, "count": 24}],
            "beneficiary": [{**STARTUPS, "parent": "enterprises", "depth": 1, "count": 6}],
        },
        response_only=True,
    )
]
