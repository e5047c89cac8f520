"""Every measure filter, including tree filters that match descendants and multi-value forms."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from measures.api.filters import MeasureFilter
from measures.models import Measure
from tests.helpers import slugs


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=投贷联动", ["old-pilot"]),  # Chinese title substring
        ("q=海外高层次", ["talent-programme"]),  # summary
        ("q=investment-loan", ["old-pilot"]),  # English title, case-insensitive
        ("q=科学城建设", ["ai-platform", "old-pilot", "talent-programme"]),  # quote substring, no word split
        ("source=report", ["old-pilot", "talent-programme"]),
        ("source=plan,report", ["ai-platform", "old-pilot", "talent-programme"]),
        ("park=science-city", ["ai-platform"]),
        ("park=haidian", ["ai-platform"]),  # descendants: the science city lies in Haidian
        ("park=zgc", ["ai-platform", "old-pilot", "talent-programme"]),
        ("park=changping&park=science-city", ["ai-platform", "talent-programme"]),
        ("theme=industry", ["ai-platform"]),  # descendants: AI is under industry
        ("theme=talent", ["talent-programme"]),
        ("organization=commission", ["ai-platform"]),
        ("status=planned,completed", ["ai-platform", "old-pilot"]),
        ("status=in_force&status=completed", ["old-pilot", "talent-programme"]),
        ("instrument=pilot", ["old-pilot"]),
        ("year=2015", ["old-pilot"]),
        ("year=2022", ["ai-platform", "talent-programme"]),  # open-ended measures stay in force
        ("year=2030", ["talent-programme"]),
        ("start_year_min=2018", ["ai-platform", "talent-programme"]),
        ("start_year_max=2018", ["old-pilot", "talent-programme"]),
        ("start_year_min=2015&start_year_max=2020", ["talent-programme"]),
        ("has_targets=true", ["ai-platform"]),
        ("has_targets=false", ["old-pilot", "talent-programme"]),
    ],
)
def test_filter(api_client, registry, query, expected):
    assert slugs(api_client.get(f"/api/v1/measures/?{query}")) == expected


def test_updated_since(api_client, registry):
    Measure.objects.filter(slug="old-pilot").update(updated_at=timezone.now() - timezone.timedelta(days=30))
    since = (timezone.now() - timezone.timedelta(days=1)).isoformat()
    assert slugs(api_client.get("/api/v1/measures/", {"updated_since": since})) == ["ai-platform", "talent-programme"]


def test_ordering(api_client, registry):
    results = api_client.get("/api/v1/measures/?ordering=-start_year").json()["results"]
    assert [item["slug"] for item in results] == ["ai-platform", "talent-programme", "old-pilot"]


def test_filterset_directly(registry):
    assert MeasureFilter({"park": "haidian"}, Measure.objects.all()).qs.count() == 1


def test_measure_linked_to_two_matching_parks_is_listed_once(api_client, registry):
    registry["ai_platform"].parks.add(registry["haidian"])
    assert slugs(api_client.get("/api/v1/measures/?park=zgc")) == ["ai-platform", "old-pilot", "talent-programme"]


def test_status_filters_count_without_distinct(api_client, registry):
    with CaptureQueriesContext(connection) as queries:
        api_client.get("/api/v1/measures/?status=planned,completed")
    assert "DISTINCT" not in queries.captured_queries[0]["sql"].upper()
