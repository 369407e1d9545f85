import io
from datetime import date

import docx
from django.core.management import call_command

from lifelong.campaigns.models import Campaign
from lifelong.orgs.models import OrgUnit
from lifelong.plans import selectors
from lifelong.plans.documents import plan_docx
from lifelong.plans.models import Plan


def test_demo_cascade_of_the_seed_documents(db):
    call_command("load_demo", verbosity=0)
    campaign = Campaign.objects.get(year=2025)
    assert campaign.theme and campaign.start_date == date(2025, 10, 1) and campaign.end_date == date(2025, 10, 7)
    published = {p.unit.name: p for p in Plan.objects.filter(status=Plan.Status.PUBLISHED).select_related("unit")}
    ministry = published["Bộ Giáo dục và Đào tạo"]
    assert (ministry.doc_kind, ministry.reference(), ministry.issue_date, ministry.report_due) == (
        "letter", "5607/BGDĐT-GDNNGDTX", date(2025, 9, 15), date(2025, 10, 20))
    hanoi = published["Thành phố Hà Nội"]
    assert (hanoi.reference(), hanoi.issue_date) == ("262/KH-UBND", date(2025, 9, 25))
    assert published["Sở Y tế Hà Nội"].report_due == date(2025, 10, 10)
    taymo = published["Phường Tây Mỗ"]
    assert taymo.number == "" and taymo.report_due == date(2025, 10, 15)
    assert (taymo.opening_date, taymo.opening_venue) == (date(2025, 10, 1), "Trường THCS Nguyễn Quý Đức")
    assert taymo.report_to.name == "Phòng Văn hoá - Xã hội"
    assert taymo.derived_from == hanoi
    quangngai = published["Tỉnh Quảng Ngãi"]
    assert (quangngai.doc_kind, quangngai.reference(), quangngai.issue_date) == (
        "letter", "2996/UBND-KGVX", date(2025, 9, 30))
    assert published["Xã Ya Ly"].report_due == date(2025, 10, 13)

    coverage = selectors.coverage(OrgUnit.objects.get(code="01"), campaign)
    statuses = {r.unit.name: r.status for r in coverage.children}
    assert statuses["Sở Y tế Hà Nội"] == statuses["Phường Tây Mỗ"] == "published"
    assert statuses["Sở Giáo dục và Đào tạo Hà Nội"] == statuses["Hội Khuyến học Thành phố Hà Nội"] == "none"
    assert coverage.children_counts.published == 2
    national = {r.unit.name: r for r in selectors.coverage(OrgUnit.objects.get(code="BGDDT"), campaign).children}
    assert national["Thành phố Hà Nội"].subtree.published == 2 and national["Tỉnh Quảng Ngãi"].subtree.published == 1

    document = docx.Document(io.BytesIO(plan_docx(taymo)))
    header_text = "\n".join(cell.text for cell in document.tables[0]._cells)
    assert "UBND THÀNH PHỐ HÀ NỘI" in header_text and "PHƯỜNG TÂY MỖ" in header_text
    assert "Số:      /KH-UBND" in header_text  # the ward's plan was issued without a number in the seed

    count = Plan.objects.count()
    call_command("load_demo", verbosity=0)
    assert Plan.objects.count() == count
