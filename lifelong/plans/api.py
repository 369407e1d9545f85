"""/api/v1 endpoints for campaigns, plans and planning coverage; same rules as the pages."""

import datetime
from datetime import date

from django.http import Http404
from ninja import File, Query, Router, Schema, Status
from ninja.files import UploadedFile

from lifelong.campaigns import selectors as campaign_selectors
from lifelong.campaigns.models import Campaign
from lifelong.core.api import AUTH
from lifelong.core.errors import ValidationFailed
from lifelong.orgs import selectors as org_selectors
from lifelong.orgs.models import OrgUnit
from lifelong.plans import selectors, services
from lifelong.plans.documents import plan_docx_response
from lifelong.plans.models import Plan
from lifelong.plans.reading import read_file
from lifelong.plans.reading.files import MAX_BYTES as MAX_DOCUMENT_BYTES

router = Router()


class CategoryOut(Schema):
    id: int
    code: str
    letter: str
    name: str
    name_en: str
    active: bool


class CampaignOut(Schema):
    id: int
    year: int
    name: str
    theme: str
    start_date: date
    end_date: date
    opening_date: date | None
    slogans: list[str]
    owner_id: int
    categories: list[CategoryOut]


class LegalBasisIO(Schema):
    intro: str = "Căn cứ"
    kind: str
    number: str = ""
    date: datetime.date | None = None
    issuer: str = ""
    subject: str = ""


class ActivityIO(Schema):
    category: int | None = None
    text: str


class AssignmentIO(Schema):
    assignee: str = ""
    unit: int | None = None
    role: str = "lead"
    task: str = ""


class PlanOut(Schema):
    id: int
    campaign_id: int
    unit_id: int
    unit_name: str
    doc_kind: str
    status: str
    revision: int
    lock_version: int
    previous_id: int | None
    derived_from_id: int | None
    number: str
    symbol: str
    reference: str
    issue_date: date | None
    issue_place: str
    parent_body_line: str
    issuing_body_line: str
    title: str
    addressees: str
    purposes: str
    theme: str
    time_and_venue: str
    week_start: date | None
    week_end: date | None
    opening_date: date | None
    opening_venue: str
    budget_state: str
    budget_social: str
    report_due: date | None
    report_to_id: int | None
    report_to_text: str
    recipients: str
    signature_mode: str
    signature_authority: str
    signature_title: str
    signer_name: str
    legal_bases: list[LegalBasisIO]
    activities: list[ActivityIO]
    assignments: list[AssignmentIO]


class PlanSummary(Schema):
    id: int
    unit_id: int
    unit_name: str
    campaign_id: int
    doc_kind: str
    status: str
    revision: int
    reference: str
    title: str
    report_due: date | None


class PlanCreateIn(Schema):
    unit_id: int
    campaign_id: int
    doc_kind: Plan.DocKind = Plan.DocKind.PLAN


class PlanPatchIn(Schema):
    lock_version: int
    fields: dict[str, str | date | int | list[str] | None] = {}
    legal_bases: list[LegalBasisIO] | None = None
    activities: list[ActivityIO] | None = None
    assignments: list[AssignmentIO] | None = None


class PublishIn(Schema):
    lock_version: int


class PublishOut(Schema):
    plan: PlanOut
    warnings: list[str]


class CoverageCountsOut(Schema):
    published: int
    draft: int
    none: int
    total: int


class CoverageChildOut(Schema):
    unit_id: int
    name: str
    kind: str
    status: str
    subtree: CoverageCountsOut


class CoverageLevelOut(Schema):
    depth_below: int
    counts: CoverageCountsOut


class CoverageOut(Schema):
    unit_id: int
    campaign_id: int
    children_counts: CoverageCountsOut
    subtree: CoverageCountsOut
    children: list[CoverageChildOut]
    levels: list[CoverageLevelOut]


