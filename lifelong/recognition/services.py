"""Writes of the recognition workflow: open a self-assessment, answer it, submit it, review it.

Who may do what:
- the subject's editors (a unit's own editors, the editors of a household's village or commune, the citizen
  themself) open, answer and submit; once submitted the dossier is read-only for them;
- the recognising body's editors review: return with comments, accept at a level (at most the level applied
  for), or refuse. The recognising body is resolved at submission from the scheme's `AuthorityRule`s and must
  lie strictly above the subject, so a commune never reviews itself; the person who submitted never reviews.
Every write checks the record's `version` against the one the person started from (ConflictError otherwise),
keeps `RecognitionTally` in step (lifelong.recognition.tally) and leaves an audit entry.
Decisions are in lifelong/recognition/decisions.py, households in households.py.
"""

import re
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from lifelong.core.audit import audit_record
from lifelong.core.errors import ConflictError, PermissionDeniedError, ValidationFailed
from lifelong.core.text import normalize_text, strip_control
from lifelong.learners.models import Certificate
from lifelong.orgs.models import OrgUnit
from lifelong.orgs.permissions import can_edit
from lifelong.recognition import notify, tally
from lifelong.recognition.models import (
    Answer,
    Assessment,
    AuthorityRule,
    Decision,
    Evidence,
    Household,
    Indicator,
    Scheme,
)
from lifelong.recognition.selectors import assessment_outcome, authority_rule_for, can_edit_assessment, can_review

MAX_COMMENT = 4000
MAX_NOTE = 4000


