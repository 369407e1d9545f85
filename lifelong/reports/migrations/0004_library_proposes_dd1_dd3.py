"""The library now proposes dd1–dd3 (new and extended digital shelves, resources shared): forms installed
before are marked pre-filled too, so their reports show the proposals beside the fields."""

from django.db import migrations


def mark_prefilled(apps, schema_editor):
    Indicator = apps.get_model("reports", "Indicator")
    Indicator.objects.filter(code__in=["dd1", "dd2", "dd3"], kind="count").update(prefill=True)


class Migration(migrations.Migration):
    dependencies = [("reports", "0003_a1_label_without_yes_no")]

    operations = [migrations.RunPython(mark_prefilled, migrations.RunPython.noop)]
