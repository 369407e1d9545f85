"""Partner businesses now propose g2 (businesses taking part): forms installed before are marked pre-filled."""

from django.db import migrations


def mark_prefilled(apps, schema_editor):
    Indicator = apps.get_model("reports", "Indicator")
    Indicator.objects.filter(code="g2", kind="count").update(prefill=True)


class Migration(migrations.Migration):
    dependencies = [("reports", "0005_communities_propose_dd4")]

    operations = [migrations.RunPython(mark_prefilled, migrations.RunPython.noop)]
