"""The learning communities now propose dd4 (clubs, forums and online groups opened in the year): forms
installed before are marked pre-filled too."""

from django.db import migrations


def mark_prefilled(apps, schema_editor):
    Indicator = apps.get_model("reports", "Indicator")
    Indicator.objects.filter(code="dd4", kind="count").update(prefill=True)


class Migration(migrations.Migration):
    dependencies = [("reports", "0004_library_proposes_dd1_dd3")]

    operations = [migrations.RunPython(mark_prefilled, migrations.RunPython.noop)]
