"""The seed's policies, beneficiaries, indicators and observations: checked, loaded once, and curators' edits kept."""

import json

import pytest
from django.core.management import CommandError

from measures.models import (
    Beneficiary,
    Indicator,
    Measure,
    Observation,
    Policy,
    PolicyEvent,
    PolicyMention,
    SeedRecord,
    Source,
    Target,
)
from measures.seed.files import fix_event_offsets, fix_offsets
from tests.seed.conftest import RAW, seed, write

RAW_2024 = (
    "2023年，海淀园研发投入强度为10.5%。\n到2027年，海淀园研发投入强度达到13%左右。\n继续建设人工智能创新平台。\n"
)
TEXT_2024 = RAW_2024.strip()


@pytest.fixture
def policy_dir(fixture_dir):
    """The one-source seed, a later source restating its platform with a moved target, and the shared files."""
    write(
        fixture_dir / "beneficiaries.json",
        [
            {"slug": "enterprises", "name": "企业", "name_en": "Enterprises", "parent": None},
            {"slug": "start-ups", "name": "初创企业", "name_en": "Start-ups", "parent": "enterprises"},
        ],
    )
    write(
        fixture_dir / "indicators.json",
        [{"slug": "rd-intensity", "name": "研发投入强度", "name_en": "R&D intensity", "unit": "%"}],
    )
    first = json.loads((fixture_dir / "001_test.json").read_text(encoding="utf-8"))
    first["targets"][0]["tracks"] = "rd-intensity"
    first["measures"][0]["beneficiaries"] = ["start-ups"]
    write(fixture_dir / "001_test.json", first)
    (fixture_dir / "raw" / "002_test.txt").write_text(RAW_2024, encoding="utf-8")
    later = {
        "source": {
            "slug": "later-source",
            "file": "raw/002_test.txt",
            "title": "后来的报道",
            "kind": "news_report",
            "published_on": None,
            "published_not_before": "2024-01-01",
            "published_not_after": "2024-06-30",
            "date_precision": "unknown",
            "language": "zh-Hans",
        },
        "measures": [
            {
                "slug": "t2-platform",
                "title": "继续建设人工智能创新平台",
                "title_en": "Keep building the AI platform",
                "summary": "平台",
                "quote": "继续建设人工智能创新平台。",
                "offset": TEXT_2024.index("继续"),
                "instrument": "platform",
                "status": "in_force",
                "start_year": 2024,
                "start_year_stated": False,
                "beneficiaries": ["start-ups"],
            }
        ],
        "targets": [
            {
                "slug": "t2-rd-2027",
                "indicator": "研发投入强度",
                "indicator_en": "R&D intensity",
                "comparator": "about",
                "value": 13,
                "unit": "%",
                "start_year": 2024,
                "target_year": 2027,
                "period_type": "end_value",
                "tracks": "rd-intensity",
                "supersedes": "t-rd-2025",
                "quote": "到2027年，海淀园研发投入强度达到13%左右",
                "offset": TEXT_2024.index("到2027年"),
                "park": "海淀园",
            }
        ],
        "observations": [
            {
                "slug": "t2-rd-2023",
                "indicator": "rd-intensity",
                "value": 10.5,
                "value_max": None,
                "unit": "%",
                "year": 2023,
                "year_end": None,
                "period_type": "annual",
                "park": "海淀园",
                "quote": "2023年，海淀园研发投入强度为10.5%",
                "offset": 0,
                "notes": "",
            }
        ],
    }
    write(fixture_dir / "002_test.json", later)
    write(
        fixture_dir / "policies.json",
        [
            {
                "slug": "ai-platform",
                "name": "人工智能创新平台",
                "name_en": "AI innovation platform",
                "aliases": ["AI平台"],
                "kind": "platform",
                "parks": ["海淀园"],
                "themes": ["digital-technology"],
                "beneficiaries": ["start-ups"],
                "status": "in_force",
                "status_evidenced_on": "2024-06-30",
                "description": "",
                "mentions": [
                    {"measure": "t-platform", "role": "announces"},
                    {"measure": "t2-platform", "role": "continues"},
                ],
                "events": [
                    {
                        "kind": "announced",
                        "date": "2024-01-01",
                        "date_precision": "year",
                        "source": "test-source",
                        "quote": "建设人工智能创新平台。",
                        "offset": RAW.replace("app", "科学").index("建设人工智能"),
                        "notes": "",
                    }
                ],
            }
        ],
    )
    return fixture_dir


def snapshot():
    models = (Beneficiary, Indicator, Measure, Observation, Policy, PolicyEvent, PolicyMention, Target, SeedRecord)
    return {model.__name__: sorted(str(row) for row in model.objects.values()) for model in models}


