"""Spreadsheet rows for every record (django-import-export): relations by slug, parents before children.

The same resources serve the admin's CSV/XLSX import and export and the API's whole-registry download,
so a file exported from one can be imported by the other.
"""

from operator import attrgetter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from measures import review
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
    TextCorrection,
    Theme,
)
from measures.review import is_public, own_values, public_lookups, visible
from measures.text.formulae import escape_formula, unescape_formula
from measures.trees import parents_first

PK, PARENT_ID, SLUG = attrgetter("pk"), attrgetter("parent_id"), attrgetter("slug")
INTERNAL = ("id", "created_at", "updated_at", "created_by")  # bookkeeping, not data a spreadsheet carries


def by_slug(model):
    return widgets.ForeignKeyWidget(model, field="slug")


def slugs_of(model):
    return widgets.ManyToManyWidget(model, field="slug", separator=";")


class RegistryResource(resources.ModelResource):
    """Rows keyed by slug; model validation (quotes, constraints) runs on every imported row.

    A `public` export leaves out links to records the public may not see (drafts, retracted).
    """

    # A blank XLSX cell reads as None: text columns take it as "" (their blank value), as CharField columns do.
    WIDGETS_MAP = {**resources.ModelResource.WIDGETS_MAP, "TextField": widgets.CharWidget}

    # False for records only ingest makes: a row must name an existing one.
    creates = True

    def __init__(self, public=False, **kwargs):
        super().__init__(**kwargs)
        self.public = public

    def export(self, queryset=None, **kwargs):
        queryset = self.get_queryset() if queryset is None else queryset
        return super().export(queryset=self.with_links(queryset), **kwargs)

    def with_links(self, queryset):
        """The rows, with the records they link to fetched in one query per link rather than one per row and link.

        Only what a row shows of a linked record is read: its slug, and the review states a public export checks
        (measures.review.public_lookups: a linked measure's own and its source's). A public export's many-to-many
        links leave records the public may not see out here.
        """
        model = self._meta.model
        exported = {field.attribute for field in self.get_export_fields()}
        lookups = []
        for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
            if not field.is_relation or field.name not in exported:
                continue
            related = field.related_model
            states = public_lookups(related)
            links = related.objects.only("slug", *states)
            if joins := {state.rsplit("__", 1)[0] for state in states if "__" in state}:
                links = links.select_related(*joins)
            if self.public and field.many_to_many:
                links = visible(links, user=None)
            lookups.append(Prefetch(field.name, queryset=links))
        return queryset.select_related(None).prefetch_related(None).prefetch_related(*lookups)

    def export_field(self, field, instance, **kwargs):
        if self.public and isinstance(field.widget, widgets.ForeignKeyWidget):
            linked = field.get_value(instance)
            if linked is not None and not is_public(linked):
                return ""  # a link to a record the public may not see
        value = super().export_field(field, instance, **kwargs)
        # Numbers are rendered as text ("-5") but are not formulae; every other text may be one.
        return value if isinstance(field.widget, widgets.NumberWidget) else escape_formula(value)

    def before_import_row(self, row, **kwargs):
        """A file this registry exported imports back as it was: the quotes that disarmed formulae come off."""
        for column, value in row.items():
            row[column] = unescape_formula(value)
        super().before_import_row(row, **kwargs)

    class Meta:
        import_id_fields = ["slug"]
        exclude = INTERNAL
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = False  # the review gate validates each row (measures.review.apply)
        chunk_size = 2000  # rows read at a time, each chunk with its links: few queries, bounded memory

    def save_instance(self, instance, is_create, row, **kwargs):
        """Each row through the review gate, as its importer: a curator's change to a published record is held
        as a revision, and a state or field the importer may not set is a row error."""
        user = kwargs.get("user")
        links = {
            field.attribute: field.clean(row)
            for field in self.get_import_fields()
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row
        }
        if is_create:
            review.create(user, instance, links)
        else:
            stored = type(instance).objects.get(pk=instance.pk)
            review.change(user, stored, own_values(instance), links)

    def save_m2m(self, instance, row, **kwargs):
        """Saved (or held) with the row by save_instance."""

    def after_init_instance(self, instance, new, row, **kwargs):
        if new and not self.creates:
            name = self._meta.model._meta.verbose_name
            raise ValidationError(
                {
                    "slug": _("No %(name)s with this slug; imports change %(name)s records, never add them.")
                    % {"name": name}
                }
            )
        super().after_init_instance(instance, new, row, **kwargs)

    @property
    def read_only(self):
        """What the review gate keeps read-only, and a quote's offset, found from the quote when a row is cleaned:
        exported, and a row may repeat but not change them (the row error names the field)."""
        return review.read_only_fields(self._meta.model) | {"quote_offset"}

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        """A read-only field is left as stored; a row that would change an existing record's value is refused."""
        if field.attribute in self.read_only and instance.pk is not None and field.column_name in row:
            if field.clean(row, **kwargs) != field.get_value(instance):
                raise ValueError(_("Read-only: it cannot be changed by an import."))
            return
        super().import_field(field, instance, row, is_m2m, **kwargs)

    def import_data(self, dataset, **kwargs):
        """All rows or none: a file with any invalid row changes nothing, whoever imports it."""
        with transaction.atomic():
            result = super().import_data(dataset, **kwargs)
            if result.has_errors() or result.has_validation_errors():
                transaction.set_rollback(True)
        return result


