"""In Chromium at 360 px: a first-time visitor finds the assistant in the menu, asks with the keyboard only, reads
the answer with its chips, removes one, and follows an item."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from lifelong.activities import services as activity_services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_asking_on_a_phone_with_the_keyboard(live_server, phone, tree, campaign):
    tz = timezone.get_current_timezone()
    start = datetime.combine(timezone.localdate() + timedelta(days=1), datetime.min.time(), tzinfo=tz) \
        + timedelta(hours=8)
    for unit in (tree.taymo, tree.yaly):
        activity_services.activity_create(
            actor=None, unit=unit, campaign=campaign, published=True,
            data={"category": campaign.categories.get(code="digital_skills"), "title": f"Lớp VNeID ở {unit.name}"},
            sessions=[(start, start + timedelta(hours=2))])
    phone.goto(f"{live_server.url}/")
    phone.locator("[data-testid=menu-button]").click()
    phone.locator("[data-testid=assistant-nav]").click()
    phone.wait_for_load_state("networkidle")
    box = phone.get_by_label("Câu hỏi của bạn")
    assert box.evaluate("element => element === document.activeElement")  # ready to type
    phone.keyboard.type("lop vneid o tay mo")
    phone.keyboard.press("Enter")
    phone.wait_for_load_state("networkidle")
    answer = phone.locator("[data-testid=answer-text]")
    assert answer.inner_text().startswith("Tìm thấy") and answer.get_attribute("role") == "status"
    items = phone.locator("[data-testid=items] li")
    assert items.count() == 1 and "Phường Tây Mỗ" in items.first.inner_text()
    # Nothing overflows the phone's width.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.locator("[data-filter=place]").click()
    phone.wait_for_load_state("networkidle")
    assert phone.locator("[data-testid=items] li").count() == 2
    phone.locator("[data-testid=items] li a").first.click()
    phone.wait_for_load_state("networkidle")
    assert "/activities/" in phone.url
