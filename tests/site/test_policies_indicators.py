"""The site's policy and indicator pages, and beneficiaries on the search, measure and home pages: both languages,
published records only, the API's filters."""

import re

import pytest

from measures.models import Measure, Observation, Policy, PolicyEvent, PolicyMention
from tests import factories
from tests.site.test_pages import page


def policy_links(html):
    return sorted(set(re.findall(r'<li class="policy">\s*<a href="(?:/en)?/policies/([^/]+)/"', html)))


@pytest.fixture
def second_policy(registry):
    fund = factories.PolicyFactory(slug="seed-fund", name="种子基金", name_en="", kind="fund", status="planned")
    fund.parks.set([registry["changping"]])
    return fund


def test_policy_list_in_both_languages(client, registry, second_policy):
    html = page(client, "/policies/")
    assert policy_links(html) == ["ai-programme", "seed-fund"]
    assert ">人工智能创新平台</a>" in html
    english = page(client, "/en/policies/")
    assert ">AI innovation platform</a>" in english
    assert '<span lang="zh-Hans">种子基金</span> <small class="fallback">(Chinese only)</small>' in english


@pytest.mark.parametrize(
    "query",
    [
        "",
        "q=AI平台",
        "park=haidian",
        "park=changping",
        "theme=industry",
        "beneficiary=enterprises",
        "status=planned",
        "kind=fund",
        "kind=platform,fund",
    ],
)
def test_policy_list_selects_what_the_api_selects(client, api_client, registry, second_policy, query):
    api = sorted(record["slug"] for record in api_client.get(f"/api/v1/policies/?{query}").json()["results"])
    assert policy_links(page(client, f"/policies/?{query}")) == api


@pytest.mark.parametrize(("query", "named"), [("parks=haidian", "parks"), ("kind=nope", "kind")])
def test_a_bad_policy_search_is_a_400_naming_the_parameter(client, registry, query, named):
    assert f"<code>{named}</code>" in page(client, f"/policies/?{query}", status=400)


def test_policy_page_shows_its_facts_timeline_and_mentions(client, registry):
    policy = registry["ai_programme"]
    Policy.objects.filter(pk=policy.pk).update(status_evidenced_on="2024-05-01")
    later = factories.PolicyEventFactory(
        policy=policy, source=registry["report"], kind="launched", date="2022-03-01", date_precision="month"
    )
    first = PolicyEvent.objects.get(policy=policy, kind="announced")
    html = page(client, "/policies/ai-programme/")
    assert "<h1>人工智能创新平台</h1>" in html
    assert "AI innovation platform" in html and "AI平台" in html
    assert "2024-05-01" in html
    assert 'href="/policies/?park=science-city"' in html
    assert 'href="/policies/?theme=ai"' in html
    assert 'href="/policies/?beneficiary=start-ups"' in html
    timeline = html[html.index('id="timeline"') : html.index('id="mentions-heading"')]
    assert timeline.index('<time datetime="2021-09-24">') < timeline.index('<time datetime="2022-03">')
    assert f'href="/sources/plan/#e-{first.pk}"' in timeline
    assert f'href="/sources/report/#e-{later.pk}"' in timeline
    assert "中关村论坛于2021年9月24日开幕。" in timeline
    mentions = html[html.index('id="mentions"') :]
    assert 'href="/measures/ai-platform/"' in mentions and 'href="/sources/plan/#q-ai-platform"' in mentions
    assert "宣布" in mentions or "announces" in mentions
    english = page(client, "/en/policies/ai-programme/")
    assert "<h1>AI innovation platform</h1>" in english
    assert ">announces<" in english and ">Build an AI innovation platform</a>" in english
    # the quote the timeline links to is anchored in the source reader
    assert f'id="e-{first.pk}"' in page(client, "/sources/plan/")


def test_draft_policies_events_and_mentions_are_hidden(client, registry, second_policy):
    Policy.objects.filter(slug="seed-fund").update(review_state="draft")
    factories.PolicyEventFactory(
        policy=registry["ai_programme"], source=registry["plan"], kind="amended", review_state="draft"
    )
    PolicyMention.objects.update(review_state="draft")
    assert policy_links(page(client, "/policies/")) == ["ai-programme"]
    page(client, "/policies/seed-fund/", status=404)
    html = page(client, "/policies/ai-programme/")
    assert ">amended<" not in html and "修订" not in html
    assert 'href="/measures/ai-platform/"' not in html
    assert 'href="/policies/ai-programme/"' not in page(client, "/measures/ai-platform/")
    sitemap = page(client, "/sitemap-policies.xml")
    assert "/policies/ai-programme/" in sitemap and "seed-fund" not in sitemap


