"""Lists of units are in Vietnamese alphabetical order (OrgUnit.sort_key), kept by every write of a name."""

import importlib

from django.apps import apps
from django.urls import reverse

from lifelong.core.text import sort_key
from lifelong.orgs import selectors, services
from lifelong.orgs.models import OrgUnit
from lifelong.orgs.tests.test_import import csv_bytes, run_import

VILLAGES_IN_ORDER = ["Thôn Cầu Giấy", "Thôn Chương Mỹ", "Thôn Dương Nội", "Thôn Đông", "Thôn Hà Nội", "Thôn Huế",
                     "Tổ dân phố số 2", "Tổ dân phố số 10"]


def test_children_are_listed_in_vietnamese_order_on_the_page(client, tree):
    for name in reversed(VILLAGES_IN_ORDER):
        services.unit_create(actor=None, parent=tree.yaly, name=name, kind=OrgUnit.Kind.VILLAGE)
    names = [u.name for u in selectors.unit_children(tree.yaly) if u.kind == OrgUnit.Kind.VILLAGE]
    assert names == sorted(["Thôn 1", *VILLAGES_IN_ORDER], key=sort_key)
    assert names[:3] == ["Thôn 1", "Thôn Cầu Giấy", "Thôn Chương Mỹ"]  # by the database, not by Python
    body = client.get(reverse("unit_detail", args=[tree.yaly.pk])).content.decode()
    positions = [body.index(f">{name}<") for name in names]
    assert positions == sorted(positions)


def test_search_results_are_in_vietnamese_order(tree):
    services.unit_create(actor=None, parent=tree.danang, name="Phường Hòa Cường", kind=OrgUnit.Kind.COMMUNE)
    services.unit_create(actor=None, parent=tree.danang, name="Phường Hải Châu", kind=OrgUnit.Kind.COMMUNE)
    services.unit_create(actor=None, parent=tree.danang, name="Phường Đông", kind=OrgUnit.Kind.COMMUNE)
    services.unit_create(actor=None, parent=tree.danang, name="Phường Dương", kind=OrgUnit.Kind.COMMUNE)
    names = [u.name for u in selectors.unit_search("phuong", within=tree.danang)]
    assert names == ["Phường Dương", "Phường Đông", "Phường Hải Châu", "Phường Hòa Cường"]


def test_rename_and_import_keep_the_key(tree):
    unit = services.unit_update(actor=None, unit=tree.yaly_village, version=tree.yaly_village.version,
                                name="Thôn Đắk Lắk", kind=OrgUnit.Kind.VILLAGE, code=None)
    assert OrgUnit.objects.get(pk=unit.pk).sort_key == sort_key("Thôn Đắk Lắk")
    run_import(tree.yaly, "don-vi.csv", csv_bytes("Tên đơn vị;Loại\nThôn Ê Đê;thôn\nThôn Ba;thôn\n"))
    for imported in OrgUnit.objects.filter(name__in=["Thôn Ê Đê", "Thôn Ba"]):
        assert imported.sort_key == sort_key(imported.name)
    assert not OrgUnit.objects.filter(sort_key="").exists()


def test_migration_fills_the_key_of_existing_units(tree):
    OrgUnit.objects.update(sort_key="")
    migration = importlib.import_module("lifelong.orgs.migrations.0003_fill_unit_sort_key")
    migration.fill_sort_keys(apps, None)
    for unit in OrgUnit.objects.all():
        assert unit.sort_key == sort_key(unit.name)
