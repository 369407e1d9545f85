"""Official administrative documents (Kế hoạch, Báo cáo, Công văn) as Word files, laid out per Decree 30/2020/NĐ-CP.

The caller describes a document with plain dataclasses (`OfficialDocument`, `Section`, `Signature`, `Table`);
`build_docx` turns it into the bytes of a .docx file whose layout follows Phụ lục I of the decree, as summarised
in ND30.md: A4 page with 20/20/30/15 mm margins, Times New Roman throughout, the two-column header
(issuing body and number on the left, national motto and date on the right, sized so that every line of the
Ministry's, a province's, a department's or a school's name stays whole), the title and subject, the
"Kính gửi" block, legal bases, numbered sections, the two-column closing (Nơi nhận and signature) and
appendices that each start a new section with their own page numbering and a table whose widest-text column
(the indicator labels of a report) gets most of the width.

Nothing here touches Django: the module only needs python-docx, so it can be used and tested anywhere.
"""

import io
import re
from dataclasses import dataclass, field
from datetime import date

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section as DocxSection
from docx.shared import Cm, Length, Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from lifelong.core.text import strip_control
from lifelong.documents.metrics import longest_word_width, text_width

FONT_NAME = "Times New Roman"
BLACK = RGBColor(0, 0, 0)
BODY_SIZE = 14
FIRST_LINE_INDENT = Cm(1)
BODY_LINE_SPACING = 1.15
BODY_SPACE_AFTER = Pt(6)
NO_SPACE = Pt(0)

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = Mm(20), Mm(20), Mm(30), Mm(15)
HEADER_DISTANCE = Mm(10)

# The header spans the 16.5 cm between the margins, split about 45/55. The right column holds the national name
# (Bold 12 pt: 8.8 cm); the left one "TRƯỜNG THCS NGUYỄN QUÝ ĐỨC" (Bold 12 pt: 7.2 cm), and at the decree's
# default 13 pt "BỘ GIÁO DỤC VÀ ĐÀO TẠO" (6.1 cm) or "UBND THÀNH PHỐ HÀ NỘI" (5.8 cm). The layout tables have no
# cell margins, so these are the widths the text gets.
HEADER_LEFT_WIDTH, HEADER_RIGHT_WIDTH = Cm(7.4), Cm(9.1)
CLOSING_LEFT_WIDTH, CLOSING_RIGHT_WIDTH = Cm(7.5), Cm(9)
# Parent and issuing body: 13 pt (the decree's default) when every line fits the column, else 12 (its minimum).
ISSUER_SIZES = (13, 12)
# Room kept free when deciding that a line fits, for rounding in the word processor.
FIT_SLACK = Cm(0.1)
# Word's default cell margins (0.19 cm each side) in the appendix tables.
GRID_CELL_PADDING = Cm(0.38)
GRID_SIZE = 12
# A header cell of an appendix table may wrap onto this many lines before its column asks for more width.
GRID_HEADER_LINES = 3
# The line under the issuing body is 1/3 to 1/2 as long as its name (the one under the motto: MOTTO_RULE_WIDTH).
ISSUING_BODY_RULE_FRACTION = 0.4
SUBJECT_RULE_WIDTH = Cm(4)
SIGNATURE_BLANK_LINES = 4
LANDSCAPE_MIN_COLUMNS = 7

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
MOTTO_SIZE = 13
# The decree wants the line under the motto exactly as long as the text: about 5.6 cm.
MOTTO_RULE_WIDTH = text_width(MOTTO, MOTTO_SIZE, bold=True)
BLANK_NUMBER = " " * 6
BLANK_DATE_PART = " " * 5

_POINT_LETTERS = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
                  "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"]
