"""The day-before reminder of a learner's registrations (in the app and by e-mail), for those who asked.

Run once a day (cron, like the reports' reminders): `manage.py send_learner_reminders`. A registration is
reminded once (`Registration.reminded_at`, set under the row's lock), so running it twice sends nothing twice.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from lifelong.activities.models import Registration
from lifelong.core.audit import audit_record
from lifelong.learners.models import Consent
from lifelong.reports.models import Notification


def due_tomorrow(today=None):
    today = today or timezone.localdate()
    tz = timezone.get_current_timezone()
    start = timezone.datetime.combine(today + timedelta(days=1), timezone.datetime.min.time(), tzinfo=tz)
    wanted = Consent.objects.filter(purpose=Consent.Purpose.REMINDERS, withdrawn_at__isnull=True)
    return (Registration.objects.filter(
        account__isnull=False, account__in=wanted.values("user"), reminded_at__isnull=True,
        status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITING],
        session__starts_at__gte=start, session__starts_at__lt=start + timedelta(days=1))
        .select_related("account", "session__activity"))


def send_learner_reminders(today=None) -> int:
    """Remind every learner who asked of tomorrow's sessions; how many registrations were reminded."""
    sent = 0
    for registration in due_tomorrow(today):
        with transaction.atomic():
            fresh = Registration.objects.select_for_update().filter(pk=registration.pk,
                                                                     reminded_at__isnull=True).first()
            if fresh is None:
                continue
            fresh.reminded_at = timezone.now()
            fresh.save(update_fields=["reminded_at"])
            activity = registration.session.activity
            when = formats.date_format(timezone.localtime(registration.session.starts_at), "SHORT_DATETIME_FORMAT")
            message = _("Tomorrow: %(title)s, %(when)s%(place)s.") % {
                "title": activity.title, "when": when,
                "place": f" · {activity.venue_name}" if activity.venue_name else ""}
            url = reverse("ticket", args=[registration.code])
            Notification.objects.create(user=registration.account, message=message, url=url)
            email = registration.account.email
            if email:
                subject = _("Reminder: %(title)s") % {"title": activity.title[:100]}
                link = settings.SITE_URL.rstrip("/") + url
                transaction.on_commit(lambda e=email, s=subject, body=f"{message}\n\n{link}": send_mail(
                    s, body, None, [e], fail_silently=True))
        sent += 1
    audit_record(actor=None, action="learners.reminders.sent", count=sent)
    return sent
