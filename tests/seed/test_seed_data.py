"""The real seed, as loaded: complete per source, clean, traceable to the words it came from."""

import hashlib
import re
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.db import models

from measures.models import Measure, Organization, Park, Source, Target, TextCorrection, Theme
from measures.text.cleaning import find_spam
from measures.text.names import NameIndex

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "raw"
# (measures, targets) per source: a change here is a change to the curated data, and should be deliberate.
EXPECTED_COUNTS = {
    "cai-qi-zhongguancun-survey-2018": (50, 0),
    "haidian-world-leading-park-2024": (78, 7),
    "zgc-14th-five-year-plan": (256, 26),
    "science-centre-work-conference-2017": (61, 0),
    "zgc-forum-2019-results": (68, 7),
}


def text_fields(model):
    return [f.name for f in model._meta.get_fields() if isinstance(f, models.CharField | models.TextField)]


def test_counts_per_source(seeded_registry, db):
    counts = {s.slug: (s.measures.count(), s.targets.count()) for s in Source.objects.all()}
    assert counts == EXPECTED_COUNTS
    assert Park.objects.count() >= 16 + 1  # the zone and its sixteen sub-parks at least
    assert Theme.objects.exists() and Organization.objects.exists()


def test_raw_text_is_the_file_byte_for_byte(seeded_registry, db):
    for source in Source.objects.all():
        [path] = [p for p in SEEDS.glob("*.txt") if hashlib.sha256(p.read_bytes()).hexdigest() == source.sha256]
        assert source.raw_text.encode("utf-8") == path.read_bytes()


def test_every_quote_is_at_its_offset_in_the_cleaned_text(seeded_registry, db):
    records = [*Measure.objects.select_related("source"), *Target.objects.select_related("source")]
    misplaced = [
        r.slug
        for r in records
        if r.source.text[r.quote_offset : r.quote_offset + len(r.quote)] != r.quote or not r.quote
    ]
    assert len(records) == sum(m + t for m, t in EXPECTED_COUNTS.values())
    assert misplaced == []


def test_no_injected_spam_in_any_seeded_field(seeded_registry, db):
    dirty = []
    for model in (Measure, Target, Park, Organization, Theme, Source):
        for obj in model.objects.all():
            for name in set(text_fields(model)) - {"raw_text", "text"}:
                if find_spam(getattr(obj, name)):
                    dirty.append(f"{model.__name__} {obj.slug} {name}")
    assert dirty == []


def test_cleaned_text_keeps_injected_words_only_where_flagged(seeded_registry, db):
    spammed = Source.objects.get(slug="science-centre-work-conference-2017")
    assert find_spam(spammed.raw_text)
    assert "北京市科学技术委员会" in spammed.text
    for source in Source.objects.all():
        text = source.text
        for flagged in TextCorrection.objects.filter(source=source, flagged=True):
            text = text.replace(flagged.original, "")
        assert find_spam(text) == [], source.slug


def test_the_park_tree_has_one_root_and_no_cycles(seeded_registry, db):
    parents = dict(Park.objects.values_list("pk", "parent_id"))
    roots = [pk for pk, parent in parents.items() if parent is None]
    assert len(roots) == 1
    for pk in parents:
        seen = set()
        while parents[pk] is not None:
            assert pk not in seen
            seen.add(pk)
            pk = parents[pk]
        assert pk == roots[0]


def test_every_park_a_measure_quote_names_is_linked(seeded_registry, db):
    names = NameIndex((p.slug, [p.name, *p.alias_list]) for p in Park.objects.all())
    unlinked = {}
    for measure in Measure.objects.prefetch_related("parks"):
        missing = names.mentioned_in(measure.quote) - {park.slug for park in measure.parks.all()}
        if missing:
            unlinked[measure.slug] = missing
    assert unlinked == {}


def test_every_target_has_unit_and_year_or_a_reason(seeded_registry, db):
    unexplained = [
        t.slug for t in Target.objects.all() if (not t.unit or t.target_year is None) and not t.notes.strip()
    ]
    assert unexplained == []
    assert not Target.objects.filter(value__isnull=True).exclude(comparator="").exists()


def test_about_targets_come_from_zuoyou(seeded_registry, db):
    for target in Target.objects.filter(comparator="about"):
        assert "左右" in target.quote, target.slug
    rd = Target.objects.get(quote__contains="12%左右")
    assert (rd.value, rd.unit, rd.target_year) == (12, "%", 2025)


def test_reseeding_changes_nothing_and_keeps_a_curators_edit(seeded_registry, db):
    measure = Measure.objects.order_by("slug").first()
    Measure.objects.filter(pk=measure.pk).update(title_en="Edited by a curator")
    out = StringIO()
    call_command("seed", stdout=out)
    assert re.search(r"0 created, 0 updated, \d+ unchanged; left alone: 1 edited, 0 deleted", out.getvalue())
    assert Measure.objects.get(pk=measure.pk).title_en == "Edited by a curator"
