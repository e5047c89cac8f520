"""GET /api/v1/measures/facets/: counts of the filtered measures by each facet, one implementation with the site."""

import pytest

from measures.models import Measure
from tests import factories


def facet(response, name):
    return {item.get("slug", item.get("value")): item["count"] for item in response.json()[name]}


def test_counts_follow_the_filters(api_client, registry):
    everything = api_client.get("/api/v1/measures/facets/")
    assert everything.status_code == 200
    assert everything.json()["count"] == 3
    assert facet(everything, "status") == {"planned": 1, "in_force": 1, "completed": 1}
    assert facet(everything, "start_year") == {2021: 1, 2018: 1, 2014: 1}
    assert facet(everything, "source") == {"plan": 1, "report": 2}

    planned = api_client.get("/api/v1/measures/facets/?status=planned")
    assert planned.json()["count"] == 1
    assert facet(planned, "instrument") == {"platform": 1}


def test_a_park_counts_its_sub_parks_each_measure_once(api_client, registry):
    # ai-platform names science-city, below haidian; linking it to haidian as well must not count it twice there.
    registry["ai_platform"].parks.add(registry["haidian"])
    parks = facet(api_client.get("/api/v1/measures/facets/"), "park")
    assert parks == {"zgc": 3, "haidian": 1, "science-city": 1, "changping": 1}
    themes = facet(api_client.get("/api/v1/measures/facets/"), "theme")
    assert themes["industry"] == 1  # through its sub-theme ai
    assert themes["talent"] == 1


def test_tree_facets_come_in_tree_order_with_depth_and_parent(api_client, registry):
    parks = api_client.get("/api/v1/measures/facets/").json()["park"]
    assert [(park["slug"], park["depth"], park["parent"]) for park in parks] == [
        ("zgc", 0, None),
        ("changping", 1, "zgc"),
        ("haidian", 1, "zgc"),
        ("science-city", 2, "haidian"),
    ]


def test_the_public_counts_only_what_it_may_see(api_client, registry, staff):
    registry["talent_programme"].review_state = "draft"
    registry["talent_programme"].save()
    hidden = factories.ParkFactory(slug="hidden", name="未发布园", parent=registry["zone"], review_state="draft")
    registry["old_pilot"].parks.add(hidden)
    public = api_client.get("/api/v1/measures/facets/").json()
    assert public["count"] == 2
    assert "hidden" not in {park["slug"] for park in public["park"]}
    api_client.force_authenticate(staff)
    assert api_client.get("/api/v1/measures/facets/").json()["count"] == 3


@pytest.mark.parametrize(
    ("query", "parameter"), [("parks=haidian", "parks"), ("page=2", "page"), ("status=nope", "status")]
)
def test_bad_parameters_are_a_400_naming_them(api_client, registry, query, parameter):
    response = api_client.get(f"/api/v1/measures/facets/?{query}")
    assert response.status_code == 400
    assert parameter in response.json()


def test_counts_are_cached_until_a_measure_changes(api_client, registry, django_assert_num_queries):
    api_client.get("/api/v1/measures/facets/")
    with django_assert_num_queries(0):
        api_client.get("/api/v1/measures/facets/")
    Measure.objects.filter(slug="old-pilot").update(status="planned")  # raw update: the cache does not hear of it
    registry["old_pilot"].save()  # a saved record does
    assert facet(api_client.get("/api/v1/measures/facets/"), "status")["completed"] == 1


def test_a_beneficiary_counts_its_narrower_groups(api_client, registry):
    # ai-platform is for start-ups, below enterprises; naming enterprises as well must not count it twice there.
    registry["ai_platform"].beneficiaries.add(registry["start_ups"].parent)
    registry["talent_programme"].beneficiaries.add(registry["start_ups"])
    beneficiaries = api_client.get("/api/v1/measures/facets/").json()["beneficiary"]
    assert [(node["slug"], node["depth"], node["parent"], node["count"]) for node in beneficiaries] == [
        ("enterprises", 0, None, 2),
        ("start-ups", 1, "enterprises", 2),
    ]
    in_force = facet(api_client.get("/api/v1/measures/facets/?status=in_force"), "beneficiary")
    assert in_force == {"enterprises": 1, "start-ups": 1}