_ROMAN_VALUES = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                 (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
_NUMERIC_CELL = re.compile(r"^[\d.,%\s+-]+$")
# Elements that must follow w:pBdr inside w:pPr (OOXML fixes the order; Word rejects files that break it).
_PPR_AFTER_BORDER = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
                     "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
                     "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                     "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                     "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


@dataclass
class Signature:
    mode: str = ""
    authority: str = ""
    title: str = ""
    name: str = ""


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    children: list["Section"] = field(default_factory=list)


@dataclass
class Table:
    title: str
    header: list[str]
    rows: list[list[str]]
    note: str = ""


@dataclass
class OfficialDocument:
    kind_title: str
    parent_body: str
    issuing_body: str
    number: str
    symbol: str
    place: str
    issue_date: date | None
    year: int
    subject: str
    addressees: list[str] = field(default_factory=list)
    legal_bases: list[str] = field(default_factory=list)
    intro: str = ""
    sections: list[Section] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signature: Signature = field(default_factory=Signature)
    appendices: list[Table] = field(default_factory=list)
    # A decision's articles ("Điều 1. …"): each text is one article, numbered in order, after the sections.
    articles: list[str] = field(default_factory=list)

    @property
    def is_letter(self) -> bool:
        return not self.kind_title.strip()


# --- Text of the header lines -------------------------------------------------------------------------------------

def format_number_line(number: str, symbol: str) -> str:
    """ "Số: 262/KH-UBND"; a single-digit number gets a leading zero, a missing one leaves the office's blank."""
    number = number.strip()
    if number.isdigit() and int(number) < 10:
        number = number.zfill(2)
    symbol = re.sub(r"\s+", "", symbol)
    if not symbol:
        return f"Số: {number}" if number else f"Số:{BLANK_NUMBER}"
    return f"Số: {number}/{symbol}" if number else f"Số:{BLANK_NUMBER}/{symbol}"


def format_date_line(place: str, issue_date: date | None, year: int) -> str:
    """ "Tây Mỗ, ngày 05 tháng 01 năm 2026": the day is zero-padded, the month only for January and February."""
    place = place.strip() or "..."
    if issue_date is None:
        return f"{place}, ngày{BLANK_DATE_PART}tháng{BLANK_DATE_PART}năm {year}"
    month = issue_date.month
    # Decree 30 pads months 1 and 2 only, so "tháng 01" cannot be misread as "tháng 10" or "tháng 11".
    month_text = f"{month:02d}" if month < 3 else str(month)
    return f"{place}, ngày {issue_date.day:02d} tháng {month_text} năm {issue_date.year}"


def vietnamese_point_letters() -> list[str]:
    """The letters that label points "a)", "b)" ... in Vietnamese alphabetical order (no f, j, w, z)."""
    return list(_POINT_LETTERS)


def roman_numeral(number: int) -> str:
    parts = []
    for value, letters in _ROMAN_VALUES:
        count, number = divmod(number, value)
        parts.append(letters * count)
    return "".join(parts)


def point_label(index: int) -> str:
    if index >= len(_POINT_LETTERS):
        raise ValueError(f"A section can hold at most {len(_POINT_LETTERS)} points (a) to y)), got {index + 1}.")
    return f"{_POINT_LETTERS[index]})"


def with_list_punctuation(items: list[str]) -> list[str]:
    """Each item ends with ";" and the last with "." whatever punctuation the caller left on them."""
    cleaned = [item.strip().rstrip(";,. ").rstrip() for item in items]
    return [item + ("." if position == len(cleaned) - 1 else ";") for position, item in enumerate(cleaned)]


def signature_lines(signature: Signature) -> list[str]:
    """ "TM. ỦY BAN NHÂN DÂN" / "PHÓ CHỦ TỊCH": the mode and the authority share the first line."""
    mode = signature.mode.strip()
    if mode and not mode.endswith("."):
        mode += "."
    authority, title = signature.authority.strip().upper(), signature.title.strip().upper()
    lines = [f"{mode} {authority}".strip()] if mode else [authority]
    lines.append(title)
    return [line for line in lines if line]


def appendix_label(index: int, count: int) -> str:
    return f"Phụ lục {roman_numeral(index + 1)}" if count > 1 else "Phụ lục"


def split_lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


# --- Low-level formatting -----------------------------------------------------------------------------------------

def set_run_font(run, size: float, bold: bool = False, italic: bool = False) -> None:
    font = run.font
    font.name = FONT_NAME
    font.size = Pt(size)
    font.bold = bold
    font.italic = italic
    font.color.rgb = BLACK
    # python-docx only sets the Latin font; Vietnamese text can fall back to the east-asian slot otherwise.
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT_NAME)


def fresh_paragraph(container) -> Paragraph:
    """A new paragraph, reusing the empty one python-docx puts in every new table cell."""
    if isinstance(container, _Cell) and len(container.paragraphs) == 1:
        only = container.paragraphs[0]
        if not only.runs and only._p.pPr is None:
            return only
    return container.add_paragraph()


