"""Target, park, source, theme and organization filters."""

import pytest

from tests.helpers import slugs


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("source=plan", ["firms-2035", "rd-2025"]),
        ("measure=ai-platform", ["firms-2035", "rd-2025"]),
        ("park=zgc", ["rd-2025"]),  # descendants: Haidian is in the zone
        ("park=changping", []),
        ("target_year=2035", ["firms-2035"]),
        ("target_year_min=2030", ["firms-2035"]),
        ("target_year_max=2030", ["rd-2025"]),
        ("unit=家", ["firms-2035"]),
        ("unit=%25,家", ["firms-2035", "rd-2025"]),
        ("comparator=about", ["rd-2025"]),
        ("q=独角兽", ["firms-2035"]),
        ("q=unicorn", ["firms-2035"]),
    ],
)
def test_target_filter(api_client, registry, query, expected):
    assert slugs(api_client.get(f"/api/v1/targets/?{query}")) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=science_city", ["science-city"]),
        ("parent=zgc", ["changping", "haidian"]),
        ("q=海淀", ["haidian"]),  # name
        ("q=中关村海淀", ["haidian"]),  # alias
        ("ordering=-slug&kind=sub_park", ["changping", "haidian"]),
    ],
)
def test_park_filter(api_client, registry, query, expected):
    assert slugs(api_client.get(f"/api/v1/parks/?{query}")) == expected


def test_source_theme_organization_filters(api_client, registry):
    assert slugs(api_client.get("/api/v1/sources/?kind=news_report")) == ["report"]
    assert slugs(api_client.get("/api/v1/themes/?parent=industry")) == ["ai"]
    assert slugs(api_client.get("/api/v1/organizations/?q=科委")) == ["commission"]


def test_source_list_omits_text_and_detail_has_it(api_client, registry):
    listed = api_client.get("/api/v1/sources/").json()["results"][0]
    assert "sha256" in listed and "text" not in listed and "raw_text" not in listed
    detail = api_client.get(f"/api/v1/sources/{listed['slug']}/").json()
    assert detail["sha256"] == listed["sha256"]
    assert detail["text"] and detail["raw_text"] and detail["corrections"] == []
