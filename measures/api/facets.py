"""Facet counts of a filtered list of measures: how many of them each status, instrument, start year, source, park,
theme and beneficiary would leave. One implementation for the API's `measures/facets/` and the site's search page.

A park's, theme's or beneficiary's count includes the measures of what is below it (as its filter does), through
records the requester may see, each measure once however many of the sub-parks it names. Counts are cached under the
query's SQL until the registry changes (measures.caching), so a search page repeated costs one cache read.
"""

import hashlib

from django.db.models import Count, Q

from measures.caching import cached_until_change
from measures.choices import Instrument, MeasureStatus
from measures.models import Beneficiary, Measure, Park, Source, Theme
from measures.review import visible


def measure_facets(queryset, user):
    """{"count", "status", "instrument", "start_year", "source", "park", "theme", "beneficiary"} for the measures in
    `queryset`."""
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    key = hashlib.sha256(f"{sql}\0{params!r}\0{bool(user and user.is_staff)}".encode()).hexdigest()
    return cached_until_change(f"measure-facets:{key}", lambda: compute(queryset.order_by(), user))


def compute(queryset, user):
    ids = queryset.values("pk")
    return {
        "count": queryset.count(),
        "status": choice_counts(queryset, "status", MeasureStatus),
        "instrument": choice_counts(queryset, "instrument", Instrument),
        "start_year": [
            {"value": year, "count": count}
            for year, count in queryset.filter(start_year__isnull=False)
            .values_list("start_year")
            .annotate(count=Count("pk"))
            .order_by("-start_year")
        ],
        "source": source_counts(queryset, user),
        "park": tree_counts(Park, Measure.parks.through, "park_id", ids, user),
        "theme": tree_counts(Theme, Measure.themes.through, "theme_id", ids, user),
        "beneficiary": tree_counts(Beneficiary, Measure.beneficiaries.through, "beneficiary_id", ids, user),
    }


def choice_counts(queryset, field, choices):
    """[{"value", "label", "count"}] in the vocabulary's order, values no measure has left out."""
    counts = dict(queryset.values_list(field).annotate(count=Count("pk")).order_by())
    return [
        {"value": value, "label": str(label), "count": counts[value]}
        for value, label in choices.choices
        if value in counts
    ]


def source_counts(queryset, user):
    counts = dict(queryset.values_list("source_id").annotate(count=Count("pk")).order_by())
    sources = visible(Source.objects.filter(pk__in=counts), user).order_by("-published_on", "slug")
    return [
        {"slug": slug, "title": title, "title_en": title_en, "count": counts[pk]}
        for pk, slug, title, title_en in sources.values_list("pk", "slug", "title", "title_en")
    ]


def tree_counts(model, through, column, measure_ids, user):
    """Every record of the tree the requester may see, in tree order with its depth, and the measures at or below it.

    A leaf's count is one grouped query; a record with records below it counts distinct measures over its sub-tree,
    all of them in one more query.
    """
    passable = set(visible(model.objects.all(), user).values_list("pk", flat=True))
    rows = model.objects.with_tree_fields().values_list("pk", "tree_path", "slug", "name", "name_en", "parent_id")
    nodes = [row for row in rows if passable.issuperset(row[1])]  # what is below a hidden record is not reached
    below = {pk: {pk} for pk, *_ in nodes}
    for pk, path, *_ in nodes:
        for above in path[:-1]:
            below[above].add(pk)
    links = through.objects.filter(measure_id__in=measure_ids)
    counts = dict(links.values_list(column).annotate(count=Count("measure_id", distinct=True)).order_by())
    inner = {pk: members for pk, members in below.items() if len(members) > 1}
    if inner:
        rolled_up = links.aggregate(
            **{
                f"n{pk}": Count("measure_id", distinct=True, filter=Q(**{f"{column}__in": members}))
                for pk, members in inner.items()
            }
        )
        counts.update({pk: rolled_up[f"n{pk}"] for pk in inner})
    slugs = {pk: slug for pk, _, slug, *_ in nodes}
    return [
        {
            "slug": slug,
            "name": name,
            "name_en": name_en,
            "parent": slugs.get(parent_id),
            "depth": len(path) - 1,
            "count": counts.get(pk, 0),
        }
        for pk, path, slug, name, name_en, parent_id in nodes
    ]