def test_the_seed_loads_policies_observations_and_links(db, policy_dir):
    seed(policy_dir)
    policy = Policy.objects.get(slug="ai-platform")
    assert policy.review_state == "published" and policy.alias_list == ["AI平台"]
    assert [park.slug for park in policy.parks.all()] == ["haidian-park"]
    assert [item.slug for item in policy.beneficiaries.all()] == ["start-ups"]
    assert sorted(policy.mentions.values_list("measure__slug", "role")) == [
        ("t-platform", "announces"),
        ("t2-platform", "continues"),
    ]
    [event] = policy.events.all()
    assert event.source.text[event.quote_offset :].startswith(event.quote)
    moved = Target.objects.get(slug="t2-rd-2027")
    assert (moved.supersedes.slug, moved.tracks.slug, moved.start_year) == ("t-rd-2025", "rd-intensity", 2024)
    observation = Observation.objects.get(slug="t2-rd-2023")
    assert (observation.value, observation.park.slug, observation.source.slug) == (10.5, "haidian-park", "later-source")
    later = Measure.objects.get(slug="t2-platform")
    assert later.start_year_stated is False and [b.slug for b in later.beneficiaries.all()] == ["start-ups"]
    assert Measure.objects.get(slug="t-platform").start_year_stated is True
    source = Source.objects.get(slug="later-source")
    assert (str(source.published_not_before), str(source.published_not_after)) == ("2024-01-01", "2024-06-30")
    assert Beneficiary.objects.get(slug="start-ups").parent.slug == "enterprises"


def test_running_twice_changes_nothing(db, policy_dir, capsys):
    seed(policy_dir)
    before = snapshot()
    seed(policy_dir)
    assert snapshot() == before
    assert "0 created, 0 updated" in capsys.readouterr().out


def test_curators_edits_to_policies_survive_a_reseed(db, policy_dir, capsys):
    seed(policy_dir)
    Policy.objects.filter(slug="ai-platform").update(name_en="Edited by a curator")
    PolicyMention.objects.filter(measure__slug="t2-platform").delete()
    Observation.objects.filter(slug="t2-rd-2023").update(notes="checked against the yearbook")
    policies = json.loads((policy_dir / "policies.json").read_text(encoding="utf-8"))
    policies[0]["description"] = "A change in the fixture."
    write(policy_dir / "policies.json", policies)
    capsys.readouterr()
    seed(policy_dir)
    assert Policy.objects.get(slug="ai-platform").name_en == "Edited by a curator"
    assert not PolicyMention.objects.filter(measure__slug="t2-platform").exists()
    assert Observation.objects.get(slug="t2-rd-2023").notes == "checked against the yearbook"
    out = capsys.readouterr().out
    assert "policy ai-platform: edited by a curator" in out
    assert "policymention ai-platform:t2-platform: deleted by a curator" in out
    assert "observation t2-rd-2023: edited by a curator" in out


def breaks(name, change):
    def breakage(directory):
        path = directory / name
        data = json.loads(path.read_text(encoding="utf-8"))
        change(data)
        write(path, data)

    return breakage


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (
            breaks("policies.json", lambda d: d[0]["events"][0].update(quote="不在原文中")),
            "policies.json: policy ai-platform event 0: quote is not at offset",
        ),
        (
            breaks("policies.json", lambda d: d[0]["mentions"].append({"measure": "nothing", "role": "restates"})),
            "mention of 'nothing', which is no measure of the seed",
        ),
        (breaks("policies.json", lambda d: d[0].update(kind="whim")), "policy ai-platform: kind 'whim'"),
        (
            breaks("002_test.json", lambda d: d["targets"][0].update(supersedes="t2-rd-2027")),
            "which is not another target of this or an earlier-published source",
        ),
        (
            breaks("002_test.json", lambda d: d["observations"][0].update(indicator="gdp")),
            "observation t2-rd-2023: indicator 'gdp' is not in indicators.json",
        ),
        (
            breaks("002_test.json", lambda d: d["observations"][0].update(year_end=2020)),
            "observation t2-rd-2023: year_end: Must not be before year",
        ),
        (
            breaks("002_test.json", lambda d: d["source"].update(published_not_after="2023-01-01")),
            "published_not_after is before published_not_before",
        ),
        (
            breaks("002_test.json", lambda d: d["measures"][0].update(beneficiaries=["aliens"])),
            "beneficiary 'aliens' is not in beneficiaries.json",
        ),
    ],
)
def test_a_broken_policy_fixture_aborts_and_changes_nothing(db, policy_dir, breakage, message):
    seed(policy_dir)
    before = snapshot()
    breakage(policy_dir)
    with pytest.raises(CommandError, match="nothing was changed") as error:
        seed(policy_dir)
    assert message in str(error.value)
    assert snapshot() == before


def test_fix_offsets_reaches_observations_and_events(policy_dir):
    later = policy_dir / "002_test.json"
    data = json.loads(later.read_text(encoding="utf-8"))
    data["observations"][0]["offset"] = 9
    write(later, data)
    assert fix_offsets(later, TEXT_2024) == []
    assert json.loads(later.read_text(encoding="utf-8"))["observations"][0]["offset"] == 0
    policies = policy_dir / "policies.json"
    texts = {"test-source": "北京市科学技术委员会发布政策。\n建设人工智能创新平台。"}
    problems = fix_event_offsets(policies, texts)
    assert problems == []
    assert json.loads(policies.read_text(encoding="utf-8"))[0]["events"][0]["offset"] == texts["test-source"].index(
        "建设"
    )
