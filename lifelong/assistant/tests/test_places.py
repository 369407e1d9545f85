"""Reading places over the real tree (34 provinces, 3,321 communes): with or without tone marks or prefixes,
shared names narrowed by a province, and no place read from everyday words."""

import pytest
from django.core.management import call_command

from lifelong.assistant.parse import fold
from lifelong.assistant.places import core_name, read_places
from lifelong.orgs.models import OrgUnit


@pytest.fixture
def real_tree(db):
    call_command("load_units", verbosity=0)  # inside the test's transaction: rolled back after it


def _names(places) -> set[str]:
    return set(OrgUnit.objects.filter(pk__in=places.units).values_list("name", flat=True))


def test_core_names_drop_prefixes_and_marks():
    assert [core_name(n) for n in ("Phường Tây Mỗ", "Xã Ya Ly", "Thành phố Hà Nội", "Tỉnh Quảng Ngãi")] == [
        "tay mo", "ya ly", "ha noi", "quang ngai"]


def test_a_commune_is_read_however_it_is_written(real_tree):
    for question in ("lớp kỹ năng số ở Tây Mỗ", "lop ky nang so o phuong tay mo", "P. Tây Mỗ có gì"):
        assert _names(read_places(fold(question))) == {"Phường Tây Mỗ"}, question
    assert _names(read_places(fold("hạn báo cáo của xã Ya Ly"))) == {"Xã Ya Ly"}
    assert _names(read_places(fold("hoạt động ở Hà Nội"))) == {"Thành phố Hà Nội"}


def test_a_shared_name_is_narrowed_by_its_province(real_tree):
    from collections import Counter

    shared = Counter(core_name(n) for n in OrgUnit.objects.filter(kind="commune").values_list("name", flat=True))
    name = next(n for n, count in shared.most_common() if count > 1 and len(n.split()) == 2)
    everywhere = read_places(name)
    assert everywhere.ambiguous and len(everywhere.units) == shared[name]
    commune = OrgUnit.objects.filter(kind="commune").exclude(parent=None).select_related("parent").filter(
        pk__in=everywhere.units).first()
    narrowed = read_places(f"{name} {core_name(commune.parent.name)}")
    assert commune.pk in narrowed.units and len(narrowed.units) < len(everywhere.units)


def test_everyday_questions_name_no_place(real_tree):
    for question in ("lop ky nang so cho nguoi cao tuoi tuan nay", "cuoc thi lap trinh cho hoc sinh",
                     "chu de tuan le nam nay la gi", "cach dang ky tham gia hoat dong", "cong dan hoc tap la gi",
                     "có lớp học tiếng Anh trực tuyến miễn phí không", "thư viện số ở đâu"):
        assert not read_places(fold(question)).units, question
