import io
from datetime import date

import docx
from django.urls import reverse
from docx.shared import Pt

from lifelong.plans import services
from lifelong.plans.documents import plan_docx, plan_docx_filename
from lifelong.plans.tests.helpers import publish_plan


def _open(plan):
    return docx.Document(io.BytesIO(plan_docx(plan)))


def _paragraph(document, text):
    for table in document.tables:
        for cell in table._cells:
            for paragraph in cell.paragraphs:
                if text in paragraph.text:
                    return paragraph
    return next(p for p in document.paragraphs if text in p.text)


def test_published_plan_document_header_date_and_bases(hanoi_plan):
    document = _open(hanoi_plan)
    number = _paragraph(document, "Số:")
    assert number.text.strip() == "Số: 262/KH-UBND"
    date_line = _paragraph(document, "ngày 25 tháng 9 năm 2025")
    assert date_line.text.strip() == "Hà Nội, ngày 25 tháng 9 năm 2025"
    assert all(run.italic for run in date_line.runs if run.text.strip())
    issuing = _paragraph(document, "THÀNH PHỐ HÀ NỘI")
    assert all(run.bold for run in issuing.runs if run.text.strip())
    title = _paragraph(document, "KẾ HOẠCH")
    assert title.runs[0].bold and title.runs[0].font.size == Pt(14)
    basis = _paragraph(document, "Căn cứ Quyết định số 1373/QĐ-TTg")
    assert basis.text.endswith(".") and all(run.italic for run in basis.runs if run.text.strip())
    body = "\n".join(p.text for p in document.paragraphs)
    assert "I. MỤC ĐÍCH, YÊU CẦU" in body and "Nâng cao nhận thức về học tập suốt đời." in body
    assert "Tập huấn kỹ năng số cho người dân." in body
    assert "Các đơn vị báo cáo kết quả thực hiện về Thành phố Hà Nội trước ngày 20/10/2025." in body


def test_draft_document_shows_the_blanks(tree, campaign, hanoi_plan):
    draft = services.plan_derive(actor=None, unit=tree.taymo, campaign=campaign)
    document = _open(draft)
    assert _paragraph(document, "Số:").text.strip() == "Số:      /KH-UBND"
    assert _paragraph(document, "năm 2025").text.strip() == "Tây Mỗ, ngày     tháng     năm 2025"
    assert _paragraph(document, "UBND THÀNH PHỐ HÀ NỘI").runs[0].bold in (False, None)
    bases = [p.text for p in document.paragraphs if p.text.startswith(("Căn cứ", "Thực hiện"))]
    assert bases[0].endswith(";") and bases[-1].endswith(".")
    assert bases[-1].startswith("Thực hiện Kế hoạch số 262/KH-UBND ngày 25/9/2025 của Ủy ban nhân dân Thành phố Hà Nội")


def test_date_rule_for_january_and_single_digit_days(tree, campaign):
    plan = services.plan_create_draft(actor=None, unit=tree.yaly, campaign=campaign)
    plan = services.plan_update(actor=None, plan=plan, lock_version=plan.lock_version,
                                fields={"number": "5", "issue_date": date(2026, 1, 5)})
    document = _open(plan)
    assert _paragraph(document, "Số:").text.strip() == "Số: 05/KH-UBND"
    assert _paragraph(document, "năm 2026").text.strip() == "Ya Ly, ngày 05 tháng 01 năm 2026"
    assert plan_docx_filename(plan) == "du-thao-ke-hoach-5-kh-ubnd-xa-ya-ly-2025.docx"  # numbered, still a draft
    plan = services.plan_publish(actor=None, plan=plan, lock_version=plan.lock_version).plan
    assert plan_docx_filename(plan) == "ke-hoach-5-kh-ubnd-xa-ya-ly-2025.docx"


def test_file_names_of_drafts_and_of_published_plans_without_number(client, tree, campaign, hanoi_plan):
    draft = services.plan_derive(actor=None, unit=tree.taymo, campaign=campaign)
    assert plan_docx_filename(draft) == "du-thao-ke-hoach-phuong-tay-mo-2025.docx"
    draft = services.plan_update(actor=None, plan=draft, lock_version=draft.lock_version,
                                 fields={"issue_date": date(2025, 9, 26), "report_due": date(2025, 10, 15)})
    published = services.plan_publish(actor=None, plan=draft, lock_version=draft.lock_version).plan
    assert published.number == ""
    assert plan_docx_filename(published) == "ke-hoach-phuong-tay-mo-26-09-2025.docx"
    response = client.get(reverse("plan_document", args=[published.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="ke-hoach-phuong-tay-mo-26-09-2025.docx"'
    undated = publish_plan(tree.soyte, campaign)  # neither number nor date: the campaign's year
    assert plan_docx_filename(undated) == "ke-hoach-so-y-te-ha-noi-2025.docx"
    letter = services.plan_create_draft(actor=None, unit=tree.danang, campaign=campaign, doc_kind="letter")
    letter = services.plan_publish(actor=None, plan=letter, lock_version=letter.lock_version).plan
    assert plan_docx_filename(letter) == "cong-van-thanh-pho-da-nang-2025.docx"
    assert plan_docx_filename(hanoi_plan) == "ke-hoach-262-kh-ubnd-thanh-pho-ha-noi-2025.docx"
