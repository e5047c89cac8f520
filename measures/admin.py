"""The curators' admin: cheap to browse, quick to curate, and honest about where each record comes from."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import Max, Min
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, ngettext
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import CSV, XLSX
from simple_history.admin import SimpleHistoryAdmin

from measures import imports, progress, resources, review
from measures.choices import ReviewState, RevisionState
from measures.forms import IngestForm, VersionCheckedForm
from measures.ingest import admin as proposal_admin  # noqa: F401  (registers the proposal queue)
from measures.ingest import queue
from measures.ingest.documents import Document, IngestError, ingest
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
    Reviewed,
    Revision,
    SeedRecord,
    Source,
    Target,
    TextCorrection,
    Theme,
)
from measures.review import REVIEWER_ONLY_STATES, can_publish

# Django's admin templates ask for these, and its own zh_Hans catalogue leaves them untranslated: marked here so the
# project's catalogue, which translates them, keeps them when `makemessages` runs.
ADMIN_TEMPLATE_STRINGS = (
    gettext_noop("Model name"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
)


@admin.display(description=_("quote in its source"))
def quote_in_source(obj):
    """The paragraph around the quote, read-only, with the quote marked."""
    context = obj.quote_in_context() if obj.pk and obj.source_id else None
    if context is None:
        return _("(the quote is not in the source's text)") if obj.pk else "—"
    before, quote, after = context
    return format_html('<div style="max-width:60em">…{}<mark>{}</mark>{}…</div>', before, quote, after)


class LeanRelatedFilter(admin.RelatedFieldListFilter):
    """A related record's choices without reading its long texts (every source's whole text, on every changelist),
    and for a many-to-many link only the records some measure links to, read from the link table alone: Django's
    RelatedOnlyFieldListFilter joins every measure to its links (90 ms for the parks at 100,000 measures)."""

    def field_choices(self, field, request, model_admin):
        model = field.related_model
        long_texts = [column.name for column in model._meta.concrete_fields if isinstance(column, models.TextField)]
        ordering = self.field_admin_ordering(field, request, model_admin) or model._meta.ordering
        records = model._default_manager.defer(*long_texts).order_by(*ordering)
        if field.many_to_many:
            records = records.filter(pk__in=field.remote_field.through.objects.values(field.m2m_reverse_name()))
        return [(record.pk, str(record)) for record in records]


class InForceYearFilter(admin.SimpleListFilter):
    title = _("in force in year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        span = Measure.objects.aggregate(first=Min("start_year"), last=Max("end_year"))
        if span["first"] is None:
            return []
        last = max(span["last"] or span["first"], span["first"])
        return [(str(year), str(year)) for year in range(span["first"], last + 1)]

    def queryset(self, request, queryset):
        if self.value() is None or not self.value().isdigit():
            return queryset
        return queryset.filter(start_year__lte=self.value()).exclude(end_year__lt=self.value())


def many_to_many_links(form):
    return {
        field.name: form.cleaned_data[field.name]
        for field in form._meta.model._meta.many_to_many
        if field.name in form.cleaned_data
    }


def held(request):
    """The revisions this request's saves were held as (a published record changed by a curator)."""
    if not hasattr(request, "held_revisions"):
        request.held_revisions = []
    return request.held_revisions


