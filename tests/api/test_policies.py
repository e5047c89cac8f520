"""Policies across documents, indicators' progress, beneficiaries and sources' date bounds, as the API serves them,
and what the public never sees in their nested lists."""

import csv
import datetime
import io
import zipfile

import pytest
from django.contrib.auth import get_user_model

from tests import factories
from tests.helpers import slugs


@pytest.fixture
def staff_client(api_client, db):
    api_client.force_authenticate(get_user_model().objects.create_user("staff", is_staff=True))
    return api_client


@pytest.fixture
def with_drafts(registry):
    """Beside each published part of the test policy and indicator, one the public must not see."""
    policy = registry["ai_programme"]
    draft_source = factories.SourceFactory(slug="draft-source", review_state="draft")
    factories.PolicyMentionFactory(policy=policy, measure=registry["talent_programme"], review_state="draft")
    factories.PolicyMentionFactory(
        policy=policy, measure=factories.MeasureFactory(slug="draft-measure", review_state="draft")
    )
    factories.PolicyMentionFactory(policy=policy, measure=registry["old_pilot"], role="reports_progress")
    factories.PolicyEventFactory(policy=policy, source=registry["report"], kind="launched", review_state="draft")
    factories.PolicyEventFactory(policy=policy, source=draft_source, kind="in_force")
    factories.PolicyEventFactory(
        policy=policy, source=registry["report"], kind="reported", date=datetime.date(2019, 1, 1), date_precision="year"
    )
    indicator = registry["rd_intensity"]
    factories.ObservationFactory(slug="rd-2019", indicator=indicator, source=registry["plan"], year=2019)
    factories.ObservationFactory(slug="rd-draft", indicator=indicator, source=registry["plan"], review_state="draft")
    factories.ObservationFactory(slug="rd-of-draft-source", indicator=indicator, source=draft_source)
    first = factories.TargetFactory(slug="rd-first", source=registry["plan"], tracks=indicator, target_year=2025)
    factories.TargetFactory(
        slug="rd-moved",
        source=registry["report"],
        tracks=indicator,
        target_year=2027,
        start_year=2024,
        supersedes=first,
        quote="到2025年，海淀园研发投入强度达到12%左右。",
    )
    factories.TargetFactory(
        slug="rd-draft-target", source=registry["plan"], tracks=indicator, supersedes=first, review_state="draft"
    )
    factories.PolicyFactory(slug="draft-policy", review_state="draft")
    return registry


def test_a_policy_shows_its_mentions_and_timeline_in_time_order(api_client, with_drafts):
    policy = api_client.get("/api/v1/policies/ai-programme/").json()
    assert policy["aliases"] == ["AI平台"]
    assert [park["slug"] for park in policy["parks"]] == ["science-city"]
    assert [item["slug"] for item in policy["beneficiaries"]] == ["start-ups"]
    assert policy["mentions"] == [
        {
            "measure": "ai-platform",
            "title": "建设人工智能创新平台",
            "source": {"slug": "plan", "title": with_drafts["plan"].title},
            "role": "announces",
            "quote": "支持中关村科学城建设人工智能创新平台。",
        },
        {
            "measure": "old-pilot",
            "title": "投贷联动试点",
            "source": {"slug": "report", "title": with_drafts["report"].title},
            "role": "reports_progress",
            "quote": "支持中关村科学城建设人工智能创新平台。",
        },
    ]
    assert [(event["date"], event["kind"], event["source"]["slug"]) for event in policy["events"]] == [
        ("2019-01-01", "reported", "report"),
        ("2021-09-24", "announced", "plan"),
    ]
    assert policy["events"][1]["quote"] == "中关村论坛于2021年9月24日开幕。"


def test_staff_see_the_drafts_in_the_nested_lists(staff_client, with_drafts):
    policy = staff_client.get("/api/v1/policies/ai-programme/").json()
    assert len(policy["mentions"]) == 4 and len(policy["events"]) == 4
    indicator = staff_client.get("/api/v1/indicators/rd-intensity/").json()
    assert len(indicator["observations"]) == 4 and len(indicator["targets"]) == 3
    assert staff_client.get("/api/v1/policies/draft-policy/").status_code == 200


def test_the_public_never_sees_a_draft_policy(api_client, with_drafts):
    assert api_client.get("/api/v1/policies/draft-policy/").status_code == 404
    assert slugs(api_client.get("/api/v1/policies/")) == ["ai-programme"]
    assert api_client.get("/api/v1/policies/?review_state=draft").json()["count"] == 0


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=AI平台", ["ai-programme"]),
        ("q=no-such-words", []),
        ("park=haidian", ["ai-programme"]),  # linked to science-city, below haidian
        ("park=changping", []),
        ("theme=industry", ["ai-programme"]),  # linked to ai, below industry
        ("beneficiary=enterprises", ["ai-programme"]),  # linked to start-ups, below enterprises
        ("status=in_force", ["ai-programme"]),
        ("status=planned", []),
        ("kind=platform", ["ai-programme"]),
    ],
)
def test_policy_filters(api_client, with_drafts, query, expected):
    assert slugs(api_client.get(f"/api/v1/policies/?{query}")) == expected


@pytest.mark.parametrize(
    "query", ["beneficiary=nobody", "status=dormant", "park=nowhere", "kind=whim", "filter=1", "beneficiaries=x"]
)
def test_bad_policy_filters_are_400s_naming_the_parameter(api_client, registry, query):
    response = api_client.get(f"/api/v1/policies/?{query}")
    assert response.status_code == 400
    assert query.split("=")[0] in response.json()


