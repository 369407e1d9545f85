"""The shared spreadsheet writer: formulas defused, unwritable characters dropped, other values untouched."""

import csv
import io
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.utils.translation import gettext_lazy
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from lifelong.core.exports import FORMULA_STARTS, Sheet, csv_response, csv_text, safe_cell, xlsx_bytes, xlsx_response

# Characters an .xlsx file can hold; the property below is about them (the others are dropped, tested apart).
WRITABLE = st.characters(blacklist_categories=["Cs"],
                         blacklist_characters=[chr(c) for c in range(32) if chr(c) not in "\t\n\r"]
                         + ["\ufffe", "\uffff"])
TEXTS = st.one_of(st.text(WRITABLE), st.builds(lambda start, rest: start + rest, st.sampled_from(FORMULA_STARTS),
                                               st.text(WRITABLE)))


def read_xlsx(data: bytes, sheet: int = 0):
    return load_workbook(io.BytesIO(data)).worksheets[sheet]


def read_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_dangerous_first_character_gets_a_quote(start):
    assert safe_cell(start + "1+2") == "'" + start + "1+2"


@pytest.mark.parametrize("text", ["Nguyễn Văn An", "a=1", "1+2", " =1", "'=1", "", "https://example.vn", "0912345678"])
def test_harmless_texts_are_unchanged(text):
    assert safe_cell(text) == text


@pytest.mark.parametrize("value", [None, 0, -5, 3.5, Decimal("-1.5"), True, False, date(2025, 10, 1),
                                   datetime(2025, 10, 1, 8, 30)])
def test_numbers_dates_booleans_and_none_are_unchanged(value):
    assert safe_cell(value) is value


def test_lazy_labels_become_texts():
    assert safe_cell(gettext_lazy("-lazy")) == "'-lazy"


def test_unwritable_characters_are_dropped_before_the_check():
    assert safe_cell("Lê\x01 Thị\x1f Hoa\ufffe") == "Lê Thị Hoa"
    assert safe_cell("\x01=1+2") == "'=1+2"  # a control character does not hide the formula
    assert safe_cell("a\tb\nc\rd") == "a\tb\nc\rd"  # tab and line breaks inside a text stay
    assert safe_cell("a\ud800b") == "ab"  # a lone surrogate cannot be encoded


def test_a_control_character_does_not_crash_the_xlsx_nor_the_csv():
    sheet = read_xlsx(xlsx_bytes([Sheet("S", ["Tên"], [["An\x01 Bình\x00", 7]])]))
    assert [c.value for c in sheet[2]] == ["An Bình", 7]
    assert read_csv(csv_text([["An\x01 Bình", 7]])) == [["An Bình", "7"]]


def test_xlsx_cells_are_strings_never_formulas():
    sheet = read_xlsx(xlsx_bytes([Sheet("S", ["=SUM(A1)"], [['=HYPERLINK("http://evil","click")', 3, None]])]))
    header, name, number = sheet["A1"], sheet["A2"], sheet["B2"]
    assert header.value == "'=SUM(A1)" and header.data_type == "s" and header.font.b
    assert name.value == '\'=HYPERLINK("http://evil","click")' and name.data_type == "s"
    assert number.value == 3 and number.data_type == "n" and sheet["C2"].value is None


def test_sheet_options_and_responses():
    response = xlsx_response("a.xlsx", [Sheet("Tong hop", ["A", "B"], [["x", 1]], freeze_panes="B2",
                                              column_widths={"A": 40}), Sheet("Khac", ["C"])])
    assert response["Content-Disposition"] == 'attachment; filename="a.xlsx"'
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Tong hop", "Khac"]
    first = book["Tong hop"]
    assert first.freeze_panes == "B2" and first.column_dimensions["A"].width == 40
    assert [c.value for c in book["Khac"][1]] == ["C"]
    csv_file = csv_response("b.csv", [["Tên", "Số"], ["-1", -1]])
    assert csv_file["Content-Type"] == "text/csv; charset=utf-8"
    assert csv_file["Content-Disposition"] == 'attachment; filename="b.csv"'
    assert csv_file.content.startswith("\ufeff".encode())
    assert read_csv(csv_file.content.decode("utf-8-sig")) == [["Tên", "Số"], ["'-1", "-1"]]


@settings(max_examples=60, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=4))
def test_any_text_reads_back_as_itself_or_quoted_never_as_a_formula(texts):
    sheet = read_xlsx(xlsx_bytes([Sheet("S", ["h"], [texts])]))
    csv_row = read_csv(csv_text([texts]))[0]
    for column, text in enumerate(texts, start=1):
        cell = sheet.cell(row=2, column=column)
        assert cell.data_type != "f"
        expected = "'" + text if text.startswith(FORMULA_STARTS) else text
        assert (cell.value or "") == expected and expected in (text, "'" + text)
        assert csv_row[column - 1] == expected


@settings(max_examples=60, deadline=None)
@given(st.text())
def test_any_text_at_all_is_written_without_crashing(text):
    value = read_xlsx(xlsx_bytes([Sheet("S", ["h"], [[text]])]))["A2"].value or ""
    assert not value.startswith(FORMULA_STARTS) and value == safe_cell(text)
