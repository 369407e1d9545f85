"""The dossier and decision read back from their .docx, evidence, and the households' import."""

import io
from datetime import date

import pytest
from docx import Document
from openpyxl import Workbook

from lifelong.core.errors import PermissionDeniedError, ValidationFailed
from lifelong.learners.tests import certificate_helpers
from lifelong.recognition import decisions, documents, evidence, households, rates, services
from lifelong.recognition.models import Household, Indicator
from lifelong.recognition.tests.helpers import submitted_commune

COMMUNE, FAMILY = "cdht-xa-tt25-2023", "gia-dinh-hoc-tap-khvn"
attended = certificate_helpers.attended  # fixtures
signing_key = certificate_helpers.signing_key


def _docx(document) -> Document:
    from lifelong.documents.nd30 import build_docx

    return Document(io.BytesIO(build_docx(document)))


def _text(word: Document) -> str:
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in word.paragraphs] + cells)


def test_dossier_documents_read_back_with_one_table_row_per_indicator(tree, people, schemes, hanoi_plan):
    assessment = submitted_commune(people, tree, schemes[COMMUNE])
    scheme = schemes[COMMUNE]
    indicators = Indicator.objects.filter(criterion__scheme=scheme).count()
    criteria = scheme.criteria.count()

    summary = _docx(documents.dossier_document(assessment, "summary"))
    grid = summary.tables[-1]
    assert len(grid.rows) == 1 + criteria + indicators
    assert grid.rows[0].cells[0].text == "Tiêu chí / chỉ tiêu"
    codes = [row.cells[0].text for row in grid.rows[1:]]
    assert codes[:4] == ["TC1", "1.1", "1.2", "1.3"]
    assert [row.cells[3].text for row in grid.rows[2:5]] == ["Đạt", "Đạt", "Đạt"]

    report = _text(_docx(documents.dossier_document(assessment, "report")))
    for expected in ("ỦY BAN NHÂN DÂN", "PHƯỜNG TÂY MỖ", "BÁO CÁO", "Tự đánh giá “Cộng đồng học tập cấp xã” năm 2025",
                     "25/2023/TT-BGDĐT", "(chưa đối chiếu văn bản)", "Mức độ 1"):
        assert expected in report, expected
    letter = _text(_docx(documents.dossier_document(assessment, "letter")))
    assert "TỜ TRÌNH" in letter and "Thành phố Hà Nội" in letter and "TTr-UBND" in letter


def test_decision_document_lists_the_units_and_levels(tree, people, schemes):
    assessment = submitted_commune(people, tree, schemes[COMMUNE])
    services.assessment_accept(actor=people.hanoi, assessment=assessment)
    decision = decisions.decision_prepare(actor=people.hanoi, authority=tree.hanoi, scheme=schemes[COMMUNE], year=2025)
    decision = decisions.decision_update(actor=people.hanoi, decision=decision, number="7", symbol="QĐ-UBND",
                                         issued_on=date(2026, 3, 2), signer_title="CHỦ TỊCH", signer_name="Nguyễn A")
    word = _docx(documents.decision_document(decision))
    text = _text(word)
    assert "QUYẾT ĐỊNH" in text and "Số: 07/QĐ-UBND" in text and "ngày 02 tháng 3 năm 2026" in text
    rows = [[c.text for c in row.cells] for row in word.tables[-1].rows]
    assert rows[0] == ["STT", "Tên", "Thuộc", "Mức độ công nhận"]
    assert rows[1] == ["1", "Phường Tây Mỗ", "Thành phố Hà Nội", "Mức độ 1"]


