"""Read serializers (nested, fed by prefetched querysets) and write serializers (relations by slug)."""

import copy

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.fields import empty

from measures import review
from measures.api.history import FieldChangeSerializer
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
    Revision,
    Source,
    Target,
    TextCorrection,
    Theme,
    alias_lines,
    locate_quote,
    refuse_cycle,
)
from measures.review import is_public, sees_unpublished


def requester(serializer):
    request = serializer.context.get("request")
    return request.user if request is not None else None


class HidesUnpublishedMixin:
    """A link to a record the requester may not see (measures.review.visible) is shown as null."""

    def get_attribute(self, instance):
        related = super().get_attribute(instance)
        if related is None or sees_unpublished(requester(self)) or is_public(related):
            return related
        return None


class SlugReference(serializers.SlugRelatedField):
    """A link by slug: null for none, and a blank string is an error rather than another way to say null."""

    default_error_messages = {"blank": "Must be a slug or null, not blank."}

    def __init__(self, **kwargs):
        super().__init__(slug_field="slug", **kwargs)

    def run_validation(self, data=empty):
        if data == "":
            self.fail("blank")
        return super().run_validation(data)


class VisibleSlugField(HidesUnpublishedMixin, SlugReference):
    def __init__(self, **kwargs):
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)


class SlugNameSerializer(serializers.Serializer):
    """A related record reduced to how a client links to it and how a person reads it, in Chinese and English."""

    slug = serializers.SlugField(read_only=True)
    name = serializers.CharField(read_only=True)
    name_en = serializers.CharField(read_only=True, help_text="Blank when no English name is recorded.")


class VisibleSlugNameSerializer(HidesUnpublishedMixin, SlugNameSerializer):
    pass


class SourceReferenceSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True)
    title = serializers.CharField(read_only=True)


class VisibleSourceReferenceSerializer(HidesUnpublishedMixin, SourceReferenceSerializer):
    """A record's source, or null when the requester may not see it."""

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)


@extend_schema_field(serializers.ListField(child=serializers.CharField()))
class AliasListField(serializers.Field):
    """Aliases are stored one per line and served as a list of strings."""

    def to_representation(self, value):
        return alias_lines(value)

    def to_internal_value(self, data):
        if not isinstance(data, list) or not all(isinstance(item, str) for item in data):
            raise serializers.ValidationError("Must be a list of strings.")
        if any("\n" in item or "\x00" in item or not item.strip() for item in data):
            raise serializers.ValidationError("An alias cannot be blank or contain a line break or a NUL character.")
        return "\n".join(item.strip() for item in data)


class ModelConstraintsMixin:
    """Checks the model's database constraints, and that a tree stays a tree, before saving: a 400, not a 500."""

    def validate(self, attrs):
        attrs = super().validate(attrs)
        instance = copy.copy(self.instance) if self.instance is not None else self.Meta.model()
        many_to_many = {field.name for field in self.Meta.model._meta.many_to_many}
        for name, value in attrs.items():
            if name not in many_to_many:
                setattr(instance, name, value)
        rule_errors = getattr(instance, "rule_errors", dict)()  # measures.rules: years and values
        if rule_errors:
            raise serializers.ValidationError(rule_errors)
        try:
            instance.validate_constraints()
            if "parent" in attrs:
                refuse_cycle(instance)  # model validation the database cannot check: no record below itself
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from error
        return attrs


