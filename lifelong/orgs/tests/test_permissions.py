"""The permission matrix: each role on Phường Tây Mỗ, against units inside and outside its subtree."""

import pytest
from django.urls import reverse

from lifelong.orgs import permissions
from lifelong.orgs.models import Membership, OrgUnit

Role = Membership.Role

# target unit -> is it inside Tây Mỗ's subtree?
TARGETS = {"taymo": True, "school": True, "hanoi": False, "yaly": False}
ROLES = [Role.ADMIN, Role.EDITOR, Role.VIEWER, None]


def expected(role, inside, action):
    if role is None or not inside:
        return False
    need = {"view": Role.VIEWER, "edit": Role.EDITOR, "admin": Role.ADMIN}[action]
    return permissions._RANK[role] >= permissions._RANK[need]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("target", TARGETS)
def test_checks_and_querysets_agree_with_the_rule(tree, make_user, role, target):
    user = make_user(tree.taymo, role) if role else make_user()
    unit = getattr(tree, target)
    inside = TARGETS[target]
    assert permissions.can_view(user, unit) is expected(role, inside, "view")
    assert permissions.can_edit(user, unit) is expected(role, inside, "edit")
    assert permissions.can_admin(user, unit) is expected(role, inside, "admin")
    assert permissions.units_visible_to(user).filter(pk=unit.pk).exists() is expected(role, inside, "view")
    assert permissions.units_editable_by(user).filter(pk=unit.pk).exists() is expected(role, inside, "edit")
    assert permissions.units_administered_by(user).filter(pk=unit.pk).exists() is expected(role, inside, "admin")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("target", TARGETS)
def test_pages_follow_the_matrix(client, tree, make_user, role, target):
    user = make_user(tree.taymo, role) if role else make_user()
    client.force_login(user)
    unit = getattr(tree, target)
    inside = TARGETS[target]

    members = client.get(reverse("unit_members", args=[unit.pk]))
    assert members.status_code == (200 if expected(role, inside, "view") else 403)

    before = OrgUnit.objects.count()
    added = client.post(reverse("unit_add", args=[unit.pk]), {"name": "Đơn vị mới", "kind": "agency"})
    may_admin = expected(role, inside, "admin")
    assert added.status_code == (302 if may_admin else 403)
    assert OrgUnit.objects.count() == before + (1 if may_admin else 0)

    invited = client.post(reverse("member_invite", args=[unit.pk]),
                          {"email": f"new-{target}@example.vn", "role": "viewer"})
    assert invited.status_code == (302 if may_admin else 403)
    assert Membership.objects.filter(unit=unit, user__email=f"new-{target}@example.vn").exists() is may_admin

    importer = client.get(reverse("unit_import", args=[unit.pk]))
    assert importer.status_code == (200 if may_admin else 403)


@pytest.mark.parametrize("role", ROLES)
def test_api_members_follow_the_matrix(client, tree, make_user, role):
    user = make_user(tree.taymo, role) if role else make_user()
    client.force_login(user)
    own = client.get(f"/api/v1/units/{tree.taymo.pk}/members")
    other = client.get(f"/api/v1/units/{tree.yaly.pk}/members")
    assert own.status_code == (200 if role else 403)
    assert other.status_code == 403
    assert other.json()["error"]["code"] == "permission_denied"


def test_editing_a_unit_belongs_to_its_parent_admins(client, tree, make_user):
    taymo_admin = make_user(tree.taymo, Role.ADMIN)
    client.force_login(taymo_admin)
    assert client.get(reverse("unit_edit", args=[tree.school.pk])).status_code == 200
    # Its own unit's name and code are set by the level above.
    assert client.get(reverse("unit_edit", args=[tree.taymo.pk])).status_code == 403
    response = client.post(reverse("unit_edit", args=[tree.hanoi.pk]),
                           {"name": "X", "kind": "province", "code": "01", "version": tree.hanoi.version})
    assert response.status_code == 403
    tree.hanoi.refresh_from_db()
    assert tree.hanoi.name == "Thành phố Hà Nội"


def test_a_taymo_editor_cannot_see_ya_ly_members(client, tree, make_user):
    make_user(tree.yaly, Role.ADMIN, username="yaly_admin")
    editor = make_user(tree.taymo, Role.EDITOR)
    client.force_login(editor)
    response = client.get(reverse("unit_members", args=[tree.yaly.pk]))
    assert response.status_code == 403
    assert b"yaly_admin" not in response.content


def test_admin_can_remove_members_only_inside_its_subtree(client, tree, make_user):
    admin = make_user(tree.taymo, Role.ADMIN)
    inside = Membership.objects.get(user=make_user(tree.school, Role.EDITOR))
    outside = Membership.objects.get(user=make_user(tree.yaly, Role.EDITOR))
    client.force_login(admin)
    assert client.post(reverse("member_remove", args=[outside.pk])).status_code == 403
    assert Membership.objects.filter(pk=outside.pk).exists()
    assert client.post(reverse("member_remove", args=[inside.pk])).status_code == 302
    assert not Membership.objects.filter(pk=inside.pk).exists()


def test_scope_is_one_query_for_several_memberships(tree, make_user, django_assert_num_queries):
    user = make_user(tree.taymo, Role.VIEWER)
    Membership.objects.create(user=user, unit=tree.yaly, role=Role.VIEWER)
    Membership.objects.create(user=user, unit=tree.school, role=Role.ADMIN)  # inside taymo: no extra prefix
    with django_assert_num_queries(2):  # the user's memberships, then the units
        names = set(permissions.units_visible_to(user).values_list("name", flat=True))
    assert names == {"Phường Tây Mỗ", "Trường THCS Nguyễn Quý Đức", "Tổ dân phố số 1", "Xã Ya Ly", "Thôn 1"}
    assert permissions.scope_prefixes(user, Role.VIEWER) == sorted([tree.taymo.path, tree.yaly.path])


def test_superuser_sees_everything_anonymous_nothing(tree, make_user):
    from django.contrib.auth.models import AnonymousUser

    root = make_user(is_superuser=True)
    assert permissions.units_administered_by(root).count() == OrgUnit.objects.count()
    assert permissions.units_visible_to(AnonymousUser()).count() == 0
    assert not permissions.can_view(AnonymousUser(), tree.taymo)
