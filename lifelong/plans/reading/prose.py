"""What a text that is not the document itself says about it (issue 19): a portal's summary of a plan, a news
article about a letter, a school's page about its week.

Such a text has no ND30 header, but it restates the document it is about in a sentence:
"Ngày 19/9/2023, UBND tỉnh ban hành Kế hoạch số 3127/KH-UBND …", "Bộ GDĐT có văn bản số 3906/BGDĐT-GDTX
ngày 12/9/2020 gửi …", "Theo Kế hoạch số 318/KH-PGDĐT ngày 24/9/2019 của Phòng GD&ĐT huyện …, …". That is
*the subject document*: a body issues it (a verb: ban hành, có, gửi …), or it opens the sentence. A document
named after "Căn cứ", "Thực hiện", "Triển khai" or inside a clause ("… của Bộ GDĐT, Sở …") is only *cited*,
a legal basis, and gives nothing here.

Without a numbered document, the unit the text is about is read from where a page names it: the lede
("Sáng 1/10, UBND phường X tổ chức …"), the title ("Trường Tiểu học Kim Đồng tổ chức …", "… - Trường Mầm non
Hoa Sen") or a masthead line ("Trường THCS Lê Quý Đôn"). A newspaper's name or abbreviation ("QĐND", "NLĐ",
"Báo Quảng Ninh") and a ceremony's title ("LỄ KHAI MẠC …") never start with a body's name, so they are not read.

What is read from running text keeps a weak confidence (0.6), so that the review page marks it; a portal's
labelled record of the document ("Số hiệu:", "Ngày ban hành:", "Cơ quan ban hành:") is read with 0.9.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_noop

from lifelong.plans.reading.dates import find_dates
from lifelong.plans.reading.doc import Doc, squash
from lifelong.plans.reading.header import KIND_TITLES, SYMBOL_KINDS, UNIT_WORDS, words_pattern
from lifelong.plans.reading.result import PATTERN, WEAK, Found

NOTE = gettext_noop("Read from the text: the header is missing.")

_BODY = words_pattern(UNIT_WORDS)
_KINDS = {"ke hoach": "Kế hoạch", "cong van": "Công văn", "bao cao": "Báo cáo", "huong dan": "Hướng dẫn",
          "thong bao": "Thông báo", "quyet dinh": "Quyết định", "chi thi": "Chỉ thị", "chuong trinh": "Chương trình",
          "cong dien": "Công điện", "nghi quyet": "Nghị quyết", "to trinh": "Tờ trình", "van ban": ""}
_KIND = "(?P<kind>" + "|".join(_KINDS) + ")"
# 3127/KH-UBND, 512-HKH/BTV, 2140/SGDĐT-GDTX&CN, 27/KH-THCS, or a number alone ("Kế hoạch số 318").
_NUMBER = (r"(?P<num>\d{1,6})(?![\d.,]\d)(?:\s?(?P<sep>[/-])\s?(?P<sym>[a-z][a-z0-9&]*(?:\s?[-/&]\s?[a-z0-9&]+)*))?"
           r"(?![\w/])")
# A body issues the document: "… UBND tỉnh (đã/vừa) ban hành Kế hoạch số …", "Bộ GDĐT có văn bản số …".
_ISSUES = re.compile(r"\b(?:(?:da|vua|moi|cung)\s+)*(?:ky\s+)?(?:ban\s+hanh|co|gui|phat\s+hanh|xay\s+dung|ky)\s+"
                     + _KIND + r"\s+(?:so\s*:?\s*)?" + _NUMBER)
# The document opens its sentence: "(Theo) Kế hoạch số … ngày … của <issuer>, …".
_OPENS = re.compile(r"(?:theo\s+)?" + _KIND + r"\s+(?:so\s*:?\s*)?" + _NUMBER)
_CITED = re.compile(r"(?:can cu|thuc hien|trien khai|tren co so|theo chi dao|theo huong dan|huong ung)\b")
_ISSUER_END = re.compile(r"\s+(?:ve|ve viec|v/v|de ra|neu|yeu cau|huong dan|quy dinh|trien khai|to chuc|duoc|da|"
                         r"vua|nham|gom|voi|cho|giao|gui|ban hanh|co)\b|[,;.:(\n]|\s[-–]\s")
# What a page's lede says a unit does, and the verbs of a title that names the unit.
_ORGANISES = (r"(?:(?:da|vua|long\s+trong|trang\s+trong|chinh\s+thuc|dong\s+loat|cung|se)\s+)*"
              r"(?:to\s+chuc|phoi\s+hop|khai\s+mac|phat\s+dong|huong\s+ung|ra\s+quan|"
              r"trien\s+khai|chao\s+mung|soi\s+noi|tich\s+cuc|day\s+manh|lan\s+toa|tham\s+gia)\b")
_TIME = r"(?:(?:sang|chieu|toi|trua)\s+)?(?:ngay\s+)?\d{1,2}\s*[/-]\s*\d{1,2}(?:\s*[/-]\s*\d{4})?"
# The lede opens with a time ("Sáng 1/10,") or a phrase that sets the scene ("Hưởng ứng Tuần lễ …,").
_SCENE = (r"(?:huong\s+ung|nhan\s+dip|thuc\s+hien|can\s+cu|trien\s+khai|theo|trong\s+khuon\s+kho|vua\s+qua|"
          r"moi\s+day|hom\s+qua|sang\s+nay|chieu\s+nay)\b[^.;:\n]{0,200}?")
_LEDE = re.compile(r"(?:" + _TIME + r"|" + _SCENE + r")\s*,\s*(?:tai\s+[^,\n]{2,60},\s*)?(?P<who>" + _BODY
                   + r"[^,.;:\n]{2,80}?)"
                   r"(?:,\s*(?:tinh|thanh pho|tp\.?|huyen|quan)\s[^,\n]{2,30},)?\s+(?:" + _ORGANISES
                   + r"|(?:da\s+)?(?:de\s+nghi|yeu\s+cau|huong\s+dan)\b)")
_TITLE = re.compile(r"(?P<who>" + _BODY + r"[^,.;:\n]{2,80}?)\s+(?:" + _ORGANISES
                    + r"|(?:da\s+|vua\s+)?(?:ban\s+hanh|xay\s+dung)\b)")
_NOT_A_UNIT = re.compile(r"(?:cong|trang|bao|tap chi|tin|cap nhat|dang|trang chu)\b")
_WHEN = r"(?:(?:sang|chieu|toi|trua)\s+(?:ngay\s+)?|ngay\s+)"  # "Ngày …", "Chiều …", "Sáng ngày …"


@dataclass
class Subject:
    kind: Found
    number: Found
    symbol: Found
    issue_date: Found
    issuer: Found


def subject_document(doc: Doc, year: int | None = None) -> Subject | None:
    """The document the text restates (not one it cites), if it is named by its number. A date without a year
    ("Ngày 27/9, Sở … có văn bản số …") takes `year`, the year of the Week the text is about."""
    found = []
    for match in _ISSUES.finditer(doc.folded):
        who = _issuer_before(doc, match.start(), year)
        if who is not None:
            found.append((match, who))
            break
    for match in _OPENS.finditer(doc.folded):
        if found and found[0][0].start() < match.start():
            break
        if _opens_sentence(doc, match.start()):
            who = _issuer_after(doc, match)
            if who is not None or _in_title(doc, match.start()):
                # "Kế hoạch số 262/KH-UBND ngày 25/9/2025 tổ chức Tuần lễ …" as a page's title: the issuer, if
                # the page names it, is read elsewhere.
                found = [(match, (who or Found(), None))]
                break
    if not found:
        return None
    match, (issuer, date_before) = found[0]
    number = match.group("num")
    symbol = doc.text[match.start("sym"):match.end("sym")].replace(" ", "") if match.group("sym") else ""
    kind = _KINDS[re.sub(r"\s+", " ", match.group("kind"))]
    if not kind:  # "văn bản số 3906/BGDĐT-GDTX": a letter unless its symbol starts with a kind code
        kind = SYMBOL_KINDS.get(re.split(r"[-/]", symbol)[0].upper(), "Công văn") if symbol else ""
    span = (match.start("kind"), match.end())
    issue_date = date_before or _date_after(doc, match.end(), year)
    return Subject(
        Found(kind, WEAK, span, NOTE) if kind else Found(),
        Found(number, WEAK, (match.start("num"), match.end("num")), NOTE),
        Found(symbol, WEAK, (match.start("sym"), match.end("sym")), NOTE) if symbol else Found(),
        issue_date or Found(), issuer)


# A document database's record of a document (as portals list them): "Số hiệu: 262/KH-UBND", "Ngày ban hành:
# 25/09/2025", "Cơ quan ban hành: UBND Thành phố", "Loại văn bản: Kế hoạch"; after ":" or in a table's next cell.
_RECORD = re.compile(r"(?P<label>so hieu(?: van ban)?|so/ky hieu|so ky hieu|ky hieu|so van ban|ngay ban hanh|ngay ky|"
                     r"co quan ban hanh|don vi ban hanh|noi ban hanh|loai van ban|hinh thuc van ban)\s*(?::|\t)\s*"
                     r"(?P<value>[^\t\n]+)")


def record(doc: Doc, year: int | None = None) -> Subject | None:
    """The labelled fields of a portal's record of the document, when the text has them."""
    values: dict[str, tuple[int, int]] = {}
    for line in doc.lines[:60]:
        for match in _RECORD.finditer(line.folded):
            if match.start() and line.folded[match.start() - 1] not in "\t ":
                continue
            label = re.sub(r"\s+", " ", match.group("label"))
            key = ("number" if label.startswith(("so", "ky")) else "date" if label.startswith("ngay") else
                   "issuer" if label.endswith("ban hanh") else "kind")
            start = line.start + match.start("value")
            end = line.start + match.end("value")
            values.setdefault(key, (start, len(doc.text[:end].rstrip(" .;,"))))
    if "number" not in values and "issuer" not in values:
        return None
    kind = number = symbol = issue_date = issuer = Found()
    if "number" in values:
        start, end = values["number"]
        parts = re.match(_NUMBER, doc.folded[start:end].strip())
        offset = start + len(doc.folded[start:end]) - len(doc.folded[start:end].lstrip())
        if parts:
            number = Found(parts.group("num"), PATTERN, (start, end))
            if parts.group("sym"):
                sym = doc.text[offset + parts.start("sym"):offset + parts.end("sym")].replace(" ", "")
                symbol = Found(sym, PATTERN, (start, end))
    if "date" in values:
        start, end = values["date"]
        mentions = [m for m in find_dates(doc.text[start:end], year) if not m.is_range]
        if mentions:
            issue_date = Found(mentions[0].start, PATTERN, (start, end))
    if "issuer" in values:
        start, end = values["issuer"]
        issuer = Found(squash(doc.text[start:end]), PATTERN, (start, end))
    if "kind" in values:
        start, end = values["kind"]
        title = KIND_TITLES.get(re.sub(r"\s", "", doc.folded[start:end]))
        kind = Found(title, PATTERN, (start, end)) if title else Found()
    if not kind.value and symbol.value:
        code = re.split(r"[-/]", symbol.value)[0].upper()
        kind = Found(SYMBOL_KINDS.get(code, "Công văn"), WEAK, symbol.span, NOTE)
    return Subject(kind, number, symbol, issue_date, issuer)


