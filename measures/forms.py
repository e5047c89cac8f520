"""The admin's form for ingesting a new document."""

from django import forms
from django.utils.translation import gettext_lazy as _

from measures.choices import SourceKind
from measures.review import latest_version

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024


class IngestForm(forms.Form):
    document = forms.FileField(label=_("document (UTF-8 text)"))
    title = forms.CharField(label=_("title"), max_length=300)
    kind = forms.ChoiceField(label=_("kind"), choices=SourceKind.choices, initial=SourceKind.OTHER)
    publisher = forms.CharField(label=_("publisher"), max_length=200, required=False)
    date = forms.RegexField(
        label=_("date"), regex=r"^\d{4}(-\d{2}){0,2}$", required=False, help_text=_("YYYY, YYYY-MM or YYYY-MM-DD")
    )
    url = forms.URLField(label=_("URL"), required=False, assume_scheme="https")

    def clean_document(self):
        document = self.cleaned_data["document"]
        if document.size > MAX_DOCUMENT_BYTES:
            raise forms.ValidationError(_("The document is larger than 5 MB."))
        return document


class VersionField(forms.IntegerField):
    """The version a form was opened at: bookkeeping, so sending it back is not a change to the record."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def has_changed(self, initial, data):
        return False


class VersionCheckedForm(forms.ModelForm):
    """Refuses to save over a version of the record newer than the one the curator opened."""

    loaded_version = VersionField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and not self.is_bound:
            self.fields["loaded_version"].initial = latest_version(self.instance)

    def clean(self):
        cleaned = super().clean()
        loaded = cleaned.get("loaded_version")
        if self.instance.pk is None or loaded is None:
            return cleaned
        newer = self.instance.history.filter(history_id__gt=loaded).select_related("history_user")
        if newer.exists():
            opened = self.instance.history.filter(history_id=loaded).first()
            latest = newer.order_by("-history_id").first()
            changed = sorted({change.field for change in latest.diff_against(opened).changes}) if opened else []
            raise forms.ValidationError(
                _(
                    "%(user)s saved this record at %(when)s, after you opened it (changed: %(fields)s). "
                    "Reload the page to see their version, then make your change again."
                ),
                params={
                    "user": latest.history_user or _("someone"),
                    "when": latest.history_date.strftime("%Y-%m-%d %H:%M:%S"),
                    "fields": ", ".join(changed) or "—",
                },
                code="stale",
            )
        return cleaned
