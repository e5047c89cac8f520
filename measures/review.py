"""The review gate: who may change what, and what the public sees.

Every path that writes a registry record calls this module: the API, the admin's forms, inlines, actions and
history revert, spreadsheet imports, ingest and the seed. The rules, each in one place:

- The public (anonymous or non-staff) sees published records only. Writing is curation, so only active staff
  write, each within the model permissions of their group.
- Only a user with the model's publish permission moves a record into or out of published or retracted.
- A change to a published record by someone who may not publish is stored as a pending `Revision`; the public
  keeps the published version until a reviewer approves it (the history then names both people).
- Read-only fields (a source's texts and hash, keys, timestamps, the creator) are read-only on every path.
- A draft that was never published may be discarded by its creator; a published record is retracted, not
  deleted; a record that others link to is not deleted from under them.
"""

from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import models, transaction
from django.db.models import Model, ProtectedError, Q
from django.db.models.signals import post_save
from django.utils import timezone

from measures.choices import ReviewState, RevisionState
from measures.models import Reviewed, Revision

REVIEWER_ONLY_STATES = {ReviewState.PUBLISHED, ReviewState.RETRACTED}
READ_ONLY_FIELDS = {"id", "created_at", "updated_at", "created_by"}
# Kept as retrieved or as ingest derived them: quotes and corrections point into these texts.
READ_ONLY_BY_MODEL = {"source": {"raw_text", "text", "sha256"}, "textcorrection": {"original", "replacement"}}


class StaleRevision(Exception):
    """The record changed after the revision was proposed, so applying it would undo someone's change."""


class Shell:
    """Whoever runs a management command (the seed, ingest_source): trusted, and named in history as nobody."""

    is_active = is_staff = is_superuser = is_authenticated = True
    pk = None

    def has_perm(self, perm):
        return True


SHELL = Shell()


def sees_unpublished(user):
    """Staff (curators and reviewers) see every state; everyone else sees published records only."""
    return bool(user and user.is_authenticated and user.is_staff)


def public_links(model):
    """The foreign keys to records that must be public for a `model` record to be: the source it is taken from,
    and what the model names in `shown_with` (a policy's mention shows only with its policy and its measure)."""
    names = ["source", *getattr(model, "shown_with", ())]
    links = []
    for name in names:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if isinstance(field, models.ForeignKey):
            links.append(field)
    return links


def public_lookups(model):
    """The review states that must all be published for the public to see a record of `model`, as lookups.

    The record's own state if it is reviewed, and those of the records it is shown with (`public_links`): a
    published measure of a draft source is no more public than the source. A model with neither (themes,
    organizations) is always public.
    """
    lookups = ["review_state"] if issubclass(model, Reviewed) else []
    for link in public_links(model):
        lookups += [f"{link.name}__{lookup}" for lookup in public_lookups(link.related_model)]
    return lookups


def public_condition(model):
    """`public_lookups(model)` as a condition on the record's own columns.

    Linked records' states are checked in subqueries rather than joins, so a list's deep page still walks the
    (review_state, slug) index alone; sources are few.
    """
    condition = Q(review_state=ReviewState.PUBLISHED) if issubclass(model, Reviewed) else Q()
    for link in public_links(model):
        related = link.related_model
        condition &= Q(**{f"{link.name}__in": related.objects.filter(public_condition(related)).values("pk")})
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
    """Whether the public may see the `model` record a `.values()` row links to as `link`, or the row's own record
    when `link` is None (see `linked_columns`): `visible`'s rule for rows fetched without it."""
    return all(row[column] == ReviewState.PUBLISHED for column in linked_columns(link, model))


@cache
def linked_columns(link, model):
    """The `.values()` columns `is_public_row` reads for a link to a `model` record, or for the row's own."""
    return tuple(f"{link}__{lookup}" if link else lookup for lookup in public_lookups(model))


def has_model_perm(user, model, action):
    return bool(user and user.is_active and user.is_staff and user.has_perm(permission_name(model, action)))


def permission_name(model, action):
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


def can_publish(user, model):
    """Publishing is for reviewers; a record without review states is changed by whoever may change it."""
    return has_model_perm(user, model, "publish" if issubclass(model, Reviewed) else "change")


def may_set_state(user, model, old_state, new_state):
    """Curators move records between draft and in review; publishing and retracting is for reviewers."""
    if old_state == new_state:
        return True
    return can_publish(user, model) or not ({old_state, new_state} & REVIEWER_ONLY_STATES)


