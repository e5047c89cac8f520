"""The registry's records: sources, the park tree, measures, targets, policies, indicators and their taxonomies."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from tree_queries.models import TreeNode as TreeQueriesNode

from measures import rules
from measures.choices import (
    Comparator,
    DatePrecision,
    EventKind,
    Instrument,
    MeasureStatus,
    MentionRole,
    ObservationPeriod,
    OrganizationKind,
    ParkKind,
    PolicyKind,
    ProposalKind,
    ProposalState,
    ReviewState,
    RevisionState,
    SourceKind,
    TargetPeriod,
)


def year_field(verbose_name):
    return models.PositiveSmallIntegerField(
        verbose_name,
        null=True,
        blank=True,
        validators=[MinValueValidator(rules.FIRST_YEAR), MaxValueValidator(rules.LAST_YEAR)],
    )


def alias_lines(text):
    """Aliases are stored one per line; this is the list a person or client reads."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def unique_slug(model_name):
    return models.UniqueConstraint(fields=["slug"], name=f"measures_{model_name}_slug_unique")


def year_in_range(field):
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__range": (rules.FIRST_YEAR, rules.LAST_YEAR)}),
        name=f"%(app_label)s_%(class)s_{field}_in_range",
    )


def quote_not_empty():
    return models.CheckConstraint(condition=Q(quote__regex=r"\S"), name="%(app_label)s_%(class)s_quote_not_empty")


def paragraph_around(text, quote, offset, margin=200):
    """The paragraph around `quote` (at `offset`, else its first occurrence) as (before, quote, after), cut to
    `margin` characters each side; None when the text does not contain it."""
    start = offset
    if start is None or text[start : start + len(quote)] != quote:
        start = text.find(quote)
        if start == -1 or not quote:
            return None
    end = start + len(quote)
    paragraph_start = max(text.rfind("\n", 0, start) + 1, start - margin)
    paragraph_end = text.find("\n", end)
    paragraph_end = min(len(text) if paragraph_end == -1 else paragraph_end, end + margin)
    return text[paragraph_start:start], quote, text[end:paragraph_end]


def raise_rule_errors(record):
    """measures.rules' verdict on a record, as model validation reports it."""
    errors = record.rule_errors()
    if errors:
        raise ValidationError(errors)


def locate_quote(text, quote, offset=None):
    """The offset of `quote` in `text`: `offset` if the quote is there, else its first occurrence.

    Raises ValidationError naming the quote when the source does not contain it verbatim.
    """
    if offset is not None and text[offset : offset + len(quote)] == quote:
        return offset
    found = text.find(quote)
    if found == -1:
        raise ValidationError({"quote": _("The quote must be a verbatim excerpt of the source's text.")})
    return found


class Reviewed(models.Model):
    """A record the public sees only once a reviewer has published it; changes to it pass measures.review."""

    review_state = models.CharField(
        _("review state"), max_length=10, choices=ReviewState.choices, default=ReviewState.DRAFT, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who may discard the record while it is a draft that was never published."),
    )
    revisions = GenericRelation("measures.Revision", object_id_field="object_id")

    class Meta:
        abstract = True


def refuse_cycle(record):
    """Refuses a parent that is `record` itself or below it, naming `parent`.

    Walks up from the parent one query a level, and at most once around a loop already stored elsewhere.
    Every write path calls it: `clean()` (admin, import rows) and the API's serializers.
    """
    seen, parent_id = set(), record.parent_id
    while parent_id is not None and parent_id not in seen:
        if parent_id == record.pk:
            raise ValidationError({"parent": _("A record cannot be its own parent or below itself.")})
        seen.add(parent_id)
        parent_id = type(record)._default_manager.filter(pk=parent_id).values_list("parent_id", flat=True).first()


class TreeNode(TreeQueriesNode):
    """A record with a parent of its own kind; the filters find what is below a record with a recursive query."""

    # tree_queries' own field cascades deletes; a park or theme with children is protected instead.
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    class Meta:
        abstract = True

    def clean(self):
        # Instead of tree_queries' check, which names no field and fails when a loop is already stored.
        models.Model.clean(self)
        refuse_cycle(self)

    @classmethod
    def with_descendants(cls, roots, through=None):
        """Primary keys of `roots` and of everything below them, descending only through records in `through`.

        tree_queries' recursive query starts from the records without a parent, so it never enters a loop already
        stored (nor finds what is in one): the walk is bounded.
        """
        roots = {root.pk for root in roots}
        passable = None if through is None else set(through.values_list("pk", flat=True))
        found = set(roots)
        for pk, path in cls.objects.with_tree_fields().values_list("pk", "tree_path"):
            if any(
                node in roots and (passable is None or passable.issuperset(path[index + 1 :]))
                for index, node in enumerate(path)
            ):
                found.add(pk)
        return found


