"""In Chromium (issue 12): the header is one line on a 360 px phone with its links behind a menu button and
inline at 1280 px; a refused form lists its errors at the top, and each link puts the cursor in its field."""

import pytest

from conftest import browser_login
from lifelong.orgs.models import Membership

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAV_LINKS = ["Nội dung hoạt động", "Đơn vị", "Các đợt Tuần lễ", "Đăng xuất"]


def _header_height(page) -> float:
    return page.evaluate("document.querySelector('.site-header').getBoundingClientRect().height")


def test_phone_header_is_one_line_with_a_menu_button(live_server, phone, tree, make_user):
    make_user(tree.school, Membership.Role.EDITOR, username="truong", password="mat-khau-truong-1",
              full_name="Giáo viên Trường THCS Nguyễn Quý Đức")
    browser_login(phone, live_server, "truong", "mat-khau-truong-1")
    phone.goto(f"{live_server.url}/units/")
    assert _header_height(phone) <= 64
    nav = phone.locator("nav.main-nav")
    assert not nav.is_visible()
    assert phone.locator(".lang-switch button[value=en]").is_visible()  # the language stays one tap away
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360

    phone.click("[data-testid=menu-button]")
    for name in NAV_LINKS:
        assert nav.get_by_text(name, exact=True).is_visible()
    assert nav.get_by_text("Giáo viên Trường THCS Nguyễn Quý Đức").is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    nav.get_by_text("Các đợt Tuần lễ").click()
    phone.wait_for_url(f"{live_server.url}/campaigns/")
    assert not phone.locator("nav.main-nav").is_visible()  # a new page starts with the menu closed


def test_wide_screen_shows_the_links_inline(live_server, browser, tree, make_user):
    make_user(tree.taymo, Membership.Role.ADMIN, username="taymo", password="mat-khau-tay-mo-1")
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(10_000)
    browser_login(page, live_server, "taymo", "mat-khau-tay-mo-1")
    assert not page.locator("[data-testid=menu-button]").is_visible()
    for name in NAV_LINKS:
        assert page.locator("nav.main-nav").get_by_text(name, exact=True).is_visible()
    assert _header_height(page) <= 64
    context.close()


def test_error_summary_links_move_the_cursor_to_the_fields(live_server, phone, tree, campaign, make_user):
    make_user(tree.taymo, Membership.Role.EDITOR, username="cb.taymo", password="mat-khau-phuong-1")
    browser_login(phone, live_server, "cb.taymo", "mat-khau-phuong-1")
    phone.goto(f"{live_server.url}/units/{tree.taymo.pk}/activities/new/")
    phone.fill("#id_day_1", "31/11/2026")
    phone.fill("#id_start_1", "08:00")
    # As an old browser would: no client-side check, so the server answers every problem at once.
    phone.evaluate("document.querySelector('main form').noValidate = true")
    phone.click("[data-testid=save-activity]")
    summary = phone.locator("[data-testid=error-summary]")
    summary.wait_for()
    assert summary.evaluate("node => node.closest('form') === document.querySelector('main form')")
    first_field = phone.locator("main form .field").first
    assert summary.bounding_box()["y"] < first_field.bounding_box()["y"]  # at the top of the form
    assert "Vui lòng sửa các mục sau" in summary.inner_text()
    assert phone.input_value("#id_day_1") == "31/11/2026"  # the typed text is kept

    summary.locator("a[href='#id_day_1']").click()
    assert phone.evaluate("document.activeElement.id") == "id_day_1"
    label_top = phone.locator("label[for=id_day_1]").bounding_box()["y"]
    assert 0 <= label_top < 740  # its label is in view, not scrolled off the top
    phone.evaluate("window.scrollTo(0, 0)")
    summary.locator("a[href='#id_title']").click()
    assert phone.evaluate("document.activeElement.id") == "id_title"
    assert "dd/mm/yyyy" in summary.inner_text()
