"""A record's change history (kept by django-simple-history) as entries an API client can read.

Staff see every version. The public sees only the versions that were published, each diffed against the published
version before it, so nothing a record held as a draft, in review or retracted shows: the first published version is
the public's "created" entry, with no changes listed (what came before it was never public). A later entry whose
changes the public may not see (a draft park linked, say) is left out.

A link is shown as the linked record's slug, and only if the requester may see that record now (else null); a
many-to-many link as the sorted slugs of the linked records the requester may see. Never a database id.
"""

from rest_framework import serializers

from measures.choices import ReviewState
from measures.models import Reviewed
from measures.review import sees_unpublished, visible

KINDS = {"+": "created", "~": "changed", "-": "deleted"}


class FieldChangeSerializer(serializers.Serializer):
    field = serializers.CharField()
    old = serializers.JSONField(allow_null=True)
    new = serializers.JSONField(allow_null=True)


class HistoryEntrySerializer(serializers.Serializer):
    history_id = serializers.IntegerField()
    date = serializers.DateTimeField()
    kind = serializers.ChoiceField(choices=list(KINDS.values()))
    user = serializers.CharField(allow_null=True, help_text="Shown to staff only.")
    reason = serializers.CharField(allow_null=True)
    changes = FieldChangeSerializer(many=True)


class Links:
    """How a record's link fields appear in its history: linked records' slugs, fetched in one query per model."""

    def __init__(self, model, user):
        self.model, self.user = model, user
        self.keys = {}  # related model -> primary keys a change names
        self.slugs = {}  # related model -> {primary key: slug the requester may see}

    def field(self, name):
        """The link field `name` of the record's model, or None for a field of its own."""
        field = self.model._meta.get_field(name)
        return field if field.many_to_one or field.many_to_many else None

    def keys_of(self, field, value):
        """The primary keys a change's old or new value names: a key, or the through rows of a many-to-many."""
        if field.many_to_many:
            return [row[field.m2m_reverse_field_name()] for row in value]
        return [] if value is None else [value]

    def note(self, change):
        if (field := self.field(change.field)) is not None:
            for value in (change.old, change.new):
                self.keys.setdefault(field.related_model, set()).update(self.keys_of(field, value))

    def fetch(self):
        for model, keys in self.keys.items():
            has_slug = any(field.name == "slug" for field in model._meta.fields)
            records = visible(model.objects.filter(pk__in=keys), self.user) if has_slug else model.objects.none()
            self.slugs[model] = dict(records.values_list("pk", "slug"))

    def shown(self, change, value):
        field = self.field(change.field)
        if field is None:
            return value
        slugs = self.slugs[field.related_model]
        if field.many_to_many:
            return sorted(slugs[key] for key in self.keys_of(field, value) if key in slugs)
        return slugs.get(value)


def history_entries(obj, user):
    """Newest first; each entry lists the fields that differ from the version before it, as `user` may see them."""
    staff = sees_unpublished(user)
    versions = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id"))
    if not staff and isinstance(obj, Reviewed):
        versions = [version for version in versions if version.review_state == ReviewState.PUBLISHED]
    previous_versions = [*versions[1:], None][: len(versions)]  # none for a record created without history
    diffs = [
        [] if previous is None else version.diff_against(previous).changes
        for version, previous in zip(versions, previous_versions, strict=True)
    ]
    links = Links(type(obj), user)
    for change in (change for changes in diffs for change in changes):
        links.note(change)
    links.fetch()
    entries = []
    for version, previous, changes in zip(versions, previous_versions, diffs, strict=True):
        shown = [
            {"field": change.field, "old": old, "new": new}
            for change in changes
            if (old := links.shown(change, change.old)) != (new := links.shown(change, change.new))
        ]
        if not staff and previous is not None and not shown:
            continue
        entries.append(
            {
                "history_id": version.history_id,
                "date": version.history_date,
                "kind": "created" if previous is None and not staff else KINDS[version.history_type],
                "user": version.history_user.get_username() if staff and version.history_user else None,
                "reason": version.history_change_reason,
                "changes": shown,
            }
        )
    return entries
