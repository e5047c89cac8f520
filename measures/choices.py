"""Fixed vocabularies of the registry, shared by models, filters, fixtures and the API schema."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SourceKind(models.TextChoices):
    PLAN = "plan", _("plan")
    POLICY_DOCUMENT = "policy_document", _("policy document")
    NEWS_REPORT = "news_report", _("news report")
    COMMENTARY = "commentary", _("commentary")
    PRESS_RELEASE = "press_release", _("press release")
    SPEECH = "speech", _("speech or work report")
    OTHER = "other", _("other")


class DatePrecision(models.TextChoices):
    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")
    UNKNOWN = "unknown", _("unknown")


class ParkKind(models.TextChoices):
    DEMONSTRATION_ZONE = "demonstration_zone", _("demonstration zone")
    SUB_PARK = "sub_park", _("sub-park")
    SPECIALTY_PARK = "specialty_park", _("specialty park")
    SCIENCE_CITY = "science_city", _("science city")
    COOPERATION_PARK = "cooperation_park", _("cooperation park")
    BASE = "base", _("base")
    BONDED_ZONE = "bonded_zone", _("bonded zone")
    INNOVATION_CENTER = "innovation_center", _("innovation centre")
    FUNCTIONAL_AREA = "functional_area", _("functional area")
    OTHER = "other", _("other")


class OrganizationKind(models.TextChoices):
    PARTY = "party", _("party body")
    GOVERNMENT = "government", _("government body")
    AGENCY = "agency", _("government agency")
    COORDINATION = "coordination", _("coordination body")
    RESEARCH = "research", _("research institution")
    UNIVERSITY = "university", _("university")
    ENTERPRISE = "enterprise", _("enterprise")
    FINANCIAL = "financial", _("financial institution")
    ASSOCIATION = "association", _("association or alliance")
    MEDIA = "media", _("media")
    INTERNATIONAL = "international", _("international organisation")
    OTHER = "other", _("other")


class Instrument(models.TextChoices):
    STRATEGY = "strategy", _("strategy or plan")
    REGULATION = "regulation", _("regulation or institutional reform")
    PILOT = "pilot", _("pilot")
    FUNDING = "funding", _("funding or subsidy")
    TAX = "tax", _("tax incentive")
    FINANCE = "finance", _("fund or financial instrument")
    PLATFORM = "platform", _("platform or infrastructure")
    PROGRAMME = "programme", _("programme or project")
    TALENT = "talent", _("talent measure")
    SERVICE = "service", _("public service")
    AGREEMENT = "agreement", _("agreement or cooperation")
    EVENT = "event", _("event")
    OTHER = "other", _("other")


class MeasureStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    IN_FORCE = "in_force", _("in force")
    COMPLETED = "completed", _("completed")
    SUPERSEDED = "superseded", _("superseded")
    UNKNOWN = "unknown", _("unknown")


class Comparator(models.TextChoices):
    ABOUT = "about", _("about")
    AT_LEAST = "at_least", _("at least")
    AT_MOST = "at_most", _("at most")
    EXACTLY = "exactly", _("exactly")
    RANGE = "range", _("range")


class ReviewState(models.TextChoices):
    DRAFT = "draft", _("draft")
    IN_REVIEW = "in_review", _("in review")
    PUBLISHED = "published", _("published")
    RETRACTED = "retracted", _("retracted")


class RevisionState(models.TextChoices):
    PENDING = "pending", _("pending")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


class ProposalKind(models.TextChoices):
    MEASURE = "measure", _("measure")
    TARGET = "target", _("target")


class ProposalState(models.TextChoices):
    PENDING = "pending", _("pending")
    ACCEPTED = "accepted", _("accepted")
    REJECTED = "rejected", _("rejected")
    WITHHELD = "withheld", _("withheld (rejected before)")


class PolicyKind(models.TextChoices):
    PROGRAMME = "programme", _("programme")
    PLATFORM = "platform", _("platform")
    FUND = "fund", _("fund")
    LAW = "law", _("law or regulation")
    INSTITUTION = "institution", _("institution")
    PILOT = "pilot", _("pilot")
    EVENT = "event", _("recurring event")
    PLAN = "plan", _("plan")
    PARK_PROJECT = "park_project", _("park project")


class MentionRole(models.TextChoices):
    ANNOUNCES = "announces", _("announces")
    IMPLEMENTS = "implements", _("implements")
    CONTINUES = "continues", _("continues")
    REPORTS_PROGRESS = "reports_progress", _("reports progress")
    RESTATES = "restates", _("restates")
    SUPERSEDES = "supersedes", _("supersedes")


class EventKind(models.TextChoices):
    ANNOUNCED = "announced", _("announced")
    ADOPTED = "adopted", _("adopted")
    LAUNCHED = "launched", _("launched")
    IN_FORCE = "in_force", _("in force")
    AMENDED = "amended", _("amended")
    COMPLETED = "completed", _("completed")
    SUPERSEDED = "superseded", _("superseded")
    REPORTED = "reported", _("reported")


class TargetPeriod(models.TextChoices):
    END_VALUE = "end_value", _("value at the end")
    ANNUAL_RATE = "annual_rate", _("annual rate")


class ObservationPeriod(models.TextChoices):
    ANNUAL = "annual", _("in the year")
    CUMULATIVE = "cumulative", _("cumulative")
    POINT = "point", _("at a point in time")
