"""The proposal review queue: accept (edited) as a draft through the gate, reject with a reason, in bulk, with
progress shown; refusals change nothing."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from measures.choices import ProposalKind
from measures.ingest import queue
from measures.models import Measure, PolicyMention, Proposal, Source, Target
from tests import factories
from tests.helpers import admin_form_data

CHANGELIST = "/admin/measures/proposal/"


@pytest.fixture
def ingested(registry):
    """A draft source of a curator's, as ingest leaves it, with a proposed measure and a proposed target."""
    curator = User.objects.create_user("curator", password="pw-for-tests-only", is_staff=True)
    curator.groups.add(Group.objects.get(name="Curator"))
    source = factories.SourceFactory(slug="new", review_state="draft", created_by=curator)
    quote = "研发投入强度达到12%左右"
    measure = Proposal.objects.create(
        source=source,
        kind=ProposalKind.MEASURE,
        quote="支持中关村科学城建设人工智能创新平台。",
        quote_offset=source.text.index("支持中关村科学城建设人工智能创新平台。"),
        data={"title": "人工智能创新平台", "parks": ["science-city"]},
    )
    target = Proposal.objects.create(
        source=source,
        kind=ProposalKind.TARGET,
        quote=quote,
        quote_offset=source.text.index(quote),
        data={
            "indicator": "研发投入强度",
            "comparator": "about",
            "value": "12",
            "value_max": None,
            "unit": "%",
            "target_year": 2025,
        },
    )
    browser = Client(headers={"accept-language": "en"})
    browser.force_login(curator)
    return {"source": source, "measure": measure, "target": target, "curator": curator, "browser": browser}


def test_the_queue_shows_progress_and_quotes_in_their_paragraphs(ingested):
    page = ingested["browser"].get(f"{CHANGELIST}?source__id__exact={ingested['source'].pk}").content.decode()
    assert "0 of 2" in page
    assert f'<a href="/admin/measures/source/{ingested["source"].pk}/change/">{ingested["source"].title}</a>' in page
    assert "<mark>研发投入强度达到12%左右</mark>" in page
    chinese = Client()
    chinese.force_login(ingested["curator"])
    assert "已审 0 / 共 2" in chinese.get(f"{CHANGELIST}?source__id__exact={ingested['source'].pk}").content.decode()


def test_a_measure_proposal_shows_the_parks_its_draft_will_be_linked_to(ingested):
    ingested["measure"].data = {**ingested["measure"].data, "parks": ["haidian"]}  # from the title: not in the quote
    ingested["measure"].save()
    page = ingested["browser"].get(f"{CHANGELIST}{ingested['measure'].pk}/change/").content.decode()
    assert re.search(r"Parks to link:</label>\s*<div class=\"readonly\">海淀园</div>", page)
    chinese = Client()
    chinese.force_login(ingested["curator"])
    assert "将关联的园区" in chinese.get(f"{CHANGELIST}{ingested['measure'].pk}/change/").content.decode()


def test_a_proposal_naming_a_policy_of_the_registry_links_to_it(ingested):
    policy = factories.PolicyFactory(slug="zgc-forum", name="中关村论坛")
    ingested["measure"].data = {"title": "中关村论坛", "parks": [], "policy": "zgc-forum"}
    ingested["measure"].save()
    page = ingested["browser"].get(f"{CHANGELIST}?source__id__exact={ingested['source'].pk}").content.decode()
    assert f'names <a href="/admin/measures/policy/{policy.pk}/change/">中关村论坛</a>' in page
    chinese = Client()
    chinese.force_login(ingested["curator"])
    assert "对应政策 <a" in chinese.get(f"{CHANGELIST}?source__id__exact={ingested['source'].pk}").content.decode()


@pytest.fixture
def naming_a_policy(ingested):
    """The measure proposal names a policy the registry follows."""
    policy = factories.PolicyFactory(slug="zgc-forum", name="中关村论坛")
    ingested["measure"].data = {"title": "中关村论坛", "parks": [], "policy": "zgc-forum"}
    ingested["measure"].save()
    return {**ingested, "policy": policy, "url": f"{CHANGELIST}{ingested['measure'].pk}/change/"}


