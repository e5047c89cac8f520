"""One FilterSet per resource. A value that cannot be parsed is a 400 naming the filter, never an empty list."""

import datetime
import re

import django_filters as filters
from django import forms
from django.db.models import Case, IntegerField, Q, When
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from measures import rules
from measures.choices import (
    Comparator,
    Instrument,
    MeasureStatus,
    ObservationPeriod,
    OrganizationKind,
    ParkKind,
    PolicyKind,
    ReviewState,
    SourceKind,
    TargetPeriod,
)
from measures.models import (
    Beneficiary,
    Indicator,
    Measure,
    Observation,
    Organization,
    Park,
    Policy,
    Source,
    Target,
    Theme,
)
from measures.review import visible


class FilterBackend(DjangoFilterBackend):
    """django-filter's backend, which builds no FilterSet for a request that asks for no filter.

    Building one (a copy of every filter, then a form to validate them) is a visible share of a list page
    (docs/benchmarks.md).
    """

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is None or request.query_params.keys().isdisjoint(filterset_class.base_filters):
            return queryset
        return super().filter_queryset(request, queryset, view)


class MultiValueWidget(forms.SelectMultiple):
    """Reads `?status=a&status=b` and `?status=a,b` alike. An empty part (`?status=`, `a,,b`) is no value; a part of
    only spaces or control characters is one, and so an invalid choice, not "no filter"."""

    def value_from_datadict(self, data, files, name):
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name) or ""]
        return [part.strip() or part for value in values for part in str(value).split(",") if part]


class MultiValueField(forms.Field):
    widget = MultiValueWidget

    def to_python(self, value):
        return list(value or [])


class StrictBooleanField(forms.Field):
    """true/false (or 1/0, yes/no); anything else is an error rather than 'no filter'."""

    values = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}

    def to_python(self, value):
        if value in (None, ""):
            return None
        try:
            return self.values[str(value).lower()]
        except KeyError:
            raise forms.ValidationError(_("Must be true or false."), code="invalid") from None


class StrictBooleanFilter(filters.Filter):
    field_class = StrictBooleanField


class MultiValueFilter(filters.Filter):
    """Free-text values (such as units as written), repeated or comma-separated."""

    field_class = MultiValueField


class UtcDateTimeField(filters.fields.IsoDateTimeField):
    """An ISO 8601 time in any offset, compared in UTC (PostgreSQL refuses offsets past ±15:59)."""

    def to_python(self, value):
        value = super().to_python(value)
        try:
            return value.astimezone(datetime.UTC) if value is not None else None
        except OverflowError:
            raise forms.ValidationError(_("The time is out of range."), code="invalid") from None


class UtcDateTimeFilter(filters.IsoDateTimeFilter):
    field_class = UtcDateTimeField


ENGLISH_WORD = re.compile(r"[A-Za-z0-9]+")
# The Chinese for English names of the registry's commonest subjects: an English search for one also finds the
# Chinese text (every measure quotes its Chinese source), so `artificial intelligence` finds what 人工智能 finds.
# Chinese searches are not widened to English: the Chinese text already holds them, and a two-letter form such as
# "AI" is too short for the trigram indexes.
CHINESE_FOR = {
    "artificial intelligence": "人工智能",
    "AI": "人工智能",
    "integrated circuit": "集成电路",
    "integrated circuits": "集成电路",
    "big data": "大数据",
    "blockchain": "区块链",
    "biomedicine": "生物医药",
    "intellectual property": "知识产权",
    "research and development": "研发",
    "R&D": "研发",
}


def search_terms(value):
    """The query as terms, each a list of forms any one of which will do; every term must be found.

    An English name in CHINESE_FOR (as whole words) is one term, found as itself or as its Chinese; every other
    word is a term of its own: `artificial intelligence Haidian` is two terms.
    """
    rest, terms = f" {value.strip()} ", []
    for name in sorted(CHINESE_FOR, key=len, reverse=True):
        pattern = re.compile(rf"(?<!\S){re.escape(name)}(?!\S)", re.IGNORECASE)
        if pattern.search(rest):
            rest = pattern.sub(" ", rest)
            terms.append([name, CHINESE_FOR[name]])
    return terms + [[word] for word in rest.split()]


def term_condition(forms, fields):
    """Where any of `forms` occurs in any of `fields`: an English word (letters and digits) only as a whole word,
    optionally plural, so `AI` is not found inside "maintain"; anything else (Chinese has no spaces) as a substring.

    The substring test stays in front of the pattern so PostgreSQL's trigram indexes still narrow the rows; the
    pattern is plain POSIX, so PostgreSQL and SQLite (Python's re) read it alike.
    """
    condition = Q()
    for form in forms:
        for field in fields:
            found = Q(**{f"{field}__icontains": form})
            if all(ENGLISH_WORD.fullmatch(word) for word in form.split()):
                words = r"[^a-z0-9]+".join(form.split())
                found &= Q(**{f"{field}__iregex": f"(^|[^a-z0-9]){words}(e?s)?([^a-z0-9]|$)"})
            condition |= found
    return condition


