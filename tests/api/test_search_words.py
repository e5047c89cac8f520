"""`q` finds English words whole and through the names of a measure's themes and parks, in either language."""

import pytest

from measures.api.filters import search_terms
from measures.models import Measure
from tests import factories


def slugs(response):
    assert response.status_code == 200, response.content
    return sorted(record["slug"] for record in response.json()["results"])


OTHER_QUOTE = "到2025年，海淀园研发投入强度达到12%左右。"


@pytest.fixture
def worded(registry):
    """Only ai-platform quotes the sentence about 人工智能 (the factories' measures all do)."""
    factories.MeasureFactory(
        slug="maintain", title="维护", title_en="Maintain the supply chain", source=registry["plan"]
    )
    Measure.objects.exclude(slug="ai-platform").update(quote=OTHER_QUOTE, quote_offset=0)
    registry["ai_platform"].summary_en = "Build a platform for AI research."
    registry["ai_platform"].save()
    return registry


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("AI", ["ai-platform"]),  # not "maintain" nor "chain"
        ("artificial intelligence", ["ai-platform"]),  # the same subject in other words
        ("人工智能", ["ai-platform"]),
        ("chain", ["maintain"]),
        ("chains", []),  # whole words: "chains" is not in "chain" (a plural in the text is found, not the reverse)
        ("platforms", []),
        ("Changping", ["talent-programme"]),  # a park's English name
        ("programme changping", ["talent-programme"]),  # every word, each anywhere
        ("programme haidian", []),
    ],
)
def test_english_search(api_client, worded, query, expected):
    worded["changping"].name_en = "Changping Park"
    worded["changping"].save()
    assert slugs(api_client.get("/api/v1/measures/", {"q": query})) == expected


def test_a_theme_name_finds_its_measures(api_client, worded):
    assert slugs(api_client.get("/api/v1/measures/", {"q": "高精尖"})) == []  # the parent theme's name is not enough
    assert slugs(api_client.get("/api/v1/measures/", {"q": "人才"})) == ["talent-programme"]


def test_a_draft_park_name_finds_nothing(api_client, worded):
    hidden = factories.ParkFactory(slug="hidden", name="秘密园", parent=worded["zone"], review_state="draft")
    worded["old_pilot"].parks.add(hidden)
    assert slugs(api_client.get("/api/v1/measures/", {"q": "秘密园"})) == []


def test_terms():
    ai = ["artificial intelligence", "人工智能"]
    assert search_terms("artificial intelligence Haidian") == [ai, ["Haidian"]]
    assert search_terms("人工智能产业") == [["人工智能产业"]]  # a Chinese term is a substring, left whole
    assert search_terms("  ") == []


def test_seed_english_and_chinese_find_the_same_ai_measures(api_client, seeded_registry):
    def count(query):
        return api_client.get("/api/v1/measures/", {"q": query}).json()["count"]

    assert count("artificial intelligence") >= count("人工智能") >= 24
    assert count("AI") >= count("人工智能")
    maintain = api_client.get("/api/v1/measures/", {"q": "AI", "page_size": 500}).json()["results"]
    assert not [m for m in maintain if "maintain" in m["summary_en"].lower() and "AI" not in m["summary_en"]]