def multiline(value: str) -> str:
    """Text of several lines: each line normalised, blank runs kept to one empty line."""
    lines = [normalize_text(line) for line in strip_control(str(value)).replace("\r\n", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _fail(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(details=[{"field": field, "message": message}])


def _check_year(scheme: Scheme, year: int) -> None:
    this_year = timezone.localdate().year
    if not isinstance(year, int) or not 2000 <= year <= this_year:
        raise _fail("year", _("Choose a year between 2000 and %(year)s.") % {"year": this_year})
    if not scheme.applies_to_year(year):
        raise _fail("year", _("This scheme does not apply to %(year)s.") % {"year": year})
    if not scheme.active:
        raise _fail("scheme", _("This scheme is no longer offered for new self-assessments."))


def resolve_authority(scheme: Scheme, home: OrgUnit, subject_unit: OrgUnit | None,
                      level: int | None = None) -> OrgUnit | None:
    """The unit that recognises this subject, per the scheme's rules on the tree; None if none applies."""
    rule = authority_rule_for(scheme, home, level)
    if rule is None:
        return None
    base = subject_unit or home
    ancestors = list(OrgUnit.objects.filter(path__in=base.ancestor_paths()).order_by("-depth"))
    if subject_unit is None:  # a household: its own village or commune may be the one above it
        ancestors = [home, *ancestors]
    if rule.authority == AuthorityRule.Authority.UNIT:
        return rule.authority_unit
    if rule.authority == AuthorityRule.Authority.PARENT:
        return ancestors[0] if ancestors else None
    wanted = {AuthorityRule.Authority.COMMUNE: OrgUnit.Kind.COMMUNE, AuthorityRule.Authority.PROVINCE:
              OrgUnit.Kind.PROVINCE, AuthorityRule.Authority.MINISTRY: OrgUnit.Kind.MINISTRY}[rule.authority]
    return next((unit for unit in ancestors if unit.kind == wanted), None)


def _create(actor, scheme: Scheme, year: int, home: OrgUnit, **subject) -> Assessment:
    try:
        with transaction.atomic():
            assessment = Assessment.objects.create(scheme=scheme, year=year, home=home, created_by=actor, **subject)
    except IntegrityError:
        raise ConflictError(_("A self-assessment under this scheme already exists for %(year)s.") % {
            "year": year}) from None
    Answer.objects.bulk_create([Answer(assessment=assessment, indicator=indicator)
                                for indicator in Indicator.objects.filter(criterion__scheme=scheme)])
    tally.assessment_changed(assessment, None, (assessment.status, None))
    audit_record(actor=actor, action="recognition.assessment.opened", target=assessment, unit_id=home.pk,
                 scheme=scheme.code, year=year)
    return assessment


@transaction.atomic
def assessment_open_for_unit(*, actor, scheme: Scheme, year: int, unit: OrgUnit) -> Assessment:
    if not can_edit(actor, unit):
        raise PermissionDeniedError()
    if not scheme.rates_units or unit.kind not in scheme.unit_kinds():
        raise _fail("scheme", _("This scheme does not rate a unit of this kind."))
    _check_year(scheme, year)
    return _create(actor, scheme, year, unit, unit=unit)


@transaction.atomic
def assessment_open_for_household(*, actor, scheme: Scheme, year: int, household: Household) -> Assessment:
    # Locked, so that an erase of the household waits for this assessment (and counts it) or wins before it.
    household = Household.objects.select_for_update().select_related("unit").get(pk=household.pk)
    if not can_edit(actor, household.unit):
        raise PermissionDeniedError()
    if scheme.target != household.kind:
        raise _fail("scheme", _("This scheme does not rate a %(kind)s.") % {"kind": household.get_kind_display()})
    _check_year(scheme, year)
    return _create(actor, scheme, year, household.unit, household=household)


@transaction.atomic
def assessment_open_for_citizen(*, actor, scheme: Scheme, year: int, home_commune: OrgUnit | None) -> Assessment:
    if actor is None or not actor.is_authenticated:
        raise PermissionDeniedError()
    if scheme.target != Scheme.Target.CITIZEN:
        raise _fail("scheme", _("This scheme does not rate citizens."))
    if home_commune is None:
        raise _fail("home_commune", _("Choose your home commune or ward in your profile first: your result "
                                      "counts there."))
    _check_year(scheme, year)
    assessment = _create(actor, scheme, year, home_commune, citizen=actor)
    # The learning record pre-fills the evidence: the certificates of the year, linked (not copied).
    Evidence.objects.bulk_create([
        Evidence(assessment=assessment, kind=Evidence.Kind.RECORD, record_type=Evidence.Record.CERTIFICATE,
                 record_id=certificate.pk, added_by=actor,
                 title=f"Giấy chứng nhận {certificate.code}: {certificate.activity.title}"[:300])
        for certificate in Certificate.objects.filter(holder=actor, revoked_at__isnull=True, issued_at__year=year)
        .select_related("activity")[:20]])
    return assessment


def _check_version(assessment: Assessment, version: int | None) -> None:
    if version is not None and version != assessment.version:
        raise ConflictError()


def _locked(assessment: Assessment) -> Assessment:
    """The assessment re-read under a row lock, so two reviewers or editors act one after the other."""
    return (Assessment.objects.select_for_update(of=("self",))
            .select_related("scheme", "home", "unit", "household", "citizen").get(pk=assessment.pk))


def _bump(assessment: Assessment, fields: list[str]) -> None:
    assessment.version = F("version") + 1
    assessment.save(update_fields=[*fields, "version", "updated_at"])
    assessment.refresh_from_db(fields=["version"])


def _parse_points(raw, indicator: Indicator, errors: list, field: str) -> Decimal | None:
    if raw in (None, ""):
        return None
    try:
        value = Decimal(str(raw).replace(",", "."))
    except (InvalidOperation, ValueError):
        errors.append({"field": field, "message": _("Give a number of points.")})
        return None
    if not value.is_finite() or value < 0 or (indicator.max_points is not None and value > indicator.max_points) \
            or (value * 2) != (value * 2).to_integral_value():
        errors.append({"field": field, "message": _("Give between 0 and %(max)s points, in steps of 0.5.") % {
            "max": indicator.max_points if indicator.max_points is not None else 100}})
        return None
    return value


@transaction.atomic
def answers_save(*, actor, assessment: Assessment, answers: dict[int, dict], summary: str | None = None,
                 version: int | None = None) -> Assessment:
    """Save the answers given ({indicator id: {"met": bool|None, "points": …, "note": str}}) and the summary."""
    assessment = _locked(assessment)
    if not can_edit_assessment(actor, assessment):
        raise PermissionDeniedError()
    if not assessment.editable:
        raise ConflictError(_("This self-assessment has been submitted: it can no longer be changed."))
    _check_version(assessment, version)
    indicators = {i.pk: i for i in Indicator.objects.filter(criterion__scheme=assessment.scheme)}
    errors: list[dict] = []
    stored = {a.indicator_id: a for a in assessment.answers.all()}
    changed = []
    for key, given in answers.items():
        indicator = indicators.get(key)
        if indicator is None:
            errors.append({"field": f"indicator-{key}", "message": _("This indicator is not part of the scheme.")})
            continue
        answer = stored.get(key) or Answer(assessment=assessment, indicator=indicator)
        field = f"indicator-{key}"
        if assessment.scheme.is_points:
            answer.points = _parse_points(given.get("points"), indicator, errors, field)
        else:
            met = given.get("met")
            if met not in (None, True, False):
                errors.append({"field": field, "message": _("Answer met or not met.")})
            answer.met = met if met in (True, False) else None
        note = multiline(given.get("note") or "")
        if len(note) > MAX_NOTE:
            errors.append({"field": field, "message": _("Keep the note under %(n)s characters.") % {"n": MAX_NOTE}})
        answer.note = note[:MAX_NOTE]
        changed.append(answer)
    if summary is not None:
        summary = multiline(summary)
        if len(summary) > 20000:
            errors.append({"field": "summary", "message": _("Keep the summary under 20,000 characters.")})
    if errors:
        raise ValidationFailed(details=errors)
    for answer in changed:
        answer.save()
    fields = []
    if summary is not None:
        assessment.summary = summary
        fields.append("summary")
    outcome = assessment_outcome(assessment)
    if assessment.scheme.is_points:
        assessment.points_total = outcome.total
        fields.append("points_total")
    _bump(assessment, fields)
    audit_record(actor=actor, action="recognition.assessment.answered", target=assessment,
                 unit_id=assessment.home_id, answers=len(changed))
    return assessment


@transaction.atomic
def assessment_submit(*, actor, assessment: Assessment, level: int | None = None,
                      version: int | None = None) -> Assessment:
    """Submit the dossier at `level` (at most the level reached; the highest when not given)."""
    assessment = _locked(assessment)
    if not can_edit_assessment(actor, assessment):
        raise PermissionDeniedError()
    if not assessment.editable:
        raise ConflictError(_("This self-assessment has already been submitted."))
    _check_version(assessment, version)
    outcome = assessment_outcome(assessment)
    if outcome.level < 1:
        raise _fail("level", _("The self-assessment does not reach any level yet: complete the indicators "
                               "that are not met first."))
    level = outcome.level if level is None else level
    if not isinstance(level, int) or not 1 <= level <= outcome.level:
        raise _fail("level", _("Apply for a level between 1 and %(n)s, the level the self-assessment reaches.")
                    % {"n": outcome.level})
    before = (assessment.status, assessment.level_granted)
    now = timezone.now()
    assessment.level_applied, assessment.submitted_at, assessment.submitted_by = level, now, actor
    assessment.points_total = outcome.total
    if assessment.scheme.needs_review:
        authority = resolve_authority(assessment.scheme, assessment.home, assessment.unit, level)
        if authority is None or (assessment.unit_id and not assessment.unit.is_within(authority)) \
                or authority.pk == assessment.unit_id:
            raise _fail("level", _("No recognising body is configured above this unit for this scheme: ask the "
                                   "Ministry's administrator."))
        assessment.authority = authority
        assessment.status = Assessment.Status.SUBMITTED
    else:  # self-certified (Công dân học tập): passing is the result
        assessment.status, assessment.level_granted = Assessment.Status.RECOGNISED, level
        assessment.reviewed_at = now
    _bump(assessment, ["level_applied", "submitted_at", "submitted_by", "points_total", "authority", "status",
                       "level_granted", "reviewed_at"])
    tally.assessment_changed(assessment, before, (assessment.status, assessment.level_granted))
    audit_record(actor=actor, action="recognition.assessment.submitted", target=assessment,
                 unit_id=assessment.home_id, level=level)
    notify.dossier_submitted(assessment, actor)
    return assessment


def _review_target(actor, assessment: Assessment, version: int | None, allowed: tuple[str, ...]) -> Assessment:
    assessment = _locked(assessment)
    if not can_review(actor, assessment):
        raise PermissionDeniedError(_("Only the recognising body's officials, other than the person who "
                                      "submitted, may review this dossier."))
    _check_version(assessment, version)
    if assessment.status not in allowed:
        raise ConflictError(_("This dossier is no longer awaiting this decision (it is now: %(status)s).") % {
            "status": assessment.get_status_display()})
    return assessment


def _comment(comment: str, required: bool) -> str:
    comment = multiline(comment or "")
    if required and not comment:
        raise _fail("comment", _("Say what should be completed or why."))
    if len(comment) > MAX_COMMENT:
        raise _fail("comment", _("Keep the comments under %(n)s characters.") % {"n": MAX_COMMENT})
    return comment


def _reviewed(actor, assessment: Assessment, before: tuple, action: str, left_decision: int | None = None,
              **data) -> Assessment:
    assessment.reviewed_at, assessment.reviewed_by = timezone.now(), actor
    if left_decision:  # the draft decision's list changed: whoever holds it must read it again
        Decision.objects.filter(pk=left_decision).update(version=F("version") + 1)
    _bump(assessment, ["status", "level_granted", "review_comment", "reviewed_at", "reviewed_by", "decision"])
    tally.assessment_changed(assessment, before, (assessment.status, assessment.level_granted))
    audit_record(actor=actor, action=f"recognition.assessment.{action}", target=assessment,
                 unit_id=assessment.home_id, **data)
    notify.dossier_reviewed(assessment, actor)
    return assessment


@transaction.atomic
def assessment_return(*, actor, assessment: Assessment, comment: str, version: int | None = None) -> Assessment:
    """Back to the subject for completion, with comments; it keeps its answers and evidence."""
    assessment = _review_target(actor, assessment, version,
                                (Assessment.Status.SUBMITTED, Assessment.Status.ACCEPTED))
    before = (assessment.status, assessment.level_granted)
    assessment.review_comment = _comment(comment, required=True)
    left = assessment.decision_id
    assessment.status, assessment.level_granted, assessment.decision = Assessment.Status.DRAFT, None, None
    return _reviewed(actor, assessment, before, "returned", left_decision=left)


@transaction.atomic
def assessment_accept(*, actor, assessment: Assessment, level: int | None = None, comment: str = "",
                      version: int | None = None) -> Assessment:
    assessment = _review_target(actor, assessment, version, (Assessment.Status.SUBMITTED,))
    level = assessment.level_applied if level is None else level
    if not isinstance(level, int) or not 1 <= level <= (assessment.level_applied or 0):
        raise _fail("level", _("Recognise at a level between 1 and %(n)s, the level applied for.") % {
            "n": assessment.level_applied})
    before = (assessment.status, assessment.level_granted)
    assessment.review_comment = _comment(comment, required=False)
    assessment.status, assessment.level_granted = Assessment.Status.ACCEPTED, level
    return _reviewed(actor, assessment, before, "accepted", level=level)


@transaction.atomic
def assessment_refuse(*, actor, assessment: Assessment, comment: str, version: int | None = None) -> Assessment:
    assessment = _review_target(actor, assessment, version, (Assessment.Status.SUBMITTED, Assessment.Status.ACCEPTED))
    before = (assessment.status, assessment.level_granted)
    assessment.review_comment = _comment(comment, required=True)
    left = assessment.decision_id
    assessment.status, assessment.level_granted, assessment.decision = Assessment.Status.REFUSED, None, None
    return _reviewed(actor, assessment, before, "refused", left_decision=left)


@transaction.atomic
def assessment_delete(*, actor, assessment: Assessment) -> None:
    """A draft can be dropped by its editors (a citizen's by the citizen, at any time: their data)."""
    assessment = _locked(assessment)
    if not can_edit_assessment(actor, assessment, any_status=bool(assessment.citizen_id)):
        raise PermissionDeniedError()
    if not assessment.editable and not assessment.citizen_id:
        raise ConflictError(_("A submitted self-assessment cannot be deleted."))
    erase_assessment(assessment)
    audit_record(actor=actor, action="recognition.assessment.deleted", target=assessment, unit_id=assessment.home_id)


def delete_files_on_commit(assessment: Assessment) -> None:
    """The evidence files go with their assessment, once the deletion is committed (NĐ 13/2023: erasable)."""
    files = [item.file for item in assessment.evidence.exclude(file="")]
    if files:
        transaction.on_commit(lambda: [stored.storage.delete(stored.name) for stored in files])


def erase_assessment(assessment: Assessment) -> None:
    """Delete one assessment with its counts, its files, and the version of a draft decision listing it."""
    tally.assessment_changed(assessment, (assessment.status, assessment.level_granted), None)
    if assessment.decision_id:
        Decision.objects.filter(pk=assessment.decision_id).update(version=F("version") + 1)
    delete_files_on_commit(assessment)
    assessment.delete()


@transaction.atomic
def citizen_data_erase(*, user) -> int:
    """A learner deletes their account: their self-assessments go, with their evidence and their counts."""
    erased = 0
    for assessment in (Assessment.objects.select_for_update(of=("self",)).filter(citizen=user)
                       .select_related("home", "scheme")):
        erase_assessment(assessment)
        erased += 1
    return erased
