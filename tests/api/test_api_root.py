"""The API root lists the resources and where to read about them: the docs, the schema and the registry download."""

RESOURCES = ["measures", "targets", "parks", "sources", "themes", "organizations"]


def test_the_root_links_resources_docs_schema_and_download(api_client, db):
    response = api_client.get("/api/v1/")
    assert response.status_code == 200
    links = response.json()
    for resource in RESOURCES:
        assert links[resource] == f"http://testserver/api/v1/{resource}/"
    assert links["docs"] == "http://testserver/api/docs/"
    assert links["schema"] == "http://testserver/api/v1/schema/"
    assert links["export"] == "http://testserver/api/v1/export/"


def test_the_root_as_json_by_suffix_links_them_too(api_client, db):
    links = api_client.get("/api/v1/.json").json()
    assert links["export"] == "http://testserver/api/v1/export/" and links["docs"] == "http://testserver/api/docs/"


def test_every_link_answers(api_client, db):
    for name, url in api_client.get("/api/v1/").json().items():
        assert api_client.get(url.removeprefix("http://testserver")).status_code == 200, name


def test_the_root_refuses_unknown_parameters_too(api_client, db):
    response = api_client.get("/api/v1/?resource=measures")
    assert response.status_code == 400 and list(response.json()) == ["resource"]
