"""In Chromium: a resident finds "ky nang so" in Phường Tây Mỗ without accents, registers and sees the QR page;
an organiser on a phone-size window checks the code in; the ward's draft report shows the attendance pre-filled."""

import pytest

from conftest import browser_login
from lifelong.activities.models import Registration
from lifelong.orgs.models import Membership

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_resident_registers_organiser_checks_in_report_is_prefilled(live_server, browser, tree, skills, make_user):
    from lifelong.reports.services import report_form_install_default

    report_form_install_default(actor=None, campaign=skills.campaign)
    make_user(tree.taymo, Membership.Role.EDITOR, username="cb.taymo", password="mat-khau-phuong-1")

    resident = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN").new_page()
    resident.set_default_timeout(10_000)
    resident.goto(f"{live_server.url}/activities/?q=ky+nang+so+tay+mo")
    resident.click("text=Tập huấn kỹ năng số cho người cao tuổi")
    resident.click("details.panel summary")
    resident.fill("#id_name", "Đỗ Thị Lan")
    resident.fill("#id_phone", "0934 567 890")
    resident.select_option("#id_group", "disadvantaged")
    resident.check("#id_consent")
    resident.click("[data-testid^=register-]")
    resident.wait_for_url("**/tickets/*/")
    assert resident.locator("[data-testid=qr] svg").count() == 1
    code = resident.locator("[data-testid=ticket-code]").inner_text()
    assert resident.evaluate("document.documentElement.scrollWidth") <= 360
    assert Registration.objects.get().name == "Đỗ Thị Lan"

    organiser = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
    organiser.set_default_timeout(10_000)
    browser_login(organiser, live_server, "cb.taymo", "mat-khau-phuong-1")
    organiser.goto(f"{live_server.url}/activities/{skills.pk}/")
    organiser.click("[data-testid=checkin-link]")
    organiser.fill("#id_code", code.lower())
    organiser.click("[data-testid=checkin-submit]")
    assert "Đỗ Thị Lan" in organiser.locator("[data-testid=checkin-ok]").inner_text()
    organiser.fill("#id_code", code)
    organiser.click("[data-testid=checkin-submit]")
    assert "Đã điểm danh lúc" in organiser.locator("[data-testid=checkin-refused]").inner_text()
    assert "đã điểm danh 1" in organiser.locator("[data-testid=counts]").inner_text()

    organiser.goto(f"{live_server.url}/activities/{skills.pk}/")
    organiser.select_option("select[name=status]", "held")
    organiser.click("text=Cập nhật trạng thái")
    organiser.goto(f"{live_server.url}/units/{tree.taymo.pk}/report/?campaign={skills.campaign.pk}")
    assert organiser.locator('[name="v.c2.residents"]').input_value() == "1"
    assert organiser.locator('[name="v.c1"]').input_value() == "1"