def test_accepting_a_proposal_naming_a_policy_links_the_draft_to_it_in_the_role_chosen(naming_a_policy):
    browser, url = naming_a_policy["browser"], naming_a_policy["url"]
    form = browser.get(url).content.decode()
    assert 'name="policy_role"' in form and "reports progress" in form
    chinese = Client()
    chinese.force_login(naming_a_policy["curator"])
    assert "关联所提政策，角色为" in chinese.get(url).content.decode()
    accepted = browser.post(url, {**admin_form_data(browser.get(url)), "policy_role": "implements", "_accept": "1"})
    assert accepted.status_code == 302
    measure = Measure.objects.get(source=naming_a_policy["source"])
    mention = PolicyMention.objects.get(measure=measure)
    assert (mention.policy, mention.role, mention.review_state) == (naming_a_policy["policy"], "implements", "draft")
    assert mention.created_by == naming_a_policy["curator"]


def test_bulk_accept_links_the_policies_proposals_name_in_the_role_asked_for(naming_a_policy):
    ingested = naming_a_policy
    browser, ids = ingested["browser"], [ingested["measure"].pk, ingested["target"].pk]
    selected = {"action": "accept_linking_selected", "_selected_action": ids}
    asked = browser.post(CHANGELIST, selected)
    assert asked.status_code == 200 and 'name="policy_role"' in asked.content.decode()
    assert not Measure.objects.filter(source=ingested["source"]).exists()  # nothing until the role is chosen
    chinese = Client()
    chinese.force_login(ingested["curator"])
    assert "每条草稿措施都会关联其提议中提及的政策" in chinese.post(CHANGELIST, selected).content.decode()
    browser.post(CHANGELIST, {**selected, "policy_role": "reports_progress"})
    mention = PolicyMention.objects.get(measure__source=ingested["source"])
    assert (mention.policy.slug, mention.role, mention.review_state) == ("zgc-forum", "reports_progress", "draft")
    assert Target.objects.filter(source=ingested["source"], review_state="draft").exists()  # names no policy


def test_the_draft_measures_page_shows_the_policy_it_mentions(naming_a_policy):
    browser, url = naming_a_policy["browser"], naming_a_policy["url"]
    browser.post(url, {**admin_form_data(browser.get(url)), "policy_role": "implements", "_accept": "1"})
    mention = PolicyMention.objects.get(measure__source=naming_a_policy["source"])
    page = browser.get(f"/admin/measures/measure/{mention.measure.pk}/change/").content.decode()
    assert f'<a href="/admin/measures/policymention/{mention.pk}/change/">中关村论坛</a> (implements, draft)' in page


def test_without_a_role_the_draft_is_not_linked(naming_a_policy):
    browser, url = naming_a_policy["browser"], naming_a_policy["url"]
    browser.post(url, {**admin_form_data(browser.get(url)), "_accept": "1"})
    assert Measure.objects.filter(source=naming_a_policy["source"]).exists()
    assert not PolicyMention.objects.filter(measure__source=naming_a_policy["source"]).exists()


def test_a_proposal_naming_no_policy_offers_no_link(ingested):
    assert (
        'name="policy_role"'
        not in ingested["browser"].get(f"{CHANGELIST}{ingested['measure'].pk}/change/").content.decode()
    )


def test_a_link_to_a_policy_gone_since_is_a_clear_error_and_nothing_is_stored(naming_a_policy):
    browser, url = naming_a_policy["browser"], naming_a_policy["url"]
    data = {**admin_form_data(browser.get(url)), "policy_role": "implements", "_accept": "1"}
    naming_a_policy["policy"].delete()
    page = browser.post(url, data, follow=True).content.decode()
    assert "no longer in the registry" in page
    assert not Measure.objects.filter(source=naming_a_policy["source"]).exists()
    assert Proposal.objects.get(pk=naming_a_policy["measure"].pk).state == "pending"


def test_accepting_an_edited_target_makes_a_draft_of_the_curators(ingested):
    url = f"{CHANGELIST}{ingested['target'].pk}/change/"
    data = {**admin_form_data(ingested["browser"].get(url)), "indicator": "全社会研发投入强度", "_accept": "1"}
    assert ingested["browser"].post(url, data).status_code == 302
    target = Target.objects.get(source=ingested["source"])
    assert (target.indicator, target.value, target.review_state) == ("全社会研发投入强度", 12, "draft")
    assert target.created_by == ingested["curator"] and target.quote == "研发投入强度达到12%左右"
    proposal = Proposal.objects.get(pk=ingested["target"].pk)
    assert (proposal.state, proposal.target) == ("accepted", target)
    page = ingested["browser"].get(f"{CHANGELIST}?source__id__exact={ingested['source'].pk}").content.decode()
    assert "1 of 2" in page


