"""Limits on the admin's spreadsheet import, so one upload cannot keep a worker busy for minutes.

The file's size is checked by the form, before the file is read; its rows are counted while it is read, and
reading stops one row past the limit (a small XLSX can expand to a million rows, which tablib would load whole).
An XLSX is a zip: what it unpacks to is bounded too, since openpyxl parses a whole sheet that does not declare
its dimensions just to open it (10 s for a 5 MB file of a million rows).
"""

import csv
import io
import itertools
import zipfile

import openpyxl
import tablib
from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from import_export.formats import base_formats
from import_export.forms import ImportForm


class TooLarge(ValueError):
    """The file is over an import limit; its message, naming the limit, is shown to the curator as it is."""


def at_most_the_limit(rows):
    """The rows as a list, reading no more than one past the limit, which refuses the file."""
    limit = settings.IMPORT_MAX_ROWS
    rows = list(itertools.islice(rows, limit + 1))
    if len(rows) > limit:
        raise TooLarge(
            _("The file has more than %(limit)s rows, the import limit (IMPORT_MAX_ROWS): split it into smaller files.")
            % {"limit": limit}
        )
    return rows


class LimitedImportForm(ImportForm):
    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload.size > settings.IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(limit)s (%(bytes)s bytes), the import limit (IMPORT_MAX_BYTES).")
                % {"limit": filesizeformat(settings.IMPORT_MAX_BYTES), "bytes": settings.IMPORT_MAX_BYTES}
            )
        return upload


class CSV(base_formats.CSV):
    def create_dataset(self, in_stream, **kwargs):
        text = in_stream.decode(self.encoding or "utf-8") if isinstance(in_stream, bytes) else in_stream
        data_rows = itertools.islice(filter(None, csv.reader(io.StringIO(text))), 1, None)  # tablib skips blank lines
        at_most_the_limit(data_rows)
        return super().create_dataset(text, **kwargs)


def unpacked_within_the_limit(in_stream):
    """zipfile reads no more of a member than its declared size, so the declared sizes bound the work."""
    with zipfile.ZipFile(io.BytesIO(in_stream)) as archive:
        unpacked = sum(member.file_size for member in archive.infolist())
    if unpacked > settings.IMPORT_MAX_UNPACKED_BYTES:
        raise TooLarge(
            _("The file unpacks to more than %(limit)s, the import limit (IMPORT_MAX_UNPACKED_BYTES).")
            % {"limit": filesizeformat(settings.IMPORT_MAX_UNPACKED_BYTES)}
        )


class XLSX(base_formats.XLSX):
    def create_dataset(self, in_stream):
        """The first sheet, streamed (read-only mode) rather than loaded, with formulas' values."""
        unpacked_within_the_limit(in_stream)
        book = openpyxl.load_workbook(io.BytesIO(in_stream), read_only=True, data_only=True)
        try:
            rows = book.active.values
            headers = next(rows, ())
            return tablib.Dataset(*at_most_the_limit(rows), headers=list(headers))
        finally:
            book.close()
