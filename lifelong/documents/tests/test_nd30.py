"""The Word files built by lifelong.documents.nd30, read back with python-docx and checked against ND30.md."""

import io
import re
from datetime import date

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Length
from hypothesis import given
from hypothesis import strategies as st

from lifelong.documents.metrics import longest_word_width, text_width
from lifelong.documents.nd30 import (
    OfficialDocument,
    Section,
    Signature,
    Table,
    build_docx,
    format_date_line,
    format_number_line,
    grid_column_widths,
    issuer_size,
    vietnamese_point_letters,
)
from lifelong.documents.tests import samples

POINTS = ["Tuyên truyền", "Tổ chức hoạt động", "Khen thưởng", "Kiểm tra", "Báo cáo", "Tổng kết"]


def plan(**overrides) -> OfficialDocument:
    values = dict(
        kind_title="KẾ HOẠCH",
        parent_body="UBND THÀNH PHỐ HÀ NỘI",
        issuing_body="ỦY BAN NHÂN DÂN\nPHƯỜNG TÂY MỖ",
        number="262",
        symbol="KH-UBND",
        place="Tây Mỗ",
        issue_date=date(2025, 9, 25),
        year=2025,
        subject="Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025",
        legal_bases=["Căn cứ Luật Giáo dục năm 2019;",
                     "Căn cứ Kế hoạch số 100/KH-UBND ngày 01/9/2025 của UBND Thành phố"],
        intro="UBND phường Tây Mỗ xây dựng Kế hoạch tổ chức Tuần lễ như sau:",
        sections=[
            Section("Mục đích, yêu cầu", ["Nâng cao nhận thức về học tập suốt đời.\nHuy động mọi người tham gia."]),
            Section("Nội dung", children=[
                Section("Các hoạt động chính", children=[Section(point, [f"Nội dung {point.lower()}."])
                                                         for point in POINTS]),
            ]),
        ],
        recipients=["Như trên", "TT Đảng ủy, HĐND phường;", "Lưu: VT, VHXH"],
        signature=Signature(mode="TM.", authority="ỦY BAN NHÂN DÂN", title="PHÓ CHỦ TỊCH", name="Nguyễn Văn A"),
    )
    values.update(overrides)
    return OfficialDocument(**values)


def letter(**overrides) -> OfficialDocument:
    values = dict(
        kind_title="", parent_body="", issuing_body="BỘ GIÁO DỤC VÀ ĐÀO TẠO", number="5607",
        symbol="BGDĐT-GDNNGDTX", place="Hà Nội", issue_date=date(2025, 10, 1), year=2025,
        subject="Hướng dẫn tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025",
        addressees=["Ủy ban nhân dân các tỉnh, thành phố"],
        intro="Bộ Giáo dục và Đào tạo hướng dẫn như sau:",
        recipients=["Như trên", "Lưu: VT, GDNNGDTX"],
        signature=Signature(mode="KT.", authority="BỘ TRƯỞNG", title="THỨ TRƯỞNG", name="Trần Thị B"),
    )
    values.update(overrides)
    return OfficialDocument(**values)


RESULTS = Table(
    title="Kết quả tổ chức Tuần lễ",
    header=["STT", "Đơn vị", "Số hoạt động", "Số người tham gia"],
    rows=[["1", "Phường Tây Mỗ", "12", "1.250"], ["2", "Trường THCS Tây Mỗ", "5", "430"]],
    note="(Kèm theo Kế hoạch số 262/KH-UBND ngày 25/9/2025 của UBND phường Tây Mỗ)",
)


def read(official: OfficialDocument):
    return docx.Document(io.BytesIO(build_docx(official)))


def texts(paragraphs) -> list[str]:
    return [p.text for p in paragraphs if p.text.strip()]


def paragraph(document, text: str):
    matches = [p for p in document.paragraphs if p.text == text]
    assert matches, f"no paragraph {text!r} in {texts(document.paragraphs)}"
    return matches[0]


def cell_paragraph(cell, text: str):
    matches = [p for p in cell.paragraphs if p.text == text]
    assert matches, f"no paragraph {text!r} in {texts(cell.paragraphs)}"
    return matches[0]