def add_line(container, text: str, size: float = BODY_SIZE, *, bold: bool = False, italic: bool = False,
             align=WD_ALIGN_PARAGRAPH.CENTER, space_after: Length = NO_SPACE, line_spacing: float = 1.0,
             first_line_indent: Length | None = None, left_indent: Length | None = None) -> Paragraph:
    paragraph = fresh_paragraph(container)
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.space_before = NO_SPACE
    fmt.space_after = space_after
    fmt.line_spacing = line_spacing
    if first_line_indent is not None:
        fmt.first_line_indent = first_line_indent
    if left_indent is not None:
        fmt.left_indent = left_indent
    text = strip_control(text)  # records made before the inputs were cleaned must still print
    if text:
        set_run_font(paragraph.add_run(text), size, bold, italic)
    return paragraph


def add_body_paragraph(doc: DocxDocument, text: str, *, bold: bool = False, italic: bool = False) -> Paragraph:
    return add_line(doc, text, BODY_SIZE, bold=bold, italic=italic, align=WD_ALIGN_PARAGRAPH.JUSTIFY,
                    space_after=BODY_SPACE_AFTER, line_spacing=BODY_LINE_SPACING,
                    first_line_indent=FIRST_LINE_INDENT)


def add_rule(container, rule_width: Length, available_width: Length) -> Paragraph:
    """A centred solid line `rule_width` long: the bottom border of a tiny empty paragraph, narrowed by indents."""
    paragraph = fresh_paragraph(container)
    side = Length(max(0, (available_width - rule_width) // 2))
    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = side
    fmt.space_before = fmt.space_after = NO_SPACE
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(2)
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pPr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for attribute, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(attribute), value)
    borders.append(bottom)
    pPr.insert_element_before(borders, *_PPR_AFTER_BORDER)
    # The empty paragraph mark would otherwise be 14 pt tall and push the line away from the text above.
    mark = OxmlElement("w:rPr")
    mark_size = OxmlElement("w:sz")
    mark_size.set(qn("w:val"), "2")
    mark.append(mark_size)
    pPr.insert_element_before(mark, "w:sectPr", "w:pPrChange")
    return paragraph


def set_table_borders(table, value: str) -> None:
    """`value` "single" draws a full grid, "nil" removes every border (layout tables)."""
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblBorders")):
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), value)
        if value != "nil":
            element.set(qn("w:sz"), "4")
            element.set(qn("w:space"), "0")
            element.set(qn("w:color"), "000000")
        borders.append(element)
    tbl_pr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption",
                                 "w:tblDescription", "w:tblPrChange")


def set_column_widths(table, widths: list[Length]) -> None:
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def keep_rows_together(table) -> None:
    """A row never breaks across pages, so the signature block stays in one piece."""
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def repeat_as_header_row(row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def set_cell_side_margins(table, margin: Length) -> None:
    """The left and right margin inside every cell of `table` (Word's default is 0.19 cm)."""
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblCellMar")):
        tbl_pr.remove(old)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(round(margin / 635)))  # twips: 635 EMU each
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    tbl_pr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def add_layout_table(doc: DocxDocument, widths: list[Length]):
    """A borderless table whose columns are exactly `widths` wide for their text (no cell margins)."""
    table = doc.add_table(rows=1, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_table_borders(table, "nil")
    set_cell_side_margins(table, Length(0))
    set_column_widths(table, widths)
    return table


# --- Page setup ---------------------------------------------------------------------------------------------------

def set_default_fonts(doc: DocxDocument) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = FONT_NAME
    normal.font.size = Pt(BODY_SIZE)
    normal.font.color.rgb = BLACK
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT_NAME)
    # The template's document defaults point at theme fonts (Calibri/Cambria); theme attributes win over
    # explicit names in Word, so they are replaced.
    defaults = doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if defaults is None:
        return
    for default_fonts in defaults.findall(qn("w:rFonts")):
        default_fonts.attrib.clear()
        for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            default_fonts.set(qn(slot), FONT_NAME)
    for language in defaults.findall(qn("w:lang")):
        language.set(qn("w:val"), "vi-VN")


def set_page(section: DocxSection, landscape: bool = False) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (PAGE_HEIGHT, PAGE_WIDTH) if landscape else (PAGE_WIDTH, PAGE_HEIGHT)
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.header_distance = section.footer_distance = HEADER_DISTANCE


def page_text_width(section: DocxSection) -> Length:
    return Length(section.page_width - section.left_margin - section.right_margin)


