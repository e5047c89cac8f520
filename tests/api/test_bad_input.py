"""Bad input is a 4xx JSON error naming the problem, never a 500 and never a silently empty list."""

import pytest
from django.contrib.auth.models import Permission, User

from measures.models import Measure
from tests.helpers import if_match


def assert_json_error(response, status, field):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    assert field in response.json(), response.json()


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("status=retired", "status"),
        ("instrument=magic", "instrument"),
        ("park=no-such-park", "park"),
        ("theme=no-such-theme", "theme"),
        ("source=a,no-such-source", "source"),
        ("year=twenty", "year"),
        ("year=99999999999999999999999999", "year"),
        ("start_year_min=-5", "start_year_min"),
        ("has_targets=maybe", "has_targets"),
        ("updated_since=yesterday", "updated_since"),
        ("ordering=password", "ordering"),
        ("ordering=-quote", "ordering"),
        ("q=%00", "q"),
        ("park=%00", "park"),
        ("ordering=title%00", "ordering"),
        ("page_size=501", "page_size"),
        ("page_size=0", "page_size"),
        ("page_size=99999999999999999999", "page_size"),
        ("page=abc", "page"),
        ("page=0", "page"),
        ("page=%C2%B2", "page"),  # ², a digit to str.isdigit() but not to int()
        ("page_size=%D9%A3", "page_size"),  # ٣, an Arabic-Indic three
        ("status=%1F", "status"),  # a control character Python counts as whitespace is a value, not "no filter"
        ("park=%20", "park"),
    ],
)
def test_measure_list_rejects(api_client, registry, query, field):
    assert_json_error(api_client.get(f"/api/v1/measures/?{query}"), 400, field)


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/v1/targets/?target_year=1e3", "target_year"),
        ("/api/v1/targets/?target_year_max=100000000000000000000", "target_year_max"),
        ("/api/v1/targets/?comparator=roughly", "comparator"),
        ("/api/v1/targets/?measure=nope", "measure"),
        ("/api/v1/targets/?unit=%25%00", "unit"),
        ("/api/v1/parks/?kind=castle", "kind"),
        ("/api/v1/parks/?parent=nope", "parent"),
        ("/api/v1/sources/?kind=tweet", "kind"),
        ("/api/v1/themes/?ordering=description", "ordering"),
        ("/api/v1/organizations/?kind=club", "kind"),
        ("/api/v1/organizations/?kind=%1F", "kind"),  # found by the fuzzer: it was stripped to nothing, a 200
        ("/api/v1/measures/ai-platform/history/?page=%C2%B2", "page"),
    ],
)
def test_other_lists_reject(api_client, registry, url, field):
    assert_json_error(api_client.get(url), 400, field)


def test_page_past_the_end_is_404_naming_page(api_client, registry):
    assert_json_error(api_client.get("/api/v1/measures/?page=999999"), 404, "page")


def test_csv_client_gets_errors_as_json(api_client, registry):
    assert_json_error(api_client.get("/api/v1/measures/?format=csv&status=retired"), 400, "status")
    assert_json_error(api_client.get("/api/v1/measures/?status=retired", HTTP_ACCEPT="text/csv"), 400, "status")


def test_nul_in_slug_path_is_404(api_client, registry):
    response = api_client.get("/api/v1/measures/ai%00platform/")
    assert response.status_code == 404


@pytest.fixture
def editor(db):
    user = User.objects.create_user("editor", password="pw-for-tests-only", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=["add_measure", "change_measure", "add_target"]))
    return user


