"""The proposal review queue: a curator accepts a proposal as a draft record (through the review gate) or rejects
it with a reason, which is kept so the same finding is not offered again (ingest stores it again as withheld); a
rejected or withheld proposal may be reopened."""

from collections import namedtuple

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from measures import review
from measures.choices import Instrument, MeasureStatus, ProposalKind, ProposalState, ReviewState, TargetPeriod
from measures.ingest import decisions
from measures.models import Measure, Park, Policy, PolicyMention, Proposal, Source, Target

MEASURE_FIELDS = ("title",)
TARGET_FIELDS = ("indicator", "comparator", "value", "value_max", "unit", "target_year", "period_type")
# The extractor's `period` (its output contract) as the target's period type.
PERIOD_TYPES = {"end": TargetPeriod.END_VALUE.value, "annual_rate": TargetPeriod.ANNUAL_RATE.value}
Progress = namedtuple("Progress", "reviewed total withheld")


def rejected_findings():
    """The findings curators rejected, less any they accepted elsewhere: a new document does not offer them again."""
    decided = Proposal.objects.filter(state__in=(ProposalState.REJECTED, ProposalState.ACCEPTED))
    rows = decided.values_list("kind", "data", "quote", "state").iterator()
    return decisions.rejected_among((decisions.finding(kind, data, quote), state) for kind, data, quote, state in rows)


def earlier_rejections(proposal):
    """The rejected proposals that withheld `proposal`: the same finding, in any source, oldest first."""
    same = Proposal.objects.filter(**decisions.same_finding(proposal.kind, proposal.data, proposal.quote))
    rejected = same.filter(state=ProposalState.REJECTED).exclude(pk=proposal.pk)
    return list(rejected.select_related("source", "reviewed_by").order_by("reviewed_at", "pk"))


def ingested_titles():
    """The titles of the measures curators took from ingested sources, accepted from proposals or added by hand, as
    they corrected them: names a new document is searched for. Seeded measures are left out: their titles describe
    (支持人工智能企业发展), they do not name."""
    ingested = Source.objects.filter(proposals__isnull=False)
    return decisions.searched_titles(Measure.objects.filter(source__in=ingested).values_list("title", flat=True))


def target_data(candidate):
    """A proposed target's data, from the extractor's candidate."""
    period_type = PERIOD_TYPES[candidate["period"]]
    return {name: period_type if name == "period_type" else candidate[name] for name in TARGET_FIELDS}


def fields_of(kind):
    """The proposed fields a curator may edit before accepting a proposal of this kind."""
    return MEASURE_FIELDS if kind == ProposalKind.MEASURE else TARGET_FIELDS


def record_from(proposal, edits):
    """The draft record a proposal becomes, with the curator's `edits` over what was proposed."""
    data = {**proposal.data, **edits}
    common = {"source": proposal.source, "quote": proposal.quote, "quote_offset": proposal.quote_offset}
    number = Proposal.objects.filter(source=proposal.source, kind=proposal.kind, pk__lte=proposal.pk).count()
    if proposal.kind == ProposalKind.MEASURE:
        return Measure(
            slug=f"{proposal.source.slug}-m{number}",
            title=(data.get("title") or proposal.quote)[:200],
            instrument=Instrument.OTHER,
            status=MeasureStatus.UNKNOWN,
            review_state=ReviewState.DRAFT,
            **common,
        )
    return Target(
        slug=f"{proposal.source.slug}-t{number}",
        indicator=(data.get("indicator") or proposal.quote)[:300],
        comparator=data.get("comparator") or "",
        value=data.get("value"),
        value_max=data.get("value_max"),
        unit=data.get("unit") or "",
        target_year=data.get("target_year"),
        period_type=data.get("period_type") or TargetPeriod.END_VALUE,
        measure=data.get("measure"),
        review_state=ReviewState.DRAFT,
        **common,
    )


@transaction.atomic
def accept(user, proposal, edits=None, policy_role=""):
    """A pending proposal becomes a draft record of `user`'s; model validation refuses a bad value (and nothing
    changes). With a `policy_role`, the draft measure also mentions the policy the proposal names, in that role."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.state != ProposalState.PENDING:
        raise PermissionDenied(_("This proposal is %(state)s already.") % {"state": proposal.get_state_display()})
    record = record_from(proposal, edits or {})
    if proposal.kind == ProposalKind.MEASURE:
        parks = list(Park.objects.filter(slug__in=proposal.data.get("parks", [])))
        proposal.measure = review.create(user, record, {"parks": parks})
        if policy_role:
            mention_policy(user, proposal, policy_role)
    else:
        proposal.target = review.create(user, record)
    close(proposal, user, ProposalState.ACCEPTED, "")
    return record


def mention_policy(user, proposal, role):
    """A draft mention, by the measure accepted from `proposal`, of the policy the proposal names."""
    policy = Policy.objects.filter(slug=proposal.data.get("policy") or "").first()
    if policy is None:
        raise ValidationError(_("The policy this proposal names is no longer in the registry."))
    mention = PolicyMention(policy=policy, measure=proposal.measure, role=role, review_state=ReviewState.DRAFT)
    review.create(user, mention)


def reject(user, proposal, reason):
    require_reviewer(user)
    if proposal.state != ProposalState.PENDING:
        raise PermissionDenied(_("This proposal is %(state)s already.") % {"state": proposal.get_state_display()})
    if not reason.strip():
        raise PermissionDenied(_("Say why the proposal is rejected, so it is not offered again without a reason."))
    close(proposal, user, ProposalState.REJECTED, reason)


def reopen(user, proposal):
    """A rejected or withheld proposal goes back to the worklist: a rejection made by mistake is undone, and its
    finding is offered again in later documents."""
    require_reviewer(user)
    if proposal.state not in (ProposalState.REJECTED, ProposalState.WITHHELD):
        message = _("This proposal is %(state)s; only rejected or withheld ones reopen.")
        raise PermissionDenied(message % {"state": proposal.get_state_display()})
    proposal.state, proposal.reason, proposal.reviewed_by, proposal.reviewed_at = ProposalState.PENDING, "", None, None
    proposal.save()


def require_reviewer(user):
    """Rejecting and reopening are reviewing the queue, as changing its sources is."""
    if not review.has_model_perm(user, Source, "change"):
        raise PermissionDenied(_("You may not review proposals."))


def close(proposal, user, state, reason):
    proposal.state, proposal.reason = state, reason
    proposal.reviewed_by, proposal.reviewed_at = user if user is not review.SHELL else None, timezone.now()
    proposal.save()


def progress(source):
    """How far a source's worklist is reviewed, in one query; the withheld are counted apart, out of the worklist."""
    withheld = Q(state=ProposalState.WITHHELD)
    return Progress(
        **source.proposals.aggregate(
            reviewed=Count("pk", filter=~Q(state=ProposalState.PENDING) & ~withheld),
            total=Count("pk", filter=~withheld),
            withheld=Count("pk", filter=withheld),
        )
    )
