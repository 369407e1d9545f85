"""Checks of dates, numbers and text shared by every form, page, API call and service.

One rule each, so that a page, its form, the API and the service answer the same input the same way:

- **Dates** must lie between 01/01/2000 and 31/12/2100. Nothing this platform records (a campaign, a
  plan, an activity, a deadline) happens outside that window, and dates far outside it break things
  far away from where they were typed: year 1 in Asia/Ho_Chi_Minh is before year 1 in UTC, so a
  session saved on 01/01/0001 made every page that showed it fail for everyone.
- **Identifiers and counts** in addresses are whole numbers from 0 to 2^63 − 1 (what the databases
  store); anything else is "not given" on a page and a 422 in the API, never an overflow.
- **Text** may not hold NUL characters (PostgreSQL refuses them) or lone UTF-16 surrogates (they are
  not characters and cannot be encoded); search queries keep their first few words only.
"""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lifelong.core.text import search_key

EARLIEST_DATE = date(2000, 1, 1)
# Legal bases may cite older documents (a law of 1998, a resolution of 1993): from the state's founding.
EARLIEST_CITED_DATE = date(1945, 9, 2)
LATEST_DATE = date(2100, 12, 31)
MAX_INT = 2**63 - 1
# Enough words for any real search ("lớp kỹ năng số cho người cao tuổi"); a longer query only makes the
# database work harder (SQLite refuses a LIKE chain of about 1,000 terms) without finding anything more.
MAX_SEARCH_WORDS = 12
MAX_SEARCH_CHARACTERS = 200

DATE_OUT_OF_RANGE = _("Give a date between 01/01/2000 and 31/12/2100.")
CITED_DATE_OUT_OF_RANGE = _("Give a date between 02/09/1945 and 31/12/2100.")
TEXT_NOT_ALLOWED = _("The text contains a character that is not allowed (NUL or an invalid Unicode character).")

# The forms typed in the date fields (lifelong/core/formats/vi/formats.py), also in addresses.
PARAM_DATE_FORMATS = ("%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y-%m-%d")


def _as_day(value: date | datetime) -> date:
    if isinstance(value, datetime):
        # The day as the user sees it; a naive value is taken as it is.
        if timezone.is_aware(value):
            try:
                return timezone.localtime(value).date()
            except (OverflowError, ValueError):
                return value.date()
        return value.date()
    return value


def date_in_range(value: date | datetime | None) -> bool:
    return value is None or EARLIEST_DATE <= _as_day(value) <= LATEST_DATE


def validate_date_in_range(value: date | datetime | None) -> None:
    """Django validator for model and form fields."""
    if not date_in_range(value):
        raise ValidationError(DATE_OUT_OF_RANGE, code="date_out_of_range")


def validate_cited_date_in_range(value: date | None) -> None:
    """Django validator for the date of a document cited as a legal basis."""
    if value is not None and not EARLIEST_CITED_DATE <= _as_day(value) <= LATEST_DATE:
        raise ValidationError(CITED_DATE_OUT_OF_RANGE, code="date_out_of_range")


def text_allowed(value: str) -> bool:
    if "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate such as "\ud800"
        return False
    return True


def validate_text_allowed(value: str) -> None:
    if isinstance(value, str) and not text_allowed(value):
        raise ValidationError(TEXT_NOT_ALLOWED, code="text_not_allowed")


def parse_day(raw: str | None) -> date | None:
    """A date written the ways Vietnamese people write it (06/12/2026, 6/12/2026, 06.12.2026, 06-12-2026,
    2026-12-06); None if it is not one. The window is checked separately (date_in_range)."""
    raw = (raw or "").strip()
    if not raw or len(raw) > 10:
        return None
    for pattern in PARAM_DATE_FORMATS:
        try:
            return datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    return None


def parse_date_param(raw: str | None) -> date | None:
    """A date typed in an address (?from=01/10/2025 or ?from=2025-10-01); None if absent, wrong or out of range."""
    day = parse_day(raw)
    return day if day is not None and date_in_range(day) else None


def parse_int_param(raw: str | None, *, minimum: int = 0, maximum: int = MAX_INT) -> int | None:
    """A whole number from an address (?province=12); None if absent, not a number or out of range."""
    if raw is None:
        return None
    raw = raw.strip()
    if not raw or len(raw) > 19 or not raw.isascii() or not raw.lstrip("-").isdigit():
        return None
    value = int(raw)
    return value if minimum <= value <= maximum else None


def search_words(query: str) -> list[str]:
    """The folded words of a search, at most MAX_SEARCH_WORDS of them."""
    return search_key((query or "")[:MAX_SEARCH_CHARACTERS]).split()[:MAX_SEARCH_WORDS]