def only_run(p):
    assert len(p.runs) == 1, p.text
    return p.runs[0]


def header_cells(document):
    return document.tables[0].rows[0].cells


def closing_cells(document):
    return document.tables[1].rows[0].cells


def text_area_cm(section) -> float:
    """The width between the margins."""
    return Length(section.page_width - section.left_margin - section.right_margin).cm


def has_bottom_border(p) -> bool:
    pPr = p._p.pPr
    return pPr is not None and pPr.find(f"{qn('w:pBdr')}/{qn('w:bottom')}") is not None


def rule_after(paragraphs, text: str):
    """The paragraph right after the one reading `text`, which must carry the solid line."""
    index = [p.text for p in paragraphs].index(text)
    return paragraphs[index + 1]


def all_runs(document):
    for p in document.paragraphs:
        yield from p.runs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    yield from p.runs


# --- Page -------------------------------------------------------------------------------------------------------

def test_page_is_a4_portrait_with_the_decree_margins():
    section = read(plan()).sections[0]
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert section.page_width.mm == pytest.approx(210, abs=0.5)
    assert section.page_height.mm == pytest.approx(297, abs=0.5)
    assert section.top_margin.mm == pytest.approx(20, abs=0.5)
    assert section.bottom_margin.mm == pytest.approx(20, abs=0.5)
    assert section.left_margin.mm == pytest.approx(30, abs=0.5)
    assert section.right_margin.mm == pytest.approx(15, abs=0.5)


def test_normal_style_is_times_new_roman_also_for_east_asian_text():
    normal = read(plan()).styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.element.rPr.rFonts.get(qn("w:eastAsia")) == "Times New Roman"
    assert normal.font.size.pt == 14


def test_every_run_is_black_times_new_roman():
    runs = list(all_runs(read(plan(appendices=[RESULTS]))))
    assert len(runs) > 40
    for run in runs:
        assert run.font.name == "Times New Roman", run.text
        assert run._element.rPr.rFonts.get(qn("w:eastAsia")) == "Times New Roman", run.text
        assert str(run.font.color.rgb) == "000000", run.text


def test_body_paragraphs_are_justified_14pt_with_first_line_indent_and_spacing():
    p = paragraph(read(plan()), "Nâng cao nhận thức về học tập suốt đời.")
    fmt = p.paragraph_format
    assert p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert fmt.first_line_indent.cm == pytest.approx(1, abs=0.3)
    assert fmt.space_after.pt >= 6
    assert 1.0 <= fmt.line_spacing <= 1.5
    assert only_run(p).font.size.pt == 14


def test_page_number_field_is_centred_in_the_header_but_not_on_the_first_page():
    section = read(plan()).sections[0]
    assert section.different_first_page_header_footer
    header = section.header
    assert "PAGE" in header._element.xml
    assert header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert header.paragraphs[0].runs[0].font.size.pt == 14
    assert "PAGE" not in section.first_page_header._element.xml


# --- Header -----------------------------------------------------------------------------------------------------

def test_right_header_column_has_national_name_motto_and_line_under_it():
    right = header_cells(read(plan()))[1]
    national = cell_paragraph(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert only_run(national).bold and only_run(national).font.size.pt == 12
    motto = cell_paragraph(right, "Độc lập - Tự do - Hạnh phúc")
    assert only_run(motto).bold and only_run(motto).font.size.pt == 13
    assert has_bottom_border(rule_after(right.paragraphs, motto.text))
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in right.paragraphs)


def test_motto_line_is_about_as_long_as_the_motto():
    right = header_cells(read(plan()))[1]
    rule = rule_after(right.paragraphs, "Độc lập - Tự do - Hạnh phúc").paragraph_format
    assert right.width.cm - rule.left_indent.cm - rule.right_indent.cm == pytest.approx(5.6, abs=0.1)


