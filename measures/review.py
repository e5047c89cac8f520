"""Who sees and who may change review states: the public sees published records only."""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q

from measures.choices import ReviewState
from measures.models import Measure, Reviewed

REVIEWER_ONLY_STATES = {ReviewState.PUBLISHED, ReviewState.RETRACTED}


def sees_unpublished(user):
    """Staff (curators and reviewers) see every state; everyone else sees published records only."""
    return bool(user and user.is_authenticated and user.is_staff)


def source_link(model):
    """The foreign key to the source a `model` record is taken from, or None."""
    try:
        field = model._meta.get_field("source")
    except FieldDoesNotExist:
        return None
    return field if isinstance(field, models.ForeignKey) else None


def public_lookups(model):
    """The review states that must all be published for the public to see a record of `model`, as lookups.

    The record's own state if it is reviewed, and its source's if it is taken from one: a published measure of a
    draft source is no more public than the source. A model with neither (themes, organizations) is always public.
    """
    lookups = ["review_state"] if issubclass(model, Reviewed) else []
    if (source := source_link(model)) is not None:
        lookups += [f"source__{lookup}" for lookup in public_lookups(source.related_model)]
    return lookups


def public_condition(model):
    """`public_lookups(model)` as a condition on the record's own columns.

    The source's state is checked in a subquery rather than a join, so a list's deep page still walks the
    (review_state, slug) index alone; sources are few.
    """
    condition = Q(review_state=ReviewState.PUBLISHED) if issubclass(model, Reviewed) else Q()
    if (source := source_link(model)) is not None:
        sources = source.related_model.objects.filter(public_condition(source.related_model)).values("pk")
        condition &= Q(source__in=sources)
    return condition


def visible(queryset, user):
    """`queryset` narrowed to what `user` may see: the one rule every read path applies (see `public_lookups`)."""
    if sees_unpublished(user):
        return queryset
    return queryset.filter(public_condition(queryset.model))


def is_public(record):
    """Whether the public may see `record`, a model instance (the caller fetches what `public_lookups` names)."""
    for lookup in public_lookups(type(record)):
        value = record
        for name in lookup.split("__"):
            value = getattr(value, name, None)
        if value != ReviewState.PUBLISHED:
            return False
    return True


def is_public_row(row, link, model):
    """Whether the public may see the `model` record a `.values()` row links to as `link` (see `linked_columns`)."""
    return all(row[f"{link}__{lookup}"] == ReviewState.PUBLISHED for lookup in public_lookups(model))


def linked_columns(link, model):
    """The `.values()` columns `is_public_row` reads for a link to a `model` record."""
    return [f"{link}__{lookup}" for lookup in public_lookups(model)]


def can_publish(user, model):
    return user.has_perm(f"{model._meta.app_label}.publish_{model._meta.model_name}")


def may_set_state(user, model, old_state, new_state):
    """Curators move records between draft and in review; publishing and retracting is for reviewers."""
    if old_state == new_state:
        return True
    return can_publish(user, model) or not ({old_state, new_state} & REVIEWER_ONLY_STATES)


def change_state(queryset, state):
    """Move records to `state`, one save each so history records who did it.

    A measure carries its targets along when they stood where it stood (submitted or published together).
    """
    changed = 0
    for record in queryset:
        if isinstance(record, Measure):
            for target in record.targets.filter(review_state=record.review_state):
                target.review_state = state
                target.save()
        record.review_state = state
        record.save()
        changed += 1
    return changed
