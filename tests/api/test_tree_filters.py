"""`?ancestors=` and `?descendants=` list a park's or theme's chain of parents or sub-tree, as the requester sees it."""

import pytest
from django.contrib.auth import get_user_model

from measures.api.filters import ParkFilter
from measures.models import Park, Theme
from tests import factories


def slugs(response):
    assert response.status_code == 200, response.content
    return [record["slug"] for record in response.json()["results"]]


def test_a_parks_sub_tree_in_tree_order(api_client, registry):
    assert slugs(api_client.get("/api/v1/parks/?descendants=zgc")) == ["changping", "haidian", "science-city"]
    assert slugs(api_client.get("/api/v1/parks/?descendants=haidian")) == ["science-city"]
    factories.ParkFactory(slug="ai-town", name="人工智能小镇", parent=registry["haidian"])
    # depth first: each park followed by what is below it, siblings by slug
    assert slugs(api_client.get("/api/v1/parks/?descendants=zgc")) == [
        "changping",
        "haidian",
        "ai-town",
        "science-city",
    ]
    assert slugs(api_client.get("/api/v1/parks/?descendants=science-city")) == []


def test_a_parks_chain_of_parents_from_the_zone_down(api_client, registry):
    assert slugs(api_client.get("/api/v1/parks/?ancestors=science-city")) == ["zgc", "haidian"]
    assert slugs(api_client.get("/api/v1/parks/?ancestors=zgc")) == []


def test_themes_too(api_client, registry):
    factories.ThemeFactory(slug="ai-chips", name="人工智能芯片", parent=Theme.objects.get(slug="ai"))
    assert slugs(api_client.get("/api/v1/themes/?descendants=industry")) == ["ai", "ai-chips"]
    assert slugs(api_client.get("/api/v1/themes/?ancestors=ai-chips")) == ["industry", "ai"]
    assert slugs(api_client.get("/api/v1/themes/?descendants=talent")) == []


def test_they_combine_with_other_filters_and_ordering(api_client, registry):
    reversed_slugs = ["science-city", "haidian", "changping"]
    assert slugs(api_client.get("/api/v1/parks/?descendants=zgc&ordering=-slug")) == reversed_slugs
    assert slugs(api_client.get("/api/v1/parks/?descendants=zgc&kind=science_city")) == ["science-city"]
    assert slugs(api_client.get("/api/v1/parks/?descendants=zgc&ancestors=science-city")) == ["haidian"]
    response = api_client.get("/api/v1/parks/?descendants=zgc&page_size=2")
    assert response.json()["count"] == 3 and slugs(response) == ["changping", "haidian"]


@pytest.fixture
def draft_haidian(registry):
    Park.objects.filter(slug="haidian").update(review_state="draft")
    return registry


def test_the_public_never_passes_through_a_park_it_may_not_see(api_client, draft_haidian):
    assert slugs(api_client.get("/api/v1/parks/?descendants=zgc")) == ["changping"]
    assert slugs(api_client.get("/api/v1/parks/?descendants=science-city")) == []
    # its parent is hidden (shown as null), so its chain of parents ends there
    assert slugs(api_client.get("/api/v1/parks/?ancestors=science-city")) == []


def test_staff_see_the_whole_tree(api_client, draft_haidian):
    api_client.force_authenticate(get_user_model().objects.create_user("curator", is_staff=True))
    assert slugs(api_client.get("/api/v1/parks/?descendants=zgc")) == ["changping", "haidian", "science-city"]
    assert slugs(api_client.get("/api/v1/parks/?ancestors=science-city")) == ["zgc", "haidian"]


@pytest.mark.parametrize("name", ["ancestors", "descendants"])
@pytest.mark.parametrize("slug", ["no-such-park", "haidian"])
def test_an_unknown_or_hidden_slug_is_a_400_naming_the_parameter(api_client, draft_haidian, name, slug):
    response = api_client.get(f"/api/v1/parks/?{name}={slug}")
    assert response.status_code == 400
    assert list(response.json()) == [name]
    assert slug in response.json()[name][0]  # the value refused, not the parameter


def test_an_unknown_theme_is_a_400_too(api_client, registry):
    response = api_client.get("/api/v1/themes/?ancestors=nothing")
    assert response.status_code == 400 and list(response.json()) == ["ancestors"]


def test_the_filterset_alone(registry):
    parks = ParkFilter({"descendants": "zgc"}, Park.objects.all()).qs
    assert [park.slug for park in parks] == ["changping", "haidian", "science-city"]


def test_the_schema_documents_them(openapi_schema):
    schema = openapi_schema
    for resource in ("parks", "themes"):
        parameters = {p["name"]: p for p in schema["paths"][f"/api/v1/{resource}/"]["get"]["parameters"]}
        assert {"ancestors", "descendants"} <= set(parameters)
        assert parameters["descendants"]["description"]
