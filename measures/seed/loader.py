"""Load the checked seed into the database without ever overwriting a curator's work.

For every record it writes, the seed remembers a hash of the record as it left it (SeedRecord).
On the next run a record whose hash no longer matches was edited by a curator, and a remembered
record that is gone was deleted by one: both are left alone and reported.
"""

import hashlib
import json
from collections import Counter
from datetime import date
from operator import itemgetter, methodcaller

from django.db import transaction

from measures import review
from measures.choices import ReviewState
from measures.models import Measure, Organization, Park, SeedRecord, Source, Target, TextCorrection, Theme
from measures.seed.files import read_seed
from measures.trees import parents_first

SLUG, PARENT = itemgetter("slug"), methodcaller("get", "parent")  # a fixture record's name and its parent's
SKIPPED = ("edited", "deleted", "not seeded")


def record_digest(obj):
    """A hash of every field the seed writes, many-to-many links included."""
    state = {
        field.attname: field.value_from_object(obj)
        for field in obj._meta.concrete_fields
        if field.name not in {"id", "created_at", "updated_at"}
    }
    for field in obj._meta.many_to_many:
        state[field.name] = sorted(getattr(obj, field.name).values_list("pk", flat=True))
    return hashlib.sha256(json.dumps(state, default=str, sort_keys=True).encode()).hexdigest()


def lines(values):
    return "\n".join(values or [])