def _in_title(doc: Doc, at: int) -> bool:
    head = [line for line in doc.lines[:6] if line.text.strip()][:3]
    return any(line.start <= at <= line.start + 4 for line in head)


def _opens_sentence(doc: Doc, at: int) -> bool:
    before = doc.text[max(0, at - 3):at]
    return at == 0 or before.endswith("\n") or bool(re.search(r"[.!?]\s$|[-–]\s$|\)\s$", before))


def _clause_start(doc: Doc, at: int) -> int:
    """Where the clause holding `at` starts: after ",", ";", ":", a sentence's end, a line, " - " or ")"."""
    i = at
    while i > 0 and at - i < 160:
        ch = doc.text[i - 1]
        if ch in ",;:\n(" or ch in ")." and doc.text[i:i + 1] == " ":
            break
        if ch in "-–" and doc.text[i - 2:i - 1] == " " and doc.text[i:i + 1] == " ":
            break
        i -= 1
    return i


def _issuer_before(doc: Doc, verb_at: int, year: int | None):
    """ "Ngày 19/9/2023, UBND tỉnh X" before "ban hành": (issuer, date) when the clause names a body."""
    start = _clause_start(doc, verb_at)
    clause = doc.folded[start:verb_at]
    lead = len(clause) - len(clause.lstrip())
    date = None
    dated = re.match(r"\s*(?:" + _WHEN + r")?(?P<d>\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?"
                     r"|\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4})\s*,?\s*", clause)
    if dated:
        date = _date_at(doc, start + dated.start("d"), year)
        lead = dated.end()
    else:
        date = _date_just_before(doc, start, year)
    who = doc.folded[start + lead:verb_at]
    person = re.match(r"(?:pho\s+)?(?:chu\s+tich|giam\s+doc|bo\s+truong|thu\s+truong|hieu\s+truong|truong\s+phong|"
                      r"truong\s+ban|chanh\s+van\s+phong)\s+(?=" + _BODY + ")", who)
    if person:  # "Chủ tịch UBND tỉnh X (đã ký) ban hành …": the body the person signs for
        lead += person.end()
        who = who[person.end():]
    if re.fullmatch(r"\s*(?:nha truong|don vi|co quan|truong|hoi|so|phong|ubnd|uy ban|ban)\s*", who) and (
            doc.text[start + lead:verb_at].strip()[:1].islower()):
        return Found(), date  # "… nhà trường đã ban hành Kế hoạch số …": the page's own unit, named elsewhere
    if not re.match(_BODY, who) or _CITED.match(who) or re.search(r"\d", who) or len(who.split()) > 14:
        return None
    begin = start + lead
    name = squash(doc.text[begin:verb_at])
    if not name[:1].isupper():
        return None
    return Found(name, WEAK, (begin, begin + len(doc.text[begin:verb_at].rstrip())), NOTE), date


