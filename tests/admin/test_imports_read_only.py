"""Fields read-only everywhere else are exported, and an import may repeat them but never change them."""

import pytest
import tablib

from measures.models import Measure, Source, Target
from measures.resources import MeasureResource, SourceResource, TargetResource


def rows_of(resource, **changes):
    """The records as exported, with `changes` made to every row."""
    exported = resource().export()
    changed = tablib.Dataset()
    changed.dict = [{**row, **changes} for row in exported.dict]
    return changed


def errors_by_field(result):
    return [sorted(row.field_specific_errors) for row in result.invalid_rows]


def stored(model, *names):
    return sorted(model.objects.values_list("slug", *names))


@pytest.mark.parametrize(
    ("resource", "model", "field", "value"),
    [
        (SourceResource, Source, "text", "另一段文字"),
        (SourceResource, Source, "raw_text", "另一段原文"),
        (SourceResource, Source, "sha256", "0" * 64),
        (MeasureResource, Measure, "quote_offset", 1),
        (TargetResource, Target, "quote_offset", 1),
    ],
)
def test_a_row_changing_a_read_only_field_is_refused_naming_it(registry, resource, model, field, value):
    before = stored(model, field)
    result = resource().import_data(rows_of(resource, **{field: value}))
    assert errors_by_field(result) == [[field]] * model.objects.count()
    assert stored(model, field) == before


@pytest.mark.parametrize("resource", [SourceResource, MeasureResource, TargetResource])
def test_a_row_repeating_read_only_fields_imports_unchanged(registry, resource):
    result = resource().import_data(rows_of(resource))
    assert not result.has_errors() and not result.has_validation_errors()
    assert {row.import_type for row in result.rows} == {"skip"}


def test_exports_show_the_read_only_fields(registry):
    assert {"text", "raw_text", "sha256"} <= set(SourceResource().export().headers)
    assert "quote_offset" in MeasureResource().export().headers
    assert "quote_offset" in TargetResource().export().headers


def test_a_row_for_an_unknown_source_is_refused(registry):
    rows = rows_of(SourceResource, slug="not-ingested", sha256="f" * 64)
    result = SourceResource().import_data(rows)
    assert errors_by_field(result) == [["slug"]] * len(rows)
    assert not Source.objects.filter(slug="not-ingested").exists()
