"""The Vietnamese catalogue (locale/vi/LC_MESSAGES/django.po): list what is missing, fill it in.

    .venv/bin/python scripts/po_fill.py                       lists the msgids still empty or fuzzy
    .venv/bin/python scripts/po_fill.py translations.json     fills them ({"English msgid": "Vietnamese"})

Run it after `make messages` has added the new msgids, then `make messages` again to compile. A filled
entry loses its fuzzy mark (makemessages guesses fuzzy translations from similar strings; they are
usually wrong). Run from the project root.
"""

import json
import re
import sys

CATALOGUE = "locale/vi/LC_MESSAGES/django.po"


def _value(block: str, key: str) -> str | None:
    match = re.search(rf'^{key} ((?:".*"\n?)+)', block, re.M)
    return "".join(re.findall(r'"(.*)"', match.group(1))) if match else None


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _unescape(text: str) -> str:
    return text.replace("\\n", "\n").replace('\\"', '"').replace("\\\\", "\\")


def missing(blocks: list[str]) -> list[str]:
    return [_unescape(_value(b, "msgid")) for b in blocks[1:]
            if "#, fuzzy" in b or _value(b, "msgstr") == "" or _value(b, r"msgstr\[0\]") == ""]


def fill(blocks: list[str], translations: dict[str, str]) -> tuple[list[str], set[str]]:
    done, out = set(), [blocks[0]]
    for block in blocks[1:]:
        msgid = _value(block, "msgid")
        text = _unescape(msgid) if msgid is not None else None
        if text in translations:
            lines = [line for line in block.split("\n") if not line.startswith("#|") and line != "#, fuzzy"]
            lines = [line.replace("#, fuzzy, ", "#, ") for line in lines]
            block = "\n".join(lines)
            if "msgid_plural" in block:  # Vietnamese has one plural form: msgstr[0]
                replacement = 'msgstr[0] "' + _escape(translations[text]) + '"'
                block = re.sub(r'^msgstr\[0\] (?:".*"\n?)+', lambda _match, r=replacement: r, block, flags=re.M)
            else:
                replacement = 'msgstr "' + _escape(translations[text]) + '"'
                block = re.sub(r'^msgstr (?:".*"\n?)+', lambda _match, r=replacement: r, block, flags=re.M)
            done.add(text)
        out.append(block)
    return out, done


def main() -> None:
    with open(CATALOGUE, encoding="utf-8") as handle:
        blocks = handle.read().split("\n\n")
    if len(sys.argv) == 1:
        for msgid in missing(blocks):
            print(repr(msgid))
        return
    with open(sys.argv[1], encoding="utf-8") as handle:
        translations = json.load(handle)
    blocks, done = fill(blocks, translations)
    with open(CATALOGUE, "w", encoding="utf-8") as handle:
        handle.write("\n\n".join(blocks))
    print(f"filled {len(done)}; not in the catalogue: {sorted(set(translations) - done)}")


if __name__ == "__main__":
    main()