def test_left_header_column_has_parent_body_plain_and_issuing_body_bold_with_short_line():
    left = header_cells(read(plan()))[0]
    assert texts(left.paragraphs)[:3] == ["UBND THÀNH PHỐ HÀ NỘI", "ỦY BAN NHÂN DÂN", "PHƯỜNG TÂY MỖ"]
    parent = only_run(cell_paragraph(left, "UBND THÀNH PHỐ HÀ NỘI"))
    assert not parent.bold and parent.font.size.pt == 13
    for line in ("ỦY BAN NHÂN DÂN", "PHƯỜNG TÂY MỖ"):
        run = only_run(cell_paragraph(left, line))
        assert run.bold and run.font.size.pt == 13
    rule = rule_after(left.paragraphs, "PHƯỜNG TÂY MỖ")
    assert has_bottom_border(rule)
    length = left.width.cm - rule.paragraph_format.left_indent.cm - rule.paragraph_format.right_indent.cm
    name = text_width("ỦY BAN NHÂN DÂN", 13, bold=True).cm  # the wider of the two lines
    assert name / 3 <= length <= name / 2
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in left.paragraphs)


def test_header_columns_fill_the_text_width_and_have_no_cell_margins():
    document = read(plan())
    left, right = header_cells(document)
    section = document.sections[0]
    assert left.width.cm + right.width.cm == pytest.approx(text_area_cm(section), abs=0.01)
    assert 0.4 <= left.width / (left.width + right.width) <= 0.5
    margins = document.tables[0]._tbl.tblPr.find(qn("w:tblCellMar"))
    assert {side.tag.split("}")[1]: side.get(qn("w:w")) for side in margins} == {"left": "0", "right": "0"}


@pytest.mark.parametrize(("issuer", "size"), [
    (samples.MINISTRY, 13), (samples.CITY, 13), (samples.DEPARTMENT, 13), (samples.PROVINCE, 13),
    (samples.WARD, 13), (samples.SCHOOL, 12),
])
def test_issuer_lines_are_13pt_unless_one_would_not_fit_the_column(issuer, size):
    official = plan(parent_body=issuer[0], issuing_body=issuer[1])
    assert issuer_size(official) == size
    left = header_cells(read(official))[0]
    for line in [*issuer[0].split("\n"), *issuer[1].split("\n")]:
        if line:
            run = only_run(cell_paragraph(left, line))
            assert run.font.size.pt == size
            assert text_width(line, size, bold=run.bold) < left.width


