"""/api/v1 endpoints of reporting: forms, a unit's report (read, write, submit, return, accept), totals,
completeness. Values use the field names of the page (`v.c2.learners`, `na.b2`), and errors name them."""

from datetime import date, datetime

from django.http import Http404
from ninja import Field, Router, Schema

from lifelong.campaigns import selectors as campaign_selectors
from lifelong.campaigns.models import Campaign
from lifelong.core.api import AUTH, OPTIONAL_AUTH
from lifelong.core.errors import PermissionDeniedError
from lifelong.core.schema import Count, Id, Text
from lifelong.orgs import permissions
from lifelong.orgs import selectors as org_selectors
from lifelong.orgs.models import OrgUnit
from lifelong.reports import selectors, services
from lifelong.reports.models import Report
from lifelong.reports.validation import field_name, fields_from_report, groups_of

router = Router(tags=["reports"])


class IndicatorOut(Schema):
    code: str
    section: str
    label: str
    label_en: str
    unit_label: str
    kind: str
    breakdown: bool
    of_which: str | None
    min_value: int | None
    max_value: int | None
    prefill: bool
    fields: list[str]


class NarrativeOut(Schema):
    code: str
    title: str
    required: bool


class FormOut(Schema):
    campaign_id: int
    open: bool
    indicators: list[IndicatorOut]
    narratives: list[NarrativeOut]


class EventOut(Schema):
    action: str
    at: datetime
    by: str | None
    comment: str
    late: bool


class ReportOut(Schema):
    unit_id: int
    campaign_id: int
    status: str
    lock_version: int
    late: bool
    due_date: date | None
    submitted_at: datetime | None
    return_comment: str
    values: dict[str, str]
    narrative: dict[str, str]
    events: list[EventOut]
    warnings: list[str] = []


class ReportIn(Schema):
    lock_version: Count
    values: dict[Text(40), Text(40) | int | bool | None] = Field(default={}, max_length=500)
    narrative: dict[Text(40), Text(50_000)] | None = Field(default=None, max_length=50)


class TransitionIn(Schema):
    lock_version: Count
    comment: Text(2_000) = ""


class TotalOut(Schema):
    code: str
    total: int | None
    groups: dict[str, int | None]


class ChildTotalOut(Schema):
    unit_id: int
    name: str
    report_status: str | None
    totals: dict[str, int]


class TotalsOut(Schema):
    unit_id: int
    campaign_id: int
    accepted_only: bool
    totals: list[TotalOut]
    own: dict[str, int]
    children: list[ChildTotalOut]


class CountsOut(Schema):
    on_time: int
    late: int
    missing: int
    pending: int
    excused: int
    on_time_rate: int
    reported_rate: int


class CompletenessChildOut(Schema):
    unit_id: int
    name: str
    status: str
    due_date: date
    subtree: CountsOut


class CompletenessOut(Schema):
    unit_id: int
    campaign_id: int
    today: date
    children_counts: CountsOut
    subtree: CountsOut
    children: list[CompletenessChildOut]
    levels: dict[int, CountsOut]


def _campaign(campaign_id: int) -> Campaign:
    campaign = campaign_selectors.campaign_get(campaign_id)
    if campaign is None:
        raise Http404
    return campaign


def _unit(request, unit_id: int, *, edit: bool = False) -> OrgUnit:
    unit = org_selectors.unit_get(unit_id)
    if unit is None:
        raise Http404
    allowed = permissions.can_edit(request.user, unit) if edit else permissions.can_view(request.user, unit)
    if not allowed:
        raise PermissionDeniedError()
    return unit


def _counts(c) -> dict:
    return {"on_time": c.on_time, "late": c.late, "missing": c.missing, "pending": c.pending, "excused": c.excused,
            "on_time_rate": c.on_time_rate, "reported_rate": c.reported_rate}


def _report_out(report: Report, warnings=()) -> dict:
    raw = fields_from_report(report)
    return {
        "unit_id": report.unit_id, "campaign_id": report.campaign_id, "status": report.status,
        "lock_version": report.lock_version, "late": report.late, "due_date": report.due_date,
        "submitted_at": report.submitted_at, "return_comment": report.return_comment,
        "values": {k: v for k, v in raw.items() if not k.startswith("n.")},
        "narrative": report.narrative,
        "events": [{"action": e.action, "at": e.created_at, "by": e.actor.username if e.actor else None,
                    "comment": e.comment, "late": e.late} for e in selectors.report_events(report)],
        "warnings": [str(w) for w in warnings],
    }