def test_a_goal_proposed_for_each_year_is_accepted_as_an_annual_rate(ingested):
    ingested["target"].data = {**ingested["target"].data, "period_type": "annual_rate"}
    ingested["target"].save()
    url = f"{CHANGELIST}{ingested['target'].pk}/change/"
    data = {**admin_form_data(ingested["browser"].get(url)), "_accept": "1"}
    assert data["period_type"] == "annual_rate"  # shown, and editable, before accepting
    assert ingested["browser"].post(url, data).status_code == 302
    assert Target.objects.get(source=ingested["source"]).period_type == "annual_rate"


def test_a_bad_value_is_a_clear_error_and_nothing_is_stored(ingested):
    url = f"{CHANGELIST}{ingested['target'].pk}/change/"
    data = {**admin_form_data(ingested["browser"].get(url)), "target_year": "2200", "_accept": "1"}
    response = ingested["browser"].post(url, data, follow=True)
    assert "2200" in response.content.decode() or "target_year" in response.content.decode()
    assert not Target.objects.filter(source=ingested["source"]).exists()
    assert Proposal.objects.get(pk=ingested["target"].pk).state == "pending"


def test_rejecting_needs_a_reason_which_is_kept(ingested):
    url = f"{CHANGELIST}{ingested['measure'].pk}/change/"
    data = {**admin_form_data(ingested["browser"].get(url)), "_reject": "1"}
    ingested["browser"].post(url, data)
    assert Proposal.objects.get(pk=ingested["measure"].pk).state == "pending"
    ingested["browser"].post(url, {**data, "reason": "A heading, not a measure."})
    proposal = Proposal.objects.get(pk=ingested["measure"].pk)
    assert (proposal.state, proposal.reason) == ("rejected", "A heading, not a measure.")
    assert not Measure.objects.filter(source=ingested["source"]).exists()


def test_a_decided_proposal_shows_what_was_proposed_and_who_decided(ingested):
    queue.reject(ingested["curator"], ingested["measure"], "A kind of platform.")
    page = ingested["browser"].get(f"{CHANGELIST}{ingested['measure'].pk}/change/").content.decode()
    assert re.search(r"Proposed:</label>\s*<div class=\"readonly\">人工智能创新平台</div>", page)
    assert re.search(r"Reviewed by:</label>\s*<div class=\"readonly\">(<a [^>]+>)?curator(</a>)?</div>", page)
    assert "None" not in page


def test_bulk_accept_and_bulk_reject(ingested):
    browser, ids = ingested["browser"], [ingested["measure"].pk]
    browser.post(CHANGELIST, {"action": "accept_selected", "_selected_action": ids})
    measure = Measure.objects.get(source=ingested["source"])
    assert measure.review_state == "draft" and [park.slug for park in measure.parks.all()] == ["science-city"]
    ids = [ingested["target"].pk]
    asked = browser.post(CHANGELIST, {"action": "reject_selected", "_selected_action": ids})
    assert asked.status_code == 200 and "reason" in asked.content.decode()
    browser.post(CHANGELIST, {"action": "reject_selected", "_selected_action": ids, "reason": "Past figure."})
    assert Proposal.objects.get(pk=ingested["target"].pk).state == "rejected"


def test_a_bulk_action_with_nothing_to_act_on_says_so_instead_of_asking(ingested):
    browser, ids = ingested["browser"], [ingested["measure"].pk]
    queue.accept(ingested["curator"], ingested["measure"])
    for action in ("reject_selected", "accept_linking_selected"):
        response = browser.post(CHANGELIST, {"action": action, "_selected_action": ids}, follow=True)
        assert "None of the selected" in response.content.decode()
    pending = [ingested["target"].pk]  # pending, but names no policy
    response = browser.post(CHANGELIST, {"action": "accept_linking_selected", "_selected_action": pending}, follow=True)
    assert "names a policy" in response.content.decode() and Proposal.objects.get(pk=pending[0]).state == "pending"


def test_withheld_proposals_are_left_out_of_the_worklist_and_its_progress(ingested):
    ingested["target"].state = "withheld"
    ingested["target"].save()
    source = ingested["source"]
    page = ingested["browser"].get(f"{CHANGELIST}?source__id__exact={source.pk}").content.decode()
    assert "0 of 1 proposals reviewed" in page
    assert "0 of 1 reviewed" in ingested["browser"].get(f"/admin/measures/source/{source.pk}/change/").content.decode()
    assert f'href="?source__id__exact={source.pk}&amp;state__exact=withheld"' in page
    chinese = Client()
    chinese.force_login(ingested["curator"])
    assert (
        "另有 1 条此前已驳回的发现被搁置" in chinese.get(f"{CHANGELIST}?source__id__exact={source.pk}").content.decode()
    )


