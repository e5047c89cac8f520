"""The OpenAPI schema groups operations by resource, shows an example page of each list, and no padlock on reads."""

import pytest
from django.contrib.auth import get_user_model
from drf_spectacular.validation import validate_schema

from measures.api.serializers import RevisionSerializer

RESOURCES = [
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
SLUGS = {
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
}


@pytest.fixture
def schema(openapi_schema):
    return openapi_schema


def operations(schema):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def test_each_operation_has_one_tag_naming_its_resource(schema):
    tags = {}
    for path, method, operation in operations(schema):
        [tag] = operation["tags"]
        tags[(path, method)] = tag
    for resource in RESOURCES:
        assert tags[(f"/api/v1/{resource}/", "get")] == resource
        assert tags[(f"/api/v1/{resource}/{{slug}}/", "get")] == resource
    assert tags[("/api/v1/measures/", "post")] == "measures"
    assert tags[("/api/v1/export/", "get")] == "registry download"
    assert tags[("/api/v1/parks/{slug}/history/", "get")] == "history"
    assert tags[("/api/v1/targets/{slug}/revisions/{revision_id}/approve/", "post")] == "revisions"
    described = [tag["name"] for tag in schema["tags"]]
    assert set(tags.values()) == set(described)  # every tag used is described, and only those
    assert described[: len(RESOURCES)] == RESOURCES
    assert all(tag["description"] for tag in schema["tags"])


def test_public_reads_show_no_padlock(schema):
    """Swagger UI hides the padlock only when `security` is absent or exactly one empty requirement."""
    for path, method, operation in operations(schema):
        security = operation.get("security", [{}])
        if method in ("get", "head") and not path.endswith("/revisions/"):
            assert security == [{}], (path, method)
        else:
            assert security and {} not in security, (path, method)  # writes and revisions need a user


def list_example(schema, path):
    content = schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
    [example] = content["examples"].values()
    return example["value"]


def assert_same_shape(example, actual, where="record"):
    """The same keys, all the way down (a null or an empty list on either side says nothing of the shape)."""
    if isinstance(example, dict) and isinstance(actual, dict):
        assert list(example) == list(actual), where
        for key in example:
            assert_same_shape(example[key], actual[key], f"{where}.{key}")
    elif isinstance(example, list) and isinstance(actual, list) and example and actual:
        assert_same_shape(example[0], actual[0], f"{where}[0]")
    elif example is not None and actual is not None and not isinstance(example, list):
        assert isinstance(example, (int, float)) == isinstance(actual, (int, float)), where


@pytest.mark.parametrize("resource", RESOURCES)
def test_each_list_has_an_example_page_shaped_like_the_api(api_client, registry, schema, resource):
    page = list_example(schema, f"/api/v1/{resource}/")
    assert page["count"] == len(page["results"]) == 1 and page["next"] is None and page["previous"] is None
    actual = api_client.get(f"/api/v1/{resource}/{SLUGS[resource]}/").json()
    if resource == "sources":
        actual = api_client.get("/api/v1/sources/").json()["results"][0]  # the list shows less than the detail
    assert_same_shape(page["results"][0], actual)


def test_the_measure_example_is_chinese_with_english(schema):
    [measure] = list_example(schema, "/api/v1/measures/")["results"]
    assert measure["title"] == "建设人工智能创新平台" and measure["title_en"]
    assert all(park["name"] and park["name_en"] for park in measure["parks"])


def test_history_and_revisions_have_examples_too(api_client, registry, schema):
    staff = get_user_model().objects.create_superuser("reviewer", password="x")
    api_client.force_authenticate(staff)
    history = list_example(schema, "/api/v1/measures/{slug}/history/")
    assert_same_shape(
        history["results"][0], api_client.get("/api/v1/measures/ai-platform/history/").json()["results"][0]
    )
    [revision] = list_example(schema, "/api/v1/measures/{slug}/revisions/")  # a plain list, not a page
    url = "/api/v1/measures/ai-platform/revisions/"
    assert api_client.get(url).json() == []  # none waiting: compare with the serializer's fields instead
    assert list(revision) == RevisionSerializer.Meta.fields


@pytest.mark.parametrize("resource", RESOURCES)
def test_a_write_is_documented_to_answer_with_what_a_get_shows(schema, resource):
    def answer(method, status, path=f"/api/v1/{resource}/{{slug}}/"):
        return schema["paths"][path][method]["responses"][status]["content"]["application/json"]["schema"]

    shown = answer("get", "200")
    assert answer("patch", "200") == answer("put", "200") == shown
    if "post" in schema["paths"][f"/api/v1/{resource}/"]:
        assert answer("post", "201", f"/api/v1/{resource}/") == shown


def test_the_schema_is_valid_openapi(schema):
    validate_schema(schema)
