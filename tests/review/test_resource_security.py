"""For every resource: anonymous reads allowed, anonymous writes refused, writes need the model permission,
and fields a client must not set are ignored."""

import pytest
from django.contrib.auth.models import Permission, User

from tests.helpers import if_match

NEW = {
    "measures": {
        "slug": "new",
        "title": "新措施",
        "source": "plan",
        "quote": "研发投入强度达到12%左右",
        "instrument": "programme",
        "status": "planned",
    },
    "targets": {
        "slug": "new",
        "indicator": "指标",
        "comparator": "about",
        "value": 1,
        "unit": "%",
        "target_year": 2025,
        "source": "plan",
        "quote": "研发投入强度达到12%左右",
    },
    "parks": {"slug": "new", "name": "新园区", "kind": "specialty_park", "parent": "haidian"},
    "themes": {"slug": "new", "name": "新主题"},
    "organizations": {"slug": "new", "name": "新机构", "kind": "agency"},
}
EXISTING = {
    "measures": "old-pilot",
    "targets": "rd-2025",
    "parks": "changping",
    "themes": "talent",
    "organizations": "commission",
    "sources": "report",
}
MODEL = {
    "measures": "measure",
    "targets": "target",
    "parks": "park",
    "themes": "theme",
    "organizations": "organization",
    "sources": "source",
}


def user_with(*codenames):
    user = User.objects.create_user(f"user-{User.objects.count()}", password="pw-for-tests-only", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return user


@pytest.mark.parametrize("resource", list(EXISTING))
def test_anonymous_reads_lists_and_details(api_client, registry, resource):
    assert api_client.get(f"/api/v1/{resource}/").status_code == 200
    assert api_client.get(f"/api/v1/{resource}/{EXISTING[resource]}/").status_code == 200


@pytest.mark.parametrize("resource", list(EXISTING))
def test_anonymous_writes_are_refused(api_client, registry, resource):
    url = f"/api/v1/{resource}/{EXISTING[resource]}/"
    assert api_client.post(f"/api/v1/{resource}/", NEW.get(resource, {}), format="json").status_code in (401, 403, 405)
    assert api_client.patch(url, {"notes": "x"}, format="json", **if_match(api_client, url)).status_code in (401, 403)
    assert api_client.delete(url, **if_match(api_client, url)).status_code in (401, 403, 405)


@pytest.mark.parametrize("resource", list(NEW))
def test_create_needs_the_add_permission(api_client, registry, resource):
    api_client.force_authenticate(user_with(f"change_{MODEL[resource]}"))
    assert api_client.post(f"/api/v1/{resource}/", NEW[resource], format="json").status_code == 403
    api_client.force_authenticate(user_with(f"add_{MODEL[resource]}"))
    response = api_client.post(f"/api/v1/{resource}/", NEW[resource], format="json")
    assert response.status_code == 201, response.content


@pytest.mark.parametrize("resource", list(EXISTING))
def test_update_needs_the_change_permission_and_ignores_read_only_fields(api_client, registry, resource):
    url = f"/api/v1/{resource}/{EXISTING[resource]}/"
    api_client.force_authenticate(user_with(f"view_{MODEL[resource]}"))
    assert api_client.patch(url, {}, format="json", **if_match(api_client, url)).status_code == 403
    api_client.force_authenticate(user_with(f"change_{MODEL[resource]}"))
    before = api_client.get(url).json()
    sneaky = {
        "id": 999,
        "created_at": "2000-01-01T00:00:00Z",
        "updated_at": "2000-01-01T00:00:00Z",
        "sha256": "0" * 64,
        "targets": [{"slug": "x"}],
    }
    response = api_client.patch(url, sneaky, format="json", **if_match(api_client, url))
    assert response.status_code == 200, response.content
    after = api_client.get(url).json()
    for field in ("created_at", "sha256", "targets"):
        assert after.get(field) == before.get(field)