class SearchFilter(filters.CharFilter):
    """Free text: every word of the query in one of `fields` (see `term_condition`), or in one of the records linked
    through `related` ({link: (model, fields)}, such as a measure's themes by their Chinese and English names)."""

    def __init__(self, *args, fields, related=None, **kwargs):
        self.fields = fields
        self.related = related or {}
        kwargs.setdefault("label", _("Free-text search (every word; English words whole)"))
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        terms = search_terms(value or "")
        for term in terms:
            condition = term_condition(term, self.fields)
            for link, (model, fields) in self.related.items():
                user = getattr(self.parent.request, "user", None)
                # Looked up first (parks and themes are few): when none matches, the condition stays one the
                # trigram indexes serve alone.
                matching = list(visible(model.objects.all(), user).filter(term_condition(term, fields)).values("pk"))
                if matching:
                    linked = qs.model.objects.filter(**{f"{link}__in": [row["pk"] for row in matching]})
                    condition |= Q(pk__in=linked.values("pk"))
            qs = qs.filter(condition)
        return qs


class SlugsFilter(filters.ModelMultipleChoiceFilter):
    """Records linked to any of the given slugs; with `descendants`, to anything below them in the tree too."""

    def __init__(self, *args, descendants=False, **kwargs):
        self.descendants = descendants
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("widget", MultiValueWidget)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        model = type(value[0])
        if self.descendants:  # only through records the requester may see: a draft park hides what is below it
            pks = model.with_descendants(
                value, through=visible(model.objects.all(), getattr(self.parent.request, "user", None))
            )
        else:
            pks = {obj.pk for obj in value}
        # A subquery rather than a join: a measure linked to two matching parks is still one row.
        linked = qs.model.objects.filter(**{f"{self.field_name}__in": pks}).values("pk")
        return qs.filter(pk__in=linked)


class TreeFilter(SlugsFilter):
    """The records above (`ancestors`) or below (`descendants`) the given ones, in tree order: a chain of parents
    from the root down, a sub-tree depth first. Ordered so unless `ordering` says otherwise.

    Only through records the requester may see (measures.review.visible): to the public a draft park hides what is
    below it, and ends the chain of parents above a park (whose `parent` it sees as null).
    """

    def __init__(self, *args, direction, **kwargs):
        assert direction in ("ancestors", "descendants")
        self.direction = direction
        kwargs.setdefault("field_name", "parent")  # the link walked; the schema finds the values' type through it
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        model = qs.model
        seen = visible(model.objects.all(), getattr(self.parent.request, "user", None))
        passable = set(seen.values_list("pk", flat=True))
        # tree_queries walks down from the roots in tree order (siblings in the model's ordering), each node with
        # the primary keys from its root to itself; a loop stored past validation is never entered.
        paths = dict(model.objects.with_tree_fields().values_list("pk", "tree_path"))
        walk = self.chain_of_parents if self.direction == "ancestors" else self.sub_tree
        position = walk(paths, {node.pk for node in value}, passable)
        if not position:
            # Not .none(), nor pk__in=[]: the paginator's count (measures.caching.cached_count) renders the SQL,
            # which Django refuses (EmptyResultSet) for a query it knows to be empty.
            return qs.filter(pk__isnull=True)
        order = Case(*(When(pk=pk, then=index) for pk, index in position.items()), output_field=IntegerField())
        return qs.filter(pk__in=position).order_by(order, "slug")

    @staticmethod
    def chain_of_parents(paths, nodes, passable):
        """{primary key: depth} of the records above `nodes`, up to the first the requester may not see."""
        found = {}
        for node in nodes:
            path = paths.get(node, [])
            for depth in range(len(path) - 2, -1, -1):
                if path[depth] not in passable:
                    break
                found[path[depth]] = depth
        return found

    @staticmethod
    def sub_tree(paths, nodes, passable):
        """{primary key: place in tree order} of the records below `nodes`, reached through what may be seen."""
        found = {}
        for place, (pk, path) in enumerate(paths.items()):
            for depth, above in enumerate(path[:-1]):
                if above in nodes and passable.issuperset(path[depth + 1 :]):
                    found[pk] = place
                    break
        return found


def visible_to_requester(model):
    """A filter's choices: the records of `model` the requester may see."""
    return lambda request: visible(model.objects.all(), getattr(request, "user", None))