def test_malformed_json_body(api_client, registry, editor):
    api_client.force_authenticate(editor)
    response = api_client.post("/api/v1/measures/", data='{"slug": "x",', content_type="application/json")
    assert_json_error(response, 400, "detail")
    assert "JSON parse error" in response.json()["detail"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"start_year": 10**20}, "start_year"),
        ({"start_year": 3000}, "start_year"),
        ({"start_year": 2025, "end_year": 2021}, "end_year"),
        ({"funding_amount": "1" * 40}, "funding_amount"),
        ({"title": "平台\x00"}, "title"),
        ({"quote": "这句话不在来源里。"}, "quote"),
        ({"quote": "   "}, "quote"),
        ({"status": "retired"}, "status"),
        ({"parks": ["no-such-park"]}, "parks"),
        ({"source": "no-such-source"}, "source"),
    ],
)
def test_measure_write_validation(api_client, registry, editor, change, field):
    api_client.force_authenticate(editor)
    url = "/api/v1/measures/ai-platform/"
    response = api_client.patch(url, data=change, format="json", **if_match(api_client, url))
    assert_json_error(response, 400, field)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"comparator": "range", "value": 3, "value_max": 2}, "value_max"),
        ({"comparator": "about", "value": 3, "value_max": 5}, "value_max"),
        ({"comparator": "range", "value": 3}, "value_max"),
        ({"value": "1e400"}, "value"),
        ({"target_year": 2020, "baseline_year": 2024}, "target_year"),
    ],
)
def test_target_write_validation(api_client, registry, editor, change, field):
    editor.user_permissions.add(Permission.objects.get(codename="change_target"))
    api_client.force_authenticate(editor)
    body = {
        "slug": "new-target",
        "indicator": "指标",
        "indicator_en": "Indicator",
        "comparator": "about",
        "value": 1,
        "unit": "%",
        "target_year": 2025,
        "source": "plan",
        "quote": "研发投入强度达到12%左右",
    }
    response = api_client.post("/api/v1/targets/", data={**body, **change}, format="json")
    assert_json_error(response, 400, field)


# Found by fuzzing the API from its schema (.ci/fuzz); each was a 500 before its fix.


def test_delete_asking_for_csv_is_a_plain_204(api_client, registry, editor):
    editor.user_permissions.add(Permission.objects.get(codename="delete_measure"))
    api_client.force_authenticate(editor)
    url = "/api/v1/measures/old-pilot/"
    Measure.objects.filter(slug="old-pilot").update(review_state="retracted")  # a published one is not deleted
    assert api_client.delete(f"{url}?format=csv", **if_match(api_client, url)).status_code == 204


def test_an_empty_csv_list_still_has_its_header_and_type(api_client, registry):
    response = api_client.get("/api/v1/targets/?format=csv&q=nothing-matches-this")
    assert response["Content-Type"].startswith("text/csv")
    assert b"".join(response.streaming_content).decode("utf-8-sig").splitlines()[0].startswith("slug,indicator")


def test_nul_in_a_related_slug_is_a_400_naming_the_field(api_client, registry, editor):
    api_client.force_authenticate(editor)
    url = "/api/v1/measures/ai-platform/"
    response = api_client.patch(url, {"parent": "a\x00b"}, format="json", **if_match(api_client, url))
    assert_json_error(response, 400, "parent")


def test_form_bodies_are_refused_as_unsupported(api_client, registry, editor):
    api_client.force_authenticate(editor)
    url = "/api/v1/measures/ai-platform/"
    form = "application/x-www-form-urlencoded"
    response = api_client.patch(url, "parent=", content_type=form, **if_match(api_client, url))
    assert_json_error(response, 415, "detail")


def test_a_time_zone_offset_postgresql_refuses_is_compared_in_utc(api_client, registry):
    response = api_client.get("/api/v1/measures/", {"updated_since": "2020-03-13T16:40:27-17:12"})
    assert response.status_code == 200 and response.json()["count"] == 3


def test_a_source_period_ending_before_it_starts_is_a_400(api_client, registry, editor):
    editor.user_permissions.add(Permission.objects.get(codename="change_source"))
    api_client.force_authenticate(editor)
    url = "/api/v1/sources/plan/"
    change = {"period_start_year": 2025, "period_end_year": 2021}
    response = api_client.patch(url, change, format="json", **if_match(api_client, url))
    assert response.status_code == 400 and "period" in str(response.json())


def test_page_numbers_are_checked_for_csv_too(api_client, registry):
    assert_json_error(api_client.get("/api/v1/measures/?format=csv&page=0"), 400, "page")


def test_a_number_where_text_belongs_is_a_400(api_client, registry, editor):
    api_client.force_authenticate(editor)
    url = "/api/v1/measures/ai-platform/"
    assert_json_error(
        api_client.patch(url, {"title_en": 123}, format="json", **if_match(api_client, url)), 400, "title_en"
    )


def test_an_empty_item_in_a_list_parameter_is_a_400(api_client, registry):
    assert_json_error(api_client.get("/api/v1/measures/?ordering=,,"), 400, "ordering")
    assert_json_error(api_client.get("/api/v1/measures/?status=planned,"), 400, "status")


def test_text_length_is_counted_before_trimming(api_client, registry, editor):
    editor.user_permissions.add(Permission.objects.get(codename="add_theme"))
    api_client.force_authenticate(editor)
    response = api_client.post("/api/v1/themes/", {"slug": "long", "name": "\x1c" + "名" * 100}, format="json")
    assert_json_error(response, 400, "name")
