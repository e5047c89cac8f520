"""Measure and target records built from `.values()` rows: the API's busiest reads, without model instances.

At 100,000 measures a list page spent most of its time building model instances and walking
serializer fields. These functions return exactly what MeasureSerializer and TargetSerializer
return (they stay the definition of the shape, and the schema is generated from them), from one
query per relation; tests/test_reads.py holds the two equal.
"""

from rest_framework.fields import DateTimeField

from measures.choices import ReviewState
from measures.models import Organization, Park, Target, Theme
from measures.review import sees_unpublished, visible
from measures.serializers import TARGET_VALUE_FIELDS

as_api_datetime = DateTimeField().to_representation

QUOTED_FIELDS = ["quote", "quote_offset", "notes", "review_state", "created_at", "updated_at"]
MEASURE_COLUMNS = [
    "id",
    "slug",
    "title",
    "title_en",
    "summary",
    "summary_en",
    "instrument",
    "status",
    "start_year",
    "end_year",
    "funding_amount",
    "funding_unit",
    "funding_period",
    *QUOTED_FIELDS,
    "source__slug",
    "source__title",
    "parent__slug",
    "parent__review_state",
]
TARGET_COLUMNS = [
    *TARGET_VALUE_FIELDS,
    *QUOTED_FIELDS,
    "source__slug",
    "source__title",
    "measure__slug",
    "measure__review_state",
    "park__slug",
    "park__name",
    "park__review_state",
]


def shown_slug(row, link, shows_unpublished):
    """The slug of a linked record, or None when there is none or the requester may not see it."""
    if row[f"{link}__review_state"] != ReviewState.PUBLISHED and not shows_unpublished:
        return None
    return row[f"{link}__slug"]


def by_slug(rows, slugs):
    """Rows keyed by slug, returned in the order of `slugs` (those that were found): the database need not sort."""
    found = {row["slug"]: row for row in rows}
    return [found[slug] for slug in slugs if slug in found]


def slug_names_by_measure(related, measure_ids):
    """{measure id: [{"slug", "name"}, ...]} for parks, themes or organizations, in their model's order."""
    linked = {}
    for measure_id, slug, name in related.filter(measures__in=measure_ids).values_list("measures", "slug", "name"):
        linked.setdefault(measure_id, []).append({"slug": slug, "name": name})
    return linked


def targets_by_measure(measure_ids, user):
    """{measure id: [nested target, ...]}, as NestedTargetSerializer shows them."""
    shows_unpublished = sees_unpublished(user)
    rows = visible(Target.objects.filter(measure__in=measure_ids), user).values(
        "measure_id", *TARGET_VALUE_FIELDS, "park__slug", "park__review_state"
    )
    targets = {}
    for row in rows:
        target = {name: row[name] for name in TARGET_VALUE_FIELDS}
        target["park"] = shown_slug(row, "park", shows_unpublished)
        targets.setdefault(row["measure_id"], []).append(target)
    return targets


def measure_records(queryset, slugs, user):
    """The measures of `queryset` with these slugs, in that order, as MeasureSerializer shows them to `user`."""
    rows = by_slug(queryset.filter(slug__in=slugs).order_by().values(*MEASURE_COLUMNS), slugs)
    ids = [row["id"] for row in rows]
    shows_unpublished = sees_unpublished(user)
    themes = slug_names_by_measure(Theme.objects.all(), ids)
    organizations = slug_names_by_measure(Organization.objects.all(), ids)
    parks = slug_names_by_measure(visible(Park.objects.all(), user), ids)
    targets = targets_by_measure(ids, user)
    return [
        {
            "slug": row["slug"],
            "title": row["title"],
            "title_en": row["title_en"],
            "summary": row["summary"],
            "summary_en": row["summary_en"],
            "source": {"slug": row["source__slug"], "title": row["source__title"]},
            "quote": row["quote"],
            "quote_offset": row["quote_offset"],
            "parent": shown_slug(row, "parent", shows_unpublished),
            "themes": themes.get(row["id"], []),
            "instrument": row["instrument"],
            "organizations": organizations.get(row["id"], []),
            "parks": parks.get(row["id"], []),
            "status": row["status"],
            "start_year": row["start_year"],
            "end_year": row["end_year"],
            "funding_amount": row["funding_amount"],
            "funding_unit": row["funding_unit"],
            "funding_period": row["funding_period"],
            "targets": targets.get(row["id"], []),
            "notes": row["notes"],
            "review_state": row["review_state"],
            "created_at": as_api_datetime(row["created_at"]),
            "updated_at": as_api_datetime(row["updated_at"]),
        }
        for row in rows
    ]


def target_records(queryset, slugs, user):
    """The targets of `queryset` with these slugs, in that order, as TargetSerializer shows them to `user`."""
    shows_unpublished = sees_unpublished(user)
    records = []
    for row in by_slug(queryset.filter(slug__in=slugs).order_by().values(*TARGET_COLUMNS), slugs):
        park_slug = shown_slug(row, "park", shows_unpublished)
        records.append(
            {
                **{name: row[name] for name in TARGET_VALUE_FIELDS},
                "source": {"slug": row["source__slug"], "title": row["source__title"]},
                "quote": row["quote"],
                "quote_offset": row["quote_offset"],
                "measure": shown_slug(row, "measure", shows_unpublished),
                "park": {"slug": park_slug, "name": row["park__name"]} if park_slug else None,
                "notes": row["notes"],
                "review_state": row["review_state"],
                "created_at": as_api_datetime(row["created_at"]),
                "updated_at": as_api_datetime(row["updated_at"]),
            }
        )
    return records
