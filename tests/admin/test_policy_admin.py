"""The curators' pages for policies and indicators: a policy's mentions and timeline, an indicator's progress."""

import pytest
from django.contrib.auth.models import Group, User

from measures.resources import RESOURCES
from tests import factories


@pytest.fixture
def superuser_client(client, registry):
    client.force_login(User.objects.create_superuser("boss", password="pw-for-tests-only"))
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/admin/measures/policy/",
        "/admin/measures/policy/?q=人工智能",
        "/admin/measures/policy/add/",
        "/admin/measures/policymention/",
        "/admin/measures/policyevent/",
        "/admin/measures/observation/",
        "/admin/measures/observation/add/",
        "/admin/measures/indicator/",
        "/admin/measures/indicator/add/",
        "/admin/measures/beneficiary/",
        "/admin/measures/target/add/",
    ],
)
def test_the_new_admin_pages_render(superuser_client, url):
    assert superuser_client.get(url).status_code == 200


def test_a_policy_page_shows_its_mentions_and_timeline(superuser_client, registry):
    page = superuser_client.get(f"/admin/measures/policy/{registry['ai_programme'].pk}/change/")
    assert page.status_code == 200
    mentions, events = (formset.formset for formset in page.context["inline_admin_formsets"])
    assert [form.instance.measure.slug for form in mentions.forms if form.instance.pk] == ["ai-platform"]
    assert [form.instance.quote for form in events.forms if form.instance.pk] == ["中关村论坛于2021年9月24日开幕。"]
    assert "中关村论坛于2021年9月24日开幕。" in page.content.decode()


def test_an_indicator_page_shows_its_progress_as_a_table_and_a_chart(superuser_client, registry):
    indicator = registry["rd_intensity"]
    earlier = factories.TargetFactory(slug="rd-first", source=registry["plan"], tracks=indicator, target_year=2025)
    factories.TargetFactory(
        slug="rd-moved", source=registry["report"], tracks=indicator, target_year=2027, supersedes=earlier
    )
    page = superuser_client.get(f"/admin/measures/indicator/{indicator.pk}/change/").content.decode()
    chart = page[page.index('<svg xmlns="http://www.w3.org/2000/svg" width="480"') :]
    chart = chart[: chart.index("</svg>")]
    assert chart.count("<circle") == 1 and chart.count("<rect") == 2
    assert 'stroke="#999"' in chart  # the superseded target in grey
    table = page[page.index("<table><thead><tr><th>") :]
    assert table.index("2020") < table.index("2025") < table.index("2027")
    assert "（取代 rd-first）" in table  # "(supersedes rd-first)", in the admin's default Chinese


def test_an_indicator_without_figures_has_no_chart(superuser_client, registry):
    indicator = factories.IndicatorFactory(slug="empty")
    page = superuser_client.get(f"/admin/measures/indicator/{indicator.pk}/change/").content.decode()
    assert 'width="480"' not in page


@pytest.mark.parametrize("name", ["policy-mentions", "policy-events", "policies", "observations", "targets"])
def test_the_new_resources_import_back_what_they_export(registry, name):
    """Keyed by what identifies them (a mention by policy and measure, an event by policy, kind, date and source),
    an exported file imports back unchanged, through the gate, as a reviewer."""
    reviewer = User.objects.create_user("reviewer", password="pw-for-tests-only", is_staff=True)
    reviewer.groups.add(Group.objects.get(name="Reviewer"))
    resource = RESOURCES[name]()
    exported = resource.export()
    assert len(exported) >= 1
    result = RESOURCES[name]().import_data(exported, dry_run=False, user=reviewer)
    assert not result.has_errors() and not result.has_validation_errors()
    assert {row.import_type for row in result.rows} == {"skip"}
