"""Publishing many resources at once: from a spreadsheet (.xlsx/.csv) or a school library's MARCXML catalogue.

Both are all-or-nothing, like the platform's other imports: every row (every record) is checked with the same
rules as a resource published by hand (services.clean_fields), and the file is imported only if all are right;
otherwise each wrong row is named with its number and nothing is written. A spreadsheet or a catalogue carries
no files, so each resource is a link to where it lives (its address).

MARCXML (MARC21, as Vietnamese libraries catalogue) is read with pymarc. Only records with an electronic
location (856 $u) describe something a reader can open; records of printed books are skipped and counted, not
refused, so a library can upload its whole catalogue. The mapping: 245 $a $b title, 100/110/700 $a author,
650/653 $a subjects, 520 $a description, 260/264 $b publisher and $c year, 041 $a or 008/35-37 language,
540 $a licence when it names one (else the licence the importer chose), the leader's type of record the kind.
"""

import io
import re
import xml.sax
from datetime import date

import pymarc
import pymarc.exceptions
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lifelong.core import tables
from lifelong.core.audit import audit_record
from lifelong.core.errors import PermissionDeniedError
from lifelong.core.tables import ImportRejected, row_error
from lifelong.core.text import search_key
from lifelong.library.models import LICENCES, Collection, Resource
from lifelong.library.services import clean_fields, shelf_of
from lifelong.orgs.models import OrgUnit
from lifelong.orgs.permissions import can_edit

HEADER_ALIASES = {
    "title": {"nhan de", "ten", "ten tai lieu", "tieu de", "title", "ten hoc lieu", "nhan de chinh"},
    "url": {"dia chi", "duong dan", "lien ket", "url", "link", "dia chi web", "dia chi truy cap"},
    "kind": {"loai", "loai hoc lieu", "dang", "kind", "type"},
    "licence": {"giay phep", "ban quyen", "licence", "license", "quyen su dung"},
    "creator": {"tac gia", "author", "creator", "nguoi bien soan"},
    "subjects": {"chu de", "tu khoa", "subjects", "keywords", "mon hoc"},
    "description": {"mo ta", "tom tat", "description", "gioi thieu"},
    "publisher": {"nha xuat ban", "don vi phat hanh", "publisher", "nxb"},
    "language": {"ngon ngu", "language"},
    "audience": {"doi tuong", "danh cho", "audience"},
    "level": {"cap hoc", "trinh do", "level"},
    "teaches": {"noi dung hoc", "day ve", "teaches", "ky nang"},
    "time_required_minutes": {"thoi luong", "thoi luong (phut)", "so phut", "minutes"},
    "issued": {"ngay", "nam xuat ban", "ngay phat hanh", "issued", "date"},
    "provider": {"nha cung cap", "don vi to chuc khoa hoc", "provider"},
    "starts_on": {"ngay bat dau", "bat dau", "starts"},
    "ends_on": {"ngay ket thuc", "ket thuc", "ends"},
}
REQUIRED = ("title", "url", "kind", "licence")
COLUMN_LABELS = {"title": "Nhan đề", "url": "Địa chỉ", "kind": "Loại", "licence": "Giấy phép"}
TEMPLATE_HEADER = ["Nhan đề", "Địa chỉ", "Loại", "Giấy phép", "Tác giả", "Chủ đề", "Mô tả", "Đối tượng",
                   "Thời lượng (phút)", "Nhà cung cấp", "Ngày bắt đầu", "Ngày kết thúc"]
