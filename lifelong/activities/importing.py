"""Reading and checking a spreadsheet of activities (XLSX or CSV) before anything is imported.

A unit that organises many activities (a ward with twenty classes, a department with a course in
every commune) lists them in a spreadsheet, one activity per row. The whole file is checked first,
every problem is reported with its row number, and the file is imported only if every row is right:
all or nothing, like the import of units. See docs/activities.md for the columns.

Values are read the way officials write them: kinds as the campaign's letter ("c"), its code or its
name; dates as 01/10/2025 (several dates in one cell make several sessions at the same hours); hours
as 08:00, 8h or 8h30; modes, groups and yes/no in Vietnamese with or without tone marks; amounts with
thousands separators. A value that cannot be read is an error, never a guess.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime, time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext as _

from lifelong.activities.models import Activity, Session, TargetGroup
from lifelong.campaigns.models import Campaign
from lifelong.core import tables
from lifelong.core.tables import ImportRejected, row_error
from lifelong.core.text import search_key
from lifelong.core.validation import DATE_OUT_OF_RANGE, date_in_range, parse_day
from lifelong.orgs.models import OrgUnit

HEADER_ALIASES = {
    "category": {"category", "kind", "loai", "loai hoat dong", "nhom hoat dong", "muc"},
    "title": {"title", "ten", "ten hoat dong", "hoat dong"},
    "description": {"description", "mo ta", "noi dung"},
    "dates": {"date", "dates", "ngay", "ngay to chuc", "ngay dien ra", "cac ngay"},
    "start": {"start", "from", "tu", "tu gio", "gio bat dau", "bat dau"},
    "end": {"end", "to", "den", "den gio", "gio ket thuc", "ket thuc"},
    "venue_name": {"venue", "venue name", "dia diem", "noi to chuc"},
    "venue_address": {"address", "venue address", "dia chi"},
    "commune": {"commune", "xa", "phuong", "xa/phuong", "xa, phuong", "xa phuong", "ma xa", "noi dien ra"},
    "mode": {"mode", "hinh thuc"},
    "online_url": {"online url", "online link", "link", "duong dan", "duong link", "lien ket"},
    "target_groups": {"target groups", "groups", "for", "doi tuong", "nhom doi tuong"},
    "capacity": {"capacity", "places", "so cho", "so cho moi buoi", "suc chua"},
    "registration_required": {"registration", "registration required", "can dang ky", "dang ky"},
    "partners": {"partners", "doi tac", "doanh nghiep", "doanh nghiep doi tac"},
    "budget_state": {"budget state", "kinh phi nha nuoc", "ngan sach", "kinh phi ngan sach"},
    "budget_social": {"budget social", "kinh phi xa hoi hoa", "xa hoi hoa", "kinh phi huy dong"},
    "published": {"published", "publish", "cong khai", "cong bo"},
}
REQUIRED = ("category", "title", "dates", "start", "end")
COLUMN_LABELS = {"category": "Loại hoạt động", "title": "Tên hoạt động", "dates": "Ngày", "start": "Từ giờ",
                 "end": "Đến giờ"}
TEMPLATE_HEADER = ["Loại hoạt động", "Tên hoạt động", "Mô tả", "Ngày", "Từ giờ", "Đến giờ", "Địa điểm", "Địa chỉ",
                   "Xã/phường", "Hình thức", "Đường dẫn", "Đối tượng", "Số chỗ", "Cần đăng ký", "Đối tác",
                   "Kinh phí nhà nước", "Kinh phí xã hội hóa", "Công khai"]

MODE_ALIASES = {
    Activity.Mode.IN_PERSON: {"in person", "in_person", "truc tiep", "tai cho"},
    Activity.Mode.ONLINE: {"online", "truc tuyen", "qua mang"},
    Activity.Mode.HYBRID: {"hybrid", "both", "ket hop", "truc tiep va truc tuyen", "truc tiep + truc tuyen",
                           "truc tiep, truc tuyen", "ca hai"},
}
GROUP_ALIASES = {
    TargetGroup.OFFICIALS: {"officials", "can bo", "cong chuc", "vien chuc", "can bo cong chuc",
                            "can bo, cong chuc, vien chuc", "nguoi lao dong", "cbccvc", "cbcc"},
    TargetGroup.LEARNERS: {"learners", "hoc sinh", "sinh vien", "nguoi hoc", "hoc vien", "hoc sinh sinh vien"},
    TargetGroup.RESIDENTS: {"residents", "nguoi dan", "cong dong", "nhan dan", "moi nguoi"},
    TargetGroup.DISADVANTAGED: {"disadvantaged", "yeu the", "nhom yeu the", "kho khan", "vung kho khan",
                                "dan toc thieu so", "vung sau vung xa", "nguoi khuyet tat"},
}
YES = {"co", "x", "yes", "y", "1", "true", "dung"}
NO = {"khong", "no", "n", "0", "false", "sai", ""}
_TIME = re.compile(r"^(\d{1,2})\s*(?:(?::|h|g|gio|\.)\s*(\d{2})?)?\s*(?:p|phut)?$")
_DATE_SPLIT = re.compile(r"\s*[;\n]\s*|\s+(?:va|và|and)\s+|,\s+")
_MONEY_UNITS = re.compile(r"\s*(đồng|dong|đ|vnd|vnđ)\s*$", re.IGNORECASE)


@dataclass(eq=False)
class ActivityRow:
    line: int
    data: dict
    sessions: list[tuple[datetime, datetime]] = field(default_factory=list)
    published: bool = False


def _fold(value: str) -> str:
    return search_key(value).replace("_", " ").strip()


def _lookup(aliases: dict, value: str):
    folded = _fold(value)
    for key, words in aliases.items():
        if folded in words or folded == key:
            return key
    return None


def parse_time(value: str) -> time | None:
    match = _TIME.match(_fold(value))
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    return time(hour, minute) if hour < 24 and minute < 60 else None


def parse_amount(value: str) -> int | None:
    """'1.500.000', '1,500,000', '1 500 000 đồng' → 1500000; anything else → None."""
    digits = _MONEY_UNITS.sub("", value.strip())
    if not re.fullmatch(r"\d{1,3}([.,\s]\d{3})*|\d+", digits):
        return None
    return int(re.sub(r"[.,\s]", "", digits))


class _Communes:
    """The communes a row may name: those of the organiser's province (all of them for the Ministry)."""

    def __init__(self, province: OrgUnit | None):
        self.where = province.name if province else _("the country")
        communes = OrgUnit.objects.filter(kind=OrgUnit.Kind.COMMUNE)
        if province is not None:
            communes = communes.filter(path__startswith=province.path)
        self.by_code: dict[str, OrgUnit] = {}
        self.by_name: dict[str, list[OrgUnit]] = {}
        prefixes = ("xa ", "phuong ", "dac khu ", "thi tran ")
        for commune in communes.only("pk", "name", "code", "path", "kind"):
            if commune.code:
                self.by_code[commune.code] = commune
            folded = _fold(commune.name)
            self.by_name.setdefault(folded, []).append(commune)
            for prefix in prefixes:
                if folded.startswith(prefix):
                    self.by_name.setdefault(folded[len(prefix):], []).append(commune)

    def find(self, value: str) -> tuple[OrgUnit | None, str]:
        if value in self.by_code:
            return self.by_code[value], ""
        found = self.by_name.get(_fold(value), [])
        if len(found) == 1:
            return found[0], ""
        if found:
            return None, _("Several communes are called \"%(name)s\"; write its code instead.") % {"name": value}
        return None, _("No commune \"%(name)s\" in %(where)s.") % {"name": value, "where": self.where}


