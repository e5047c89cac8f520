"""Viewsets: the records a requester may see, how they are shown (`records`), their filters and writes."""

from django.db.models import Prefetch
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from drf_orjson_renderer.renderers import ORJSONRenderer
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.permissions import SAFE_METHODS, DjangoModelPermissions, DjangoModelPermissionsOrAnonReadOnly
from rest_framework.renderers import BrowsableAPIRenderer
from rest_framework.response import Response

from measures import review
from measures.api import examples, filters, serializers
from measures.api.concurrency import CONDITIONAL_WRITE, ConditionalWritesMixin
from measures.api.facets import measure_facets
from measures.api.history import HistoryEntrySerializer, history_entries
from measures.api.pagination import PageNumberPagination
from measures.api.records import (
    indicators_with_progress,
    measure_records,
    own_fields,
    policies_with_timelines,
    target_records,
    without_texts,
)
from measures.api.renderers import csv_attachment, csv_lines
from measures.models import (
    Beneficiary,
    Indicator,
    Measure,
    Observation,
    Organization,
    Park,
    Policy,
    Revision,
    Source,
    Target,
    TextCorrection,
    Theme,
)
from measures.review import sees_unpublished, visible

SLUG_PATTERN = r"[-a-zA-Z0-9_]+"
WRITE_ACTIONS = {"create", "update", "partial_update"}
FORMATS = {"json", "csv", "api"}
CSV_BATCH = 500
JSON_RENDERERS = [ORJSONRenderer, BrowsableAPIRenderer]  # for answers that are not a list of records


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


class CurationPermission(DjangoModelPermissionsOrAnonReadOnly):
    """Reads are public; writes are curation, for active staff with the model's permission.

    Whether a particular record may be deleted or published is the review gate's call (measures.review).
    """

    public_reads = True  # the schema documents reads without authentication (measures.api.schema)
    perms_map = {**DjangoModelPermissions.perms_map, "DELETE": []}

    def has_permission(self, request, view):
        if request.method not in SAFE_METHODS and not sees_unpublished(request.user):
            return False
        return super().has_permission(request, view)


class StaffOnly(CurationPermission):
    """Revisions are staff business; the gate decides who approves or rejects them."""

    public_reads = False

    def has_permission(self, request, view):
        return sees_unpublished(request.user)


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


def split_links(model, data):
    """Validated data as the gate takes it: a record's own values, and its many-to-many links apart."""
    many_to_many = {field.name for field in model._meta.many_to_many}
    values = {name: value for name, value in data.items() if name not in many_to_many}
    links = {name: value for name, value in data.items() if name in many_to_many}
    return values, links


class KnownParametersMixin:
    """A query parameter the endpoint does not know is a 400 naming it: a misspelt filter must not list everything.

    An action knows what its schema documents: `format`, and for a page of records `page`, `page_size` and (on a
    resource's list) its filters.
    """

    # Actions answering with a page of records, as the schema says (see measures.api.schema).
    paged_actions = frozenset({"list", "history"})
    # Actions reading the resource's filters.
    filtered_actions = frozenset({"list"})

    def known_parameters(self):
        known = {"format"}
        action = getattr(self, "action", None)
        if action in self.paged_actions and getattr(self, "pagination_class", None) is not None:
            paginator = self.pagination_class
            known |= {paginator.page_query_param, paginator.page_size_query_param}
        if action in self.filtered_actions and getattr(self, "filter_backends", None):
            filterset_class = getattr(self, "filterset_class", None)
            known |= set(filterset_class.base_filters if filterset_class is not None else ())
        return known

    def answers(self, request):
        """Whether the view has a handler for the request's method; if not, dispatch answers 405 whatever it asks."""
        method = request.method.lower()
        return method in self.http_method_names and hasattr(self, method)

    def refuse_unknown_parameters(self, request):
        """Called first by a view's `initial()`, so an unknown parameter is named before its value is checked."""
        if not self.answers(request):
            return
        refuse_unknown(request.query_params, self.known_parameters())


