"""In Chromium with Playwright's offline mode (issue 18): two phones check people in at the door without a
connection, one ticket on both; when the connection returns each phone sends its queue, the ticket counts
once and the second phone is told of the conflict. Then a commune officer types the report offline: it is
kept on the phone, sent when the connection returns, and a version saved meanwhile is shown beside theirs."""

import pytest
from playwright.sync_api import expect

from conftest import browser_login
from lifelong.activities.models import OfflineCheckIn, Registration
from lifelong.activities.tests.conftest import sign_up
from lifelong.orgs.models import Membership
from lifelong.reports.models import Report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "mat-khau-phuong-1"


def _phone(browser, live_server, username):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(20_000)
    browser_login(page, live_server, username, PASSWORD)
    return context, page


def _ready_offline(page, url):
    """Open the page, wait for the service worker to control it, and open it again so that it is cached."""
    page.goto(url)
    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    page.reload()
    assert page.evaluate("() => navigator.serviceWorker.controller !== null")
    page.goto(url)


def test_two_phones_check_in_offline_then_sync_once(live_server, browser, tree, skills, make_user):
    make_user(tree.taymo, Membership.Role.EDITOR, username="cb.taymo", password=PASSWORD)
    session = skills.sessions.get()
    lan = sign_up(skills, name="Đỗ Thị Lan", phone="0934567890")
    url = f"{live_server.url}/sessions/{session.pk}/checkin/"

    phones = [_phone(browser, live_server, "cb.taymo") for _ in range(2)]
    for context, page in phones:
        _ready_offline(page, url)
        page.wait_for_selector("[data-testid=roster-note]:visible")
        context.set_offline(True)
        page.reload()  # from the service worker's copy
        expect(page.locator("[data-testid=offline-status]")).to_contain_text("Đang mất mạng")

    (first_context, first), (second_context, second) = phones
    first.fill("#id_code", lan.code.lower())
    first.click("[data-testid=checkin-submit]")
    expect(first.locator("[data-testid=offline-results] li").first).to_contain_text("Đỗ Thị Lan")
    first.click("#walkin-form >> xpath=.. >> summary")
    first.fill("#walkin-form [name=name]", "Trần Văn Bình")
    first.select_option("#walkin-form [name=group]", "residents")
    first.click("#walkin-form button[type=submit]")
    expect(first.locator("[data-offline-checkin]")).to_have_attribute("data-pending", "2")
    expect(first.locator("[data-testid=offline-status]")).to_contain_text("2 mục đang chờ gửi")
    first.screenshot(path="/tmp/offline-checkin-queued.png", full_page=True)
    second.fill("#id_code", lan.code)
    second.click("[data-testid=checkin-submit]")
    expect(second.locator("[data-offline-checkin]")).to_have_attribute("data-pending", "1")
    assert Registration.objects.filter(checked_in_at__isnull=False).count() == 0  # nothing reached the server

    first_context.set_offline(False)
    expect(first.locator("[data-offline-checkin]")).to_have_attribute("data-pending", "0")
    expect(first.locator("[data-testid=offline-results]")).to_contain_text("Đã gửi và được tính")
    second_context.set_offline(False)
    expect(second.locator("[data-offline-checkin]")).to_have_attribute("data-pending", "0")
    expect(second.locator("[data-testid=offline-results]")).to_contain_text("Trùng, không tính thêm")

    session.refresh_from_db()
    assert session.checked_in_count == 2  # Lan once, and the walk-in
    assert Registration.objects.get(walk_in=True).name == "Trần Văn Bình"
    assert OfflineCheckIn.objects.filter(outcome="conflict").count() == 1
    second.reload()
    expect(second.locator("[data-testid=conflicts]")).to_contain_text("Đỗ Thị Lan")
    second.screenshot(path="/tmp/offline-checkin-conflict.png", full_page=True)
    for context, _page in phones:
        context.close()


def test_report_typed_offline_is_sent_later_and_a_conflict_shows_both(live_server, browser, tree, skills,
                                                                      make_user):
    from lifelong.reports.services import report_for, report_form_install_default, report_save

    report_form_install_default(actor=None, campaign=skills.campaign)
    officer = make_user(tree.taymo, Membership.Role.EDITOR, username="cb.taymo", password=PASSWORD)
    context, page = _phone(browser, live_server, "cb.taymo")
    url = f"{live_server.url}/units/{tree.taymo.pk}/report/?campaign={skills.campaign.pk}"
    _ready_offline(page, url)

    context.set_offline(True)
    page.reload()
    page.fill('[name="v.b1"]', "7")
    page.click("[data-testid=save]")
    expect(page.locator("[data-offline-report]")).to_have_attribute("data-pending", "1")
    expect(page.locator("[data-testid=offline-status]")).to_contain_text("Báo cáo đã lưu trên máy lúc")
    assert not Report.objects.filter(unit=tree.taymo).exists()
    context.set_offline(False)
    page.wait_for_selector("text=Đã lưu dự thảo")
    assert Report.objects.get(unit=tree.taymo).values.get(indicator__code="b1").number == 7

    context.set_offline(True)
    page.reload()
    page.fill('[name="v.b1"]', "8")
    page.click("[data-testid=save]")
    expect(page.locator("[data-offline-report]")).to_have_attribute("data-pending", "1")
    report = report_for(tree.taymo, skills.campaign)  # meanwhile, someone else saves from the office
    report_save(actor=officer, report=report, lock_version=report.lock_version, data={"v.b1": "5"})
    context.set_offline(False)
    page.wait_for_selector("[data-testid=conflict]")
    assert page.locator("[data-testid=yours]").first.inner_text() == "8"
    assert page.locator("[data-testid=saved]").first.inner_text() == "5"
    assert page.locator('[name="v.b1"]').input_value() == "8"
    assert Report.objects.get(unit=tree.taymo).values.get(indicator__code="b1").number == 5
    page.screenshot(path="/tmp/offline-report-conflict.png", full_page=True)
    context.close()