def read_activity_table(filename: str, data: bytes) -> list[tuple[int, dict[str, str]]]:
    return tables.read_table(
        filename, data, header_aliases=HEADER_ALIASES, required=REQUIRED,
        max_bytes=settings.UNIT_IMPORT_MAX_BYTES, max_rows=settings.ACTIVITY_IMPORT_MAX_ROWS, labels=COLUMN_LABELS,
        missing_message=_("The first row must name the columns; missing: %(columns)s. Download the sample file "
                          "to see the expected columns."))


def _sessions(line: int, cells: dict, errors: list) -> list[tuple[datetime, datetime]]:
    start, end = parse_time(cells.get("start", "")), parse_time(cells.get("end", ""))
    if start is None:
        errors.append(row_error(line, _("Write the start hour as 08:00 or 8h."), "start"))
    if end is None:
        errors.append(row_error(line, _("Write the end hour as 11:30 or 11h30."), "end"))
    days = []
    raw_dates = [d for d in _DATE_SPLIT.split(cells.get("dates", "")) if d.strip()]
    if not raw_dates:
        errors.append(row_error(line, _("The date is empty."), "dates"))
    for raw in raw_dates:
        day = parse_day(raw)
        if day is None:
            errors.append(row_error(line, _("\"%(value)s\" is not a date; write it as 01/10/2025.") % {
                "value": raw}, "dates"))
        elif not date_in_range(day):
            errors.append(row_error(line, f"{raw}: {DATE_OUT_OF_RANGE}", "dates"))
        else:
            days.append(day)
    if start is None or end is None or not days:
        return []
    if end <= start:
        errors.append(row_error(line, _("The end hour is not after the start hour."), "end"))
        return []
    tz = timezone.get_current_timezone()
    return [(datetime.combine(day, start, tzinfo=tz), datetime.combine(day, end, tzinfo=tz))
            for day in sorted(set(days))]


def _text(line: int, cells: dict, name: str, limit: int, errors: list) -> str:
    value = cells.get(name, "")
    if len(value) > limit:
        errors.append(row_error(line, _("Longer than %(limit)d characters.") % {"limit": limit}, name))
    return value