KIND_ALIASES = {
    "document": {"tai lieu", "sach", "sach dien tu", "ebook", "e-book", "van ban", "document", "pdf", "epub"},
    "video": {"video", "phim", "clip"},
    "audio": {"am thanh", "audio", "sach noi", "podcast", "bai nghe"},
    "exercise": {"bai tap", "trac nghiem", "exercise", "quiz"},
    "html5": {"html5", "h5p", "tuong tac", "bai hoc tuong tac"},
    "slideshow": {"bai giang", "trinh chieu", "slide", "slides", "slideshow"},
    "course": {"khoa hoc", "khoa hoc truc tuyen", "mooc", "course"},
    "link": {"lien ket", "trang web", "link", "website"},
}
_LICENCE_WORDS = [  # folded text -> SPDX id, the most specific first
    ("by nc sa", "CC-BY-NC-SA-4.0"), ("by nc nd", "CC-BY-NC-ND-4.0"), ("by sa", "CC-BY-SA-4.0"),
    ("by nd", "CC-BY-ND-4.0"), ("by nc", "CC-BY-NC-4.0"), ("cc by", "CC-BY-4.0"), ("cc0", "CC0-1.0"),
    ("zero", "CC0-1.0"), ("public domain", "public-domain"), ("pham vi cong cong", "public-domain"),
    ("all rights reserved", "all-rights-reserved"), ("bao luu moi quyen", "all-rights-reserved"),
    ("bao luu", "all-rights-reserved"), ("ban quyen thuoc", "all-rights-reserved"),
]
MARC_LANGUAGES = {"vie": "vi", "eng": "en", "fre": "fr", "fra": "fr", "chi": "zh", "zho": "zh", "rus": "ru",
                  "jpn": "ja", "kor": "ko", "ger": "de", "deu": "de", "khm": "km", "lao": "lo"}
MARC_KINDS = {"a": "document", "t": "document", "g": "video", "k": "slideshow", "i": "audio", "j": "audio",
              "m": "html5"}
_DAY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_YEAR = re.compile(r"(1[5-9]\d\d|20\d\d)")


def licence_of(text: str) -> str | None:
    """An SPDX id from what people write: "CC BY-SA 4.0", "CC-BY-4.0", "cc0", "Bảo lưu mọi quyền" ..."""
    for spdx in LICENCES:
        if text.strip().lower() == spdx.lower():
            return spdx
    folded = " " + re.sub(r"[^a-z0-9]+", " ", search_key(text)) + " "
    for words, spdx in _LICENCE_WORDS:
        if f" {words} " in folded or (words.startswith("by") and f" cc {words} " in folded):
            return spdx
    return None


def kind_of(text: str) -> str | None:
    folded = search_key(text).strip()
    for kind, aliases in KIND_ALIASES.items():
        if folded in aliases or folded == kind:
            return kind
    return None


def _day(text: str) -> date | None | bool:
    """A date written as a spreadsheet shows it; None when empty, False when unreadable."""
    text = text.strip()
    if not text:
        return None
    for pattern, order in ((_ISO, (0, 1, 2)), (_DAY, (2, 1, 0))):
        match = pattern.match(text)
        if match:
            parts = [int(match.group(i + 1)) for i in order]
            try:
                return date(parts[0], parts[1], parts[2])
            except ValueError:
                return False
    if text.isdigit() and len(text) == 4:
        return date(int(text), 1, 1)
    return False


def _row_data(cells: dict[str, str], line: int, errors: list) -> dict:
    data = {field: cells.get(field, "") for field in ("title", "creator", "description", "publisher", "audience",
                                                      "level", "teaches", "provider", "url", "language")}
    data["language"] = data["language"] or "vi"
    data["subjects"] = [part for part in re.split(r"[;,|]", cells.get("subjects", "")) if part.strip()]
    data["kind"] = kind_of(cells.get("kind", "")) or cells.get("kind", "")
    data["licence"] = licence_of(cells.get("licence", "")) or cells.get("licence", "")
    minutes = cells.get("time_required_minutes", "").strip()
    data["time_required_minutes"] = int(minutes) if minutes.isascii() and minutes.isdigit() and len(minutes) < 7 \
        else (minutes or None)
    for field in ("issued", "starts_on", "ends_on"):
        day = _day(cells.get(field, ""))
        if day is False:
            errors.append(row_error(line, _("Write the date as dd/mm/yyyy."), field))
            day = None
        data[field] = day
    return data


