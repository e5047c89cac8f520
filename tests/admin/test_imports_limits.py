"""An admin import is refused, with the limit named, when its file is too large or has too many rows."""

import io

import openpyxl
import pytest
from django.contrib.auth.models import User
from django.test import Client

from measures.models import Measure
from measures.resources import MeasureResource

IMPORT = "/admin/measures/measure/import/"


@pytest.fixture
def superuser_client(registry):
    client = Client()
    client.force_login(User.objects.create_superuser("boss", password="pw-for-tests-only"))
    return client


def measure_rows(copies):
    """The registry's measures as rows, repeated `copies` times (the same slugs: only the count matters)."""
    dataset = MeasureResource().export(queryset=Measure.objects.order_by("slug"))
    return dataset.headers, [list(row) for row in dataset] * copies


def xlsx(headers, rows):
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    upload = io.BytesIO(buffer.getvalue())
    upload.name = "measures.xlsx"
    return upload


def csv_file(headers, rows):
    import tablib

    upload = io.BytesIO(tablib.Dataset(*rows, headers=headers).csv.encode())
    upload.name = "measures.csv"
    return upload


def import_errors(api_client, upload, format_index):
    response = api_client.post(IMPORT, {"format": format_index, "import_file": upload}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "result" not in response.context, "the file was imported rather than refused"
    return " ".join(response.context["form"].errors.get("import_file", []))


@pytest.mark.parametrize(("build", "format_index"), [(xlsx, "1"), (csv_file, "0")], ids=["xlsx", "csv"])
def test_a_file_with_more_rows_than_the_limit_is_refused_naming_it(superuser_client, settings, build, format_index):
    settings.IMPORT_MAX_ROWS = 5
    headers, rows = measure_rows(copies=4)  # 12 rows
    errors = import_errors(superuser_client, build(headers, rows), format_index)
    assert "5 rows" in errors and "IMPORT_MAX_ROWS" in errors


@pytest.mark.parametrize(("build", "format_index"), [(xlsx, "1"), (csv_file, "0")], ids=["xlsx", "csv"])
def test_a_file_at_the_row_limit_is_read(superuser_client, settings, build, format_index):
    headers, rows = measure_rows(copies=1)
    settings.IMPORT_MAX_ROWS = len(rows)
    response = superuser_client.post(IMPORT, {"format": format_index, "import_file": build(headers, rows)})
    assert not response.context["form"].errors
    assert not response.context["result"].has_errors()


def test_a_file_larger_than_the_limit_is_refused_before_it_is_read(superuser_client, settings):
    settings.IMPORT_MAX_BYTES = 1000
    headers, rows = measure_rows(copies=10)
    errors = import_errors(superuser_client, csv_file(headers, rows), "0")
    assert "1000 bytes" in errors.replace("\xa0", " ") and "IMPORT_MAX_BYTES" in errors


def test_an_xlsx_unpacking_to_more_than_the_limit_is_refused_before_its_sheet_is_parsed(superuser_client, settings):
    settings.IMPORT_MAX_UNPACKED_BYTES = 20_000
    headers, rows = measure_rows(copies=1)
    errors = import_errors(superuser_client, xlsx(headers, rows), "1")
    assert "IMPORT_MAX_UNPACKED_BYTES" in errors