class Organization(models.Model):
    """A body that issues a source or is responsible for a measure."""

    slug = models.SlugField(_("slug"), max_length=100)
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganizationKind.choices)
    aliases = models.TextField(_("aliases"), blank=True, help_text=_("Other names the documents use, one per line."))

    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "slug"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        constraints = [unique_slug("organization")]

    def __str__(self):
        return self.name


class Theme(TreeNode):
    """A policy theme; themes form a tree so a filter on a broad theme finds narrower ones."""

    slug = models.SlugField(_("slug"), max_length=100)
    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [unique_slug("theme")]

    def __str__(self):
        return self.name


class Park(Reviewed, TreeNode):
    """A park of the demonstration zone: the zone itself, a sub-park, specialty park, science city..."""

    slug = models.SlugField(_("slug"), max_length=100)
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=ParkKind.choices)
    district = models.CharField(_("district or location"), max_length=100, blank=True)
    aliases = models.TextField(_("aliases"), blank=True, help_text=_("Other names the documents use, one per line."))
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("park")
        verbose_name_plural = _("parks")
        permissions = [("publish_park", "Can publish and retract parks")]
        constraints = [unique_slug("park")]

    def __str__(self):
        return self.name

    @property
    def alias_list(self):
        return alias_lines(self.aliases)


