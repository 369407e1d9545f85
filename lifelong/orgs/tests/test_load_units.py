from io import StringIO

from django.core.management import call_command

from lifelong.core.models import AuditEntry
from lifelong.orgs.models import OrgUnit


def _load() -> str:
    out = StringIO()
    call_command("load_units", stdout=out)
    return out.getvalue()


def test_load_units_loads_the_official_tree_once(db):
    first = _load()
    assert "created 3356" in first
    ministry = OrgUnit.objects.get(parent__isnull=True)
    assert ministry.name == "Bộ Giáo dục và Đào tạo"
    assert ministry.kind == OrgUnit.Kind.MINISTRY
    assert OrgUnit.objects.filter(parent=ministry, kind=OrgUnit.Kind.PROVINCE).count() == 34
    communes = OrgUnit.objects.filter(kind=OrgUnit.Kind.COMMUNE)
    assert communes.count() == 3321
    assert communes.filter(depth=2, path__startswith=ministry.path).count() == 3321

    hanoi = OrgUnit.objects.get(code="01")
    assert hanoi.name == "Thành phố Hà Nội"
    assert OrgUnit.objects.get(code="51").name == "Tỉnh Quảng Ngãi"
    taymo = OrgUnit.objects.get(code="00634")
    assert taymo.name == "Phường Tây Mỗ" and taymo.parent == hanoi
    assert OrgUnit.objects.get(code="23548").name == "Xã Ya Ly"
    # Every unit loaded in bulk carries its Vietnamese sort key (lists are ordered by it).
    assert not OrgUnit.objects.filter(sort_key="").exists()
    cities = list(OrgUnit.objects.filter(kind=OrgUnit.Kind.PROVINCE, name__startswith="Thành phố")
                  .order_by("sort_key").values_list("name", flat=True))
    assert cities.index("Thành phố Đà Nẵng") == cities.index("Thành phố Cần Thơ") + 1
    assert cities.index("Thành phố Hà Nội") < cities.index("Thành phố Hải Phòng") < cities.index("Thành phố Huế")

    snapshot = list(OrgUnit.objects.order_by("pk").values_list("pk", "name", "code", "path", "version"))
    audits = AuditEntry.objects.count()
    second = _load()
    assert "nothing to change" in second
    assert list(OrgUnit.objects.order_by("pk").values_list("pk", "name", "code", "path", "version")) == snapshot
    assert AuditEntry.objects.count() == audits


def test_load_units_repairs_a_renamed_unit_and_keeps_its_id(db):
    _load()
    taymo = OrgUnit.objects.get(code="00634")
    OrgUnit.objects.filter(pk=taymo.pk).update(name="Tây Mỗ cũ")
    assert "renamed 1" in _load()
    taymo.refresh_from_db()
    assert taymo.name == "Phường Tây Mỗ"
    assert "phuong tay mo" in taymo.search_key
