"""Ingesting a new document: store it cleaned as a draft source, with its measures, targets and park links as
proposals for the review queue (measures.ingest.queue).

Shared by `manage.py ingest_source` and the admin's upload form. Nothing proposed is a record until a curator
accepts it, and then it is a draft like any other.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from measures import review
from measures.choices import DatePrecision, ProposalKind, ProposalState, SourceKind
from measures.ingest import decisions, queue
from measures.ingest.about import parks_in_title, title_index
from measures.models import Park, Policy, Proposal, Source, TextCorrection
from measures.text.cleaning import apply_corrections, page_corrections
from measures.text.extraction import propose
from measures.text.names import NameIndex


class IngestError(ValueError):
    """The document cannot be ingested: the message says why, in the curator's language; `field` is the input it
    concerns (the document or its date), and `existing` the source already holding these bytes, if that is why."""

    def __init__(self, message, field="document", existing=None):
        super().__init__(message)
        self.field, self.existing = field, existing


@dataclass
class Document:
    raw_bytes: bytes
    title: str
    kind: str = SourceKind.OTHER
    publisher: str = ""
    date: str = ""
    url: str = ""

    @property
    def sha256(self):
        return hashlib.sha256(self.raw_bytes).hexdigest()


@dataclass
class Ingested:
    source: Source
    proposal: dict
    corrections: list = field(default_factory=list)
    withheld: list = field(default_factory=list)  # found again, but curators rejected it before

    def as_json(self):
        return {
            "source": {"slug": self.source.slug, "title": self.source.title, "sha256": self.source.sha256},
            "corrections": [correction.as_dict() for correction in self.corrections],
            **self.proposal,
            "withheld": self.withheld,
        }


PRECISION_BY_PARTS = {1: DatePrecision.YEAR, 2: DatePrecision.MONTH, 3: DatePrecision.DAY}


def parse_date(value):
    """'2024', '2024-05' or '2024-05-17' as (its first day, its precision)."""
    if not value:
        return None, DatePrecision.UNKNOWN
    parts = value.split("-")
    try:
        if len(parts) not in PRECISION_BY_PARTS or not all(part.isdigit() for part in parts):
            raise ValueError
        numbers = [int(part) for part in parts]
        return date(*numbers, *[1] * (3 - len(numbers))), PRECISION_BY_PARTS[len(parts)]
    except ValueError:
        raise IngestError(
            _("The date must be YYYY, YYYY-MM or YYYY-MM-DD, not “%(value)s”.") % {"value": value}, "date"
        ) from None


def known_spam_corrections():
    """What curators have already corrected, keyed by injected word and the two characters after it."""
    known = {}
    for correction in TextCorrection.objects.filter(flagged=False).exclude(original="").select_related("source"):
        after = correction.source.raw_text[correction.end : correction.end + 2]
        known.setdefault((correction.original, after), (correction.replacement, correction.reason))
    return known


def parks_known():
    """The registry's parks by their names and aliases, and by what a title names them (`about.title_index`)."""
    parks = Park.objects.only("slug", "kind", "district", "name", "aliases")
    rows = [(park.slug, park.kind, park.district, [park.name, *park.alias_list]) for park in parks]
    return NameIndex((slug, names) for slug, _, _, names in rows), title_index(rows)


def records_of(model):
    records = model.objects.only("slug", "name", "aliases")
    return [(record.slug, [record.name, *record.alias_list]) for record in records]


def known_names():
    """The names a new document is searched for: the registry's policies, each with its slug, and the names of the
    measures curators took from earlier ingested sources, with none."""
    return NameIndex([*records_of(Policy), (None, queue.ingested_titles())])


def ingest(document, *, user=review.SHELL, dry_run=False):
    """Store the document and its proposals as drafts of `user`'s (or, with dry_run, only say what would be stored).

    The source is stored through the review gate, in one transaction; proposals become records only when a
    curator accepts them.
    """
    existing = Source.objects.filter(sha256=document.sha256).first()
    if existing is not None:
        message = _("These bytes were already ingested as source “%(slug)s” (%(title)s).")
        raise IngestError(message % {"slug": existing.slug, "title": existing.title}, existing=existing)
    try:
        raw = document.raw_bytes.decode("utf-8")
    except UnicodeDecodeError as error:
        message = _("The document is not UTF-8 text: byte %(position)d cannot be read. Save it as UTF-8 and try again.")
        raise IngestError(message % {"position": error.start}) from None
    if "\x00" in raw:
        raise IngestError(_("The document contains NUL bytes; it is not a text file."))
    published_on, precision = parse_date(document.date)
    corrections = page_corrections(raw, known_spam_corrections())
    text = apply_corrections(raw, corrections)
    source = Source(
        slug=f"source-{document.sha256[:12]}",
        title=document.title,
        kind=document.kind,
        publisher=document.publisher,
        published_on=published_on,
        date_precision=precision,
        url=document.url,
        raw_text=raw,
        text=text,
        sha256=document.sha256,
        notes=_("Ingested; its measures and targets are machine proposals in the review queue."),
    )
    source.full_clean(validate_unique=False)
    park_names, titles = parks_known()
    proposal = propose(
        text,
        park_names,
        document_date=published_on,
        known_names=known_names(),
        about=parks_in_title(document.title, titles),
    )
    proposal, withheld = decisions.withhold(proposal, queue.rejected_findings())
    result = Ingested(source, proposal, corrections, withheld)
    if not dry_run:
        try:
            with transaction.atomic():
                store(result, user)
        except ValidationError as error:
            message = _("A proposal is not valid, so nothing was stored: %(error)s")
            raise IngestError(message % {"error": "; ".join(error.messages)}) from None
    return result


def store(result, user):
    """The draft source, its corrections, a pending proposal for every measure and target found, and a withheld
    one for every finding curators rejected before (out of the worklist, but there to reopen)."""
    source = review.create(user, result.source)
    TextCorrection.objects.bulk_create(
        TextCorrection(source=source, **correction.as_dict()) for correction in result.corrections
    )
    proposals = [proposal_of(source, ProposalKind.MEASURE, candidate) for candidate in result.proposal["measures"]]
    proposals += [proposal_of(source, ProposalKind.TARGET, candidate) for candidate in result.proposal["targets"]]
    proposals += [
        proposal_of(source, candidate["kind"], candidate, ProposalState.WITHHELD) for candidate in result.withheld
    ]
    Proposal.objects.bulk_create(proposals)


def proposal_of(source, kind, candidate, state=ProposalState.PENDING):
    if kind == ProposalKind.MEASURE:
        data = {"title": candidate["title"], "parks": candidate["parks"], "policy": candidate["policy"]}
    else:
        data = queue.target_data(candidate)
    return Proposal(
        source=source, kind=kind, quote=candidate["quote"], quote_offset=candidate["offset"], data=data, state=state
    )
