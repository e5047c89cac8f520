"""Every list as CSV too, with the same filters, one flat row per record."""

import csv
import io

import pytest


def rows(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))  # after the BOM


def test_measures_csv_by_format_parameter_with_filters(api_client, registry):
    table = rows(api_client.get("/api/v1/measures/?format=csv&status=planned,completed"))
    assert sorted(row["slug"] for row in table) == ["ai-platform", "old-pilot"]
    platform = next(row for row in table if row["slug"] == "ai-platform")
    assert platform["source"] == "plan"
    assert platform["parks"] == "science-city"
    assert set(platform["targets"].split("; ")) == {"rd-2025", "firms-2035"}


def test_csv_by_accept_header_is_the_whole_list_not_a_page(api_client, registry):
    table = rows(api_client.get("/api/v1/measures/?page_size=1", HTTP_ACCEPT="text/csv"))
    assert len(table) == 3


@pytest.mark.parametrize("resource", ["targets", "parks", "sources", "themes", "organizations"])
def test_every_list_has_csv(api_client, registry, resource):
    json_slugs = sorted(item["slug"] for item in api_client.get(f"/api/v1/{resource}/?page_size=500").json()["results"])
    assert sorted(row["slug"] for row in rows(api_client.get(f"/api/v1/{resource}/?format=csv"))) == json_slugs


def test_csv_is_offered_as_a_download(api_client, registry):
    response = api_client.get("/api/v1/targets/?format=csv&target_year=2035")
    assert 'filename="targets.csv"' in response["Content-Disposition"]
    assert [row["slug"] for row in rows(response)] == ["firms-2035"]


def test_list_csv_is_streamed_in_batches(api_client, db, django_assert_num_queries):
    from tests import factories

    factories.published_measures(1200)
    response = api_client.get("/api/v1/measures/?format=csv")
    assert response.streaming
    # while streaming, per batch of 500: measures, targets, parks, themes, organizations, beneficiaries
    with django_assert_num_queries(3 * 6):
        table = rows(response)
    assert len(table) == 1200
