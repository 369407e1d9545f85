"""Reading and checking a file of sub-units (CSV or XLSX) before anything is imported.

The whole file is read and checked first; every problem is collected with its row number (as a
spreadsheet numbers rows: the header is row 1) and the file is rejected whole if there is any.
Only a clean file reaches services.units_import. See docs/unit-import.md for the format.

Columns (header names are matched without case and tone marks, Vietnamese or English):
name / Tên đơn vị, kind / Loại, code / Mã (optional), parent_code / Mã đơn vị cấp trên (optional).
A row without a parent code goes directly under the unit the file is imported into; a parent code
may name an existing unit of that unit's subtree or another row of the same file.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from lifelong.core import tables
from lifelong.core.tables import ImportRejected, row_error
from lifelong.core.text import normalize_text, search_key
from lifelong.orgs.models import OrgUnit

Kind = OrgUnit.Kind

HEADER_ALIASES = {
    "name": {"name", "ten", "ten don vi", "don vi"},
    "kind": {"kind", "type", "loai", "loai don vi"},
    "code": {"code", "ma", "ma don vi"},
    "parent_code": {"parent_code", "parent code", "parent", "ma cap tren", "ma don vi cap tren", "ma don vi cha",
                    "ma cha", "don vi cap tren"},
}

# Words officials write in the "kind" column, folded. Provinces and the Ministry are loaded from the
# official list (load_units), never imported by hand.
KIND_ALIASES = {
    Kind.DEPARTMENT: {"department", "so", "ban", "nganh", "so ban nganh"},
    Kind.ASSOCIATION: {"association", "hoi", "doan the", "hoi khuyen hoc", "mat tran"},
    Kind.COMMUNE: {"commune", "xa", "phuong", "dac khu", "xa phuong"},
    Kind.OFFICE: {"office", "phong"},
    Kind.SCHOOL: {"school", "truong", "truong hoc", "co so giao duc"},
    Kind.VILLAGE: {"village", "thon", "lang", "to dan pho", "ap", "ban lang", "khu pho", "to"},
    Kind.LEARNING_CENTRE: {"learning_centre", "learning centre", "trung tam hoc tap cong dong", "tthtcd"},
    Kind.AGENCY: {"agency", "co quan", "don vi truc thuoc", "don vi"},
}
IMPORTABLE_KINDS = list(KIND_ALIASES)


@dataclass(eq=False)
class UnitRow:
    index: int
    line: int
    name: str
    kind: str
    code: str | None
    parent_code: str | None
    parent_row: "UnitRow | None" = None
    parent_unit: OrgUnit | None = None


_error = row_error


def kind_from_text(value: str) -> str | None:
    folded = search_key(value).replace("-", " ").replace("_", " ")
    for kind, aliases in KIND_ALIASES.items():
        if folded in aliases or folded == kind.replace("_", " ") or folded == search_key(str(kind.label)):
            return kind
    return None


def read_table(filename: str, data: bytes) -> list[tuple[int, dict[str, str]]]:
    """The file's data rows as (row number, {column: text}); raises ImportRejected on a bad file."""
    return tables.read_table(
        filename, data, header_aliases=HEADER_ALIASES, required=("name", "kind"),
        max_bytes=settings.UNIT_IMPORT_MAX_BYTES, max_rows=settings.UNIT_IMPORT_MAX_ROWS,
        missing_message=_("The first row must name the columns; missing: %(columns)s. Expected: name (Tên đơn vị), "
                          "kind (Loại), and optionally code (Mã), parent_code (Mã đơn vị cấp trên)."))


def _chunks(values: list, size: int = 900):
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _name_key(name: str) -> str:
    return normalize_text(name).casefold()


