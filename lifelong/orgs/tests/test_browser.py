"""In a real Chromium: a Tây Mỗ officer logs in, finds the ward without accents, opens it, switches to English."""

import pytest
from django.core.management import call_command

from conftest import browser_login
from lifelong.orgs.models import Membership, OrgUnit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

def test_taymo_officer_logs_in_searches_opens_unit_and_switches_language(live_server, phone, make_user):
    call_command("load_units", verbosity=0)
    taymo = OrgUnit.objects.get(code="00634")
    make_user(taymo, Membership.Role.ADMIN, username="taymo", password="mat-khau-tay-mo-1")
    page = phone
    browser_login(page, live_server, "taymo", "mat-khau-tay-mo-1")
    assert page.locator("[data-testid=account-link]").inner_text() == "taymo"
    assert "Phường Tây Mỗ" in page.locator("main").inner_text()  # listed under "Đơn vị của bạn"

    page.fill("#home-q", "tay mo")
    page.press("#home-q", "Enter")
    result = page.locator(".results a", has_text="Phường Tây Mỗ")
    result.first.click()
    page.wait_for_url(f"{live_server.url}/units/{taymo.pk}/")
    assert page.locator("h1").inner_text() == "Phường Tây Mỗ"
    assert "Thành phố Hà Nội" in page.locator(".breadcrumbs").inner_text()
    assert page.locator("a.button", has_text="Thành viên").is_visible()
    # Nothing overflows the 360 px screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.click(".lang-switch button[value=en]")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("a.button", has_text="Members").is_visible()
    assert page.url == f"{live_server.url}/units/{taymo.pk}/"


def test_live_search_updates_without_reload(live_server, phone, tree):
    page = phone
    page.goto(f"{live_server.url}/units/")
    page.fill("#unit-q", "ya ly")
    page.locator("#results .results a", has_text="Xã Ya Ly").wait_for()
    assert "Xã Ya Ly" in page.locator("#results").inner_text()
