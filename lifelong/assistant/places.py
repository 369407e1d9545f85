"""Reading places in a question: the units of the tree, named with or without tone marks or their prefix.

"Tây Mỗ", "phường Tây Mỗ", "tay mo" and "P. Tây Mỗ" all name Phường Tây Mỗ. Each province and commune is indexed by
its folded name without its prefix (phường, xã, thị trấn, đặc khu, tỉnh, thành phố …); a question is matched on
its word n-grams, the longest first. Many communes share a name across provinces: when the question also names a
province, the communes inside it win; otherwise every commune of that name is kept and the answer says so.

The index is built once per process and rebuilt when the tree changes (its size or latest change moves), which is
asked at most every RECHECK_SECONDS.
"""

import re
import time as clock
from dataclasses import dataclass, field

from django.db.models import Max

from lifelong.assistant.parse import AUDIENCES, CATEGORIES, MODES, RELATIVE_WORDS
from lifelong.core.text import search_key
from lifelong.orgs.models import OrgUnit

PREFIXES = ["thanh pho", "thi tran", "dac khu", "phuong", "tinh", "xa", "tp", "p", "x"]
_PREFIX = re.compile(rf"^(?:{'|'.join(PREFIXES)})\.? +")
MAX_WORDS = 5
KINDS = (OrgUnit.Kind.PROVINCE, OrgUnit.Kind.COMMUNE)
# Words that say a place follows: a name that is also an everyday word ("La Gi", "Chũ") is read as a place only
# after one of them ("ở La Gi", "phường La Gi").
CUES = {"o", "tai", "xa", "phuong", "p", "x", "tinh", "tp", "pho", "tran", "khu", "gan", "quanh", "thuoc", "cua"}
# Everyday phrases that are also the names of communes somewhere, and the parser's own vocabulary.
EVERYDAY = {"la gi", "nam nay", "o dau", "the nao", "bao gio", "luc nao", "hoc tap", "ky nang", "hoat dong",
            "dang ky", "tham gia", "cong dan", "gia dinh", "dong ho", "mien phi", "tieng anh", "tieng viet",
            "an toan", "hoa binh", "thong tin", "phat trien", "doi moi", "tan tien", "thanh cong", "quyet thang",
            "thang loi", "doan ket", "tien phong", "hop tac", "hoc sinh", "tan tao", "binh minh", "trung tam"} | {
    words for words, _meaning in AUDIENCES + CATEGORIES + MODES} | set(RELATIVE_WORDS)


@dataclass
class PlaceIndex:
    version: tuple
    names: dict[str, list[tuple[int, str, str]]] = field(default_factory=dict)  # core name -> (id, kind, path)


_index: PlaceIndex | None = None
_checked = 0.0
RECHECK_SECONDS = 30  # how often a process asks whether the tree changed


def core_name(name: str) -> str:
    folded = re.sub(r"[^\w ]+", " ", search_key(name))
    folded = re.sub(r"\s+", " ", folded).strip()
    return _PREFIX.sub("", folded)


def aliases(name: str) -> list[str]:
    """The names a unit is asked by: its core name; each part of a joined name ("Lâm Viên - Đà Lạt": "lam vien",
    "da lat"); and, for names of two or three syllables, the syllables run together ("sapa", "dalat")."""
    core = core_name(name)
    names = [core]
    if " - " in search_key(name):
        names += [core_name(part) for part in search_key(name).split(" - ") if len(core_name(part).split()) >= 2]
    for each in list(names):
        if 2 <= len(each.split()) <= 3:
            names.append(each.replace(" ", ""))
    return list(dict.fromkeys(names))


def _version() -> tuple:
    stats = OrgUnit.objects.filter(kind__in=KINDS).aggregate(latest=Max("updated_at"))
    return OrgUnit.objects.filter(kind__in=KINDS).count(), stats["latest"]


def place_index() -> PlaceIndex:
    global _index, _checked
    if _index is not None and clock.monotonic() - _checked < RECHECK_SECONDS:
        return _index
    version, _checked = _version(), clock.monotonic()
    if _index is None or _index.version != version:
        index = PlaceIndex(version=version)
        for pk, name, kind, path in OrgUnit.objects.filter(kind__in=KINDS).values_list("pk", "name", "kind", "path"):
            for alias in aliases(name):
                entries = index.names.setdefault(alias, [])
                if (pk, kind, path) not in entries:
                    entries.append((pk, kind, path))
        _index = index
    return _index


@dataclass
class Places:
    units: list[int] = field(default_factory=list)  # the units named (several: a shared name, not narrowed)
    words: list[str] = field(default_factory=list)  # the words they were read from
    ambiguous: bool = False
    uncued: list[str] = field(default_factory=list)  # words read as a place without a cue before them
    uncued_units: list[int] = field(default_factory=list)


def read_places(text: str) -> Places:
    """The places a folded question names (see the module's docstring)."""
    index = place_index().names
    tokens = text.split()
    found: list[tuple[str, list[tuple[int, str, str]]]] = []
    used = [False] * len(tokens)
    for size in range(min(MAX_WORDS, len(tokens)), 0, -1):
        for start in range(len(tokens) - size + 1):
            if any(used[start:start + size]):
                continue
            phrase = " ".join(tokens[start:start + size])
            if len(phrase) < 3 or phrase not in index:
                continue
            cued = start > 0 and tokens[start - 1] in CUES
            if not cued and (size == 1 or phrase in EVERYDAY):
                continue
            found.append((phrase, index[phrase], cued))
            used[start:start + size] = [True] * size
    provinces = [entry for _phrase, entries, _cued in found for entry in entries if entry[1] == OrgUnit.Kind.PROVINCE]
    result = Places()
    for phrase, entries, cued in found:
        communes = [entry for entry in entries if entry[1] == OrgUnit.Kind.COMMUNE]
        chosen = [entry for entry in entries if entry[1] == OrgUnit.Kind.PROVINCE]
        if communes:
            inside = [c for c in communes if any(c[2].startswith(p[2]) for p in provinces)]
            chosen = inside or ([] if chosen and not inside else communes)
        if not chosen:
            continue
        result.words.append(phrase)
        result.units.extend(pk for pk, _kind, _path in chosen)
        if not cued:
            result.uncued.append(phrase)
            result.uncued_units.extend(pk for pk, _kind, _path in chosen)
        result.ambiguous = result.ambiguous or len([c for c in chosen if c[1] == OrgUnit.Kind.COMMUNE]) > 1
    # A province named only to narrow its communes is not a filter of its own.
    narrowed = {pk for _phrase, entries, _cued in found for pk, kind, _path in entries
                if kind == OrgUnit.Kind.PROVINCE}
    if len(result.units) > len(narrowed):
        result.units = [pk for pk in result.units if pk not in narrowed] or result.units
    return result
