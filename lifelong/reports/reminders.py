"""Reminders to units that have not reported, and notices of returned reports.

A reminder goes to the members of the unit (in-app notification for each, one e-mail to all of
them). Every reminder is recorded in `ReminderLog` with a kind ("manual:<date>", "before_due",
"on_due", "returned:<event>"); the unique constraint on (campaign, unit, kind) makes a second identical
reminder impossible, even when two workers race. The sending itself runs as a background task
(lifelong.reports.tasks, run by `manage.py db_worker`).
"""

from datetime import date, timedelta

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lifelong.campaigns.models import Campaign
from lifelong.core.audit import audit_record
from lifelong.core.errors import PermissionDeniedError
from lifelong.orgs import permissions
from lifelong.orgs.models import OrgUnit, User
from lifelong.reports.models import ExpectedReporter, Notification, ReminderLog, Report, ReportEvent

BEFORE_DUE_DAYS = 3


def not_reported(campaign: Campaign):
    """Expected reporters, not excused, whose report is not submitted or accepted."""
    counted = Report.objects.filter(campaign=campaign, unit=OuterRef("unit"),
                                    status__in=[Report.Status.SUBMITTED, Report.Status.ACCEPTED])
    return ExpectedReporter.objects.filter(campaign=campaign, excused=False).exclude(Exists(counted))


def _already(campaign_id: int, kind: str, unit_ids) -> set[int]:
    return set(ReminderLog.objects.filter(campaign_id=campaign_id, kind=kind, unit_id__in=unit_ids)
               .values_list("unit_id", flat=True))


def remind_missing(*, actor, unit: OrgUnit, campaign: Campaign) -> int:
    """"Remind all that have not reported": queue one reminder per missing child; 0 if all were reminded today."""
    if not permissions.can_edit(actor, unit):
        raise PermissionDeniedError()
    kind = f"manual:{timezone.localdate().isoformat()}"
    unit_ids = list(not_reported(campaign).filter(parent=unit).values_list("unit_id", flat=True))
    unit_ids = [pk for pk in unit_ids if pk not in _already(campaign.pk, kind, unit_ids)]
    if unit_ids:
        from lifelong.reports.tasks import send_reminders

        send_reminders.enqueue(campaign.pk, unit_ids, kind)
    audit_record(actor=actor, action="reports.reminder.requested", target=unit, unit_id=unit.pk,
                 campaign=campaign.year, units=len(unit_ids))
    return len(unit_ids)


def queue_due_reminders(today: date | None = None) -> int:
    """The automatic reminders: 3 days before the due date and on it, to units that have not submitted."""
    from lifelong.reports.tasks import send_reminders

    today = today or timezone.localdate()
    queued = 0
    for campaign in Campaign.objects.all():
        for kind, due in (("before_due", today + timedelta(days=BEFORE_DUE_DAYS)), ("on_due", today)):
            unit_ids = list(not_reported(campaign).filter(due_date=due).values_list("unit_id", flat=True))
            unit_ids = [pk for pk in unit_ids if pk not in _already(campaign.pk, kind, unit_ids)]
            if unit_ids:
                send_reminders.enqueue(campaign.pk, unit_ids, kind)
                queued += len(unit_ids)
    return queued


def _members(unit_id: int) -> list[User]:
    return list(User.objects.filter(memberships__unit_id=unit_id, is_active=True).distinct())


def _deliver(*, campaign_id: int, unit: OrgUnit, kind: str, subject: str, message: str, url: str) -> bool:
    """Record and send one reminder; False when the unit already had this one."""
    members = _members(unit.pk)
    try:
        with transaction.atomic():
            ReminderLog.objects.create(campaign_id=campaign_id, unit=unit, kind=kind, recipients=len(members))
            Notification.objects.bulk_create([Notification(user=m, message=message, url=url) for m in members])
    except IntegrityError:
        return False
    emails = [m.email for m in members if m.email]
    if emails:
        send_mail(subject, f"{message}\n\n{url}", None, emails, fail_silently=True)
    return True


def send_reminders_now(campaign_id: int, unit_ids: list[int], kind: str) -> int:
    campaign = Campaign.objects.get(pk=campaign_id)
    sent = 0
    dues = dict(ExpectedReporter.objects.filter(campaign=campaign, unit_id__in=unit_ids)
                .values_list("unit_id", "due_date"))
    for unit in OrgUnit.objects.filter(pk__in=unit_ids):
        due = dues.get(unit.pk)
        message = _("%(unit)s has not yet sent its results report for %(campaign)s (due %(due)s).") % {
            "unit": unit.name, "campaign": campaign.name, "due": due.strftime("%d/%m/%Y") if due else "—"}
        url = reverse("report_edit", args=[unit.pk]) + f"?campaign={campaign.pk}"
        sent += _deliver(campaign_id=campaign.pk, unit=unit, kind=kind, subject=_("Reminder: results report"),
                         message=message, url=url)
    return sent


def notify_returned(event_id: int) -> None:
    from lifelong.reports.tasks import send_return_notice

    send_return_notice.enqueue(event_id)


def send_return_notice_now(event_id: int) -> bool:
    event = ReportEvent.objects.select_related("report__unit", "report__campaign").get(pk=event_id)
    report = event.report
    message = _("The results report of %(unit)s was returned for correction: %(comment)s") % {
        "unit": report.unit.name, "comment": event.comment}
    url = reverse("report_edit", args=[report.unit_id]) + f"?campaign={report.campaign_id}"
    return _deliver(campaign_id=report.campaign_id, unit=report.unit, kind=f"returned:{event.pk}",
                    subject=_("Results report returned"), message=message, url=url)


def unread_notifications(user):
    return Notification.objects.filter(Q(user=user) & Q(read_at__isnull=True))
