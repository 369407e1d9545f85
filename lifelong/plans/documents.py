"""A plan as an official Word document (ND30 layout, lifelong.documents.nd30)."""

from django.http import HttpResponse
from django.utils.text import slugify

from lifelong.core.text import search_key
from lifelong.documents.nd30 import OfficialDocument, Section, Signature, build_docx
from lifelong.plans.models import Plan
from lifelong.plans.selectors import plan_items


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


def _lines(text: str) -> list[str]:
    return [line.strip().lstrip("-").strip().rstrip(";.").strip() for line in (text or "").split("\n") if line.strip()]


def _date(day) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def plan_sections(plan: Plan) -> list[Section]:
    items = plan_items(plan)
    sections = []
    if plan.purposes:
        sections.append(Section("Mục đích, yêu cầu", _paragraphs(plan.purposes)))
    content = []
    if plan.theme:
        theme = plan.theme.strip().strip('“”"')
        content.append(Section("Chủ đề", [f"“{theme}”"]))
    timing = _paragraphs(plan.time_and_venue)
    if not timing and plan.week_start and plan.week_end:
        timing = [f"Tuần lễ được tổ chức từ ngày {_date(plan.week_start)} đến ngày {_date(plan.week_end)}."]
    if plan.opening_date or plan.opening_venue:
        opening = "Lễ khai mạc"
        if plan.opening_date:
            opening += f": ngày {_date(plan.opening_date)}"
        if plan.opening_venue:
            opening += f", tại {plan.opening_venue}"
        timing.append(opening + ".")
    if timing:
        content.append(Section("Thời gian, địa điểm", timing))
    if content:
        sections.append(Section("Chủ đề, thời gian, địa điểm", children=content))
    activities = []
    for activity in items["activities"]:
        heading = activity.category.name if activity.category else "Các hoạt động khác"
        activities.append(Section(heading, _paragraphs(activity.text)))
    if activities:
        sections.append(Section("Nội dung hoạt động", children=activities))
    budget = [text for text in (plan.budget_state, plan.budget_social) if text]
    if budget:
        sections.append(Section("Kinh phí", [p for text in budget for p in _paragraphs(text)]))
    tasks = [Section(a.assignee + (" (phối hợp)" if a.role == "support" else ""), _paragraphs(a.task))
             for a in items["assignments"]]
    closing = []
    if plan.report_due:
        to = plan.report_to_text or (plan.report_to.name if plan.report_to_id else plan.unit.name)
        closing.append(f"Các đơn vị báo cáo kết quả thực hiện về {to} trước ngày {_date(plan.report_due)}.")
    if tasks or closing:
        sections.append(Section("Tổ chức thực hiện", closing, children=tasks))
    return sections


def plan_document(plan: Plan) -> OfficialDocument:
    items = plan_items(plan)
    is_plan = plan.doc_kind == Plan.DocKind.PLAN
    return OfficialDocument(
        kind_title="KẾ HOẠCH" if is_plan else "",
        parent_body=plan.parent_body_line,
        issuing_body=plan.issuing_body_line or plan.unit.name.upper(),
        number=plan.number,
        symbol=plan.symbol,
        place=plan.issue_place,
        issue_date=plan.issue_date,
        year=plan.campaign.year,
        subject=plan.title,
        addressees=_lines(plan.addressees),
        legal_bases=[b.sentence() for b in items["legal_bases"]],
        sections=plan_sections(plan),
        recipients=_lines(plan.recipients),
        signature=Signature(mode=plan.signature_mode, authority=plan.signature_authority,
                            title=plan.signature_title, name=plan.signer_name),
    )


def plan_docx(plan: Plan) -> bytes:
    return build_docx(plan_document(plan))


def _slug(text: str) -> str:
    return slugify(search_key(text.replace("/", " ")))


def plan_docx_filename(plan: Plan) -> str:
    """ "ke-hoach-262-kh-ubnd-thanh-pho-ha-noi-2025.docx" for an issued plan; one without a number is named
    by its unit and issue date (or year): "ke-hoach-phuong-tay-mo-26-09-2025.docx"; a draft starts with
    "du-thao-" whatever it holds, so that an unissued text is never taken for the issued one."""
    kind = "ke-hoach" if plan.doc_kind == Plan.DocKind.PLAN else "cong-van"
    unit = _slug(plan.unit.name)
    if plan.reference():
        name = f"{kind}-{_slug(plan.reference())}-{unit}-{plan.campaign.year}"
    elif plan.issue_date:
        name = f"{kind}-{unit}-{plan.issue_date:%d-%m-%Y}"
    else:
        name = f"{kind}-{unit}-{plan.campaign.year}"
    return f"du-thao-{name}.docx" if plan.status == Plan.Status.DRAFT else f"{name}.docx"


DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def plan_docx_response(plan: Plan) -> HttpResponse:
    response = HttpResponse(plan_docx(plan), content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{plan_docx_filename(plan)}"'
    return response
