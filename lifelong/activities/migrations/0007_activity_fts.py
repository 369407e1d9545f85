"""For the learning assistant (lifelong/assistant/sources.py): on PostgreSQL, a full-text index (GIN) on the
activities' folded text, the expression it asks when it looks for a question's words among the public activities;
and an index on the last session's end, by which it reads what is still to come."""

from django.db import migrations, models

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
        migrations.AddIndex(
            model_name="activity",
            index=models.Index(fields=["published", "ends_at"], name="activity_published_end"),
        ),
        migrations.AddIndex(
            model_name="activity",
            index=models.Index(fields=["published", "category", "ends_at"], name="activity_pub_category_end"),
        ),
    ]
