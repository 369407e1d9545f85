# The data half of 0002, in its own migration (its own transaction on PostgreSQL, apart from the schema change).

from django.db import migrations

from lifelong.core.text import sort_key


def fill_sort_keys(apps, schema_editor):
    """Existing units get the key that orgs.services computes for new ones (lifelong.core.text.sort_key)."""
    OrgUnit = apps.get_model("orgs", "OrgUnit")
    batch = []
    for unit in OrgUnit.objects.only("pk", "name").order_by("pk").iterator(chunk_size=2000):
        unit.sort_key = sort_key(unit.name)
        batch.append(unit)
        if len(batch) == 1000:
            OrgUnit.objects.bulk_update(batch, ["sort_key"])
            batch = []
    OrgUnit.objects.bulk_update(batch, ["sort_key"])


class Migration(migrations.Migration):

    dependencies = [
        ('orgs', '0002_unit_sort_key'),
    ]

    operations = [
        migrations.RunPython(fill_sort_keys, migrations.RunPython.noop, elidable=True),
    ]