def refuse_unknown(parameters, known):
    """A 400 naming every parameter not in `known`, and listing those that are (the API's and the site's)."""
    unknown = [name for name in parameters if name not in known]
    if unknown:
        message = f"Unknown parameter; known: {', '.join(sorted(known))}."
        raise ValidationError({name: [message] for name in unknown})


class RegistryViewSetMixin(KnownParametersMixin):
    """Slug lookups, known and NUL-free query strings, write serializers for writes, whole lists in CSV."""

    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    write_serializer_class = None
    permission_classes = [CurationPermission]

    def initial(self, request, *args, **kwargs):
        if self.answers(request):  # else dispatch answers 405, whatever the query string says
            self.refuse_unknown_parameters(request)
            self.check_parameter_values(request)
        super().initial(request, *args, **kwargs)
        if request.method not in SAFE_METHODS:
            reject_nul_characters(request.data)

    @staticmethod
    def check_parameter_values(request):
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

    def get_serializer_class(self):
        if self.action in WRITE_ACTIONS and self.write_serializer_class is not None:
            return self.write_serializer_class
        return self.read_serializer_class()

    def read_serializer_class(self):
        return self.serializer_class

    def records(self, queryset, slugs):
        """The records of `queryset` with these slugs, in that order, as the API shows them."""
        found = {record.slug: record for record in queryset.filter(slug__in=slugs)}
        serializer = self.read_serializer_class()(
            [found[slug] for slug in slugs if slug in found], many=True, context=self.get_serializer_context()
        )
        return serializer.data

    def record(self, slug):
        """One record as a GET of it shows it: what a write answers with."""
        return self.records(self.get_queryset(), [slug])[0]

    def update(self, request, *args, **kwargs):
        """200 with the record as changed; 202 with the revision when the change waits for a reviewer."""
        serializer = self.get_serializer(self.get_object(), data=request.data, partial=kwargs.pop("partial", False))
        serializer.is_valid(raise_exception=True)
        self.perform_update(serializer)
        if self.held_revision is not None:
            return Response(serializers.RevisionSerializer(self.held_revision).data, status=status.HTTP_202_ACCEPTED)
        return Response(self.record(serializer.instance.slug))

    def perform_update(self, serializer):
        values, links = split_links(serializer.Meta.model, serializer.validated_data)
        self.held_revision = review.change(self.request.user, serializer.instance, values, links)

    def perform_destroy(self, instance):
        review.discard(self.request.user, instance)

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
    """`{slug}/history/`: the record's recorded changes, newest first, with what changed (see measures.api.history)."""

    @extend_schema(responses=HistoryEntrySerializer(many=True), filters=False, examples=examples.HISTORY)
    @action(detail=True, methods=["get"], filter_backends=[])
    def history(self, request, slug=None):
        entries = history_entries(self.get_object(), request.user)
        page = self.paginate_queryset(entries)
        serializer = HistoryEntrySerializer(page if page is not None else entries, many=True)
        return self.get_paginated_response(serializer.data) if page is not None else Response(serializer.data)