def field_run(paragraph: Paragraph, tag: str, **attributes: str) -> None:
    """A run holding one field element (w:fldChar, w:instrText or w:t) in the body font."""
    run = paragraph.add_run()
    set_run_font(run, BODY_SIZE)
    text = attributes.pop("text", None)
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(name), value)
    if text is not None:
        element.text = text
    run._element.append(element)


def add_page_field(paragraph: Paragraph) -> None:
    """A PAGE field, so Word prints the current page number."""
    field_run(paragraph, "w:fldChar", **{"w:fldCharType": "begin"})
    field_run(paragraph, "w:instrText", text=" PAGE ", **{"xml:space": "preserve"})
    field_run(paragraph, "w:fldChar", **{"w:fldCharType": "separate"})
    # Shown until Word updates the field; the first numbered page is the second one.
    field_run(paragraph, "w:t", text="2")
    field_run(paragraph, "w:fldChar", **{"w:fldCharType": "end"})


def set_page_numbers(section: DocxSection) -> None:
    """Numbers centred at the top of every page but the first, whose header is left empty."""
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_page_field(paragraph)


def restart_page_numbers(section: DocxSection) -> None:
    sect_pr = section._sectPr
    for old in sect_pr.findall(qn("w:pgNumType")):
        sect_pr.remove(old)
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    sect_pr.insert_element_before(numbering, "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg",
                                  "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings",
                                  "w:sectPrChange")


# --- Document parts -----------------------------------------------------------------------------------------------

def add_header_block(doc: DocxDocument, official: OfficialDocument) -> None:
    table = add_layout_table(doc, [HEADER_LEFT_WIDTH, HEADER_RIGHT_WIDTH])
    left, right = table.rows[0].cells
    fill_issuer_column(left, official)
    fill_motto_column(right, official)


def issuer_lines(official: OfficialDocument) -> tuple[list[str], list[str]]:
    """(parent body lines, issuing body lines) as the header prints them: upper case, one per line."""
    return ([line.upper() for line in split_lines(official.parent_body)],
            [line.upper() for line in split_lines(official.issuing_body)])


def issuer_size(official: OfficialDocument) -> int:
    """13 pt when every line of the parent (regular) and issuing body (bold) fits the left column, else 12.

    Both sizes are within the decree's 12-13 pt; one size for both keeps the parent no larger than the body. A line
    too long even at 12 pt wraps between words.
    """
    parents, bodies = issuer_lines(official)
    room = HEADER_LEFT_WIDTH - FIT_SLACK
    for size in ISSUER_SIZES:
        widths = [text_width(line, size) for line in parents] + [text_width(line, size, bold=True) for line in bodies]
        if all(width <= room for width in widths):
            return size
    return ISSUER_SIZES[-1]


def fill_issuer_column(cell: _Cell, official: OfficialDocument) -> None:
    parents, bodies = issuer_lines(official)
    size = issuer_size(official)
    for line in parents:
        add_line(cell, line, size)
    for line in bodies:
        add_line(cell, line, size, bold=True)
    name_width = max((text_width(line, size, bold=True) for line in bodies), default=Length(0))
    rule_width = Length(int(min(name_width, HEADER_LEFT_WIDTH) * ISSUING_BODY_RULE_FRACTION))
    add_rule(cell, rule_width, HEADER_LEFT_WIDTH)
    add_line(cell, format_number_line(official.number, official.symbol), 13).paragraph_format.space_before = Pt(6)
    if official.is_letter and official.subject.strip():
        add_line(cell, f"V/v {official.subject.strip()}", 12).paragraph_format.space_before = Pt(3)


def fill_motto_column(cell: _Cell, official: OfficialDocument) -> None:
    add_line(cell, NATIONAL_NAME, 12, bold=True)
    add_line(cell, MOTTO, MOTTO_SIZE, bold=True)
    add_rule(cell, MOTTO_RULE_WIDTH, HEADER_RIGHT_WIDTH)
    date_line = add_line(cell, format_date_line(official.place, official.issue_date, official.year), BODY_SIZE,
                         italic=True)
    date_line.paragraph_format.space_before = Pt(6)


def add_title_block(doc: DocxDocument, official: OfficialDocument) -> None:
    title = add_line(doc, official.kind_title.strip().upper(), BODY_SIZE, bold=True)
    title.paragraph_format.space_before = Pt(18)
    title.paragraph_format.keep_with_next = True
    for line in split_lines(official.subject):
        add_line(doc, line, BODY_SIZE, bold=True).paragraph_format.keep_with_next = True
    add_rule(doc, SUBJECT_RULE_WIDTH, page_text_width(doc.sections[0])).paragraph_format.space_after = Pt(12)


