"""A JSON body nested too deeply is a 400 naming the problem, not a 500 from Python's recursion limit."""

import pytest
from django.contrib.auth.models import User

from measures.api.parsers import nesting_depth

DEEP = "[" * 50_000 + "]" * 50_000


@pytest.fixture
def superuser(api_client, registry):
    api_client.force_authenticate(User.objects.create_superuser("boss", password="pw-for-tests-only"))
    return api_client


@pytest.mark.parametrize("body", [DEEP, '{"a":' * 50_000 + "1" + "}" * 50_000, "[" * 50_000])
def test_a_deeply_nested_body_is_a_400(superuser, body):
    response = superuser.post("/api/v1/measures/", data=body, content_type="application/json")
    assert response.status_code == 400
    assert "nested" in response.json()["detail"]


def test_a_deeply_nested_body_from_the_public_is_refused_unread(api_client, registry):
    response = api_client.post("/api/v1/measures/", data=DEEP, content_type="application/json")
    assert response.status_code == 403  # permissions are checked before the body is read
    assert response["Content-Type"] == "application/json"


def test_a_deeply_nested_body_from_a_user_without_permission(api_client, registry):
    api_client.force_authenticate(User.objects.create_user("reader", password="pw-for-tests-only"))
    response = api_client.post("/api/v1/measures/", data=DEEP, content_type="application/json")
    assert response.status_code == 403 and response["Content-Type"] == "application/json"


def test_a_deeply_nested_patch(superuser):
    response = superuser.patch("/api/v1/measures/ai-platform/", data=DEEP, content_type="application/json")
    assert response.status_code == 400 and "nested" in response.json()["detail"]


def test_an_ordinary_body_still_works(superuser, registry):
    url = "/api/v1/measures/ai-platform/"
    etag = superuser.get(url)["ETag"]
    response = superuser.patch(url, {"title_en": "Nested [{not}] really"}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 200, response.content
    assert response.json()["title_en"] == "Nested [{not}] really"


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("1", 0),
        ("[]", 1),
        ('{"a": [1, {"b": 2}]}', 3),
        ('"[[[[["', 0),
        ('["\\"[[[", {"x": "]]]"}]', 2),
        ("[" * 40 + "]" * 40, 40),
    ],
)
def test_nesting_depth(text, depth):
    assert nesting_depth(text) == depth
