"""The review gate's promises that are not one role on one path: revisions approved and rejected, stale
revisions, drafts discarded by their owners, links protected, and the invariant over random action sequences."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.db import transaction
from django.db.models import ProtectedError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.test import APIClient

from measures import review
from measures.models import Measure, Revision
from tests import factories
from tests.helpers import if_match

URL = "/api/v1/measures/ai-platform/"


def staff_in(group_name, name=None):
    user = User.objects.create_user(name or group_name.lower(), password="pw-for-tests-only", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def api_as(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def propose_title(curator, title):
    response = api_as(curator).patch(URL, {"title_en": title}, format="json", **if_match(APIClient(), URL))
    assert response.status_code == 202, response.content
    return response.json()


def test_a_reviewer_approves_a_revision_and_history_names_both(registry):
    curator, reviewer = staff_in("Curator"), staff_in("Reviewer")
    revision = propose_title(curator, "Proposed title")
    listed = api_as(curator).get(f"{URL}revisions/").json()
    assert [item["id"] for item in listed] == [revision["id"]] and listed[0]["stale"] is False
    assert api_as(curator).post(f"{URL}revisions/{revision['id']}/approve/").status_code == 403
    response = api_as(reviewer).post(f"{URL}revisions/{revision['id']}/approve/")
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "approved" and response.json()["reviewer"] == "reviewer"
    assert APIClient().get(URL).json()["title_en"] == "Proposed title"
    latest = Measure.objects.get(slug="ai-platform").history.latest()
    assert latest.history_user == reviewer and "by curator" in latest.history_change_reason


def test_a_rejection_needs_a_comment_the_author_reads(registry):
    curator, reviewer = staff_in("Curator"), staff_in("Reviewer")
    revision = propose_title(curator, "Proposed title")
    url = f"{URL}revisions/{revision['id']}/reject/"
    assert api_as(reviewer).post(url, {"comment": " "}, format="json").status_code == 400
    response = api_as(reviewer).post(url, {"comment": "Not what the source says."}, format="json")
    assert response.status_code == 200 and response.json()["state"] == "rejected"
    mine = api_as(curator).get(f"{URL}revisions/").json()[0]
    assert mine["comment"] == "Not what the source says."
    assert APIClient().get(URL).json()["title_en"] == "Build an AI innovation platform"


def test_a_stale_revision_cannot_be_applied(registry):
    curator, reviewer = staff_in("Curator"), staff_in("Reviewer")
    revision = propose_title(curator, "Proposed title")
    api_as(reviewer).patch(URL, {"summary_en": "A reviewer's edit"}, format="json", **if_match(APIClient(), URL))
    assert api_as(curator).get(f"{URL}revisions/").json()[0]["stale"] is True
    response = api_as(reviewer).post(f"{URL}revisions/{revision['id']}/approve/")
    assert response.status_code == 409
    assert APIClient().get(URL).json()["title_en"] == "Build an AI innovation platform"


def test_revisions_are_for_staff_only(registry):
    propose_title(staff_in("Curator"), "Proposed title")
    assert APIClient().get(f"{URL}revisions/").status_code in (401, 403)


def test_the_admin_queue_shows_a_diff_and_approves(registry, api_client):
    from django.test import Client

    revision_id = propose_title(staff_in("Curator"), "Proposed title")["id"]
    browser = Client()
    browser.force_login(staff_in("Reviewer"))
    page = browser.get(f"/admin/measures/revision/{revision_id}/change/").content.decode()
    assert "Build an AI innovation platform" in page and "Proposed title" in page and "_approve" in page
    browser.post(f"/admin/measures/revision/{revision_id}/change/", {"comment": "", "_approve": "1"})
    assert Revision.objects.get(pk=revision_id).state == "approved"
    assert APIClient().get(URL).json()["title_en"] == "Proposed title"


def test_a_curator_discards_own_drafts_only(registry):
    curator, other = staff_in("Curator"), staff_in("Curator", "other-curator")
    body = {
        "slug": "mine",
        "title": "草稿",
        "source": "plan",
        "quote": "研发投入强度达到12%左右",
        "instrument": "other",
    }
    assert api_as(curator).post("/api/v1/measures/", body, format="json").status_code == 201
    url = "/api/v1/measures/mine/"
    assert api_as(other).delete(url, **if_match(api_as(other), url)).status_code == 403
    assert api_as(curator).delete(url, **if_match(api_as(curator), url)).status_code == 204
    once_published = factories.MeasureFactory(slug="once", source=registry["plan"], created_by=curator)
    once_published.review_state = "draft"
    once_published.save()
    url = "/api/v1/measures/once/"
    assert api_as(curator).delete(url, **if_match(api_as(curator), url)).status_code == 403


@pytest.mark.parametrize(("resource", "slug"), [("themes", "ai"), ("organizations", "commission")])
def test_deleting_a_linked_vocabulary_record_is_a_conflict(registry, resource, slug):
    reviewer = staff_in("Reviewer")
    history_before = Measure.objects.get(slug="ai-platform").history.count()
    url = f"/api/v1/{resource}/{slug}/"
    response = api_as(reviewer).delete(url, **if_match(APIClient(), url))
    assert response.status_code == 409
    assert APIClient().get(url).status_code == 200
    assert Measure.objects.get(slug="ai-platform").history.count() == history_before


def test_a_draft_parks_deletion_does_not_unlink_published_measures(registry):
    registry["changping"].review_state = "draft"
    registry["changping"].save()
    url = "/api/v1/parks/changping/"
    response = api_as(staff_in("Reviewer")).delete(url, **if_match(api_as(staff_in("Curator")), url))
    assert response.status_code == 409
    assert list(Measure.objects.get(slug="talent-programme").parks.values_list("slug", flat=True)) == ["changping"]


ROLES = ["curator", "reviewer", "staff"]
ACTIONS = ["edit", "submit", "publish", "retract", "approve", "reject", "discard"]
SLUGS = ["ai-platform", "talent-programme", "old-pilot"]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.sampled_from(ROLES), st.sampled_from(ACTIONS), st.sampled_from(SLUGS)), max_size=12))
def test_the_public_sees_the_last_state_a_reviewer_published(registry, steps):
    """Whatever anyone does, in any order, the public view of a record changes only when a reviewer acts."""
    cache.clear()  # the public's reads are throttled; each example starts uncounted
    with transaction.atomic():
        users = {"curator": staff_in("Curator"), "reviewer": staff_in("Reviewer")}
        users["staff"] = User.objects.create_user("staff", is_staff=True)
        expected = {slug: public_view(slug) for slug in SLUGS}
        for number, (role, action, slug) in enumerate(steps):
            user = users[role]
            act(user, action, slug, f"{role} {number}")
            if review.can_publish(user, Measure):
                record = Measure.objects.filter(slug=slug).first()
                expected[slug] = (
                    (record.title_en, record.status) if record and record.review_state == "published" else None
                )
            for each in SLUGS:
                assert public_view(each) == expected[each], (steps[: number + 1], each)
        transaction.set_rollback(True)


def public_view(slug):
    response = APIClient().get(f"/api/v1/measures/{slug}/")
    assert response.status_code in (200, 404), response.content
    return (response.json()["title_en"], response.json()["status"]) if response.status_code == 200 else None


def act(user, action, slug, label):
    """One action through the gate, as the API or admin would call it; a refusal is an allowed outcome."""
    record = Measure.objects.filter(slug=slug).first()
    if record is None:
        return
    states = {"submit": "in_review", "publish": "published", "retract": "retracted"}
    pending = record.revisions.filter(state="pending").first()
    try:
        with transaction.atomic():
            if action == "edit":
                review.change(user, record, {"title_en": label, "status": "in_force"})
            elif action in states:
                review.move(user, [record], states[action])
            elif action == "approve" and pending:
                review.approve(user, pending)
            elif action == "reject" and pending:
                review.reject(user, pending, "no")
            elif action == "discard":
                review.discard(user, record)
    except (review.PermissionDenied, review.StaleRevision, ProtectedError):  # a mentioned measure is not deleted
        pass
