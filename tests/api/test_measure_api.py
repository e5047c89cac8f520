"""The measures resource: envelope, nested relations, detail by slug, constant query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from measures.models import Measure
from tests import factories


def test_list_uses_drf_envelope_with_nested_relations(api_client, registry):
    body = api_client.get("/api/v1/measures/").json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == 3
    measure = next(item for item in body["results"] if item["slug"] == "ai-platform")
    assert measure["source"] == {"slug": "plan", "title": registry["plan"].title}
    names = ("slug", "name")  # and name_en: see test_nested_names
    assert [{name: park[name] for name in names} for park in measure["parks"]] == [
        {"slug": "science-city", "name": "中关村科学城"}
    ]
    assert [{name: theme[name] for name in names} for theme in measure["themes"]] == [
        {"slug": "ai", "name": "人工智能"}
    ]
    assert [{name: body[name] for name in names} for body in measure["organizations"]] == [
        {"slug": "commission", "name": "北京市科学技术委员会"}
    ]
    assert {target["slug"] for target in measure["targets"]} == {"rd-2025", "firms-2035"}
    range_target = next(target for target in measure["targets"] if target["slug"] == "firms-2035")
    assert (range_target["comparator"], range_target["value"], range_target["value_max"]) == ("range", 2.0, 3.0)


def test_detail_by_slug_matches_list_item(api_client, registry):
    detail = api_client.get("/api/v1/measures/ai-platform/").json()
    listed = api_client.get("/api/v1/measures/?source=plan").json()["results"][0]
    assert detail == listed
    assert detail["quote"] in registry["plan"].text


def test_unknown_slug_is_404_json(api_client, registry):
    response = api_client.get("/api/v1/measures/no-such-measure/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_page_size_and_navigation(api_client, registry):
    body = api_client.get("/api/v1/measures/?page_size=2").json()
    assert len(body["results"]) == 2 and body["next"] and body["previous"] is None
    second = api_client.get(body["next"]).json()
    assert len(second["results"]) == 1 and second["next"] is None


@pytest.mark.parametrize("page_size", [5, 100])
def test_list_query_count_does_not_grow_with_page_size(api_client, db, django_assert_num_queries, page_size):
    factories.published_measures(
        page_size,
        park=factories.ParkFactory(),
        theme=factories.ThemeFactory(),
        organization=factories.OrganizationFactory(),
        with_targets=True,
    )
    # count, the page's ids, those measures (with source and package), targets (with park), parks, themes,
    # organizations, beneficiaries
    with django_assert_num_queries(8):
        response = api_client.get(f"/api/v1/measures/?page_size={page_size}")
    assert len(response.json()["results"]) == page_size


def test_detail_query_count(api_client, registry, django_assert_num_queries):
    # measure (with source and package), targets, parks, themes, organizations, beneficiaries
    with django_assert_num_queries(6):
        assert api_client.get("/api/v1/measures/ai-platform/").status_code == 200


def test_a_deep_page_joins_only_the_rows_it_shows(api_client, db):
    source = factories.SourceFactory()
    factories.MeasureFactory.create_batch(12, source=source)
    with CaptureQueriesContext(connection) as queries:
        response = api_client.get("/api/v1/measures/?page_size=5&page=3")
    assert [m["slug"] for m in response.json()["results"]] == sorted(m.slug for m in Measure.objects.all())[10:]
    ids_query, rows_query = queries.captured_queries[1]["sql"], queries.captured_queries[2]["sql"]
    assert "OFFSET 10" in ids_query and "JOIN" not in ids_query  # the skipped rows cost an index walk, no joins
    assert "OFFSET" not in rows_query and "JOIN" in rows_query  # the joins run for the shown rows only
