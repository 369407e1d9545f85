"""The dossier and the decision as official Word documents (ND30 layout, lifelong.documents.nd30).

The dossier of a self-assessment is three documents, as the procedure asks (thủ tục 1.005097):
- the self-assessment report (Báo cáo tự đánh giá): the summary written by the unit, then each criterion with
  its indicators, whether each is met (or its points) and the evidence named;
- the summary sheet (Bản tổng hợp kết quả đánh giá các tiêu chí, chỉ tiêu): one table row per indicator;
- the cover letter (Tờ trình) asking the recognising body to recognise the unit at the level applied for.
The decision (Quyết định công nhận) lists, in its appendix, every subject it recognises with its level.
Indicators whose wording is not yet checked against the published text say so in the documents too.
"""

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify

from lifelong.core.text import search_key
from lifelong.documents.nd30 import OfficialDocument, Section, Signature, Table, build_docx
from lifelong.orgs import selectors as org_selectors
from lifelong.orgs.models import OrgUnit
from lifelong.plans import headers
from lifelong.recognition.models import Assessment, Decision
from lifelong.recognition.selectors import AssessmentView, assessment_view

UNCONFIRMED = " (chưa đối chiếu văn bản)"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
KINDS = {"report": "bao-cao-tu-danh-gia", "summary": "bang-tong-hop", "letter": "to-trinh"}


def _header(unit: OrgUnit) -> dict:
    ancestors = org_selectors.unit_breadcrumbs(unit)
    parent = ancestors[-1] if ancestors else None
    parent_line, issuing_line = headers.body_lines(unit, parent)
    default = headers.default_signature(unit)
    return {"parent_body": parent_line, "issuing_body": issuing_line, "place": headers.place_of(unit, ancestors),
            "signature": Signature(mode=default["signature_mode"], authority=default["signature_authority"],
                                   title=default["signature_title"])}


def _issuer(assessment: Assessment) -> OrgUnit:
    """Who signs the dossier: the unit itself, or the commune for a household."""
    if assessment.unit_id:
        return assessment.unit
    return assessment.household.commune if assessment.household_id else assessment.home


def _answer_text(view: AssessmentView, row) -> str:
    answer = row.answer
    if view.assessment.scheme.is_points:
        return "" if answer is None or answer.points is None else f"{answer.points.normalize():f}".replace(".", ",")
    if answer is None or answer.met is None:
        return "Chưa đánh giá"
    return "Đạt" if answer.met else "Chưa đạt"


def _evidence_names(row) -> str:
    return "; ".join(item.title for item in row.evidence)


def _indicator_text(indicator) -> str:
    marked = indicator.confirmed or UNCONFIRMED.strip(" ()") in indicator.text
    return indicator.text + ("" if marked else UNCONFIRMED)


def _body_name(unit: OrgUnit) -> str:
    """How a body is addressed: "Ủy ban nhân dân Thành phố Hà Nội" for a government, its own name otherwise."""
    if unit.kind in (OrgUnit.Kind.PROVINCE, OrgUnit.Kind.COMMUNE):
        return f"Ủy ban nhân dân {unit.name}"
    return unit.name


def _number_and_date(decision: Decision) -> str:
    number = f" số {decision.number}/{decision.symbol}" if decision.number else ""
    date = f" ngày {decision.issued_on:%d/%m/%Y}" if decision.issued_on else ""
    return number + date


def _level_name(view: AssessmentView, number: int | None) -> str:
    return next((lv.name for lv in view.levels if lv.number == number), "")


def _subject(assessment: Assessment) -> str:
    return f"“{assessment.scheme.title}” năm {assessment.year}"


