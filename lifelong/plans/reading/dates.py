"""Dates as Vietnamese administrative documents write them, with the place in the text they came from.

Real plans write the same date many ways: "01/10/2025", "1/10/2025", "01-10-2025", "01.10.2025",
"ngày 30 tháng 9 năm 2025", with stray spaces ("07/ 10/2021"); ranges with the year only on the last
date ("từ ngày 01/10 đến ngày 07/10/2025"), compact ranges ("từ 1-7/10/2024", "từ ngày 2-8/10"), "đến
hết ngày ..."; and dates without a year, which take the document's own year when the caller knows it.
A date that does not exist (31/9) or a number that only looks like one (the "12/2025" of "Nghị định
12/2025/NĐ-CP") is not read. Nothing here raises on any text.

The text is matched in a folded copy of the same length (lower case, tone marks and đ removed one
character at a time), so every span points into the caller's text exactly.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

YEARS = range(1945, 2101)


def fold_same_length(text: str) -> str:
    """Lower case without tone marks, đ→d, one character for one character (spans stay valid)."""
    out = []
    for ch in text:
        folded = "".join(c for c in unicodedata.normalize("NFD", ch.lower()) if not unicodedata.combining(c))
        folded = folded.replace("đ", "d")
        out.append(folded if len(folded) == 1 else ch)
    return "".join(out)


@dataclass(frozen=True)
class DateMention:
    start: date
    end: date  # equal to start for a single date
    span: tuple[int, int]  # [start, end) in the text given
    year_given: bool  # False when the year came from the document

    @property
    def is_range(self) -> bool:
        return self.end != self.start


_S = r"[ \t\u00a0]*"  # spaces inside a date ("07/ 10/2021")
_SEP = rf"{_S}[/.\-]{_S}"
_DAY = r"(?<![\d/.\-])(\d{1,2})"
_MONTH = r"(\d{1,2})(?!\d)"
_YEAR = r"(\d{4})(?![\d/])"
# ngày 30 tháng 9 năm 2025 (the year part may be missing: "ngày 2 tháng 10")
_LONG = r"(?:ngay\s*)?(\d{1,2})\s+thang\s+(\d{1,2})(?:\s*(?:,\s*)?nam\s+(\d{4}))?(?!\d)"
_NUMERIC = rf"{_DAY}{_SEP}{_MONTH}(?:{_SEP}{_YEAR})?"
_ONE = rf"(?:{_LONG}|{_NUMERIC})"
_RANGE_WORDS = r"\s*(?:den|toi|-|–|—)\s*(?:het\s+)?(?:ngay\s+)?"
# 1-7/10/2024, 2-8/10, 30/9-6/10/2025 is handled by the general range below
_COMPACT = rf"{_DAY}\s*[-–]\s*(\d{{1,2}}){_SEP}{_MONTH}(?:{_SEP}{_YEAR})?"
# "từ ngày 1 đến ngày 7-10-2018": the first day has no month of its own (the words "từ ... đến" are required).
_DAY_ONLY_FIRST = (rf"tu\s+(?:ngay\s+)?(\d{{1,2}})\s+(?:den|toi)\s+(?:het\s+)?(?:ngay\s+)?(\d{{1,2}}){_SEP}{_MONTH}"
                   rf"(?:{_SEP}{_YEAR})?")

# The second date of a range follows a dash, so its day may not refuse one before it.
_ONE_AFTER_DASH = _ONE.replace(_DAY, r"(\d{1,2})")
_RANGE_RE = re.compile(rf"(?:tu\s+(?:ngay\s+)?)?(?P<a>{_ONE}){_RANGE_WORDS}(?P<b>{_ONE_AFTER_DASH})")
_COMPACT_RE = re.compile(rf"(?:tu\s+(?:ngay\s+)?)?{_COMPACT}|{_DAY_ONLY_FIRST}")
_ONE_RE = re.compile(_ONE)


def _make(day: int, month: int, year: int | None) -> date | None:
    if year is None or year not in YEARS:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _parts(match_text: str) -> tuple[int, int, int | None] | None:
    """Day, month and year (or None) of one date written alone."""
    found = _ONE_RE.search(match_text)
    if found is None:
        return None
    groups = found.groups()
    day, month, year = (groups[0], groups[1], groups[2]) if groups[0] is not None else groups[3:6]
    if day is None or month is None:
        return None
    if year is None and "." in match_text[found.start():found.end()]:
        return None  # "6.1" without a year is a section number, not the 6th of January
    return int(day), int(month), int(year) if year else None


def find_dates(text: str, default_year: int | None = None) -> list[DateMention]:
    """Every date and date range in the text, in order; ranges are read before the dates inside them."""
    text = unicodedata.normalize("NFC", text or "")
    folded = fold_same_length(text)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for match in _COMPACT_RE.finditer(folded):
        groups = match.groups()[:4] if match.group(1) else match.groups()[4:8]
        first, last, month = int(groups[0]), int(groups[1]), int(groups[2])
        year = int(groups[3]) if groups[3] else default_year
        start, end = _make(first, month, year), _make(last, month, year)
        if start and end and start <= end and free(*match.span()):
            found.append(DateMention(start, end, match.span(), groups[3] is not None))
            taken.append(match.span())

    for match in _RANGE_RE.finditer(folded):
        if not free(*match.span()):
            continue
        a, b = _parts(match.group("a")), _parts(match.group("b"))
        if a is None or b is None:
            continue
        year_b = b[2] if b[2] is not None else default_year
        year_a = a[2] if a[2] is not None else year_b
        # "từ 28/12 đến 03/01/2026": the first date belongs to the year before.
        if a[2] is None and year_a is not None and (a[1], a[0]) > (b[1], b[0]):
            year_a -= 1
        start, end = _make(a[0], a[1], year_a), _make(b[0], b[1], year_b)
        if start and end and start <= end:
            found.append(DateMention(start, end, match.span(), b[2] is not None))
            taken.append(match.span())

    for match in _ONE_RE.finditer(folded):
        if not free(*match.span()):
            continue
        parts = _parts(match.group(0))
        if parts is None:
            continue
        day, month, year = parts
        value = _make(day, month, year if year is not None else default_year)
        if value:
            found.append(DateMention(value, value, match.span(), year is not None))
            taken.append(match.span())
    return sorted(found, key=lambda m: m.span)


def read_date(text: str, default_year: int | None = None) -> date | None:
    """The first single date of the text, or None."""
    for mention in find_dates(text, default_year):
        if not mention.is_range:
            return mention.start
    return None


def read_range(text: str, default_year: int | None = None) -> tuple[date, date] | None:
    """The first date range of the text, or None."""
    for mention in find_dates(text, default_year):
        if mention.is_range:
            return mention.start, mention.end
    return None
