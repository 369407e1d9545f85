"""Remove activities that a session dated outside 2000–2100 made unreadable before the window existed.

Such a session (year 1 was possible through the API and the form) broke every page and feed that showed
its activity, for everyone (issue 11). No real activity is dated there, so the activity is removed with
its sessions and registrations, and an audit entry records what it was. A no-op on a clean database.
"""

from datetime import datetime, timezone

from django.db import migrations
from django.db.models import Q

EARLIEST = datetime(1999, 12, 31, tzinfo=timezone.utc)  # a day of margin either side of the local dates
LATEST = datetime(2101, 1, 2, tzinfo=timezone.utc)


def remove(apps, schema_editor):
    Activity = apps.get_model("activities", "Activity")
    Session = apps.get_model("activities", "Session")
    AuditEntry = apps.get_model("core", "AuditEntry")
    outside = Q(starts_at__lt=EARLIEST) | Q(starts_at__gt=LATEST) | Q(ends_at__lt=EARLIEST) | Q(ends_at__gt=LATEST)
    ids = set(Session.objects.filter(outside).values_list("activity_id", flat=True))
    if not ids:
        return
    # Never load a date of these rows: a year-1 time cannot even be turned into a Python datetime.
    for pk, unit_id, title in Activity.objects.filter(pk__in=ids).values_list("pk", "unit_id", "title"):
        AuditEntry.objects.create(action="activities.activity.deleted", target_type="activities.activity",
                                  target_id=str(pk), unit_id=unit_id,
                                  data={"title": title, "reason": "session dated outside 2000-2100"})
    Registration = apps.get_model("activities", "Registration")
    Registration.objects.filter(session__activity_id__in=ids).delete()
    Session.objects.filter(activity_id__in=ids).only("pk").delete()
    Activity.objects.filter(pk__in=ids).only("pk").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0003_session_dates_in_range"),
        ("core", "0002_initial"),
    ]

    operations = [migrations.RunPython(remove, migrations.RunPython.noop)]
