"""The curators' admin: cheap to browse, quick to curate, and honest about where each record comes from."""

from django.contrib import admin
from django.db.models import Max, Min
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from measures.models import Measure, Organization, Park, SeedRecord, Source, Target, TextCorrection, Theme


@admin.display(description=_("quote in its source"))
def quote_in_source(obj):
    """The paragraph around the quote, read-only, with the quote marked."""
    context = obj.quote_in_context() if obj.pk and obj.source_id else None
    if context is None:
        return _("(the quote is not in the source's text)") if obj.pk else "—"
    before, quote, after = context
    return format_html('<div style="max-width:60em">…{}<mark>{}</mark>{}…</div>', before, quote, after)


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


class TargetInline(admin.StackedInline):
    model = Target
    extra = 0
    fields = [
        ("slug", "indicator", "indicator_en"),
        ("comparator", "value", "value_max", "unit"),
        ("target_year", "baseline_value", "baseline_year", "park"),
        "quote",
        "notes",
    ]
    autocomplete_fields = ["park"]
    show_change_link = True


@admin.register(Measure)
class MeasureAdmin(admin.ModelAdmin):
    list_display = ["title", "title_en", "source", "status", "instrument", "start_year", "end_year", "updated_at"]
    list_select_related = ["source"]
    list_filter = [
        "source",
        ("parks", admin.RelatedOnlyFieldListFilter),
        ("themes", admin.RelatedOnlyFieldListFilter),
        "status",
        "instrument",
        InForceYearFilter,
    ]
    search_fields = ["slug", "title", "title_en", "summary", "summary_en", "quote"]
    autocomplete_fields = ["source", "parent", "themes", "organizations", "parks"]
    readonly_fields = [quote_in_source, "quote_offset", "created_at", "updated_at"]
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
                    "status",
                    ("start_year", "end_year"),
                ]
            },
        ),
        (_("Funding"), {"fields": [("funding_amount", "funding_unit", "funding_period")]}),
        (None, {"fields": ["notes", ("created_at", "updated_at")]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("source__raw_text", "source__text")


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ["indicator", "comparator", "value", "value_max", "unit", "target_year", "source", "park"]
    list_select_related = ["source", "park"]
    list_filter = ["source", ("park", admin.RelatedOnlyFieldListFilter), "comparator", "target_year", "unit"]
    search_fields = ["slug", "indicator", "indicator_en", "quote"]
    autocomplete_fields = ["source", "measure", "park"]
    readonly_fields = [quote_in_source, "quote_offset", "created_at", "updated_at"]
    show_full_result_count = False
    fields = [
        "slug",
        ("indicator", "indicator_en"),
        ("comparator", "value", "value_max", "unit"),
        ("target_year", "baseline_value", "baseline_year"),
        ("source", "measure", "park"),
        "quote",
        quote_in_source,
        "quote_offset",
        "notes",
        ("created_at", "updated_at"),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("source__raw_text", "source__text")


@admin.register(Park)
class ParkAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "kind", "parent", "district"]
    list_select_related = ["parent"]
    list_filter = ["kind", "district"]
    search_fields = ["slug", "name", "name_en", "aliases"]
    autocomplete_fields = ["parent"]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "parent"]
    list_select_related = ["parent"]
    search_fields = ["slug", "name", "name_en", "description"]
    autocomplete_fields = ["parent"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
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
class TextCorrectionAdmin(admin.ModelAdmin):
    """Every change from raw to cleaned text, so a curator can review the uncertain (flagged) ones."""

    list_display = ["source", "position", "original", "replacement", "flagged", "reason"]
    list_select_related = ["source"]
    list_filter = ["flagged", "source"]
    search_fields = ["original", "replacement", "reason"]
    readonly_fields = ["source", "position", "original", "replacement"]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("source__raw_text", "source__text")

    def has_add_permission(self, request):
        return False


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "publisher", "published_on", "date_precision", "language"]
    list_filter = ["kind", "language"]
    search_fields = ["slug", "title", "title_en", "publisher", "author"]
    autocomplete_fields = ["issuers"]
    readonly_fields = ["sha256", "raw_text", "text", "created_at", "updated_at"]
    inlines = [TextCorrectionInline]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset if request.resolver_match.url_name.endswith("_change") else queryset.defer("raw_text", "text")


@admin.register(SeedRecord)
class SeedRecordAdmin(admin.ModelAdmin):
    list_display = ["model", "key", "seeded_at"]
    list_filter = ["model"]
    search_fields = ["key"]
    readonly_fields = ["model", "key", "digest", "seeded_at"]

    def has_add_permission(self, request):
        return False
