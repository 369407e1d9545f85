"""The generated documents as LibreOffice prints them, read back with poppler's pdftotext.

Every kind the platform generates (samples.py: the Ministry's and a province's letters, the plans of a city, a
department and a school, the reports of a ward and a school) is converted to PDF in one `soffice` call, then
checked where python-docx cannot see: the header lines stay whole, the page numbers are where ND30.md puts them,
the narrative paragraphs are indented and no word of an appendix table is broken. LibreOffice lays Times New Roman
out with Liberation Serif, which has the same metrics, so the line breaks are Word's.

LibreOffice and poppler-utils come from scripts/ensure-system-deps; without them these tests fail (not skip).
"""

import fcntl
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx.shared import Pt

from lifelong.documents.nd30 import (
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MOTTO,
    NATIONAL_NAME,
    build_docx,
    format_date_line,
    format_number_line,
    issuer_lines,
)
from lifelong.documents.tests import samples

DOCUMENTS = samples.all_documents()
TOOLS = ("soffice", "pdftotext", "fc-match")
SETUP = "run scripts/ensure-system-deps as root (it installs libreoffice-writer, poppler-utils and fonts-liberation2)"
XHTML = "{http://www.w3.org/1999/xhtml}"
APPENDIX_HEADING = re.compile(r"^Phụ lục( [IVXLC]+)?$")


@dataclass
class Line:
    """One printed line (a table cell's line is one of its own): where it starts and ends, in points from the left
    edge of the page, and its words."""

    x_min: float
    x_max: float
    words: list[str]

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass
class Page:
    text: str  # `pdftotext -layout`: the page as printed, columns side by side
    width: float  # points
    lines: list[Line]  # `pdftotext -bbox-layout`, in reading order


def run(command: list[str], **options) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=180, **options)


def convert(directory: Path) -> None:
    """Writes every document as .docx and converts them all to PDF with one soffice call."""
    directory.mkdir(parents=True, exist_ok=True)
    files = []
    for name, official in DOCUMENTS.items():
        path = directory / f"{name}.docx"
        path.write_bytes(build_docx(official))
        files.append(str(path))
    # A profile of its own, so that parallel runs (and a LibreOffice the developer has open) do not collide.
    profile = (directory / "libreoffice-profile").as_uri()
    result = run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                  "--outdir", str(directory), *files])
    missing = [name for name in DOCUMENTS if not (directory / f"{name}.pdf").exists()]
    if result.returncode or missing:
        pytest.fail(f"soffice did not convert {missing or 'the documents'}: {result.stdout}{result.stderr}",
                    pytrace=False)


