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


def test_version_changes_on_a_phone_and_a_desktop(live_server, phone, browser, tree, campaign, hanoi_plan, make_user,
                                                  tmp_path):
    """The diff keeps removed and added words apart as the reader sees and copies them; the header is compared.
    Screenshots go to $PLANS_SCREENSHOTS (or the test's tmp dir) for a person to look at."""
    import os
    from pathlib import Path

    from lifelong.plans import services

    shots = Path(os.environ.get("PLANS_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    draft = services.plan_derive(actor=None, unit=tree.taymo, campaign=campaign)
    draft = services.plan_update(actor=None, plan=draft, lock_version=draft.lock_version, fields={
        "number": "15", "issue_date": date(2025, 9, 26),
        "title": "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025"})
    first = services.plan_publish(actor=None, plan=draft, lock_version=draft.lock_version).plan
    draft = services.plan_revise(actor=None, plan=first)
    draft = services.plan_update(actor=None, plan=draft, lock_version=draft.lock_version, fields={
        "number": "16", "issue_date": date(2025, 9, 29), "signer_name": "Nguyễn Văn An",
        "title": "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2026"})
    second = services.plan_publish(actor=None, plan=draft, lock_version=draft.lock_version).plan
    make_user(tree.taymo, Membership.Role.EDITOR, username="canbo.taymo", password="mat-khau-tay-mo-1")

    desktop_context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    desktop = desktop_context.new_page()
    try:
        for page, width in ((phone, 360), (desktop, 1280)):
            browser_login(page, live_server, "canbo.taymo", "mat-khau-tay-mo-1")
            page.goto(f"{live_server.url}/plans/{second.pk}/changes/?against=previous")
            title = page.locator("[data-section=title] .diff").inner_text()
            assert title.endswith("năm 2025 2026") and "20252026" not in title
            header = page.locator("[data-section=header] .diff").inner_text().split("\n")
            assert "Số: 15 16" in header and "Ngày ban hành: 26/09/2025 29/09/2025" in header
            assert "Họ tên người ký: — Nguyễn Văn An" in page.locator("[data-section=signature] .diff").inner_text()
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            page.screenshot(path=str(shots / f"plan-changes-previous-{width}.png"), full_page=True)
            page.goto(f"{live_server.url}/plans/{second.pk}/changes/?against=parent")
            assert "PHƯỜNG TÂY MỖ" in page.locator("[data-section=header] .diff").inner_text()
            page.screenshot(path=str(shots / f"plan-changes-parent-{width}.png"), full_page=True)
    finally:
        desktop_context.close()