def _issuer_after(doc: Doc, match: re.Match) -> Found | None:
    """ "Kế hoạch số 318/KH-PGDĐT ngày 24/9/2019 của phòng GD&ĐT huyện X, …": the issuer after "của"."""
    pos = match.end()
    dated = re.match(r"\s*[,(]?\s*ngay\s+(?:[\d/.\-\s]{3,12}\d|\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4})\)?",
                     doc.folded[pos:pos + 40])
    if dated:
        pos += dated.end()
    of = re.match(r"\s*,?\s*cua\s+", doc.folded[pos:pos + 12])
    if of is None:
        return None
    begin = pos + of.end()
    if not re.match(_BODY, doc.folded[begin:]):
        return None
    stop = _ISSUER_END.search(doc.folded, begin, begin + 120)
    end = stop.start() if stop else begin
    name = squash(doc.text[begin:end])
    if len(name) < 3:
        return None
    return Found(name[:1].upper() + name[1:], WEAK, (begin, end), NOTE)


def _date_at(doc: Doc, at: int, year: int | None) -> Found | None:
    for mention in find_dates(doc.text[at:at + 40], year):
        if mention.span[0] == 0 and not mention.is_range:
            return Found(mention.start, WEAK, (at, at + mention.span[1]), NOTE)
        break
    return None


