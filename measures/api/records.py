"""Measure and target records built from `.values()` rows: the API's busiest reads, without model instances.

At 100,000 measures a list page spent most of its time building model instances and walking
serializer fields. These functions return exactly what MeasureSerializer and TargetSerializer
return (they stay the definition of the shape, and the schema is generated from them), from one
query per relation; tests/api/test_records.py holds the two equal.
"""

from django.conf import settings
from django.db.models import F, Prefetch
from django.db.models.functions import Coalesce
from django.utils import timezone
from rest_framework.fields import DateTimeField
from rest_framework.settings import ISO_8601, api_settings

from measures.api.serializers import MeasureSerializer, NestedTargetSerializer, SlugNameSerializer, TargetSerializer
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
    Source,
    Target,
    Theme,
)
from measures.review import is_public_row, linked_columns, sees_unpublished, visible

TIMESTAMPS = {"created_at", "updated_at"}
SLUG_NAME_FIELDS = list(SlugNameSerializer._declared_fields)  # a nested park, theme or organization


def own_fields(serializer_class, links):
    """The fields a serializer shows straight from the record's own columns (`links` are built apart)."""
    return [name for name in serializer_class.Meta.fields if name not in links]


MEASURE_LINKS = {"source", "parent", "themes", "organizations", "parks", "beneficiaries", "targets"}
MEASURE_COLUMNS = [
    "id",
    *own_fields(MeasureSerializer, MEASURE_LINKS),
    "source__slug",
    "source__title",
    *linked_columns("source", Source),
    "parent__slug",
    *linked_columns("parent", Measure),
]
NESTED_TARGET_COLUMNS = [
    "measure_id",
    *own_fields(NestedTargetSerializer, {"park"}),
    "park__slug",
    *linked_columns("park", Park),
]
TARGET_LINKS = {"source", "measure", "park", "tracks", "supersedes", "superseded_by"}
TARGET_COLUMNS = [
    "id",
    *own_fields(TargetSerializer, TARGET_LINKS),
    "source__slug",
    "source__title",
    *linked_columns("source", Source),
    "measure__slug",
    *linked_columns("measure", Measure),
    *(f"park__{name}" for name in SLUG_NAME_FIELDS),
    *linked_columns("park", Park),
    "tracks__slug",
    "supersedes__slug",
    *linked_columns("supersedes", Target),
]


def timestamp_writer():
    """DateTimeField's representation of a timestamp, with the time zone looked up once for a batch of records: DRF
    looks up its settings and the time zone for every value (20 µs; a fifth of a 10,000-row CSV's time)."""
    as_drf_writes = DateTimeField().to_representation
    if not settings.USE_TZ or api_settings.DATETIME_FORMAT.lower() != ISO_8601:
        return as_drf_writes
    zone = timezone.get_current_timezone()

    def write(value):
        if value is None or value.tzinfo is None:
            return as_drf_writes(value)
        text = value.astimezone(zone).isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text

    return write


def as_serialized(serializer_class, row, links, timestamp):
    """The record in the serializer's field order: its own fields from `row` as DRF writes them (`timestamp`, from
    `timestamp_writer`, for the timestamps), then `links`."""
    return {
        name: links[name] if name in links else timestamp(row[name]) if name in TIMESTAMPS else row[name]
        for name in serializer_class.Meta.fields
    }


def shown_slug(row, link, model, shows_unpublished):
    """The slug of a linked `model` record, or None when there is none or the requester may not see it."""
    if not shows_unpublished and not is_public_row(row, link, model):
        return None
    return row[f"{link}__slug"]


def shown_source(row, shows_unpublished):
    """A record's source as SourceReferenceSerializer shows it, or None when the requester may not see it."""
    if not shows_unpublished and not is_public_row(row, "source", Source):
        return None
    return {"slug": row["source__slug"], "title": row["source__title"]}


def by_slug(rows, slugs):
    """Rows keyed by slug, returned in the order of `slugs` (those that were found): the database need not sort."""
    found = {row["slug"]: row for row in rows}
    return [found[slug] for slug in slugs if slug in found]


def slug_names_by_measure(model, measure_ids, user):
    """{measure id: [{"slug", "name", "name_en"}, ...]} for the parks, themes or organizations `user` may see, in
    their model's order.

    Fetched by the measures' ids and narrowed by `is_public_row` rather than by `visible` in SQL: given a review
    state to match, SQLite (which keeps no statistics) walks every published park instead of the page's links.
    """
    shows_unpublished = sees_unpublished(user)
    linked = {}
    rows = model.objects.filter(measures__in=measure_ids).values(
        "measures", *SLUG_NAME_FIELDS, *linked_columns(None, model)
    )
    for row in rows:
        if shows_unpublished or is_public_row(row, None, model):
            linked.setdefault(row["measures"], []).append({name: row[name] for name in SLUG_NAME_FIELDS})
    return linked


def targets_by_measure(measure_ids, user):
    """{measure id: [nested target, ...]}, as NestedTargetSerializer shows them.

    Narrowed in Python as `slug_names_by_measure` is: with the review state in SQL, SQLite walks all published
    targets (8-16 ms a page at 100,000 measures) instead of looking up the page's 50 measures' (1 ms).
    """
    shows_unpublished = sees_unpublished(user)
    timestamp = timestamp_writer()
    targets = {}
    rows = Target.objects.filter(measure__in=measure_ids).values(*NESTED_TARGET_COLUMNS, *linked_columns(None, Target))
    for row in rows:
        if not shows_unpublished and not is_public_row(row, None, Target):
            continue
        park = shown_slug(row, "park", Park, shows_unpublished)
        targets.setdefault(row["measure_id"], []).append(
            as_serialized(NestedTargetSerializer, row, {"park": park}, timestamp)
        )
    return targets


