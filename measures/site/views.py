"""The public pages. They show what the public sees (measures.review.visible with no user) whoever is logged in,
and read through the API's filters and record builders, so a search here means what it means over the API."""

import datetime
import json
from types import SimpleNamespace
from urllib.parse import urlencode

from django.apps import apps
from django.core.paginator import EmptyPage, Paginator
from django.db.models import Count, Max, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from rest_framework.exceptions import ValidationError
from simple_history.manager import HistoryManager

from measures import caching
from measures.api.facets import measure_facets
from measures.api.filters import MeasureFilter, PolicyFilter
from measures.api.history import history_entries
from measures.api.pagination import DeferredJoinPage
from measures.api.records import indicators_with_progress, measure_records, policies_with_timelines
from measures.api.views import RegistryViewSetMixin, refuse_unknown
from measures.choices import Instrument, MeasureStatus, PolicyKind
from measures.models import (
    Indicator,
    Measure,
    Observation,
    Park,
    Policy,
    PolicyEvent,
    PolicyMention,
    Source,
    Target,
    TextCorrection,
    Theme,
    paragraph_around,
)
from measures.progress import Point, chart
from measures.review import visible
from measures.site.reading import runs

PAGE_SIZE = 20
LATEST = 8
FACET_LIMIT = 25  # parks, themes and sources shown beside a search, those with the most measures
REGISTRY_NAME = "Zhongguancun policy measure registry"
LABELS = {"status": dict(MeasureStatus.choices), "instrument": dict(Instrument.choices)}


def published(model):
    return visible(model.objects.all(), None)


class BadQuery(Exception):
    """A query string the API would answer with a 400; the page names the parameters, as the API does."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def filtered(params, filterset_class, queryset):
    """The records of `queryset` that `params` select, through the API's filterset for them; raises BadQuery where
    the API answers 400."""
    try:
        refuse_unknown(params, {*filterset_class.base_filters, "page"})
        RegistryViewSetMixin.check_parameter_values(SimpleNamespace(query_params=params))
    except ValidationError as error:
        raise BadQuery(error.detail) from error
    filterset = filterset_class(params, queryset=queryset, request=None)
    if not filterset.is_valid():
        raise BadQuery(filterset.errors)
    return filterset.qs


def filtered_measures(params):
    """The published measures `params` select, as `/api/v1/measures/?…` selects them."""
    return filtered(params, MeasureFilter, published(Measure))


def bad_query(request, error):
    return render(request, "site/bad_query.html", {"errors": error.errors}, status=400)


def home(request):
    measures = published(Measure)
    facets = measure_facets(measures, None)
    latest = list(measures.order_by("-updated_at", "slug").values_list("slug", flat=True)[:LATEST])
    counts = {
        "measures": facets["count"],
        "targets": caching.cached_count(published(Target)),
        "sources": caching.cached_count(published(Source)),
        "parks": caching.cached_count(published(Park)),
    }
    return render(
        request,
        "site/home.html",
        {
            "counts": counts,
            "latest": measure_records(measures, latest, None),
            "parks": largest([node for node in facets["park"] if node["depth"] <= 1], ()),
            "themes": largest([node for node in facets["theme"] if node["depth"] == 0], ()),
            "beneficiaries": largest([node for node in facets["beneficiary"] if node["depth"] <= 1], ()),
            "policies": most_mentioned_policies(),
        },
    )


def most_mentioned_policies():
    """The published policies most mentioned by published measures (LATEST of them): the home page's way in."""
    return (
        published(Policy)
        .annotate(measures=Count("mentions", filter=Q(mentions__in=published(PolicyMention))))
        .filter(measures__gt=0)
        .order_by("-measures", "slug")
        .only("slug", "name", "name_en")[:LATEST]
    )


def with_parameter(params, name, value):
    """The query string with `name` set to `value` (or removed when None), back on the first page."""
    query = params.copy()
    query.pop("page", None)
    if value is None:
        query.pop(name, None)
    else:
        query.setlist(name, [str(value)])
    return "?" + query.urlencode() if query else "?"


def facet_links(params, facets):
    """Each facet's values with the link that narrows the search to it, and whether it is the one chosen."""

    def linked(name, key, item):
        chosen = str(item[key]) in params.getlist(name)
        return {**item, "chosen": chosen, "href": with_parameter(params, name, None if chosen else item[key])}

    return {
        "status": [linked("status", "value", item) for item in facets["status"]],
        "instrument": [linked("instrument", "value", item) for item in facets["instrument"]],
        "start_year": [
            {**item, "href": with_parameter(with_year(params, item["value"]), "start_year_max", item["value"])}
            for item in facets["start_year"]
        ],
        "source": [linked("source", "slug", item) for item in largest(facets["source"], params.getlist("source"))],
        "park": [linked("park", "slug", item) for item in largest(facets["park"], params.getlist("park"))],
        "theme": [linked("theme", "slug", item) for item in largest(facets["theme"], params.getlist("theme"))],
        "beneficiary": [
            linked("beneficiary", "slug", item)
            for item in largest(facets["beneficiary"], params.getlist("beneficiary"))
        ],
    }