def _summary_table(view: AssessmentView) -> Table:
    scheme = view.assessment.scheme
    header = ["Tiêu chí / chỉ tiêu", "Nội dung", "Mức độ" if not scheme.is_points else "Điểm tối đa",
              "Kết quả tự đánh giá", "Minh chứng"]
    rows = []
    for block in view.blocks:
        rows.append([block.criterion.code, block.criterion.title + ("" if block.criterion.confirmed else UNCONFIRMED),
                     "", "", ""])
        for row in block.rows:
            rows.append([row.indicator.code, _indicator_text(row.indicator),
                         str(row.indicator.max_points or "") if scheme.is_points else str(row.indicator.level),
                         _answer_text(view, row), _evidence_names(row)])
    outcome = view.outcome
    if scheme.is_points:
        below = (f"{len(outcome.below_minimum)} chỉ số dưới mức tối thiểu" if outcome.below_minimum
                 else "không chỉ số nào dưới mức tối thiểu")
        note = f"(Tổng điểm: {outcome.total}; điểm đạt: {scheme.pass_total}; {below})"
    else:
        note = f"(Kết quả tự đánh giá: {_level_name(view, outcome.level) or 'chưa đạt mức độ nào'})"
    return Table(title=f"Bản tổng hợp kết quả đánh giá các tiêu chí, chỉ tiêu {_subject(view.assessment)}",
                 header=header, rows=rows, note=note)


def dossier_document(assessment: Assessment, kind: str) -> OfficialDocument:
    view = assessment_view(assessment)
    issuer = _issuer(assessment)
    head = _header(issuer)
    year = assessment.year
    subject_name = assessment.subject_name
    # A draft (or a dossier returned for completion) says what its answers reach now, not what it once applied for.
    level = _level_name(view, view.outcome.level if assessment.editable else assessment.level_applied)
    # Undated until the office signs it: the year on the date line is the year it is written in.
    common = {"parent_body": head["parent_body"], "issuing_body": head["issuing_body"], "number": "",
              "place": head["place"], "issue_date": None, "year": max(year + 1, timezone.localdate().year),
              "recipients": ["Như trên", "Lưu: VT"],
              "signature": head["signature"]}
    authority = assessment.authority
    to = [_body_name(authority)] if authority else []
    if kind == "letter":
        body = [f"{subject_name} đã tự đánh giá {_subject(assessment)} trên số liệu từ ngày 01/01/{year} đến ngày "
                f"31/12/{year}, theo {_source_name(assessment.scheme)}.",
                f"Kết quả tự đánh giá: đạt {level}." if level else "Kết quả tự đánh giá: chưa đạt mức độ nào.",
                f"{subject_name} kính đề nghị {_body_name(authority) if authority else '…'} xem xét, công nhận "
                f"{subject_name} đạt {_subject(assessment)}" + (f", {level}." if level else "."),
                "Hồ sơ kèm theo: Báo cáo tự đánh giá; Bản tổng hợp kết quả đánh giá các tiêu chí, chỉ tiêu; các minh "
                "chứng."]
        return OfficialDocument(kind_title="TỜ TRÌNH", symbol=headers.default_symbol(issuer, "TTr"),
                                subject=f"Đề nghị công nhận {_subject(assessment)}", addressees=to,
                                intro="\n".join(body), **common)
    if kind == "summary":
        return OfficialDocument(kind_title="BẢN TỔNG HỢP", symbol=headers.default_symbol(issuer, "BC"),
                                subject=f"Kết quả đánh giá các tiêu chí, chỉ tiêu {_subject(assessment)}",
                                intro=f"{subject_name} tổng hợp kết quả tự đánh giá như Phụ lục kèm theo.",
                                appendices=[_summary_table(view)], **common)
    sections = [Section("Khái quát", [p for p in assessment.summary.split("\n") if p.strip()] or
                        [f"{subject_name} tự đánh giá {_subject(assessment)}."])]
    for block in view.blocks:
        paragraphs = []
        for row in block.rows:
            paragraphs.append(f"Chỉ tiêu {row.indicator.code}: {_indicator_text(row.indicator)} "
                              f"Kết quả: {_answer_text(view, row)}.")
            if row.answer and row.answer.note:
                paragraphs.extend(p for p in row.answer.note.split("\n") if p.strip())
            if row.evidence:
                paragraphs.append(f"Minh chứng: {_evidence_names(row)}.")
        sections.append(Section(f"{block.criterion.code}. {block.criterion.title}", paragraphs))
    sections.append(Section("Kết luận", [f"Kết quả tự đánh giá: {level or 'chưa đạt mức độ nào'}."]))
    return OfficialDocument(kind_title="BÁO CÁO", symbol=headers.default_symbol(issuer, "BC"),
                            subject=f"Tự đánh giá {_subject(assessment)}", addressees=to,
                            legal_bases=[_source_line_scheme(assessment.scheme)], sections=sections,
                            appendices=[_summary_table(view)], **common)