def test_a_mention_of_a_draft_measure_is_hidden(client, registry):
    Measure.objects.filter(slug="ai-platform").update(review_state="draft")
    assert 'href="/measures/ai-platform/"' not in page(client, "/policies/ai-programme/")


@pytest.fixture
def progress(registry):
    """rd-intensity: observations for 2020 and 2022, a 2025 target moved to 2027 by a later one."""
    indicator = registry["rd_intensity"]
    factories.ObservationFactory(slug="rd-2022", indicator=indicator, source=registry["report"], year=2022, value=11)
    earlier = factories.TargetFactory(slug="rd-first", source=registry["plan"], tracks=indicator, target_year=2025)
    factories.TargetFactory(
        slug="rd-moved", source=registry["report"], tracks=indicator, target_year=2027, supersedes=earlier
    )
    return indicator


def chart_of(html):
    chart = html[html.index("<svg") :]
    return chart[: chart.index("</svg>")]


def test_indicator_chart_has_a_point_per_observation_and_target(client, registry, progress):
    html = page(client, "/indicators/rd-intensity/")
    chart = chart_of(html)
    assert chart.count("<circle") == 2 and chart.count("<rect") == 2
    assert 'aria-labelledby="chart-rd-intensity-title chart-rd-intensity-desc"' in chart
    assert re.search(r'<title id="chart-rd-intensity-title">研发投入强度', chart)
    assert '<desc id="chart-rd-intensity-desc">' in chart
    assert chart.count('stroke-dasharray="2 2"') == 1  # the superseded target
    observations = html[html.index('id="observations"') : html.index('id="targets"')]
    assert observations.index("2020") < observations.index("2022")
    assert 'href="/sources/report/#o-rd-2020"' in observations
    targets = html[html.index('id="targets"') :]
    assert '<tr id="target-rd-first" class="superseded">' in targets
    assert 'href="#target-rd-moved" class="superseded-by"' in targets
    assert 'id="o-rd-2020"' in page(client, "/sources/report/")


def test_indicator_pages_in_english(client, registry, progress):
    html = page(client, "/en/indicators/rd-intensity/")
    assert "<h1>R&amp;D intensity</h1>" in html
    assert re.search(r'<title id="chart-rd-intensity-title">R&amp;D intensity: observations and targets', html)
    assert "superseded by" in html
    listing = page(client, "/en/indicators/")
    row = r'href="/en/indicators/rd-intensity/">R&amp;D intensity</a></td>\s*<td>%</td><td>2</td><td>2</td>'
    assert re.search(row, listing)  # unit, observations, targets
    assert "/en/indicators/rd-intensity/" in page(client, "/sitemap-indicators.xml")


def test_draft_observations_and_targets_are_left_out_of_the_chart(client, registry, progress):
    Observation.objects.filter(slug="rd-2022").update(review_state="draft")
    registry["plan"].__class__.objects.filter(slug="report").update(review_state="draft")  # rd-moved's source
    html = page(client, "/indicators/rd-intensity/")
    chart = chart_of(html)
    assert chart.count("<circle") == 0 and chart.count("<rect") == 1  # rd-2020 quotes the draft source too
    assert "rd-2022" not in html and "rd-moved" not in html
    assert 'stroke-dasharray="2 2"' not in chart  # what superseded it is not public


def test_measure_page_shows_its_policy_role_and_beneficiaries(client, registry):
    html = page(client, "/measures/ai-platform/")
    assert re.search(r'<a href="/policies/ai-programme/">人工智能创新平台</a> \(\S+\)', html)
    assert 'href="/measures/?beneficiary=start-ups">初创企业</a>' in html
    english = page(client, "/en/measures/ai-platform/")
    assert '<a href="/en/policies/ai-programme/">AI innovation platform</a> (announces)' in english
    assert 'href="/en/measures/?beneficiary=start-ups">Start-ups</a>' in english


def test_beneficiary_facet_and_ways_in(client, registry):
    html = page(client, "/measures/")
    assert re.search(r'href="\?beneficiary=enterprises">企业</a> <span class="count">1</span>', html)
    assert re.search(r'href="\?beneficiary=start-ups">初创企业</a> <span class="count">1</span>', html)
    home = page(client, "/")
    assert 'href="/measures/?beneficiary=enterprises"' in home
    assert re.search(r'href="/policies/ai-programme/">人工智能创新平台</a> <span class="count">1</span>', home)
    assert 'href="/policies/"' in home and 'href="/indicators/"' in home  # the navigation
    english = page(client, "/en/")
    assert 'href="/en/policies/"' in english and ">Policies</a>" in english and ">Indicators</a>" in english
