"""A deep page starts from a cached mark instead of walking every record ahead of it, and shows what OFFSET would."""

import pytest

from measures.api import pagination
from measures.models import Measure
from measures.review import visible
from tests import factories


@pytest.fixture
def marks_every_three(monkeypatch):
    monkeypatch.setattr(pagination, "MARK_EVERY", 3)


def pages(api_client, url, size):
    """Every page of `url`, `size` records each, as lists of slugs."""
    shown, page = [], 1
    while True:
        response = api_client.get(url, {"page": page, "page_size": size})
        if response.status_code == 404:
            return shown
        assert response.status_code == 200, response.content
        shown.append([record["slug"] for record in response.json()["results"]])
        page += 1


def test_deep_pages_show_what_offset_shows(api_client, registry, marks_every_three):
    factories.published_measures(11)
    factories.MeasureFactory(source=registry["plan"], review_state="draft")
    public = list(visible(Measure.objects.all(), None).values_list("slug", flat=True))
    for size in (1, 2, 4, 5):
        assert pages(api_client, "/api/v1/measures/", size) == [
            public[start : start + size] for start in range(0, len(public), size)
        ]


def test_a_committed_change_moves_deep_pages_at_once(
    api_client, registry, marks_every_three, django_capture_on_commit_callbacks
):
    factories.published_measures(8)
    before = pages(api_client, "/api/v1/measures/", 2)
    with django_capture_on_commit_callbacks(execute=True):
        factories.MeasureFactory(slug="0-first", source=registry["plan"])
    after = pages(api_client, "/api/v1/measures/", 2)
    flat_before = [slug for page in before for slug in page]
    assert [slug for page in after for slug in page] == ["0-first", *flat_before]
    with django_capture_on_commit_callbacks(execute=True):
        Measure.objects.get(slug="0-first").delete()
    assert pages(api_client, "/api/v1/measures/", 2) == before


def test_a_list_in_another_order_is_paged_by_offset(api_client, registry, marks_every_three):
    factories.published_measures(6)
    assert pagination.DeferredJoinPage(Measure.objects.order_by("-slug")).marks() is None
    expected = list(visible(Measure.objects.order_by("-slug"), None).values_list("slug", flat=True)[4:6])
    assert pagination.DeferredJoinPage(visible(Measure.objects.order_by("-slug"), None))[4:6] == expected
