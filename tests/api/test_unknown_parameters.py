"""A query parameter an endpoint does not know is a 400 naming it, never silently ignored."""

import pytest
from django.contrib.auth import get_user_model

LISTS = [
    "measures",
    "targets",
    "parks",
    "sources",
    "themes",
    "organizations",
    "policies",
    "indicators",
    "observations",
    "beneficiaries",
]


def refused(response, name):
    assert response.status_code == 400, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert list(body) == [name] if isinstance(name, str) else sorted(body) == sorted(name)
    return body


@pytest.mark.parametrize("query", ["parks=haidian-park", "themes=talent", "funding_amount_min=1"])
def test_a_misspelt_filter_is_refused_rather_than_listing_everything(api_client, registry, query):
    name = query.split("=")[0]
    [message] = refused(api_client.get(f"/api/v1/measures/?{query}"), name)[name]
    assert message.startswith("Unknown parameter; known: ")
    known = message.removeprefix("Unknown parameter; known: ").rstrip(".").split(", ")
    assert {"park", "theme", "page", "page_size", "format", "q"} <= set(known)
    assert known == sorted(known)


def test_every_unknown_parameter_is_named(api_client, registry):
    refused(api_client.get("/api/v1/measures/?parks=a&themes=b&park=haidian"), ["parks", "themes"])


@pytest.mark.parametrize("resource", LISTS)
def test_every_list_refuses_an_unknown_parameter(api_client, registry, resource):
    refused(api_client.get(f"/api/v1/{resource}/?colour=red"), "colour")


def test_csv_refuses_an_unknown_parameter_in_json(api_client, registry):
    refused(api_client.get("/api/v1/measures/?format=csv&parks=haidian"), "parks")
    refused(api_client.get("/api/v1/measures/?parks=haidian", HTTP_ACCEPT="text/csv"), "parks")


def test_a_detail_knows_only_its_format(api_client, registry):
    assert api_client.get("/api/v1/measures/ai-platform/?format=json").status_code == 200
    for query in ["status=planned", "page=1", "q=人工智能"]:
        refused(api_client.get(f"/api/v1/measures/ai-platform/?{query}"), query.split("=")[0])
    body = refused(api_client.get("/api/v1/parks/haidian/?park=zgc"), "park")
    assert body["park"] == ["Unknown parameter; known: format."]


def test_history_knows_its_page_and_no_filter(api_client, registry):
    assert api_client.get("/api/v1/measures/ai-platform/history/?page=1&page_size=5").status_code == 200
    refused(api_client.get("/api/v1/measures/ai-platform/history/?status=planned"), "status")


def test_a_method_the_endpoint_does_not_answer_is_a_405_whatever_the_parameters(api_client, registry):
    api_client.force_authenticate(get_user_model().objects.create_superuser("reviewer", password="x"))
    for query in ["page=1&page_size=50", "colour=red", "page=0"]:
        response = api_client.generic("TRACE", f"/api/v1/measures/ai-platform/history/?{query}")
        assert response.status_code == 405, (query, response.content)
    assert api_client.generic("TRACE", "/api/v1/measures/?parks=x").status_code == 405


def test_writes_refuse_unknown_parameters_too(api_client, registry):
    staff = get_user_model().objects.create_superuser("reviewer", password="x")
    api_client.force_authenticate(staff)
    refused(api_client.post("/api/v1/themes/?dry_run=1", {"slug": "x", "name": "X"}, format="json"), "dry_run")


def test_the_registry_download_knows_only_its_format(api_client, registry):
    refused(api_client.get("/api/v1/export/?resource=measures"), "resource")


def test_the_schema_says_unknown_parameters_are_refused(openapi_schema):
    assert "unknown" in openapi_schema["paths"]["/api/v1/measures/"]["get"]["responses"]["400"]["description"].lower()


def test_every_documented_parameter_is_known(api_client, registry, openapi_schema):
    """The fuzzer sends what the schema documents: none of it may be refused as unknown."""
    staff = get_user_model().objects.create_superuser("reviewer", password="x")
    api_client.force_authenticate(staff)
    checked = 0
    for path, operations in openapi_schema["paths"].items():
        if "get" not in operations or "revision_id" in path:
            continue
        url = path.replace("{slug}", slug_for(path))
        for parameter in operations["get"].get("parameters", []):
            if parameter["in"] == "query":
                response = api_client.get(f"{url}?{parameter['name']}=1")
                assert "Unknown parameter" not in response.content.decode(), (url, parameter["name"])
                checked += 1
    assert checked > 60


def slug_for(path):
    resource = path.split("/")[3]
    return {
        "measures": "ai-platform",
        "targets": "rd-2025",
        "parks": "haidian",
        "sources": "plan",
        "themes": "ai",
        "organizations": "commission",
        "policies": "ai-programme",
        "indicators": "rd-intensity",
        "observations": "rd-2020",
        "beneficiaries": "start-ups",
    }.get(resource, "")
