"""What the public may not see does not show through another door: a filter's matches, or a record's history."""

import pytest
from django.contrib.auth.models import AnonymousUser, User

from measures.filters import MeasureFilter
from measures.models import Measure
from measures.review import visible
from tests import factories
from tests.helpers import slugs


@pytest.fixture
def staff(db):
    return User.objects.create_user("curator", is_staff=True)


@pytest.fixture
def member(db):
    return User.objects.create_user("member")


@pytest.fixture(params=["anonymous", "member"])
def public(request, client, member):
    """The public: anonymous, or logged in without staff rights."""
    if request.param == "member":
        client.force_authenticate(member)
    return client


@pytest.fixture
def hidden_targets(registry):
    """Published measures whose only targets the public may not see: a draft, and a target of a draft source."""
    factories.TargetFactory(
        slug="draft-target", source=registry["plan"], measure=registry["old_pilot"], review_state="draft"
    )
    draft_source = factories.SourceFactory(slug="draft-source", review_state="draft")
    factories.TargetFactory(slug="of-draft-source", source=draft_source, measure=registry["talent_programme"])
    return registry


def test_has_targets_counts_only_targets_the_public_may_see(public, hidden_targets):
    assert slugs(public.get("/api/v1/measures/?has_targets=true")) == ["ai-platform"]
    assert slugs(public.get("/api/v1/measures/?has_targets=false")) == ["old-pilot", "talent-programme"]
    assert public.get("/api/v1/measures/?has_targets=true").json()["count"] == 1


def test_has_targets_counts_every_target_for_staff(client, hidden_targets, staff):
    client.force_authenticate(staff)
    assert slugs(client.get("/api/v1/measures/?has_targets=true")) == ["ai-platform", "old-pilot", "talent-programme"]
    assert slugs(client.get("/api/v1/measures/?has_targets=false")) == []


def test_has_targets_without_a_request_is_the_public_view(hidden_targets):
    measures = visible(Measure.objects.all(), AnonymousUser())
    assert [m.slug for m in MeasureFilter({"has_targets": "true"}, measures).qs] == ["ai-platform"]
