"""Install the schemes shipped as data (lifelong/recognition/schemes/*.json) on every database."""

from types import SimpleNamespace

from django.db import migrations


def install(apps, schema_editor):
    from lifelong.recognition.schemes import schemes_install

    names = ["Scheme", "Level", "Criterion", "Indicator", "AuthorityRule", "Assessment"]
    schemes_install(SimpleNamespace(**{name: apps.get_model("recognition", name) for name in names}))


class Migration(migrations.Migration):
    dependencies = [("recognition", "0001_initial")]
    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