def test_a_withheld_proposal_says_where_and_why_it_was_rejected_before(ingested):
    earlier = factories.SourceFactory(slug="earlier", title="上一篇", review_state="draft")
    rejected = Proposal.objects.create(
        source=earlier, kind=ProposalKind.MEASURE, quote="q", quote_offset=0, data={"title": "人工智能创新平台"}
    )
    queue.reject(ingested["curator"], rejected, "A kind of platform, not one.")
    other = Proposal.objects.create(
        source=earlier, kind=ProposalKind.MEASURE, quote="q", quote_offset=0, data={"title": "城市更新行动"}
    )
    queue.reject(ingested["curator"], other, "Another finding's reason.")
    ingested["measure"].state = "withheld"
    ingested["measure"].save()
    page = ingested["browser"].get(f"{CHANGELIST}{ingested['measure'].pk}/change/").content.decode()
    assert "Rejected before" in page and "A kind of platform, not one." in page
    assert f'href="/admin/measures/source/{earlier.pk}/change/">上一篇</a>' in page
    assert "Another finding's reason." not in page
    assert queue.earlier_rejections(ingested["target"]) == []
    chinese = Client()
    chinese.force_login(ingested["curator"])
    assert "此前的驳回" in chinese.get(f"{CHANGELIST}{ingested['measure'].pk}/change/").content.decode()


def test_a_withheld_target_is_shown_the_rejections_of_its_own_reading_not_its_siblings(ingested):
    """The same quote read as another indicator (a figure shared by subjects) is another finding."""
    earlier = factories.SourceFactory(slug="earlier", title="上一篇", review_state="draft")
    target = ingested["target"]

    def rejected(**reading):
        proposal = Proposal.objects.create(
            source=earlier,
            kind=ProposalKind.TARGET,
            quote=target.quote,
            quote_offset=0,
            data={**target.data, **reading},
        )
        queue.reject(ingested["curator"], proposal, f"Not this reading: {reading}.")
        return proposal

    same = rejected()
    rejected(indicator="全社会研发投入强度")
    rejected(value="13")
    assert queue.earlier_rejections(target) == [same]
    assert len(queue.rejected_findings()) == 3
    # The extractor stores numbers, not strings: the lookup finds a float as the database keeps it.
    target.data = {**target.data, "value": 4.5}
    target.save()
    numeric = rejected(value=4.5)
    assert queue.earlier_rejections(target) == [numeric]


def test_a_curator_reopens_a_rejected_or_withheld_proposal(ingested):
    browser = ingested["browser"]
    queue.reject(ingested["curator"], ingested["measure"], "Rejected by mistake.")
    ingested["target"].state = "withheld"
    ingested["target"].save()
    ids = [ingested["measure"].pk, ingested["target"].pk]
    response = browser.post(CHANGELIST, {"action": "reopen_selected", "_selected_action": ids}, follow=True)
    assert "2 proposals reopened" in response.content.decode()
    for proposal in Proposal.objects.filter(pk__in=ids):
        assert (proposal.state, proposal.reason, proposal.reviewed_by) == ("pending", "", None)
    assert queue.rejected_findings() == frozenset()  # offered again in later documents


def test_an_accepted_proposal_does_not_reopen(ingested):
    queue.accept(ingested["curator"], ingested["measure"])
    ingested["browser"].post(CHANGELIST, {"action": "reopen_selected", "_selected_action": [ingested["measure"].pk]})
    assert Proposal.objects.get(pk=ingested["measure"].pk).state == "accepted"


def test_staff_without_a_group_cannot_work_the_queue(ingested):
    browser = Client()
    browser.force_login(User.objects.create_user("clerk", password="pw-for-tests-only", is_staff=True))
    assert browser.get(CHANGELIST).status_code == 403
    browser.post(CHANGELIST, {"action": "accept_selected", "_selected_action": [ingested["measure"].pk]})
    assert not Measure.objects.filter(source=ingested["source"]).exists()


def test_a_curator_discards_an_ingested_source_with_its_untouched_proposals(ingested):
    browser, source = ingested["browser"], ingested["source"]
    response = browser.post(f"/admin/measures/source/{source.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302, response.content.decode()[:500]
    assert not Source.objects.filter(pk=source.pk).exists()
    assert not Proposal.objects.filter(source_id=source.pk).exists()
