"""Load the Ministry, the 34 provinces and the 3,321 communes from the vietnam-provinces package.

Idempotent: units are matched by their official code (the Ministry by its fixed code "BGDDT");
a unit that exists with the same name and parent is left alone, a renamed one is updated, a missing
one is created. A second run changes nothing and says so.
"""

import time

from django.core.management.base import BaseCommand
from django.db import transaction
from vietnam_provinces import Province, VietNamDivisionType, Ward

from lifelong.core.audit import audit_record
from lifelong.orgs import paths
from lifelong.orgs.models import OrgUnit
from lifelong.orgs.services import tree_version_bump, unit_create

MINISTRY_CODE = "BGDDT"
MINISTRY_NAME = "Bộ Giáo dục và Đào tạo"


def province_code(number: int) -> str:
    return f"{number:02d}"


def ward_code(number: int) -> str:
    return f"{number:05d}"


def province_name(province: Province) -> str:
    """The official name: the package writes "Thành phố Hà Nội" but only "An Giang" for a province."""
    if province.division_type == VietNamDivisionType.TINH and not province.name.startswith("Tỉnh "):
        return f"Tỉnh {province.name}"
    return province.name


class Command(BaseCommand):
    help = "Load the Ministry, the 34 provinces and the 3,321 communes (official names and codes)."

    @transaction.atomic
    def handle(self, *args, **options):
        started = time.monotonic()
        created = updated = 0
        ministry = OrgUnit.objects.filter(code=MINISTRY_CODE).first()
        if ministry is None:
            ministry = unit_create(actor=None, parent=None, name=MINISTRY_NAME, kind=OrgUnit.Kind.MINISTRY,
                                   code=MINISTRY_CODE)
            created += 1

        provinces = sorted(Province.iter_all(), key=lambda p: int(p.code))
        by_province: dict[int, list] = {}
        for ward in Ward.iter_all():
            by_province.setdefault(int(ward.province_code), []).append(ward)

        wanted = [(province_code(int(p.code)), province_name(p), None) for p in provinces]
        for p in provinces:
            wanted += [(ward_code(int(w.code)), w.name, province_code(int(p.code)))
                       for w in sorted(by_province.get(int(p.code), []), key=lambda w: int(w.code))]
        existing = {u.code: u for u in OrgUnit.objects.filter(code__in=[code for code, _n, _p in wanted])}

        # Renames: official names change rarely; keep the unit (and everything attached to it).
        for code, name, _parent in wanted:
            unit = existing.get(code)
            if unit is not None and unit.name != name:
                unit.name = name
                unit.refresh_keys()
                unit.version += 1
                unit.save(update_fields=["name", "search_key", "sort_key", "version", "updated_at"])
                updated += 1

        created += self._create_missing(ministry, provinces, by_province, existing)
        elapsed = time.monotonic() - started
        if created or updated:
            tree_version_bump()
            audit_record(actor=None, action="orgs.unit.loaded", target=ministry, unit_id=ministry.pk,
                         created=created, updated=updated)
            self.stdout.write(f"load_units: created {created}, renamed {updated} units in {elapsed:.1f} s.")
        else:
            self.stdout.write(f"load_units: nothing to change ({OrgUnit.objects.count()} units already loaded).")

    def _create_missing(self, ministry, provinces, by_province, existing) -> int:
        created = 0
        last = OrgUnit.objects.filter(parent=ministry).order_by("-path").values_list("path", flat=True).first()
        number = paths.next_child_number(last)
        new_provinces = []
        for p in provinces:
            code = province_code(int(p.code))
            if code not in existing:
                unit = OrgUnit(parent=ministry, name=province_name(p), kind=OrgUnit.Kind.PROVINCE, code=code,
                               path=paths.child_path(ministry.path, number), depth=1)
                unit.refresh_keys()
                new_provinces.append(unit)
                number += 1
        OrgUnit.objects.bulk_create(new_provinces)
        created += len(new_provinces)
        province_units = {u.code: u for u in OrgUnit.objects.filter(parent=ministry, kind=OrgUnit.Kind.PROVINCE)}

        new_wards = []
        for p in provinces:
            province = province_units[province_code(int(p.code))]
            missing = [w for w in by_province.get(int(p.code), []) if ward_code(int(w.code)) not in existing]
            if not missing:
                continue
            last = OrgUnit.objects.filter(parent=province).order_by("-path").values_list("path", flat=True).first()
            number = paths.next_child_number(last)
            for ward in sorted(missing, key=lambda w: int(w.code)):
                unit = OrgUnit(parent=province, name=ward.name, kind=OrgUnit.Kind.COMMUNE,
                               code=ward_code(int(ward.code)), path=paths.child_path(province.path, number), depth=2)
                unit.refresh_keys()
                new_wards.append(unit)
                number += 1
        OrgUnit.objects.bulk_create(new_wards, batch_size=1000)
        return created + len(new_wards)

