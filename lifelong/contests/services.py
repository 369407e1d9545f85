"""Writes of contests: a unit's editors make a contest for a campaign, its rounds, and publish it.

A contest's settings are edited with its version (two editors at once: the second is told, nothing is
overwritten). A round that has attempts keeps its questions count and duration (changing them would make papers
unequal); its closing may still be moved later.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from lifelong.campaigns.models import Campaign
from lifelong.contests.models import Contest, Round
from lifelong.contests.ranking import display_name, ranking
from lifelong.core.audit import audit_record
from lifelong.core.errors import ConflictError, PermissionDeniedError, ValidationFailed
from lifelong.core.text import normalize_text
from lifelong.learners.certificates import certificates_award
from lifelong.orgs.models import OrgUnit
from lifelong.orgs.permissions import can_edit

CONTEST_FIELDS = ("title", "rules", "prizes", "prediction_question")


def _clean_contest(data: dict, errors: list) -> dict:
    cleaned = {
        "title": normalize_text(data.get("title") or "")[:300],
        "rules": (data.get("rules") or "").strip()[:20000],
        "prizes": (data.get("prizes") or "").strip()[:5000],
        "prediction_question": normalize_text(data.get("prediction_question") or "")[:300],
    }
    if not cleaned["title"]:
        errors.append({"field": "title", "message": _("Give the contest's title.")})
    return cleaned


@transaction.atomic
def contest_create(*, actor, unit: OrgUnit, campaign: Campaign, data: dict, residents_of: OrgUnit | None = None,
                   activity=None) -> Contest:
    if not can_edit(actor, unit):
        raise PermissionDeniedError()
    errors: list[dict] = []
    cleaned = _clean_contest(data, errors)
    if residents_of is not None and not residents_of.path.startswith(unit.path) and \
            not unit.path.startswith(residents_of.path):
        errors.append({"field": "residents_of", "message": _("Choose your unit or a unit under it.")})
    if activity is not None and (activity.unit_id != unit.pk or activity.category.code != "competition"):
        errors.append({"field": "activity", "message": _("Choose one of your unit's contest activities (kind e).")})
    if errors:
        raise ValidationFailed(details=errors)
    contest = Contest.objects.create(unit=unit, campaign=campaign, residents_of=residents_of, activity=activity,
                                     **cleaned)
    audit_record(actor=actor, action="contests.contest.created", target=contest, unit_id=unit.pk)
    return contest


@transaction.atomic
def contest_update(*, actor, contest: Contest, version: int, data: dict, published: bool | None = None,
                   prediction_answer: int | None = None, activity=None, residents_only: bool | None = None) -> Contest:
    if not can_edit(actor, contest.unit):
        raise PermissionDeniedError()
    errors: list[dict] = []
    cleaned = _clean_contest(data, errors)
    if prediction_answer is not None and not 0 <= prediction_answer < 10**12:
        errors.append({"field": "prediction_answer", "message": _("Give a whole number.")})
    if activity is not None and (activity.unit_id != contest.unit_id or activity.category.code != "competition"):
        errors.append({"field": "activity", "message": _("Choose one of your unit's contest activities (kind e).")})
    if published and not contest.rounds.exists():
        errors.append({"field": "published", "message": _("Add a round before publishing the contest.")})
    if published and not contest.questions.filter(active=True).exists():
        errors.append({"field": "published", "message": _("Import the questions before publishing the contest.")})
    if errors:
        raise ValidationFailed(details=errors)
    changes = {**cleaned, "prediction_answer": prediction_answer, "activity": activity}
    if residents_only is not None:  # the organiser's own subtree, or anyone
        changes["residents_of"] = contest.unit if residents_only else None
    if published is not None:
        changes["published"] = published
    if not Contest.objects.filter(pk=contest.pk, version=version).update(version=F("version") + 1, **changes):
        raise ConflictError()
    contest.refresh_from_db()
    audit_record(actor=actor, action="contests.contest.updated", target=contest, unit_id=contest.unit_id)
    return contest


@transaction.atomic
def round_save(*, actor, contest: Contest, data: dict, round_: Round | None = None) -> Round:
    """Add a round to the contest, or change one (a round already sat keeps its paper's size and time)."""
    if not can_edit(actor, contest.unit):
        raise PermissionDeniedError()
    errors = []
    name = normalize_text(data.get("name") or "")[:200]
    opens_at, closes_at = data.get("opens_at"), data.get("closes_at")
    if not name:
        errors.append({"field": "name", "message": _("Give the round a name.")})
    if not opens_at or not closes_at or closes_at <= opens_at:
        errors.append({"field": "closes_at", "message": _("The round closes after it opens.")})
    elif closes_at - opens_at > timedelta(days=366):
        errors.append({"field": "closes_at", "message": _("A round lasts at most a year.")})
    limits = {"question_count": (1, 200), "duration_minutes": (1, 600), "official_attempts": (1, 10)}
    numbers = {}
    for field, (low, high) in limits.items():
        value = data.get(field)
        if not isinstance(value, int) or not low <= value <= high:
            errors.append({"field": field, "message": _("Give a number from %(low)s to %(high)s.") % {
                "low": low, "high": high}})
        numbers[field] = value
    if round_ is not None and round_.attempts.exists() and not errors and (
            numbers["question_count"] != round_.question_count or numbers["duration_minutes"] !=
            round_.duration_minutes or opens_at != round_.opens_at):
        errors.append({"field": "question_count", "message": _(
            "People have sat this round: its opening, questions and time can no longer change.")})
    if errors:
        raise ValidationFailed(details=errors)
    round_ = round_ or Round(contest=contest)
    round_.name, round_.opens_at, round_.closes_at = name, opens_at, closes_at
    round_.practice = bool(data.get("practice", True))
    for field, value in numbers.items():
        setattr(round_, field, value)
    round_.save()
    audit_record(actor=actor, action="contests.round.saved", target=round_, unit_id=contest.unit_id)
    return round_


def winners_certify(*, actor, round_: Round, awards: list[str]) -> list:
    """Certificates for the round's winners through the learners' certificates: `awards` names the prize of each
    place from the first ("Giải Nhất", "Giải Nhì" …). The contest must be announced by an activity (kind e),
    which the certificates name."""
    contest = round_.contest
    if not can_edit(actor, contest.unit):
        raise PermissionDeniedError()
    if contest.activity is None:
        raise ValidationFailed(details=[{"field": "activity", "message": _(
            "Link the contest to its activity (kind e) first: the certificates name it.")}])
    awards = [normalize_text(a)[:200] for a in awards if normalize_text(a)][:100]
    if not awards:
        raise ValidationFailed(details=[{"field": "awards", "message": _("Write the prizes, one per line.")}])
    places = ranking(round_)
    winners = [(place.attempt.user, display_name(place.attempt.user), award)
               for place, award in zip(places, awards, strict=False)]
    made = certificates_award(actor=actor, activity=contest.activity, winners=winners)
    audit_record(actor=actor, action="contests.winners.certified", target=round_, unit_id=contest.unit_id,
                 count=len(made))
    return made
