"""The plan reader's file formats (issue 6): .txt in UTF-8 and UTF-16 with any line breaks, .docx with its header
table, text PDF printed by real Chromium, and a clear message for every file it cannot read."""

import io
import os
import zipfile

import docx
import pytest
from django.utils.translation import override
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfWriter

from lifelong.plans.reading import UnreadableDocument, read_file
from lifelong.plans.reading.files import MAX_BYTES, document_text, normalise

PLAN = ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ YA LY\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 41 /KH-UBND\tYa Ly, ngày 02 tháng 10 năm 2025\nKẾ HOẠCH\n"
        "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025\n2. Chủ đề\n“Học tập suốt đời”\n")


def _values(reading: dict) -> dict:
    return {name: found["value"] for name, found in reading["fields"].items() if found["value"] not in (None, "", [])}


EXPECTED = {"doc_kind": "Kế hoạch", "issuing_body": "ỦY BAN NHÂN DÂN\nXÃ YA LY", "number": "41",
            "symbol": "KH-UBND", "issue_place": "Ya Ly", "issue_date": "2025-10-02",
            "subject": "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025", "year": 2025, "theme": "Học tập suốt đời"}


@pytest.mark.parametrize(("encoding", "newline"), [
    ("utf-8", "\n"), ("utf-8-sig", "\r\n"), ("utf-16", "\r\n"), ("utf-16-le", "\n"), ("utf-16-be", "\r"),
])
def test_text_files_in_any_encoding_and_line_break_read_the_same(encoding, newline):
    data = PLAN.replace("\n", newline).encode(encoding)
    assert _values(read_file(data, "plan.txt")) == EXPECTED


def test_docx_header_table_becomes_columns_and_is_read():
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    left, right = table.cell(0, 0), table.cell(0, 1)
    left.paragraphs[0].text = "ỦY BAN NHÂN DÂN"
    left.add_paragraph("XÃ YA LY")
    left.add_paragraph("Số: 41 /KH-UBND")
    right.paragraphs[0].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    right.add_paragraph("Ya Ly, ngày 02 tháng 10 năm 2025")
    for line in ("KẾ HOẠCH", "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025", "2. Chủ đề", "“Học tập suốt đời”"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    reading = read_file(buffer.getvalue(), "ke-hoach.docx")
    assert _values(reading) == EXPECTED
    assert reading["text"].splitlines()[0] == "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


@pytest.mark.browser
def test_text_pdf_printed_by_chromium_is_read(browser):
    page = browser.new_page()
    page.set_content(
        "<p>ỦY BAN NHÂN DÂN<br>XÃ YA LY</p><p>Số: 41/KH-UBND</p><h3>KẾ HOẠCH</h3>"
        "<p>Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025</p><p>2. Chủ đề</p><p>“Học tập suốt đời”</p>"
        "<p>3. Thời gian tổ chức</p><p>Tuần lễ được tổ chức từ ngày 01/10/2025 đến ngày 07/10/2025.</p>")
    data = page.pdf()
    page.close()
    values = _values(read_file(data, "ke-hoach.pdf"))
    assert values["theme"] == "Học tập suốt đời"
    assert (values["number"], values["symbol"]) == ("41", "KH-UBND")
    assert (values["week_start"], values["week_end"]) == ("2025-10-01", "2025-10-07")
    assert values["issuing_body"] == "ỦY BAN NHÂN DÂN\nXÃ YA LY"


def _blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _zip_without_word() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a Word document")
    return buffer.getvalue()


@pytest.mark.parametrize(("data", "name", "words"), [
    (b"", "plan.txt", "empty"),
    (b"   \n\r\n  ", "plan.txt", "empty"),
    (b"x" * (MAX_BYTES + 1), "plan.txt", "larger than"),
    (b"a" * (20 * 1024 * 1024), "plan.docx", "larger than"),
    (os.urandom(4096), "plan.txt", "not"),
    (b"\x89PNG\r\n\x1a\n" + os.urandom(200), "scan.png", "cannot be read"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(500), "plan.doc", ".doc"),
    (_zip_without_word(), "plan.docx", "not a Word"),
    (b"PK\x03\x04" + os.urandom(300), "plan.docx", "not a Word"),
    (b"%PDF-1.7\n" + os.urandom(300), "plan.pdf", "damaged"),
    (_blank_pdf(), "scan.pdf", "scan"),
    ("Kê hoach theo bang ma cu".encode("cp1258"), "plan.txt", "UTF-8"),
])
def test_unreadable_files_get_a_message_saying_why(data, name, words):
    with override("en"), pytest.raises(UnreadableDocument) as caught:
        read_file(data, name)
    assert words.lower() in caught.value.message.lower()


def test_normalisation_of_spaces_breaks_and_broken_words():
    text = normalise("Tuần\u00a0lễ  hưởng   ứng\r\nhọc tập suốt đời\u200b\rkế hoạ-\nch\u2028"
                     "Số:          /KH-UBND  \n\n\n\nHết")
    assert text == "Tuần lễ hưởng\tứng\nhọc tập suốt đời\nkế hoạch\nSố:\t/KH-UBND\n\nHết"


def test_double_spaced_extraction_loses_its_blank_lines_but_keeps_paragraph_gaps():
    lines = [f"dòng {i}" for i in range(10)]
    assert normalise("\n\n".join(lines)) == "\n".join(lines)
    assert normalise("\n\n".join(lines[:5]) + "\n\n\n\n" + "\n\n".join(lines[5:])) == (
        "\n".join(lines[:5]) + "\n\n" + "\n".join(lines[5:]))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000))
def test_any_bytes_either_read_or_get_a_message(data):
    try:
        reading = read_file(data, "x.txt")
    except UnreadableDocument as exc:
        assert exc.message
    else:
        assert set(reading) == {"fields", "text", "recognised"} and isinstance(reading["recognised"], bool)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=3000))
def test_any_text_reads_without_error_and_spans_stay_inside(text):
    try:
        reading = read_file(text.encode("utf-8"), "x.txt")
    except UnreadableDocument:
        return
    size = len(reading["text"])
    for found in reading["fields"].values():
        items = found["value"] if isinstance(found["value"], list) else [found]
        for item in items:
            if item.get("span"):
                assert 0 <= item["span"][0] <= item["span"][1] <= size


def test_document_text_is_normalised_nfc():
    decomposed = "Ke\u0302\u0301 hoa\u0323ch".encode()
    assert document_text(decomposed) == "Kế hoạch"


def test_docx_that_unpacks_into_a_huge_file_is_refused_before_parsing():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (210 * 1024 * 1024))
    assert len(buffer.getvalue()) < MAX_BYTES
    with override("en"), pytest.raises(UnreadableDocument, match="unpacked"):
        read_file(buffer.getvalue(), "bomb.docx")
