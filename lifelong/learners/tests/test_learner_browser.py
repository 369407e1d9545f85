"""The whole life of a learner's account in Chromium, on a phone: sign up, confirm the e-mail from the outbox,
register, be checked in, find the certificate in "my record", check it on its public page, delete the
account (the registration stays counted, the person is gone)."""

import re

import pytest
from django.core import mail

from lifelong.activities import services as activity_services
from lifelong.activities.models import Registration, Session
from lifelong.learners import certificates
from lifelong.orgs.models import Membership, User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_up_register_attend_certificate_delete(live_server, phone, skills, tree, make_user):
    organiser = make_user(tree.taymo, Membership.Role.EDITOR)
    page = phone
    page.goto(f"{live_server.url}/")
    page.click("[data-testid=menu-button]")
    page.click("[data-testid=signup-nav]")
    page.fill("#id_display_name", "Phạm Thị Hoa")
    page.fill("#id_email", "hoa@example.vn")
    page.fill("#id_password1", "hoc-tap-suot-doi-9")
    page.fill("#id_password2", "hoc-tap-suot-doi-9")
    page.check("#id_consent")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server.url}/**")

    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(live_server.url + "/accounts/" + link.split("/accounts/", 1)[1])
    page.click("[data-testid=confirm-email]")
    user = User.objects.get(emailaddress__email="hoa@example.vn")
    assert user.emailaddress_set.get().verified

    session = skills.sessions.get()
    page.goto(f"{live_server.url}/activities/{skills.pk}/")
    page.locator("details.panel summary").first.click()
    page.fill("#id_name", "Phạm Thị Hoa")
    page.fill("#id_phone", "0977000111")
    page.check("#id_consent")
    page.click(f"[data-testid=register-{session.pk}]")
    page.wait_for_url("**/tickets/**")
    registration = Registration.objects.get(session=session, phone="0977000111")
    assert registration.account == user

    activity_services.check_in(actor=organiser, session=session, code=registration.code)
    issued = certificates.certificates_issue(actor=organiser, activity=skills).issued
    assert len(issued) == 1

    page.goto(f"{live_server.url}/learning/")
    assert skills.title in page.locator("[data-testid=attended]").inner_text()
    record = page.locator("[data-testid=certificates]")
    assert skills.title in record.inner_text()
    record.get_by_role("link", name="Trang tra cứu").first.click()
    assert "Còn hiệu lực" in page.locator("[data-testid=certificate-status]").inner_text()
    assert "Phạm Thị Hoa" not in page.locator("main").inner_text()  # not shown until the holder agrees
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.goto(f"{live_server.url}/learning/delete/")
    page.check("[data-testid=confirm-delete]")
    page.click("[data-testid=delete-account]")
    page.wait_for_url(f"{live_server.url}/")
    assert not User.objects.filter(pk=user.pk).exists()
    row = Registration.objects.get(pk=registration.pk)
    assert (row.name, row.phone, row.email, row.account_id) == ("", "", "", None)
    assert Session.objects.get(pk=session.pk).checked_in_count == 1
    assert issued[0].__class__.objects.get(pk=issued[0].pk).holder_name == ""