def test_national_name_fits_the_right_column():
    right = header_cells(read(plan()))[1]
    assert text_width("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True).cm < right.width.cm - 0.2


def test_parent_body_line_is_omitted_when_there_is_none():
    left = header_cells(read(plan(parent_body="", issuing_body="BỘ GIÁO DỤC VÀ ĐÀO TẠO")))[0]
    assert texts(left.paragraphs) == ["BỘ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 262/KH-UBND"]


def test_number_line_sits_under_the_issuing_body():
    left = header_cells(read(plan(number="5")))[0]
    number = only_run(cell_paragraph(left, "Số: 05/KH-UBND"))
    assert not number.bold and number.font.size.pt == 13


@pytest.mark.parametrize(("issued", "expected"), [
    (date(2026, 1, 5), "Tây Mỗ, ngày 05 tháng 01 năm 2026"),
    (date(2025, 10, 1), "Tây Mỗ, ngày 01 tháng 10 năm 2025"),
    (date(2025, 6, 29), "Tây Mỗ, ngày 29 tháng 6 năm 2025"),
    (date(2025, 9, 25), "Tây Mỗ, ngày 25 tháng 9 năm 2025"),
])
def test_date_line_is_italic_14pt_with_the_decree_zero_rule(issued, expected):
    right = header_cells(read(plan(issue_date=issued, year=issued.year)))[1]
    date_run = only_run(right.paragraphs[-1])
    assert right.paragraphs[-1].text == expected
    assert date_run.italic and not date_run.bold
    assert date_run.font.size.pt == 14


def test_draft_leaves_number_and_date_blank():
    left, right = header_cells(read(plan(number="", issue_date=None, year=2025)))
    assert "Số:      /KH-UBND" in texts(left.paragraphs)
    assert right.paragraphs[-1].text == "Tây Mỗ, ngày     tháng     năm 2025"
    assert right.paragraphs[-1].text.endswith(", ngày     tháng     năm 2025")


# --- Title and body ---------------------------------------------------------------------------------------------

def test_title_and_subject_are_centred_bold_14pt_with_a_short_line_under_the_subject():
    document = read(plan())
    for text in ("KẾ HOẠCH", "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025"):
        p = paragraph(document, text)
        assert p.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert only_run(p).bold and only_run(p).font.size.pt == 14
    rule = rule_after(document.paragraphs, "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025")
    assert has_bottom_border(rule)
    assert rule.paragraph_format.left_indent.cm > 4


def test_legal_bases_are_italic_and_end_with_semicolons_then_a_full_stop():
    document = read(plan())
    bases = [p for p in document.paragraphs if p.text.startswith("Căn cứ")]
    assert [p.text for p in bases] == [
        "Căn cứ Luật Giáo dục năm 2019;",
        "Căn cứ Kế hoạch số 100/KH-UBND ngày 01/9/2025 của UBND Thành phố.",
    ]
    assert all(only_run(p).italic for p in bases)


def test_intro_follows_the_legal_bases_in_plain_text():
    document = read(plan())
    body = texts(document.paragraphs)
    intro = "UBND phường Tây Mỗ xây dựng Kế hoạch tổ chức Tuần lễ như sau:"
    assert body.index(intro) == body.index("Căn cứ Luật Giáo dục năm 2019;") + 2
    assert not only_run(paragraph(document, intro)).italic


def test_top_sections_have_roman_numerals_and_bold_upper_case_headings():
    document = read(plan())
    for text in ("I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG"):
        assert only_run(paragraph(document, text)).bold


def test_paragraph_with_line_breaks_becomes_separate_paragraphs():
    body = texts(read(plan()).paragraphs)
    first = body.index("Nâng cao nhận thức về học tập suốt đời.")
    assert body[first + 1] == "Huy động mọi người tham gia."


def test_second_level_is_numbered_and_bold_and_points_follow_vietnamese_order():
    document = read(plan())
    assert only_run(paragraph(document, "1. Các hoạt động chính")).bold
    points = [p.text for p in document.paragraphs if re.match(r"^\w\) ", p.text)]
    assert points == ["a) Tuyên truyền", "b) Tổ chức hoạt động", "c) Khen thưởng", "d) Kiểm tra", "đ) Báo cáo",
                      "e) Tổng kết"]
    assert not only_run(paragraph(document, "a) Tuyên truyền")).bold


def test_fourth_level_uses_dashes_and_headless_points_number_their_content():
    deep = Section("Chuẩn bị", children=[Section("Các bước", children=[
        Section("", ["Lập danh sách."], children=[Section("Rà soát đơn vị")]),
    ])])
    body = texts(read(plan(sections=[deep])).paragraphs)
    assert body[body.index("I. CHUẨN BỊ"):][:4] == ["I. CHUẨN BỊ", "1. Các bước", "a) Lập danh sách.",
                                                    "- Rà soát đơn vị"]


# --- Closing ----------------------------------------------------------------------------------------------------

def test_recipients_cell_lists_each_recipient_with_punctuation():
    left = closing_cells(read(plan()))[0]
    heading = only_run(cell_paragraph(left, "Nơi nhận:"))
    assert heading.bold and heading.italic and heading.font.size.pt == 12
    recipients = texts(left.paragraphs)[1:]
    assert recipients == ["- Như trên;", "- TT Đảng ủy, HĐND phường;", "- Lưu: VT, VHXH."]
    assert all(only_run(cell_paragraph(left, text)).font.size.pt == 11 for text in recipients)


def test_signature_block_shows_mode_authority_title_space_and_name():
    right = closing_cells(read(plan()))[1]
    lines = [p.text for p in right.paragraphs]
    assert lines[:2] == ["TM. ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH"]
    assert lines[-1] == "Nguyễn Văn A"
    assert lines[2:-1] == [""] * (len(lines) - 3) and len(lines) - 3 >= 3
    for text in ("TM. ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"):
        run = only_run(cell_paragraph(right, text))
        assert run.bold and run.font.size.pt == 14
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in right.paragraphs)


