"""/api/v1 endpoints for campaigns, plans and planning coverage; same rules as the pages."""

import datetime
from datetime import date

from django.http import Http404
from ninja import Field, File, Query, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import ConfigDict

from lifelong.campaigns import selectors as campaign_selectors
from lifelong.campaigns.models import Campaign
from lifelong.core.api import AUTH, OPTIONAL_AUTH
from lifelong.core.schema import Count, Day, Id, Offset, Text
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
    intro: Text(20) = "Căn cứ"
    kind: Text(60)
    number: Text(80) = ""
    date: datetime.date | None = None
    issuer: Text(300) = ""
    subject: Text(5_000) = ""


class ActivityIO(Schema):
    category: Id | None = None
    text: Text(20_000)


class AssignmentIO(Schema):
    assignee: Text(300) = ""
    unit: Id | None = None
    role: Text(10) = "lead"
    task: Text(5_000) = ""


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
    unit_id: Id
    campaign_id: Id
    doc_kind: Plan.DocKind = Plan.DocKind.PLAN


LONG_TEXT = 20_000


class PlanFieldsIn(Schema):
    """The fields of a draft that a PATCH may set; only those given are changed."""

    model_config = ConfigDict(extra="forbid")

    doc_kind: Plan.DocKind | None = None
    number: Text(20) | None = None
    symbol: Text(60) | None = None
    issue_date: Day | None = None
    issue_place: Text(100) | None = None
    parent_body_line: Text(200) | None = None
    issuing_body_line: Text(300) | None = None
    title: Text(500) | None = None
    addressees: Text(LONG_TEXT) | None = None
    purposes: Text(LONG_TEXT) | None = None
    theme: Text(LONG_TEXT) | None = None
    time_and_venue: Text(LONG_TEXT) | None = None
    week_start: Day | None = None
    week_end: Day | None = None
    opening_date: Day | None = None
    opening_venue: Text(300) | None = None
    budget_state: Text(LONG_TEXT) | None = None
    budget_social: Text(LONG_TEXT) | None = None
    report_due: Day | None = None
    report_to: Id | None = None
    report_to_text: Text(300) | None = None
    report_kinds: list[OrgUnit.Kind] | None = Field(default=None, max_length=20)
    recipients: Text(LONG_TEXT) | None = None
    signature_mode: Plan.SignatureMode | None = None
    signature_authority: Text(200) | None = None
    signature_title: Text(200) | None = None
    signer_name: Text(200) | None = None


class PlanPatchIn(Schema):
    lock_version: Count
    fields: PlanFieldsIn = PlanFieldsIn()
    legal_bases: list[LegalBasisIO] | None = Field(default=None, max_length=200)
    activities: list[ActivityIO] | None = Field(default=None, max_length=200)
    assignments: list[AssignmentIO] | None = Field(default=None, max_length=500)


class PublishIn(Schema):
    lock_version: Count


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


@router.get("/campaigns", response=list[CampaignOut], auth=OPTIONAL_AUTH, tags=["campaigns"])
def list_campaigns(request):
    return [_campaign_out(c) for c in campaign_selectors.campaign_list().prefetch_related("categories")]


@router.get("/campaigns/{campaign_id}", response=CampaignOut, auth=OPTIONAL_AUTH, tags=["campaigns"])
def get_campaign(request, campaign_id: Id):
    return _campaign_out(_get_campaign(campaign_id))


@router.get("/plans", response=list[PlanSummary], auth=OPTIONAL_AUTH, tags=["plans"],
            summary="Plans the caller may see: every published plan, drafts of units in its scope")
def list_plans(request, unit: Id | None = None, campaign: Id | None = None,
               status: Plan.Status | None = None, limit: int = Query(100, ge=1, le=500),
               offset: Offset = 0):
    queryset = selectors.plans_visible_to(request.user)
    if unit is not None:
        queryset = queryset.filter(unit_id=unit)
    if campaign is not None:
        queryset = queryset.filter(campaign_id=campaign)
    if status is not None:
        queryset = queryset.filter(status=status)
    return [_summary(p) for p in queryset.order_by("unit__path", "-revision")[offset:offset + limit]]


@router.get("/plans/{int:plan_id}", response=PlanOut, auth=OPTIONAL_AUTH, tags=["plans"])
def get_plan(request, plan_id: Id):
    return _plan_out(_get_plan(request, plan_id))


@router.get("/plans/{int:plan_id}/document.docx", auth=OPTIONAL_AUTH, tags=["plans"],
            summary="The plan as a Word document",
            openapi_extra={"responses": {200: {"description": "The .docx file", "content": {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
                    "schema": {"type": "string", "format": "binary"}}}}}})
def get_plan_document(request, plan_id: Id):
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
def patch_plan(request, plan_id: Id, payload: PlanPatchIn):
    plan = _get_plan(request, plan_id)
    fields = payload.fields.dict(exclude_unset=True)
    if fields.get("report_to") is not None:
        fields["report_to"] = OrgUnit.objects.filter(pk=fields["report_to"]).first()
    plan = services.plan_update(
        actor=request.user, plan=plan, lock_version=payload.lock_version, fields=fields,
        legal_bases=[b.dict() for b in payload.legal_bases] if payload.legal_bases is not None else None,
        activities=[a.dict() for a in payload.activities] if payload.activities is not None else None,
        assignments=[a.dict() for a in payload.assignments] if payload.assignments is not None else None)
    return _plan_out(plan)


@router.post("/plans/{int:plan_id}/publish", response=PublishOut, auth=AUTH, tags=["plans"])
def publish_plan(request, plan_id: Id, payload: PublishIn):
    result = services.plan_publish(actor=request.user, plan=_get_plan(request, plan_id),
                                   lock_version=payload.lock_version)
    return {"plan": _plan_out(result.plan), "warnings": [str(w) for w in result.warnings]}


@router.post("/plans/{int:plan_id}/revise", response={201: PlanOut}, auth=AUTH, tags=["plans"])
def revise_plan(request, plan_id: Id):
    return Status(201, _plan_out(services.plan_revise(actor=request.user, plan=_get_plan(request, plan_id))))


@router.get("/units/{unit_id}/coverage", response=CoverageOut, auth=OPTIONAL_AUTH, tags=["plans"],
            summary="Which units below have published a plan, a draft, or none")
def get_coverage(request, unit_id: Id, campaign: Id):
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
                         "span. recognised is false when the text is not an administrative document about the "
                         "campaign (nothing identifying a document or the Week, or no word of lifelong learning): "
                         "the upload page then asks the person to confirm before reading it. A file that cannot be "
                         "read answers 400 with code unreadable_document.")
def read_plan(request, file: File[UploadedFile]):
    return read_file(file.read(MAX_DOCUMENT_BYTES + 1), file.name or "")
