"""Widths of text in Times New Roman, so the layout can be chosen before Word or LibreOffice lays it out.

Advance widths in font units (2048 to the em) of Times New Roman Regular and Bold, read from Liberation Serif
2.1, whose metrics are Times New Roman's by design (it is the font LibreOffice substitutes for it). A letter with
Vietnamese marks is as wide as its base letter ("Ộ" as "O"), except the horned and barred ones listed here.
Kerning is ignored; Word does not kern body text unless asked to.
"""

import unicodedata

from docx.shared import Length, Pt

UNITS_PER_EM = 2048
_CHARACTERS = "".join(chr(code) for code in range(0x20, 0x7F)) + "ĐđƯươ–“”‘’…"
_REGULAR = (
    512, 682, 836, 1024, 1024, 1706, 1593, 369, 682, 682, 1024, 1155, 512, 682, 512, 569, 1024, 1024, 1024,
    1024, 1024, 1024, 1024, 1024, 1024, 1024, 569, 569, 1155, 1155, 1155, 909, 1886, 1479, 1366, 1366, 1479,
    1251, 1139, 1479, 1479, 682, 797, 1479, 1251, 1821, 1479, 1479, 1139, 1479, 1366, 1139, 1251, 1479,
    1479, 1933, 1479, 1479, 1251, 682, 569, 682, 961, 1024, 682, 909, 1024, 909, 1024, 909, 682, 1024, 1024,
    569, 569, 1024, 569, 1593, 1024, 1024, 1024, 1024, 682, 797, 569, 1024, 1024, 1479, 1024, 1024, 909,
    983, 410, 983, 1108, 1479, 1024, 1589, 1110, 1083, 1024, 909, 909, 682, 682, 2048,
)
_BOLD = (
    512, 682, 1137, 1024, 1024, 2048, 1706, 569, 682, 682, 1024, 1167, 512, 682, 512, 569, 1024, 1024, 1024,
    1024, 1024, 1024, 1024, 1024, 1024, 1024, 682, 682, 1167, 1167, 1167, 1024, 1905, 1479, 1366, 1479,
    1479, 1366, 1251, 1593, 1593, 797, 1024, 1593, 1366, 1933, 1479, 1593, 1251, 1593, 1479, 1139, 1366,
    1479, 1479, 2048, 1479, 1479, 1366, 682, 569, 682, 1190, 1024, 682, 1024, 1139, 909, 1139, 909, 682,
    1024, 1139, 569, 682, 1139, 569, 1706, 1139, 1024, 1139, 1139, 909, 797, 682, 1139, 1024, 1479, 1024,
    1024, 909, 807, 451, 807, 1065, 1479, 1139, 1630, 1229, 1134, 1024, 1024, 1024, 682, 682, 2048,
)
_WIDTHS = {
    False: dict(zip(_CHARACTERS, _REGULAR, strict=True)),
    True: dict(zip(_CHARACTERS, _BOLD, strict=True)),
}
# Anything else (a symbol, another script) counts as wide as "N", so an estimate errs towards too wide.
_UNKNOWN = 1479


def _advance(character: str, bold: bool) -> int:
    widths = _WIDTHS[bold]
    if character in widths:
        return widths[character]
    base = unicodedata.normalize("NFD", character)[:1]
    if character.isspace():
        base = " "
    return widths.get(base, _UNKNOWN)


def text_width(text: str, size: float, *, bold: bool = False) -> Length:
    """The width of `text` on one line at `size` points."""
    units = sum(_advance(character, bold) for character in unicodedata.normalize("NFC", text))
    return Length(round(Pt(size) * units / UNITS_PER_EM))


def longest_word_width(text: str, size: float, *, bold: bool = False) -> Length:
    """The width of the widest word of `text`: the narrowest column that holds it without breaking a word."""
    return max((text_width(word, size, bold=bold) for word in text.split()), default=Length(0))