def test_the_beneficiary_filter_on_measures_matches_narrower_groups(api_client, registry):
    assert slugs(api_client.get("/api/v1/measures/?beneficiary=enterprises")) == ["ai-platform"]
    assert slugs(api_client.get("/api/v1/measures/?beneficiary=start-ups")) == ["ai-platform"]
    factories.BeneficiaryFactory(slug="people")
    assert slugs(api_client.get("/api/v1/measures/?beneficiary=people")) == []
    measure = api_client.get("/api/v1/measures/ai-platform/").json()
    assert measure["beneficiaries"] == [{"slug": "start-ups", "name": "初创企业", "name_en": "Start-ups"}]
    assert measure["start_year_stated"] is True


def test_beneficiaries_are_a_tree(api_client, registry):
    response = api_client.get("/api/v1/beneficiaries/")
    assert [(item["slug"], item["parent"]) for item in response.json()["results"]] == [
        ("enterprises", None),
        ("start-ups", "enterprises"),
    ]
    assert slugs(api_client.get("/api/v1/beneficiaries/?descendants=enterprises")) == ["start-ups"]


def test_an_indicator_shows_its_progress_in_time_order(api_client, with_drafts):
    indicator = api_client.get("/api/v1/indicators/rd-intensity/").json()
    assert [(item["slug"], item["year"]) for item in indicator["observations"]] == [
        ("rd-2019", 2019),
        ("rd-2020", 2020),
    ]
    assert indicator["observations"][1]["park"] == "haidian"
    assert [(item["slug"], item["target_year"]) for item in indicator["targets"]] == [
        ("rd-first", 2025),
        ("rd-moved", 2027),
    ]
    first, moved = indicator["targets"]
    assert first["superseded_by"] == ["rd-moved"]  # not the draft that also supersedes it
    assert moved["supersedes"] == "rd-first" and moved["start_year"] == 2024
    assert moved["period_type"] == "end_value"


def test_a_target_shows_what_supersedes_it(api_client, with_drafts):
    first = api_client.get("/api/v1/targets/rd-first/").json()
    assert (first["tracks"], first["supersedes"], first["superseded_by"]) == ("rd-intensity", None, ["rd-moved"])
    assert slugs(api_client.get("/api/v1/targets/?tracks=rd-intensity")) == ["rd-first", "rd-moved"]


def test_the_indicator_query_count_does_not_grow_with_its_progress(api_client, with_drafts, django_assert_num_queries):
    # indicator, observations (with park and source), targets (with park, source, superseded), those superseding
    with django_assert_num_queries(4):
        assert api_client.get("/api/v1/indicators/rd-intensity/").status_code == 200


def test_the_policy_query_count(api_client, with_drafts, django_assert_num_queries):
    # policy, themes, beneficiaries, parks, mentions (with measure and source), events (with source)
    with django_assert_num_queries(6):
        assert api_client.get("/api/v1/policies/ai-programme/").status_code == 200


def test_observations_list_and_filters(api_client, with_drafts):
    assert slugs(api_client.get("/api/v1/observations/")) == ["rd-2019", "rd-2020"]
    assert slugs(api_client.get("/api/v1/observations/?park=zgc")) == ["rd-2020"]
    assert slugs(api_client.get("/api/v1/observations/?year_min=2020")) == ["rd-2020"]
    assert api_client.get("/api/v1/observations/rd-draft/").status_code == 404
    assert api_client.get("/api/v1/observations/?year_min=nineteen").status_code == 400


def test_an_observation_must_quote_its_source(staff_client, registry):
    staff_client.force_authenticate(get_user_model().objects.create_superuser("root", password="x"))
    body = {
        "slug": "rd-invented",
        "indicator": "rd-intensity",
        "value": 11,
        "year": 2021,
        "period_type": "annual",
        "source": "plan",
        "quote": "不在原文中的句子",
    }
    response = staff_client.post("/api/v1/observations/", body, format="json")
    assert response.status_code == 400 and "quote" in response.json()
    response = staff_client.post("/api/v1/observations/", {**body, "quote": "2020年", "year_end": 2019}, format="json")
    assert response.status_code == 400 and "year_end" in response.json()


def test_a_target_cannot_supersede_itself(staff_client, registry):
    staff_client.force_authenticate(get_user_model().objects.create_superuser("root", password="x"))
    response = staff_client.patch(
        "/api/v1/targets/rd-2025/", {"supersedes": "rd-2025"}, format="json", HTTP_IF_MATCH="*"
    )
    assert response.status_code == 400 and "supersedes" in response.json()


def test_sources_serve_their_date_bounds(api_client, registry):
    factories.SourceFactory(
        slug="undated",
        published_not_before=datetime.date(2021, 9, 1),
        published_not_after=datetime.date(2021, 12, 31),
    )
    source = api_client.get("/api/v1/sources/undated/").json()
    assert (source["published_on"], source["published_not_before"], source["published_not_after"]) == (
        None,
        "2021-09-01",
        "2021-12-31",
    )


def test_the_registry_download_holds_the_new_records_the_public_may_see(api_client, with_drafts):
    response = api_client.get("/api/v1/export/")
    archive = zipfile.ZipFile(io.BytesIO(response.content))

    def rows(name):
        return list(csv.DictReader(io.StringIO(archive.read(f"{name}.csv").decode("utf-8-sig"))))

    assert [row["slug"] for row in rows("policies")] == ["ai-programme"]
    assert sorted(row["measure"] for row in rows("policy-mentions")) == ["ai-platform", "old-pilot"]
    assert sorted(row["kind"] for row in rows("policy-events")) == ["announced", "reported"]
    assert sorted(row["slug"] for row in rows("observations")) == ["rd-2019", "rd-2020"]
    assert [row["slug"] for row in rows("beneficiaries")] == ["enterprises", "start-ups"]
    superseded = {row["slug"]: row["supersedes"] for row in rows("targets")}
    assert superseded["rd-moved"] == "rd-first"
