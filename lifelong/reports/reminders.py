"""Reminders to units that have not reported, and notices of returned reports.

A reminder is decided in the request (or the daily command) by writing a `ReminderLog` row; the
unique constraint on (campaign, unit, kind) makes a second identical reminder impossible, so a
second click the same day finds every unit already reminded and queues nothing. A background task
(lifelong.reports.tasks, run by `manage.py db_worker`) then delivers each row once: an in-app
notification for each member of the unit and one e-mail to all of them.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lifelong.campaigns.models import Campaign
from lifelong.core.audit import audit_record
from lifelong.core.errors import PermissionDeniedError
from lifelong.orgs import permissions
from lifelong.orgs.models import Membership, OrgUnit, User
from lifelong.reports.models import ExpectedReporter, Notification, ReminderLog, Report, ReportEvent

BEFORE_DUE_DAYS = 3


def not_reported(campaign: Campaign):
    """Expected reporters, not excused, whose report is not submitted or accepted."""
    counted = Report.objects.filter(campaign=campaign, unit=OuterRef("unit"),
                                    status__in=[Report.Status.SUBMITTED, Report.Status.ACCEPTED])
    return ExpectedReporter.objects.filter(campaign=campaign, excused=False).exclude(Exists(counted))


def _report_url(unit_id: int, campaign_id: int) -> str:
    return reverse("report_edit", args=[unit_id]) + f"?campaign={campaign_id}"


def _decide(campaign: Campaign, reporters, kind: str) -> list[int]:
    """Write one log row per unit not yet reminded with this kind; the ids of the rows written."""
    created = []
    for reporter in reporters.select_related("unit"):
        message = _("%(unit)s has not yet sent its results report for %(campaign)s (due %(due)s).") % {
            "unit": reporter.unit.name, "campaign": campaign.name, "due": reporter.due_date.strftime("%d/%m/%Y")}
        try:
            with transaction.atomic():
                log = ReminderLog.objects.create(campaign=campaign, unit=reporter.unit, kind=kind, message=message,
                                                 url=_report_url(reporter.unit_id, campaign.pk))
        except IntegrityError:
            continue
        created.append(log.pk)
    return created


def _queue(log_ids: list[int]) -> None:
    if log_ids:
        from lifelong.reports.tasks import deliver_reminders

        transaction.on_commit(lambda: deliver_reminders.enqueue(log_ids))


@dataclass
class RemindResult:
    units: int  # reminders queued (units not yet reminded today)
    people: int  # accounts they will reach (in-app, and by e-mail where the account has an address)
    unreachable: list[OrgUnit]  # units that have not reported and have no account to remind
    already: int = 0  # units that could be reminded but were already reminded today


def recipients_of(unit_ids) -> dict[int, int]:
    """How many active accounts each unit has (who a reminder reaches), in one query."""
    rows = (Membership.objects.filter(unit_id__in=list(unit_ids), user__is_active=True)
            .values("unit_id").annotate(n=Count("user", distinct=True)))
    return {row["unit_id"]: row["n"] for row in rows}


@transaction.atomic
def remind_missing(*, actor, unit: OrgUnit, campaign: Campaign) -> RemindResult:
    """"Remind all that have not reported": one reminder per missing child, at most one a day.

    A unit with no account cannot be reminded: it is named in the result, so the officer can invite one.
    """
    if not permissions.can_edit(actor, unit):
        raise PermissionDeniedError()
    missing = not_reported(campaign).filter(parent=unit)
    reachable = recipients_of(missing.values_list("unit_id", flat=True))
    unreachable = [r.unit for r in missing.select_related("unit") if not reachable.get(r.unit_id)]
    kind = f"manual:{timezone.localdate().isoformat()}"
    log_ids = _decide(campaign, missing.filter(unit_id__in=list(reachable)), kind)
    _queue(log_ids)
    people = sum(reachable.get(unit_id, 0) for unit_id in
                 ReminderLog.objects.filter(pk__in=log_ids).values_list("unit_id", flat=True))
    audit_record(actor=actor, action="reports.reminder.requested", target=unit, unit_id=unit.pk,
                 campaign=campaign.year, units=len(log_ids), people=people, unreachable=len(unreachable))
    return RemindResult(units=len(log_ids), people=people, unreachable=unreachable,
                        already=len(reachable) - len(log_ids))


@transaction.atomic
def queue_due_reminders(today: date | None = None) -> int:
    """The automatic reminders: 3 days before the due date and on it, to units that have not submitted."""
    today = today or timezone.localdate()
    log_ids: list[int] = []
    for campaign in Campaign.objects.all():
        for kind, due in (("before_due", today + timedelta(days=BEFORE_DUE_DAYS)), ("on_due", today)):
            log_ids += _decide(campaign, not_reported(campaign).filter(due_date=due), kind)
    _queue(log_ids)
    return len(log_ids)


@transaction.atomic
def notify_returned(event: ReportEvent) -> None:
    report = event.report
    message = _("The results report of %(unit)s was returned for correction: %(comment)s") % {
        "unit": report.unit.name, "comment": event.comment}
    log = ReminderLog.objects.create(campaign_id=report.campaign_id, unit_id=report.unit_id,
                                     kind=f"returned:{event.pk}", message=message,
                                     url=_report_url(report.unit_id, report.campaign_id))
    _queue([log.pk])


def deliver(log_ids: list[int]) -> int:
    """Deliver the reminders not delivered yet (the worker's job); returns how many were delivered."""
    delivered = 0
    for log_id in log_ids:
        with transaction.atomic():
            log = ReminderLog.objects.select_for_update().filter(pk=log_id, delivered_at__isnull=True).first()
            if log is None:
                continue
            members = list(User.objects.filter(memberships__unit_id=log.unit_id, is_active=True).distinct())
            Notification.objects.bulk_create([Notification(user=m, message=log.message, url=log.url)
                                              for m in members])
            log.delivered_at, log.recipients = timezone.now(), len(members)
            log.save(update_fields=["delivered_at", "recipients"])
        emails = [m.email for m in members if m.email]
        if emails:
            subject = _("Results report returned") if log.kind.startswith("returned:") else _(
                "Reminder: results report")
            send_mail(subject, f"{log.message}\n\n{log.url}", None, emails, fail_silently=True)
        delivered += 1
    return delivered
