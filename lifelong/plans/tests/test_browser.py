"""In Chromium on a phone-size screen: a Tây Mỗ editor derives the ward's plan, edits the venue, publishes,
and downloads the Word document."""

from datetime import date

import docx
import pytest

from conftest import browser_login
from lifelong.orgs.models import Membership
from lifelong.plans.models import Plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_derive_edit_publish_download(live_server, phone, tree, campaign, hanoi_plan, make_user):
    make_user(tree.taymo, Membership.Role.EDITOR, username="canbo.taymo", password="mat-khau-tay-mo-1")
    page = phone
    browser_login(page, live_server, "canbo.taymo", "mat-khau-tay-mo-1")

    page.goto(f"{live_server.url}/units/{tree.taymo.pk}/plans/?campaign={campaign.pk}")
    page.click("[data-testid=derive]")
    page.wait_for_url("**/plans/*/edit/")
    assert page.locator("#id_issuing_body_line").input_value() == "ỦY BAN NHÂN DÂN\nPHƯỜNG TÂY MỖ"
    page.fill("#id_opening_venue", "Trường THCS Nguyễn Quý Đức")
    page.fill("#id_report_due", "15/10/2025")
    page.click("[data-testid=save-publish]")
    page.wait_for_url("**/plans/*/")
    assert page.locator("[data-testid=plan-status]").inner_text() == "Đã ban hành"
    assert "Trường THCS Nguyễn Quý Đức" in page.locator("[data-testid=opening]").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    with page.expect_download() as download_info:
        page.click("[data-testid=download]")
    path = download_info.value.path()
    document = docx.Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Trường THCS Nguyễn Quý Đức" in text
    plan = Plan.objects.get(unit=tree.taymo, status=Plan.Status.PUBLISHED)
    assert plan.report_due == date(2025, 10, 15) and plan.derived_from == hanoi_plan


def test_import_a_plan_from_its_document_on_a_phone(live_server, phone, tree, campaign, make_user):
    from pathlib import Path

    seed = next((Path(__file__).resolve().parent / "fixtures" / "seeds").glob("002_*.txt"))
    make_user(tree.taymo, Membership.Role.EDITOR, username="canbo.taymo", password="mat-khau-tay-mo-1")
    page = phone
    browser_login(page, live_server, "canbo.taymo", "mat-khau-tay-mo-1")
    page.goto(f"{live_server.url}/units/{tree.taymo.pk}/plans/?campaign={campaign.pk}")
    page.click("[data-testid=import-document]")
    page.set_input_files("#id_file", str(seed))
    page.click("[data-testid=read]")
    page.wait_for_selector("[data-testid=summary]")
    assert page.locator("#id_symbol").input_value() == "KH-UBND"
    assert page.locator("#id_number").input_value() == ""
    assert "Cần kiểm tra" in page.locator("[data-testid=check-issue_date]").inner_text()
    assert "Trường THCS Nguyễn Quý Đức" in page.locator("[data-testid=source-opening_venue]").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.fill("#id_issue_date", "26/09/2025")
    page.click("[data-testid=save-import]")
    page.wait_for_url("**/plans/*/edit/")
    plan = Plan.objects.get(unit=tree.taymo)
    assert plan.status == Plan.Status.DRAFT and plan.issue_date == date(2025, 9, 26)
    assert plan.legal_bases.count() == 5 and plan.activities.count() == 7
