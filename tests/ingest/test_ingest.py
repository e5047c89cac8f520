"""Ingesting a new document: stored cleaned with corrections recorded, proposals queued, re-ingest refused."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client

from measures import review
from measures.choices import ProposalKind, ProposalState
from measures.ingest import decisions, queue
from measures.models import Measure, Proposal, Source, Target, TextCorrection

RAW = Path(__file__).resolve().parents[2] / "fixtures" / "raw"
SPAMMED = (RAW / "003_e626e0e49a2e806a.txt").read_bytes()


@pytest.fixture
def seeded(seeded_registry, db):
    """The real seed; what a test ingests is rolled back after it."""


@pytest.fixture
def new_document(tmp_path):
    """The spammed report under a new headline, so its bytes (and hash) are new to the registry."""
    path = tmp_path / "report.txt"
    path.write_bytes("北京全国科技创新中心建设工作会议召开\n".encode() + SPAMMED)
    return path


def ingest(path, *options):
    out = StringIO()
    call_command("ingest_source", str(path), "--title", "新报道", *options, stdout=out)
    return out.getvalue()


def test_dry_run_json_proposes_and_writes_nothing(seeded, new_document):
    before = (Source.objects.count(), Measure.objects.count(), Target.objects.count())
    proposal = json.loads(ingest(new_document, "--dry-run", "--json"))
    assert {"measures", "targets", "parks", "funding"} <= set(proposal)
    assert len(proposal["measures"]) > 10
    assert all(item["quote"] for item in proposal["measures"])
    assert "tianjin-binhai-zgc-science-park" in {park["slug"] for park in proposal["parks"]}
    assert (Source.objects.count(), Measure.objects.count(), Target.objects.count()) == before


def test_dry_run_json_lists_funding_with_amount_unit_quote_and_offset(seeded, tmp_path):
    text = "关于支持企业创新的若干措施\n对新认定的企业技术中心，给予最高100万元资金支持。\n"
    document = tmp_path / "support.txt"
    document.write_text(text, encoding="utf-8")
    funding = json.loads(ingest(document, "--dry-run", "--json"))["funding"]
    assert [(item["amount"], item["unit"]) for item in funding] == [(100, "万元")]
    assert {"amount", "unit", "quote", "offset"} <= set(funding[0])
    assert text[funding[0]["offset"] :].startswith(funding[0]["quote"])


def test_the_registrys_policies_are_found_by_name_and_proposed_with_their_slug(seeded, tmp_path):
    text = "新闻\n本市将办好中关村论坛，推动雄安新区中关村科技园建设。\n"
    document = tmp_path / "forum.txt"
    document.write_text(text, encoding="utf-8")
    assert "Created source" in ingest(document, "--title", "论坛报道")
    proposed = {p.data["title"]: p.data for p in Proposal.objects.filter(source__title="论坛报道", kind="measure")}
    assert proposed["中关村论坛"]["policy"] == "zgc-forum"
    # A policy the registry also knows as a park is a park link, not a measure.
    assert not [title for title in proposed if "雄安" in title]


def test_a_goal_set_each_year_is_proposed_as_an_annual_rate(seeded, tmp_path):
    document = tmp_path / "plan.txt"
    document.write_text("行动计划\n二、行动步骤\n每年培育“皖企登云”企业6000家以上。\n", encoding="utf-8")
    assert "Created source" in ingest(document, "--title", "行动计划")
    target = Proposal.objects.get(source__title="行动计划", kind="target")
    assert (target.data["value"], target.data["period_type"]) == (6000, "annual_rate")


def test_measures_naming_no_park_are_linked_to_the_sub_park_of_the_district_the_title_names(seeded, tmp_path):
    document = tmp_path / "district.txt"
    document.write_text("实施人工智能“头雁”工程。支持朝阳园开展人工智能应用试点。\n", encoding="utf-8")
    proposal = json.loads(ingest(document, "--title", "海淀区建设世界领先科技园区若干措施", "--dry-run", "--json"))
    assert [(m["title"], m["parks"]) for m in proposal["measures"]] == [
        ("人工智能“头雁”工程", ["haidian-park"]),
        ("人工智能应用试点", ["chaoyang-park"]),  # it names its own park
    ]


def test_ingest_stores_cleaned_text_with_corrections_and_draft_proposals(seeded, new_document):
    assert "Created source" in ingest(new_document, "--date", "2017-04", "--publisher", "北京日报")
    source = Source.objects.get(title="新报道")
    assert source.raw_text.encode() == new_document.read_bytes()
    assert (source.published_on.isoformat(), source.date_precision) == ("2017-04-01", "month")
    # Injected words seen by curators before are corrected the same way; the rest are flagged, not guessed.
    assert "北京市科学技术委员会" in source.text and "手机版" not in source.text
    corrections = TextCorrection.objects.filter(source=source)
    assert corrections.filter(flagged=False, original="app", replacement="科学").exists()
    assert corrections.filter(flagged=True).exists()
    assert source.review_state == "draft"
    # Proposals wait in the review queue; nothing becomes a record until a curator accepts it.
    proposals = source.proposals.all()
    assert proposals.filter(kind="measure").exists()
    assert {proposal.state for proposal in proposals} == {"pending"}
    assert not Measure.objects.filter(source=source).exists() and not Target.objects.filter(source=source).exists()
    for proposal in proposals:
        assert source.text[proposal.quote_offset : proposal.quote_offset + len(proposal.quote)] == proposal.quote
    assert any(p.data["parks"] for p in proposals.filter(kind="measure"))


def test_reingesting_the_same_bytes_is_refused_naming_the_source(seeded):
    with pytest.raises(CommandError, match="already ingested as source “zgc-forum-2019-results”"):
        ingest(RAW / "004_674097da066391c5.txt")


@pytest.mark.parametrize(
    ("content", "options", "message"),
    [
        ("不是文本".encode("gbk"), [], "not UTF-8"),
        ("文本\x00二进制".encode(), [], "NUL"),
        ("到2025年达到12%左右。".encode(), ["--date", "2025-13"], "YYYY"),
    ],
)
def test_bad_documents_are_refused_and_nothing_is_stored(db, tmp_path, content, options, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        ingest(path, *options)
    assert not Source.objects.exists()


def test_admin_upload_form_ingests_as_drafts(seeded, new_document, api_client):
    api_client.force_login(User.objects.create_superuser("boss", password="pw-for-tests-only"))
    assert "ingest/" in api_client.get("/admin/measures/source/").content.decode()
    upload = SimpleUploadedFile("report.txt", new_document.read_bytes(), content_type="text/plain")
    response = api_client.post(
        "/admin/measures/source/ingest/", {"document": upload, "title": "上传的报道", "kind": "news_report"}
    )
    source = Source.objects.get(title="上传的报道")
    assert response.status_code == 302 and f"source__id__exact={source.pk}" in response["Location"]
    assert source.review_state == "draft" and source.proposals.filter(state="pending").exists()
    again = api_client.post(
        "/admin/measures/source/ingest/",
        {"document": SimpleUploadedFile("r.txt", new_document.read_bytes()), "title": "又一次", "kind": "other"},
    )
    page = again.content.decode()
    assert again.status_code == 200 and "已导入为来源" in page  # in the curator's language, with a link to it
    assert f'href="/admin/measures/source/{source.pk}/change/"' in page


def test_the_upload_form_says_what_is_wrong_by_the_input_it_concerns_in_the_curators_language(seeded):
    english = Client(headers={"accept-language": "en"})
    english.force_login(User.objects.create_superuser("boss", password="pw-for-tests-only"))
    upload = SimpleUploadedFile("report.txt", "到2025年达到12%左右。".encode(), content_type="text/plain")
    fields = {"document": upload, "title": "日期有误", "kind": "other", "date": "2025-13-40"}
    form = english.post("/admin/measures/source/ingest/", fields).context["form"]
    assert list(form.errors) == ["date"] and "YYYY-MM-DD" in form.errors["date"][0]
    gbk = SimpleUploadedFile("gbk.txt", "不是文本".encode("gbk"), content_type="text/plain")
    chinese = Client()
    chinese.force_login(User.objects.get(username="boss"))
    page = chinese.post("/admin/measures/source/ingest/", {"document": gbk, "title": "编码", "kind": "other"})
    assert "不是 UTF-8 文本" in page.content.decode() and "codec" not in page.content.decode()
    assert not Source.objects.filter(title__in=["日期有误", "编码"]).exists()


def test_the_registry_remembers_its_curators_work_on_earlier_documents(seeded, tmp_path):
    first = tmp_path / "first.txt"
    first.write_text("第一篇\n支持冀货出海，开展人工智能应用试点，深入实施城市更新行动。\n", encoding="utf-8")
    ingest(first, "--title", "第一篇")
    source = Source.objects.get(title="第一篇")
    proposed = {p.data["title"]: p for p in Proposal.objects.filter(source=source, kind="measure")}
    assert set(proposed) == {"人工智能应用试点", "城市更新行动"}
    queue.accept(review.SHELL, proposed["城市更新行动"])
    queue.reject(review.SHELL, proposed["人工智能应用试点"], "A kind of pilot, not one pilot.")
    # The curator adds by hand what ingest missed.
    Measure.objects.create(
        slug="hebei-goods-abroad", title="冀货出海", source=source, quote="支持冀货出海", quote_offset=4
    )

    second = tmp_path / "second.txt"
    second.write_text("第二篇\n城市更新行动成效明显。冀货出海势头良好，开展人工智能应用试点。\n", encoding="utf-8")
    proposal = json.loads(ingest(second, "--title", "第二篇", "--dry-run", "--json"))
    assert [m["title"] for m in proposal["measures"]] == ["城市更新行动", "冀货出海"]
    assert [(item["kind"], item["title"]) for item in proposal["withheld"]] == [("measure", "人工智能应用试点")]

    chinese = Client()  # the admin's upload says so, in the curator's language
    chinese.force_login(User.objects.create_superuser("boss", password="pw-for-tests-only"))
    upload = SimpleUploadedFile("second.txt", second.read_bytes(), content_type="text/plain")
    page = chinese.post("/admin/measures/source/ingest/", {"document": upload, "title": "第二篇", "kind": "other"})
    assert "1 条此前已被审核人驳回的发现未再提议" in chinese.get(page["Location"]).content.decode()
    withheld = Proposal.objects.get(source__title="第二篇", data__title="人工智能应用试点")
    assert withheld.state == "withheld"  # kept out of the worklist, not lost: a curator may reopen it


def test_a_finding_rejected_in_one_source_but_accepted_in_another_is_offered():
    measure = ProposalKind.MEASURE
    goal_2025 = {"quote": "到2025年达到12%", "indicator": "", "value": "12"}
    decided = [
        (decisions.finding(measure, {"title": "人工智能创新平台"}, ""), ProposalState.REJECTED),
        (decisions.finding(measure, {"title": "人工智能创新平台"}, ""), ProposalState.ACCEPTED),
        (decisions.finding(measure, {"title": "对此"}, ""), ProposalState.REJECTED),
        (decisions.finding(ProposalKind.TARGET, goal_2025, goal_2025["quote"]), ProposalState.REJECTED),
    ]
    proposal = {
        "measures": [{"title": "人工智能创新平台", "quote": "q"}, {"title": "对此", "quote": "q"}],
        "targets": [goal_2025, {"quote": "到2030年达到15%", "indicator": "", "value": "15"}],
    }
    kept, withheld = decisions.withhold(proposal, decisions.rejected_among(decided))
    assert [m["title"] for m in kept["measures"]] == ["人工智能创新平台"]
    assert [t["quote"] for t in kept["targets"]] == ["到2030年达到15%"]
    assert [item["kind"] for item in withheld] == ["measure", "target"]


def test_rejecting_one_goal_of_a_sentence_withholds_only_that_goal():
    """One quote may hold several goals (a figure shared by subjects, a 分别 pair): a finding is a target's
    indicator and value in its quote, so rejecting one reading leaves its siblings on offer."""
    quote = "社会消费品零售总额、固定资产投资均增长4%左右"
    retail = {"quote": quote, "indicator": "社会消费品零售总额", "value": "4"}
    investment = {"quote": quote, "indicator": "固定资产投资", "value": "4"}
    read_as_five = {**retail, "value": "5"}
    decided = [(decisions.finding(ProposalKind.TARGET, retail, quote), ProposalState.REJECTED)]
    proposal = {"measures": [], "targets": [retail, investment, read_as_five]}
    kept, withheld = decisions.withhold(proposal, decisions.rejected_among(decided))
    assert kept["targets"] == [investment, read_as_five]
    assert [(item["indicator"], item["value"]) for item in withheld] == [("社会消费品零售总额", "4")]


def test_a_title_too_short_to_be_told_from_other_words_is_not_searched_for():
    titles = ["新区", "双减", "“双减”", "城市更新行动", "城市更新行动"]
    assert decisions.searched_titles(titles) == ["“双减”", "城市更新行动"]