def require(user, model, action):
    if not has_model_perm(user, model, action):
        raise PermissionDenied(f"You may not {action} {model._meta.verbose_name_plural}.")


def check_state(user, model, old_state, new_state):
    if not may_set_state(user, model, old_state, new_state):
        raise PermissionDenied(
            f"Only a reviewer may move a {model._meta.verbose_name} from {old_state} to {new_state}."
        )


def latest_version(record):
    """The id of the record's newest history entry: it changes whenever anyone saves the record."""
    newest = record.history.order_by("-history_id").only("history_id").first()
    return newest.history_id if newest else None


def was_ever_published(record):
    return record.history.filter(review_state=ReviewState.PUBLISHED).exists()


# Changes: `values` maps a field's name to its new value (a linked record for a foreign key), `links` a
# many-to-many field's name to the records it should link. Only what differs from the record counts.


def own_values(record):
    """The values of a record's editable columns, as `change` compares them with the stored record."""
    return {field.name: getattr(record, field.name) for field in record._meta.concrete_fields if field.editable}


def read_only_fields(model):
    return READ_ONLY_FIELDS | READ_ONLY_BY_MODEL.get(model._meta.model_name, set())


def differences(user, record, values, links):
    values = {name: value for name, value in values.items() if getattr(record, name) != value}
    links = {
        name: list(items)
        for name, items in links.items()
        if {item.pk for item in items} != set(getattr(record, name).values_list("pk", flat=True))
    }
    read_only = sorted(read_only_fields(type(record)) & values.keys())
    if read_only and user is not SHELL:  # the seed rewrites a source's text when its fixture's cleaning changes
        raise PermissionDenied(f"Read-only, so it cannot be changed: {', '.join(read_only)}.")
    return values, links


def apply(record, values, links, user, reason=None):
    """Write the change after model validation (quotes, trees, constraints), with who did it in history."""
    for name, value in values.items():
        setattr(record, name, value)
    record.full_clean()
    record._history_user = user if user is not SHELL else None
    record._change_reason = reason
    created = record._state.adding
    # One history entry for the whole change, its links included, instead of one per save and per link set.
    record.skip_history_when_saving = True
    try:
        record.save()
        for name, items in links.items():
            getattr(record, name).set(items)
    finally:
        del record.skip_history_when_saving
    post_save.send(sender=type(record), instance=record, created=created, raw=False, using=record._state.db)
    return record


def create(user, record, links=None):
    """Store a new record: curators create drafts (or submit them for review), reviewers may publish at once."""
    model = type(record)
    require(user, model, "add")
    if isinstance(record, Reviewed):
        check_state(user, model, ReviewState.DRAFT, record.review_state)
        record.created_by = user if user is not SHELL else None
    return apply(record, {}, links or {}, user)


def change(user, record, values, links=None):
    """Apply a change to `record` as it stands in the database, or hold it as a pending revision.

    Returns the Revision when the change was held (a published record changed by someone who may not publish),
    or None when it was applied or changed nothing.
    """
    model = type(record)
    require(user, model, "change")
    values, links = differences(user, record, values, links or {})
    if not values and not links:
        return None
    if isinstance(record, Reviewed):
        check_state(user, model, record.review_state, values.get("review_state", record.review_state))
    if is_public(record) and not can_publish(user, model):
        return propose(user, record, values, links)
    apply(record, values, links, user)
    return None


def propose(user, record, values, links):
    """A pending revision of `record`, checked now as it would be checked when applied."""
    candidate = type(record).objects.get(pk=record.pk)
    for name, value in values.items():
        setattr(candidate, name, value)
    candidate.full_clean()
    changes = {name: stored(record._meta.get_field(name), value) for name, value in values.items()}
    changes.update({name: sorted(item.pk for item in items) for name, items in links.items()})
    return Revision.objects.create(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        author=user if user is not SHELL else None,
        base_version=latest_version(record),
        changes=changes,
    )


def stored(field, value):
    """A field's value as a revision keeps it in JSON: a linked record by its key."""
    if field.is_relation:
        return value.pk if value is not None else None
    return field.get_prep_value(value)


def proposed_change(revision):
    """A revision's changes as `values` and `links` for `apply`."""
    model = revision.content_type.model_class()
    values, links = {}, {}
    for name, raw in revision.changes.items():
        field = model._meta.get_field(name)
        if field.many_to_many:
            links[name] = list(field.related_model.objects.filter(pk__in=raw))
        elif field.is_relation:
            values[name] = field.related_model.objects.filter(pk=raw).first() if raw is not None else None
        else:
            values[name] = field.to_python(raw)
    return values, links


