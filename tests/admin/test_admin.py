"""The curators' admin: lists, filters, search, provenance shown in context, targets inline, two languages."""

import pytest
from django.contrib.auth.models import User
from django.utils import translation

from measures.choices import TargetPeriod
from measures.models import Measure


def form_errors(response):
    """The errors of an admin form page that did not save, for a readable failure."""
    context = response.context
    inline_errors = [formset.formset.errors for formset in context["inline_admin_formsets"]]
    return context["adminform"].form.errors, inline_errors


@pytest.fixture
def superuser_client(api_client, registry):
    user = User.objects.create_superuser("boss", password="pw-for-tests-only")
    api_client.force_login(user)
    return api_client


@pytest.mark.parametrize(
    "url",
    [
        "/admin/measures/measure/",
        "/admin/measures/measure/?q=人工智能",
        "/admin/measures/measure/?status__exact=planned&year=2022",
        "/admin/measures/target/",
        "/admin/measures/park/?q=中关村海淀",
        "/admin/measures/source/",
        "/admin/measures/theme/",
        "/admin/measures/organization/",
        "/admin/measures/textcorrection/",
        "/admin/measures/seedrecord/",
        "/admin/measures/measure/add/",
    ],
)
def test_admin_pages_render(superuser_client, url):
    assert superuser_client.get(url).status_code == 200


def test_changelist_filters_on_source_park_theme_status_year(superuser_client):
    page = superuser_client.get("/admin/measures/measure/").content.decode()
    for parameter in ["source__id__exact", "parks__id__exact", "themes__id__exact", "status__exact", "year="]:
        assert parameter in page, parameter
    in_2015 = superuser_client.get("/admin/measures/measure/?year=2015").content.decode()
    assert "投贷联动试点" in in_2015 and "建设人工智能创新平台" not in in_2015


def test_change_page_shows_the_quote_marked_in_its_paragraph(superuser_client, registry):
    page = superuser_client.get(f"/admin/measures/measure/{registry['ai_platform'].pk}/change/").content.decode()
    assert "<mark>支持中关村科学城建设人工智能创新平台。</mark>" in page
    assert "海淀园研发投入强度达到12%左右" in page  # the text around it


def test_autocomplete_search_for_parks(superuser_client):
    response = superuser_client.get(
        "/admin/autocomplete/",
        {"app_label": "measures", "model_name": "measure", "field_name": "parks", "term": "海淀"},
    )
    assert [item["text"] for item in response.json()["results"]] == ["海淀园"]


def test_add_measure_with_an_inline_target_quoting_the_same_source(superuser_client, registry):
    plan = registry["plan"]
    form = {
        "slug": "new-inline",
        "title": "新措施",
        "title_en": "New",
        "summary": "",
        "summary_en": "",
        "source": plan.pk,
        "quote": "支持中关村科学城建设人工智能创新平台",
        "instrument": "platform",
        "status": "planned",
        "notes": "",
        "funding_unit": "",
        "funding_period": "",
        "review_state": "draft",
        "targets-TOTAL_FORMS": "1",
        "targets-INITIAL_FORMS": "0",
        "targets-MIN_NUM_FORMS": "0",
        "targets-MAX_NUM_FORMS": "1000",
        "targets-0-slug": "new-inline-target",
        "targets-0-indicator": "研发投入强度",
        "targets-0-indicator_en": "R&D",
        "targets-0-comparator": "about",
        "targets-0-value": "12",
        "targets-0-unit": "%",
        "targets-0-target_year": "2025",
        "targets-0-period_type": "end_value",
        "targets-0-quote": "研发投入强度达到12%左右",
        "targets-0-notes": "",
        "targets-0-review_state": "draft",
    }
    response = superuser_client.post("/admin/measures/measure/add/", form)
    assert response.status_code == 302, form_errors(response)
    measure = Measure.objects.get(slug="new-inline")
    target = measure.targets.get()
    assert target.source == plan
    assert target.quote_offset == plan.text.index("研发投入强度达到12%左右")
    assert measure.quote_offset == plan.text.index(measure.quote)


def test_quote_not_in_the_source_is_refused(superuser_client, registry):
    response = superuser_client.post(
        f"/admin/measures/measure/{registry['old_pilot'].pk}/change/",
        {
            "slug": "old-pilot",
            "title": "x",
            "source": registry["report"].pk,
            "quote": "原文没有这句话",
            "instrument": "pilot",
            "status": "completed",
            "review_state": "published",
            "targets-TOTAL_FORMS": "0",
            "targets-INITIAL_FORMS": "0",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    form_errors_, _ = form_errors(response)
    assert list(form_errors_) == ["quote"]
    assert "verbatim" in str(form_errors_["quote"])


def test_the_admin_sidebars_column_headers_are_in_chinese_too(superuser_client):
    # Django's own zh_Hans catalogue leaves these untranslated; the project's catalogue fills them in.
    chinese = superuser_client.get("/admin/measures/measure/").content.decode()
    assert all(header in chinese for header in ("模型名称", "添加链接", "修改或查看列表链接"))
    assert "Model name" not in chinese


def test_a_goal_set_each_year_reads_as_one_in_chinese_whether_a_growth_rate_or_a_count():
    # 每年培育企业6000家 is no growth rate (年均增速): the label fits both kinds of yearly goal.
    with translation.override("zh-hans"):
        assert str(TargetPeriod.ANNUAL_RATE.label) == "每年（年均）"


def test_admin_speaks_chinese_by_default_and_english_on_request(superuser_client):
    chinese = superuser_client.get("/admin/measures/measure/").content.decode()
    english = superuser_client.get("/admin/measures/measure/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "站点管理" in chinese or "管理" in chinese
    assert "政策措施" in chinese
    assert "Site administration" in english or "Select measure to change" in english
