"""The Vietnamese catalogue is complete: the interface's default language must never fall back to English."""

import re
from pathlib import Path

from django.utils import translation

PO = Path(__file__).resolve().parents[3] / "locale" / "vi" / "LC_MESSAGES" / "django.po"


def _entries():
    """(msgid, msgstr, flags) of every entry; continuation lines join the key above them."""
    text = PO.read_text(encoding="utf-8")
    for block in text.split("\n\n")[1:]:
        parts: dict[str, str] = {}
        key = None
        for line in block.splitlines():
            match = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line)
            if match:
                key = match.group(1)
                parts[key] = match.group(2)
            elif line.startswith('"') and key:
                parts[key] += line[1:-1]
        flags = [line for line in block.splitlines() if line.startswith("#,")]
        yield parts.get("msgid", ""), parts.get("msgstr", parts.get("msgstr[0]", "")), flags


def test_every_message_has_a_vietnamese_translation_and_none_is_fuzzy():
    entries = [e for e in _entries() if e[0]]
    assert len(entries) > 300
    assert [m for m, s, _f in entries if not s] == []
    assert [m for m, _s, f in entries if any("fuzzy" in flag for flag in f)] == []


def test_the_compiled_catalogue_is_current():
    # A message added late in the catalogue must be translated by the compiled .mo too.
    with translation.override("vi"):
        assert translation.gettext("Actions") == "Thao tác"
        assert translation.gettext("Remind all that have not reported") == "Nhắc tất cả đơn vị chưa báo cáo"
