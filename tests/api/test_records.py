"""The read path the API serves (measures.api.records) returns exactly what the serializers define, to whoever asks."""

import json
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from measures.api.records import measure_records, measures_for_serializer, target_records, targets_for_serializer
from measures.api.serializers import MeasureSerializer, TargetSerializer
from measures.models import Measure, Target
from measures.review import visible
from tests import factories


def exactly(data):
    """The data as text that also tells apart types JSON would merge (a Decimal and a float, say)."""
    return json.dumps(data, ensure_ascii=False, default=repr)


def serialized(serializer_class, queryset, user):
    request = Request(APIRequestFactory().get("/"))
    request.user = user
    return serializer_class(queryset, many=True, context={"request": request}).data


def measures_both_ways(user):
    measures = visible(Measure.objects.all(), user)
    oracle = measures_for_serializer(measures, user)
    slugs = list(measures.values_list("slug", flat=True))
    return measure_records(measures, slugs, user), serialized(MeasureSerializer, oracle, user)


def targets_both_ways(user):
    targets = visible(Target.objects.all(), user)
    slugs = list(targets.values_list("slug", flat=True))
    return target_records(targets, slugs, user), serialized(
        TargetSerializer, targets_for_serializer(targets, user), user
    )


@pytest.fixture
def with_drafts(registry):
    """Links to records the public may not see, from records it may, and the other way round."""
    draft_park = factories.ParkFactory(slug="draft-park", review_state="draft")
    draft_package = factories.MeasureFactory(slug="draft-package", source=registry["plan"], review_state="draft")
    ai_platform = registry["ai_platform"]
    ai_platform.parent = draft_package
    ai_platform.funding_amount = Decimal("1250.50")
    ai_platform.save()
    ai_platform.parks.add(draft_park)
    draft = factories.TargetFactory(
        slug="draft-target", source=registry["plan"], measure=ai_platform, review_state="draft"
    )
    factories.TargetFactory(slug="in-draft-park", source=registry["plan"], measure=ai_platform, park=draft_park)
    factories.TargetFactory(slug="of-draft-package", source=registry["plan"], measure=draft_package)
    unattached = factories.TargetFactory(slug="unattached", source=registry["plan"], measure=None, park=None)
    factories.TargetFactory(
        slug="draft-successor", source=registry["plan"], supersedes=unattached, review_state="draft"
    )
    factories.TargetFactory(slug="successor", source=registry["plan"], supersedes=unattached)
    factories.TargetFactory(slug="after-a-draft", source=registry["plan"], supersedes=draft)
    return registry


@pytest.fixture(params=["anonymous", "staff"])
def user(request, db):
    if request.param == "anonymous":
        return AnonymousUser()
    return get_user_model().objects.create_user("curator", is_staff=True)


def test_measures_match_the_serializer(with_drafts, user):
    records, expected = measures_both_ways(user)
    assert len(records) == (4 if user.is_staff else 3)
    assert exactly(records) == exactly(expected)


def test_targets_match_the_serializer(with_drafts, user):
    records, expected = targets_both_ways(user)
    assert len(records) == (9 if user.is_staff else 7)
    assert exactly(records) == exactly(expected)


def test_the_public_sees_no_link_to_a_draft(with_drafts):
    measures, _ = measures_both_ways(AnonymousUser())
    ai_platform = next(record for record in measures if record["slug"] == "ai-platform")
    assert ai_platform["parent"] is None
    assert "draft-park" not in [park["slug"] for park in ai_platform["parks"]]
    assert [target["slug"] for target in ai_platform["targets"]] == ["firms-2035", "in-draft-park", "rd-2025"]
    assert next(t for t in ai_platform["targets"] if t["slug"] == "in-draft-park")["park"] is None
    targets, _ = targets_both_ways(AnonymousUser())
    assert next(t for t in targets if t["slug"] == "of-draft-package")["measure"] is None
    assert next(t for t in targets if t["slug"] == "unattached")["superseded_by"] == ["successor"]
    assert next(t for t in targets if t["slug"] == "after-a-draft")["supersedes"] is None


def test_records_come_in_the_order_asked_and_skip_what_is_not_there(registry):
    user = AnonymousUser()
    measures = visible(Measure.objects.all(), user)
    asked = ["talent-programme", "no-such-measure", "ai-platform"]
    assert [record["slug"] for record in measure_records(measures, asked, user)] == ["talent-programme", "ai-platform"]


def test_the_seed_matches_the_serializer(seeded_registry, db):
    staff = get_user_model().objects.create_user("reviewer", is_staff=True)
    for both_ways in (measures_both_ways, targets_both_ways):
        records, expected = both_ways(staff)
        assert len(records) > 30
        assert exactly(records) == exactly(expected)
