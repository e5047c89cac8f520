"""The seed command: one transaction, idempotent, never overwrites or resurrects a curator's work."""

import json

import pytest
from django.core.management import CommandError

from measures.models import Measure, Park, SeedRecord, Source, Target, TextCorrection
from tests.seed.conftest import RAW, seed, write


def snapshot():
    return {
        model.__name__: sorted((str(row) for row in model.objects.values()), key=str)
        for model in (Measure, Park, Source, Target, TextCorrection, SeedRecord)
    }


def test_seed_loads_cleaned_text_corrections_and_links(db, fixture_dir):
    seed(fixture_dir)
    source = Source.objects.get(slug="test-source")
    assert source.raw_text == RAW and source.text == RAW.replace("app", "科学").strip()
    assert source.corrections.filter(flagged=False).count() == 2  # the spam word and the trailing newline
    assert list(source.issuers.values_list("slug", flat=True)) == ["beijing-science-commission"]
    child = Measure.objects.get(slug="t-rd")
    assert child.parent.slug == "t-platform"
    assert list(child.parks.values_list("slug", flat=True)) == ["haidian-park"]
    target = Target.objects.get(slug="t-rd-2025")
    assert (target.measure, target.park.slug, target.value) == (child, "haidian-park", 12)
    assert source.text[target.quote_offset :].startswith(target.quote)


def test_running_twice_changes_nothing(db, fixture_dir, capsys):
    seed(fixture_dir)
    before = snapshot()
    seed(fixture_dir)
    assert snapshot() == before
    assert "0 created, 0 updated" in capsys.readouterr().out


def test_curator_edits_and_deletions_survive_a_reseed(db, fixture_dir, capsys):
    seed(fixture_dir)
    Measure.objects.filter(slug="t-platform").update(title="策展人修改的标题")
    Target.objects.filter(slug="t-rd-2025").delete()
    capsys.readouterr()
    seed(fixture_dir)
    assert Measure.objects.get(slug="t-platform").title == "策展人修改的标题"
    assert not Target.objects.filter(slug="t-rd-2025").exists()
    out = capsys.readouterr().out
    assert "measure t-platform: edited by a curator" in out
    assert "target t-rd-2025: deleted by a curator" in out


def test_fixture_changes_reach_records_nobody_edited(db, fixture_dir):
    seed(fixture_dir)
    data = json.loads((fixture_dir / "001_test.json").read_text(encoding="utf-8"))
    data["measures"][0]["title_en"] = "Build an artificial-intelligence platform"
    write(fixture_dir / "001_test.json", data)
    seed(fixture_dir)
    assert Measure.objects.get(slug="t-platform").title_en == "Build an artificial-intelligence platform"


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (
            lambda d: d["measures"][1].update(quote="不在原文中的句子"),
            "001_test.json: measure t-rd: quote is not at offset",
        ),
        (
            lambda d: d["measures"][0].update(title="app平台"),
            "001_test.json: measure t-platform: title contains injected",
        ),
        (lambda d: d["measures"][1].update(parks=[]), "quote names parks it does not link"),
        (lambda d: d["targets"][0].update(comparator="roughly"), "target t-rd-2025: comparator 'roughly'"),
        (lambda d: d["corrections"].clear(), "injected text 'app' at 3 is neither corrected nor flagged"),
    ],
)
def test_a_broken_fixture_aborts_naming_file_and_record_and_changes_nothing(db, fixture_dir, breakage, message):
    seed(fixture_dir)
    Measure.objects.filter(slug="t-platform").update(title="策展人修改的标题")
    before = snapshot()
    data = json.loads((fixture_dir / "001_test.json").read_text(encoding="utf-8"))
    breakage(data)
    write(fixture_dir / "001_test.json", data)
    with pytest.raises(CommandError, match="nothing was changed") as error:
        seed(fixture_dir)
    assert message in str(error.value)
    assert snapshot() == before


def test_unreadable_json_names_the_file(db, fixture_dir):
    (fixture_dir / "001_test.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match=r"001_test\.json: file: cannot be read"):
        seed(fixture_dir)
    assert not Source.objects.exists()
