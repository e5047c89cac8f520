"""CSV for every list: one flat row per record, nested records reduced to their slugs.

Every CSV starts with a UTF-8 byte order mark: without it Excel reads the file in the system's code page and shows
the Chinese as mojibake. Python reads it back with the `utf-8-sig` codec.
"""

import csv

from rest_framework_csv.renderers import CSVRenderer as LibraryCSVRenderer

from measures.text.formulae import escape_formula

BOM = "\ufeff".encode()


def csv_attachment(request):
    """The Content-Disposition of a CSV download, named after the resource: targets.csv for /api/v1/targets/."""
    return f'attachment; filename="{request.path.rstrip("/").rsplit("/", 1)[-1]}.csv"'


def flat_value(value):
    """A nested record becomes its slug; a list of them, slugs joined by '; '."""
    if isinstance(value, dict):
        return value.get("slug", value.get("id", ""))
    if isinstance(value, list):
        return "; ".join(str(flat_value(item)) for item in value)
    return value


def csv_cell(value):
    """A field as a CSV cell: flattened, and never a formula a spreadsheet would run."""
    return escape_formula(flat_value(value))


class CSVRenderer(LibraryCSVRenderer):
    """Renders a list (paginated or not) with the serializer's fields, in their order, as columns."""

    def render(self, data, media_type=None, renderer_context=None):
        if data is None:  # a 204 has no body in any format
            return b""
        renderer_context = dict(renderer_context or {})
        if isinstance(data, dict) and "results" in data:
            data = data["results"]
        rows = data if isinstance(data, list) else [data]
        view = renderer_context.get("view")
        if rows and isinstance(rows[0], dict):
            renderer_context.setdefault("header", list(rows[0]))
        elif view is not None and hasattr(view, "get_serializer"):
            renderer_context.setdefault("header", list(view.get_serializer().fields))  # an empty list's columns
        request, response = renderer_context.get("request"), renderer_context.get("response")
        if request is not None and response is not None and not response.exception:
            response["Content-Disposition"] = csv_attachment(request)
        return BOM + super().render(rows, media_type, renderer_context)

    def flatten_item(self, item):
        return {key: csv_cell(value) for key, value in item.items()}


class LineBuffer:
    """What csv.writer writes to when each line is to be sent on at once."""

    def write(self, line):
        return line


def csv_lines(header, records):
    """A CSV document, line by line: the header, then one flat row per record (dicts from a serializer)."""
    writer = csv.writer(LineBuffer())
    yield BOM + writer.writerow(header).encode()
    for record in records:
        yield writer.writerow([csv_cell(record[name]) for name in header]).encode()