class SeedLoader:
    """Writes one seed; `report` counts what happened to each record and lists what was left alone."""

    def __init__(self):
        self.report = Counter()
        self.left_alone = []

    def upsert(self, model, key, lookup, values, links=None):
        """Create or update one record unless a curator has touched it; return the record as it stands."""
        label = model._meta.model_name
        record = SeedRecord.objects.filter(model=label, key=key).first()
        obj = model.objects.filter(**lookup).first()
        reason = None
        if obj is None and record is not None:
            reason = "deleted"
        elif obj is not None and record is None:
            reason = "not seeded"
        elif obj is not None and record_digest(obj) != record.digest:
            reason = "edited"
        if reason is not None:
            self.report[reason] += 1
            self.left_alone.append(f"{label} {key}: {reason} by a curator, left as it is")
            return obj
        links = links or {}
        if obj is not None and not differs(obj, values, links):
            self.report["unchanged"] += 1
            return obj
        self.report["created" if obj is None else "updated"] += 1
        if obj is None:
            obj = review.create(review.SHELL, model(**lookup, **values), links)
        else:
            review.change(review.SHELL, obj, values, links)
        obj.refresh_from_db()  # hash what the database holds, as the next run will read it
        SeedRecord.objects.update_or_create(model=label, key=key, defaults={"digest": record_digest(obj)})
        return obj

    def load(self, seed):
        organizations = {
            item["slug"]: self.upsert(
                Organization,
                item["slug"],
                {"slug": item["slug"]},
                {
                    "name": item["name"],
                    "name_en": item["name_en"],
                    "kind": item["kind"],
                    "aliases": lines(item.get("aliases")),
                },
            )
            for item in seed.organizations
        }
        themes = {}
        for item in parents_first(seed.themes, key=SLUG, parent=PARENT):
            themes[item["slug"]] = self.upsert(
                Theme,
                item["slug"],
                {"slug": item["slug"]},
                {
                    "name": item["name"],
                    "name_en": item["name_en"],
                    "description": item.get("description", ""),
                    "parent": themes.get(item.get("parent")),
                },
            )
        parks = {}
        for item in parents_first(seed.parks, key=SLUG, parent=PARENT):
            parks[item["slug"]] = self.upsert(
                Park,
                item["slug"],
                {"slug": item["slug"]},
                {
                    "name": item["name"],
                    "name_en": item["name_en"],
                    "kind": item["kind"],
                    "district": item.get("district") or "",
                    "aliases": lines(item.get("aliases")),
                    "notes": item.get("notes") or "",
                    "parent": parks.get(item.get("parent")),
                    "review_state": ReviewState.PUBLISHED,
                },
            )
        for fixture in seed.sources:
            self.load_source(fixture, organizations, themes, parks)

    def load_source(self, fixture, organizations, themes, parks):
        data = fixture.source
        published_on = data.get("published_on")
        source = self.upsert(
            Source,
            data["slug"],
            {"slug": data["slug"]},
            {
                "title": data["title"],
                "title_en": data.get("title_en") or "",
                "kind": data["kind"],
                "publisher": data.get("publisher") or "",
                "author": data.get("author") or "",
                "published_on": date.fromisoformat(published_on) if published_on else None,
                "date_precision": data["date_precision"],
                "period_start_year": data.get("period_start_year"),
                "period_end_year": data.get("period_end_year"),
                "url": data.get("url") or "",
                "language": data["language"],
                "raw_text": fixture.raw_bytes.decode("utf-8"),
                "text": fixture.text,
                "sha256": fixture.sha256,
                "notes": data.get("notes") or "",
                "review_state": ReviewState.PUBLISHED,
            },
            {"issuers": existing(organizations, data.get("organizations"))},
        )
        if source is None:
            return
        for correction in fixture.corrections:
            self.upsert(
                TextCorrection,
                f"{data['slug']}@{correction.position}",
                {"source": source, "position": correction.position},
                {
                    "original": correction.original,
                    "replacement": correction.replacement,
                    "reason": correction.reason,
                    "flagged": correction.flagged,
                },
            )
        measures = {}
        for item in parents_first(fixture.measures, key=SLUG, parent=PARENT):
            funding = item.get("funding") or {}
            measures[item["slug"]] = self.upsert(
                Measure,
                item["slug"],
                {"slug": item["slug"]},
                {
                    "title": item["title"],
                    "title_en": item["title_en"],
                    "summary": item["summary"],
                    "summary_en": item.get("summary_en") or "",
                    "source": source,
                    "quote": item["quote"],
                    "quote_offset": item["offset"],
                    "parent": measures.get(item.get("parent")),
                    "instrument": item["instrument"],
                    "status": item["status"],
                    "start_year": item.get("start_year"),
                    "end_year": item.get("end_year"),
                    "funding_amount": funding.get("amount"),
                    "funding_unit": funding.get("unit") or "",
                    "funding_period": funding.get("period") or "",
                    "notes": item.get("notes") or "",
                    "review_state": ReviewState.PUBLISHED,
                },
                {
                    "themes": existing(themes, item.get("themes")),
                    "organizations": existing(organizations, item.get("organizations")),
                    "parks": existing(parks, item.get("parks")),
                },
            )
        for item in fixture.targets:
            self.upsert(
                Target,
                item["slug"],
                {"slug": item["slug"]},
                {
                    "indicator": item["indicator"],
                    "indicator_en": item["indicator_en"],
                    "comparator": item["comparator"],
                    "value": item["value"],
                    "value_max": item.get("value_max"),
                    "unit": item["unit"] or "",
                    "target_year": item["target_year"],
                    "baseline_value": item.get("baseline_value"),
                    "baseline_year": item.get("baseline_year"),
                    "source": source,
                    "quote": item["quote"],
                    "quote_offset": item["offset"],
                    "measure": measures.get(item.get("measure")),
                    "park": parks.get(item.get("park")),
                    "notes": item.get("notes") or "",
                    "review_state": ReviewState.PUBLISHED,
                },
            )


def differs(obj, values, links):
    """Whether writing `values` and `links` would change the record (compared as values, not as text)."""
    if any(getattr(obj, name) != value for name, value in values.items()):
        return True
    return any(
        set(getattr(obj, name).values_list("pk", flat=True)) != {related.pk for related in linked}
        for name, linked in links.items()
    )


def existing(records_by_slug, slugs):
    """The records for `slugs` that still exist (a curator may have deleted some)."""
    return [records_by_slug[slug] for slug in slugs or [] if records_by_slug.get(slug) is not None]


def seed_database(directory=None):
    """Check every fixture first, then load them all in one transaction; return the loader's report."""
    seed = read_seed(directory) if directory else read_seed()
    loader = SeedLoader()
    with transaction.atomic():
        loader.load(seed)
    return loader