def largest(nodes, chosen):
    """The FACET_LIMIT records with the most measures, and those chosen, in their order (a tree's for a tree)."""
    counted = [node for node in nodes if node["count"] or node["slug"] in chosen]
    kept = {node["slug"] for node in sorted(counted, key=lambda node: -node["count"])[:FACET_LIMIT]}
    return [node for node in counted if node["slug"] in kept or node["slug"] in chosen]


def with_year(params, year):
    query = params.copy()
    query.setlist("start_year_min", [str(year)])
    return query


def measure_list(request):
    try:
        measures = filtered_measures(request.GET)
    except BadQuery as error:
        return bad_query(request, error)
    paginator = Paginator(DeferredJoinPage(measures), PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except EmptyPage as error:
        raise Http404(str(error)) from error
    api_query = request.GET.copy()
    api_query.pop("page", None)
    api = reverse("measures-api:measure-list")
    return render(
        request,
        "site/measure_list.html",
        {
            "page": page,
            "records": measure_records(measures, list(page.object_list), None),
            "facets": facet_links(request.GET, measure_facets(measures, None)),
            "q": request.GET.get("q", ""),
            "filters": [(name, value) for name, value in request.GET.lists() if name not in {"page", "q"}],
            "json_url": f"{api}?{api_query.urlencode()}",
            "csv_url": f"{api}?{urlencode([*api_query.lists(), ('format', 'csv')], doseq=True)}",
            "feed_url": reverse("site:feed") + (f"?{api_query.urlencode()}" if api_query else ""),
            "previous_url": with_parameter(request.GET, "page", page.previous_page_number())
            if page.has_previous()
            else None,
            "next_url": with_parameter(request.GET, "page", page.next_page_number()) if page.has_next() else None,
        },
    )


def data_version():
    """When the registry last changed (its newest history entry, UTC), as `YYYYMMDD.HHMMSS`: the same in every
    process and after a restart, so a citation names the state of the data it was read from."""

    def newest_change():
        histories = [getattr(model, "history", None) for model in apps.get_app_config("measures").get_models()]
        dates = [
            history.aggregate(last=Max("history_date"))["last"]
            for history in histories
            if isinstance(history, HistoryManager)
        ]
        return max(filter(None, dates), default=None)

    last = caching.cached_until_change("site:data-version", newest_change)
    return (last.astimezone(datetime.UTC).strftime("%Y%m%d.%H%M%S"), last) if last else ("0", None)


def citation(request, record, source):
    url = request.build_absolute_uri(reverse("site:measure", args=[record["slug"]]))
    version, last_updated = data_version()
    today = timezone.localdate()
    title = record["title"]
    plain = (
        f"{title}. {source.title}. {REGISTRY_NAME}, data version {version}"
        f"{f' ({last_updated:%Y-%m-%d})' if last_updated else ''}. {url} (accessed {today:%Y-%m-%d})."
    )
    csl = {
        "id": record["slug"],
        "type": "dataset",
        "title": title,
        "container-title": REGISTRY_NAME,
        "source": source.title,
        "URL": url,
        "version": version,
        "accessed": {"date-parts": [[today.year, today.month, today.day]]},
    }
    if record["title_en"]:
        csl["title-short"] = record["title_en"]
    if last_updated:
        csl["issued"] = {"date-parts": [[last_updated.year, last_updated.month, last_updated.day]]}
    return {"plain": plain, "csl": json.dumps(csl, ensure_ascii=False, indent=2), "url": url, "version": version}


def measure_detail(request, slug):
    found = measure_records(published(Measure), [slug], None)
    if not found:
        raise Http404("No published measure has this slug.")
    record = found[0]
    sources = published(Source).only("slug", "title", "title_en", "text")
    source = get_object_or_404(sources, slug=record["source"]["slug"])
    in_context = paragraph_around(source.text, record["quote"], record["quote_offset"])
    measure = Measure.objects.only("pk").get(slug=slug)
    mentions = published(PolicyMention).filter(measure=measure).select_related("policy").order_by("policy__slug")
    return render(
        request,
        "site/measure_detail.html",
        {
            "record": record,
            "source": source,
            "in_context": in_context,
            "history": history_entries(measure, None),
            "mentions": mentions,
            "cite": citation(request, record, source),
            "labels": {
                "status": LABELS["status"].get(record["status"], record["status"]),
                "instrument": LABELS["instrument"].get(record["instrument"], record["instrument"]),
            },
        },
    )


# The source reader's anchors: what quotes the source, and how a link names its quote (`#q-<measure slug>` …).
ANCHORS = [("q", Measure, "slug"), ("t", Target, "slug"), ("o", Observation, "slug"), ("e", PolicyEvent, "pk")]


def source_detail(request, slug):
    source = get_object_or_404(published(Source), slug=slug)
    quotes = [
        (f"{prefix}-{row[key]}", row["quote_offset"], len(row["quote"]))
        for prefix, model, key in ANCHORS
        for row in published(model).filter(source=source).values(key, "quote", "quote_offset")
    ]
    corrections = list(TextCorrection.objects.filter(source=source))
    return render(
        request,
        "site/source_detail.html",
        {
            "source": source,
            "runs": runs(source.text, corrections, [quote for quote in quotes if quote[1] is not None]),
            "corrections": corrections,
            "measures": caching.cached_count(published(Measure).filter(source=source)),
        },
    )


def source_list(request):
    facets = measure_facets(published(Measure), None)
    return render(request, "site/source_list.html", {"sources": facets["source"]})


def tree(request, name):
    """The park or theme tree, each record with the published measures at or below it."""
    facets = measure_facets(published(Measure), None)
    return render(
        request,
        "site/tree.html",
        {"name": name, "nodes": facets[name], "model": {"park": Park, "theme": Theme}[name]._meta},
    )


def policy_list(request):
    """Policies, filtered as `/api/v1/policies/?…` filters them (q, park, theme, beneficiary, status, kind)."""
    try:
        policies = filtered(request.GET, PolicyFilter, policies_with_timelines(None))
    except BadQuery as error:
        return bad_query(request, error)
    paginator = Paginator(policies.order_by("slug"), PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except EmptyPage as error:
        raise Http404("No such page of policies.") from error
    return render(
        request,
        "site/policy_list.html",
        {
            "page": page,
            "q": request.GET.get("q", ""),
            "chosen": {name: request.GET.getlist(name) for name in ("kind", "status")},
            "kinds": PolicyKind.choices,
            "statuses": MeasureStatus.choices,
            "filters": [(name, values) for name, values in request.GET.lists() if name not in {"q", "page"}],
            "json_url": reverse("measures-api:policy-list") + with_parameter(request.GET, "page", None).rstrip("?"),
            "previous_url": with_parameter(request.GET, "page", page.previous_page_number())
            if page.has_previous()
            else None,
            "next_url": with_parameter(request.GET, "page", page.next_page_number()) if page.has_next() else None,
        },
    )


def policy_detail(request, slug):
    """A policy: what it is, and its timeline across documents, each step quoted and linked to where it is said."""
    policy = get_object_or_404(policies_with_timelines(None), slug=slug)
    return render(request, "site/policy_detail.html", {"policy": policy})


def indicator_list(request):
    """Every indicator, with how many published observations and targets it has."""
    observations = dict(published(Observation).values_list("indicator").annotate(n=Count("pk")).order_by())
    targets = dict(
        published(Target).filter(tracks__isnull=False).values_list("tracks").annotate(n=Count("pk")).order_by()
    )
    indicators = [
        {
            "indicator": indicator,
            "observations": observations.get(indicator.pk, 0),
            "targets": targets.get(indicator.pk, 0),
        }
        for indicator in Indicator.objects.only("slug", "name", "name_en", "unit")
    ]
    return render(request, "site/indicator_list.html", {"indicators": indicators})


def indicator_detail(request, slug):
    """An indicator's progress: a chart of its published observations and targets over time, drawn on the server
    (the admin's drawing, measures.progress), and a table of the same beside it."""
    indicator = get_object_or_404(indicators_with_progress(None), slug=slug)
    observations = list(indicator.observations.all())
    targets = list(indicator.targets.all())
    points = [Point(observation.year, float(observation.value)) for observation in observations if observation.year] + [
        Point(target.target_year, float(target.value), target=True, superseded=bool(target.superseded_by.all()))
        for target in targets
        if target.target_year and target.value is not None
    ]
    name = indicator.name_en if get_language() == "en" and indicator.name_en else indicator.name
    return render(
        request,
        "site/indicator_detail.html",
        {
            "indicator": indicator,
            "observations": observations,
            "targets": targets,
            "on_page": {target.slug for target in targets},
            "chart": chart(points, indicator.unit, name, f"chart-{indicator.slug}"),
        },
    )