def _check(rows: list[tuple[int, dict]], errors: list) -> list[dict]:
    checked, seen = [], {}
    for line, data in rows:
        row_errors: list[dict] = []
        if data["kind"] not in Resource.Kind.values:
            row_errors.append({"field": "kind", "message": _(
                "Write the kind: tài liệu, video, âm thanh, bài tập, HTML5, bài giảng, khóa học or liên kết.")})
            data["kind"] = "link"
        if data["licence"] not in LICENCES:
            row_errors.append({"field": "licence", "message": _(
                "Write the licence: CC BY, CC BY-SA, CC BY-NC, CC BY-NC-SA, CC BY-ND, CC BY-NC-ND, CC0, "
                "public domain or all rights reserved.")})
            data["licence"] = "CC-BY-4.0"
        cleaned = clean_fields(data, row_errors)
        if not cleaned["url"]:
            row_errors.append({"field": "url", "message": _("Give the resource's address (https://...).")})
        elif cleaned["url"] in seen:
            row_errors.append({"field": "url",
                               "message": _("Also on row %(other)d.") % {"other": seen[cleaned["url"]]}})
        seen.setdefault(cleaned["url"], line)
        errors.extend(row_error(line, e["message"], e["field"]) for e in row_errors)
        if not row_errors:
            checked.append(cleaned)
    return checked


def _check_shelf(actor, unit: OrgUnit, collection: Collection | None) -> None:
    if not can_edit(actor, unit):
        raise PermissionDeniedError()
    if collection is not None and collection.kind == Collection.Kind.SHELF and collection.unit_id != unit.pk:
        raise PermissionDeniedError(_("A shelf holds only its own unit's resources."))
    if collection is not None and not can_edit(actor, collection.unit):
        raise PermissionDeniedError()


def _publish(actor, unit: OrgUnit, cleaned: list[dict], collection: Collection | None, source: str) -> list[Resource]:
    now = timezone.now()
    resources = [Resource(unit=unit, modified_at=now, **data) for data in cleaned]
    for resource in resources:
        resource.refresh_search_key()
    created = Resource.objects.bulk_create(resources, batch_size=500)
    if any(r.pk is None for r in created):  # a database that does not return keys from a bulk insert
        created = list(Resource.objects.filter(unit=unit, modified_at=now).order_by("pk"))
    listed_in = {shelf_of(unit).pk} | ({collection.pk} if collection is not None else set())
    Resource.collections.through.objects.bulk_create(
        [Resource.collections.through(resource_id=r.pk, collection_id=pk) for r in created for pk in listed_in],
        batch_size=1000)
    audit_record(actor=actor, action="library.resources.imported", target=unit, unit_id=unit.pk,
                 created=len(created), source=source[:200])
    return created


@transaction.atomic
def resources_import(*, actor, unit: OrgUnit, filename: str, data: bytes,
                     collection: Collection | None = None) -> list[Resource]:
    """Publish every row of a spreadsheet on the unit's shelf (and in `collection`), or none of them."""
    _check_shelf(actor, unit, collection)
    rows = tables.read_table(filename, data, header_aliases=HEADER_ALIASES, required=REQUIRED,
                             max_bytes=settings.LIBRARY_IMPORT_MAX_BYTES, max_rows=settings.LIBRARY_IMPORT_MAX_ROWS,
                             labels=COLUMN_LABELS, missing_message=_(
                                 "The first row must name the columns; missing: %(columns)s. Download the sample "
                                 "file to see the expected columns."))
    errors: list[dict] = []
    parsed = [(line, _row_data(cells, line, errors)) for line, cells in rows]
    checked = _check(parsed, errors)
    if errors:
        raise ImportRejected(_("The file was not imported: fix the rows listed and upload it again."),
                             details=sorted(errors, key=lambda e: e["row"] or 0))
    return _publish(actor, unit, checked, collection, filename)


# -- MARCXML ---------------------------------------------------------------------------------------------------

def _subfields(record, tags: tuple[str, ...], code: str) -> list[str]:
    return [value.strip(" /:;,.") for field in record.get_fields(*tags) for value in field.get_subfields(code)
            if value.strip(" /:;,.")]