def add_addressees(doc: DocxDocument, addressees: list[str]) -> None:
    names = [name.strip() for name in addressees if name.strip()]
    if not names:
        return
    if len(names) == 1:
        first = add_line(doc, f"Kính gửi: {names[0]}", BODY_SIZE, space_after=Pt(6))
    else:
        # The decree lines the dashes up under the colon of "Kính gửi:", which is about 1.9 cm wide at 14 pt.
        block_indent = Cm(4)
        first = add_line(doc, "Kính gửi:", BODY_SIZE, align=WD_ALIGN_PARAGRAPH.LEFT, left_indent=block_indent)
        for name in with_list_punctuation(names):
            add_line(doc, f"- {name}", BODY_SIZE, align=WD_ALIGN_PARAGRAPH.LEFT, left_indent=block_indent + Cm(1.9))
        doc.paragraphs[-1].paragraph_format.space_after = Pt(6)
    first.paragraph_format.space_before = Pt(12)


def add_legal_bases(doc: DocxDocument, legal_bases: list[str]) -> None:
    for basis in with_list_punctuation([basis for basis in legal_bases if basis.strip()]):
        add_body_paragraph(doc, basis, italic=True)


def add_text_paragraphs(doc: DocxDocument, texts: list[str]) -> None:
    for text in texts:
        for line in split_lines(text):
            add_body_paragraph(doc, line)


def section_heading(label: str, heading: str, depth: int) -> tuple[str, bool]:
    """(text, bold) of a heading at `depth` (0 = top level)."""
    heading = heading.strip()
    if depth == 0:
        return f"{label} {heading.upper()}".strip(), True
    return f"{label} {heading}".strip(), depth == 1


def section_label(index: int, depth: int) -> str:
    if depth == 0:
        return f"{roman_numeral(index + 1)}."
    if depth == 1:
        return f"{index + 1}."
    if depth == 2:
        return point_label(index)
    return "-"


def add_sections(doc: DocxDocument, sections: list[Section], depth: int = 0) -> None:
    for index, section in enumerate(sections):
        label = section_label(index, depth)
        lines = [line for text in section.paragraphs for line in split_lines(text)]
        if section.heading.strip() or not lines:
            text, bold = section_heading(label, section.heading, depth)
            add_body_paragraph(doc, text, bold=bold).paragraph_format.keep_with_next = bool(lines or section.children)
        else:
            # A point without a heading is just numbered content: "a) Tổ chức ..." starts its first paragraph.
            lines[0] = f"{label} {lines[0]}"
        add_text_paragraphs(doc, lines)
        add_sections(doc, section.children, depth + 1)


def add_articles(doc: DocxDocument, articles: list[str]) -> None:
    """ "Điều 1. Công nhận …": the article's number in bold, its text after it in the same paragraph."""
    for number, text in enumerate(articles, start=1):
        lines = split_lines(text)
        paragraph = add_body_paragraph(doc, f"Điều {number}. ", bold=True)
        if lines:
            set_run_font(paragraph.add_run(lines[0]), BODY_SIZE)
        add_text_paragraphs(doc, lines[1:])


def add_closing_block(doc: DocxDocument, official: OfficialDocument) -> None:
    add_line(doc, "", BODY_SIZE, space_after=Pt(6))
    table = add_layout_table(doc, [CLOSING_LEFT_WIDTH, CLOSING_RIGHT_WIDTH])
    keep_rows_together(table)
    left, right = table.rows[0].cells
    fill_recipients_column(left, official.recipients)
    fill_signature_column(right, official.signature)


