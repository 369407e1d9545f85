"""In Chromium on a 360 px phone: the public verification page fits the screen, hides the name until the
holder shows it, and an unknown code answers the Vietnamese "not found" page."""

import pytest

from conftest import browser_login
from lifelong.learners import certificates
from lifelong.learners.models import Certificate
from lifelong.learners.tests import certificate_helpers
from lifelong.learners.tests.certificate_helpers import PASSWORD

attended = certificate_helpers.attended  # a fixture
signing_key = certificate_helpers.signing_key  # a fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fits_the_screen(phone) -> bool:
    return phone.evaluate("document.documentElement.scrollWidth") <= 360


def test_verification_page_on_a_phone(live_server, phone, attended):
    certificates.certificates_issue(actor=attended.editor, activity=attended.activity)
    certificate = Certificate.objects.get(registration=attended.an)

    phone.goto(f"{live_server.url}/chung-nhan/{certificate.code.lower()}/")
    status = phone.locator("[data-testid=certificate-status]")
    assert status.is_visible() and status.inner_text().startswith("✔ Còn hiệu lực")
    assert "Không hiển thị" in phone.locator("[data-testid=holder]").inner_text()
    assert "Nguyễn Văn An" not in phone.content()
    assert fits_the_screen(phone)
    assert phone.locator("[data-testid=owner-panel]").count() == 0

    # The holder logs in and chooses to show the name; a visitor then sees it.
    browser_login(phone, live_server, "an.learner", PASSWORD)
    phone.goto(f"{live_server.url}/chung-nhan/{certificate.code}/")
    phone.locator("[data-testid=show-name]").click()
    phone.wait_for_url(f"{live_server.url}/chung-nhan/{certificate.code}/")
    assert phone.locator("[data-testid=holder]").inner_text() == "Nguyễn Văn An"
    assert phone.locator("[data-testid=hide-name]").is_visible() and fits_the_screen(phone)
    phone.context.clear_cookies()
    phone.goto(f"{live_server.url}/chung-nhan/{certificate.code}/")
    assert phone.locator("[data-testid=holder]").inner_text() == "Nguyễn Văn An"

    # Revoked: the page says so, with the date.
    certificates.certificate_revoke(actor=attended.editor, certificate=certificate, reason="Cấp nhầm")
    phone.reload()
    assert phone.locator("[data-testid=certificate-status]").inner_text().startswith("✖ Đã thu hồi ngày")
    assert "Cấp nhầm" not in phone.content()

    # A code typed wrong: the Vietnamese "not found" page, with the form to try again.
    response = phone.goto(f"{live_server.url}/chung-nhan/GCN-0000-0000-00000/")
    assert response.status == 404
    assert phone.locator("h1").inner_text() == "Không tìm thấy giấy chứng nhận"
    phone.fill("#id_code", certificate.code)
    phone.locator("main button[type=submit]").click()
    phone.wait_for_url(f"{live_server.url}/chung-nhan/{certificate.code}/")
    assert fits_the_screen(phone)
