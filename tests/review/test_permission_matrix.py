"""The review gate, as an attacker and a curator would try it: every role on every write path and resource,
and what the public sees afterwards (in the style of NetBox's API permission tests).

A change to a published record is applied for reviewers and superusers, held as a pending revision for
curators (the public keeps the published version), and refused for everyone else.
"""

import io

import pytest
import tablib
from django.contrib.auth.models import Group, User
from django.test import Client
from rest_framework.test import APIClient

from measures.models import (
    Beneficiary,
    Indicator,
    Measure,
    Observation,
    Organization,
    Park,
    Policy,
    PolicyEvent,
    PolicyMention,
    Proposal,
    Revision,
    Source,
    Target,
    Theme,
)
from measures.resources import RESOURCES
from tests.helpers import admin_form_data, if_match

ROLES = ["anonymous", "non_staff", "staff", "curator", "reviewer", "superuser"]
# resource: (model, a published record's slug, an English field a change sets)
RESOURCES_UNDER_TEST = {
    "measures": (Measure, "ai-platform", "title_en"),
    "targets": (Target, "rd-2025", "indicator_en"),
    "parks": (Park, "haidian", "name_en"),
    "sources": (Source, "plan", "title_en"),
    "themes": (Theme, "ai", "name_en"),
    "organizations": (Organization, "commission", "name_en"),
    "policies": (Policy, "ai-programme", "name_en"),
    "observations": (Observation, "rd-2020", "notes"),
    "beneficiaries": (Beneficiary, "start-ups", "name_en"),
    "indicators": (Indicator, "rd-intensity", "name_en"),
}
REVIEWED = ["measures", "targets", "parks", "sources", "policies", "observations"]
NEW_VALUE = "Changed by the matrix"


def admin_client_as(role):
    """A test client logged in as a user of `role` (none for anonymous)."""
    user, client = make_user(role), Client()
    if user is not None:
        client.force_login(user)
    return client


def make_user(role):
    if role == "anonymous":
        return None
    if role == "superuser":
        return User.objects.create_superuser("root", password="pw-for-tests-only")
    user = User.objects.create_user(role, password="pw-for-tests-only", is_staff=role != "non_staff")
    if role in ("curator", "reviewer"):
        user.groups.add(Group.objects.get(name=role.capitalize()))
    if role == "non_staff":  # a writer's permissions without being staff
        for group in Group.objects.all():
            user.user_permissions.add(*group.permissions.all())
    return user


def expected(role, resource):
    """What a change to a published record by `role` does."""
    if role in ("reviewer", "superuser"):
        return "applied"
    if role == "curator" and resource in REVIEWED:
        return "held"
    return "refused"


def public_value(resource, slug, field):
    response = APIClient().get(f"/api/v1/{resource}/{slug}/")
    return response.json().get(field) if response.status_code == 200 else None


def assert_outcome(outcome, resource, slug, field, before, revisions_before):
    held = Revision.objects.count() - revisions_before
    assert public_value(resource, slug, field) == (NEW_VALUE if outcome == "applied" else before)
    assert held == (1 if outcome == "held" else 0)


@pytest.mark.parametrize("resource", list(RESOURCES_UNDER_TEST))
@pytest.mark.parametrize("role", ROLES)
def test_api_change_of_a_published_record(registry, role, resource):
    _, slug, field = RESOURCES_UNDER_TEST[resource]
    user, client = make_user(role), APIClient()
    client.force_authenticate(user)
    url = f"/api/v1/{resource}/{slug}/"
    before, revisions = public_value(resource, slug, field), Revision.objects.count()
    headers = if_match(APIClient(), url)
    response = client.patch(url, {field: NEW_VALUE}, format="json", **headers)
    outcome = expected(role, resource)
    assert response.status_code in {"applied": {200}, "held": {202}, "refused": {401, 403}}[outcome]
    assert_outcome(outcome, resource, slug, field, before, revisions)
    if outcome == "held":
        assert response.json()["changes"] == [{"field": field, "old": before, "new": NEW_VALUE}]


