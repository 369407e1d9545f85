"""/api/v1 endpoints of recognition: the schemes (public), a unit's counts and rates (public, like the page),
its self-assessments, and one self-assessment's answers, submission and review, for a province's own system
or a ministry analyst. Indicators are named by their code within the scheme ("1.3", "CS4")."""

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Literal

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from lifelong.core.api import AUTH, OPTIONAL_AUTH
from lifelong.core.errors import PermissionDeniedError, ValidationFailed
from lifelong.core.schema import Count, Id, Text
from lifelong.orgs import permissions
from lifelong.orgs import selectors as org_selectors
from lifelong.recognition import rates, selectors, services
from lifelong.recognition.models import Assessment, Indicator, Scheme

router = Router(tags=["recognition"])
Year = Annotated[int, Field(ge=2000, le=2100)]


class RecognitionIndicatorOut(Schema):
    code: str
    text: str
    level: int
    max_points: int | None
    min_points: int | None
    confirmed: bool


class RecognitionCriterionOut(Schema):
    code: str
    title: str
    confirmed: bool
    indicators: list[RecognitionIndicatorOut]


class RecognitionSchemeOut(Schema):
    id: int
    code: str
    title: str
    target: str
    rated_kinds: list[str]
    method: str
    pass_total: int | None
    levels: dict[int, str]
    source_number: str
    source_issuer: str
    valid_from: int
    valid_to: int | None
    confirmed: bool
    note: str
    target_percent: int | None
    criteria: list[RecognitionCriterionOut]


class RecognitionRateOut(Schema):
    scheme: str
    title: str
    eligible: int
    applied: int
    accepted: int
    recognised: int
    per_level: dict[int, int]
    rate: Decimal | None
    target_percent: int | None


class RecognitionAnswerOut(Schema):
    met: bool | None
    points: Decimal | None
    note: str


class RecognitionAssessmentOut(Schema):
    id: int
    scheme: str
    year: int
    subject: str
    unit_id: int | None
    status: str
    version: int
    level_reached: int
    level_applied: int | None
    level_granted: int | None
    points_total: Decimal | None
    authority_id: int | None
    submitted_at: datetime | None
    review_comment: str
    answers: dict[str, RecognitionAnswerOut]


class RecognitionAnswerIn(Schema):
    met: bool | None = None
    points: Annotated[Decimal, Field(ge=0, le=100, max_digits=5, decimal_places=1)] | None = None
    note: Text(4000) = ""


class RecognitionAnswersIn(Schema):
    version: Count
    answers: dict[Text(20), RecognitionAnswerIn] = Field(default={}, max_length=200)
    summary: Text(20000) | None = None


class RecognitionSubmitIn(Schema):
    version: Count
    level: Annotated[int, Field(ge=1, le=9)] | None = None


class RecognitionReviewIn(Schema):
    version: Count
    action: Literal["accept", "return", "refuse"]
    level: Annotated[int, Field(ge=1, le=9)] | None = None
    comment: Text(4000) = ""


def _scheme_out(scheme: Scheme) -> dict:
    levels, criteria, indicators = selectors.scheme_structure(scheme)
    return {
        "id": scheme.pk, "code": scheme.code, "title": scheme.title, "target": scheme.target,
        "rated_kinds": scheme.unit_kinds(), "method": scheme.method, "pass_total": scheme.pass_total,
        "levels": {lv.number: lv.name for lv in levels}, "source_number": scheme.source_number,
        "source_issuer": scheme.source_issuer, "valid_from": scheme.valid_from, "valid_to": scheme.valid_to,
        "confirmed": scheme.confirmed, "note": scheme.note, "target_percent": scheme.target_percent,
        "criteria": [{"code": c.code, "title": c.title, "confirmed": c.confirmed, "indicators": [
            {"code": i.code, "text": i.text, "level": i.level, "max_points": i.max_points, "min_points": i.min_points,
             "confirmed": i.confirmed} for i in indicators if i.criterion_id == c.pk]} for c in criteria],
    }


def _assessment_out(assessment: Assessment) -> dict:
    view = selectors.assessment_view(assessment)
    return {
        "id": assessment.pk, "scheme": assessment.scheme.code, "year": assessment.year,
        "subject": assessment.subject_name, "unit_id": assessment.unit_id, "status": assessment.status,
        "version": assessment.version, "level_reached": view.outcome.level,
        "level_applied": assessment.level_applied, "level_granted": assessment.level_granted,
        "points_total": assessment.points_total, "authority_id": assessment.authority_id,
        "submitted_at": assessment.submitted_at, "review_comment": assessment.review_comment,
        "answers": {row.indicator.code: {"met": row.answer.met if row.answer else None,
                                         "points": row.answer.points if row.answer else None,
                                         "note": row.answer.note if row.answer else ""}
                    for block in view.blocks for row in block.rows},
    }