def decision_document(decision: Decision) -> OfficialDocument:
    authority = decision.authority
    head = _header(authority)
    scheme = decision.scheme
    listed = list(decision.assessments.select_related("unit", "household", "home").order_by("home__path", "pk"))
    levels = {lv.number: lv.name for lv in scheme.levels.all()}
    rows = [[str(n), a.subject_name, (a.home.name if not a.unit_id else (a.unit.parent.name if a.unit.parent_id
                                                                            else "")),
             levels.get(a.level_granted, "")] for n, a in enumerate(listed, start=1)]
    signature = head["signature"]
    if decision.signer_title:
        signature.title = decision.signer_title
    signature.name = decision.signer_name
    subjects = _SUBJECT_WORDS.get(scheme.target, "đơn vị")
    articles = [f"Công nhận {len(listed)} {subjects} đạt danh hiệu “{scheme.title}” năm {decision.year} (có danh "
                "sách và mức độ kèm theo).",
                "Quyết định này có hiệu lực kể từ ngày ký.",
                "Các đơn vị có tên tại Điều 1 và các cơ quan, đơn vị liên quan chịu trách nhiệm thi hành "
                "Quyết định này."]
    return OfficialDocument(
        kind_title="QUYẾT ĐỊNH", parent_body=head["parent_body"], issuing_body=head["issuing_body"],
        number=decision.number, symbol=decision.symbol or headers.default_symbol(authority, "QĐ"),
        place=head["place"], issue_date=decision.issued_on, year=decision.issued_on.year if decision.issued_on
        else decision.year + 1, subject=f"Công nhận đạt danh hiệu “{scheme.title}” năm {decision.year}",
        legal_bases=[_source_line_scheme(scheme), "Xét hồ sơ đề nghị của các đơn vị và kết quả thẩm định."],
        articles=articles, recipients=["Như Điều 3", "Lưu: VT"], signature=signature,
        appendices=[Table(title=f"Danh sách đạt “{scheme.title}” năm {decision.year}",
                          header=["STT", "Tên", "Thuộc", "Mức độ công nhận"], rows=rows,
                          note=f"(Kèm theo Quyết định{_number_and_date(decision)} của {_body_name(authority)})")])


_SUBJECT_WORDS = {"commune": "xã, phường", "province": "tỉnh, thành phố", "village": "thôn, tổ dân phố",
                  "family": "hộ gia đình", "clan": "dòng họ", "citizen": "công dân", "unit": "đơn vị"}
_KIND_WORDS = ("Thông tư", "Quyết định", "Nghị định", "Công văn", "Kế hoạch", "Hướng dẫn")


def _source_line_scheme(scheme) -> str:
    """ "Căn cứ Thông tư số 25/2023/TT-BGDĐT ngày 27/12/2023 của Bộ Giáo dục và Đào tạo quy định về …;" """
    title = scheme.source_title.strip()
    kind = next((word for word in _KIND_WORDS if title.startswith(word)), "")
    rest = title[len(kind):].strip() if kind else title
    number = f" số {scheme.source_number}" if scheme.source_number else ""
    date = f" ngày {scheme.source_date:%d/%m/%Y}" if scheme.source_date else ""
    if kind:
        return f"Căn cứ {kind}{number}{date} của {scheme.source_issuer} {rest};"
    return f"Căn cứ {rest or 'văn bản'}{number}{date} của {scheme.source_issuer};"


def _source_name(scheme) -> str:
    title = scheme.source_title.strip()
    kind = next((word for word in _KIND_WORDS if title.startswith(word)), "văn bản")
    return f"{kind} số {scheme.source_number}" if scheme.source_number else scheme.source_title


def docx_response(document: OfficialDocument, name: str) -> HttpResponse:
    response = HttpResponse(build_docx(document), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{slugify(search_key(name))[:80]}.docx"'
    return response


def dossier_filename(assessment: Assessment, kind: str) -> str:
    return f"{KINDS[kind]}-{assessment.subject_name}-{assessment.year}"