def fill_recipients_column(cell: _Cell, recipients: list[str]) -> None:
    names = [name for name in recipients if name.strip()]
    if not names:
        return
    add_line(cell, "Nơi nhận:", 12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    for name in with_list_punctuation(names):
        add_line(cell, f"- {name}", 11, align=WD_ALIGN_PARAGRAPH.LEFT)


def fill_signature_column(cell: _Cell, signature: Signature) -> None:
    for line in signature_lines(signature):
        add_line(cell, line, BODY_SIZE, bold=True)
    for _ in range(SIGNATURE_BLANK_LINES):
        add_line(cell, "", BODY_SIZE)
    add_line(cell, signature.name.strip(), BODY_SIZE, bold=True)


def add_appendix(doc: DocxDocument, table_data: Table, label: str) -> None:
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    set_page(section, landscape=len(table_data.header) >= LANDSCAPE_MIN_COLUMNS)
    # Each appendix is numbered on its own (ND30.md): its pages count from 1, and like the document its first
    # page shows no number. The headers stay linked to the document's, so the number is centred in the top
    # margin of a landscape page too.
    restart_page_numbers(section)
    section.different_first_page_header_footer = True
    add_line(doc, label, BODY_SIZE, bold=True)
    add_line(doc, table_data.title.strip().upper(), BODY_SIZE, bold=True)
    note = table_data.note.strip()
    if note:
        if not note.startswith("("):
            note = f"({note})"
        add_line(doc, note, BODY_SIZE, italic=True)
    doc.paragraphs[-1].paragraph_format.space_after = Pt(12)
    add_grid_table(doc, table_data, page_text_width(section))


def grid_column_widths(table_data: Table, width: Length) -> list[Length]:
    """Column widths summing to `width`, the way a browser lays out an automatic table.

    A column needs at least its longest word (so no word is ever broken) and would like its longest cell on one
    line, its header on at most GRID_HEADER_LINES lines. When the wishes do not all fit, each column gets its
    minimum plus a share of the rest in proportion to how much more it wishes for: codes, units and numbers stay
    narrow, and the column of long labels ("Chỉ tiêu" in a report) takes most of the width.
    """
    if not table_data.header:
        return []
    minimum, wished = [], []
    for header, *cells in zip(table_data.header, *table_data.rows, strict=True):
        words = [longest_word_width(header, GRID_SIZE, bold=True)]
        words += [longest_word_width(text, GRID_SIZE) for text in cells]
        lines = [text_width(header, GRID_SIZE, bold=True) / GRID_HEADER_LINES]
        lines += [text_width(text, GRID_SIZE) for text in cells]
        minimum.append(max(words) + GRID_CELL_PADDING + FIT_SLACK)
        wished.append(max(minimum[-1], max(lines) + GRID_CELL_PADDING + FIT_SLACK))
    if sum(wished) <= width:
        shares = [float(wish) / sum(wished) * width for wish in wished]
    elif sum(minimum) >= width:
        shares = [float(least) / sum(minimum) * width for least in minimum]
    else:
        spare, extra = width - sum(minimum), [wish - least for wish, least in zip(wished, minimum, strict=True)]
        shares = [least + spare * more / sum(extra) for least, more in zip(minimum, extra, strict=True)]
    widths = [Length(int(share)) for share in shares]
    widths[-1] = Length(width - sum(widths[:-1]))
    return widths


def add_grid_table(doc: DocxDocument, table_data: Table, width: Length) -> None:
    columns = len(table_data.header)
    for values in table_data.rows:
        if len(values) != columns:
            raise ValueError(f"Appendix row has {len(values)} cells, the header has {columns}: {values!r}")
    table = doc.add_table(rows=1 + len(table_data.rows), cols=columns)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_table_borders(table, "single")
    set_column_widths(table, grid_column_widths(table_data, width))
    repeat_as_header_row(table.rows[0])
    for cell, text in zip(table.rows[0].cells, table_data.header, strict=True):
        add_line(cell, text, GRID_SIZE, bold=True)
    for row, values in zip(table.rows[1:], table_data.rows, strict=True):
        for cell, text in zip(row.cells, values, strict=True):
            numeric = bool(_NUMERIC_CELL.match(text))
            add_line(cell, text, GRID_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER if numeric else WD_ALIGN_PARAGRAPH.LEFT)


# --- Entry point --------------------------------------------------------------------------------------------------

def build_docx(doc: OfficialDocument) -> bytes:
    """The .docx bytes of `doc`, laid out per Decree 30/2020/NĐ-CP."""
    word = Document()
    set_default_fonts(word)
    first_section = word.sections[0]
    set_page(first_section)
    set_page_numbers(first_section)

    add_header_block(word, doc)
    if not doc.is_letter:
        add_title_block(word, doc)
    add_addressees(word, doc.addressees)
    add_legal_bases(word, doc.legal_bases)
    add_text_paragraphs(word, [doc.intro])
    add_sections(word, doc.sections)
    add_articles(word, doc.articles)
    add_closing_block(word, doc)
    for index, appendix in enumerate(doc.appendices):
        add_appendix(word, appendix, appendix_label(index, len(doc.appendices)))

    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
