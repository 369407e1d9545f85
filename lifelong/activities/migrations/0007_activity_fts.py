"""On PostgreSQL, a full-text index (GIN) on the activities' folded text, the expression the learning assistant
asks when it looks for a question's words among the public activities (lifelong/assistant/sources.py)."""

from django.db import migrations

FTS_INDEX = ("CREATE INDEX IF NOT EXISTS activity_search_fts ON activities_activity "
             "USING gin (to_tsvector('simple'::regconfig, COALESCE(search_key, ''::text)))")


def add_fts_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FTS_INDEX)


def drop_fts_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS activity_search_fts")


class Migration(migrations.Migration):

    dependencies = [
        ("activities", "0006_registration_reminded_at"),
    ]

    operations = [
        migrations.RunPython(add_fts_index, drop_fts_index),
    ]
