"""The admin's form for ingesting a new document."""

from django import forms
from django.utils.translation import gettext_lazy as _

from measures.choices import SourceKind

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