class TextOnlyMixin:
    """A text field takes a JSON string only (DRF would turn 123 into "123"), its length counted as sent."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        if self.max_length is not None and len(data) > self.max_length:
            self.fail("max_length", max_length=self.max_length)
        return super().to_internal_value(data)


class TextField(TextOnlyMixin, serializers.CharField):
    pass


class SlugTextField(TextOnlyMixin, serializers.SlugField):
    pass


class URLTextField(TextOnlyMixin, serializers.URLField):
    pass


class RegistryModelSerializer(ModelConstraintsMixin, serializers.ModelSerializer):
    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.CharField: TextField,
        models.TextField: TextField,
        models.SlugField: SlugTextField,
        models.URLField: URLTextField,
    }


class QuotedWriteMixin:
    """Writes must quote the source verbatim; the offset is found (or checked) on the server."""

    def validate(self, attrs):
        attrs = super().validate(attrs)
        source = attrs.get("source", getattr(self.instance, "source", None))
        quote = attrs.get("quote", getattr(self.instance, "quote", None))
        if source is not None and quote:
            try:
                attrs["quote_offset"] = locate_quote(source.text, quote, attrs.get("quote_offset"))
            except DjangoValidationError as error:
                raise serializers.ValidationError(error.message_dict) from error
        return attrs


class OrganizationSerializer(RegistryModelSerializer):
    aliases = AliasListField(required=False)

    class Meta:
        model = Organization
        fields = ["slug", "name", "name_en", "kind", "aliases"]


class ThemeSerializer(RegistryModelSerializer):
    parent = SlugReference(queryset=Theme.objects.all(), allow_null=True, required=False)

    class Meta:
        model = Theme
        fields = ["slug", "name", "name_en", "parent", "description"]


class BeneficiarySerializer(RegistryModelSerializer):
    parent = SlugReference(queryset=Beneficiary.objects.all(), allow_null=True, required=False)

    class Meta:
        model = Beneficiary
        fields = ["slug", "name", "name_en", "parent", "description"]


class ParkSerializer(RegistryModelSerializer):
    parent = VisibleSlugField(queryset=Park.objects.all(), required=False)
    aliases = AliasListField(required=False)

    class Meta:
        model = Park
        fields = ["slug", "name", "name_en", "kind", "parent", "district", "aliases", "notes", "review_state"]


class TextCorrectionSerializer(serializers.ModelSerializer):
    class Meta:
        model = TextCorrection
        fields = ["position", "original", "replacement", "reason", "flagged"]


class SourceSerializer(RegistryModelSerializer):
    issuers = SlugNameSerializer(many=True, read_only=True)

    class Meta:
        model = Source
        fields = [
            "slug",
            "title",
            "title_en",
            "kind",
            "publisher",
            "author",
            "issuers",
            "published_on",
            "date_precision",
            "published_not_before",
            "published_not_after",
            "period_start_year",
            "period_end_year",
            "url",
            "language",
            "sha256",
            "notes",
            "review_state",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["sha256", "created_at", "updated_at"]


class SourceDetailSerializer(SourceSerializer):
    corrections = TextCorrectionSerializer(many=True, read_only=True)

    class Meta(SourceSerializer.Meta):
        fields = [*SourceSerializer.Meta.fields, "corrections", "text", "raw_text"]
        read_only_fields = [*SourceSerializer.Meta.read_only_fields, "text", "raw_text"]


TARGET_VALUE_FIELDS = [
    "slug",
    "indicator",
    "indicator_en",
    "comparator",
    "value",
    "value_max",
    "unit",
    "start_year",
    "target_year",
    "period_type",
    "baseline_value",
    "baseline_year",
]


class NestedTargetSerializer(serializers.ModelSerializer):
    park = VisibleSlugField(read_only=True)

    class Meta:
        model = Target
        fields = [*TARGET_VALUE_FIELDS, "park"]


class MeasureSerializer(serializers.ModelSerializer):
    """A measure as the API shows it: the schema and the CSV columns come from here, and measures.api.records
    builds the same from `.values()` rows to serve it (tests/api/test_records.py holds the two equal).

    Parks and targets shown are those the requester may see: give it a queryset from
    measures.api.records.measures_for_serializer.
    """

    source = VisibleSourceReferenceSerializer(read_only=True)
    parent = VisibleSlugField(read_only=True)
    themes = SlugNameSerializer(many=True, read_only=True)
    organizations = SlugNameSerializer(many=True, read_only=True)
    parks = SlugNameSerializer(many=True, read_only=True)
    beneficiaries = SlugNameSerializer(many=True, read_only=True)
    targets = NestedTargetSerializer(many=True, read_only=True)

    class Meta:
        model = Measure
        fields = [
            "slug",
            "title",
            "title_en",
            "summary",
            "summary_en",
            "source",
            "quote",
            "quote_offset",
            "parent",
            "themes",
            "instrument",
            "organizations",
            "parks",
            "beneficiaries",
            "status",
            "start_year",
            "start_year_stated",
            "end_year",
            "funding_amount",
            "funding_unit",
            "funding_period",
            "targets",
            "notes",
            "review_state",
            "created_at",
            "updated_at",
        ]


def slug_field(queryset, **kwargs):
    return SlugReference(queryset=queryset, **kwargs)


class MeasureWriteSerializer(QuotedWriteMixin, RegistryModelSerializer):
    source = slug_field(Source.objects.all())
    parent = slug_field(Measure.objects.all(), allow_null=True, required=False)
    themes = slug_field(Theme.objects.all(), many=True, required=False)
    organizations = slug_field(Organization.objects.all(), many=True, required=False)
    parks = slug_field(Park.objects.all(), many=True, required=False)
    beneficiaries = slug_field(Beneficiary.objects.all(), many=True, required=False)

    class Meta:
        model = Measure
        fields = [field for field in MeasureSerializer.Meta.fields if field != "targets"]
        read_only_fields = ["created_at", "updated_at"]


def superseded_by_field():
    """The later targets that supersede a target, by slug: those the requester may see, prefetched by the caller
    (measures.api.records.targets_for_serializer, the indicators' view)."""
    return serializers.SlugRelatedField(
        slug_field="slug",
        many=True,
        read_only=True,
        help_text="Later targets that replace this one (a moved deadline, a changed value).",
    )


class TargetSerializer(serializers.ModelSerializer):
    """A target as the API shows it; measures.api.records builds the same from `.values()` rows, and serves it."""

    source = VisibleSourceReferenceSerializer(read_only=True)
    measure = VisibleSlugField(read_only=True)
    park = VisibleSlugNameSerializer(read_only=True, allow_null=True)
    tracks = SlugReference(read_only=True, allow_null=True, help_text="The indicator this target is set on.")
    supersedes = VisibleSlugField(read_only=True, help_text="The earlier target this one replaces.")
    superseded_by = superseded_by_field()

    class Meta:
        model = Target
        fields = [
            *TARGET_VALUE_FIELDS,
            "source",
            "quote",
            "quote_offset",
            "measure",
            "park",
            "tracks",
            "supersedes",
            "superseded_by",
            "notes",
            "review_state",
            "created_at",
            "updated_at",
        ]


class TargetWriteSerializer(QuotedWriteMixin, RegistryModelSerializer):
    source = slug_field(Source.objects.all())
    measure = slug_field(Measure.objects.all(), allow_null=True, required=False)
    park = slug_field(Park.objects.all(), allow_null=True, required=False)
    tracks = slug_field(Indicator.objects.all(), allow_null=True, required=False)
    supersedes = slug_field(Target.objects.all(), allow_null=True, required=False)

    class Meta:
        model = Target
        fields = [field for field in TargetSerializer.Meta.fields if field != "superseded_by"]
        read_only_fields = ["created_at", "updated_at"]


class ObservationSerializer(serializers.ModelSerializer):
    """A past figure for an indicator, quoted from its source."""

    indicator = SlugNameSerializer(read_only=True)
    park = VisibleSlugNameSerializer(read_only=True, allow_null=True)
    source = VisibleSourceReferenceSerializer(read_only=True)

    class Meta:
        model = Observation
        fields = [
            "slug",
            "indicator",
            "value",
            "value_max",
            "unit",
            "year",
            "year_end",
            "period_type",
            "park",
            "source",
            "quote",
            "quote_offset",
            "notes",
            "review_state",
            "created_at",
            "updated_at",
        ]


class ObservationWriteSerializer(QuotedWriteMixin, RegistryModelSerializer):
    indicator = slug_field(Indicator.objects.all())
    source = slug_field(Source.objects.all())
    park = slug_field(Park.objects.all(), allow_null=True, required=False)

    class Meta:
        model = Observation
        fields = ObservationSerializer.Meta.fields
        read_only_fields = ["created_at", "updated_at"]


class ProgressObservationSerializer(serializers.ModelSerializer):
    """An observation in its indicator's progress view."""

    park = VisibleSlugField(read_only=True)
    source = SourceReferenceSerializer(read_only=True)

    class Meta:
        model = Observation
        fields = [
            "slug",
            "value",
            "value_max",
            "unit",
            "year",
            "year_end",
            "period_type",
            "park",
            "source",
            "quote",
            "quote_offset",
        ]


class ProgressTargetSerializer(serializers.ModelSerializer):
    """A target in its indicator's progress view, with what it supersedes and what supersedes it."""

    park = VisibleSlugField(read_only=True)
    source = SourceReferenceSerializer(read_only=True)
    supersedes = VisibleSlugField(read_only=True, help_text="The earlier target this one replaces.")
    superseded_by = superseded_by_field()

    class Meta:
        model = Target
        fields = [*TARGET_VALUE_FIELDS, "park", "source", "quote", "supersedes", "superseded_by"]


class IndicatorSerializer(RegistryModelSerializer):
    """An indicator with its progress: the observations and the targets set on it, in time order (those the
    requester may see, prefetched by the view)."""

    observations = ProgressObservationSerializer(many=True, read_only=True)
    targets = ProgressTargetSerializer(many=True, read_only=True)

    class Meta:
        model = Indicator
        fields = ["slug", "name", "name_en", "unit", "description", "observations", "targets"]


class IndicatorWriteSerializer(RegistryModelSerializer):
    class Meta:
        model = Indicator
        fields = ["slug", "name", "name_en", "unit", "description"]


class MentionSerializer(serializers.ModelSerializer):
    """A measure that mentions the policy, where, in what role, and its words."""

    measure = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    title = serializers.CharField(source="measure.title", read_only=True)
    source = SourceReferenceSerializer(source="measure.source", read_only=True)
    quote = serializers.CharField(source="measure.quote", read_only=True)

    class Meta:
        model = PolicyMention
        fields = ["measure", "title", "source", "role", "quote"]


class EventSerializer(serializers.ModelSerializer):
    """A dated step in the policy's life, quoted from a source."""

    source = SourceReferenceSerializer(read_only=True)

    class Meta:
        model = PolicyEvent
        fields = ["date", "date_precision", "kind", "source", "quote", "quote_offset", "notes"]


POLICY_FIELDS = [
    "slug",
    "name",
    "name_en",
    "aliases",
    "kind",
    "parks",
    "themes",
    "beneficiaries",
    "status",
    "status_evidenced_on",
    "description",
    "notes",
    "review_state",
    "created_at",
    "updated_at",
]


class PolicySerializer(serializers.ModelSerializer):
    """A policy with the measures that mention it and its timeline, in time order (what the requester may see,
    prefetched by the view)."""

    aliases = AliasListField(read_only=True)
    parks = SlugNameSerializer(many=True, read_only=True)
    themes = SlugNameSerializer(many=True, read_only=True)
    beneficiaries = SlugNameSerializer(many=True, read_only=True)
    mentions = MentionSerializer(many=True, read_only=True)
    events = EventSerializer(many=True, read_only=True)

    class Meta:
        model = Policy
        fields = [*POLICY_FIELDS[:-3], "mentions", "events", *POLICY_FIELDS[-3:]]


class PolicyWriteSerializer(RegistryModelSerializer):
    aliases = AliasListField(required=False)
    parks = slug_field(Park.objects.all(), many=True, required=False)
    themes = slug_field(Theme.objects.all(), many=True, required=False)
    beneficiaries = slug_field(Beneficiary.objects.all(), many=True, required=False)

    class Meta:
        model = Policy
        fields = POLICY_FIELDS
        read_only_fields = ["created_at", "updated_at"]


class RevisionSerializer(serializers.ModelSerializer):
    """A change to a published record waiting for (or closed by) a reviewer."""

    record = serializers.SerializerMethodField()
    author = serializers.SlugRelatedField(slug_field="username", read_only=True)
    reviewer = serializers.SlugRelatedField(slug_field="username", read_only=True)
    stale = serializers.SerializerMethodField(help_text="The record changed since: it cannot be approved.")
    changes = serializers.SerializerMethodField()

    class Meta:
        model = Revision
        fields = [
            "id",
            "record",
            "author",
            "created_at",
            "base_version",
            "state",
            "stale",
            "changes",
            "reviewer",
            "reviewed_at",
            "comment",
        ]

    def get_record(self, revision) -> str:
        return getattr(revision.record, "slug", None)

    def get_stale(self, revision) -> bool:
        return revision.state == "pending" and review.is_stale(revision)

    @extend_schema_field(FieldChangeSerializer(many=True))
    def get_changes(self, revision):
        return review.diff(revision)


class RejectionSerializer(serializers.Serializer):
    comment = TextField(help_text="Why: the revision's author reads it.")


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField(read_only=True)
    label = serializers.CharField(read_only=True)
    count = serializers.IntegerField(read_only=True)


class FacetYearSerializer(serializers.Serializer):
    value = serializers.IntegerField(read_only=True)
    count = serializers.IntegerField(read_only=True)


class FacetSourceSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True)
    title = serializers.CharField(read_only=True)
    title_en = serializers.CharField(read_only=True)
    count = serializers.IntegerField(read_only=True)


class FacetNodeSerializer(SlugNameSerializer):
    """A park, theme or beneficiary in tree order; `count` includes the measures of what is below it."""

    parent = serializers.SlugField(read_only=True, allow_null=True)
    depth = serializers.IntegerField(read_only=True, help_text="0 for a record without a parent.")
    count = serializers.IntegerField(read_only=True)


class FacetsSerializer(serializers.Serializer):
    """Counts of the filtered measures by each facet (measures.api.facets)."""

    count = serializers.IntegerField(read_only=True, help_text="Measures the filters select.")
    status = FacetValueSerializer(many=True, read_only=True)
    instrument = FacetValueSerializer(many=True, read_only=True)
    start_year = FacetYearSerializer(many=True, read_only=True)
    source = FacetSourceSerializer(many=True, read_only=True)
    park = FacetNodeSerializer(many=True, read_only=True, help_text="Every park the requester may see, in tree order.")
    theme = FacetNodeSerializer(many=True, read_only=True, help_text="Every theme, in tree order.")
    beneficiary = FacetNodeSerializer(
        many=True, read_only=True, help_text="Every beneficiary, in tree order; a group counts its narrower groups."
    )