def _marc_data(record, default_licence: str) -> dict | None:
    """A record's resource fields, or None for a record with no electronic location (a printed book)."""
    urls = _subfields(record, ("856",), "u")
    if not urls:
        return None
    title = " : ".join(_subfields(record, ("245",), "a")[:1] + _subfields(record, ("245",), "b")[:1])
    creators = _subfields(record, ("100", "110"), "a") + _subfields(record, ("700", "710"), "a")
    language_codes = _subfields(record, ("041",), "a")
    fixed = record.get_fields("008")
    if not language_codes and fixed and len(fixed[0].data or "") >= 38:
        language_codes = [fixed[0].data[35:38]]
    year_text = " ".join(_subfields(record, ("260", "264"), "c"))
    year = _YEAR.search(year_text)
    licence_text = " ".join(_subfields(record, ("540",), "a") + _subfields(record, ("540",), "f"))
    leader = str(record.leader or "")
    kind = MARC_KINDS.get(leader[6] if len(leader) > 6 else "", "document")
    return {
        "title": title, "creator": "; ".join(dict.fromkeys(creators)),
        "subjects": list(dict.fromkeys(_subfields(record, ("650", "653", "651"), "a"))),
        "description": "\n".join(_subfields(record, ("520",), "a")),
        "publisher": "; ".join(_subfields(record, ("260", "264"), "b")[:1]),
        "language": MARC_LANGUAGES.get(language_codes[0].lower(), language_codes[0][:10]) if language_codes else "vi",
        "issued": date(int(year.group(1)), 1, 1) if year else None,
        "licence": (licence_of(licence_text) if licence_text else None) or default_licence,
        "kind": kind, "url": urls[0],
    }


def read_marcxml(data: bytes) -> list:
    if not data:
        raise ImportRejected(details=[row_error(None, _("The file is empty."))])
    if len(data) > settings.LIBRARY_IMPORT_MAX_BYTES:
        raise ImportRejected(details=[row_error(None, _("The file is larger than %(size)d MB.") % {
            "size": settings.LIBRARY_IMPORT_MAX_BYTES // (1024 * 1024)})])
    # MARCXML never declares a document type: one that does may hide entity expansion (an XML bomb).
    if b"<!DOCTYPE" in data[:4096].upper() or b"<!ENTITY" in data.upper():
        raise ImportRejected(details=[row_error(None, _("The file is not a MARCXML catalogue."))])
    try:
        records = [r for r in pymarc.parse_xml_to_array(io.BytesIO(data)) if r is not None]
    except (xml.sax.SAXException, pymarc.exceptions.PymarcException, ValueError, LookupError, AttributeError,
            TypeError) as exc:  # whatever a malformed record breaks in the reader
        raise ImportRejected(details=[row_error(None, _("The file is not a MARCXML catalogue."))]) from exc
    if not records:
        raise ImportRejected(details=[row_error(None, _("The file holds no MARC record."))])
    if len(records) > settings.LIBRARY_IMPORT_MAX_ROWS:
        raise ImportRejected(details=[row_error(None, _("The file has more than %(n)s records.") % {
            "n": settings.LIBRARY_IMPORT_MAX_ROWS})])
    return records


@transaction.atomic
def resources_import_marcxml(*, actor, unit: OrgUnit, filename: str, data: bytes, default_licence: str,
                             collection: Collection | None = None) -> dict:
    """Publish the electronic resources of a MARCXML catalogue, or none of them if a record is wrong; records
    with no electronic location are skipped. Rows in errors are the records' positions in the file (from 1)."""
    _check_shelf(actor, unit, collection)
    if default_licence not in LICENCES:
        raise ImportRejected(details=[row_error(None, _("Choose the licence it is published under."), "licence")])
    records = read_marcxml(data)
    rows, skipped = [], 0
    for position, record in enumerate(records, start=1):
        fields = _marc_data(record, default_licence)
        if fields is None:
            skipped += 1
        else:
            rows.append((position, fields))
    if not rows:
        raise ImportRejected(details=[row_error(None, _(
            "No record has an electronic address (field 856 $u): a printed book cannot be opened online."))])
    errors: list[dict] = []
    checked = _check(rows, errors)
    if errors:
        raise ImportRejected(_("The catalogue was not imported: fix the records listed and upload it again."),
                             details=errors)
    created = _publish(actor, unit, checked, collection, filename)
    return {"created": len(created), "skipped": skipped}
