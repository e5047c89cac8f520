"""What the public may not see does not show through another door: a filter's matches, or a record's history."""

import json

import pytest
from django.contrib.auth.models import AnonymousUser

from measures.api.filters import MeasureFilter
from measures.models import Measure
from measures.review import visible
from tests import factories
from tests.helpers import slugs


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


def test_has_targets_counts_every_target_for_staff(api_client, hidden_targets, staff):
    api_client.force_authenticate(staff)
    assert slugs(api_client.get("/api/v1/measures/?has_targets=true")) == [
        "ai-platform",
        "old-pilot",
        "talent-programme",
    ]
    assert slugs(api_client.get("/api/v1/measures/?has_targets=false")) == []


def test_has_targets_without_a_request_is_the_public_view(hidden_targets):
    measures = visible(Measure.objects.all(), AnonymousUser())
    assert [m.slug for m in MeasureFilter({"has_targets": "true"}, measures).qs] == ["ai-platform"]


@pytest.fixture
def edited(registry):
    """A measure written as a draft, published, retracted and changed, published again, then relinked."""
    draft_park = factories.ParkFactory(slug="draft-park", review_state="draft")
    draft_package = factories.MeasureFactory(slug="draft-package", source=registry["plan"], review_state="draft")
    measure = factories.MeasureFactory(
        slug="edited", title="草稿标题", summary="草稿摘要", source=registry["plan"], review_state="draft"
    )
    measure.parks.set([registry["haidian"], draft_park])
    measure.title, measure.summary, measure.review_state = "发布标题", "发布摘要", "published"
    measure.save()
    measure.title, measure.review_state = "撤回期间的标题", "retracted"
    measure.save()
    measure.title, measure.review_state = "最终标题", "published"
    measure.save()
    measure.parks.add(registry["changping"])
    measure.parent = draft_package
    measure.source = registry["report"]
    measure.save()
    target = factories.TargetFactory(slug="edited-target", source=registry["plan"], measure=draft_package)
    target.measure, target.park = measure, draft_park
    target.save()
    target.park = registry["haidian"]
    target.save()
    return registry


def history(api_client, resource):
    response = api_client.get(f"/api/v1/{resource}/history/?page_size=500")
    assert response.status_code == 200, response.content
    return response.json()["results"]


def changes_of(entry):
    return {change["field"]: (change["old"], change["new"]) for change in entry["changes"]}


def no_ids_in(entries, *link_fields):
    for entry in entries:
        for change in entry["changes"]:
            if change["field"] in link_fields:
                for value in (change["old"], change["new"]):
                    assert not isinstance(value, int | dict), change
                    if isinstance(value, list):
                        assert all(isinstance(item, str) for item in value), change


def test_the_public_sees_only_published_versions_of_a_measure(public, edited):
    entries = history(public, "measures/edited")
    text = json.dumps(entries, ensure_ascii=False)
    assert "草稿" not in text and "撤回期间" not in text and "draft" not in text  # no draft values, no draft links
    assert [entry["kind"] for entry in entries] == ["changed", "changed", "changed", "created"]
    relinked, parks_added, republished, first = entries
    assert first["changes"] == []  # the first published version: what the public first saw
    assert changes_of(republished) == {"title": ("发布标题", "最终标题")}  # not the title it had while retracted
    assert changes_of(parks_added) == {"parks": (["haidian"], ["changping", "haidian"])}  # no draft park
    assert changes_of(relinked) == {"source": ("plan", "report")}  # the draft package it now belongs to is hidden


def test_staff_see_every_version_with_links_as_slugs(api_client, edited, staff):
    api_client.force_authenticate(staff)
    entries = history(api_client, "measures/edited")
    assert len(entries) == 7 and entries[-1]["kind"] == "created"
    no_ids_in(entries, "parks", "parent", "source")
    assert changes_of(entries[-2]) == {"parks": ([], ["draft-park", "haidian"])}
    assert changes_of(entries[1]) == {"parks": (["draft-park", "haidian"], ["changping", "draft-park", "haidian"])}
    assert changes_of(entries[0]) == {"parent": (None, "draft-package"), "source": ("plan", "report")}
    assert "撤回期间的标题" in json.dumps(entries, ensure_ascii=False)


def test_a_target_history_shows_links_as_slugs_the_requester_may_see(public, edited):
    entries = history(public, "targets/edited-target")
    no_ids_in(entries, "measure", "park", "source")
    assert [changes_of(entry) for entry in entries] == [
        {"park": (None, "haidian")},  # the draft park it was linked to before is null
        {"measure": (None, "edited")},  # the draft package is null
        {},
    ]


def test_staff_see_a_target_history_with_every_link(api_client, edited, staff):
    api_client.force_authenticate(staff)
    entries = history(api_client, "targets/edited-target")
    assert [changes_of(entry) for entry in entries] == [
        {"park": ("draft-park", "haidian")},
        {"measure": ("draft-package", "edited"), "park": (None, "draft-park")},
        {},
    ]


def test_a_source_history_shows_its_issuers_as_slugs(public, registry):
    source = registry["plan"]
    source.issuers.set([factories.OrganizationFactory(slug="commission-2")])
    [relinked, _] = history(public, "sources/plan")
    assert changes_of(relinked) == {"issuers": ([], ["commission-2"])}


def test_the_public_does_not_see_the_draft_history_of_a_source(public, registry):
    source = factories.SourceFactory(slug="later", title="草稿题目", review_state="draft")
    source.title, source.review_state = "正式题目", "published"
    source.save()
    entries = history(public, "sources/later")
    assert [(entry["kind"], entry["changes"]) for entry in entries] == [("created", [])]
    assert "草稿" not in json.dumps(entries, ensure_ascii=False)