def _campaign_out(campaign: Campaign) -> dict:
    return {
        "id": campaign.pk, "year": campaign.year, "name": campaign.name, "theme": campaign.theme,
        "start_date": campaign.start_date, "end_date": campaign.end_date, "opening_date": campaign.opening_date,
        "slogans": campaign.slogan_list(), "owner_id": campaign.owner_id,
        "categories": [{"id": c.pk, "code": c.code, "letter": c.letter, "name": c.name, "name_en": c.name_en,
                        "active": c.active} for c in campaign.categories.all()],
    }


def _plan_out(plan: Plan) -> dict:
    items = selectors.plan_items(plan)
    data = {f.attname: getattr(plan, f.attname) for f in Plan._meta.concrete_fields}
    data.update({
        "id": plan.pk, "unit_name": plan.unit.name, "reference": plan.reference(),
        "legal_bases": [{"intro": b.intro, "kind": b.kind, "number": b.number, "date": b.date, "issuer": b.issuer,
                         "subject": b.subject} for b in items["legal_bases"]],
        "activities": [{"category": a.category_id, "text": a.text} for a in items["activities"]],
        "assignments": [{"assignee": a.assignee, "unit": a.unit_id, "role": a.role, "task": a.task}
                        for a in items["assignments"]],
    })
    return data


def _summary(plan: Plan) -> dict:
    return {"id": plan.pk, "unit_id": plan.unit_id, "unit_name": plan.unit.name, "campaign_id": plan.campaign_id,
            "doc_kind": plan.doc_kind, "status": plan.status, "revision": plan.revision,
            "reference": plan.reference(), "title": plan.title, "report_due": plan.report_due}


def _counts(counts) -> dict:
    return {"published": counts.published, "draft": counts.draft, "none": counts.none, "total": counts.total}


def _get_campaign(campaign_id: int) -> Campaign:
    campaign = campaign_selectors.campaign_get(campaign_id)
    if campaign is None:
        raise Http404
    return campaign


def _get_unit(unit_id: int) -> OrgUnit:
    unit = org_selectors.unit_get(unit_id)
    if unit is None:
        raise Http404
    return unit


def _get_plan(request, plan_id: int) -> Plan:
    plan = selectors.plan_get(request.user, plan_id)
    if plan is None:
        raise Http404
    return plan


@router.get("/campaigns", response=list[CampaignOut], auth=None, tags=["campaigns"])
def list_campaigns(request):
    return [_campaign_out(c) for c in campaign_selectors.campaign_list().prefetch_related("categories")]


@router.get("/campaigns/{campaign_id}", response=CampaignOut, auth=None, tags=["campaigns"])
def get_campaign(request, campaign_id: int):
    return _campaign_out(_get_campaign(campaign_id))


@router.get("/plans", response=list[PlanSummary], auth=None, tags=["plans"],
            summary="Plans the caller may see: every published plan, drafts of units in its scope")
def list_plans(request, unit: int | None = None, campaign: int | None = None,
               status: Plan.Status | None = None, limit: int = Query(100, ge=1, le=500),
               offset: int = Query(0, ge=0)):
    queryset = selectors.plans_visible_to(request.user)
    if unit is not None:
        queryset = queryset.filter(unit_id=unit)
    if campaign is not None:
        queryset = queryset.filter(campaign_id=campaign)
    if status is not None:
        queryset = queryset.filter(status=status)
    return [_summary(p) for p in queryset.order_by("unit__path", "-revision")[offset:offset + limit]]


@router.get("/plans/{int:plan_id}", response=PlanOut, auth=None, tags=["plans"])
def get_plan(request, plan_id: int):
    return _plan_out(_get_plan(request, plan_id))


@router.get("/plans/{int:plan_id}/document.docx", auth=None, tags=["plans"], summary="The plan as a Word document")
def get_plan_document(request, plan_id: int):
    plan = _get_plan(request, plan_id)
    return plan_docx_response(plan)


