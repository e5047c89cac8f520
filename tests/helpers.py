"""Assertions shared by the API tests."""


def slugs(response):
    assert response.status_code == 200, response.content
    return sorted(item["slug"] for item in response.json()["results"])


def if_match(client, url):
    """The If-Match header a careful client sends: the ETag of the record as it last read it."""
    response = client.get(url)
    assert response.status_code == 200, response.content
    return {"HTTP_IF_MATCH": response["ETag"]}
