"""Reading a spreadsheet someone uploads (CSV or XLSX) into numbered rows of named columns.

Shared by every import (units, activities). The reader only turns bytes into text: each import then
checks its rows itself and rejects the whole file if any row is wrong. Row numbers are the ones a
spreadsheet shows (the header is row 1) so that an official can find the row to fix. Header names are
matched without case and tone marks, so "Tên đơn vị", "ten don vi" and "name" are the same column.
"""

import csv
import io
import zipfile
from datetime import date, datetime, time

from django.utils.translation import gettext as _

from lifelong.core.errors import ValidationFailed
from lifelong.core.text import normalize_text, search_key


class ImportRejected(ValidationFailed):
    code = "import_rejected"


def row_error(line: int | None, message: str, field: str = "") -> dict:
    return {"row": line, "field": field, "message": message}


def _decode_csv(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ImportRejected(details=[row_error(None, _("The file is not valid UTF-16 text."))]) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        errors = []
        for number, raw_line in enumerate(data.splitlines(), start=1):
            try:
                raw_line.decode("utf-8")
            except UnicodeDecodeError:
                errors.append(row_error(number, _(
                    "This row has characters that are not UTF-8 (the file was probably saved as ANSI or "
                    "Windows-1258). Save it as \"CSV UTF-8\" and upload it again.")))
        raise ImportRejected(details=errors[:200]) from None


def _read_csv(data: bytes) -> list[list[str]]:
    text = _decode_csv(data)
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample.splitlines()[0] if sample else "", delimiters=",;\t")
        delimiter = dialect.delimiter
    except (csv.Error, IndexError):
        delimiter = ","
    try:
        return [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise ImportRejected(details=[row_error(None, _("The CSV file cannot be read: %(error)s") % {
            "error": exc})]) from exc


def cell_text(value) -> str:
    """A cell as the official typed it: Excel dates and times come back as 01/10/2025 and 08:00."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.strftime("%d/%m/%Y")
        if value.date() == date(1899, 12, 30):  # Excel stores a bare time on its day zero
            return value.strftime("%H:%M")
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return str(value)


def _read_xlsx(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportRejected(details=[row_error(None, _("The file is not a valid Excel (.xlsx) workbook."))]) from exc
    try:
        sheet = workbook.worksheets[0]
        return [[cell_text(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def read_table(filename: str, data: bytes, *, header_aliases: dict[str, set[str]], required: tuple[str, ...],
               missing_message: str, max_bytes: int, max_rows: int,
               labels: dict[str, str] | None = None) -> list[tuple[int, dict[str, str]]]:
    """The file's data rows as (row number, {column: text}); raises ImportRejected on a bad file.

    `missing_message` is shown when a required column is absent; it receives %(columns)s, the missing
    columns named by `labels` (the header the sample file uses) or by their code names.
    """
    if not data:
        raise ImportRejected(details=[row_error(None, _("The file is empty."))])
    if len(data) > max_bytes:
        raise ImportRejected(details=[row_error(None, _("The file is larger than %(size)d MB.") % {
            "size": max_bytes // (1024 * 1024)})])
    lower = (filename or "").lower()
    if lower.endswith(".xlsx") or data.startswith(b"PK\x03\x04"):
        rows = _read_xlsx(data)
    elif lower.endswith((".csv", ".txt")) or not lower:
        if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise ImportRejected(details=[row_error(None, _("The file is not a CSV or XLSX file."))])
        rows = _read_csv(data)
    else:
        raise ImportRejected(details=[row_error(None, _("Upload a .csv or .xlsx file."))])

    rows = [[normalize_text(cell) for cell in row] for row in rows]
    while rows and not any(rows[-1]):
        rows.pop()
    if not rows:
        raise ImportRejected(details=[row_error(None, _("The file is empty."))])
    columns: dict[int, str] = {}
    for position, title in enumerate(rows[0]):
        folded = search_key(title).replace("_", " ").replace("*", "").strip()
        for column, aliases in header_aliases.items():
            if folded in aliases or folded.replace(" ", "_") in aliases:
                columns[position] = column
    missing = [c for c in required if c not in columns.values()]
    if missing:
        names = [(labels or {}).get(column, column) for column in missing]
        raise ImportRejected(details=[row_error(1, missing_message % {"columns": ", ".join(names)})])
    data_rows = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(row):
            continue
        data_rows.append((line, {column: (row[pos] if pos < len(row) else "") for pos, column in columns.items()}))
    if not data_rows:
        raise ImportRejected(details=[row_error(None, _("The file has a header but no rows."))])
    if len(data_rows) > max_rows:
        raise ImportRejected(details=[row_error(None, _("The file has more than %(max)d rows; split it.") % {
            "max": max_rows})])
    return data_rows
