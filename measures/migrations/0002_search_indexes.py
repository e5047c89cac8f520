"""Trigram indexes for the `q` filter on PostgreSQL (SQLite scans, which is fine at its scale).

`q` is a case-insensitive substring match, which Django writes as UPPER(column::text) LIKE UPPER(...);
a GIN index with gin_trgm_ops on exactly that expression serves it, Chinese included.
"""

from django.db import migrations

SEARCHED_COLUMNS = {
    "measures_measure": ["title", "title_en", "summary", "summary_en", "quote"],
    "measures_target": ["indicator", "indicator_en", "quote"],
    "measures_park": ["name", "name_en", "aliases"],
}


def index_name(table, column):
    return f"{table}_{column}_trgm"


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table, columns in SEARCHED_COLUMNS.items():
        for column in columns:
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS "{index_name(table, column)}" ON "{table}" '
                f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
            )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, columns in SEARCHED_COLUMNS.items():
        for column in columns:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{index_name(table, column)}"')


class Migration(migrations.Migration):
    dependencies = [("measures", "0001_initial")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
