"""Households and clans, entered by their commune (Hội Khuyến học) or residential group, and rated in bulk.

A commune registers its households and clans one by one or from a spreadsheet (all or nothing: every row is
checked, and the file is imported only if every row is right). A row may carry the self-assessment's result
("Đạt" / "Chưa đạt") for a year and scheme: a passing household then gets a submitted self-assessment with
every indicator met, for the commune to accept in bulk and list in its decision.

Personal data (Nghị định 13/2023/NĐ-CP): the household as the commune names it ("Gia đình ông Nguyễn Văn A"),
its village and its number of members: nothing else. Never public; `household_erase` removes it with its
assessments and their evidence.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lifelong.core import tables
from lifelong.core.audit import audit_record
from lifelong.core.errors import ConflictError, PermissionDeniedError, ValidationFailed
from lifelong.core.tables import ImportRejected, row_error
from lifelong.core.text import normalize_text, search_key
from lifelong.orgs.models import OrgUnit
from lifelong.orgs.permissions import can_edit
from lifelong.recognition import services, tally
from lifelong.recognition.models import Answer, Assessment, Household, Scheme

HEADER_ALIASES = {
    "village": {"thon", "to dan pho", "thon/to dan pho", "thon, to dan pho", "thon to dan pho", "village", "ap",
                "ban", "khu pho", "to"},
    "kind": {"loai", "kind", "gia dinh/dong ho", "gia dinh / dong ho"},
    "name": {"ten", "ten ho", "ho gia dinh", "ten ho gia dinh/dong ho", "ten gia dinh/dong ho", "gia dinh/dong ho ten",
             "name", "ten goi"},
    "members": {"so thanh vien", "so nguoi", "thanh vien", "members", "so khau", "nhan khau"},
    "result": {"ket qua", "ket qua tu danh gia", "danh gia", "result", "dat/chua dat"},
}
REQUIRED = ("village", "kind", "name")
COLUMN_LABELS = {"village": "Thôn/Tổ dân phố", "kind": "Loại", "name": "Tên hộ gia đình/dòng họ"}
TEMPLATE_HEADER = ["Thôn/Tổ dân phố", "Loại", "Tên hộ gia đình/dòng họ", "Số thành viên", "Kết quả"]
KIND_ALIASES = {Household.Kind.FAMILY: {"gia dinh", "ho gia dinh", "gia dinh hoc tap", "family", "household"},
                Household.Kind.CLAN: {"dong ho", "dong ho hoc tap", "ho toc", "clan"}}
RESULT_ALIASES = {True: {"dat", "pass", "co", "x"}, False: {"chua dat", "khong dat", "fail", "khong"}}
MAX_MEMBERS = 5000


def commune_of(unit: OrgUnit) -> OrgUnit | None:
    """The commune a village belongs to (the unit itself for a commune); None outside any commune."""
    if unit.kind == OrgUnit.Kind.COMMUNE:
        return unit
    return OrgUnit.objects.filter(path__in=unit.ancestor_paths(), kind=OrgUnit.Kind.COMMUNE).first()


def _check_keeper(actor, unit: OrgUnit) -> OrgUnit:
    """The commune of `unit` (a commune, or a village whose leader enters its own households), if the actor edits it."""
    commune = commune_of(unit) if unit.kind in (OrgUnit.Kind.COMMUNE, OrgUnit.Kind.VILLAGE) else None
    if commune is None:
        raise ValidationFailed(_("Households are kept by a commune or ward."))
    if not can_edit(actor, unit):
        raise PermissionDeniedError()
    return commune


def _place(commune: OrgUnit, unit: OrgUnit | None) -> OrgUnit:
    if unit is None:
        return commune
    if not unit.is_within(commune) or unit.kind not in (OrgUnit.Kind.VILLAGE, OrgUnit.Kind.COMMUNE):
        raise ValidationFailed(details=[{"field": "unit", "message": _("Choose a village or residential group of "
                                                                        "this commune.")}])
    return unit


@transaction.atomic
def household_create(*, actor, commune: OrgUnit, unit: OrgUnit | None, kind: str, name: str,
                     members: int | None) -> Household:
    place = _place(commune, unit)
    if not can_edit(actor, place):
        raise PermissionDeniedError()
    errors = []
    name = normalize_text(name)
    if not name:
        errors.append({"field": "name", "message": _("Give the household's or clan's name.")})
    if len(name) > 150:
        errors.append({"field": "name", "message": _("Keep the name under 150 characters.")})
    if kind not in Household.Kind.values:
        errors.append({"field": "kind", "message": _("Choose household or clan.")})
    if members is not None and not 1 <= members <= MAX_MEMBERS:
        errors.append({"field": "members", "message": _("Give between 1 and %(n)s members.") % {"n": MAX_MEMBERS}})
    if errors:
        raise ValidationFailed(details=errors)
    try:
        with transaction.atomic():
            household = Household.objects.create(commune=commune, unit=place, kind=kind, name=name, members=members,
                                                 created_by=actor)
    except IntegrityError:
        raise ConflictError(_("This village already has a %(kind)s called \"%(name)s\".") % {
            "kind": Household.Kind(kind).label.lower(), "name": name}) from None
    tally.household_changed(household, 1)
    audit_record(actor=actor, action="recognition.household.created", target=household, unit_id=place.pk)
    return household


@transaction.atomic
def household_erase(*, actor, household: Household) -> None:
    """Erase the household and its self-assessments, with their evidence (a request under NĐ 13/2023)."""
    household = Household.objects.select_for_update().select_related("unit").get(pk=household.pk)
    if not can_edit(actor, household.unit):
        raise PermissionDeniedError()
    # Locked too: a review committed meanwhile would otherwise stay counted after the erase.
    for assessment in (household.assessments.select_for_update(of=("self",)).select_related("home", "scheme")):
        services.erase_assessment(assessment)
    tally.household_changed(household, -1)
    audit_record(actor=actor, action="recognition.household.erased", target=household, unit_id=household.unit_id)
    household.delete()


# --- Import -------------------------------------------------------------------------------------------------------

def _match(value: str, aliases: dict) -> object | None:
    folded = search_key(value)
    return next((key for key, names in aliases.items() if folded in names), None)


def _villages(scope: OrgUnit) -> dict[str, list[OrgUnit]]:
    found: dict[str, list[OrgUnit]] = {}
    for unit in OrgUnit.objects.filter(path__startswith=scope.path, kind=OrgUnit.Kind.VILLAGE):
        for key in {search_key(unit.name), unit.code and search_key(unit.code)} - {None, ""}:
            found.setdefault(key, []).append(unit)
    return found


def _check_rows(commune: OrgUnit, scope: OrgUnit, rows, scheme_for) -> list[dict]:
    """Every row checked against the villages of `scope` (the commune, or the one village importing)."""
    villages = _villages(scope)
    existing = set(Household.objects.filter(commune=commune).values_list("unit_id", "kind", "name"))
    errors, checked, seen = [], [], {}
    for line, cells in rows:
        before = len(errors)
        village_name = cells.get("village", "")
        found = villages.get(search_key(village_name), [])
        if search_key(village_name) in ("", search_key(scope.name)):
            place = scope
        elif len(found) == 1:
            place = found[0]
        else:
            place = None
            errors.append(row_error(line, _("No village or residential group \"%(name)s\" in %(commune)s.") % {
                "name": village_name, "commune": scope.name} if not found else
                _("Several villages are called \"%(name)s\"; write its code instead.") % {"name": village_name},
                "village"))
        kind = _match(cells.get("kind", ""), KIND_ALIASES)
        if kind is None:
            errors.append(row_error(line, _("Write \"Gia đình\" or \"Dòng họ\"."), "kind"))
        name = cells.get("name", "")
        if not name:
            errors.append(row_error(line, _("The household's or clan's name is empty."), "name"))
        elif len(name) > 150:
            errors.append(row_error(line, _("Longer than %(limit)d characters.") % {"limit": 150}, "name"))
        members = None
        if cells.get("members"):
            text = cells["members"].replace(".", "").replace(" ", "")
            if not (text.isascii() and text.isdigit() and len(text) <= 5) or not 1 <= int(text) <= MAX_MEMBERS:
                errors.append(row_error(line, _("Give between 1 and %(n)s members.") % {"n": MAX_MEMBERS}, "members"))
            else:
                members = int(text)
        result = None
        if cells.get("result"):
            result = _match(cells["result"], RESULT_ALIASES)
            if result is None:
                errors.append(row_error(line, _("Write \"Đạt\" or \"Chưa đạt\"."), "result"))
        if place is not None and kind is not None and name:
            key = (place.pk, str(kind), name)
            if key in existing:
                errors.append(row_error(line, _("Already registered in this village."), "name"))
            elif key in seen:
                errors.append(row_error(line, _("Also on row %(other)d.") % {"other": seen[key]}, "name"))
            seen[key] = line
            if result and scheme_for(kind) is None:
                errors.append(row_error(line, _("No scheme rates this kind for the year chosen."), "result"))
        if len(errors) == before:
            checked.append({"place": place, "kind": kind, "name": name, "members": members, "result": result})
    return errors if errors else checked


@transaction.atomic
def households_import(*, actor, unit: OrgUnit, filename: str, data: bytes, year: int | None = None) -> dict:
    """Register every row's household or clan in `unit` (a commune, or a village for its own households); rows
    marked "Đạt" get a submitted self-assessment for `year`."""
    commune = _check_keeper(actor, unit)
    year = year or timezone.localdate().year
    schemes = {target: Scheme.objects.filter(target=target, active=True, valid_from__lte=year).exclude(
        valid_to__lt=year).order_by("-valid_from").first() for target in (Scheme.Target.FAMILY, Scheme.Target.CLAN)}
    rows = tables.read_table(filename, data, header_aliases=HEADER_ALIASES, required=REQUIRED,
                             max_bytes=settings.UNIT_IMPORT_MAX_BYTES, max_rows=settings.UNIT_IMPORT_MAX_ROWS,
                             labels=COLUMN_LABELS, missing_message=_(
                                 "The first row must name the columns; missing: %(columns)s. Download the sample "
                                 "file to see the expected columns."))
    checked = _check_rows(commune, unit, rows, lambda kind: schemes.get(kind))
    if checked and "message" in checked[0]:
        raise ImportRejected(_("The file was not imported: fix the rows listed and upload it again."),
                             details=checked)
    created = submitted = 0
    for row in checked:
        if not can_edit(actor, row["place"]):
            raise PermissionDeniedError()
        household = Household.objects.create(commune=commune, unit=row["place"], kind=row["kind"], name=row["name"],
                                             members=row["members"], created_by=actor)
        tally.household_changed(household, 1)
        created += 1
        if row["result"]:
            assessment = services.assessment_open_for_household(actor=actor, scheme=schemes[row["kind"]], year=year,
                                                                household=household)
            Answer.objects.filter(assessment=assessment).update(met=True)
            if assessment.scheme.is_points:
                for answer in Answer.objects.filter(assessment=assessment).select_related("indicator"):
                    answer.points = answer.indicator.max_points
                    answer.save(update_fields=["points"])
            services.assessment_submit(actor=actor, assessment=assessment)
            submitted += 1
    audit_record(actor=actor, action="recognition.households.imported", target=unit, unit_id=unit.pk,
                 created=created, submitted=submitted)
    return {"created": created, "submitted": submitted}


def assessments_of_households(commune: OrgUnit):
    return Assessment.objects.filter(household__commune=commune)