@pytest.mark.parametrize("resource", REVIEWED)
@pytest.mark.parametrize("role", ROLES)
def test_api_publish_and_delete_of_records(registry, role, resource):
    """Only reviewers publish; nobody deletes a published record (it is retracted)."""
    model, slug, _ = RESOURCES_UNDER_TEST[resource]
    user, client = make_user(role), APIClient()
    client.force_authenticate(user)
    url = f"/api/v1/{resource}/{slug}/"
    assert client.delete(url, **if_match(APIClient(), url)).status_code in (401, 403, 405)
    assert public_value(resource, slug, "slug") == slug
    model.objects.filter(slug=slug).update(review_state="draft")
    staff_headers = {"HTTP_IF_MATCH": "*"}
    response = client.patch(url, {"review_state": "published"}, format="json", **staff_headers)
    publishes = role in ("reviewer", "superuser")
    assert response.status_code in ({200} if publishes else {401, 403})
    assert public_value(resource, slug, "slug") == (slug if publishes else None)


@pytest.mark.parametrize("resource", list(RESOURCES_UNDER_TEST))
@pytest.mark.parametrize("role", ROLES)
def test_admin_form_change_of_a_published_record(registry, role, resource):
    model, slug, field = RESOURCES_UNDER_TEST[resource]
    record = model.objects.get(slug=slug)
    url = f"/admin/measures/{model._meta.model_name}/{record.pk}/change/"
    reader = Client()
    reader.force_login(User.objects.create_superuser("reader", password="pw-for-tests-only"))
    data = {**admin_form_data(reader.get(url)), field: NEW_VALUE}
    client = admin_client_as(role)
    before, revisions = public_value(resource, slug, field), Revision.objects.count()
    response = client.post(url, data)
    outcome = expected(role, resource)
    if outcome == "refused":
        assert response.status_code in (302, 403)  # to the login page, or forbidden
        assert "/admin/login/" in response.get("Location", "/admin/login/") or response.status_code == 403
    else:
        assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    assert_outcome(outcome, resource, slug, field, before, revisions)


@pytest.mark.parametrize("role", ROLES)
def test_admin_inline_change_of_a_published_target(registry, role):
    """The inline's targets pass the gate one by one; a plain Save of the measure leaves their states alone."""
    measure = registry["ai_platform"]
    url = f"/admin/measures/measure/{measure.pk}/change/"
    reader = Client()
    reader.force_login(User.objects.create_superuser("reader", password="pw-for-tests-only"))
    data = admin_form_data(reader.get(url))
    index = next(key for key, value in data.items() if key.endswith("-slug") and value == "rd-2025").split("-")[1]
    data[f"targets-{index}-indicator_en"] = NEW_VALUE
    client = admin_client_as(role)
    revisions = Revision.objects.count()
    client.post(url, data)
    outcome = expected(role, "targets")
    assert_outcome(outcome, "targets", "rd-2025", "indicator_en", "R&D intensity", revisions)
    assert set(Target.objects.filter(measure=measure).values_list("review_state", flat=True)) == {"published"}


@pytest.mark.parametrize("role", ROLES)
def test_admin_inline_change_of_a_published_policy_event(registry, role):
    """A policy's timeline on its page: each event passes the gate, as a measure's targets do."""
    policy = registry["ai_programme"]
    url = f"/admin/measures/policy/{policy.pk}/change/"
    reader = Client()
    reader.force_login(User.objects.create_superuser("reader", password="pw-for-tests-only"))
    data = admin_form_data(reader.get(url))
    assert data["mentions-0-role"] == "announces"
    data["events-0-notes"] = NEW_VALUE
    client = admin_client_as(role)
    revisions = Revision.objects.count()
    client.post(url, data)
    outcome = expected(role, "policies")
    [event] = APIClient().get("/api/v1/policies/ai-programme/").json()["events"]
    assert (event["notes"] == NEW_VALUE) == (outcome == "applied")
    assert Revision.objects.count() - revisions == (1 if outcome == "held" else 0)
    assert set(PolicyEvent.objects.values_list("review_state", flat=True)) == {"published"}