class RevisionsMixin:
    """`{slug}/revisions/`: changes to a published record waiting for a reviewer, and their approval or rejection."""

    @extend_schema(responses=serializers.RevisionSerializer(many=True), filters=False, examples=examples.REVISIONS)
    @action(detail=True, methods=["get"], filter_backends=[], pagination_class=None, permission_classes=[StaffOnly])
    def revisions(self, request, slug=None):
        record = self.get_object()
        revisions = Revision.objects.filter(
            content_type__app_label=record._meta.app_label,
            content_type__model=record._meta.model_name,
            object_id=record.pk,
        ).select_related("author", "reviewer", "content_type")
        return Response(serializers.RevisionSerializer(revisions, many=True).data)  # a record has few

    @extend_schema(request=None, responses=serializers.RevisionSerializer)
    @action(
        detail=True,
        methods=["post"],
        url_path=r"revisions/(?P<revision_id>[0-9]+)/approve",
        filter_backends=[],
        permission_classes=[StaffOnly],
    )
    def approve_revision(self, request, slug=None, revision_id=None):
        revision = self.revision_of(self.get_object(), revision_id)
        try:
            review.approve(request.user, revision)
        except review.StaleRevision as error:
            raise Conflict(str(error)) from error
        revision.refresh_from_db()
        return Response(serializers.RevisionSerializer(revision).data)

    @extend_schema(request=serializers.RejectionSerializer, responses=serializers.RevisionSerializer)
    @action(
        detail=True,
        methods=["post"],
        url_path=r"revisions/(?P<revision_id>[0-9]+)/reject",
        filter_backends=[],
        permission_classes=[StaffOnly],
    )
    def reject_revision(self, request, slug=None, revision_id=None):
        revision = self.revision_of(self.get_object(), revision_id)
        rejection = serializers.RejectionSerializer(data=request.data)
        rejection.is_valid(raise_exception=True)
        review.reject(request.user, revision, rejection.validated_data["comment"])
        return Response(serializers.RevisionSerializer(revision).data)

    @staticmethod
    def revision_of(record, revision_id):
        return get_object_or_404(
            Revision.objects.select_related("author", "reviewer", "content_type"),
            pk=revision_id,
            content_type__app_label=record._meta.app_label,
            content_type__model=record._meta.model_name,
            object_id=record.pk,
        )


@extend_schema_view(destroy=CONDITIONAL_WRITE)
class RegistryViewSet(ConditionalWritesMixin, RegistryViewSetMixin, viewsets.ModelViewSet):
    """A resource clients may also create records in, and delete them (as the review gate allows)."""

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self.perform_create(serializer)
        return Response(self.record(serializer.instance.slug), status=status.HTTP_201_CREATED)

    def perform_create(self, serializer):
        model = serializer.Meta.model
        values, links = split_links(model, serializer.validated_data)
        serializer.instance = review.create(self.request.user, model(**values), links)


@extend_schema_view(list=extend_schema(examples=examples.MEASURES))
class MeasureViewSet(HistoryMixin, RevisionsMixin, RegistryViewSet):
    """Policy measures with their targets, parks, themes, organizations and source."""

    queryset = Measure.objects.all()
    serializer_class = serializers.MeasureSerializer
    write_serializer_class = serializers.MeasureWriteSerializer
    filterset_class = filters.MeasureFilter
    filtered_actions = frozenset({"list", "facets"})

    def get_queryset(self):
        return visible(Measure.objects.all(), self.request.user)

    def records(self, queryset, slugs):
        return measure_records(queryset, slugs, self.request.user)

    @extend_schema(responses=serializers.FacetsSerializer, examples=examples.FACETS, filters=True)
    @action(detail=False, methods=["get"], pagination_class=None, renderer_classes=JSON_RENDERERS)
    def facets(self, request):
        """How many of the measures the filters select have each status, instrument, start year, source, park (with
        its sub-parks), theme (with its sub-themes) and beneficiary (with its narrower groups): the counts a search
        page shows beside its results."""
        return Response(measure_facets(self.filter_queryset(self.get_queryset()), request.user))


@extend_schema_view(list=extend_schema(examples=examples.TARGETS))
class TargetViewSet(HistoryMixin, RevisionsMixin, RegistryViewSet):
    """Quantitative and dated goals, with unit, target year and baseline."""

    queryset = Target.objects.all()
    serializer_class = serializers.TargetSerializer
    write_serializer_class = serializers.TargetWriteSerializer
    filterset_class = filters.TargetFilter

    def get_queryset(self):
        return visible(Target.objects.all(), self.request.user)

    def records(self, queryset, slugs):
        return target_records(queryset, slugs, self.request.user)


