"""Assertions shared by the API tests."""


def slugs(response):
    assert response.status_code == 200, response.content
    return sorted(item["slug"] for item in response.json()["results"])