def test_signature_without_mode_shows_authority_and_title_lines():
    signature = Signature(authority="chủ tịch", name="Lê Văn C")
    right = closing_cells(read(plan(signature=signature)))[1]
    assert texts(right.paragraphs) == ["CHỦ TỊCH", "Lê Văn C"]


# --- Letters ----------------------------------------------------------------------------------------------------

def test_letter_has_no_title_and_carries_its_subject_under_the_number():
    document = read(letter())
    left = header_cells(document)[0]
    assert texts(left.paragraphs) == ["BỘ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 5607/BGDĐT-GDNNGDTX",
                                      "V/v Hướng dẫn tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025"]
    subject = left.paragraphs[-1]
    assert 12 <= only_run(subject).font.size.pt <= 13
    body = texts(document.paragraphs)
    assert "KẾ HOẠCH" not in body and body[0] == "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố"
    assert only_run(paragraph(document, body[0])).font.size.pt == 14


def test_several_addressees_go_one_per_line_under_kinh_gui():
    document = read(letter(addressees=["Sở Giáo dục và Đào tạo", "Sở Lao động - Thương binh và Xã hội"]))
    body = texts(document.paragraphs)
    assert body[:3] == ["Kính gửi:", "- Sở Giáo dục và Đào tạo;", "- Sở Lao động - Thương binh và Xã hội."]
    dash_indent = paragraph(document, body[1]).paragraph_format.left_indent
    assert dash_indent > paragraph(document, "Kính gửi:").paragraph_format.left_indent


def test_letter_signature_uses_deputy_mode():
    right = closing_cells(read(letter()))[1]
    assert texts(right.paragraphs) == ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Trần Thị B"]


# --- Appendices -------------------------------------------------------------------------------------------------

def test_appendix_starts_a_new_section_with_page_numbers_from_one():
    document = read(plan(appendices=[RESULTS]))
    assert len(document.sections) == 2
    appendix = document.sections[1]
    numbering = appendix._sectPr.find(qn("w:pgNumType"))
    assert numbering is not None and numbering.get(qn("w:start")) == "1"
    assert appendix.orientation == WD_ORIENT.PORTRAIT
    assert appendix.left_margin.mm == pytest.approx(30, abs=0.5)


def test_appendix_heading_title_and_note():
    document = read(plan(appendices=[RESULTS]))
    body = texts(document.paragraphs)
    start = body.index("Phụ lục")
    assert body[start:start + 3] == ["Phụ lục", "KẾT QUẢ TỔ CHỨC TUẦN LỄ", RESULTS.note]
    for text in ("Phụ lục", "KẾT QUẢ TỔ CHỨC TUẦN LỄ"):
        p = paragraph(document, text)
        assert p.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert only_run(p).bold and only_run(p).font.size.pt == 14
    note = paragraph(document, RESULTS.note)
    assert only_run(note).italic and note.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_appendix_table_has_a_grid_bold_header_and_12pt_cells():
    table = read(plan(appendices=[RESULTS])).tables[2]
    assert [[cell.text for cell in row.cells] for row in table.rows] == [RESULTS.header, *RESULTS.rows]
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {edge.get(qn("w:val")) for edge in borders} == {"single"}
    assert all(only_run(cell.paragraphs[0]).bold for cell in table.rows[0].cells)
    for row in table.rows[1:]:
        for cell in row.cells:
            run = only_run(cell.paragraphs[0])
            assert not run.bold and run.font.size.pt == 12


def test_report_appendix_gives_the_indicator_labels_most_of_the_width():
    document = read(samples.report(*samples.WARD))
    appendix, section = document.tables[2], document.sections[1]
    widths = [cell.width.cm for cell in appendix.rows[0].cells]
    assert sum(widths) == pytest.approx(text_area_cm(section), abs=0.01)
    assert [cell.text for cell in appendix.rows[0].cells][1] == "Chỉ tiêu"
    others = widths[:1] + widths[2:]
    # About half the landscape table; each of the six other columns gets a fraction of that.
    assert widths[1] >= 0.45 * sum(widths)
    assert widths[1] > 3 * max(others)


