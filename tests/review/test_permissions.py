"""Reads are public; writes need an authenticated user holding the model permission (session or token)."""

import pytest
from django.contrib.auth.models import Permission, User
from rest_framework.authtoken.models import Token

from tests.helpers import if_match

NEW_MEASURE = {
    "slug": "new-measure",
    "title": "新措施",
    "title_en": "New measure",
    "source": "plan",
    "quote": "研发投入强度达到12%左右",
    "instrument": "programme",
    "status": "planned",
    "parks": ["haidian"],
}


@pytest.fixture
def user(db):
    return User.objects.create_user("curator", password="pw-for-tests-only", is_staff=True)


@pytest.mark.parametrize("resource", ["measures", "targets", "parks", "sources", "themes", "organizations"])
def test_anonymous_reads(api_client, registry, resource):
    assert api_client.get(f"/api/v1/{resource}/").status_code == 200


def test_anonymous_write_is_refused(api_client, registry):
    assert api_client.post("/api/v1/measures/", NEW_MEASURE, format="json").status_code in (401, 403)
    assert api_client.delete("/api/v1/measures/old-pilot/").status_code in (401, 403)


def test_user_without_permission_is_forbidden(api_client, registry, user):
    api_client.force_authenticate(user)
    assert api_client.get("/api/v1/measures/").status_code == 200
    assert api_client.post("/api/v1/measures/", NEW_MEASURE, format="json").status_code == 403


def test_token_user_with_permission_creates_a_draft_and_quote_offset_is_found(api_client, registry, user):
    user.is_staff = True
    user.save()
    user.user_permissions.add(Permission.objects.get(codename="add_measure"))
    token = Token.objects.create(user=user)
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    response = api_client.post("/api/v1/measures/", NEW_MEASURE, format="json")
    assert response.status_code == 201, response.content
    created = api_client.get("/api/v1/measures/new-measure/").json()
    assert created["parks"] == [{"slug": "haidian", "name": "海淀园", "name_en": registry["haidian"].name_en}]
    assert created["quote_offset"] == registry["plan"].text.index(NEW_MEASURE["quote"])
    assert created["review_state"] == "draft"


def test_session_user_with_permission_updates_and_deletes(api_client, registry, user):
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["change_measure", "delete_measure", "publish_measure"])
    )
    api_client.force_login(user)
    url = "/api/v1/measures/old-pilot/"
    response = api_client.patch(url, {"status": "superseded"}, format="json", **if_match(api_client, url))
    assert response.status_code == 200, response.content
    assert api_client.get("/api/v1/measures/old-pilot/").json()["status"] == "superseded"
    response = api_client.delete(url, **if_match(api_client, url))
    assert response.status_code == 403, "a published record is retracted, not deleted"
    api_client.patch(url, {"review_state": "retracted"}, format="json", **if_match(api_client, url))
    assert api_client.delete(url, **if_match(api_client, url)).status_code == 204


def test_deleting_a_protected_record_is_a_conflict_not_a_500(api_client, registry, user):
    user.user_permissions.add(Permission.objects.get(codename="delete_park"))
    api_client.force_authenticate(user)
    registry["haidian"].review_state = "retracted"
    registry["haidian"].save()
    response = api_client.delete("/api/v1/parks/haidian/", **if_match(api_client, "/api/v1/parks/haidian/"))
    assert response.status_code == 409
    assert "detail" in response.json()


def test_sources_are_not_created_or_deleted_over_the_api(api_client, registry, user):
    user.is_superuser = True
    user.save()
    api_client.force_authenticate(user)
    assert api_client.post("/api/v1/sources/", {"slug": "x"}, format="json").status_code == 405
    assert api_client.delete("/api/v1/sources/plan/").status_code == 405
    url = "/api/v1/sources/plan/"
    response = api_client.patch(
        url, {"sha256": "0" * 64, "notes": "checked"}, format="json", **if_match(api_client, url)
    )
    assert response.status_code == 200
    assert response.json()["notes"] == "checked" and response.json()["sha256"] == registry["plan"].sha256
