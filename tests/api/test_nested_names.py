"""Nested parks, themes and organizations carry their English name beside the Chinese one, in every read path."""

import pytest

from tests import factories

NESTED = {"slug", "name", "name_en"}


@pytest.fixture
def named(registry):
    registry["plan"].issuers.add(factories.OrganizationFactory(slug="issuer", name="海淀区人民政府", name_en="Haidian"))
    return registry


def measure(api_client, slug="ai-platform"):
    response = api_client.get(f"/api/v1/measures/{slug}/")
    assert response.status_code == 200
    return response.json()


def test_a_measures_parks_themes_and_organizations_have_english_names(api_client, named):
    record = measure(api_client)
    for link in ("parks", "themes", "organizations"):
        assert record[link], link
        for nested in record[link]:
            assert set(nested) == NESTED, link
            assert nested["name_en"].split()[0] in {"Park", "Theme", "Organization"}


def test_the_list_shows_them_too(api_client, named):
    [record] = api_client.get("/api/v1/measures/?status=planned").json()["results"]
    assert record["parks"] == [
        {"slug": "science-city", "name": "中关村科学城", "name_en": named["science_city"].name_en}
    ]


def test_a_targets_park_has_its_english_name(api_client, named):
    record = api_client.get("/api/v1/targets/rd-2025/").json()
    assert record["park"] == {"slug": "haidian", "name": "海淀园", "name_en": named["haidian"].name_en}
    [listed] = [t for t in api_client.get("/api/v1/targets/").json()["results"] if t["slug"] == "rd-2025"]
    assert listed["park"] == record["park"]


def test_a_sources_issuers_have_english_names(api_client, named, django_assert_num_queries):
    assert api_client.get("/api/v1/sources/plan/").json()["issuers"] == [
        {"slug": "issuer", "name": "海淀区人民政府", "name_en": "Haidian"}
    ]
    api_client.get("/api/v1/sources/")  # the count is then cached
    with django_assert_num_queries(3):  # page slugs, sources, their issuers (no query per issuer for name_en)
        [listed] = [s for s in api_client.get("/api/v1/sources/").json()["results"] if s["slug"] == "plan"]
    assert listed["issuers"][0]["name_en"] == "Haidian"


def test_the_schema_documents_them(openapi_schema):
    schemas = openapi_schema["components"]["schemas"]
    nested = {
        schemas["Measure"]["properties"]["parks"]["items"]["$ref"].rsplit("/", 1)[-1],
        schemas["Target"]["properties"]["park"]["allOf"][0]["$ref"].rsplit("/", 1)[-1]
        if "allOf" in schemas["Target"]["properties"]["park"]
        else schemas["Target"]["properties"]["park"]["$ref"].rsplit("/", 1)[-1],
    }
    for name in nested:
        assert "name_en" in schemas[name]["properties"], name
