"""The a1 indicator's label no longer ends in "(có/không)": its unit column says so already, and pages
print the unit after the label ("... (có/không) (có/không)"). Forms installed before change here too."""

from django.db import migrations

SUFFIXES = {"label": " (có/không)", "label_en": " (yes/no)"}


def strip_suffix(apps, schema_editor):
    Indicator = apps.get_model("reports", "Indicator")
    for indicator in Indicator.objects.filter(code="a1", kind="yesno"):
        changed = False
        for field, suffix in SUFFIXES.items():
            value = getattr(indicator, field)
            if value.endswith(suffix):
                setattr(indicator, field, value[: -len(suffix)])
                changed = True
        if changed:
            indicator.save(update_fields=list(SUFFIXES))


class Migration(migrations.Migration):
    dependencies = [("reports", "0002_completenesscount")]

    operations = [migrations.RunPython(strip_suffix, migrations.RunPython.noop)]