@pytest.mark.parametrize("role", ROLES)
def test_admin_inline_mention_added_to_a_published_policy_is_a_draft(registry, role):
    """A curator links another measure to a published policy: a draft mention the public does not see yet."""
    policy = registry["ai_programme"]
    url = f"/admin/measures/policy/{policy.pk}/change/"
    reader = Client()
    reader.force_login(User.objects.create_superuser("reader", password="pw-for-tests-only"))
    data = admin_form_data(reader.get(url))
    data.update(
        {
            "mentions-TOTAL_FORMS": "2",
            "mentions-1-measure": str(registry["talent_programme"].pk),
            "mentions-1-role": "restates",
            "mentions-1-notes": "",
        }
    )
    client = admin_client_as(role)
    client.post(url, data)
    adds = role in ("curator", "reviewer", "superuser")
    assert policy.mentions.filter(measure=registry["talent_programme"], review_state="draft").exists() == adds
    mentions = APIClient().get("/api/v1/policies/ai-programme/").json()["mentions"]
    assert [mention["measure"] for mention in mentions] == ["ai-platform"]


@pytest.mark.parametrize("resource", ["policies", "observations", "beneficiaries", "indicators"])
@pytest.mark.parametrize("role", ROLES)
def test_api_create_and_delete_of_new_records(registry, role, resource):
    """Curators create drafts of reviewed records (and may discard their own); vocabularies are reviewers'."""
    bodies = {
        "policies": {"slug": "new-record", "name": "新政策", "kind": "fund", "parks": ["haidian"]},
        "observations": {
            "slug": "new-record",
            "indicator": "rd-intensity",
            "value": 9.8,
            "year": 2020,
            "period_type": "annual",
            "source": "plan",
            "quote": "2020年，海淀园研发投入强度为9.8%。",
        },
        "beneficiaries": {"slug": "new-record", "name": "新群体", "parent": "enterprises"},
        "indicators": {"slug": "new-record", "name": "新指标", "unit": "家"},
    }
    model = RESOURCES_UNDER_TEST[resource][0]
    user, client = make_user(role), APIClient()
    client.force_authenticate(user)
    response = client.post(f"/api/v1/{resource}/", bodies[resource], format="json")
    creates = role in ("reviewer", "superuser") or (role == "curator" and resource in REVIEWED)
    assert response.status_code in ({201} if creates else {401, 403}), response.content
    assert model.objects.filter(slug="new-record").exists() == creates
    if creates:
        if resource in REVIEWED:
            assert response.json()["review_state"] == "draft"
            assert APIClient().get(f"/api/v1/{resource}/new-record/").status_code == 404
        url = f"/api/v1/{resource}/new-record/"
        assert client.delete(url, **if_match(client, url)).status_code == 204
        assert not model.objects.filter(slug="new-record").exists()


@pytest.mark.parametrize("resource", REVIEWED)
@pytest.mark.parametrize("role", ROLES)
def test_admin_publish_action(registry, role, resource):
    model, slug, _ = RESOURCES_UNDER_TEST[resource]
    model.objects.filter(slug=slug).update(review_state="in_review")
    client = admin_client_as(role)
    record = model.objects.get(slug=slug)
    client.post(f"/admin/measures/{model._meta.model_name}/", {"action": "publish", "_selected_action": [record.pk]})
    publishes = role in ("reviewer", "superuser")
    assert public_value(resource, slug, "slug") == (slug if publishes else None)


@pytest.mark.parametrize("resource", list(RESOURCES_UNDER_TEST))
@pytest.mark.parametrize("role", [role for role in ROLES if role != "anonymous"])
def test_import_of_a_change_to_a_published_record(registry, role, resource):
    model, slug, field = RESOURCES_UNDER_TEST[resource]
    resource_class = RESOURCES[resource]
    exported = resource_class().export(queryset=model.objects.filter(slug=slug))
    row = dict(exported.dict[0])
    row[field] = NEW_VALUE
    dataset = tablib.Dataset(headers=exported.headers)
    dataset.append([row[header] for header in exported.headers])
    before, revisions = public_value(resource, slug, field), Revision.objects.count()
    result = resource_class().import_data(dataset, dry_run=False, use_transactions=True, user=make_user(role))
    outcome = expected(role, resource)
    assert result.has_errors() == (outcome == "refused")
    assert_outcome(outcome, resource, slug, field, before, revisions)


