"""The one writer of every .xlsx and .csv export, so that no exported cell can run as a formula.

Names of people and units are typed by the public and by unit staff. A registrant called
``=HYPERLINK("http://evil","click")`` or a unit called ``=1+2`` would otherwise become a live formula
when the organiser opens the file in Excel or LibreOffice (CSV/formula injection). Following the
OWASP rule, every text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets
a leading single quote; the .xlsx writer also stores every text cell as a plain string, never a formula.
Characters an .xlsx file cannot hold (control characters, U+FFFE/U+FFFF, lone surrogates) are dropped
instead of making the export crash. Numbers, dates, booleans and empty cells are written unchanged.

Every export builds its rows and hands them to :func:`xlsx_response` or :func:`csv_response`; none
writes a cell itself.
"""

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.http import HttpResponse
from django.utils.functional import Promise
from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Font

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"

# The first characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Not allowed in XML 1.0, so not in an .xlsx file: openpyxl raises IllegalCharacterError (control
# characters) or ValueError (U+FFFE, U+FFFF) on them, and surrogates cannot be encoded as UTF-8.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def safe_cell(value):
    """The value as it may be written into a spreadsheet cell: texts cleaned and defused, others as they are."""
    if isinstance(value, Promise):  # a lazily translated label
        value = str(value)
    if not isinstance(value, str):
        return value
    text = _UNWRITABLE.sub("", value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


@dataclass
class Sheet:
    """One worksheet: a bold header row, then the rows; ``column_widths`` maps a letter ("A") to a width."""

    title: str
    header: Sequence
    rows: Iterable[Sequence] = ()
    freeze_panes: str | None = None
    column_widths: dict[str, float] = field(default_factory=dict)


def xlsx_bytes(sheets: Sequence[Sheet]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for spec in sheets:
        sheet = book.create_sheet(spec.title)
        for row_number, row in enumerate([spec.header, *spec.rows], start=1):
            for column_number, value in enumerate(row, start=1):
                cell = sheet.cell(row=row_number, column=column_number, value=safe_cell(value))
                if isinstance(cell.value, str):
                    cell.data_type = TYPE_STRING  # never a formula, whatever openpyxl guessed
                if row_number == 1:
                    cell.font = bold
        if spec.freeze_panes:
            sheet.freeze_panes = spec.freeze_panes
        for letter, width in spec.column_widths.items():
            sheet.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_text(rows: Iterable[Sequence]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return buffer.getvalue()


def _attachment(body, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_response(filename: str, sheets: Sequence[Sheet]) -> HttpResponse:
    return _attachment(xlsx_bytes(sheets), XLSX, filename)


def csv_response(filename: str, rows: Iterable[Sequence]) -> HttpResponse:
    # A byte-order mark so that Excel opens the UTF-8 file with its Vietnamese letters intact.
    return _attachment("\ufeff" + csv_text(rows), CSV, filename)
