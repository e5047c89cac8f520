"""A record's change history (kept by django-simple-history) as entries an API client can read."""

from rest_framework import serializers

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


def history_entries(obj, *, show_users):
    """Newest first; each entry lists the fields that differ from the version before it."""
    versions = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id"))
    entries = []
    for version, previous in zip(versions, [*versions[1:], None], strict=True):
        changes = [] if previous is None else version.diff_against(previous).changes
        entries.append(
            {
                "history_id": version.history_id,
                "date": version.history_date,
                "kind": KINDS[version.history_type],
                "user": version.history_user.get_username() if show_users and version.history_user else None,
                "reason": version.history_change_reason,
                "changes": [{"field": c.field, "old": c.old, "new": c.new} for c in changes],
            }
        )
    return entries
