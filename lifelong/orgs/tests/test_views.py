import re

import pytest
from django.core import mail
from django.urls import reverse

from lifelong.core.models import AuditEntry
from lifelong.orgs.models import Membership, OrgUnit, User

Role = Membership.Role


@pytest.mark.parametrize(("query", "expected"), [
    ("tay mo", "Phường Tây Mỗ"),
    ("TÂY MỖ", "Phường Tây Mỗ"),
    ("ya ly", "Xã Ya Ly"),
    ("da nang", "Thành phố Đà Nẵng"),
    ("00634", "Phường Tây Mỗ"),
])
def test_search_ignores_case_and_tone_marks(client, tree, query, expected):
    response = client.get(reverse("unit_browser"), {"q": query})
    assert response.status_code == 200
    names = [u.name for u in response.context["results"]]
    assert names[0] == expected


def test_search_finds_nothing_for_unrelated_words(client, tree):
    response = client.get(reverse("unit_browser"), {"q": "hai phong"})
    assert list(response.context["results"]) == []
    assert "Không có đơn vị nào phù hợp" in response.content.decode()


def test_htmx_search_returns_only_the_fragment(client, tree):
    response = client.get(reverse("unit_browser"), {"q": "tay mo"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "Phường Tây Mỗ" in body and "<html" not in body


def test_unit_page_has_breadcrumbs_children_and_counts(client, tree):
    response = client.get(reverse("unit_detail", args=[tree.taymo.pk]))
    body = response.content.decode()
    crumbs = body.split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert crumbs.index("Bộ Giáo dục và Đào tạo") < crumbs.index("Thành phố Hà Nội") < crumbs.index("Phường Tây Mỗ")
    assert [c.name for c in response.context["children"]] == ["Trường THCS Nguyễn Quý Đức", "Tổ dân phố số 1"]
    hanoi = client.get(reverse("unit_detail", args=[tree.hanoi.pk]))
    counts = {c.name: c.child_count for c in hanoi.context["children"]}
    assert counts == {"Sở Y tế Hà Nội": 0, "Phường Tây Mỗ": 2}


def test_search_inside_a_unit_stays_in_its_subtree(client, tree):
    response = client.get(reverse("unit_detail", args=[tree.hanoi.pk]), {"q": "thon"})
    assert list(response.context["results"]) == []  # Thôn 1 is in Ya Ly, not Hà Nội
    response = client.get(reverse("unit_detail", args=[tree.hanoi.pk]), {"q": "truong"})
    assert [u.name for u in response.context["results"]] == ["Trường THCS Nguyễn Quý Đức"]


def test_unknown_unit_is_404(client, db):
    assert client.get(reverse("unit_detail", args=[999999])).status_code == 404


def test_pages_are_vietnamese_by_default_and_switch_to_english(client, tree):
    page = client.get(reverse("unit_browser")).content.decode()
    assert 'lang="vi"' in page and "Đơn vị" in page
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("unit_browser")})
    assert response.status_code == 302
    page = client.get(reverse("unit_browser")).content.decode()
    assert 'lang="en"' in page and "Units" in page


def test_add_sub_unit_validates_and_audits(client, tree, make_user):
    client.force_login(make_user(tree.taymo, Role.ADMIN))
    url = reverse("unit_add", args=[tree.taymo.pk])
    response = client.post(url, {"name": "  ", "kind": "school"})
    assert response.status_code == 400
    response = client.post(url, {"name": "Trường Mầm non Tây Mỗ", "kind": "school", "code": "00634"})
    assert response.status_code == 400  # the code belongs to Tây Mỗ itself
    assert not OrgUnit.objects.filter(name="Trường Mầm non Tây Mỗ").exists()
    response = client.post(url, {"name": "Trường Mầm non Tây Mỗ", "kind": "school", "code": "MN-TM"})
    assert response.status_code == 302
    unit = OrgUnit.objects.get(code="MN-TM")
    assert unit.parent == tree.taymo and unit.path.startswith(tree.taymo.path)
    assert AuditEntry.objects.filter(action="orgs.unit.created", target_id=str(unit.pk)).count() == 1


