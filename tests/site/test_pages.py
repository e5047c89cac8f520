"""The public site: what each page shows, in which language, from published records only, with the API's filters."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.contrib import admin
from django.core.cache import cache
from django.http import QueryDict

from measures.models import Measure, TextCorrection


def page(client, url, status=200, **headers):
    response = client.get(url, **headers)
    assert response.status_code == status, response.content[:500]
    return response.content.decode()


def measure_links(html):
    return sorted(set(re.findall(r'<li class="measure">\s*<a href="(?:/en)?/measures/([^/]+)/"', html)))


def test_home_counts_latest_and_ways_in(client, registry):
    html = page(client, "/")
    assert '<html lang="zh-Hans">' in html
    assert "中关村政策措施登记库" in html
    assert "<strong>3</strong>" in html  # measures
    assert set(measure_links(html)) == {"ai-platform", "old-pilot", "talent-programme"}
    assert 'href="/measures/?park=haidian"' in html
    assert 'href="/measures/?theme=talent"' in html


@pytest.mark.parametrize(
    "query", ["", "status=planned,completed", "park=haidian", "theme=industry", "q=AI", "year=2015", "source=report"]
)
def test_search_selects_what_the_api_selects(client, api_client, registry, query):
    api = sorted(record["slug"] for record in api_client.get(f"/api/v1/measures/?{query}").json()["results"])
    html = page(client, f"/measures/?{query}")
    assert measure_links(html) == api
    assert f'href="/api/v1/measures/?{QueryDict(query).urlencode()}"' in html  # the same list as JSON
    assert "format=csv" in html


def test_facets_link_to_narrower_searches(client, registry):
    html = page(client, "/measures/?q=")
    assert re.search(r'href="\?q=&amp;park=haidian">海淀园</a> <span class="count">1</span>', html)
    narrowed = page(client, "/measures/?park=haidian")
    assert measure_links(narrowed) == ["ai-platform"]
    assert 'aria-current="true" class="chosen"' in narrowed


def test_pages_of_results(client, registry, settings, monkeypatch):
    monkeypatch.setattr("measures.site.views.PAGE_SIZE", 2)
    first = page(client, "/measures/")
    assert measure_links(first) == ["ai-platform", "old-pilot"]
    assert 'href="?page=2" rel="next"' in first
    assert measure_links(page(client, "/measures/?page=2")) == ["talent-programme"]
    page(client, "/measures/?page=3", status=404)


@pytest.mark.parametrize(
    ("query", "named"), [("parks=haidian", "parks"), ("status=nope", "status"), ("q=%00", "q"), ("page=0", "page")]
)
def test_a_bad_search_is_a_400_page_naming_the_parameter(client, registry, query, named):
    html = page(client, f"/measures/?{query}", status=400)
    assert f"<code>{named}</code>" in html


def test_only_published_measures_are_shown(client, admin_client, registry):
    Measure.objects.filter(slug="old-pilot").update(review_state="draft")
    assert "old-pilot" not in measure_links(page(client, "/measures/"))
    assert "old-pilot" not in measure_links(page(admin_client, "/measures/"))  # staff see the public site too
    page(client, "/measures/old-pilot/", status=404)


def test_measure_page(client, registry):
    html = page(client, "/measures/ai-platform/")
    assert "<h1>建设人工智能创新平台</h1>" in html
    assert "<mark>支持中关村科学城建设人工智能创新平台。</mark>" in html
    assert 'href="/sources/plan/#q-ai-platform"' in html
    assert "独角兽企业数量" in html  # a target
    assert 'href="/measures/?park=science-city"' in html
    assert "http://testserver/measures/ai-platform/" in html  # the stable address, cited
    assert "&quot;type&quot;: &quot;dataset&quot;" in html  # CSL-JSON
    assert "data version" in html or "数据版本" in html


def test_a_citation_names_the_same_data_version_in_every_process(client, registry):
    """The version is when the registry last changed, not a token a process made up: a restart (an empty cache)
    cites the same data the same way."""

    def cited_version():
        return re.search(r"data version (\d{8}\.\d{6})", page(client, "/en/measures/ai-platform/"))[1]

    version = cited_version()
    created = Measure.history.latest("history_date").history_date.astimezone(datetime.UTC)
    assert version >= created.strftime("%Y%m%d.%H%M%S")
    cache.clear()
    assert cited_version() == version


def test_english_pages_fall_back_to_chinese_marked(client, registry):
    registry["science_city"].name_en = ""
    registry["science_city"].save()
    html = page(client, "/en/measures/ai-platform/")
    assert '<html lang="en">' in html
    assert "<h1>Build an AI innovation platform</h1>" in html
    # No English name for the park: the Chinese one, marked as Chinese.
    assert '<span lang="zh-Hans">中关村科学城</span> <small class="fallback">(Chinese only)</small>' in html
    assert '<link rel="alternate" hreflang="zh-Hans" href="http://testserver/measures/ai-platform/">' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/measures/ai-platform/">' in html
    assert 'id="switch-zh-hans"' in html


def test_the_language_switch_keeps_the_search(client, registry):
    html = page(client, "/measures/?status=planned")
    assert 'href="http://testserver/en/measures/?status=planned"' in html


def test_the_admin_and_api_keep_the_browsers_language(client, registry):
    assert "Username" in page(client, "/admin/login/", HTTP_ACCEPT_LANGUAGE="en")
    assert "用户名" in page(client, "/admin/login/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert admin.site.site_url == "/"


def test_source_reader_marks_quotes_and_corrections(client, registry):
    plan = registry["plan"]
    TextCorrection.objects.create(source=plan, position=0, original="到", replacement="到", reason="same")
    html = page(client, "/sources/plan/")
    assert '<span id="q-ai-platform" class="anchor"></span>' in html
    assert '<span id="t-rd-2025" class="anchor"></span>' in html
    assert '<ins class="correction" title="same">' in html
    assert "<mark" in html


def test_trees_and_sources(client, registry):
    parks = page(client, "/en/parks/")
    assert parks.index("?park=zgc") < parks.index("?park=haidian") < parks.index("?park=science-city")
    assert "?theme=ai" in page(client, "/themes/")
    assert 'href="/sources/report/"' in page(client, "/sources/")


def test_feed_takes_the_filters(client, registry):
    response = client.get("/feed/?status=planned")
    assert response["Content-Type"].startswith("application/atom+xml")
    entries = ET.fromstring(response.content).findall("{http://www.w3.org/2005/Atom}entry")
    assert [entry.find("{http://www.w3.org/2005/Atom}id").text for entry in entries] == ["ai-platform"]
    assert client.get("/feed/?parks=x").status_code == 400
    assert client.get("/en/feed/").status_code == 200


def test_sitemap_lists_both_languages(client, registry):
    index = page(client, "/sitemap.xml")
    assert "sitemap-measures.xml" in index
    measures = page(client, "/sitemap-measures.xml")
    assert "http://testserver/measures/ai-platform/" in measures
    assert "http://testserver/en/measures/ai-platform/" in measures
    assert 'hreflang="x-default"' in measures


def test_search_page_query_count(client, registry, django_assert_max_num_queries):
    page(client, "/measures/")  # facets and counts cached from here on
    # page of slugs, the measures, their themes, organizations, parks (and the visible parks), targets
    with django_assert_max_num_queries(8):
        page(client, "/measures/?page=1")


@pytest.mark.parametrize("url", ["/", "/measures/", "/measures/ai-platform/", "/sources/plan/", "/en/parks/"])
def test_pages_read_without_javascript(client, registry, url):
    assert "<script" not in page(client, url)