@extend_schema_view(list=extend_schema(examples=examples.PARKS))
class ParkViewSet(HistoryMixin, RevisionsMixin, RegistryViewSet):
    """The demonstration zone and its parks, as a tree (`parent`)."""

    queryset = Park.objects.all()
    serializer_class = serializers.ParkSerializer
    filterset_class = filters.ParkFilter

    def get_queryset(self):
        return (
            visible(Park.objects.all(), self.request.user)
            .select_related("parent")
            .only(*own_fields(serializers.ParkSerializer, {"parent"}), "parent__slug", "parent__review_state")
        )


@extend_schema_view(list=extend_schema(examples=examples.THEMES))
class ThemeViewSet(RegistryViewSet):
    """Policy themes, as a tree (`parent`)."""

    queryset = Theme.objects.select_related("parent")
    serializer_class = serializers.ThemeSerializer
    filterset_class = filters.ThemeFilter


@extend_schema_view(list=extend_schema(examples=examples.BENEFICIARIES))
class BeneficiaryViewSet(RegistryViewSet):
    """Whom measures and policies are for, as a tree (`parent`): the `beneficiary` filters match narrower groups."""

    queryset = Beneficiary.objects.select_related("parent")
    serializer_class = serializers.BeneficiarySerializer
    filterset_class = filters.BeneficiaryFilter


@extend_schema_view(list=extend_schema(examples=examples.INDICATORS))
class IndicatorViewSet(RegistryViewSet):
    """Indicators with their progress: observations and the targets set on them, in time order."""

    queryset = Indicator.objects.all()
    serializer_class = serializers.IndicatorSerializer
    write_serializer_class = serializers.IndicatorWriteSerializer
    filterset_class = filters.IndicatorFilter

    def get_queryset(self):
        return indicators_with_progress(self.request.user)


@extend_schema_view(list=extend_schema(examples=examples.OBSERVATIONS))
class ObservationViewSet(HistoryMixin, RevisionsMixin, RegistryViewSet):
    """Past figures the sources report for an indicator, quoted."""

    queryset = Observation.objects.all()
    serializer_class = serializers.ObservationSerializer
    write_serializer_class = serializers.ObservationWriteSerializer
    filterset_class = filters.ObservationFilter

    def get_queryset(self):
        return (
            visible(Observation.objects.all(), self.request.user)
            .select_related("indicator", "park", "source")
            .defer(*without_texts("source"))
        )


@extend_schema_view(list=extend_schema(examples=examples.POLICIES))
class PolicyViewSet(HistoryMixin, RevisionsMixin, RegistryViewSet):
    """Policies that persist across documents, with the measures that mention them and their timeline."""

    queryset = Policy.objects.all()
    serializer_class = serializers.PolicySerializer
    write_serializer_class = serializers.PolicyWriteSerializer
    filterset_class = filters.PolicyFilter

    def get_queryset(self):
        return policies_with_timelines(self.request.user)


@extend_schema_view(list=extend_schema(examples=examples.ORGANIZATIONS))
class OrganizationViewSet(RegistryViewSet):
    """Issuers of sources and bodies responsible for measures."""

    queryset = Organization.objects.all()
    serializer_class = serializers.OrganizationSerializer
    filterset_class = filters.OrganizationFilter


@extend_schema_view(list=extend_schema(examples=examples.SOURCES))
class SourceViewSet(
    HistoryMixin,
    RevisionsMixin,
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
                Prefetch(
                    "issuers", queryset=Organization.objects.only(*serializers.SlugNameSerializer._declared_fields)
                )
            )
        corrections = visible(TextCorrection.objects.all(), self.request.user)
        return sources.prefetch_related("issuers", Prefetch("corrections", queryset=corrections))

    def read_serializer_class(self):
        return serializers.SourceSerializer if self.action == "list" else serializers.SourceDetailSerializer
