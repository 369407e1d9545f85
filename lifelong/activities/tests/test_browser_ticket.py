"""In Chromium on a 360 px phone (issue 12): the ticket's QR code fills its box, and cancelling asks first."""

import pytest

from lifelong.activities.models import Registration
from lifelong.activities.tests.conftest import sign_up

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_qr_code_fills_its_box_and_cancel_needs_a_second_step(live_server, phone, skills):
    registration = sign_up(skills)
    phone.goto(f"{live_server.url}/tickets/{registration.code}/")
    box = phone.locator("[data-testid=qr]").bounding_box()
    svg = phone.locator("[data-testid=qr] svg").bounding_box()
    assert box["width"] >= 250  # as wide as the phone allows, up to 280 px
    assert abs(svg["width"] - box["width"]) <= 1 and abs(svg["height"] - box["height"]) <= 1
    assert abs(svg["width"] - svg["height"]) <= 1  # square, not stretched
    drawn = phone.evaluate("(() => { const g = document.querySelector('[data-testid=qr] svg path.qrline');"
                           " return g.getBoundingClientRect().width; })()")
    assert drawn >= 0.75 * box["width"]  # the code itself is drawn at the box's size, not at a fixed scale

    cancel = phone.locator("[data-testid=cancel]")
    assert not cancel.is_visible()
    phone.locator("[data-testid=cancel-zone] summary").click()
    assert cancel.is_visible() and cancel.inner_text() == "Đồng ý hủy đăng ký"
    assert Registration.objects.get(pk=registration.pk).status == Registration.Status.CONFIRMED
    cancel.click()
    phone.wait_for_url(f"{live_server.url}/activities/{skills.pk}/")
    assert Registration.objects.get(pk=registration.pk).status == Registration.Status.CANCELLED
