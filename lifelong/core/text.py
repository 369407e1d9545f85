"""Vietnamese text helpers shared by every search in the project.

`search_key` is the one folding function: every stored search column is built with it and every
query string goes through it, so "tay mo" finds "Phường Tây Mỗ" on SQLite and PostgreSQL alike
(the comparison is done on the folded column with a plain LIKE, no database collation involved).
"""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


# Control characters (but tab, line feed and carriage return), lone surrogates and the two non-characters
# that XML, and so Word and Excel files, cannot hold. Text pasted from Word brings some (U+000B for a line
# break, U+0007 from a table); kept, they would make every document of the record fail to build.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def strip_control(value: str) -> str:
    """The text without the characters a document cannot hold; a vertical tab or form feed becomes a line break."""
    return _UNWRITABLE.sub("", (value or "").replace("\x0b", "\n").replace("\x0c", "\n"))


def normalize_text(value: str) -> str:
    """NFC, non-breaking and repeated spaces collapsed, control characters dropped, trimmed: the form every
    one-line input is stored in."""
    value = unicodedata.normalize("NFC", strip_control(value))
    return _SPACES.sub(" ", value).strip()


def search_key(value: str) -> str:
    """Fold text for searching: NFC, casefold, strip tone and vowel marks, đ→d, collapse spaces."""
    text = unicodedata.normalize("NFC", value or "").casefold()
    # đ has no decomposition in Unicode, so it must be mapped by hand (Đ casefolds to đ first).
    text = text.replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped).strip()


# Vietnamese alphabetical order, for lists of names (`sort_key`).
#
# The rules are those of the Unicode CLDR collation for Vietnamese (common/collation/vi.xml, "standard",
# the order ICU and PostgreSQL's "vi-x-icu" use):
#   &̀<<̉<<̃<<́<<̣   &a<ă<â   &d<đ   &e<ê   &o<ô<ơ   &u<ư
# - letters first (primary level): a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, with f j w z
#   of foreign names where the Latin alphabet puts them; upper and lower case are the same letter;
# - tone marks only decide between names whose letters are all the same (secondary level), in the order
#   none (ngang), huyền ◌̀, hỏi ◌̉, ngã ◌̃, sắc ◌́, nặng ◌̣ , the first letter that differs deciding:
#   "Hà Nội" < "Huế" (a < u) and "Ha" < "Hà" < "Hả" < "Hã" < "Há" < "Hạ";
# - a space or punctuation (any run of them counts as one) comes before digits, digits before letters,
#   so "Hà Nam" < "Hải Dương"; and, as with CLDR's numeric option (kn), a run of digits is one number,
#   so "Tổ dân phố số 2" < "Tổ dân phố số 10".
# The key is made of ASCII digits only: every collation (SQLite's BINARY, PostgreSQL's C, en_US or
# vi_VN, ICU) orders strings of digits the same way, so ORDER BY on the stored key gives this order on
# any database without relying on its collation.
_VI_LETTERS = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_CODE = {letter: f"{10 + i:02d}" for i, letter in enumerate(_VI_LETTERS)}
_MODIFIED = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê", ("o", "\u0302"): "ô",
             ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}
_TONES = {"\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}  # huyền hỏi ngã sắc nặng
_END, _SEPARATOR, _NUMBER, _OTHER = "00", "01", "02", "99"
_MAX_NUMBER_DIGITS = 99
SORT_KEY_LENGTH = 512


def sort_key(value: str) -> str:
    """A string of digits whose plain (binary) order is Vietnamese alphabetical order of `value`.

    Case-insensitive; NFC and NFD input give the same key. Keys longer than SORT_KEY_LENGTH are cut,
    which only leaves names equal in their first ~150 letters in no particular order.
    """
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFC", value or "").casefold())
    # Group each base character with the combining marks that follow it.
    chars: list[tuple[str, set[str]]] = []
    for ch in text:
        if unicodedata.combining(ch):
            if chars:
                chars[-1][1].add(ch)
        else:
            chars.append((ch, set()))

    primary: list[str] = []
    tones: list[str] = []
    digits = ""
    pending_separator = False

    def flush_number() -> None:
        nonlocal digits
        number = digits.lstrip("0") or "0"
        for start in range(0, len(number), _MAX_NUMBER_DIGITS):
            chunk = number[start:start + _MAX_NUMBER_DIGITS]
            primary.append(f"{_NUMBER}{len(chunk):02d}{chunk}")
        digits = ""

    for base, marks in chars:
        if "0" <= base <= "9":
            if pending_separator and primary:
                primary.append(_SEPARATOR)
            pending_separator = False
            digits += base
            continue
        if digits:
            flush_number()
        if not base.isalpha():
            pending_separator = True
            continue
        if pending_separator and primary:
            primary.append(_SEPARATOR)
        pending_separator = False
        if base == "ð":  # Icelandic eth, typed by mistake for đ
            base = "đ"
        letter = next((_MODIFIED[base, m] for m in marks if (base, m) in _MODIFIED), base)
        code = _LETTER_CODE.get(letter)
        primary.append(code if code is not None else f"{_OTHER}{ord(letter):07d}")
        tones.append(next((_TONES[m] for m in sorted(marks) if m in _TONES), "0"))
    if digits:
        flush_number()
    key = "".join(primary) + _END + "".join(tones).rstrip("0")
    return key[:SORT_KEY_LENGTH]