def measure_records(queryset, slugs, user):
    """The measures of `queryset` with these slugs, in that order, as MeasureSerializer shows them to `user`."""
    rows = by_slug(queryset.filter(slug__in=slugs).order_by().values(*MEASURE_COLUMNS), slugs)
    ids = [row["id"] for row in rows]
    shows_unpublished = sees_unpublished(user)
    themes = slug_names_by_measure(Theme, ids, user)
    organizations = slug_names_by_measure(Organization, ids, user)
    parks = slug_names_by_measure(Park, ids, user)
    beneficiaries = slug_names_by_measure(Beneficiary, ids, user)
    targets = targets_by_measure(ids, user)
    timestamp = timestamp_writer()
    return [
        as_serialized(
            MeasureSerializer,
            row,
            {
                "source": shown_source(row, shows_unpublished),
                "parent": shown_slug(row, "parent", Measure, shows_unpublished),
                "themes": themes.get(row["id"], []),
                "organizations": organizations.get(row["id"], []),
                "parks": parks.get(row["id"], []),
                "beneficiaries": beneficiaries.get(row["id"], []),
                "targets": targets.get(row["id"], []),
            },
            timestamp,
        )
        for row in rows
    ]


def target_records(queryset, slugs, user):
    """The targets of `queryset` with these slugs, in that order, as TargetSerializer shows them to `user`."""
    shows_unpublished = sees_unpublished(user)
    timestamp = timestamp_writer()
    rows = by_slug(queryset.filter(slug__in=slugs).order_by().values(*TARGET_COLUMNS), slugs)
    superseded_by = {}
    later = visible(Target.objects.filter(supersedes__in=[row["id"] for row in rows]), user)
    for earlier_id, slug in later.order_by("slug").values_list("supersedes_id", "slug"):
        superseded_by.setdefault(earlier_id, []).append(slug)
    records = []
    for row in rows:
        park_slug = shown_slug(row, "park", Park, shows_unpublished)
        links = {
            "source": shown_source(row, shows_unpublished),
            "measure": shown_slug(row, "measure", Measure, shows_unpublished),
            "park": {name: row[f"park__{name}"] for name in SLUG_NAME_FIELDS} if park_slug else None,
            "tracks": row["tracks__slug"],
            "supersedes": shown_slug(row, "supersedes", Target, shows_unpublished),
            "superseded_by": superseded_by.get(row["id"], []),
        }
        records.append(as_serialized(TargetSerializer, row, links, timestamp))
    return records


def measures_for_serializer(queryset, user):
    """`queryset` prefetched as MeasureSerializer must read it for `user`: linked parks and targets narrowed to
    those `user` may see. measure_records serves the same shape faster; tests hold the two equal."""
    return queryset.prefetch_related(
        "themes",
        "organizations",
        "beneficiaries",
        Prefetch("parks", queryset=visible(Park.objects.all(), user)),
        Prefetch("targets", queryset=visible(Target.objects.all(), user)),
    )


def targets_for_serializer(queryset, user):
    """`queryset` prefetched as TargetSerializer must read it for `user`: the later targets it may see."""
    return queryset.prefetch_related(Prefetch("superseded_by", queryset=visible(Target.objects.all(), user)))


# A source's texts are long, and a nested record shows only its slug and title.
SOURCE_TEXTS = ("text", "raw_text")


def without_texts(*links):
    return [f"{link}__{name}" for link in links for name in SOURCE_TEXTS]


def earliest_first(link):
    """Oldest first, by the date of the record's source (its lower bound where only a range is known)."""
    source = f"{link}__source" if link else "source"
    date = Coalesce(f"{source}__published_on", f"{source}__published_not_before", f"{source}__published_not_after")
    return date.asc(nulls_last=True)


def indicators_with_progress(user):
    """Indicators prefetched as IndicatorSerializer reads them for `user`: the observations and targets it may see,
    in time order. The API's indicators and the site's indicator pages read through here."""
    observations = (
        visible(Observation.objects.all(), user)
        .select_related("park", "source")
        .defer(*without_texts("source"))
        .order_by(F("year").asc(nulls_last=True), F("year_end").asc(nulls_first=True), "slug")
    )
    targets = (
        visible(Target.objects.all(), user)
        .select_related("park", "source", "supersedes__source")
        .defer(*without_texts("source", "supersedes__source"))
        .prefetch_related(Prefetch("superseded_by", queryset=visible(Target.objects.only("slug", "supersedes"), user)))
        .order_by(F("target_year").asc(nulls_last=True), earliest_first(""), "slug")
    )
    return Indicator.objects.prefetch_related(
        Prefetch("observations", queryset=observations), Prefetch("targets", queryset=targets)
    )


def policies_with_timelines(user):
    """The policies `user` may see, prefetched as PolicySerializer reads them: the mentions and events it may see,
    in time order. The API's policies and the site's policy pages read through here."""
    mentions = (
        visible(PolicyMention.objects.all(), user)
        .select_related("measure__source")
        .only(
            "policy",
            "role",
            "measure__slug",
            "measure__title",
            "measure__title_en",  # for the site's policy page
            "measure__quote",
            "measure__source__slug",
            "measure__source__title",
            "measure__source__title_en",
        )
        .order_by(earliest_first("measure"), "measure__slug")
    )
    events = (
        visible(PolicyEvent.objects.all(), user)
        .select_related("source")
        .defer(*without_texts("source"))
        .order_by("date", "kind", "id")
    )
    return visible(Policy.objects.all(), user).prefetch_related(
        "themes",
        "beneficiaries",
        Prefetch("parks", queryset=visible(Park.objects.all(), user)),
        Prefetch("mentions", queryset=mentions),
        Prefetch("events", queryset=events),
    )