def _date_just_before(doc: Doc, clause_start: int, year: int | None) -> Found | None:
    """ "Ngày 12 tháng 9 năm 2020, Bộ …": the date that makes up the whole clause before the issuer's."""
    before = doc.folded[max(0, clause_start - 60):clause_start]
    match = re.search(r"(?:^|[\n.)\-–]\s*|\s)" + _WHEN + r"(?P<d>[^,\n]{3,30}?)\s*,$", before)
    if match is None:
        return None
    return _date_at(doc, clause_start - len(before) + match.start("d"), year)


def _date_after(doc: Doc, at: int, year: int | None) -> Found | None:
    dated = re.match(r"\s*[,(]?\s*ngay\s+", doc.folded[at:at + 20])
    return _date_at(doc, at + dated.end(), year) if dated else None


def organiser(doc: Doc) -> Found:
    """The unit a page is about, when no numbered document is: from its lede, title or masthead."""
    head = [line for line in doc.lines[:8] if line.text.strip()][:6]
    for line in head:  # the lede: "Sáng 1/10, UBND phường X tổ chức …" (after a newspaper's tag)
        match = _LEDE.search(line.folded, 0, min(len(line.folded), 220))
        if match and match.start() <= 40:
            found = _named(doc, line.start + match.start("who"), line.start + match.end("who"))
            if found:
                return found
    for line in head[:3]:
        text = line.text.strip()
        if len(text) > 200:
            continue
        lead = len(line.text) - len(line.text.lstrip())
        match = _TITLE.match(line.folded, lead)  # "Trường Tiểu học Kim Đồng tổ chức …"
        if match:
            found = _named(doc, line.start + match.start("who"), line.start + match.end("who"))
            if found:
                return found
        tail = re.search(r"\s[-–|]\s(?P<who>[^-–|]{3,80})$", line.folded)  # "… - Trường Mầm non Hoa Sen"
        if tail and re.match(_BODY, tail.group("who")) and not re.search(_ORGANISES, tail.group("who")):
            found = _named(doc, line.start + tail.start("who"), line.end)
            if found:
                return found
    for line in head[:3]:  # a masthead: "Trường THCS Lê Quý Đôn", "Sở Giáo dục và Đào tạo Đắk Lắk"
        found = masthead(doc, line)
        if found:
            return found
    return Found()


