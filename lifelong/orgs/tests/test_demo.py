from io import StringIO

from django.core.management import call_command

from lifelong.orgs.demo import DEMO_PASSWORD
from lifelong.orgs.models import Membership, OrgUnit, User


def test_load_demo_builds_the_seed_cascade_and_users_once(db):
    out = StringIO()
    call_command("load_demo", "--print-logins", stdout=out)
    assert "taymo" in out.getvalue() and DEMO_PASSWORD in out.getvalue()
    taymo = OrgUnit.objects.get(code="00634")
    assert sorted(OrgUnit.objects.filter(parent=taymo).values_list("name", flat=True)) == [
        "Phòng Kinh tế, Hạ tầng và Đô thị", "Phòng Văn hoá - Xã hội", "Trường THCS Nguyễn Quý Đức",
        "Tổ dân phố số 1", "Tổ dân phố số 2", "Tổ dân phố số 3"]
    hanoi = OrgUnit.objects.get(code="01")
    assert {"Sở Giáo dục và Đào tạo Hà Nội", "Sở Y tế Hà Nội", "Hội Khuyến học Thành phố Hà Nội"} <= set(
        OrgUnit.objects.filter(parent=hanoi).values_list("name", flat=True))
    yaly = OrgUnit.objects.get(code="23548")
    assert OrgUnit.objects.filter(parent=yaly, kind="school").count() == 1
    assert OrgUnit.objects.filter(parent=yaly, kind="village").count() == 2
    assert OrgUnit.objects.filter(parent__code="51", name="Sở Giáo dục và Đào tạo Quảng Ngãi").exists()
    levels = {m.user.username: m.unit.kind for m in Membership.objects.select_related("user", "unit")}
    assert levels["bo"] == "ministry" and levels["hanoi"] == "province" and levels["soyte"] == "department"
    assert levels["taymo"] == "commune" and levels["yaly"] == "commune" and levels["truong"] == "school"
    assert User.objects.get(username="taymo").check_password(DEMO_PASSWORD)

    counts = (OrgUnit.objects.count(), User.objects.count(), Membership.objects.count())
    call_command("load_demo", stdout=StringIO())
    assert (OrgUnit.objects.count(), User.objects.count(), Membership.objects.count()) == counts
