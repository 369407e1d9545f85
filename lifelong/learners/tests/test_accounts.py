"""Citizens' accounts through the real pages (django-allauth): sign up by e-mail or phone, confirm the e-mail
from the outbox, log in by either, officials still by user name; the consent is kept with its words."""

import re

import pytest
from django.urls import reverse

from lifelong.learners.models import Consent, LearnerProfile
from lifelong.orgs.models import Membership, User

Role = Membership.Role
PASSWORD = "hoc-tap-suot-doi-9"


def sign_up(client, **fields):
    data = {"display_name": "Nguyễn Thị Lan", "email": "", "phone": "", "password1": PASSWORD,
            "password2": PASSWORD, "consent": "on", **fields}
    return client.post(reverse("account_signup"), data)


def confirmation_link(mail) -> str:
    return re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.body).group(0)


def test_sign_up_by_e_mail_confirm_it_and_log_in_by_it(client, db, mailoutbox):
    response = sign_up(client, email="Lan@Example.vn")
    assert response.status_code == 302
    user = User.objects.get(emailaddress__email="lan@example.vn")
    profile = LearnerProfile.objects.get(user=user)
    assert profile.display_name == "Nguyễn Thị Lan" and user.full_name == "Nguyễn Thị Lan"
    consent = Consent.objects.get(user=user)
    assert consent.purpose == "account" and "13/2023" in consent.text and consent.withdrawn_at is None
    [mail] = mailoutbox
    assert mail.to == ["lan@example.vn"] and "Xác nhận" in mail.subject
    link = confirmation_link(mail)
    path = link.split("testserver", 1)[-1] if "testserver" in link else link
    assert "Xác nhận" in client.get(path).content.decode()
    assert client.post(path).status_code == 302
    assert user.emailaddress_set.get().verified
    client.logout()
    response = client.post(reverse("login"), {"login": "lan@example.vn", "password": PASSWORD})
    assert response.status_code == 302 and client.get(reverse("learning_record")).status_code == 200


def test_sign_up_by_phone_and_log_in_by_it(client, db):
    assert sign_up(client, phone="0912 345 678").status_code == 302
    profile = LearnerProfile.objects.get(phone="0912345678")
    assert not profile.phone_verified
    client.logout()
    for typed in ("0912345678", "+84 912 345 678"):
        response = client.post(reverse("login"), {"login": typed, "password": PASSWORD})
        assert response.status_code == 302, typed
        client.logout()


def test_sign_up_needs_a_way_to_log_in_and_the_consent(client, db):
    response = sign_up(client, consent="")
    text = response.content.decode()
    assert response.status_code == 200 and "Hãy nhập e-mail hoặc số điện thoại" in text
    assert "cần bạn đồng ý" in text.lower()
    assert not User.objects.exists()
    bad_phone = sign_up(client, phone="12345")
    assert "0912 345 678" in bad_phone.content.decode() and not User.objects.exists()


def test_the_same_e_mail_or_phone_cannot_make_a_second_account(client, db):
    sign_up(client, email="an@example.vn", phone="0911222333")
    client.logout()
    response = sign_up(client, email="AN@example.vn", display_name="Người khác")
    assert response.status_code == 200 and "đã được dùng" in response.content.decode()
    response = sign_up(client, phone="+84911222333", display_name="Người khác")
    assert response.status_code == 200 and "đã được dùng" in response.content.decode()
    assert User.objects.count() == 1


def test_officials_still_log_in_with_their_user_name(client, tree, make_user):
    make_user(tree.taymo, Role.EDITOR, username="canbo.taymo", password="mat-khau-can-bo-1")
    response = client.post(reverse("login"), {"login": "canbo.taymo", "password": "mat-khau-can-bo-1"})
    assert response.status_code == 302
    assert client.get(reverse("unit_members", args=[tree.taymo.pk])).status_code == 200


def test_password_reset_by_e_mail(client, db, mailoutbox):
    sign_up(client, email="quen@example.vn")
    client.logout()
    mailoutbox.clear()
    response = client.post(reverse("account_reset_password"), {"email": "quen@example.vn"})
    assert response.status_code == 302
    [mail] = mailoutbox
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+/", mail.body).group(0)
    path = link.split("testserver", 1)[-1]
    page = client.get(path, follow=True)
    form_path = page.redirect_chain[-1][0] if page.redirect_chain else path
    done = client.post(form_path, {"password1": "mat-khau-moi-2025", "password2": "mat-khau-moi-2025"})
    assert done.status_code == 302
    client.logout()
    assert client.post(reverse("login"), {"login": "quen@example.vn", "password": "mat-khau-moi-2025"}).status_code \
        == 302


@pytest.mark.parametrize("path", ["account_signup", "login", "account_reset_password"])
def test_account_pages_speak_vietnamese(client, db, path):
    text = client.get(reverse(path)).content.decode()
    for english in ("Sign In", "Sign Up", "Password (again)", "Email address", "Username", "Remember Me",
                    "Forgot Password"):
        assert english not in text, (path, english)