def check_unit_rows(*, target: OrgUnit, table: list[tuple[int, dict[str, str]]]) -> list[UnitRow]:
    """Check every row against the file and the database; raise ImportRejected listing all problems.

    `target` is the unit the file is imported into; every new unit lands in its subtree.
    """
    errors: list[dict] = []
    rows: list[UnitRow] = []
    for index, (line, cells) in enumerate(table):
        name = cells.get("name", "")
        kind_text = cells.get("kind", "")
        kind = kind_from_text(kind_text) if kind_text else None
        if not name:
            errors.append(_error(line, _("The name is empty."), "name"))
        elif len(name) > 255:
            errors.append(_error(line, _("The name is longer than 255 characters."), "name"))
        if not kind_text:
            errors.append(_error(line, _("The kind is empty."), "kind"))
        elif kind is None:
            errors.append(_error(line, _("Unknown kind \"%(kind)s\". Use one of: %(kinds)s.") % {
                "kind": kind_text, "kinds": ", ".join(f"{k} ({k.label})" for k in IMPORTABLE_KINDS)}, "kind"))
        code = cells.get("code") or None
        if code and len(code) > 40:
            errors.append(_error(line, _("The code is longer than 40 characters."), "code"))
        rows.append(UnitRow(index=index, line=line, name=name, kind=kind or "", code=code,
                            parent_code=cells.get("parent_code") or None))

    by_code: dict[str, UnitRow] = {}
    for row in rows:
        if row.code is None:
            continue
        if row.code in by_code:
            errors.append(_error(row.line, _("The code %(code)s is also used on row %(other)d.") % {
                "code": row.code, "other": by_code[row.code].line}, "code"))
        else:
            by_code[row.code] = row

    wanted_codes = sorted({r.code for r in rows if r.code} | {r.parent_code for r in rows if r.parent_code})
    existing: dict[str, OrgUnit] = {}
    for chunk in _chunks(wanted_codes):
        existing.update({u.code: u for u in OrgUnit.objects.filter(code__in=chunk)})

    for row in rows:
        if row.code and row.code in existing:
            errors.append(_error(row.line, _("The code %(code)s already belongs to \"%(unit)s\".") % {
                "code": row.code, "unit": existing[row.code].name}, "code"))
        if not row.parent_code:
            row.parent_unit = target
        elif row.parent_code == row.code:
            errors.append(_error(row.line, _("A unit cannot be its own parent."), "parent_code"))
        elif row.parent_code in by_code:
            row.parent_row = by_code[row.parent_code]
        elif row.parent_code in existing:
            parent = existing[row.parent_code]
            if parent.is_within(target):
                row.parent_unit = parent
            else:
                errors.append(_error(row.line, _(
                    "The parent unit %(code)s (\"%(unit)s\") is outside %(target)s, where you import.") % {
                    "code": row.parent_code, "unit": parent.name, "target": target.name}, "parent_code"))
        else:
            errors.append(_error(row.line, _("No unit has the parent code %(code)s.") % {
                "code": row.parent_code}, "parent_code"))

    # Loops among the file's own rows (A under B under A).
    for row in rows:
        seen, current = set(), row
        while current.parent_row is not None and current.index not in seen:
            seen.add(current.index)
            current = current.parent_row
        if current.parent_row is not None:
            errors.append(_error(row.line, _("The parent codes of this row form a loop."), "parent_code"))

    # The same name twice under one parent is almost always the same file uploaded twice.
    seen_names: dict[tuple, UnitRow] = {}
    parent_ids = {r.parent_unit.pk for r in rows if r.parent_unit is not None}
    taken: set[tuple[int, str]] = set()
    for chunk in _chunks(sorted(parent_ids)):
        taken.update((pid, _name_key(n)) for pid, n in OrgUnit.objects.filter(parent_id__in=chunk)
                     .values_list("parent_id", "name"))
    for row in rows:
        if not row.name:
            continue
        parent_key = ("row", row.parent_row.index) if row.parent_row else ("unit", getattr(row.parent_unit, "pk", None))
        key = (parent_key, _name_key(row.name))
        if key in seen_names:
            errors.append(_error(row.line, _("\"%(name)s\" appears twice under the same parent (also row %(other)d).")
                                 % {"name": row.name, "other": seen_names[key].line}, "name"))
        else:
            seen_names[key] = row
        if row.parent_unit is not None and (row.parent_unit.pk, _name_key(row.name)) in taken:
            errors.append(_error(row.line, _("\"%(parent)s\" already has a unit named \"%(name)s\".") % {
                "parent": row.parent_unit.name, "name": row.name}, "name"))

    if errors:
        errors.sort(key=lambda e: (e["row"] or 0))
        raise ImportRejected(_("The file was not imported: fix the rows listed and upload it again."),
                             details=errors)
    return rows
