"""The OpenAPI schema documents the contract, and the docs UI works without the internet."""

import pytest


@pytest.fixture
def schema(openapi_schema):
    return openapi_schema


def test_schema_documents_the_page_size_limit(schema):
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/measures/"]["get"]["parameters"]}
    assert parameters["page_size"]["schema"]["maximum"] == 500
    assert "400" in parameters["page_size"]["description"]
    for name in [
        "q",
        "source",
        "park",
        "theme",
        "organization",
        "status",
        "instrument",
        "year",
        "start_year_min",
        "start_year_max",
        "has_targets",
        "updated_since",
        "ordering",
    ]:
        assert name in parameters, name


def test_schema_documents_errors_in_the_shape_they_come_in(schema):
    responses = schema["paths"]["/api/v1/measures/"]["get"]["responses"]
    assert list(responses["400"]["content"]) == ["application/json"]  # from the app
    assert list(responses["414"]["content"]) == ["text/html"]  # from the HTTP server, before the app


def test_schema_lists_every_resource_by_slug(schema):
    for resource in ["measures", "targets", "parks", "sources", "themes", "organizations"]:
        assert f"/api/v1/{resource}/" in schema["paths"]
        assert f"/api/v1/{resource}/{{slug}}/" in schema["paths"]


def test_docs_ui_is_served_from_local_static_files(api_client, db):
    page = api_client.get("/api/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in page
    assert "//cdn" not in page and "unpkg" not in page
    asset = api_client.get("/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js")
    assert asset.status_code == 200