class GatedSavesMixin:
    """Every admin write (form, inline, revert, delete) goes through the review gate, measures.review."""

    def save_model(self, request, obj, form, change):
        links = many_to_many_links(form)
        if not change:
            review.create(request.user, obj, links)
            return
        revision = review.change(request.user, type(obj).objects.get(pk=obj.pk), review.own_values(obj), links)
        if revision is not None:
            held(request).append(revision)

    def save_related(self, request, form, formsets, change):
        # The form's many-to-many links were saved (or held) with the record by save_model.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            review.discard(request.user, obj)
        for obj in instances:
            if obj.pk is None:
                review.create(request.user, obj)
            else:
                revision = review.change(request.user, type(obj).objects.get(pk=obj.pk), review.own_values(obj))
                if revision is not None:
                    held(request).append(revision)

    def response_change(self, request, obj):
        for revision in held(request):
            self.message_user(
                request,
                _(
                    "Your change to “%(record)s” waits for a reviewer as revision %(id)d; "
                    "the public sees the published version until then."
                )
                % {"record": revision.record, "id": revision.pk},
                messages.WARNING,
            )
        return super().response_change(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None:
            return review.may_discard(request.user, obj)
        # Curators may discard drafts of their own, so they see the delete action too.
        return super().has_delete_permission(request) or (
            issubclass(self.model, Reviewed) and self.has_add_permission(request)
        )

    def delete_model(self, request, obj):
        review.discard(request.user, obj)

    @transaction.atomic
    def delete_queryset(self, request, queryset):
        for obj in queryset:
            review.discard(request.user, obj)

    def get_deleted_objects(self, objs, request):
        """Django's summary, with the gate's word on permission and the records linked through many-to-many."""
        deleted, counts, _perms_needed, protected = super().get_deleted_objects(objs, request)
        permitted = all(review.may_discard(request.user, obj) for obj in objs)
        protected = [
            *protected,
            *(
                f"{capfirst(linked._meta.verbose_name)}: {linked}"
                for obj in objs
                for linked in review.linking_records(obj)
            ),
        ]
        return deleted, counts, set() if permitted else {self.model._meta.verbose_name}, protected


class CuratedAdmin(GatedSavesMixin, ImportExportModelAdmin, SimpleHistoryAdmin):
    """History with diffs and revert, CSV/XLSX import and export of the filtered list, and no lost updates."""

    form = VersionCheckedForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # Django 6's default, asked for now
    import_formats = [imports.CSV, imports.XLSX]
    import_form_class = imports.LimitedImportForm
    export_formats = [CSV, XLSX]

    def action_checkbox(self, obj):
        """Django's checkbox, the same HTML written directly: rendering a form widget's template for every row was
        an eighth of a 100-row changelist's time."""
        label = format_html(_("Select this object for an action - {}"), str(obj))
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            obj.pk,
            label,
        )

    def has_import_permission(self, request):
        """An import creates and changes records (django-import-export lets any staff user import by default)."""
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        """An export shows every record, drafts included: it is for those who may view them here."""
        return self.has_view_permission(request)

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, imports.TooLarge):
            form.add_error("import_file", str(e))  # the limit, named, rather than "TooManyRows encountered"
        else:
            super().add_data_read_fail_error_to_form(form, e)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or "loaded_version" in flatten_fieldsets(fieldsets):
            return fieldsets
        return [*fieldsets, (None, {"fields": ["loaded_version"], "classes": ["hidden"]})]


class ReviewStateFieldMixin:
    """Curators choose only draft or in review; a published or retracted record's state is a reviewer's call."""

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "review_state" and not can_publish(request.user, self.model):
            kwargs["choices"] = [(s.value, s.label) for s in ReviewState if s not in REVIEWER_ONLY_STATES]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.review_state in REVIEWER_ONLY_STATES and not can_publish(request.user, self.model):
            readonly.append("review_state")
        return readonly


@admin.display(description=_("pending revisions"))
def pending_revisions(obj):
    pending = obj.revisions.filter(state=RevisionState.PENDING) if obj.pk else []
    return (
        format_html_join(
            ", ",
            '<a href="{}">#{}</a>',
            ((reverse("admin:measures_revision_change", args=[revision.pk]), revision.pk) for revision in pending),
        )
        or "—"
    )