def _check_row(line: int, cells: dict, *, categories: dict, communes: _Communes, errors: list) -> ActivityRow:
    data: dict = {}
    category_text = cells.get("category", "")
    category = categories.get(category_text.strip().lower().rstrip(")")) or categories.get(_fold(category_text))
    if category is None:
        errors.append(row_error(line, _("Unknown kind of activity \"%(value)s\". Use a letter: %(letters)s.") % {
            "value": category_text, "letters": ", ".join(sorted({c.letter for c in categories.values()}))},
            "category"))
    data["category"] = category
    data["title"] = _text(line, cells, "title", 300, errors)
    if not data["title"]:
        errors.append(row_error(line, _("The title is empty."), "title"))
    data["description"] = cells.get("description", "")
    data["venue_name"] = _text(line, cells, "venue_name", 300, errors)
    data["venue_address"] = _text(line, cells, "venue_address", 500, errors)
    data["partners"] = cells.get("partners", "")

    commune_text = cells.get("commune", "")
    data["commune"] = None  # the organiser's own commune, filled in by the service
    if commune_text:
        commune, message = communes.find(commune_text)
        if commune is None:
            errors.append(row_error(line, message, "commune"))
        data["commune"] = commune

    mode_text = cells.get("mode", "")
    mode = _lookup(MODE_ALIASES, mode_text) if mode_text else Activity.Mode.IN_PERSON
    if mode is None:
        errors.append(row_error(line, _("Unknown mode \"%(value)s\": write trực tiếp, trực tuyến or kết hợp.") % {
            "value": mode_text}, "mode"))
    data["mode"] = mode or Activity.Mode.IN_PERSON
    data["online_url"] = cells.get("online_url", "")
    if data["online_url"]:
        if "://" not in data["online_url"]:
            data["online_url"] = "https://" + data["online_url"]
        try:
            URLValidator(schemes=["http", "https"])(data["online_url"])
        except ValidationError:
            errors.append(row_error(line, _("The link is not a web address."), "online_url"))
    elif mode in (Activity.Mode.ONLINE, Activity.Mode.HYBRID):
        errors.append(row_error(line, _("An online activity needs its link."), "online_url"))

    groups = []
    for part in re.split(r"\s*[;,/\n]\s*", cells.get("target_groups", "")):
        if not part:
            continue
        group = _lookup(GROUP_ALIASES, part)
        if group is None:
            errors.append(row_error(line, _("Unknown group \"%(value)s\": write cán bộ, học sinh, người dân or "
                                            "yếu thế.") % {"value": part}, "target_groups"))
        else:
            groups.append(group)
    data["target_groups"] = groups

    for name in ("capacity", "budget_state", "budget_social"):
        text = cells.get(name, "")
        amount = parse_amount(text) if text else None
        if text and amount is None:
            errors.append(row_error(line, _("\"%(value)s\" is not a whole number.") % {"value": text}, name))
        data[name] = amount
    flags = {}
    for name in ("registration_required", "published"):
        folded = _fold(cells.get(name, ""))
        if folded not in YES | NO:
            errors.append(row_error(line, _("Write có or không."), name))
        flags[name] = folded in YES
    data["registration_required"] = flags["registration_required"]
    return ActivityRow(line=line, data=data, sessions=_sessions(line, cells, errors), published=flags["published"])


def check_activity_rows(*, unit: OrgUnit, campaign: Campaign, table: list[tuple[int, dict[str, str]]],
                        province: OrgUnit | None) -> list[ActivityRow]:
    """Check every row against the file and the database; raise ImportRejected listing all problems."""
    categories = {}
    for category in campaign.categories.filter(active=True):
        categories[category.letter.lower()] = category
        categories[category.code] = category
        categories[_fold(category.name)] = category
    communes = _Communes(province)
    errors: list[dict] = []
    rows = [_check_row(line, cells, categories=categories, communes=communes, errors=errors) for line, cells in table]

    # The same title at the same first hour twice is almost always the same file uploaded twice.
    def key(row):
        return (_fold(row.data["title"]), row.sessions[0][0]) if row.sessions and row.data["title"] else None

    seen: dict = {}
    for row in rows:
        if key(row) is None:
            continue
        if key(row) in seen:
            errors.append(row_error(row.line, _("The same activity at the same time is also on row %(other)d.") % {
                "other": seen[key(row)].line}, "title"))
        else:
            seen[key(row)] = row
    starts = [k[1] for k in seen]
    if starts:
        existing = set()
        for title, first_start in (Session.objects.filter(
                activity__unit=unit, activity__campaign=campaign, starts_at__gte=min(starts),
                starts_at__lte=max(starts)).values_list("activity__title", "starts_at")):
            existing.add((_fold(title), first_start))
        for k, row in seen.items():
            if k in existing:
                errors.append(row_error(row.line, _(
                    "%(unit)s already has this activity at this time (was the file uploaded before?).") % {
                    "unit": unit.name}, "title"))

    if errors:
        errors.sort(key=lambda e: (e["row"] or 0))
        raise ImportRejected(_("The file was not imported: fix the rows listed and upload it again."),
                             details=errors)
    return rows