@router.get("/campaigns/{campaign_id}/report-form", response=FormOut, auth=OPTIONAL_AUTH)
def get_form(request, campaign_id: Id):
    campaign = _campaign(campaign_id)
    indicators = selectors.indicators(campaign)
    codes = {i.pk: i.code for i in indicators}
    return {
        "campaign_id": campaign.pk, "open": services.form_is_open(campaign),
        "indicators": [{"code": i.code, "section": i.section, "label": i.label, "label_en": i.label_en,
                        "unit_label": i.unit_label, "kind": i.kind, "breakdown": i.breakdown,
                        "of_which": codes.get(i.of_which_id), "min_value": i.min_value, "max_value": i.max_value,
                        "prefill": i.prefill, "fields": [field_name(i, g) for g in groups_of(i)]} for i in indicators],
        "narratives": [{"code": s.code, "title": s.title, "required": s.required}
                       for s in campaign.narrative_sections.all()],
    }


@router.get("/units/{unit_id}/report", response=ReportOut, auth=AUTH)
def get_report(request, unit_id: Id, campaign: Id):
    return _report_out(services.report_for(_unit(request, unit_id), _campaign(campaign)))


@router.put("/units/{unit_id}/report", response=ReportOut, auth=AUTH,
            summary="Save the unit's draft (a province's own system can push its numbers with a token)")
def put_report(request, unit_id: Id, campaign: Id, payload: ReportIn):
    unit = _unit(request, unit_id, edit=True)
    report = services.report_for(unit, _campaign(campaign))
    data = {k: ("yes" if v is True else "no" if v is False else ("" if v is None else str(v)))
            for k, v in payload.values.items()}
    report = services.report_save(actor=request.user, report=report, lock_version=payload.lock_version, data=data,
                                  narrative=payload.narrative)
    return _report_out(report)


@router.post("/units/{unit_id}/report/submit", response=ReportOut, auth=AUTH)
def submit_report(request, unit_id: Id, campaign: Id, payload: TransitionIn):
    report = services.report_for(_unit(request, unit_id, edit=True), _campaign(campaign))
    report, warnings = services.report_submit(actor=request.user, report=report, lock_version=payload.lock_version)
    return _report_out(report, warnings)


def _review_target(request, unit_id: int, campaign_id: int) -> Report:
    unit = org_selectors.unit_get(unit_id)
    if unit is None:
        raise Http404
    report = Report.objects.filter(unit=unit, campaign_id=campaign_id).select_related("unit").first()
    if report is None:
        raise Http404
    return report


@router.post("/units/{unit_id}/report/accept", response=ReportOut, auth=AUTH)
def accept_report(request, unit_id: Id, campaign: Id, payload: TransitionIn):
    report = services.report_accept(actor=request.user, report=_review_target(request, unit_id, campaign),
                                    lock_version=payload.lock_version)
    return _report_out(report)


@router.post("/units/{unit_id}/report/return", response=ReportOut, auth=AUTH)
def return_report(request, unit_id: Id, campaign: Id, payload: TransitionIn):
    report = services.report_return(actor=request.user, report=_review_target(request, unit_id, campaign),
                                    lock_version=payload.lock_version, comment=payload.comment)
    return _report_out(report)


@router.get("/units/{unit_id}/totals", response=TotalsOut, auth=AUTH)
def get_totals(request, unit_id: Id, campaign: Id, accepted_only: bool = False):
    from lifelong.reports.exports import totals_table

    unit = _unit(request, unit_id)
    table = totals_table(unit, _campaign(campaign), accepted_only=accepted_only)
    codes = {i.pk: i.code for i in table.indicators}
    return {
        "unit_id": unit.pk, "campaign_id": campaign, "accepted_only": accepted_only,
        "totals": [{"code": t.indicator.code, "total": t.total, "groups": t.groups} for t in table.unit_totals],
        "own": {codes[pk]: v for pk, v in table.own.items()},
        "children": [{"unit_id": c.unit.pk, "name": c.unit.name, "report_status": c.report_status,
                      "totals": {codes[pk]: v for pk, v in c.values.items() if pk in codes}} for c in table.children],
    }


@router.get("/units/{unit_id}/completeness", response=CompletenessOut, auth=AUTH)
def get_completeness(request, unit_id: Id, campaign: Id, sort: str = "name"):
    unit = _unit(request, unit_id)
    result = selectors.completeness(unit, _campaign(campaign), sort=sort if sort in selectors.SORTS else "name")
    return {
        "unit_id": unit.pk, "campaign_id": campaign, "today": result.today,
        "children_counts": _counts(result.children_counts), "subtree": _counts(result.subtree),
        "children": [{"unit_id": r.reporter.unit_id, "name": r.reporter.unit.name, "status": r.status,
                      "due_date": r.reporter.due_date, "subtree": _counts(r.subtree)} for r in result.children],
        "levels": {depth: _counts(c) for depth, c in result.levels},
    }