class Source(Reviewed):
    """A policy document or report that registry records are taken from."""

    slug = models.SlugField(_("slug"), max_length=100)
    title = models.CharField(_("title"), max_length=300)
    title_en = models.CharField(_("English title"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=SourceKind.choices)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    author = models.CharField(_("author or issuer"), max_length=200, blank=True)
    issuers = models.ManyToManyField(Organization, verbose_name=_("issuing organizations"), blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    date_precision = models.CharField(
        _("date precision"), max_length=10, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN
    )
    published_not_before = models.DateField(
        _("published not before"), null=True, blank=True, help_text=_("When only a range of dates is known.")
    )
    published_not_after = models.DateField(
        _("published not after"), null=True, blank=True, help_text=_("When only a range of dates is known.")
    )
    period_start_year = year_field(_("period start year"))
    period_end_year = year_field(_("period end year"))
    url = models.URLField(_("URL"), max_length=500, blank=True)
    language = models.CharField(_("language"), max_length=20, default="zh-Hans")
    raw_text = models.TextField(_("raw text"), help_text=_("Exactly as retrieved."))
    text = models.TextField(_("text"), help_text=_("Cleaned text; quotes and offsets refer to it."))
    sha256 = models.CharField(_("SHA-256 of the raw file"), max_length=64)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords(m2m_fields=[issuers])

    class Meta:
        ordering = ["slug"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        permissions = [("publish_source", "Can publish and retract sources")]
        constraints = [
            unique_slug("source"),
            models.UniqueConstraint(fields=["sha256"], name="measures_source_sha256_unique"),
            models.CheckConstraint(
                condition=Q(period_end_year__isnull=True)
                | Q(period_start_year__isnull=True)
                | Q(period_end_year__gte=F("period_start_year")),
                name="%(app_label)s_%(class)s_period_ordered",
            ),
            models.CheckConstraint(
                condition=Q(published_on__isnull=False) | Q(date_precision=DatePrecision.UNKNOWN),
                name="%(app_label)s_%(class)s_unknown_date_has_no_precision",
            ),
            models.CheckConstraint(
                condition=Q(published_not_before__isnull=True)
                | Q(published_not_after__isnull=True)
                | Q(published_not_after__gte=F("published_not_before")),
                name="%(app_label)s_%(class)s_date_bounds_ordered",
            ),
        ]

    def __str__(self):
        return self.title


class TextCorrection(models.Model):
    """One change from a source's raw text to its cleaned text; flagged ones were not applied."""

    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.CASCADE, related_name="corrections")
    position = models.PositiveIntegerField(_("position in raw text"))
    original = models.TextField(_("original"), blank=True)
    replacement = models.TextField(_("replacement"), blank=True)
    reason = models.TextField(_("reason"))
    flagged = models.BooleanField(_("flagged as uncertain"), default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["source", "position"]
        verbose_name = _("text correction")
        verbose_name_plural = _("text corrections")
        constraints = [
            models.UniqueConstraint(fields=["source", "position"], name="measures_textcorrection_position_unique"),
        ]

    def __str__(self):
        return f"{self.original!r} → {self.replacement!r}"

    @property
    def end(self):
        return self.position + len(self.original)


class Quoted(models.Model):
    """A record that quotes its source verbatim at a character offset of the cleaned text."""

    quote = models.TextField(_("quote"), help_text=_("Verbatim excerpt of the source's cleaned text."))
    quote_offset = models.PositiveIntegerField(_("quote offset"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True, db_index=True)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.source_id is not None and self.quote:
            self.quote_offset = locate_quote(self.source.text, self.quote, self.quote_offset)

    def quote_in_context(self, margin=200):
        """The paragraph around the quote as (before, quote, after), or None if it is not there."""
        return paragraph_around(self.source.text, self.quote, self.quote_offset, margin)


class Measure(Reviewed, Quoted):
    """A concrete policy measure, programme, platform, pilot or project described by a source."""

    slug = models.SlugField(_("slug"), max_length=100)
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("English title"), max_length=300, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    summary_en = models.TextField(_("English summary"), blank=True)
    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="measures")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("policy package"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="provisions",
    )
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True, related_name="measures")
    instrument = models.CharField(_("instrument"), max_length=20, choices=Instrument.choices)
    organizations = models.ManyToManyField(
        Organization, verbose_name=_("responsible organizations"), blank=True, related_name="measures"
    )
    parks = models.ManyToManyField(Park, verbose_name=_("parks"), blank=True, related_name="measures")
    status = models.CharField(_("status"), max_length=20, choices=MeasureStatus.choices, default=MeasureStatus.UNKNOWN)
    beneficiaries = models.ManyToManyField(
        "Beneficiary", verbose_name=_("beneficiaries"), blank=True, related_name="measures"
    )
    start_year = year_field(_("start year"))
    start_year_stated = models.BooleanField(
        _("start year stated"),
        default=True,
        help_text=_("False when the text gives no start year and it was inferred (a directive's: the year given)."),
    )
    end_year = year_field(_("end year"))
    funding_amount = models.DecimalField(_("funding ceiling"), max_digits=16, decimal_places=2, null=True, blank=True)
    funding_unit = models.CharField(
        _("funding unit"), max_length=20, blank=True, help_text=_("As written: 万元, 亿元 …")
    )
    funding_period = models.CharField(_("funding period"), max_length=50, blank=True)

    history = HistoricalRecords(m2m_fields=[themes, organizations, parks, beneficiaries])
    carries = ("targets",)  # moved with the measure between review states (measures.review.move)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        # The list filters and their counts: status, and the years a measure is in force. The public's pages
        # walk published slugs in order, from the index alone, however deep the page.
        indexes = [
            models.Index(fields=["review_state", "slug"], name="measures_measure_published"),
            models.Index(fields=["status", "start_year"], name="measures_measure_status_year"),
            models.Index(fields=["start_year", "end_year"], name="measures_measure_years"),
        ]
        permissions = [("publish_measure", "Can publish and retract measures")]
        constraints = [
            unique_slug("measure"),
            quote_not_empty(),
            year_in_range("start_year"),
            year_in_range("end_year"),
            models.CheckConstraint(
                condition=Q(end_year__isnull=True) | Q(start_year__isnull=True) | Q(end_year__gte=F("start_year")),
                name="%(app_label)s_%(class)s_years_ordered",
            ),
            models.CheckConstraint(
                condition=Q(funding_amount__isnull=True) | Q(funding_amount__gte=0),
                name="%(app_label)s_%(class)s_funding_not_negative",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        refuse_cycle(self)
        raise_rule_errors(self)

    def rule_errors(self):
        return rules.measure_errors(self.start_year, self.end_year)


class Target(Reviewed, Quoted):
    """A quantitative or dated goal, with its unit as written, target year and baseline."""

    slug = models.SlugField(_("slug"), max_length=100)
    indicator = models.CharField(_("indicator"), max_length=300)
    indicator_en = models.CharField(_("English indicator"), max_length=300, blank=True)
    comparator = models.CharField(
        _("comparator"),
        max_length=10,
        choices=Comparator.choices,
        blank=True,
        help_text=_("Blank for a qualitative goal, which has no value."),
    )
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=4, null=True, blank=True)
    value_max = models.DecimalField(_("upper value"), max_digits=20, decimal_places=4, null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=30, blank=True, help_text=_("As written: %, 万元/人, 家, 件 …"))
    target_year = year_field(_("target year"))
    baseline_value = models.DecimalField(_("baseline value"), max_digits=20, decimal_places=4, null=True, blank=True)
    baseline_year = year_field(_("baseline year"))
    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="targets")
    measure = models.ForeignKey(
        Measure, verbose_name=_("measure"), null=True, blank=True, on_delete=models.SET_NULL, related_name="targets"
    )
    park = models.ForeignKey(
        Park, verbose_name=_("park"), null=True, blank=True, on_delete=models.PROTECT, related_name="targets"
    )
    period_type = models.CharField(
        _("period type"), max_length=20, choices=TargetPeriod.choices, default=TargetPeriod.END_VALUE
    )
    start_year = year_field(_("first year of the range"))
    tracks = models.ForeignKey(
        "Indicator",
        verbose_name=_("tracks indicator"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="targets",
    )
    supersedes = models.ForeignKey(
        "self",
        verbose_name=_("supersedes"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseded_by",
        help_text=_("An earlier target this one replaces (a moved deadline, a changed value)."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        indexes = [
            models.Index(fields=["review_state", "slug"], name="measures_target_published"),
            models.Index(fields=["target_year"], name="measures_target_year"),
        ]
        permissions = [("publish_target", "Can publish and retract targets")]
        constraints = [
            unique_slug("target"),
            quote_not_empty(),
            year_in_range("target_year"),
            year_in_range("baseline_year"),
            year_in_range("start_year"),
            models.CheckConstraint(
                condition=Q(start_year__isnull=True)
                | Q(target_year__isnull=True)
                | Q(target_year__gte=F("start_year")),
                name="%(app_label)s_%(class)s_range_ordered",
            ),
            models.CheckConstraint(
                condition=Q(supersedes__isnull=True) | ~Q(supersedes=F("pk")),
                name="%(app_label)s_%(class)s_not_superseding_itself",
            ),
            models.CheckConstraint(
                condition=Q(value_max__isnull=True) | Q(value__isnull=False, value_max__gte=F("value")),
                name="%(app_label)s_%(class)s_value_max_not_below_value",
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=True, comparator="") | Q(value__isnull=False) & ~Q(comparator=""),
                name="%(app_label)s_%(class)s_comparator_iff_value",
            ),
            models.CheckConstraint(
                condition=Q(comparator=Comparator.RANGE, value_max__isnull=False)
                | (~Q(comparator=Comparator.RANGE) & Q(value_max__isnull=True)),
                name="%(app_label)s_%(class)s_range_has_upper_value",
            ),
            models.CheckConstraint(
                condition=Q(baseline_year__isnull=True)
                | Q(target_year__isnull=True)
                | Q(target_year__gte=F("baseline_year")),
                name="%(app_label)s_%(class)s_years_ordered",
            ),
        ]

    def __str__(self):
        return self.indicator

    def clean(self):
        if self.source_id is None and self.measure is not None and self.measure.source_id is not None:
            self.source = self.measure.source  # a target added beside its measure quotes the same source
        super().clean()
        raise_rule_errors(self)

    def rule_errors(self):
        errors = rules.target_errors(
            self.comparator, self.value, self.value_max, self.target_year, self.baseline_year
        ) or rules.range_errors(self.start_year, self.target_year)
        if not errors and self.pk is not None and self.supersedes_id == self.pk:
            errors = {"supersedes": "A target cannot supersede itself."}
        return errors


class Beneficiary(TreeNode):
    """Whom a measure or policy is for (start-ups, universities, overseas talent...): a small tree, so a filter on a
    broad group finds the narrower ones (OECD STIP Compass's target groups)."""

    slug = models.SlugField(_("slug"), max_length=100)
    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("beneficiary")
        verbose_name_plural = _("beneficiaries")
        constraints = [unique_slug("beneficiary")]

    def __str__(self):
        return self.name


class Indicator(models.Model):
    """A quantity the documents report and set targets on (R&D intensity, PCT applications...): the progress view."""

    slug = models.SlugField(_("slug"), max_length=100)
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    unit = models.CharField(_("unit"), max_length=30, blank=True, help_text=_("As usually written: %, 件, 亿元, 家 …"))
    description = models.TextField(_("description"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [unique_slug("indicator")]

    def __str__(self):
        return self.name


class Observation(Reviewed, Quoted):
    """A past figure a source reports for an indicator: a value for a year or period, quoted at its offset."""

    slug = models.SlugField(_("slug"), max_length=100)
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="observations"
    )
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=4)
    value_max = models.DecimalField(_("upper value"), max_digits=20, decimal_places=4, null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=30, blank=True, help_text=_("As written: %, 万元, 家, 件 …"))
    year = year_field(_("year"))
    year_end = year_field(_("last year of the period"))
    period_type = models.CharField(_("period type"), max_length=20, choices=ObservationPeriod.choices)
    park = models.ForeignKey(
        Park, verbose_name=_("park"), null=True, blank=True, on_delete=models.PROTECT, related_name="observations"
    )
    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="observations")

    history = HistoricalRecords()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        indexes = [models.Index(fields=["review_state", "slug"], name="measures_observation_published")]
        permissions = [("publish_observation", "Can publish and retract observations")]
        constraints = [
            unique_slug("observation"),
            quote_not_empty(),
            year_in_range("year"),
            year_in_range("year_end"),
            models.CheckConstraint(
                condition=Q(year_end__isnull=True) | Q(year__isnull=True) | Q(year_end__gte=F("year")),
                name="%(app_label)s_%(class)s_years_ordered",
            ),
            models.CheckConstraint(
                condition=Q(value_max__isnull=True) | Q(value_max__gte=F("value")),
                name="%(app_label)s_%(class)s_value_max_not_below_value",
            ),
        ]

    def __str__(self):
        return f"{self.indicator_id and self.indicator} {self.year}: {self.value}{self.unit}"

    def clean(self):
        super().clean()
        raise_rule_errors(self)

    def rule_errors(self):
        return rules.observation_errors(self.year, self.year_end, self.value, self.value_max)


class Policy(Reviewed):
    """A programme, platform, fund, law or institution that persists across documents; the measures that mention
    it link to it (PolicyMention) and its dated, quoted history is its timeline (PolicyEvent)."""

    slug = models.SlugField(_("slug"), max_length=100)
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=300, blank=True)
    aliases = models.TextField(_("aliases"), blank=True, help_text=_("Other names the documents use, one per line."))
    kind = models.CharField(_("kind"), max_length=20, choices=PolicyKind.choices)
    parks = models.ManyToManyField(Park, verbose_name=_("parks"), blank=True, related_name="policies")
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True, related_name="policies")
    beneficiaries = models.ManyToManyField(
        Beneficiary, verbose_name=_("beneficiaries"), blank=True, related_name="policies"
    )
    status = models.CharField(_("status"), max_length=20, choices=MeasureStatus.choices, default=MeasureStatus.UNKNOWN)
    status_evidenced_on = models.DateField(
        _("status last evidenced on"), null=True, blank=True, help_text=_("The date of the latest text showing it.")
    )
    description = models.TextField(_("description"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords(m2m_fields=[parks, themes, beneficiaries])
    carries = ("mentions", "events")  # moved with the policy between review states (measures.review.move)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("policy")
        verbose_name_plural = _("policies")
        indexes = [models.Index(fields=["review_state", "slug"], name="measures_policy_published")]
        permissions = [("publish_policy", "Can publish and retract policies")]
        constraints = [unique_slug("policy")]

    def __str__(self):
        return self.name

    @property
    def alias_list(self):
        return alias_lines(self.aliases)


class PolicyMention(Reviewed):
    """A measure that mentions a policy, and in what role (announces it, implements it, reports progress...)."""

    policy = models.ForeignKey(Policy, verbose_name=_("policy"), on_delete=models.CASCADE, related_name="mentions")
    measure = models.ForeignKey(
        Measure, verbose_name=_("measure"), on_delete=models.PROTECT, related_name="policy_mentions"
    )
    role = models.CharField(_("role"), max_length=20, choices=MentionRole.choices)
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()
    # The public sees a mention only with its policy and its measure (measures.review.public_lookups).
    shown_with = ("policy", "measure")

    class Meta:
        ordering = ["policy", "measure"]
        verbose_name = _("policy mention")
        verbose_name_plural = _("policy mentions")
        permissions = [("publish_policymention", "Can publish and retract policy mentions")]
        constraints = [
            models.UniqueConstraint(fields=["policy", "measure"], name="measures_policymention_unique"),
        ]

    def __str__(self):
        return f"{self.policy_id and self.policy} ← {self.measure_id and self.measure} ({self.get_role_display()})"


class PolicyEvent(Reviewed, Quoted):
    """A dated step in a policy's life (announced, launched, amended, completed...), quoted from a source."""

    policy = models.ForeignKey(Policy, verbose_name=_("policy"), on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    date = models.DateField(_("date"))
    date_precision = models.CharField(
        _("date precision"), max_length=10, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="policy_events")

    history = HistoricalRecords()
    shown_with = ("policy",)

    class Meta:
        ordering = ["policy", "date", "kind", "id"]
        verbose_name = _("policy event")
        verbose_name_plural = _("policy events")
        permissions = [("publish_policyevent", "Can publish and retract policy events")]
        constraints = [
            quote_not_empty(),
            models.UniqueConstraint(fields=["policy", "kind", "date", "source"], name="measures_policyevent_unique"),
        ]

    def __str__(self):
        return f"{self.date} {self.get_kind_display()}"


class Revision(models.Model):
    """A change to a published record by someone who may not publish, held until a reviewer approves or rejects it.

    The public keeps seeing the published version meanwhile. `changes` holds each changed field's new value as
    stored (a link as the linked record's key, a many-to-many link as a list of keys); `base_version` is the
    record's history entry the change was made against, so a revision overtaken by another change is stale.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    base_version = models.PositiveBigIntegerField(_("based on version"), null=True)
    changes = models.JSONField(_("changes"), encoder=DjangoJSONEncoder)
    state = models.CharField(
        _("state"), max_length=10, choices=RevisionState.choices, default=RevisionState.PENDING, db_index=True
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewer"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    comment = models.TextField(_("reviewer's comment"), blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        indexes = [models.Index(fields=["content_type", "object_id", "state"], name="measures_revision_record")]

    def __str__(self):
        return f"{self.content_type.model} {self.object_id} #{self.pk}"


class Proposal(models.Model):
    """A measure or target ingest found in a new source, waiting for a curator to accept it as a draft or reject it.

    `data` holds the proposed fields (a measure's title and parks; a target's indicator, value, unit, year...).
    A rejected proposal is kept with its reason, so the same finding is not offered again.
    """

    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.CASCADE, related_name="proposals")
    kind = models.CharField(_("kind"), max_length=10, choices=ProposalKind.choices)
    quote = models.TextField(_("quote"))
    quote_offset = models.PositiveIntegerField(_("quote offset"))
    data = models.JSONField(_("proposed fields"), encoder=DjangoJSONEncoder, default=dict)
    state = models.CharField(
        _("state"), max_length=10, choices=ProposalState.choices, default=ProposalState.PENDING, db_index=True
    )
    reason = models.TextField(_("reason for rejecting"), blank=True)
    measure = models.ForeignKey(
        Measure, verbose_name=_("draft measure"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    target = models.ForeignKey(
        Target, verbose_name=_("draft target"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewed by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    class Meta:
        ordering = ["source", "quote_offset", "kind", "id"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")

    def __str__(self):
        return self.data.get("title") or self.data.get("indicator") or self.quote[:40]

    def quote_in_context(self, margin=200):
        return paragraph_around(self.source.text, self.quote, self.quote_offset, margin)


class SeedRecord(models.Model):
    """What the seed last wrote to a record, so a re-run can tell a curator's edit from its own."""

    model = models.CharField(max_length=50)
    key = models.CharField(
        max_length=200, help_text=_("The record's slug, or source slug and position for a correction.")
    )
    digest = models.CharField(max_length=64, help_text=_("Hash of the record as the seed left it."))
    seeded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["model", "key"]
        verbose_name = _("seeded record")
        verbose_name_plural = _("seeded records")
        constraints = [models.UniqueConstraint(fields=["model", "key"], name="measures_seedrecord_unique")]

    def __str__(self):
        return f"{self.model} {self.key}"
