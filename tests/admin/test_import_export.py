"""Spreadsheet import and export: a whole-registry round trip loses nothing; a bad file changes nothing."""

import csv
import io

import openpyxl
import tablib

from measures.models import Measure, Source, TextCorrection
from measures.resources import RESOURCES, MeasureResource
from measures.review import SHELL

MODELS = tuple(resource._meta.model for resource in RESOURCES.values())  # every record a spreadsheet carries


def snapshot():
    """Every record by its natural key, with links as slugs, without ids and timestamps."""
    state = {}
    for model in MODELS:
        rows = []
        for obj in model.objects.all():
            row = {}
            for field in obj._meta.concrete_fields:
                if field.name in ("id", "created_at", "updated_at", "created_by"):
                    continue
                value = getattr(obj, field.name)
                row[field.name] = getattr(value, "slug", value) if field.is_relation else value
            for field in obj._meta.many_to_many:
                row[field.name] = sorted(getattr(obj, field.name).values_list("slug", flat=True))
            rows.append(row)
        state[model.__name__] = sorted(rows, key=repr)
    return state


def test_export_then_import_into_a_database_with_only_its_sources_loses_nothing(seeded_registry, db):
    """Sources and their corrections come from ingest, never from an import; everything else is restored."""
    before = snapshot()
    exported = {name: resource().export().csv for name, resource in RESOURCES.items()}
    for model in reversed([model for model in MODELS if model not in (Source, TextCorrection)]):
        own_links = [field.name for field in model._meta.concrete_fields if field.related_model is model]
        model.objects.update(**dict.fromkeys(own_links))  # parents, packages, superseded targets: PROTECT
        model.objects.all().delete()
    assert Measure.objects.count() == 0
    for name, resource in RESOURCES.items():
        result = resource().import_data(
            tablib.Dataset().load(exported[name], format="csv"), raise_errors=True, user=SHELL
        )
        assert not result.has_validation_errors(), name
    assert snapshot() == before


def test_an_import_with_one_bad_row_changes_nothing(seeded_registry, db):
    before = snapshot()
    dataset = MeasureResource().export(queryset=Measure.objects.order_by("slug")[:3])
    rows = list(dataset.dict)
    rows[0]["title_en"] = "Changed by the import"
    rows[2]["quote"] = "这句话不在来源文件里"
    bad = tablib.Dataset(headers=dataset.headers)
    for row in rows:
        bad.append([row[header] for header in dataset.headers])
    result = MeasureResource().import_data(bad, dry_run=False, use_transactions=True, user=SHELL)
    assert result.has_validation_errors()
    assert [error.number for error in result.invalid_rows] == [3]
    assert "quote" in result.invalid_rows[0].field_specific_errors
    assert snapshot() == before


def test_admin_preview_shows_rows_with_reasons_and_no_confirm_on_error(
    seeded_registry, db, api_client, django_user_model
):
    admin = django_user_model.objects.create_superuser("boss", password="pw-for-tests-only")
    api_client.force_login(admin)
    dataset = MeasureResource().export(queryset=Measure.objects.order_by("slug")[:2])
    rows = list(csv.DictReader(io.StringIO(dataset.csv)))
    rows[1]["start_year"] = "20250"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=dataset.headers)
    writer.writeheader()
    writer.writerows(rows)
    upload = io.BytesIO(buffer.getvalue().encode())
    upload.name = "measures.csv"
    response = api_client.post("/admin/measures/measure/import/", {"format": "0", "import_file": upload})
    page = response.content.decode()
    assert response.status_code == 200
    assert "start_year" in page and ("2100" in page or "Ensure" in page or "确保" in page)
    assert 'name="confirm"' not in page and "_confirm" not in page


def test_admin_exports_the_filtered_list_as_xlsx(seeded_registry, db, api_client, django_user_model):
    admin = django_user_model.objects.create_superuser("boss", password="pw-for-tests-only")
    api_client.force_login(admin)
    chosen = {f"measureresource_{name}": "on" for name in ("slug", "title", "status")}
    response = api_client.post("/admin/measures/measure/export/?status__exact=completed", {"format": "1", **chosen})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0] == ("slug", "title", "status")
    assert {row[2] for row in rows[1:]} == {"completed"}
    assert len(rows) - 1 == Measure.objects.filter(status="completed").count()
