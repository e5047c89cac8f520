"""Public reads come from the cache until the registry changes; a publish shows at once; staff and errors bypass."""

import pytest
from django.contrib.auth import get_user_model
from rest_framework.authtoken.models import Token
from rest_framework.throttling import AnonRateThrottle

from measures import review
from tests import factories

LIST = "/api/v1/measures/"
COUNT = "/api/v1/measures/?park=changping"  # a filtered count
FACETS = "/api/v1/measures/facets/"
PAGE = "/measures/?park=changping"  # the public site's search page, with its facets


@pytest.fixture(autouse=True)
def response_cache_on(response_cache_off, settings):
    """On, as deployed; these tests commit the changes they make, as production does."""
    settings.RESPONSE_CACHE_MAX_BYTES = 1024 * 1024


@pytest.fixture
def reviewer(db):
    return get_user_model().objects.create_superuser("reviewer")


def as_reviewer(api_client, reviewer):
    """Sends the reviewer's API token, as a client does (the cache sees the header, as in production)."""
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=reviewer)[0].key}")


@pytest.fixture
def publish(reviewer, django_capture_on_commit_callbacks):
    """Changes through the review gate, committed, as a reviewer's publish is."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            change(reviewer)

    return run


@pytest.mark.parametrize("path", [LIST, FACETS, "/measures/ai-platform/", "/en/measures/?q=AI"])
def test_a_repeated_read_is_answered_without_the_database(api_client, registry, django_assert_num_queries, path):
    first = api_client.get(path)
    with django_assert_num_queries(0):
        again = api_client.get(path)
    assert again.status_code == 200
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert again["Content-Type"] == first["Content-Type"]


def test_parameters_in_another_order_are_the_same_request(api_client, registry, django_assert_num_queries):
    first = api_client.get(f"{LIST}?status=planned&page_size=5")
    with django_assert_num_queries(0):
        assert api_client.get(f"{LIST}?page_size=5&status=planned").content == first.content


def test_each_format_and_language_has_its_own_answer(api_client, registry):
    assert api_client.get(LIST)["Content-Type"] == "application/json"
    assert api_client.get(LIST, HTTP_ACCEPT="text/csv")["Content-Type"].startswith("text/csv")
    chinese = api_client.get(f"{LIST}?status=bogus").json()
    english = api_client.get(f"{LIST}?status=bogus", HTTP_ACCEPT_LANGUAGE="en").json()
    assert chinese != english


def test_a_client_holding_the_etag_gets_a_304(api_client, registry, django_assert_num_queries):
    etag = api_client.get(LIST)["ETag"]
    with django_assert_num_queries(0):
        response = api_client.get(LIST, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["ETag"] == etag
    assert not response.content
    assert api_client.get(LIST, HTTP_IF_NONE_MATCH='"stale"').status_code == 200


def test_a_response_a_change_left_alone_is_still_a_304(api_client, registry, publish):
    etag = api_client.get("/api/v1/organizations/")["ETag"]
    publish(lambda reviewer: review.change(reviewer, registry["ai_platform"], {"title": "人工智能创新平台"}))
    assert api_client.get("/api/v1/organizations/", HTTP_IF_NONE_MATCH=etag).status_code == 304  # computed anew
    assert api_client.get("/api/v1/organizations/").status_code == 200


def test_a_detail_keeps_the_etag_writes_are_checked_against(api_client, registry, reviewer):
    public = api_client.get("/api/v1/measures/ai-platform/")
    as_reviewer(api_client, reviewer)
    assert api_client.get("/api/v1/measures/ai-platform/")["ETag"] == public["ETag"]
    api_client.credentials()
    assert api_client.get("/api/v1/measures/ai-platform/", HTTP_IF_NONE_MATCH=public["ETag"]).status_code == 304


def test_public_answers_tell_shared_caches_to_hold_them_briefly(api_client, registry, settings):
    settings.HTTP_CACHE_SECONDS = 7
    for response in (api_client.get(LIST), api_client.get(LIST)):
        directives = {directive.strip() for directive in response["Cache-Control"].split(",")}
        assert directives == {"public", "max-age=0", "s-maxage=7", "must-revalidate"}
        assert {"Accept", "Accept-Language", "Cookie"} <= {name.strip() for name in response["Vary"].split(",")}


def test_a_head_request_is_answered_from_the_get(api_client, registry, django_assert_num_queries):
    body = api_client.get(LIST).content
    with django_assert_num_queries(0):
        response = api_client.head(LIST)
    assert response.status_code == 200
    assert not response.content
    assert response["Content-Length"] == str(len(body))


def park_count(api_client, slug):
    return next(park["count"] for park in api_client.get(FACETS).json()["park"] if park["slug"] == slug)


def test_a_publish_shows_at_once_in_lists_details_counts_facets_pages_and_csv(api_client, registry, publish):
    draft = factories.MeasureFactory(slug="new-fund", source=registry["plan"], review_state="draft")
    draft.parks.set([registry["changping"]])
    platform = api_client.get("/api/v1/measures/ai-platform/")
    assert api_client.get(LIST).json()["count"] == 3
    assert api_client.get(COUNT).json()["count"] == 1
    assert park_count(api_client, "changping") == 1
    assert "new-fund" not in api_client.get(PAGE).content.decode()
    assert api_client.get(f"{LIST}new-fund/").status_code == 404
    assert b"new-fund" not in b"".join(api_client.get(f"{LIST}?format=csv").streaming_content)

    publish(lambda reviewer: review.move(reviewer, [draft], "published"))
    assert api_client.get(LIST).json()["count"] == 4
    assert api_client.get(COUNT).json()["count"] == 2
    assert park_count(api_client, "changping") == 2
    assert "new-fund" in api_client.get(PAGE).content.decode()
    assert api_client.get(f"{LIST}new-fund/").status_code == 200
    assert b"new-fund" in b"".join(api_client.get(f"{LIST}?format=csv").streaming_content)

    publish(lambda reviewer: review.change(reviewer, registry["ai_platform"], {"title": "人工智能创新平台"}))
    changed = api_client.get("/api/v1/measures/ai-platform/", HTTP_IF_NONE_MATCH=platform["ETag"])
    assert changed.status_code == 200
    assert changed.json()["title"] == "人工智能创新平台"


def test_staff_neither_read_nor_fill_the_public_cache(api_client, registry, reviewer, django_assert_num_queries):
    factories.MeasureFactory(source=registry["plan"], review_state="draft")
    assert api_client.get(LIST).json()["count"] == 3
    as_reviewer(api_client, reviewer)
    staff = api_client.get(LIST)
    assert staff.json()["count"] == 4
    assert "private" in staff["Cache-Control"]
    api_client.credentials()
    assert api_client.get(LIST).json()["count"] == 3
    api_client.force_login(reviewer)  # a session cookie: possibly staff, so never from the cache
    assert api_client.get(LIST).json()["count"] == 4


def test_errors_are_not_cached(api_client, registry, django_assert_num_queries):
    api_client.get(f"{LIST}missing/")
    with django_assert_num_queries(1):  # the record is looked for again
        assert api_client.get(f"{LIST}missing/").status_code == 404
    assert api_client.get(f"{LIST}?parks=zgc").status_code == 400
    assert "Cache-Control" not in api_client.get(f"{LIST}?parks=zgc")


def test_a_csv_list_is_streamed_each_time_but_revalidated_from_the_cache(
    api_client, registry, django_assert_num_queries
):
    first = api_client.get(f"{LIST}?format=csv")
    assert first.streaming
    body = b"".join(first.streaming_content)
    again = api_client.get(f"{LIST}?format=csv")
    assert again.streaming  # not held in memory whole
    assert b"".join(again.streaming_content) == body
    assert again["ETag"] == first["ETag"]
    with django_assert_num_queries(0):
        assert api_client.get(f"{LIST}?format=csv", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_a_cached_answer_counts_towards_the_throttle(api_client, registry, monkeypatch):
    monkeypatch.setitem(AnonRateThrottle.THROTTLE_RATES, "anon", "3/minute")
    statuses = [api_client.get(LIST).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = api_client.get(LIST, HTTP_ACCEPT_LANGUAGE="en")
    assert "Retry-After" in refused
    assert refused.json()["detail"].startswith("Request was throttled.")


def test_the_health_check_is_never_cached(api_client, db, django_assert_num_queries):
    api_client.get("/healthz")
    with django_assert_num_queries(1):
        assert api_client.get("/healthz").status_code == 200
