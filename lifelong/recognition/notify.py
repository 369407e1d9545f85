"""In-app notifications of the recognition workflow (the platform's notification list, lifelong.reports).

Who hears what: the recognising body's officials when a unit submits; the unit's officials when their dossier
is accepted, returned or refused, and when a decision recognising them is issued. Only the officials of the
unit itself (not of every level above), and one message per unit for a decision listing hundreds of
households, so that nobody is flooded.
"""

from django.urls import reverse

from lifelong.orgs.models import Membership, OrgUnit
from lifelong.recognition.models import Assessment, Decision
from lifelong.reports.models import Notification

_ROLES = [Membership.Role.EDITOR, Membership.Role.ADMIN]


def _tell(units: list[OrgUnit], message: str, url: str, *, skip_user_id: int | None = None) -> int:
    users = (Membership.objects.filter(unit__in=units, role__in=_ROLES, user__is_active=True)
             .exclude(user_id=skip_user_id).values_list("user_id", flat=True).distinct())
    rows = [Notification(user_id=user_id, message=message[:1000], url=url) for user_id in users]
    Notification.objects.bulk_create(rows)
    return len(rows)


def _title(assessment: Assessment) -> str:
    return f"“{assessment.scheme.title}” năm {assessment.year}"


def dossier_submitted(assessment: Assessment, actor) -> None:
    if assessment.unit_id is None or assessment.authority_id is None:
        return
    _tell([assessment.authority], f"{assessment.unit.name} đã gửi hồ sơ đề nghị công nhận {_title(assessment)}.",
          reverse("recognition_assessment", args=[assessment.pk]), skip_user_id=actor.pk)


def dossier_reviewed(assessment: Assessment, actor) -> None:
    if assessment.unit_id is None:
        return
    said = {Assessment.Status.ACCEPTED: "đã được chấp thuận, chờ quyết định công nhận",
            Assessment.Status.DRAFT: "được trả lại để bổ sung", Assessment.Status.REFUSED: "không được công nhận"}
    _tell([assessment.unit], f"Hồ sơ {_title(assessment)} của {assessment.unit.name} {said[assessment.status]}"
          f" ({assessment.authority.name}).", reverse("recognition_assessment", args=[assessment.pk]),
          skip_user_id=actor.pk)


def decision_issued(decision: Decision, actor) -> None:
    homes = OrgUnit.objects.filter(pk__in=decision.assessments.values("home_id"))
    number = f"số {decision.number}/{decision.symbol} " if decision.number else ""
    _tell(list(homes), f"{decision.authority.name} đã ban hành quyết định {number}công nhận “{decision.scheme.title}”"
          f" năm {decision.year}.", reverse("recognition_decision", args=[decision.pk]), skip_user_id=actor.pk)