def shown(value):
    """A value as a person or client reads it: a linked record by its slug."""
    return getattr(value, "slug", str(value)) if isinstance(value, Model) else value


def diff(revision):
    """Each field the revision changes, with the record's current value and the proposed one."""
    record = revision.record
    values, links = proposed_change(revision)
    rows = [
        {"field": name, "old": shown(getattr(record, name)) if record else None, "new": shown(value)}
        for name, value in values.items()
    ]
    rows += [
        {
            "field": name,
            "old": sorted(shown(item) for item in getattr(record, name).all()) if record else None,
            "new": sorted(shown(item) for item in items),
        }
        for name, items in links.items()
    ]
    return rows


def is_stale(revision, record=None):
    record = record if record is not None else revision.record
    return record is None or latest_version(record) != revision.base_version


def approve(user, revision):
    """Apply a pending revision; a stale one (its record changed since) is refused, never applied silently."""
    model = revision.content_type.model_class()
    if not can_publish(user, model):
        raise PermissionDenied("Only a reviewer may approve a revision.")
    with transaction.atomic():
        revision = Revision.objects.select_for_update().get(pk=revision.pk)
        if revision.state != RevisionState.PENDING:
            raise PermissionDenied(f"This revision is {revision.state} already.")
        record = model.objects.select_for_update().filter(pk=revision.object_id).first()
        if is_stale(revision, record):
            raise StaleRevision("The record changed after this revision was proposed: reject it and propose again.")
        values, links = proposed_change(revision)
        author = revision.author.get_username() if revision.author else "?"
        apply(record, values, links, user, reason=f"revision {revision.pk} by {author}, approved")
        close(revision, user, RevisionState.APPROVED, "")
    return record


def reject(user, revision, comment):
    """Close a pending revision unapplied, with the reviewer's reason for its author."""
    if not can_publish(user, revision.content_type.model_class()):
        raise PermissionDenied("Only a reviewer may reject a revision.")
    if revision.state != RevisionState.PENDING:
        raise PermissionDenied(f"This revision is {revision.state} already.")
    if not comment.strip():
        raise PermissionDenied("Say why the revision is rejected: its author reads the comment.")
    close(revision, user, RevisionState.REJECTED, comment)


def close(revision, user, state, comment):
    revision.state, revision.reviewer, revision.reviewed_at, revision.comment = state, user, timezone.now(), comment
    revision.save()


def move(user, records, state):
    """Move records to `state`, one save each so history records who did it.

    A record carries its parts along (a measure its targets, a policy its mentions and events: the model's
    `carries`) when they stood where it stood (submitted or published together).
    """
    moved = 0
    for record in records:
        if record.review_state == state:
            continue
        for name in getattr(record, "carries", ()):
            for part in getattr(record, name).filter(review_state=record.review_state):
                transition(user, part, state)
        transition(user, record, state)
        moved += 1
    return moved


def transition(user, record, state):
    model = type(record)
    require(user, model, "change")
    check_state(user, model, record.review_state, state)
    apply(record, {"review_state": state}, {}, user)


def may_discard(user, record):
    """Reviewers delete what is not published; a curator discards a draft of their own that was never public."""
    model = type(record)
    if not isinstance(record, Reviewed):
        return has_model_perm(user, model, "delete")
    if record.review_state == ReviewState.PUBLISHED:
        return False
    if has_model_perm(user, model, "delete"):
        return True
    owns = sees_unpublished(user) and user.is_active and record.created_by_id == user.pk
    return owns and not was_ever_published(record)


def linking_records(record):
    """Records linked to `record` through a many-to-many field: deleting it would silently unlink them."""
    linked = []
    for relation in record._meta.related_objects:
        if relation.many_to_many:
            linked.extend(getattr(record, relation.get_accessor_name()).all()[:20])
    return linked


def discard(user, record):
    if isinstance(record, Reviewed) and record.review_state == ReviewState.PUBLISHED:
        raise PermissionDenied("A published record is retracted by a reviewer, not deleted.")
    if not may_discard(user, record):
        raise PermissionDenied(f"You may not delete this {record._meta.verbose_name}.")
    linked = linking_records(record)
    if linked:
        raise ProtectedError("Other records link to this one; unlink them first.", set(linked))
    record._history_user = user if user is not SHELL else None
    record.delete()
