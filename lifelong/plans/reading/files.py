"""The text of a plan's file (.txt, .docx or text-based .pdf), normalised for reading.

The kind of file is decided by its content, not its name: a .doc renamed .docx or a picture renamed .txt
gets a message that says what it is. Every refusal is an `UnreadableDocument` with a message for the
user; nothing here writes anything.

Normalisation keeps one logical line per line, because the header and the signature block are read by
line and by column: NFC; one kind of line break; non-breaking and other Unicode spaces made plain;
a tab or a run of three spaces or more (how headers and signature blocks are laid out in columns, and
how a blank number "Số:          /KH-UBND" is written) becomes one tab; other runs become one space; a
word broken across lines with a hyphen is joined; and text extracted with a blank line after every line
(as copying from a PDF often gives) loses those blank lines.
"""

import io
import logging
import re
import unicodedata
import zipfile

from django.utils.translation import gettext as _

from lifelong.core.errors import ValidationFailed

logger = logging.getLogger(__name__)

MAX_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_CHARS = 400_000  # about 100 pages; longer files are not plans

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[^\S\n\t]")  # any Unicode space other than newline and tab
_COLUMN_GAP = re.compile(r"[ ]*\t[ \t]*| {3,}")
_BROKEN_WORD = re.compile(r"(?<=[^\W\d_])-\n(?=[^\W\d_]*[a-zà-ỹđ])")


class UnreadableDocument(ValidationFailed):
    """The file cannot be read as a plan; `message` says why, for the user (400 in the API)."""

    code = "unreadable_document"
    status = 400


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\u2028\u2029\x0b\x0c\x85]", "\n", text)
    text = _SPACES.sub(" ", text)
    lines = []
    for line in text.split("\n"):
        line = _COLUMN_GAP.sub("\t", line.strip(" \t"))
        lines.append(re.sub(r" {2}", " ", line))
    text = "\n".join(lines)
    text = _BROKEN_WORD.sub("", text)
    if _double_spaced(lines):
        text = re.sub(r"\n\n(?!\n)", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n")


def _double_spaced(lines: list[str]) -> bool:
    """True when almost every line is followed by a blank one (a blank line between lines, not paragraphs)."""
    filled = [i for i, line in enumerate(lines) if line]
    if len(filled) < 6:
        return False
    adjacent = sum(1 for i in filled if i + 1 < len(lines) and lines[i + 1])
    return adjacent <= len(filled) // 10


def _decode_text(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif len(data) >= 4 and data[1::2].count(0) > len(data) // 4:
        encoding = "utf-16-le"  # UTF-16 without a byte-order mark
    elif len(data) >= 4 and data[0::2].count(0) > len(data) // 4:
        encoding = "utf-16-be"
    else:
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(_(
            "This file is not text in UTF-8 or UTF-16. Save it from Word as .docx, or as text in UTF-8.")) from exc
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f\v")
    if controls > max(2, len(text) // 200):
        raise UnreadableDocument(_("This file is not a text document."))
    return text


def _docx_text(data: bytes) -> str:
    import docx

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise UnreadableDocument(_("This file is not a Word .docx document.")) from exc
    if unpacked > MAX_UNPACKED_BYTES:  # a small file that unpacks into gigabytes
        raise UnreadableDocument(_("This Word file is too large once unpacked to be a plan."))
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # a damaged file can fail anywhere in the parser; it is still the file's fault
        logger.info("unreadable .docx: %r", exc)
        raise UnreadableDocument(_("This file is not a Word .docx document.")) from exc
    lines: list[str] = []
    body = document.element.body
    # Paragraphs and tables in the order they appear; the header of a plan is usually a two-column table,
    # whose cells become columns of one line each (joined by a tab), as the header reader expects.
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(_paragraph_text(child))
        elif tag == "tbl":
            lines.extend(_table_lines(child))
    return "\n".join(lines)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraph_text(paragraph) -> str:
    parts = []
    for node in paragraph.iter():
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
    return "".join(parts)


def _table_lines(table) -> list[str]:
    lines = []
    for row in table.iter(f"{_W}tr"):
        cells = []
        for cell in row.iterchildren(f"{_W}tc"):
            paragraphs = [_paragraph_text(p) for p in cell.iter(f"{_W}p")]
            cells.append([line for p in paragraphs for line in p.split("\n") if line.strip()])
        depth = max((len(c) for c in cells), default=0)
        for i in range(depth):
            lines.append("\t".join(c[i] if i < len(c) else "" for c in cells).strip("\t"))
    return lines


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UnreadableDocument(_("This PDF is protected by a password; save an unprotected copy."))
        pages = [page.extract_text() or "" for page in reader.pages[:200]]
    except UnreadableDocument:
        raise
    except Exception as exc:  # a damaged file can fail anywhere in the parser; it is still the file's fault
        logger.info("unreadable PDF: %r", exc)
        raise UnreadableDocument(_("This PDF file is damaged and cannot be read.")) from exc
    text = "\n".join(pages)
    if sum(1 for ch in text if ch.isalpha()) < 20:
        raise UnreadableDocument(_(
            "This PDF has no text: it is probably a scan (a picture of the pages). Upload the Word file or a PDF "
            "saved from Word instead."))
    return text


def document_text(data: bytes, filename: str = "") -> str:
    """The normalised text of a file, or UnreadableDocument with a message for the user."""
    if len(data) > MAX_BYTES:
        raise UnreadableDocument(_("The file is larger than %(mb)d MB; a plan is much smaller. Upload the document "
                                   "without pictures.") % {"mb": MAX_BYTES // (1024 * 1024)})
    if not data.strip():
        raise UnreadableDocument(_("The file is empty."))
    name = (filename or "").lower()
    if data.startswith(b"%PDF"):
        text = _pdf_text(data)
    elif data.startswith(b"PK\x03\x04"):
        text = _docx_text(data)
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnreadableDocument(_("This is an old Word .doc file. Open it in Word and save it as .docx."))
    elif data.startswith((b"{\\rtf", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")) or name.endswith(
            (".doc", ".rtf", ".odt", ".xls", ".xlsx", ".png", ".jpg", ".jpeg")):
        raise UnreadableDocument(_("This kind of file cannot be read. Upload a .docx, a .pdf or a .txt file."))
    else:
        text = _decode_text(data)
    if len(text) > MAX_CHARS:
        raise UnreadableDocument(_("The document is too long to be a plan (more than %(n)s characters).")
                                 % {"n": f"{MAX_CHARS:,}".replace(",", ".")})
    text = normalise(text)
    if not text.strip():
        raise UnreadableDocument(_("The file has no text."))
    return text