def test_concurrent_unit_edits_do_not_overwrite_each_other(client, tree, make_user):
    client.force_login(make_user(tree.taymo, Role.ADMIN))
    url = reverse("unit_edit", args=[tree.school.pk])
    version = client.get(url).context["form"].initial["version"]
    first = client.post(url, {"name": "Trường THCS Nguyễn Quý Đức (mới)", "kind": "school", "version": version})
    assert first.status_code == 302
    second = client.post(url, {"name": "Tên khác", "kind": "school", "version": version})
    assert second.status_code == 400
    assert "Người khác đã sửa" in second.content.decode()
    tree.school.refresh_from_db()
    assert tree.school.name == "Trường THCS Nguyễn Quý Đức (mới)"


def test_invite_creates_user_sends_set_password_link_and_is_scoped(client, tree, make_user,
                                                                  django_capture_on_commit_callbacks):
    admin = make_user(tree.taymo, Role.ADMIN)
    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("member_invite", args=[tree.school.pk]),
                               {"email": "Giao.Vien@Example.vn", "full_name": "Nguyễn Văn A", "role": "editor"})
    assert response.status_code == 302
    user = User.objects.get(email="giao.vien@example.vn")
    assert not user.has_usable_password()
    assert Membership.objects.get(user=user).unit == tree.school
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/reset/\S+/", mail.outbox[0].body).group(0)
    client.logout()
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    new_password = {"new_password1": "Hoc-tap-2025!", "new_password2": "Hoc-tap-2025!"}
    done = client.post(form_page.redirect_chain[-1][0], new_password)
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Hoc-tap-2025!")
    # twice is refused with a message, nothing duplicated
    client.force_login(admin)
    again = client.post(reverse("member_invite", args=[tree.school.pk]),
                        {"email": "giao.vien@example.vn", "role": "viewer"})
    assert again.status_code == 400
    assert Membership.objects.filter(user=user).count() == 1


def test_invite_rejects_a_bad_email_with_a_vietnamese_message(client, tree, make_user):
    client.force_login(make_user(tree.taymo, Role.ADMIN))
    response = client.post(reverse("member_invite", args=[tree.taymo.pk]), {"email": "not-an-email", "role": "editor"})
    assert response.status_code == 400
    assert "Nhập địa chỉ email" in response.content.decode()  # Django's own Vietnamese message


def test_login_logout_and_change_password(client, tree, make_user):
    make_user(tree.taymo, Role.EDITOR, username="canbo", password="mat-khau-cu-123")
    response = client.post(reverse("login"), {"login": "canbo", "password": "mat-khau-cu-123"})
    assert response.status_code == 302
    response = client.post(reverse("password_change"), {
        "old_password": "mat-khau-cu-123", "new_password1": "Mat-khau-moi-456", "new_password2": "Mat-khau-moi-456"})
    assert response.status_code == 302
    assert User.objects.get(username="canbo").check_password("Mat-khau-moi-456")
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("account")).status_code == 302  # back to login


def test_repeated_failed_logins_lock_the_account(client, tree, make_user, settings):
    make_user(username="canbo", password="dung-mat-khau-1")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(reverse("login"), {"login": "canbo", "password": "sai"})
    assert response.status_code == 429
    locked = client.post(reverse("login"), {"login": "canbo", "password": "dung-mat-khau-1"})
    assert locked.status_code == 429
    assert "Đăng nhập sai quá nhiều lần" in locked.content.decode()


def test_api_tokens_are_created_shown_once_and_revoked(client, tree, make_user):
    user = make_user(tree.taymo, Role.VIEWER)
    client.force_login(user)
    response = client.post(reverse("token_create"), {"name": "Hệ thống tỉnh"})
    key = response.context["new_key"]
    assert key.startswith("ll_")
    assert key not in str(list(user.api_tokens.values_list("key_hash", flat=True)))
    client.logout()
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {key}").json()["username"] == user.username
    client.force_login(user)
    client.post(reverse("token_revoke", args=[user.api_tokens.get().pk]))
    client.logout()
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401


def test_an_english_browser_still_gets_vietnamese_until_the_switch(client, db):
    page = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="vi"' in page
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert 'lang="en"' in page
