"""Every change is kept with who, when and what: in the admin (with diff and revert) and over the API."""

import pytest
from django.contrib.auth.models import User

from measures.models import Measure
from tests.helpers import if_match


@pytest.fixture
def reviewer(db):
    return User.objects.create_superuser("reviewer", password="pw-for-tests-only")


def test_api_history_lists_changes_newest_first(api_client, registry, reviewer):
    api_client.force_authenticate(reviewer)
    url = "/api/v1/measures/old-pilot/"
    api_client.patch(url, {"title_en": "Investment-loan linkage pilot"}, format="json", **if_match(api_client, url))
    history = api_client.get("/api/v1/measures/old-pilot/history/").json()
    newest = history["results"][0]
    assert newest["kind"] == "changed" and newest["user"] == "reviewer"
    assert {"field": "title_en", "old": "Investment-loan pilot", "new": "Investment-loan linkage pilot"} in newest[
        "changes"
    ]
    assert history["results"][-1]["kind"] == "created"


@pytest.mark.parametrize("resource", ["measures/old-pilot", "targets/rd-2025", "parks/haidian", "sources/plan"])
def test_history_endpoints_exist_and_hide_users_from_the_public(api_client, registry, resource):
    response = api_client.get(f"/api/v1/{resource}/history/")
    assert response.status_code == 200
    assert all(entry["user"] is None for entry in response.json()["results"])


def test_admin_history_shows_the_diff_and_reverts(api_client, registry, reviewer):
    api_client.force_login(reviewer)
    measure = registry["old_pilot"]
    measure.title = "改过的标题"
    measure.save()
    page = api_client.get(f"/admin/measures/measure/{measure.pk}/history/").content.decode()
    assert "改过的标题" in page and "投贷联动试点" in page
    first = measure.history.earliest()
    revert_page = api_client.get(f"/admin/measures/measure/{measure.pk}/history/{first.history_id}/")
    assert revert_page.status_code == 200
    form = revert_page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data.update({k: v if v is not None else "" for k, v in data.items()})
    data.update({"targets-TOTAL_FORMS": "0", "targets-INITIAL_FORMS": "0"})
    data["themes"] = [t.pk for t in measure.themes.all()]
    data["parks"] = [p.pk for p in measure.parks.all()]
    data["organizations"] = []
    response = api_client.post(f"/admin/measures/measure/{measure.pk}/history/{first.history_id}/", data)
    assert response.status_code == 302
    assert Measure.objects.get(pk=measure.pk).title == "投贷联动试点"


def test_a_record_created_without_history_has_none(api_client, registry):
    """Bulk-created records (bench/fill.py) have no history rows; their history is empty, not a 500."""
    registry["old_pilot"].history.all().delete()
    response = api_client.get("/api/v1/measures/old-pilot/history/")
    assert response.status_code == 200
    assert response.json()["results"] == []
