"""A small seed in a temporary folder, for the loader's tests."""

import json
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
RAW = "北京市app技术委员会发布政策。\n到2025年，海淀园研发投入强度达到12%左右。\n建设人工智能创新平台。\n"


@pytest.fixture
def fixture_dir(tmp_path):
    """A one-source seed with the project's themes and organizations and a two-park tree."""
    shutil.copy(FIXTURES / "themes.json", tmp_path)
    shutil.copy(FIXTURES / "organizations.json", tmp_path)
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "001_test.txt").write_text(RAW, encoding="utf-8")
    parks = [
        {
            "slug": "zgc",
            "name": "中关村国家自主创新示范区",
            "name_en": "Zhongguancun",
            "kind": "demonstration_zone",
            "parent": None,
            "aliases": ["中关村示范区"],
        },
        {
            "slug": "haidian-park",
            "name": "中关村科技园区海淀园",
            "name_en": "Haidian Park",
            "kind": "sub_park",
            "parent": "zgc",
            "aliases": ["海淀园"],
        },
    ]
    text = RAW.replace("app", "科学").strip()
    source = {
        "source": {
            "slug": "test-source",
            "file": "raw/001_test.txt",
            "title": "测试",
            "kind": "news_report",
            "published_on": "2024-01-01",
            "date_precision": "year",
            "language": "zh-Hans",
            "organizations": ["beijing-science-commission"],
        },
        "corrections": [{"position": 3, "original": "app", "replacement": "科学", "reason": "site spam for 科学"}],
        "measures": [
            {
                "slug": "t-platform",
                "title": "建设人工智能创新平台",
                "title_en": "Build an AI platform",
                "summary": "平台",
                "quote": "建设人工智能创新平台。",
                "offset": text.index("建设人工智能"),
                "instrument": "platform",
                "status": "planned",
                "themes": ["digital-technology"],
                "parks": [],
            },
            {
                "slug": "t-rd",
                "title": "提高研发投入",
                "title_en": "Raise R&D",
                "summary": "研发",
                "quote": "海淀园研发投入强度达到12%左右",
                "offset": text.index("海淀园"),
                "instrument": "strategy",
                "status": "planned",
                "parent": "t-platform",
                "parks": ["海淀园"],
            },
        ],
        "targets": [
            {
                "slug": "t-rd-2025",
                "indicator": "研发投入强度",
                "indicator_en": "R&D intensity",
                "comparator": "about",
                "value": 12,
                "unit": "%",
                "target_year": 2025,
                "quote": "到2025年，海淀园研发投入强度达到12%左右",
                "offset": text.index("到2025年"),
                "measure": "t-rd",
                "park": "海淀园",
            },
        ],
    }
    write(tmp_path / "parks.json", parks)
    write(tmp_path / "001_test.json", source)
    return tmp_path


def write(path, data):
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def seed(directory):
    call_command("seed", fixtures=str(directory))