def _assessment(request, assessment_id: int) -> Assessment:
    assessment = (Assessment.objects.select_related("scheme", "home", "unit", "household", "citizen", "authority")
                  .filter(pk=assessment_id).first())
    if assessment is None or not selectors.can_view_assessment(request.user, assessment):
        raise Http404
    return assessment


@router.get("/recognition/schemes", response=list[RecognitionSchemeOut], auth=OPTIONAL_AUTH)
def list_schemes(request):
    """Every scheme, with its criteria and indicators, and what is not yet checked against the published text."""
    return [_scheme_out(scheme) for scheme in Scheme.objects.order_by("target", "code")]


@router.get("/units/{unit_id}/recognition/rates", response=list[RecognitionRateOut], auth=OPTIONAL_AUTH)
def get_rates(request, unit_id: Id, year: Year):
    """Counts and rates of the unit's subtree for the year rated, against the national targets."""
    unit = org_selectors.unit_get(unit_id)
    if unit is None:
        raise Http404
    return [{"scheme": r.scheme.code, "title": r.scheme.title, "eligible": r.eligible, "applied": r.applied,
             "accepted": r.accepted, "recognised": r.recognised, "per_level": r.per_level, "rate": r.rate,
             "target_percent": r.scheme.target_percent} for r in rates.unit_rates(unit, year)]


@router.get("/units/{unit_id}/recognition/assessments", response=list[RecognitionAssessmentOut], auth=AUTH)
def list_unit_assessments(request, unit_id: Id):
    unit = org_selectors.unit_get(unit_id)
    if unit is None:
        raise Http404
    if not permissions.can_view(request.user, unit):
        raise PermissionDeniedError()
    return [_assessment_out(a) for a in selectors.unit_assessments(request.user, unit)[:50]]


@router.get("/recognition/assessments/{assessment_id}", response=RecognitionAssessmentOut, auth=AUTH)
def get_assessment(request, assessment_id: Id):
    return _assessment_out(_assessment(request, assessment_id))


@router.put("/recognition/assessments/{assessment_id}/answers", response=RecognitionAssessmentOut, auth=AUTH)
def put_answers(request, assessment_id: Id, payload: RecognitionAnswersIn):
    """Save answers by indicator code; the version read must be the current one (409 otherwise)."""
    assessment = _assessment(request, assessment_id)
    by_code: dict[str, list[int]] = {}
    for indicator in Indicator.objects.filter(criterion__scheme=assessment.scheme):
        by_code.setdefault(indicator.code, []).append(indicator.pk)
    unknown = [code for code in payload.answers if len(by_code.get(code, [])) != 1]
    if unknown:  # a code the scheme lacks, or one it gives twice (then no answer can be placed safely)
        raise ValidationFailed(details=[{"field": f"answers.{code}", "message": _(
            "No single indicator has this code in the scheme.")} for code in unknown])
    answers = {by_code[code][0]: {"met": given.met, "points": given.points, "note": given.note}
               for code, given in payload.answers.items()}
    assessment = services.answers_save(actor=request.user, assessment=assessment, answers=answers,
                                       summary=payload.summary, version=payload.version)
    return _assessment_out(assessment)


@router.post("/recognition/assessments/{assessment_id}/submit", response=RecognitionAssessmentOut, auth=AUTH)
def submit(request, assessment_id: Id, payload: RecognitionSubmitIn):
    assessment = services.assessment_submit(actor=request.user, assessment=_assessment(request, assessment_id),
                                            level=payload.level, version=payload.version)
    return _assessment_out(assessment)


@router.post("/recognition/assessments/{assessment_id}/review", response=RecognitionAssessmentOut, auth=AUTH)
def review(request, assessment_id: Id, payload: RecognitionReviewIn):
    """The recognising body's review: accept (at a level), return with comments, or refuse with comments."""
    assessment = _assessment(request, assessment_id)
    if payload.action == "accept":
        assessment = services.assessment_accept(actor=request.user, assessment=assessment, level=payload.level,
                                                comment=payload.comment, version=payload.version)
    elif payload.action == "return":
        assessment = services.assessment_return(actor=request.user, assessment=assessment, comment=payload.comment,
                                                version=payload.version)
    else:
        assessment = services.assessment_refuse(actor=request.user, assessment=assessment, comment=payload.comment,
                                                version=payload.version)
    return _assessment_out(assessment)