@pytest.mark.parametrize("resource", ["measures", "targets"])
def test_a_curators_import_cannot_publish(registry, resource):
    model, slug, _ = RESOURCES_UNDER_TEST[resource]
    model.objects.filter(slug=slug).update(review_state="draft")
    exported = RESOURCES[resource]().export(queryset=model.objects.filter(slug=slug))
    row = dict(exported.dict[0], review_state="published")
    dataset = tablib.Dataset(headers=exported.headers)
    dataset.append([row[header] for header in exported.headers])
    result = RESOURCES[resource]().import_data(dataset, dry_run=False, user=make_user("curator"))
    assert result.has_errors()
    assert model.objects.get(slug=slug).review_state == "draft"


@pytest.mark.parametrize("role", ["curator", "reviewer", "superuser"])
def test_no_import_rewrites_a_sources_text(registry, role):
    exported = RESOURCES["sources"]().export(queryset=Source.objects.filter(slug="plan"))
    row = dict(exported.dict[0], text="另一段文字", sha256="0" * 64)
    dataset = tablib.Dataset(headers=exported.headers)
    dataset.append([row[header] for header in exported.headers])
    result = RESOURCES["sources"]().import_data(dataset, dry_run=False, user=make_user(role))
    assert result.has_errors() or result.has_validation_errors()
    assert Source.objects.get(slug="plan").text == registry["plan"].text


@pytest.mark.parametrize("resource", REVIEWED)
@pytest.mark.parametrize("role", ROLES)
def test_history_revert_of_a_published_record(registry, role, resource):
    model, slug, field = RESOURCES_UNDER_TEST[resource]
    record = model.objects.get(slug=slug)
    setattr(record, field, NEW_VALUE)
    record.save()  # a reviewer's published change; reverting goes back to the version before it
    old_version = record.history.order_by("history_id")[0]
    url = f"/admin/measures/{model._meta.model_name}/{record.pk}/history/{old_version.history_id}/"
    reader = Client()
    reader.force_login(User.objects.create_superuser("reader", password="pw-for-tests-only"))
    data = admin_form_data(reader.get(url))
    client = admin_client_as(role)
    revisions = Revision.objects.count()
    client.post(url, data)
    outcome = expected(role, resource)
    reverted = public_value(resource, slug, field) != NEW_VALUE
    assert reverted == (outcome == "applied")
    assert Revision.objects.count() - revisions == (1 if outcome == "held" else 0)


@pytest.mark.parametrize("role", ROLES)
def test_admin_ingest_creates_drafts_only(registry, role):
    client = admin_client_as(role)
    document = io.BytesIO("到2025年，中关村科学城研发投入强度达到6%左右。支持建设人工智能创新平台。".encode())
    document.name = "plan.txt"
    response = client.post("/admin/measures/source/ingest/", {"document": document, "title": "新文件", "kind": "plan"})
    may_ingest = role in ("curator", "reviewer", "superuser")
    assert Source.objects.filter(title="新文件").exists() == may_ingest, response.status_code
    public = APIClient()
    assert all(item["title"] != "新文件" for item in public.get("/api/v1/sources/").json()["results"])
    assert public.get("/api/v1/measures/").json()["count"] == 3
    assert public.get("/api/v1/targets/").json()["count"] == 2


def queued_proposal(registry, **fields):
    """A measure proposal in the queue of the plan's source, as ingest leaves it (unless `fields` say otherwise)."""
    source, quote = registry["plan"], "支持中关村科学城建设人工智能创新平台。"
    fields = {"data": {"title": "新平台"}, **fields}
    return Proposal.objects.create(
        source=source, kind="measure", quote=quote, quote_offset=source.text.index(quote), **fields
    )


