"""The public list on PostgreSQL (issue 18, docs/benchmarks.md): indexes that answer it from the index alone.

- activity_public_province and activity_public_start: the published activities of a province (or of the whole
  country) in order of start, each entry holding what the list filters on (end, status, folded text). The list's
  ids are read from them without visiting the table, the search words compared on the entries
  (selectors.public_activity_ids).
- activity_span: the span (last end minus first start) of published activities, so that the longest one is one
  read; the list of what has not yet ended starts its index scan at now minus that span
  (selectors._still_running_or_to_come).

Other databases keep the indexes of the model (SQLite is the embedded default; its lists are small)."""

from django.db import migrations

INDEXES = {
    "activity_public_province": "(province_id, starts_at, id) INCLUDE (ends_at, status, search_key) WHERE published",
    "activity_public_start": "(starts_at, id) INCLUDE (ends_at, status, search_key) WHERE published",
    "activity_span": "((ends_at - starts_at)) WHERE published",
}


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, definition in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON activities_activity {definition}")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):

    dependencies = [
        ("activities", "0008_offline_check_in"),
    ]

    operations = [
        migrations.RunPython(add_indexes, drop_indexes),
    ]
