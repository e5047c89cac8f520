"""Viewsets: the records a requester may see, how they are shown (`records`), their filters and writes."""

from django.db.models import Prefetch
from django.http import Http404, StreamingHttpResponse
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import SAFE_METHODS
from rest_framework.response import Response

from measures import filters, reads, serializers
from measures.concurrency import CONDITIONAL_WRITE, ConditionalWritesMixin
from measures.history import HistoryEntrySerializer, history_entries
from measures.models import Measure, Organization, Park, Source, Target, TextCorrection, Theme
from measures.pagination import PageNumberPagination
from measures.renderers import csv_attachment, csv_lines
from measures.review import visible

SLUG_PATTERN = r"[-a-zA-Z0-9_]+"
WRITE_ACTIONS = {"create", "update", "partial_update"}
FORMATS = {"json", "csv", "api"}
CSV_BATCH = 500


def fields_of(serializer_class, *, besides=()):
    """The model fields a serializer reads, for `.only()`, without the relations it renders itself."""
    return [name for name in serializer_class.Meta.fields if name not in besides]


def reject_nul_characters(data, path=""):
    """A NUL character anywhere in a request body is a 400 naming the field (PostgreSQL cannot store it)."""
    if isinstance(data, dict) or hasattr(data, "lists"):
        items = data.lists() if hasattr(data, "lists") else data.items()
        for key, value in items:
            if "\x00" in str(key):
                raise ValidationError({"non_field_errors": ["A field name contains a NUL character."]})
            reject_nul_characters(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for item in data:
            reject_nul_characters(item, path)
    elif isinstance(data, str) and "\x00" in data:
        raise ValidationError({path or "non_field_errors": ["Must not contain a NUL character."]})


class RegistryViewSetMixin:
    """Slug lookups, NUL-free query strings, write serializers for writes, whole lists in CSV."""

    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    write_serializer_class = None

    def initial(self, request, *args, **kwargs):
        for name, values in request.query_params.lists():
            if any("\x00" in value for value in values):
                raise ValidationError({name: ["Must not contain a NUL character."]})
            if name != "q" and any("," in value and "" in value.split(",") for value in values):
                raise ValidationError({name: ["A comma-separated list must not have empty items."]})
        if request.query_params.get("format", "json") not in FORMATS:
            raise ValidationError({"format": [f"Must be one of {', '.join(sorted(FORMATS))}."]})
        for name, maximum in (("page", None), ("page_size", PageNumberPagination.max_page_size)):
            if name in request.query_params:  # checked even where a CSV download ignores them
                PageNumberPagination.positive_int(name, request.query_params[name], maximum)
        super().initial(request, *args, **kwargs)
        if request.method not in SAFE_METHODS:
            reject_nul_characters(request.data)

    def get_serializer_class(self):
        if self.action in WRITE_ACTIONS and self.write_serializer_class is not None:
            return self.write_serializer_class
        return super().get_serializer_class()

    def records(self, queryset, slugs):
        """The records of `queryset` with these slugs, in that order, as the API shows them."""
        found = {record.slug: record for record in queryset.filter(slug__in=slugs)}
        return self.get_serializer([found[slug] for slug in slugs if slug in found], many=True).data

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        if request.accepted_renderer.format == "csv":
            return self.csv_download(queryset)
        return self.get_paginated_response(self.records(queryset, self.paginate_queryset(queryset)))

    def retrieve(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        found = self.records(queryset, [kwargs[self.lookup_field]])
        if not found:
            raise Http404(f"No {queryset.model._meta.object_name} matches the given query.")
        return Response(found[0])

    def csv_download(self, queryset):
        """The whole filtered list, streamed in batches so memory stays flat however long it is."""
        slugs = list(queryset.values_list("slug", flat=True))

        def records():
            for start in range(0, len(slugs), CSV_BATCH):
                yield from self.records(queryset, slugs[start : start + CSV_BATCH])

        header = list(self.get_serializer().fields)
        response = StreamingHttpResponse(csv_lines(header, records()), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = csv_attachment(self.request)
        return response

    @property
    def paginator(self):
        renderer = getattr(self.request, "accepted_renderer", None)
        if renderer is not None and renderer.format == "csv":
            return None  # a CSV download is the whole filtered list
        return super().paginator


class HistoryMixin:
    """`{slug}/history/`: the record's recorded changes, newest first, with what changed (see measures.history)."""

    @extend_schema(responses=HistoryEntrySerializer(many=True), filters=False)
    @action(detail=True, methods=["get"], filter_backends=[])
    def history(self, request, slug=None):
        entries = history_entries(self.get_object(), request.user)
        page = self.paginate_queryset(entries)
        serializer = HistoryEntrySerializer(page if page is not None else entries, many=True)
        return self.get_paginated_response(serializer.data) if page is not None else Response(serializer.data)


@extend_schema_view(destroy=CONDITIONAL_WRITE)
class RegistryViewSet(ConditionalWritesMixin, RegistryViewSetMixin, viewsets.ModelViewSet):
    pass


class MeasureViewSet(HistoryMixin, RegistryViewSet):
    """Policy measures with their targets, parks, themes, organizations and source."""

    queryset = Measure.objects.all()
    serializer_class = serializers.MeasureSerializer
    write_serializer_class = serializers.MeasureWriteSerializer
    filterset_class = filters.MeasureFilter

    def get_queryset(self):
        return visible(Measure.objects.all(), self.request.user)

    def records(self, queryset, slugs):
        return reads.measure_records(queryset, slugs, self.request.user)


class TargetViewSet(HistoryMixin, RegistryViewSet):
    """Quantitative and dated goals, with unit, target year and baseline."""

    queryset = Target.objects.all()
    serializer_class = serializers.TargetSerializer
    write_serializer_class = serializers.TargetWriteSerializer
    filterset_class = filters.TargetFilter

    def get_queryset(self):
        return visible(Target.objects.all(), self.request.user)

    def records(self, queryset, slugs):
        return reads.target_records(queryset, slugs, self.request.user)


class ParkViewSet(HistoryMixin, RegistryViewSet):
    """The demonstration zone and its parks, as a tree (`parent`)."""

    queryset = Park.objects.all()
    serializer_class = serializers.ParkSerializer
    filterset_class = filters.ParkFilter

    def get_queryset(self):
        return (
            visible(Park.objects.all(), self.request.user)
            .select_related("parent")
            .only(*fields_of(serializers.ParkSerializer, besides={"parent"}), "parent__slug", "parent__review_state")
        )


class ThemeViewSet(RegistryViewSet):
    """Policy themes, as a tree (`parent`)."""

    queryset = Theme.objects.select_related("parent")
    serializer_class = serializers.ThemeSerializer
    filterset_class = filters.ThemeFilter


class OrganizationViewSet(RegistryViewSet):
    """Issuers of sources and bodies responsible for measures."""

    queryset = Organization.objects.all()
    serializer_class = serializers.OrganizationSerializer
    filterset_class = filters.OrganizationFilter


class SourceViewSet(
    HistoryMixin,
    ConditionalWritesMixin,
    RegistryViewSetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Source documents. Their text is fixed once stored, so the API edits metadata only."""

    queryset = Source.objects.all()
    serializer_class = serializers.SourceDetailSerializer
    filterset_class = filters.SourceFilter

    def get_queryset(self):
        sources = visible(Source.objects.all(), self.request.user)
        if self.action == "list":
            return sources.defer("raw_text", "text").prefetch_related(
                Prefetch("issuers", queryset=Organization.objects.only("slug", "name"))
            )
        corrections = visible(TextCorrection.objects.all(), self.request.user)
        return sources.prefetch_related("issuers", Prefetch("corrections", queryset=corrections))

    def get_serializer_class(self):
        return serializers.SourceSerializer if self.action == "list" else super().get_serializer_class()