@pytest.mark.parametrize("role", ROLES)
def test_accepting_a_proposal_from_the_queue(registry, role):
    """Accepting an ingested proposal makes a draft through the gate: the public sees nothing new either way."""
    proposal = queued_proposal(registry)
    client = admin_client_as(role)
    client.post("/admin/measures/proposal/", {"action": "accept_selected", "_selected_action": [proposal.pk]})
    accepts = role in ("curator", "reviewer", "superuser")
    assert Measure.objects.filter(title="新平台", review_state="draft").exists() == accepts
    assert APIClient().get("/api/v1/measures/").json()["count"] == 3


def accept_one_with_a_role(client, proposal):
    """The proposal's own form, filled in as a curator would see it, with a role chosen."""
    url = f"/admin/measures/proposal/{proposal.pk}/change/"
    reader = Client()
    reader.force_login(User.objects.create_superuser("reader", password="pw-for-tests-only"))
    client.post(url, {**admin_form_data(reader.get(url)), "policy_role": "implements", "_accept": "1"})


def accept_selected_with_a_role(client, proposal):
    """The list's action, with its question answered."""
    selected = {"action": "accept_linking_selected", "_selected_action": [proposal.pk], "policy_role": "implements"}
    client.post("/admin/measures/proposal/", selected)


@pytest.mark.parametrize("accept", [accept_one_with_a_role, accept_selected_with_a_role], ids=["one", "bulk"])
@pytest.mark.parametrize("role", ROLES)
def test_accepting_proposals_linked_to_the_policies_they_name(registry, role, accept):
    """The link to the policy is a draft mention through the gate too, one proposal or many: the public sees no new
    mention."""
    proposal = queued_proposal(registry, data={"title": "新平台", "policy": "ai-programme"})
    accept(admin_client_as(role), proposal)
    accepts = role in ("curator", "reviewer", "superuser")
    linked = PolicyMention.objects.filter(measure__title="新平台", role="implements", review_state="draft")
    assert linked.exists() == accepts
    mentions = APIClient().get("/api/v1/policies/ai-programme/").json()["mentions"]
    assert [mention["measure"] for mention in mentions] == ["ai-platform"]


@pytest.mark.parametrize("role", ROLES)
def test_rejecting_proposals_from_the_queue(registry, role):
    """Rejecting is reviewing the queue: curators and reviewers may, with a reason; nobody else changes a proposal."""
    proposal = queued_proposal(registry)
    client = admin_client_as(role)
    selected = {"action": "reject_selected", "_selected_action": [proposal.pk], "reason": "A heading."}
    client.post("/admin/measures/proposal/", selected)
    rejects = role in ("curator", "reviewer", "superuser")
    assert Proposal.objects.get(pk=proposal.pk).state == ("rejected" if rejects else "pending")


@pytest.mark.parametrize("role", ROLES)
def test_reopening_proposals_from_the_queue(registry, role):
    """Reopening a rejected proposal is reviewing the queue too: curators and reviewers may, nobody else."""
    proposal = queued_proposal(registry, state="rejected", reason="A kind of platform.")
    client = admin_client_as(role)
    client.post("/admin/measures/proposal/", {"action": "reopen_selected", "_selected_action": [proposal.pk]})
    reopens = role in ("curator", "reviewer", "superuser")
    assert Proposal.objects.get(pk=proposal.pk).state == ("pending" if reopens else "rejected")


@pytest.mark.parametrize("role", ROLES)
def test_approving_a_revision(registry, role):
    """Only reviewers apply a pending revision; the public sees the change only once one has."""
    url = "/api/v1/measures/ai-platform/"
    proposer = User.objects.create_user("proposer", password="pw-for-tests-only", is_staff=True)
    proposer.groups.add(Group.objects.get(name="Curator"))
    proposing = APIClient()
    proposing.force_authenticate(proposer)
    revision = proposing.patch(url, {"title_en": NEW_VALUE}, format="json", **if_match(APIClient(), url)).json()["id"]
    user, client = make_user(role), APIClient()
    client.force_authenticate(user)
    response = client.post(f"{url}revisions/{revision}/approve/")
    approves = role in ("reviewer", "superuser")
    assert response.status_code in ({200} if approves else {401, 403})
    assert Revision.objects.get(pk=revision).state == ("approved" if approves else "pending")
    assert (public_value("measures", "ai-platform", "title_en") == NEW_VALUE) == approves