def choices_filter(choices, label, field_name=None):
    # Not distinct: these filter the model's own column, and DISTINCT would make every count compare whole rows.
    return filters.MultipleChoiceFilter(
        field_name=field_name, choices=choices, widget=MultiValueWidget, label=label, distinct=False
    )


class YearFilter(filters.NumberFilter):
    """A whole year within the registry's range, so a huge number is a 400 rather than a database error."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, min_value=rules.FIRST_YEAR, max_value=rules.LAST_YEAR, **kwargs)


def park_filter(field_name):
    return SlugsFilter(
        field_name=field_name,
        queryset=visible_to_requester(Park),
        descendants=True,
        label=_("Park slugs (with sub-parks)"),
    )


def theme_filter():
    return SlugsFilter(
        field_name="themes", queryset=Theme.objects.all(), descendants=True, label=_("Theme slugs (with sub-themes)")
    )


def beneficiary_filter():
    return SlugsFilter(
        field_name="beneficiaries",
        queryset=Beneficiary.objects.all(),
        descendants=True,
        label=_("Beneficiary slugs (with narrower groups)"),
    )


class MeasureFilter(filters.FilterSet):
    q = SearchFilter(
        fields=["title", "title_en", "summary", "summary_en", "quote"],
        related={"themes": (Theme, ["name", "name_en"]), "parks": (Park, ["name", "name_en", "aliases"])},
    )
    source = SlugsFilter(queryset=visible_to_requester(Source), label=_("Source slugs"))
    park = park_filter("parks")
    theme = theme_filter()
    beneficiary = beneficiary_filter()
    organization = SlugsFilter(
        field_name="organizations", queryset=Organization.objects.all(), label=_("Responsible organization slugs")
    )
    status = choices_filter(MeasureStatus.choices, _("Statuses"))
    review_state = choices_filter(ReviewState.choices, _("Review states (staff see all)"))
    instrument = choices_filter(Instrument.choices, _("Instrument types"))
    year = YearFilter(method="filter_in_force", label=_("In force in this year"))
    start_year_min = YearFilter(field_name="start_year", lookup_expr="gte", label=_("Starts in or after"))
    start_year_max = YearFilter(field_name="start_year", lookup_expr="lte", label=_("Starts in or before"))
    has_targets = StrictBooleanFilter(method="filter_has_targets", label=_("Has targets (true/false)"))
    updated_since = UtcDateTimeFilter(
        field_name="updated_at", lookup_expr="gte", label=_("Updated at or after (ISO 8601)")
    )
    ordering = filters.OrderingFilter(
        fields=["slug", "title", "start_year", "end_year", "created_at", "updated_at"], label=_("Order by")
    )

    class Meta:
        model = Measure
        fields = []

    def filter_in_force(self, qs, name, value):
        return qs.filter(Q(end_year__isnull=True) | Q(end_year__gte=value), start_year__lte=value)

    @extend_schema_field(OpenApiTypes.BOOL)
    def filter_has_targets(self, qs, name, value):
        """Only targets the requester may see count: to the public, a measure whose only target is a draft has none."""
        targets = visible(Target.objects.filter(measure__isnull=False), getattr(self.request, "user", None))
        with_targets = targets.values("measure_id")
        return qs.filter(pk__in=with_targets) if value else qs.exclude(pk__in=with_targets)


class TargetFilter(filters.FilterSet):
    q = SearchFilter(fields=["indicator", "indicator_en", "quote"])
    source = SlugsFilter(queryset=visible_to_requester(Source), label=_("Source slugs"))
    measure = SlugsFilter(queryset=visible_to_requester(Measure), label=_("Measure slugs"))
    park = park_filter("park")
    tracks = SlugsFilter(queryset=Indicator.objects.all(), label=_("Indicator slugs the targets are set on"))
    period_type = choices_filter(TargetPeriod.choices, _("Period types"))
    target_year = YearFilter(label=_("Target year"))
    target_year_min = YearFilter(field_name="target_year", lookup_expr="gte", label=_("Target year from"))
    target_year_max = YearFilter(field_name="target_year", lookup_expr="lte", label=_("Target year to"))
    unit = MultiValueFilter(field_name="unit", lookup_expr="in", label=_("Units, as written"))
    comparator = choices_filter(Comparator.choices, _("Comparators"))
    review_state = choices_filter(ReviewState.choices, _("Review states (staff see all)"))
    ordering = filters.OrderingFilter(
        fields=["slug", "indicator", "target_year", "value", "updated_at"], label=_("Order by")
    )

    class Meta:
        model = Target
        fields = []


class ParkFilter(filters.FilterSet):
    q = SearchFilter(fields=["name", "name_en", "aliases", "district"])
    kind = choices_filter(ParkKind.choices, _("Park kinds"))
    review_state = choices_filter(ReviewState.choices, _("Review states (staff see all)"))
    parent = SlugsFilter(queryset=visible_to_requester(Park), label=_("Parent park slugs (direct children)"))
    ancestors = TreeFilter(
        queryset=visible_to_requester(Park),
        direction="ancestors",
        label=_("Park slugs: the parks above them, from the zone down (not the parks themselves)"),
    )
    descendants = TreeFilter(
        queryset=visible_to_requester(Park),
        direction="descendants",
        label=_("Park slugs: every park below them, depth first (not the parks themselves)"),
    )
    ordering = filters.OrderingFilter(fields=["slug", "name", "kind"], label=_("Order by"))

    class Meta:
        model = Park
        fields = []


class SourceFilter(filters.FilterSet):
    q = SearchFilter(fields=["title", "title_en", "publisher", "author"])
    kind = choices_filter(SourceKind.choices, _("Source kinds"))
    review_state = choices_filter(ReviewState.choices, _("Review states (staff see all)"))
    ordering = filters.OrderingFilter(fields=["slug", "title", "published_on"], label=_("Order by"))

    class Meta:
        model = Source
        fields = []


class ThemeFilter(filters.FilterSet):
    q = SearchFilter(fields=["name", "name_en", "description"])
    parent = SlugsFilter(queryset=Theme.objects.all(), label=_("Parent theme slugs (direct children)"))
    ancestors = TreeFilter(
        queryset=visible_to_requester(Theme),
        direction="ancestors",
        label=_("Theme slugs: the themes above them, broadest first (not the themes themselves)"),
    )
    descendants = TreeFilter(
        queryset=visible_to_requester(Theme),
        direction="descendants",
        label=_("Theme slugs: every theme below them, depth first (not the themes themselves)"),
    )
    ordering = filters.OrderingFilter(fields=["slug", "name"], label=_("Order by"))

    class Meta:
        model = Theme
        fields = []


class OrganizationFilter(filters.FilterSet):
    q = SearchFilter(fields=["name", "name_en", "aliases"])
    kind = choices_filter(OrganizationKind.choices, _("Organization kinds"))
    ordering = filters.OrderingFilter(fields=["slug", "name", "kind"], label=_("Order by"))

    class Meta:
        model = Organization
        fields = []


class BeneficiaryFilter(filters.FilterSet):
    q = SearchFilter(fields=["name", "name_en", "description"])
    parent = SlugsFilter(queryset=Beneficiary.objects.all(), label=_("Parent beneficiary slugs (direct children)"))
    descendants = TreeFilter(
        queryset=visible_to_requester(Beneficiary),
        direction="descendants",
        label=_("Beneficiary slugs: every group below them, depth first (not the groups themselves)"),
    )
    ordering = filters.OrderingFilter(fields=["slug", "name"], label=_("Order by"))

    class Meta:
        model = Beneficiary
        fields = []


class IndicatorFilter(filters.FilterSet):
    q = SearchFilter(fields=["name", "name_en", "description"])
    unit = MultiValueFilter(field_name="unit", lookup_expr="in", label=_("Units, as written"))
    ordering = filters.OrderingFilter(fields=["slug", "name"], label=_("Order by"))

    class Meta:
        model = Indicator
        fields = []


class ObservationFilter(filters.FilterSet):
    q = SearchFilter(fields=["quote", "notes"])
    indicator = SlugsFilter(queryset=Indicator.objects.all(), label=_("Indicator slugs"))
    source = SlugsFilter(queryset=visible_to_requester(Source), label=_("Source slugs"))
    park = park_filter("park")
    period_type = choices_filter(ObservationPeriod.choices, _("Period types"))
    year_min = YearFilter(field_name="year", lookup_expr="gte", label=_("Year from"))
    year_max = YearFilter(field_name="year", lookup_expr="lte", label=_("Year to"))
    review_state = choices_filter(ReviewState.choices, _("Review states (staff see all)"))
    ordering = filters.OrderingFilter(fields=["slug", "year", "value", "updated_at"], label=_("Order by"))

    class Meta:
        model = Observation
        fields = []


class PolicyFilter(filters.FilterSet):
    q = SearchFilter(fields=["name", "name_en", "aliases", "description"])
    park = park_filter("parks")
    theme = theme_filter()
    beneficiary = beneficiary_filter()
    status = choices_filter(MeasureStatus.choices, _("Statuses"))
    kind = choices_filter(PolicyKind.choices, _("Policy kinds"))
    review_state = choices_filter(ReviewState.choices, _("Review states (staff see all)"))
    ordering = filters.OrderingFilter(fields=["slug", "name", "status_evidenced_on", "updated_at"], label=_("Order by"))

    class Meta:
        model = Policy
        fields = []