def converted_directory(tmp_path_factory) -> Path:
    """The directory holding the PDFs: converted once per test run, even when pytest-xdist runs workers."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        directory = tmp_path_factory.mktemp("nd30-pdf")
        convert(directory)
        return directory
    shared = tmp_path_factory.getbasetemp().parent  # the run's directory, above each worker's own
    directory = shared / "nd30-pdf"
    with open(shared / "nd30-pdf.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (directory / "done").exists():
            convert(directory)
            (directory / "done").touch()
    return directory


def read_pdf(pdf: Path) -> list[Page]:
    texts = run(["pdftotext", "-layout", str(pdf), "-"], check=True).stdout.split("\f")
    boxes = ET.fromstring(run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True).stdout)
    pages = []
    for text, page in zip(texts, boxes.iter(f"{XHTML}page"), strict=False):
        lines = [Line(float(line.get("xMin")), float(line.get("xMax")),
                      [word.text for word in line.iter(f"{XHTML}word")]) for line in page.iter(f"{XHTML}line")]
        pages.append(Page(text=text, width=float(page.get("width")), lines=lines))
    return pages


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, list[Page]]:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"{', '.join(missing)} not found: {SETUP}.", pytrace=False)
    # Without a font of Times New Roman's metrics every line breaks elsewhere than in Word.
    times = run(["fc-match", "-f", "%{family}", "Times New Roman"]).stdout
    if "Times New Roman" not in times and "Liberation Serif" not in times:
        pytest.fail(f"Times New Roman is printed with {times!r}: {SETUP}.", pytrace=False)
    directory = converted_directory(tmp_path_factory)
    return {name: read_pdf(directory / f"{name}.pdf") for name in DOCUMENTS}


def squeezed(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def printed_lines(page: Page) -> list[str]:
    """The lines of a page with runs of spaces squeezed; the two header columns share a printed line."""
    return [squeezed(line) for line in page.text.splitlines() if line.strip()]


def numbering(pages: list[Page]) -> list[int]:
    """The number each page should carry: the document counts from 1, and so does each appendix."""
    numbers = []
    for page in pages:
        starts_appendix = any(APPENDIX_HEADING.match(line) for line in printed_lines(page)[:2])
        numbers.append(1 if starts_appendix or not numbers else numbers[-1] + 1)
    return numbers


def appendix_pages(pages: list[Page]) -> list[Page]:
    numbers = numbering(pages)
    start = max(index for index, number in enumerate(numbers) if number == 1)
    assert start > 0, "no appendix"
    return pages[start:]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_header_lines_are_whole(printed, name):
    """Each line of the issuing body, the motto, the number and the date prints whole on one line of page 1."""
    official = DOCUMENTS[name]
    lines = printed_lines(printed[name][0])
    parents, bodies = issuer_lines(official)
    for text in [*parents, *bodies, NATIONAL_NAME, MOTTO, format_number_line(official.number, official.symbol),
                 format_date_line(official.place, official.issue_date, official.year)]:
        assert any(squeezed(text) in line for line in lines), (
            f"{name}: {text!r} is not whole on one line of page 1:\n" + "\n".join(lines[:8]))


@pytest.mark.parametrize("name", DOCUMENTS)
def test_page_numbers_are_centred_at_the_top_from_page_two_and_restart_in_each_appendix(printed, name):
    pages = printed[name]
    assert len(pages) >= 2, f"{name} fits on one page: the sample should run onto a second"
    for index, (page, number) in enumerate(zip(pages, numbering(pages), strict=True), start=1):
        top = page.lines[0]
        if number == 1:
            assert not top.text.isdigit(), f"{name}: page {index} starts a part but shows the number {top.text}"
            continue
        assert top.text == str(number), f"{name}: page {index} should show {number} first, shows {top.text!r}"
        centre = (MARGIN_LEFT.pt + page.width - MARGIN_RIGHT.pt) / 2
        assert (top.x_min + top.x_max) / 2 == pytest.approx(centre, abs=3), f"{name}: number of page {index}"


@pytest.mark.parametrize("name", ["bao-cao-phuong", "bao-cao-truong"])
def test_report_appendix_runs_onto_a_numbered_second_page(printed, name):
    pages = appendix_pages(printed[name])
    assert len(pages) >= 2 and pages[1].lines[0].text == "2"


@pytest.mark.parametrize("name", ["bao-cao-phuong", "bao-cao-truong", "ke-hoach-thanh-pho", "cong-van-bo"])
def test_narrative_paragraphs_have_a_first_line_indent(printed, name):
    """The first line of a paragraph starts 1 cm right of the margin, where the next line starts."""
    lines = [line for page in printed[name] for line in page.lines]

    def paragraphs(sections):
        for section in sections:
            yield from section.paragraphs
            yield from paragraphs(section.children)

    checked = 0
    for text in paragraphs(DOCUMENTS[name].sections):
        opening = text.split()[:4]
        first = next((index for index, line in enumerate(lines) if line.words[:4] == opening), None)
        assert first is not None, f"{name}: no printed line starts with {' '.join(opening)!r}"
        if " ".join(lines[first].words) == squeezed(text):
            continue  # a one-line paragraph has no second line to compare with
        start, next_start = lines[first].x_min, lines[first + 1].x_min
        assert Pt(start - next_start).cm == pytest.approx(1, abs=0.1), f"{name}: {text[:50]!r}"
        assert Pt(next_start).cm == pytest.approx(MARGIN_LEFT.cm, abs=0.1), f"{name}: {text[:50]!r}"
        checked += 1
    assert checked >= 3


@pytest.mark.parametrize("name", ["bao-cao-phuong", "bao-cao-truong"])
def test_no_word_of_the_appendix_table_is_broken(printed, name):
    table = DOCUMENTS[name].appendices[0]
    words = {word for page in appendix_pages(printed[name]) for line in page.lines for word in line.words}
    for row in [table.header, *table.rows]:
        for cell in row:
            broken = [word for word in cell.split() if word not in words]
            assert not broken, f"{name}: {broken} of {cell!r} are split across lines"


def test_indicator_labels_mostly_print_on_one_line(printed):
    """The label column is wide enough for most labels of the 2025 form (the longest take two lines)."""
    table = DOCUMENTS["bao-cao-phuong"].appendices[0]
    cells = {line.text for page in appendix_pages(printed["bao-cao-phuong"]) for line in page.lines}
    wrapped = [row[1] for row in table.rows if row[1] not in cells]
    assert len(wrapped) <= len(table.rows) // 5, wrapped
