"""In Chromium on a 360 px phone: Tây Mỗ self-assesses, sees its level as it answers, submits its dossier;
Hà Nội accepts it and issues the decision; the recognition shows on Tây Mỗ's public page."""

import pytest

from conftest import browser_login
from lifelong.recognition.models import Assessment, Indicator

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def test_self_assessment_to_recognition_decision(live_server, browser, phone, tree, people, schemes):
    scheme = schemes["cdht-xa-tt25-2023"]
    browser_login(phone, live_server, "taymo", "secret-pass-123")
    phone.goto(f"{live_server.url}/units/{tree.taymo.pk}/")
    phone.locator("[data-testid=recognition-link]").click()
    phone.select_option("#id_scheme", str(scheme.pk))
    phone.select_option("#id_year", "2025")
    phone.locator("[data-testid=open-form] button[type=submit]").click()
    phone.wait_for_url("**/recognition/assessments/*/")
    level = phone.locator("[data-testid=level]")
    assert "Chưa đạt mức độ nào" in level.inner_text()
    codes = list(Indicator.objects.filter(criterion__scheme=scheme, level=1).values_list("code", flat=True))
    for code in codes:
        phone.locator(f"[data-testid='met-{code}']").check()
    phone.locator("[data-testid=level]", has_text="Mức độ 1").wait_for()  # the level as they answer
    assert fits_the_screen(phone)
    phone.locator("[data-testid=save-answers]").click()
    phone.wait_for_load_state()
    assert "Mức độ 1" in phone.locator("[data-testid=level]").inner_text()
    phone.locator("[data-testid=submit]").click()
    phone.wait_for_load_state()
    assert phone.locator("[data-testid=status]").inner_text() == "Đã gửi, chờ thẩm định"
    assessment = Assessment.objects.get(unit=tree.taymo)

    reviewer = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN").new_page()
    browser_login(reviewer, live_server, "hanoi", "secret-pass-123")
    reviewer.goto(f"{live_server.url}/units/{tree.hanoi.pk}/recognition/reviews/?year=2025")
    reviewer.get_by_role("link", name="Phường Tây Mỗ").click()
    reviewer.locator("[data-testid=review-submit]").click()  # "accept" at the level applied for is preselected
    reviewer.wait_for_load_state()
    assert reviewer.locator("[data-testid=status]").inner_text() == "Đã chấp thuận, chờ quyết định"
    reviewer.goto(f"{live_server.url}/units/{tree.hanoi.pk}/recognition/reviews/?year=2025")
    reviewer.locator("[data-testid=prepare-decision]").click()
    reviewer.wait_for_url("**/recognition/decisions/*/")
    reviewer.fill("#id_number", "125")
    reviewer.fill("#id_issued_on", "20/03/2026")
    reviewer.locator("[data-testid=issue]").click()
    reviewer.wait_for_load_state()
    assert reviewer.locator("[data-testid=decision-status]").inner_text() == "Đã ban hành"
    with reviewer.expect_download() as download:
        reviewer.locator("[data-testid=decision-docx]").click()
    assert download.value.suggested_filename.endswith(".docx")
    reviewer.context.close()

    assessment.refresh_from_db()
    assert (assessment.status, assessment.level_granted) == ("recognised", 1)
    phone.context.clear_cookies()
    phone.goto(f"{live_server.url}/units/{tree.taymo.pk}/")
    section = phone.locator("[data-testid=unit-recognitions]").inner_text()
    assert "Cộng đồng học tập cấp xã 2025" in section and "125/" in section and fits_the_screen(phone)