class TreeResource(RegistryResource):
    def with_links(self, queryset):
        return parents_first(super().with_links(queryset), key=PK, parent=PARENT_ID, tiebreak=SLUG)


class OrganizationResource(RegistryResource):
    class Meta(RegistryResource.Meta):
        model = Organization


class ThemeResource(TreeResource):
    parent = fields.Field(attribute="parent", column_name="parent", widget=by_slug(Theme))

    class Meta(RegistryResource.Meta):
        model = Theme


class BeneficiaryResource(TreeResource):
    parent = fields.Field(attribute="parent", column_name="parent", widget=by_slug(Beneficiary))

    class Meta(RegistryResource.Meta):
        model = Beneficiary


class IndicatorResource(RegistryResource):
    class Meta(RegistryResource.Meta):
        model = Indicator


class ParkResource(TreeResource):
    parent = fields.Field(attribute="parent", column_name="parent", widget=by_slug(Park))

    class Meta(RegistryResource.Meta):
        model = Park


class SourceResource(RegistryResource):
    creates = False  # a source comes from ingesting its document, which also cleans the text and hashes it
    issuers = fields.Field(attribute="issuers", column_name="issuers", widget=slugs_of(Organization))

    class Meta(RegistryResource.Meta):
        model = Source


class TextCorrectionResource(RegistryResource):
    creates = False  # made by ingest, from the raw and cleaned text
    source = fields.Field(attribute="source", column_name="source", widget=by_slug(Source))

    class Meta(RegistryResource.Meta):
        model = TextCorrection
        import_id_fields = ["source", "position"]


class MeasureResource(TreeResource):
    source = fields.Field(attribute="source", column_name="source", widget=by_slug(Source))
    parent = fields.Field(attribute="parent", column_name="parent", widget=by_slug(Measure))
    themes = fields.Field(attribute="themes", column_name="themes", widget=slugs_of(Theme))
    organizations = fields.Field(attribute="organizations", column_name="organizations", widget=slugs_of(Organization))
    parks = fields.Field(attribute="parks", column_name="parks", widget=slugs_of(Park))
    beneficiaries = fields.Field(attribute="beneficiaries", column_name="beneficiaries", widget=slugs_of(Beneficiary))

    class Meta(RegistryResource.Meta):
        model = Measure


class TargetResource(RegistryResource):
    source = fields.Field(attribute="source", column_name="source", widget=by_slug(Source))
    measure = fields.Field(attribute="measure", column_name="measure", widget=by_slug(Measure))
    park = fields.Field(attribute="park", column_name="park", widget=by_slug(Park))
    tracks = fields.Field(attribute="tracks", column_name="tracks", widget=by_slug(Indicator))
    supersedes = fields.Field(attribute="supersedes", column_name="supersedes", widget=by_slug(Target))

    class Meta(RegistryResource.Meta):
        model = Target

    def with_links(self, queryset):
        """A superseded target before the targets that supersede it, so a file imports into an empty registry."""
        return parents_first(super().with_links(queryset), key=PK, parent=attrgetter("supersedes_id"), tiebreak=SLUG)


class ObservationResource(RegistryResource):
    indicator = fields.Field(attribute="indicator", column_name="indicator", widget=by_slug(Indicator))
    source = fields.Field(attribute="source", column_name="source", widget=by_slug(Source))
    park = fields.Field(attribute="park", column_name="park", widget=by_slug(Park))

    class Meta(RegistryResource.Meta):
        model = Observation


class PolicyResource(RegistryResource):
    parks = fields.Field(attribute="parks", column_name="parks", widget=slugs_of(Park))
    themes = fields.Field(attribute="themes", column_name="themes", widget=slugs_of(Theme))
    beneficiaries = fields.Field(attribute="beneficiaries", column_name="beneficiaries", widget=slugs_of(Beneficiary))

    class Meta(RegistryResource.Meta):
        model = Policy


class PolicyMentionResource(RegistryResource):
    policy = fields.Field(attribute="policy", column_name="policy", widget=by_slug(Policy))
    measure = fields.Field(attribute="measure", column_name="measure", widget=by_slug(Measure))

    class Meta(RegistryResource.Meta):
        model = PolicyMention
        import_id_fields = ["policy", "measure"]


class PolicyEventResource(RegistryResource):
    policy = fields.Field(attribute="policy", column_name="policy", widget=by_slug(Policy))
    source = fields.Field(attribute="source", column_name="source", widget=by_slug(Source))

    class Meta(RegistryResource.Meta):
        model = PolicyEvent
        import_id_fields = ["policy", "kind", "date", "source"]


# In the order an empty database must receive them.
RESOURCES = {
    "organizations": OrganizationResource,
    "themes": ThemeResource,
    "beneficiaries": BeneficiaryResource,
    "indicators": IndicatorResource,
    "parks": ParkResource,
    "sources": SourceResource,
    "text-corrections": TextCorrectionResource,
    "measures": MeasureResource,
    "targets": TargetResource,
    "observations": ObservationResource,
    "policies": PolicyResource,
    "policy-mentions": PolicyMentionResource,
    "policy-events": PolicyEventResource,
}