def test_evidence_links_the_weeks_own_records_only_within_reach(tree, people, schemes, hanoi_plan, campaign):
    from lifelong.plans.tests.helpers import publish_plan

    taymo_plan = publish_plan(tree.taymo, campaign, number="5")
    assessment = services.assessment_open_for_unit(actor=people.taymo, scheme=schemes[COMMUNE], year=2025,
                                                   unit=tree.taymo)
    week = Indicator.objects.get(criterion__scheme=schemes[COMMUNE], code="1.3")
    offered = {(c.record_type, c.record_id) for c in evidence.record_choices(people.taymo, assessment)}
    assert ("plan", taymo_plan.pk) in offered and ("plan", hanoi_plan.pk) not in offered
    item = evidence.evidence_add(actor=people.taymo, assessment=assessment, indicator=week,
                                 record=f"plan:{taymo_plan.pk}")
    assert item.kind == "record" and evidence.record_url(item) == f"/plans/{taymo_plan.pk}/"
    for bad in ({"record": f"plan:{hanoi_plan.pk}"}, {"url": "javascript:alert(1)"}, {"url": "x", "record": "p:1"},
                {}):
        with pytest.raises(ValidationFailed):
            evidence.evidence_add(actor=people.taymo, assessment=assessment, indicator=week, **bad)
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("bao-cao.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
    with pytest.raises(ValidationFailed):
        evidence.evidence_add(actor=people.taymo, assessment=assessment, indicator=week, upload=fake)
    real = SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4\n%...", content_type="application/pdf")
    assert evidence.evidence_add(actor=people.taymo, assessment=assessment, indicator=None, upload=real).file
    with pytest.raises(PermissionDeniedError):
        evidence.evidence_add(actor=people.yaly, assessment=assessment, indicator=week, url="https://example.vn")


def _xlsx(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(households.TEMPLATE_HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_households_import_is_all_or_nothing_and_rated_rows_are_submitted(tree, people, schemes):
    bad = _xlsx([["Tổ dân phố số 1", "Gia đình", "Gia đình ông A", 4, "Đạt"],
                 ["Tổ dân phố số 9", "Gia đình", "Gia đình bà B", 3, ""],
                 ["to dan pho so 1", "Họ hàng", "Gia đình ông C", "", ""],
                 ["Tổ dân phố số 1", "Gia đình", "Gia đình ông A", 4, "Có lẽ"]])
    with pytest.raises(ValidationFailed) as refused:
        households.households_import(actor=people.taymo, unit=tree.taymo, filename="h.xlsx", data=bad, year=2025)
    assert {d["row"] for d in refused.value.details} == {3, 4, 5}
    assert not Household.objects.exists()

    good = _xlsx([["Tổ dân phố số 1", "Gia đình", "Gia đình ông A", 4, "Đạt"],
                  ["to dan pho so 1", "gia dinh", "Gia đình bà B", "", "Chưa đạt"],
                  ["Tổ dân phố số 1", "Dòng họ", "Dòng họ Nguyễn", 120, ""]])
    result = households.households_import(actor=people.taymo, unit=tree.taymo, filename="h.xlsx", data=good,
                                          year=2025)
    assert result == {"created": 3, "submitted": 1}
    family = next(r for r in rates.unit_rates(tree.hanoi, 2025) if r.scheme.code == FAMILY)
    assert (family.eligible, family.applied) == (2, 1)
    with pytest.raises(PermissionDeniedError):
        households.households_import(actor=people.yaly, unit=tree.taymo, filename="h.xlsx", data=good, year=2025)
    # A residential group's leader imports the group's own households (the village column may stay empty).
    own = _xlsx([["", "Gia đình", "Gia đình ông D", 3, ""], ["Thôn 1", "Gia đình", "Gia đình ông E", 3, ""]])
    with pytest.raises(ValidationFailed):  # Thôn 1 is Ya Ly's, not this group's
        households.households_import(actor=people.village, unit=tree.village, filename="h.xlsx", data=own, year=2025)
    own = _xlsx([["", "Gia đình", "Gia đình ông D", 3, ""]])
    assert households.households_import(actor=people.village, unit=tree.village, filename="h.xlsx", data=own,
                                        year=2025)["created"] == 1
    assert Household.objects.get(name="Gia đình ông D").unit == tree.village
    # Erasing a household removes it, its assessment, and their counts.
    household = Household.objects.get(name="Gia đình ông A")
    households.household_erase(actor=people.village, household=household)
    family = next(r for r in rates.unit_rates(tree.hanoi, 2025) if r.scheme.code == FAMILY)
    assert (family.eligible, family.applied) == (2, 0)


def test_a_citizens_certificates_of_the_year_prefill_the_evidence(attended, schemes):
    from django.utils import timezone

    from lifelong.learners import certificates
    from lifelong.learners.models import LearnerProfile

    certificates.certificates_issue(actor=attended.editor, activity=attended.activity)
    LearnerProfile.objects.create(user=attended.learner, display_name="An", home_commune=attended.activity.unit)
    assessment = services.assessment_open_for_citizen(
        actor=attended.learner, scheme=schemes["cong-dan-hoc-tap-244-2022"], year=timezone.localdate().year,
        home_commune=attended.activity.unit)
    linked = list(assessment.evidence.all())
    assert len(linked) == 1 and linked[0].record_type == "certificate"
    assert evidence.record_url(linked[0]).startswith("/chung-nhan/")
