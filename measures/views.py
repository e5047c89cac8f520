"""Viewsets: a queryset that fetches what its serializer shows, a serializer and a filterset."""

from django.db.models import Prefetch
from rest_framework import mixins, viewsets
from rest_framework.exceptions import ValidationError

from measures import filters, serializers
from measures.models import Measure, Organization, Park, Source, Target, Theme

SLUG_PATTERN = r"[-a-zA-Z0-9_]+"
WRITE_ACTIONS = {"create", "update", "partial_update"}


class RegistryViewSetMixin:
    """Slug lookups, NUL-free query strings, write serializers for writes, whole lists in CSV."""

    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    write_serializer_class = None

    def initial(self, request, *args, **kwargs):
        for name, values in request.query_params.lists():
            if any("\x00" in value for value in values):
                raise ValidationError({name: ["Must not contain a NUL character."]})
        super().initial(request, *args, **kwargs)

    def get_serializer_class(self):
        if self.action in WRITE_ACTIONS and self.write_serializer_class is not None:
            return self.write_serializer_class
        return super().get_serializer_class()

    @property
    def paginator(self):
        renderer = getattr(self.request, "accepted_renderer", None)
        if renderer is not None and renderer.format == "csv":
            return None  # a CSV download is the whole filtered list
        return super().paginator


class RegistryViewSet(RegistryViewSetMixin, viewsets.ModelViewSet):
    pass


class MeasureViewSet(RegistryViewSet):
    """Policy measures with their targets, parks, themes, organizations and source."""

    queryset = (
        Measure.objects.select_related("source", "parent")
        .defer("source__raw_text", "source__text", "parent__quote", "parent__summary", "parent__summary_en")
        .prefetch_related(
            Prefetch(
                "targets",
                queryset=Target.objects.select_related("park").only(
                    *[f for f in serializers.NestedTargetSerializer.Meta.fields if f != "park"],
                    "measure_id",
                    "park__slug",
                ),
            ),
            Prefetch("parks", queryset=Park.objects.only("slug", "name")),
            Prefetch("themes", queryset=Theme.objects.only("slug", "name")),
            Prefetch("organizations", queryset=Organization.objects.only("slug", "name")),
        )
    )
    serializer_class = serializers.MeasureSerializer
    write_serializer_class = serializers.MeasureWriteSerializer
    filterset_class = filters.MeasureFilter


class TargetViewSet(RegistryViewSet):
    """Quantitative and dated goals, with unit, target year and baseline."""

    queryset = Target.objects.select_related("source", "measure", "park").only(
        *[f for f in serializers.TargetSerializer.Meta.fields if f not in {"source", "measure", "park"}],
        "source__slug",
        "source__title",
        "measure__slug",
        "park__slug",
        "park__name",
    )
    serializer_class = serializers.TargetSerializer
    write_serializer_class = serializers.TargetWriteSerializer
    filterset_class = filters.TargetFilter


class ParkViewSet(RegistryViewSet):
    """The demonstration zone and its parks, as a tree (`parent`)."""

    queryset = Park.objects.select_related("parent").only(
        *[f for f in serializers.ParkSerializer.Meta.fields if f != "parent"], "parent__slug"
    )
    serializer_class = serializers.ParkSerializer
    filterset_class = filters.ParkFilter


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
    RegistryViewSetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Source documents. Their text is fixed once stored, so the API edits metadata only."""

    serializer_class = serializers.SourceSerializer
    filterset_class = filters.SourceFilter

    def get_queryset(self):
        if self.action == "list":
            return Source.objects.defer("raw_text", "text").prefetch_related(
                Prefetch("issuers", queryset=Organization.objects.only("slug", "name"))
            )
        return Source.objects.prefetch_related("issuers", "corrections")

    def get_serializer_class(self):
        return serializers.SourceSerializer if self.action == "list" else serializers.SourceDetailSerializer