def title_kind(doc: Doc) -> Found:
    """ "Kế hoạch tổ chức Tuần lễ …", "KẾ HOẠCH TUẦN LỄ … - TRƯỜNG …" as a page's title: the kind of what it gives."""
    for line in [line for line in doc.lines[:6] if line.text.strip()][:3]:
        lead = len(line.text) - len(line.text.lstrip())
        match = re.match(r"(?P<kind>ke hoach|cong van|thong bao|huong dan|bao cao)\s+(?:\w+\s+){0,2}?tuan le\b",
                         line.folded[lead:])
        if match and len(line.text) <= 200:
            span = (line.start + lead, line.start + lead + match.end("kind"))
            return Found(_KINDS[match.group("kind")], WEAK, span, NOTE)
    return Found()


def masthead(doc: Doc, line) -> Found | None:
    text = line.text.strip()
    folded = line.folded.strip()
    if (not text or "\t" in text or len(text.split()) > 9 or not re.match(_BODY, folded) or _NOT_A_UNIT.match(folded)
            or re.search(r"[\d,.;:!?\"“”]", text) or re.search(_ORGANISES, folded) or "tuan le" in folded):
        return None
    begin = line.start + len(line.text) - len(line.text.lstrip())
    return _named(doc, begin, begin + len(text))


def mastheads(doc: Doc) -> list[Found]:
    head = [line for line in doc.lines[:8] if line.text.strip()][:3]
    return [f for f in (masthead(doc, line) for line in head) if f]


def _named(doc: Doc, start: int, end: int) -> Found | None:
    name = re.sub(r"\s*\([^()]*\)$", "", squash(doc.text[start:end])).rstrip(" -–")  # "… (quận Lê Chân)"
    if (not name[:1].isupper() or name.split()[0].casefold() == "số" or re.search(r"\d", name)
            or len(name.split()) < 2):
        return None
    words = [w for w in name.split() if w[:1].isalpha()]
    if sum(1 for w in words if w[:1].isupper()) < 2:  # "Hội nghị", "Ban tổ chức": not a unit's name
        return None
    return Found(name, WEAK, (start, end), NOTE)