@router.post("/plans", response={201: PlanOut}, auth=AUTH, tags=["plans"], summary="Create an empty draft")
def create_plan(request, payload: PlanCreateIn):
    plan = services.plan_create_draft(actor=request.user, unit=_get_unit(payload.unit_id),
                                      campaign=_get_campaign(payload.campaign_id), doc_kind=payload.doc_kind)
    return Status(201, _plan_out(plan))


@router.post("/plans/derive", response={201: PlanOut}, auth=AUTH, tags=["plans"],
             summary="Create a draft from the parent unit's published plan")
def derive_plan(request, payload: PlanCreateIn):
    plan = services.plan_derive(actor=request.user, unit=_get_unit(payload.unit_id),
                                campaign=_get_campaign(payload.campaign_id))
    return Status(201, _plan_out(plan))


@router.patch("/plans/{int:plan_id}", response=PlanOut, auth=AUTH, tags=["plans"],
              summary="Edit a draft; lists given replace the plan's lists whole")
def patch_plan(request, plan_id: int, payload: PlanPatchIn):
    plan = _get_plan(request, plan_id)
    fields = dict(payload.fields)
    if "report_to" in fields and fields["report_to"] is not None:
        fields["report_to"] = OrgUnit.objects.filter(pk=fields["report_to"]).first()
    for name in services.DATE_FIELDS:
        if isinstance(fields.get(name), str):
            try:
                fields[name] = date.fromisoformat(fields[name])
            except ValueError:
                raise ValidationFailed(details=[{"field": name, "message": "YYYY-MM-DD"}]) from None
    plan = services.plan_update(
        actor=request.user, plan=plan, lock_version=payload.lock_version, fields=fields,
        legal_bases=[b.dict() for b in payload.legal_bases] if payload.legal_bases is not None else None,
        activities=[a.dict() for a in payload.activities] if payload.activities is not None else None,
        assignments=[a.dict() for a in payload.assignments] if payload.assignments is not None else None)
    return _plan_out(plan)


@router.post("/plans/{int:plan_id}/publish", response=PublishOut, auth=AUTH, tags=["plans"])
def publish_plan(request, plan_id: int, payload: PublishIn):
    result = services.plan_publish(actor=request.user, plan=_get_plan(request, plan_id),
                                   lock_version=payload.lock_version)
    return {"plan": _plan_out(result.plan), "warnings": [str(w) for w in result.warnings]}


@router.post("/plans/{int:plan_id}/revise", response={201: PlanOut}, auth=AUTH, tags=["plans"])
def revise_plan(request, plan_id: int):
    return Status(201, _plan_out(services.plan_revise(actor=request.user, plan=_get_plan(request, plan_id))))


@router.get("/units/{unit_id}/coverage", response=CoverageOut, auth=None, tags=["plans"],
            summary="Which units below have published a plan, a draft, or none")
def get_coverage(request, unit_id: int, campaign: int):
    result = selectors.coverage(_get_unit(unit_id), _get_campaign(campaign))
    return {
        "unit_id": unit_id, "campaign_id": campaign, "children_counts": _counts(result.children_counts),
        "subtree": _counts(result.subtree),
        "children": [{"unit_id": r.unit.pk, "name": r.unit.name, "kind": r.unit.kind, "status": r.status,
                      "subtree": _counts(r.subtree)} for r in result.children],
        "levels": [{"depth_below": depth, "counts": _counts(c)} for depth, c in result.levels],
    }


@router.post("/plans/read", auth=AUTH, tags=["plans"],
             summary="Read a plan or letter from its file (.docx, .pdf, .txt); nothing is saved",
             description="Returns {fields: {name: {value, confidence, span, uncertain, note}}, text}; span is "
                         "[start, end) in text, the normalised text of the file. List fields (legal_bases, "
                         "activities, assignments, recipients, addressees) give each item its own confidence and "
                         "span. A file that cannot be read answers 400 with code unreadable_document.")
def read_plan(request, file: File[UploadedFile]):
    return read_file(file.read(MAX_DOCUMENT_BYTES + 1), file.name or "")
