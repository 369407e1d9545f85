"""The demo cascade of ../shared/seeds (2025): units under Hà Nội and Quảng Ngãi, and one user per level.

Used by `manage.py load_demo` and by tests that need a realistic small tree. Idempotent.
"""

from django.core.management import call_command
from django.db import transaction

from lifelong.orgs.management.commands.load_units import MINISTRY_CODE
from lifelong.orgs.models import Membership, OrgUnit, User
from lifelong.orgs.services import unit_create

DEMO_PASSWORD = "hoctap2025"
HANOI, TAY_MO, QUANG_NGAI, YA_LY = "01", "00634", "51", "23548"
Kind = OrgUnit.Kind
Role = Membership.Role

# (parent code, or (code, name) of a demo unit, name, kind)
DEMO_UNITS = [
    (HANOI, "Sở Giáo dục và Đào tạo Hà Nội", Kind.DEPARTMENT),
    (HANOI, "Sở Y tế Hà Nội", Kind.DEPARTMENT),
    (HANOI, "Hội Khuyến học Thành phố Hà Nội", Kind.ASSOCIATION),
    ((HANOI, "Sở Y tế Hà Nội"), "Bệnh viện Đa khoa Hà Đông", Kind.AGENCY),
    ((HANOI, "Sở Y tế Hà Nội"), "Trung tâm Kiểm soát bệnh tật Hà Nội", Kind.AGENCY),
    (TAY_MO, "Phòng Văn hoá - Xã hội", Kind.OFFICE),
    (TAY_MO, "Phòng Kinh tế, Hạ tầng và Đô thị", Kind.OFFICE),
    (TAY_MO, "Trường THCS Nguyễn Quý Đức", Kind.SCHOOL),
    (TAY_MO, "Tổ dân phố số 1", Kind.VILLAGE),
    (TAY_MO, "Tổ dân phố số 2", Kind.VILLAGE),
    (TAY_MO, "Tổ dân phố số 3", Kind.VILLAGE),
    (QUANG_NGAI, "Sở Giáo dục và Đào tạo Quảng Ngãi", Kind.DEPARTMENT),
    (YA_LY, "Trường Tiểu học và THCS Ya Ly", Kind.SCHOOL),
    (YA_LY, "Thôn 1", Kind.VILLAGE),
    (YA_LY, "Thôn 2", Kind.VILLAGE),
]

# (username, full name, (parent code, unit name or None for the coded unit itself), role)
DEMO_USERS = [
    ("bo", "Cán bộ Bộ GDĐT", (MINISTRY_CODE, None), Role.ADMIN),
    ("hanoi", "Cán bộ UBND TP Hà Nội", (HANOI, None), Role.ADMIN),
    ("soyte", "Cán bộ Sở Y tế Hà Nội", (HANOI, "Sở Y tế Hà Nội"), Role.ADMIN),
    ("taymo", "Cán bộ Phường Tây Mỗ", (TAY_MO, None), Role.ADMIN),
    ("yaly", "Cán bộ Xã Ya Ly", (YA_LY, None), Role.ADMIN),
    ("truong", "Giáo viên Trường THCS Nguyễn Quý Đức", (TAY_MO, "Trường THCS Nguyễn Quý Đức"), Role.EDITOR),
    ("xem", "Người xem Phường Tây Mỗ", (TAY_MO, None), Role.VIEWER),
]


def demo_unit(code: str, name: str | None = None) -> OrgUnit:
    unit = OrgUnit.objects.get(code=code)
    return unit if name is None else OrgUnit.objects.get(parent=unit, name=name)


@transaction.atomic
def load_demo_units_and_users() -> dict[str, int]:
    if not OrgUnit.objects.filter(code=MINISTRY_CODE).exists():
        call_command("load_units")
    created_units = created_users = 0
    for parent_ref, name, kind in DEMO_UNITS:
        parent = demo_unit(*parent_ref) if isinstance(parent_ref, tuple) else OrgUnit.objects.get(code=parent_ref)
        if not OrgUnit.objects.filter(parent=parent, name=name).exists():
            unit_create(actor=None, parent=parent, name=name, kind=kind)
            created_units += 1
    for username, full_name, (code, name), role in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username, defaults={"full_name": full_name, "email": f"{username}@demo.lifelong.local"})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            created_users += 1
        Membership.objects.get_or_create(user=user, unit=demo_unit(code, name), defaults={"role": role})
    return {"units": created_units, "users": created_users}