class ReviewedAdmin(ReviewStateFieldMixin, CuratedAdmin):
    """Review actions: anyone who may change records submits them; only reviewers publish and retract."""

    actions = ["submit_for_review", "publish", "retract"]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), pending_revisions]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or pending_revisions in flatten_fieldsets(fieldsets):
            return fieldsets
        return [*fieldsets, (_("Review"), {"fields": [pending_revisions]})]

    def has_publish_permission(self, request):
        return can_publish(request.user, self.model)

    def transition(self, request, queryset, state):
        try:
            with transaction.atomic():
                moved = review.move(request.user, queryset, state)
        except PermissionDenied as error:
            self.message_user(request, str(error), messages.ERROR)
            return
        self.message_user(request, _("%(count)d records are now %(state)s.") % {"count": moved, "state": state.label})

    @admin.action(description=_("Submit selected for review"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        self.transition(request, queryset.filter(review_state=ReviewState.DRAFT), ReviewState.IN_REVIEW)

    @admin.action(description=_("Publish selected"), permissions=["publish"])
    def publish(self, request, queryset):
        self.transition(request, queryset.exclude(review_state=ReviewState.PUBLISHED), ReviewState.PUBLISHED)

    @admin.action(description=_("Retract selected"), permissions=["publish"])
    def retract(self, request, queryset):
        self.transition(request, queryset.filter(review_state=ReviewState.PUBLISHED), ReviewState.RETRACTED)


class TargetInline(admin.StackedInline):
    """A measure's targets. Their review state is changed on their own page or by action, never by the parent's
    Save: the inline's state field would otherwise be judged by the parent."""

    model = Target
    form = VersionCheckedForm  # a target changed since the page opened would otherwise be saved back stale
    readonly_fields = ["review_state"]
    extra = 0
    fields = [
        "loaded_version",
        ("slug", "indicator", "indicator_en"),
        ("comparator", "value", "value_max", "unit"),
        ("start_year", "target_year", "period_type", "baseline_value", "baseline_year", "park"),
        ("tracks", "supersedes"),
        "quote",
        ("notes", "review_state"),
    ]
    autocomplete_fields = ["park", "tracks", "supersedes"]
    show_change_link = True


@admin.display(description=_("policies it mentions"))
def policies_mentioned(measure):
    """Each policy the measure mentions, in its role, linked to the mention (edited there or on the policy's page)."""
    mentions = measure.policy_mentions.select_related("policy").order_by("policy__name") if measure.pk else []
    return (
        format_html_join(
            mark_safe("<br>"),
            '<a href="{}">{}</a> ({}, {})',
            (
                (
                    reverse("admin:measures_policymention_change", args=[mention.pk]),
                    mention.policy.name,
                    mention.get_role_display(),
                    mention.get_review_state_display(),
                )
                for mention in mentions
            ),
        )
        or "—"
    )


@admin.register(Measure)
class MeasureAdmin(ReviewedAdmin):
    resource_classes = [resources.MeasureResource]
    list_display = ["title", "title_en", "source", "status", "review_state", "start_year", "end_year", "updated_at"]
    list_select_related = ["source"]
    list_filter = [
        "review_state",
        ("source", LeanRelatedFilter),
        ("parks", LeanRelatedFilter),
        ("themes", LeanRelatedFilter),
        ("beneficiaries", LeanRelatedFilter),
        "status",
        "instrument",
        InForceYearFilter,
    ]
    search_fields = ["slug", "title", "title_en", "summary", "summary_en", "quote"]
    autocomplete_fields = ["source", "parent", "themes", "organizations", "parks", "beneficiaries"]
    readonly_fields = [quote_in_source, "quote_offset", policies_mentioned, "created_at", "updated_at"]
    show_full_result_count = False
    inlines = [TargetInline]
    fieldsets = [
        (None, {"fields": ["slug", ("title", "title_en"), ("summary", "summary_en")]}),
        (_("Provenance"), {"fields": ["source", "quote", quote_in_source, "quote_offset"]}),
        (
            _("Classification"),
            {
                "fields": [
                    "parent",
                    "themes",
                    "instrument",
                    "organizations",
                    "parks",
                    "beneficiaries",
                    "status",
                    ("start_year", "start_year_stated", "end_year"),
                    policies_mentioned,
                ]
            },
        ),
        (_("Funding"), {"fields": [("funding_amount", "funding_unit", "funding_period")]}),
        (_("Review"), {"fields": ["review_state"]}),
        (None, {"fields": ["notes", ("created_at", "updated_at")]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("source__raw_text", "source__text")


@admin.register(Target)
class TargetAdmin(ReviewedAdmin):
    resource_classes = [resources.TargetResource]
    list_display = ["indicator", "comparator", "value", "value_max", "unit", "target_year", "source", "review_state"]
    list_select_related = ["source"]
    list_filter = [
        "review_state",
        ("source", LeanRelatedFilter),
        ("park", admin.RelatedOnlyFieldListFilter),
        "comparator",
        "target_year",
        "period_type",
        ("tracks", admin.RelatedOnlyFieldListFilter),
        "unit",
    ]
    search_fields = ["slug", "indicator", "indicator_en", "quote"]
    autocomplete_fields = ["source", "measure", "park", "tracks", "supersedes"]
    readonly_fields = [quote_in_source, "quote_offset", "created_at", "updated_at"]
    show_full_result_count = False
    fields = [
        "slug",
        ("indicator", "indicator_en"),
        ("comparator", "value", "value_max", "unit"),
        ("start_year", "target_year", "period_type", "baseline_value", "baseline_year"),
        ("source", "measure", "park"),
        ("tracks", "supersedes"),
        "quote",
        quote_in_source,
        "quote_offset",
        "notes",
        "review_state",
        ("created_at", "updated_at"),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("source__raw_text", "source__text")


@admin.register(Park)
class ParkAdmin(ReviewedAdmin):
    resource_classes = [resources.ParkResource]
    list_display = ["name", "name_en", "kind", "parent", "district", "review_state"]
    list_select_related = ["parent"]
    list_filter = ["review_state", "kind", "district"]
    search_fields = ["slug", "name", "name_en", "aliases"]
    autocomplete_fields = ["parent"]


@admin.register(Theme)
class ThemeAdmin(CuratedAdmin):
    resource_classes = [resources.ThemeResource]
    list_display = ["name", "name_en", "parent"]
    list_select_related = ["parent"]
    search_fields = ["slug", "name", "name_en", "description"]
    autocomplete_fields = ["parent"]


@admin.register(Beneficiary)
class BeneficiaryAdmin(CuratedAdmin):
    resource_classes = [resources.BeneficiaryResource]
    list_display = ["name", "name_en", "parent"]
    list_select_related = ["parent"]
    search_fields = ["slug", "name", "name_en", "description"]
    autocomplete_fields = ["parent"]


@admin.display(description=_("progress"))
def progress_table(indicator):
    return progress.progress_table(indicator) if indicator.pk else "—"


@admin.display(description=_("chart"))
def progress_chart(indicator):
    return (progress.progress_chart(indicator) if indicator.pk else None) or "—"


@admin.register(Indicator)
class IndicatorAdmin(CuratedAdmin):
    """An indicator with its progress: observations and targets in time order, as a table and a chart."""

    resource_classes = [resources.IndicatorResource]
    list_display = ["name", "name_en", "unit"]
    search_fields = ["slug", "name", "name_en", "description"]
    readonly_fields = [progress_table, progress_chart]
    fields = ["slug", ("name", "name_en"), "unit", "description", progress_chart, progress_table]


@admin.register(Observation)
class ObservationAdmin(ReviewedAdmin):
    resource_classes = [resources.ObservationResource]
    list_display = ["slug", "indicator", "value", "unit", "year", "period_type", "source", "review_state"]
    list_select_related = ["indicator", "source"]
    list_filter = ["review_state", "indicator", "source", "period_type", "year"]
    search_fields = ["slug", "quote", "notes"]
    autocomplete_fields = ["indicator", "source", "park"]
    readonly_fields = [quote_in_source, "quote_offset", "created_at", "updated_at"]
    show_full_result_count = False
    fields = [
        "slug",
        "indicator",
        ("value", "value_max", "unit"),
        ("year", "year_end", "period_type"),
        ("source", "park"),
        "quote",
        quote_in_source,
        "quote_offset",
        "notes",
        "review_state",
        ("created_at", "updated_at"),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("source__raw_text", "source__text")


class PartInline:
    """A policy's mentions and events on its page. Their review state is changed on their own page or by action
    (or carried by the policy's), never by the policy's Save, as a measure's targets."""

    form = VersionCheckedForm
    readonly_fields = ["review_state"]
    extra = 0
    show_change_link = True


class PolicyMentionInline(PartInline, admin.TabularInline):
    model = PolicyMention
    fields = ["loaded_version", "measure", "role", "notes", "review_state"]
    autocomplete_fields = ["measure"]


class PolicyEventInline(PartInline, admin.StackedInline):
    model = PolicyEvent
    fields = ["loaded_version", ("date", "date_precision", "kind", "source"), "quote", ("notes", "review_state")]
    autocomplete_fields = ["source"]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("source__raw_text", "source__text")


@admin.register(Policy)
class PolicyAdmin(ReviewedAdmin):
    """A policy with the measures that mention it and its timeline, each as an inline."""

    resource_classes = [resources.PolicyResource]
    list_display = ["name", "name_en", "kind", "status", "status_evidenced_on", "review_state"]
    list_filter = [
        "review_state",
        "kind",
        "status",
        ("parks", LeanRelatedFilter),
        ("themes", LeanRelatedFilter),
        ("beneficiaries", LeanRelatedFilter),
    ]
    search_fields = ["slug", "name", "name_en", "aliases", "description"]
    autocomplete_fields = ["parks", "themes", "beneficiaries"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [PolicyMentionInline, PolicyEventInline]
    fieldsets = [
        (None, {"fields": ["slug", ("name", "name_en"), "aliases", "kind", "description"]}),
        (_("Classification"), {"fields": ["parks", "themes", "beneficiaries", ("status", "status_evidenced_on")]}),
        (_("Review"), {"fields": ["review_state"]}),
        (None, {"fields": ["notes", ("created_at", "updated_at")]}),
    ]


@admin.register(PolicyMention)
class PolicyMentionAdmin(ReviewedAdmin):
    resource_classes = [resources.PolicyMentionResource]
    list_display = ["policy", "measure", "role", "review_state"]
    list_select_related = ["policy", "measure"]
    list_filter = ["review_state", "role", "policy"]
    search_fields = ["policy__name", "measure__title", "measure__slug"]
    autocomplete_fields = ["policy", "measure"]


@admin.register(PolicyEvent)
class PolicyEventAdmin(ReviewedAdmin):
    resource_classes = [resources.PolicyEventResource]
    list_display = ["policy", "date", "kind", "source", "review_state"]
    list_select_related = ["policy", "source"]
    list_filter = ["review_state", "kind", "policy"]
    search_fields = ["policy__name", "quote"]
    autocomplete_fields = ["policy", "source"]
    readonly_fields = [quote_in_source, "quote_offset", "created_at", "updated_at"]
    fields = [
        "policy",
        ("date", "date_precision", "kind"),
        "source",
        "quote",
        quote_in_source,
        "quote_offset",
        "notes",
        "review_state",
        ("created_at", "updated_at"),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("source__raw_text", "source__text")


@admin.register(Organization)
class OrganizationAdmin(CuratedAdmin):
    resource_classes = [resources.OrganizationResource]
    list_display = ["name", "name_en", "kind"]
    list_filter = ["kind"]
    search_fields = ["slug", "name", "name_en", "aliases"]


class TextCorrectionInline(admin.TabularInline):
    model = TextCorrection
    extra = 0
    fields = ["position", "original", "replacement", "reason", "flagged"]
    readonly_fields = ["position", "original", "replacement"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(TextCorrection)
class TextCorrectionAdmin(CuratedAdmin):
    """Every change from raw to cleaned text, so a curator can review the uncertain (flagged) ones."""

    list_display = ["source", "position", "original", "replacement", "flagged", "reason"]
    list_select_related = ["source"]
    resource_classes = [resources.TextCorrectionResource]
    list_filter = ["flagged", "source"]
    search_fields = ["original", "replacement", "reason"]
    readonly_fields = ["source", "position", "original", "replacement"]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("source__raw_text", "source__text")

    def has_add_permission(self, request):
        return False


def proposal_queue_url(source):
    return f"{reverse('admin:measures_proposal_changelist')}?source__id__exact={source.pk}&state__exact=pending"


@admin.display(description=_("proposals"))
def proposal_queue(source):
    progress = queue.progress(source)
    if not progress.total:
        return "—"
    return format_html(
        '<a href="{}">{}</a>',
        proposal_queue_url(source),
        _("%(reviewed)d of %(total)d reviewed") % {"reviewed": progress.reviewed, "total": progress.total},
    )


def ingest_error_message(error):
    """What an ingest refused says on the form; a document already ingested links to its source."""
    if error.existing is None:
        return str(error)
    url = reverse("admin:measures_source_change", args=[error.existing.pk])
    return format_html('{} <a href="{}">{}</a>', str(error), url, _("Open it"))


@admin.register(Source)
class SourceAdmin(ReviewedAdmin):
    resource_classes = [resources.SourceResource]
    change_list_template = "admin/measures/source/ingest_change_list.html"
    list_display = ["title", "kind", "publisher", "published_on", "date_precision", "language", "review_state"]
    list_filter = ["review_state", "kind", "language"]
    search_fields = ["slug", "title", "title_en", "publisher", "author"]
    autocomplete_fields = ["issuers"]
    readonly_fields = [proposal_queue, "sha256", "raw_text", "text", "created_at", "updated_at"]
    inlines = [TextCorrectionInline]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset if request.resolver_match.url_name.endswith("_change") else queryset.defer("raw_text", "text")

    def get_urls(self):
        ingest_url = path("ingest/", self.admin_site.admin_view(self.ingest_view), name="measures_source_ingest")
        return [ingest_url, *super().get_urls()]

    def ingest_view(self, request):
        """Upload a document: it is stored cleaned, and its proposals become drafts for review."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = IngestForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            document = Document(
                raw_bytes=data["document"].read(),
                **{name: data[name] for name in ("title", "kind", "publisher", "date", "url")},
            )
            try:
                result = ingest(document, user=request.user)
            except IngestError as error:
                form.add_error(error.field, ingest_error_message(error))
            else:
                self.message_user(
                    request,
                    _("Ingested as a draft. Proposed for review: measures %(measures)d, targets %(targets)d.")
                    % {"measures": len(result.proposal["measures"]), "targets": len(result.proposal["targets"])},
                )
                if result.withheld:
                    self.message_user(
                        request,
                        ngettext(
                            "%(count)d finding curators rejected before was not offered again: it is held back in "
                            "the queue, where a curator may reopen it.",
                            "%(count)d findings curators rejected before were not offered again: they are held "
                            "back in the queue, where a curator may reopen them.",
                            len(result.withheld),
                        )
                        % {"count": len(result.withheld)},
                    )
                return HttpResponseRedirect(proposal_queue_url(result.source))
        context = {
            **self.admin_site.each_context(request),
            "form": form,
            "opts": self.model._meta,
            "title": _("Ingest a document"),
        }
        return TemplateResponse(request, "admin/measures/source/ingest.html", context)


@admin.display(description=_("record"))
def revised_record(revision):
    record = revision.record
    if record is None:
        return _("(deleted)")
    url = reverse(f"admin:{record._meta.app_label}_{record._meta.model_name}_change", args=[record.pk])
    return format_html('<a href="{}">{}: {}</a>', url, capfirst(record._meta.verbose_name), record)


@admin.display(description=_("stale"), boolean=True)
def stale(revision):
    return revision.state == RevisionState.PENDING and review.is_stale(revision)


@admin.display(description=_("changes"))
def changes_table(revision):
    rows = format_html_join(
        "",
        "<tr><th>{}</th><td>{}</td><td><ins>{}</ins></td></tr>",
        ((row["field"], row["old"], row["new"]) for row in review.diff(revision)),
    )
    return format_html(
        "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>{}</tbody></table>",
        _("field"),
        _("published"),
        _("proposed"),
        rows,
    )


REVIEWED_MODELS = (Measure, Target, Park, Source, Policy, PolicyMention, PolicyEvent, Observation)


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    """The reviewers' queue: pending changes to published records, each with a field-by-field diff."""

    change_form_template = "admin/measures/decision_form.html"
    list_display = ["__str__", revised_record, "author", "created_at", "state", stale, "reviewer"]
    list_filter = ["state", "content_type"]
    list_select_related = ["author", "reviewer", "content_type"]
    fields = [
        revised_record,
        "author",
        "created_at",
        "state",
        stale,
        changes_table,
        "reviewer",
        "reviewed_at",
        "comment",
    ]
    readonly_fields = [revised_record, "author", "created_at", "state", stale, changes_table, "reviewer", "reviewed_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author", "reviewer", "content_type")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return any(can_publish(request.user, model) for model in REVIEWED_MODELS)
        return obj.state == RevisionState.PENDING and can_publish(request.user, obj.content_type.model_class())

    def change_view(self, request, object_id, form_url="", extra_context=None):
        buttons = [("_approve", _("Approve and apply")), ("_reject", _("Reject with the comment above"))]
        extra_context = {**(extra_context or {}), "decision_buttons": buttons}
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        """Approve or reject, by the button pressed; a refusal (stale, not a reviewer) is shown, not raised."""
        try:
            if "_approve" in request.POST:
                review.approve(request.user, obj)
            elif "_reject" in request.POST:
                review.reject(request.user, obj, form.cleaned_data["comment"])
        except (PermissionDenied, review.StaleRevision) as error:
            request.revision_error = str(error)

    def response_change(self, request, obj):
        error = getattr(request, "revision_error", None)
        if error:
            self.message_user(request, error, messages.ERROR)
            return HttpResponseRedirect(request.path)
        obj.refresh_from_db()
        self.message_user(
            request, _("Revision %(id)d is %(state)s.") % {"id": obj.pk, "state": obj.get_state_display()}
        )
        return HttpResponseRedirect(reverse("admin:measures_revision_changelist"))


@admin.register(SeedRecord)
class SeedRecordAdmin(admin.ModelAdmin):
    list_display = ["model", "key", "seeded_at"]
    list_filter = ["model"]
    search_fields = ["key"]
    readonly_fields = ["model", "key", "digest", "seeded_at"]

    def has_add_permission(self, request):
        return False
