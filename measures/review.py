"""Who sees and who may change review states: the public sees published records only."""

from measures.choices import ReviewState
from measures.models import Measure, Reviewed

REVIEWER_ONLY_STATES = {ReviewState.PUBLISHED, ReviewState.RETRACTED}


def sees_unpublished(user):
    """Staff (curators and reviewers) see every state; everyone else sees published records only."""
    return bool(user and user.is_authenticated and user.is_staff)


def visible(queryset, user):
    """`queryset` narrowed to what `user` may see (records without a review state are always public)."""
    if sees_unpublished(user) or not issubclass(queryset.model, Reviewed):
        return queryset
    return queryset.filter(review_state=ReviewState.PUBLISHED)


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
