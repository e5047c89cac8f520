"""A list's count is cached until a registry record changes, and never outlives a committed change."""

from django.contrib.auth import get_user_model
from django.core.cache import cache

from measures.caching import VERSION_KEY
from tests import factories


def count(api_client, url="/api/v1/measures/"):
    response = api_client.get(url)
    assert response.status_code == 200, response.content
    return response.json()["count"]


def test_a_repeated_list_reuses_its_count(api_client, registry, django_assert_num_queries):
    # count, page slugs, rows, themes, organizations, parks, beneficiaries, targets
    with django_assert_num_queries(8):
        assert count(api_client) == 3
    with django_assert_num_queries(7):
        assert count(api_client) == 3


def test_a_committed_change_is_counted_at_once(api_client, registry, django_capture_on_commit_callbacks):
    assert count(api_client) == 3
    assert count(api_client, "/api/v1/measures/?park=changping") == 1
    with django_capture_on_commit_callbacks(execute=True):
        extra = factories.MeasureFactory(source=registry["plan"])
    assert count(api_client) == 4
    with django_capture_on_commit_callbacks(execute=True):
        extra.parks.add(registry["changping"])
    assert count(api_client, "/api/v1/measures/?park=changping") == 2
    with django_capture_on_commit_callbacks(execute=True):
        extra.review_state = "draft"
        extra.save()
    assert count(api_client) == 3
    with django_capture_on_commit_callbacks(execute=True):
        registry["old_pilot"].delete()
    assert count(api_client) == 2


def test_staff_and_the_public_have_their_own_counts(api_client, registry):
    factories.MeasureFactory(source=registry["plan"], review_state="draft")
    assert count(api_client) == 3
    api_client.force_authenticate(get_user_model().objects.create_user("curator", is_staff=True))
    assert count(api_client) == 4


def test_a_lost_version_means_counting_again(api_client, registry):
    assert count(api_client) == 3
    factories.MeasureFactory(source=registry["plan"])  # not committed in this test, so no new version yet
    assert count(api_client) == 3
    cache.delete(VERSION_KEY)  # as when a memory cache evicts it
    assert count(api_client) == 4
