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
from measures.choices import ReviewState, TargetPeriod
from measures.models import (
    Beneficiary,
    Indicator,
    Measure,
    Observation,
    Organization,
    Park,
    Policy,
    PolicyEvent,
    PolicyMention,
    SeedRecord,
    Source,
    Target,
    TextCorrection,
    Theme,
)
from measures.seed.files import read_seed
from measures.trees import parents_first

SLUG, PARENT = itemgetter("slug"), methodcaller("get", "parent")  # a fixture record's name and its parent's
SUPERSEDES = methodcaller("get", "supersedes")  # the earlier target a fixture target replaces
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
        # Records of every source loaded so far, by slug: a policy mentions measures of several sources, and a
        # target may supersede one of an earlier-published source (they load oldest first).
        self.measures, self.targets, self.sources = {}, {}, {}

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
        beneficiaries = {}
        for item in parents_first(seed.beneficiaries, key=SLUG, parent=PARENT):
            beneficiaries[item["slug"]] = self.upsert(
                Beneficiary,
                item["slug"],
                {"slug": item["slug"]},
                {
                    "name": item["name"],
                    "name_en": item["name_en"],
                    "description": item.get("description") or "",
                    "parent": beneficiaries.get(item.get("parent")),
                },
            )
        indicators = {
            item["slug"]: self.upsert(
                Indicator,
                item["slug"],
                {"slug": item["slug"]},
                {
                    "name": item["name"],
                    "name_en": item["name_en"],
                    "unit": item["unit"] or "",
                    "description": item.get("description") or "",
                },
            )
            for item in seed.indicators
        }
        vocabularies = {
            "organizations": organizations,
            "themes": themes,
            "parks": parks,
            "beneficiaries": beneficiaries,
            "indicators": indicators,
        }
        for fixture in seed.sources:
            self.load_source(fixture, vocabularies)
        for item in seed.policies:
            self.load_policy(item, vocabularies)

    def load_policy(self, item, vocabularies):
        """A policy, then the measures that mention it and its events (those whose records still exist)."""
        evidenced_on = item.get("status_evidenced_on")
        policy = self.upsert(
            Policy,
            item["slug"],
            {"slug": item["slug"]},
            {
                "name": item["name"],
                "name_en": item["name_en"],
                "aliases": lines(item.get("aliases")),
                "kind": item["kind"],
                "status": item["status"],
                "status_evidenced_on": date.fromisoformat(evidenced_on) if evidenced_on else None,
                "description": item.get("description") or "",
                "notes": item.get("notes") or "",
                "review_state": ReviewState.PUBLISHED,
            },
            {name: existing(vocabularies[name], item.get(name)) for name in ("parks", "themes", "beneficiaries")},
        )
        if policy is None:
            return
        for mention in item.get("mentions", []):
            measure = self.measures.get(mention["measure"])
            if measure is None:
                continue
            self.upsert(
                PolicyMention,
                f"{item['slug']}:{mention['measure']}",
                {"policy": policy, "measure": measure},
                {"role": mention["role"], "notes": mention.get("notes") or "", "review_state": ReviewState.PUBLISHED},
            )
        for event in item.get("events", []):
            source = self.sources.get(event["source"])
            if source is None:
                continue
            self.upsert(
                PolicyEvent,
                f"{item['slug']}:{event['kind']}:{event['date']}:{event['source']}",
                {"policy": policy, "kind": event["kind"], "date": date.fromisoformat(event["date"]), "source": source},
                {
                    "date_precision": event["date_precision"],
                    "quote": event["quote"],
                    "quote_offset": event["offset"],
                    "notes": event.get("notes") or "",
                    "review_state": ReviewState.PUBLISHED,
                },
            )

    def load_source(self, fixture, vocabularies):
        organizations, themes, parks = (vocabularies[name] for name in ("organizations", "themes", "parks"))
        data = fixture.source
        published_on = data.get("published_on")
        bounds = {
            name: date.fromisoformat(data[name]) if data.get(name) else None
            for name in ("published_not_before", "published_not_after")
        }
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
                **bounds,
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
        self.sources[data["slug"]] = source
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
                    "start_year_stated": item.get("start_year_stated", True),
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
                    "beneficiaries": existing(vocabularies["beneficiaries"], item.get("beneficiaries")),
                },
            )
        self.measures.update(measures)
        for item in parents_first(fixture.targets, key=SLUG, parent=SUPERSEDES):
            self.targets[item["slug"]] = self.upsert(
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
                    "start_year": item.get("start_year"),
                    "target_year": item["target_year"],
                    "period_type": item.get("period_type") or TargetPeriod.END_VALUE,
                    "baseline_value": item.get("baseline_value"),
                    "baseline_year": item.get("baseline_year"),
                    "source": source,
                    "quote": item["quote"],
                    "quote_offset": item["offset"],
                    "measure": measures.get(item.get("measure")),
                    "park": parks.get(item.get("park")),
                    "tracks": vocabularies["indicators"].get(item.get("tracks")),
                    "supersedes": self.targets.get(item.get("supersedes")),
                    "notes": item.get("notes") or "",
                    "review_state": ReviewState.PUBLISHED,
                },
            )
        for item in fixture.observations:
            indicator = vocabularies["indicators"].get(item["indicator"])
            if indicator is None:  # deleted by a curator
                continue
            self.upsert(
                Observation,
                item["slug"],
                {"slug": item["slug"]},
                {
                    "indicator": indicator,
                    "value": item["value"],
                    "value_max": item.get("value_max"),
                    "unit": item["unit"] or "",
                    "year": item["year"],
                    "year_end": item.get("year_end"),
                    "period_type": item["period_type"],
                    "park": parks.get(item.get("park")),
                    "source": source,
                    "quote": item["quote"],
                    "quote_offset": item["offset"],
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
