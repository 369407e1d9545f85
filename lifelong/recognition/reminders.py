"""Reminders before the dossier deadlines, to the units that have not applied.

Run daily (`manage.py send_recognition_reminders`). For each scheme that rates units and is reviewed, the
rated year is last year and each unit's dossier is due on its authority rule's date this year. 30 and 7 days
before that date, every unit of the rated kinds that has not submitted a dossier for that year gets one
in-app notification per official and one e-mail; `ReminderSent` (unique per unit, scheme, year and days
before) makes a second run the same day send nothing.
"""

from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from lifelong.orgs.models import Membership, OrgUnit
from lifelong.recognition.models import Assessment, ReminderSent, Scheme
from lifelong.recognition.selectors import authority_rule_for, due_day
from lifelong.reports.models import Notification

DAYS_BEFORE = (30, 7)


def _send(unit: OrgUnit, scheme: Scheme, year: int, due: date) -> int:
    message = (f"{unit.name}: hạn gửi hồ sơ đề nghị công nhận “{scheme.title}” năm {year} là ngày "
               f"{due:%d/%m/%Y}. Đơn vị chưa gửi hồ sơ.")
    url = reverse("recognition_unit", args=[unit.pk])
    members = list(Membership.objects.filter(unit=unit, user__is_active=True,
                                             role__in=[Membership.Role.EDITOR, Membership.Role.ADMIN])
                   .select_related("user"))
    Notification.objects.bulk_create([Notification(user=m.user, message=message, url=url) for m in members])
    addresses = sorted({m.user.email for m in members if m.user.email})
    if addresses:
        send_mail(f"Nhắc hạn hồ sơ “{scheme.title}” năm {year}", f"{message}\n\n{settings.SITE_URL}{url}",
                  None, addresses, fail_silently=True)
    return len(members)


def send_recognition_reminders(today: date | None = None) -> int:
    """Remind the units due in 30 or 7 days; returns how many units were reminded."""
    today = today or timezone.localdate()
    year = today.year - 1
    reminded = 0
    for scheme in Scheme.objects.filter(needs_review=True, active=True).exclude(target__in=[
            Scheme.Target.FAMILY, Scheme.Target.CLAN, Scheme.Target.CITIZEN]):
        if not scheme.applies_to_year(year):
            continue
        rules = list(scheme.authority_rules.select_related("within"))
        applied = set(Assessment.objects.filter(scheme=scheme, year=year).exclude(status=Assessment.Status.DRAFT)
                      .values_list("unit_id", flat=True))
        for unit in OrgUnit.objects.filter(kind__in=scheme.unit_kinds()).select_related(None).iterator(2000):
            if unit.pk in applied:
                continue
            rule = authority_rule_for(scheme, unit, rules=rules)
            if rule is None:
                continue
            due = due_day(today.year, rule.dossier_due_month, rule.dossier_due_day)
            days = (due - today).days
            if days not in DAYS_BEFORE:
                continue
            try:
                with transaction.atomic():
                    ReminderSent.objects.create(unit=unit, scheme=scheme, year=year, days_before=days)
                    _send(unit, scheme, year, due)
            except IntegrityError:
                continue
            reminded += 1
    return reminded