def test_appendix_columns_are_never_narrower_than_their_longest_word():
    table = samples.report(*samples.WARD).appendices[0]
    widths = grid_column_widths(table, Cm(25.2))
    for column, width in enumerate(widths):
        words = [longest_word_width(table.header[column], 12, bold=True)]
        words += [longest_word_width(row[column], 12) for row in table.rows]
        assert max(words) + Cm(0.38) < width, table.header[column]


def test_appendix_columns_of_a_small_table_share_the_width_by_their_content():
    widths = grid_column_widths(RESULTS, Cm(16.5))
    assert sum(widths) == Cm(16.5)
    assert widths[1] == max(widths) and widths[0] == min(widths)


def test_layout_tables_have_no_borders():
    document = read(plan(appendices=[RESULTS]))
    for table in document.tables[:2]:
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}


def test_two_appendices_get_roman_numerals_and_a_wide_one_goes_landscape():
    wide = Table(title="Chi tiết", header=[f"Cột {i}" for i in range(1, 9)], rows=[[str(i) for i in range(1, 9)]])
    document = read(plan(appendices=[RESULTS, wide]))
    body = texts(document.paragraphs)
    assert "Phụ lục I" in body and "Phụ lục II" in body and "Phụ lục" not in body
    assert [section.orientation for section in document.sections] == [
        WD_ORIENT.PORTRAIT, WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE]
    assert document.sections[2].page_width.mm == pytest.approx(297, abs=0.5)


def test_appendix_row_with_the_wrong_number_of_cells_is_refused():
    broken = Table(title="Lỗi", header=["A", "B"], rows=[["1"]])
    with pytest.raises(ValueError, match="header has 2"):
        build_docx(plan(appendices=[broken]))


# --- Line formatting --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("number", "symbol", "expected"), [
    ("262", "KH-UBND", "Số: 262/KH-UBND"),
    ("5", "KH-UBND", "Số: 05/KH-UBND"),
    ("10", "BC-UBND", "Số: 10/BC-UBND"),
    ("5607", "BGDĐT-GDNNGDTX", "Số: 5607/BGDĐT-GDNNGDTX"),
    ("12", "BGDĐT - GDTX", "Số: 12/BGDĐT-GDTX"),
    ("", "KH-UBND", "Số:      /KH-UBND"),
])
def test_format_number_line(number, symbol, expected):
    assert format_number_line(number, symbol) == expected


@pytest.mark.parametrize(("place", "issued", "year", "expected"), [
    ("Tây Mỗ", date(2026, 1, 5), 2026, "Tây Mỗ, ngày 05 tháng 01 năm 2026"),
    ("Hà Nội", date(2025, 2, 28), 2025, "Hà Nội, ngày 28 tháng 02 năm 2025"),
    ("Tây Mỗ", date(2025, 10, 1), 2025, "Tây Mỗ, ngày 01 tháng 10 năm 2025"),
    ("Tây Mỗ", date(2025, 6, 29), 2025, "Tây Mỗ, ngày 29 tháng 6 năm 2025"),
    ("Tây Mỗ", None, 2025, "Tây Mỗ, ngày     tháng     năm 2025"),
    ("", None, 2026, "..., ngày     tháng     năm 2026"),
    ("", date(2025, 3, 9), 2025, "..., ngày 09 tháng 3 năm 2025"),
])
def test_format_date_line(place, issued, year, expected):
    assert format_date_line(place, issued, year) == expected


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)))
def test_format_date_line_pads_the_day_always_and_the_month_only_in_january_and_february(issued):
    match = re.fullmatch(r"Tây Mỗ, ngày (\d+) tháng (\d+) năm (\d+)", format_date_line("Tây Mỗ", issued, 1999))
    assert match is not None
    day, month, year = match.groups()
    assert len(day) == 2 and int(day) == issued.day
    assert int(month) == issued.month and len(month) == (2 if issued.month <= 2 else len(str(issued.month)))
    assert int(year) == issued.year


def test_vietnamese_point_letters_skip_f_j_w_z_and_put_dd_after_d():
    letters = vietnamese_point_letters()
    assert letters[:7] == ["a", "b", "c", "d", "đ", "e", "g"]
    assert len(letters) == 23 and not {"f", "j", "w", "z"} & set(letters)
    letters.append("z")
    assert "z" not in vietnamese_point_letters()
