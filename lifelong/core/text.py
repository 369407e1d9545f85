"""Vietnamese text helpers shared by every search in the project.

`search_key` is the one folding function: every stored search column is built with it and every
query string goes through it, so "tay mo" finds "Phường Tây Mỗ" on SQLite and PostgreSQL alike
(the comparison is done on the folded column with a plain LIKE, no database collation involved).
"""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def normalize_text(value: str) -> str:
    """NFC, non-breaking and repeated spaces collapsed, trimmed: the form every input is stored in."""
    value = unicodedata.normalize("NFC", value or "")
    return _SPACES.sub(" ", value).strip()


def search_key(value: str) -> str:
    """Fold text for searching: NFC, casefold, strip tone and vowel marks, đ→d, collapse spaces."""
    text = unicodedata.normalize("NFC", value or "").casefold()
    # đ has no decomposition in Unicode, so it must be mapped by hand (Đ casefolds to đ first).
    text = text.replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped).strip()
