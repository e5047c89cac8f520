"""Two clients editing the same record cannot silently overwrite each other (API and admin)."""

import pytest
from django.contrib.auth.models import User

from measures.models import Measure, Target
from tests.helpers import if_match

URL = "/api/v1/measures/ai-platform/"


@pytest.fixture
def editor(api_client, registry):
    api_client.force_authenticate(User.objects.create_superuser("editor", password="pw-for-tests-only"))
    return api_client


def test_detail_has_an_etag_and_answers_if_none_match(api_client, registry):
    response = api_client.get(URL)
    assert response["ETag"].startswith('"')
    assert api_client.get(URL, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_write_without_if_match_is_428(editor):
    response = editor.patch(URL, {"title_en": "x"}, format="json")
    assert response.status_code == 428 and "If-Match" in response.json()["detail"]
    assert editor.delete(URL).status_code == 428
    assert Measure.objects.filter(slug="ai-platform").exists()


def test_stale_if_match_is_412_and_changes_nothing(editor):
    stale = if_match(editor, URL)
    assert editor.patch(URL, {"title_en": "first"}, format="json", **stale).status_code == 200
    response = editor.patch(URL, {"title_en": "second"}, format="json", **stale)
    assert response.status_code == 412
    assert Measure.objects.get(slug="ai-platform").title_en == "first"
    assert editor.delete(URL, **stale).status_code == 412


def test_the_write_response_carries_the_new_etag(editor):
    response = editor.patch(URL, {"title_en": "first"}, format="json", **if_match(editor, URL))
    assert editor.get(URL)["ETag"] == response["ETag"]
    follow_up = editor.patch(URL, {"title_en": "second"}, format="json", HTTP_IF_MATCH=response["ETag"])
    assert follow_up.status_code == 200


def test_a_change_to_a_nested_target_makes_the_etag_stale(editor, registry):
    stale = if_match(editor, URL)
    target = registry["ai_platform"].targets.get(slug="rd-2025")
    target.value = 13
    target.save()
    assert editor.patch(URL, {"title_en": "x"}, format="json", **stale).status_code == 412


def test_admin_refuses_to_save_over_a_newer_version(api_client, registry):
    api_client.force_login(User.objects.create_superuser("curator", password="pw-for-tests-only"))
    measure = registry["old_pilot"]
    page = api_client.get(f"/admin/measures/measure/{measure.pk}/change/", HTTP_ACCEPT_LANGUAGE="en")
    form = page.context["adminform"].form
    data = {name: "" if form[name].value() is None else form[name].value() for name in form.fields}
    data.update({"targets-TOTAL_FORMS": "0", "targets-INITIAL_FORMS": "0", "title_en": "My edit"})
    data["parks"] = [p.pk for p in measure.parks.all()]
    data["themes"] = [t.pk for t in measure.themes.all()]
    data["organizations"] = []
    # Someone else saves first.
    measure.title = "别人先保存的标题"
    measure.save()
    response = api_client.post(f"/admin/measures/measure/{measure.pk}/change/", data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    errors = response.context["adminform"].form.non_field_errors()
    assert "after you opened it" in errors[0] and "title" in errors[0]
    measure.refresh_from_db()
    assert (measure.title, measure.title_en) == ("别人先保存的标题", "Investment-loan pilot")


def form_data(form):
    """A form's fields as its page would post them back untouched."""
    return {form.add_prefix(name): "" if form[name].value() is None else form[name].value() for name in form.fields}


def unchanged_post(page):
    """Everything an admin change page posts back when the curator saves without editing: the record and inlines."""
    data = form_data(page.context["adminform"].form)
    for inline in page.context["inline_admin_formsets"]:
        data.update(form_data(inline.formset.management_form))
        for form in inline.formset.forms:
            data.update(form_data(form))
    return data


@pytest.fixture
def measure_page(api_client, registry):
    api_client.force_login(User.objects.create_superuser("curator", password="pw-for-tests-only"))
    url = f"/admin/measures/measure/{registry['ai_platform'].pk}/change/"
    page = api_client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    return url, unchanged_post(page)


def target_prefix(data, slug):
    return next(key.removesuffix("-slug") for key, value in data.items() if key.endswith("-slug") and value == slug)


def test_admin_refuses_an_inline_target_edit_over_a_newer_version(api_client, measure_page):
    url, data = measure_page
    data[f"{target_prefix(data, 'firms-2035')}-unit"] = "个"
    target = Target.objects.get(slug="firms-2035")
    target.indicator_en = "Unicorns"  # someone else saves the target first
    target.save()
    response = api_client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    [formset] = [inline.formset for inline in response.context["inline_admin_formsets"]]
    errors = [error for form in formset.forms for error in form.non_field_errors()]
    assert len(errors) == 1 and "after you opened it" in errors[0] and "indicator_en" in errors[0]
    target.refresh_from_db()
    assert (target.unit, target.indicator_en) == ("家", "Unicorns")


def test_saving_a_measure_does_not_write_back_a_target_changed_meanwhile(api_client, measure_page):
    url, data = measure_page
    data["title_en"] = "My edit"
    target = Target.objects.get(slug="firms-2035")
    target.indicator_en = "Unicorns"  # the curator did not touch it, but the page holds its old values
    target.save()
    response = api_client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    target.refresh_from_db()
    assert target.indicator_en == "Unicorns"
    assert Measure.objects.get(slug="ai-platform").title_en == "Build an AI innovation platform"


def test_saving_a_measure_leaves_its_untouched_targets_alone(api_client, measure_page):
    url, data = measure_page
    data["title_en"] = "My edit"
    versions = {target.slug: target.history.count() for target in Target.objects.all()}
    assert api_client.post(url, data, HTTP_ACCEPT_LANGUAGE="en").status_code == 302
    assert Measure.objects.get(slug="ai-platform").title_en == "My edit"
    assert {target.slug: target.history.count() for target in Target.objects.all()} == versions


@pytest.mark.parametrize(
    ("url", "change"),
    [
        (URL, {"title_en": "Changed", "themes": ["talent"]}),
        ("/api/v1/targets/rd-2025/", {"indicator_en": "Changed"}),
        ("/api/v1/parks/changping/", {"name_en": "Changed"}),
        ("/api/v1/sources/plan/", {"title_en": "Changed"}),
    ],
)
def test_a_write_answers_with_the_body_and_etag_of_the_next_get(editor, url, change):
    """One read shape: what a PATCH answers is exactly what a GET of the record returns next."""
    response = editor.patch(url, change, format="json", **if_match(editor, url))
    assert response.status_code == 200, response.content
    following = editor.get(url)
    assert response.json() == following.json() and response["ETag"] == following["ETag"]
