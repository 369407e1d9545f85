"""The tree's version (issue 18): every change to the tree counts it up, and what is kept under it (the public filters'
province and commune options) is read again after a change, never served stale."""

from django.core.management import call_command

from lifelong.orgs import selectors, services
from lifelong.orgs.models import OrgUnit


def test_every_change_to_the_tree_counts_its_version_up(tree):
    before = selectors.tree_version()
    assert before > 0  # the fixture's units were made by the services
    unit = services.unit_create(actor=None, parent=tree.hanoi, name="Phường Mới", kind=OrgUnit.Kind.COMMUNE)
    assert selectors.tree_version() == before + 1
    services.unit_update(actor=None, unit=unit, version=unit.version, name="Phường Mới Hơn", kind=unit.kind,
                         code=None)
    assert selectors.tree_version() == before + 2


def test_loading_the_official_units_counts_the_version_up_once(db):
    assert selectors.tree_version() == 0  # nothing yet
    call_command("load_units", verbosity=0)
    loaded = selectors.tree_version()
    assert loaded > 0
    call_command("load_units", verbosity=0)  # nothing to change: the version stays
    assert selectors.tree_version() == loaded


def test_filter_options_come_from_the_cache_until_the_tree_changes(tree, django_assert_num_queries):
    provinces, communes = selectors.place_choices(tree.hanoi.pk)
    assert [name for _pk, name in provinces] == ["Thành phố Đà Nẵng", "Thành phố Hà Nội", "Tỉnh Quảng Ngãi"]
    assert communes == [(tree.taymo.pk, "Phường Tây Mỗ")]
    with django_assert_num_queries(1):  # the version only
        assert selectors.place_choices(tree.hanoi.pk) == (provinces, communes)
    taymo = OrgUnit.objects.get(pk=tree.taymo.pk)
    services.unit_update(actor=None, unit=taymo, version=taymo.version, name="Phường Tây Mỗ Mới", kind=taymo.kind,
                         code=taymo.code)
    services.unit_create(actor=None, parent=tree.hanoi, name="Phường Cầu Giấy", kind=OrgUnit.Kind.COMMUNE)
    assert [name for _pk, name in selectors.place_choices(tree.hanoi.pk)[1]] == ["Phường Cầu Giấy",
                                                                                 "Phường Tây Mỗ Mới"]
    assert selectors.place_choices(None)[1] == []  # no province chosen: no communes
