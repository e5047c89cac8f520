"""Review states: the public sees published records only; curators submit, reviewers publish and retract."""

import io
import json
import zipfile

import pytest
from django.contrib.auth.models import Group, User

from measures.models import Measure, Park, Target
from tests import factories
from tests.helpers import if_match, slugs

DRAFT = "/api/v1/measures/draft-measure/"


@pytest.fixture
def drafts(registry):
    """A draft measure with a draft target, a published measure's draft target, and a draft park."""
    draft = factories.MeasureFactory(slug="draft-measure", source=registry["plan"], review_state="draft")
    factories.TargetFactory(slug="draft-target", source=registry["plan"], measure=draft, review_state="draft")
    factories.TargetFactory(
        slug="hidden-target", source=registry["plan"], measure=registry["ai_platform"], review_state="in_review"
    )
    hidden_park = factories.ParkFactory(slug="hidden-park", parent=registry["zone"], review_state="draft")
    registry["ai_platform"].parks.add(hidden_park)
    return registry


def staff_in(group_name):
    user = User.objects.create_user(group_name.lower(), password="pw-for-tests-only", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_anonymous_lists_details_children_filters_and_counts_show_published_only(api_client, drafts):
    assert slugs(api_client.get("/api/v1/measures/")) == ["ai-platform", "old-pilot", "talent-programme"]
    assert api_client.get("/api/v1/measures/").json()["count"] == 3
    assert api_client.get("/api/v1/measures/draft-measure/").status_code == 404
    platform = api_client.get("/api/v1/measures/ai-platform/").json()
    assert {t["slug"] for t in platform["targets"]} == {"rd-2025", "firms-2035"}
    assert "hidden-park" not in {p["slug"] for p in platform["parks"]}
    assert "draft-target" not in slugs(api_client.get("/api/v1/targets/"))
    assert "hidden-park" not in slugs(api_client.get("/api/v1/parks/?page_size=500"))
    assert api_client.get("/api/v1/measures/?park=hidden-park").status_code == 400
    assert api_client.get("/api/v1/measures/?review_state=draft").json()["count"] == 0
    csv_body = b"".join(api_client.get("/api/v1/measures/?format=csv").streaming_content).decode()
    assert "draft-measure" not in csv_body and "hidden-park" not in csv_body


def test_staff_see_every_state_and_filter_by_it(api_client, drafts):
    api_client.force_authenticate(staff_in("Curator"))
    assert slugs(api_client.get("/api/v1/measures/?review_state=draft")) == ["draft-measure"]
    assert slugs(api_client.get("/api/v1/targets/?review_state=draft,in_review")) == ["draft-target", "hidden-target"]
    assert slugs(api_client.get("/api/v1/parks/?review_state=draft")) == ["hidden-park"]


def test_the_seed_publishes_what_it_loads(seeded_registry, db):
    assert not Measure.objects.exclude(review_state="published").exists()
    assert not Target.objects.exclude(review_state="published").exists()


def test_curator_may_submit_but_not_publish_over_the_api(api_client, drafts):
    api_client.force_authenticate(staff_in("Curator"))
    assert (
        api_client.patch(DRAFT, {"review_state": "in_review"}, format="json", **if_match(api_client, DRAFT)).status_code
        == 200
    )
    response = api_client.patch(DRAFT, {"review_state": "published"}, format="json", **if_match(api_client, DRAFT))
    assert response.status_code == 403
    assert Measure.objects.get(slug="draft-measure").review_state == "in_review"


def test_reviewer_may_publish_over_the_api(api_client, drafts):
    api_client.force_authenticate(staff_in("Reviewer"))
    response = api_client.patch(DRAFT, {"review_state": "published"}, format="json", **if_match(api_client, DRAFT))
    assert response.status_code == 200
    api_client.force_authenticate(None)
    assert api_client.get("/api/v1/measures/draft-measure/").status_code == 200


def admin_action(api_client, action, slugs_):
    ids = [Measure.objects.get(slug=slug).pk for slug in slugs_]
    return api_client.post("/admin/measures/measure/", {"action": action, "_selected_action": ids})


def test_admin_curator_cannot_publish_by_action_or_form(api_client, drafts):
    api_client.force_login(staff_in("Curator"))
    assert "publish" not in api_client.get("/admin/measures/measure/").content.decode().split('name="action"')[1][:2000]
    admin_action(api_client, "publish", ["draft-measure"])
    assert Measure.objects.get(slug="draft-measure").review_state == "draft"
    form_page = api_client.get(f"/admin/measures/measure/{Measure.objects.get(slug='draft-measure').pk}/change/")
    options = form_page.content.decode().split('name="review_state"')[1].split("</select>")[0]
    assert 'value="in_review"' in options and 'value="published"' not in options
    admin_action(api_client, "submit_for_review", ["draft-measure"])
    assert Measure.objects.get(slug="draft-measure").review_state == "in_review"
    assert Target.objects.get(slug="draft-target").review_state == "in_review"  # submitted with its measure


def test_admin_reviewer_publishes_and_retracts(api_client, drafts):
    api_client.force_login(staff_in("Reviewer"))
    Measure.objects.filter(slug="draft-measure").update(review_state="in_review")
    Target.objects.filter(slug="draft-target").update(review_state="in_review")
    admin_action(api_client, "publish", ["draft-measure"])
    assert Measure.objects.get(slug="draft-measure").review_state == "published"
    assert Target.objects.get(slug="draft-target").review_state == "published"
    admin_action(api_client, "retract", ["draft-measure"])
    assert Measure.objects.get(slug="draft-measure").review_state == "retracted"


def test_whole_registry_export_is_a_zip_of_csvs_with_a_dictionary(api_client, drafts):
    response = api_client.get("/api/v1/export/")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(archive.namelist())
    for name in ("measures", "targets", "parks", "sources", "themes", "organizations"):
        assert f"{name}.csv" in names
    assert {"data-dictionary.csv", "metadata.json"} <= names
    metadata = json.loads(archive.read("metadata.json"))
    assert metadata["last_updated"] and metadata["counts"]["measures"] == 3
    measures_csv = archive.read("measures.csv").decode("utf-8-sig")
    assert "draft-measure" not in measures_csv and "hidden-park" not in measures_csv
    assert "hidden-park" not in archive.read("parks.csv").decode("utf-8-sig")
    assert "quote" in archive.read("data-dictionary.csv").decode("utf-8-sig")


def test_park_review_state_is_guarded_and_an_unpublished_parent_is_hidden(api_client, drafts):
    child = drafts["changping"]
    child.parent = Park.objects.get(slug="hidden-park")
    child.save()
    assert api_client.get("/api/v1/parks/changping/").json()["parent"] is None
    api_client.force_authenticate(staff_in("Curator"))
    assert api_client.get("/api/v1/parks/changping/").json()["parent"] == "hidden-park"
    url = "/api/v1/parks/hidden-park/"
    assert (
        api_client.patch(url, {"review_state": "published"}, format="json", **if_match(api_client, url)).status_code
        == 403
    )
    assert api_client.patch(url, {"parent": ""}, format="json", **if_match(api_client, url)).status_code == 400
