"""In Chromium on a phone-size screen: the school reports with an "of which" above its total, gets the
field error, fixes it, submits; the totals of the ward, the city and the Ministry include it at once;
the ward returns it with a comment, and the school sees the comment."""

import pytest
from django.core.management import call_command

from conftest import browser_login
from lifelong.orgs.models import Membership

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fill(page, values):
    for name, value in values.items():
        selector = f'[name="{name}"]'
        if name == "v.a1":
            page.select_option(selector, value)
        else:
            page.fill(selector, value)


def test_school_reports_ward_returns(live_server, browser, tree, reporting, make_user):
    make_user(tree.school, Membership.Role.EDITOR, username="gv.nqd", password="mat-khau-truong-1")
    make_user(tree.taymo, Membership.Role.EDITOR, username="cb.taymo", password="mat-khau-phuong-1")
    make_user(tree.ministry, Membership.Role.VIEWER, username="bo.xem", password="mat-khau-bo-1")
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(10_000)
    browser_login(page, live_server, "gv.nqd", "mat-khau-truong-1")
    page.goto(f"{live_server.url}/units/{tree.school.pk}/report/?campaign={reporting.pk}")
    _fill(page, {"v.a1": "yes", "v.a2.officials": "10", "v.a2.learners": "20", "v.a2.residents": "30",
                 "v.c2.officials": "5", "v.c2.learners": "5", "v.c2.residents": "0", "v.c3": "25",
                 "n.overall": "Trường đã tổ chức tốt các hoạt động."})
    # the live check marks the field while typing
    page.locator("#f-v-c3").filter(has_text="không được lớn hơn c2").wait_for()
    page.click("[data-testid=submit]")
    page.locator("#f-v-c3").filter(has_text="không được lớn hơn c2").wait_for()
    assert page.locator("[data-testid=report-status]").inner_text() == "Dự thảo"
    page.fill('[name="v.c3"]', "4")
    page.click("[data-testid=submit]")
    page.locator("[data-testid=report-status]").filter(has_text="Đã gửi").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()

    # the Ministry sees it at every level at once; then the ward returns it
    for username, password, units in (("bo.xem", "mat-khau-bo-1", [tree.taymo, tree.hanoi, tree.ministry]),
                                      ("cb.taymo", "mat-khau-phuong-1", [tree.taymo])):
        context = browser.new_context(viewport={"width": 360, "height": 740})
        page = context.new_page()
        browser_login(page, live_server, username, password)
        for unit in units:
            page.goto(f"{live_server.url}/units/{unit.pk}/totals/?campaign={reporting.pk}")
            assert page.locator("[data-testid=total-a2]").inner_text() == "60"
            assert page.locator("[data-testid=total-c3]").inner_text() == "4"
        if username == "cb.taymo":
            page.goto(f"{live_server.url}/units/{tree.school.pk}/report/?campaign={reporting.pk}")
            page.fill("#return-comment", "Bổ sung số người dân tham gia lớp kỹ năng số.")
            page.click("[data-testid=return]")
            page.locator("[data-testid=report-status]").filter(has_text="Dự thảo").wait_for()
        context.close()

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)  # the worker delivers the notice
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    browser_login(page, live_server, "gv.nqd", "mat-khau-truong-1")
    assert page.locator("[data-testid=notifications-link] .badge").inner_text() == "1"
    page.goto(f"{live_server.url}/units/{tree.school.pk}/report/?campaign={reporting.pk}")
    assert "Bổ sung số người dân tham gia lớp kỹ năng số." in page.locator("[data-testid=return-comment]").inner_text()
    context.close()
