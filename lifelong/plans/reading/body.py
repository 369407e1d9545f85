"""The content of a plan: the Week's year, legal bases, theme, dates, activities, budget, tasks, reporting.

Each reader looks first where the ND30 layout and the Ministry's template put a thing (a numbered section
"2. Chủ đề", "3. Thời gian", "5. Kinh phí", "6. Tổ chức thực hiện") and then for the phrases that state it
in running text ("với chủ đề", "được tổ chức từ ngày ... đến ngày ...", "báo cáo ... trước ngày ...").
What is found only through a weaker cue keeps a low confidence so that the review page marks it.
"""

import re

from django.utils.translation import gettext_noop

from lifelong.plans.reading.dates import find_dates, fold_same_length
from lifelong.plans.reading.doc import Doc, Heading, paragraph_text, squash
from lifelong.plans.reading.result import LABELLED, PATTERN, WEAK, Found, Item, ListFound, flagged

# Keywords (folded) that name each default category of the Ministry's letter, in the order they are tried.
CATEGORY_WORDS = {
    "opening": ("khai mac",),
    "awareness": ("tuyen truyen", "truyen thong"),
    "digital_skills": ("ky nang so", "tap huan", "boi duong ky nang"),
    "online_learning": ("nen tang hoc tap", "hoc tap truc tuyen", "hoc truc tuyen", "hoc lieu so", "mooc"),
    "digital_library": ("thu vien", "tu sach"),
    "competition": ("cuoc thi", "hoi thi"),
    "career": ("doanh nghiep", "huong nghiep", "viec lam"),
}
_DOC_KINDS = (r"quyet dinh|cong van|ke hoach|nghi quyet|nghi dinh|thong tu(?: lien tich)?|chi thi|huong dan|"
              r"thong bao|van ban|chuong trinh|cong dien|ket luan|de an|to trinh")
_CITATION = re.compile(rf"(?P<kind>{_DOC_KINDS}|(?:bo )?luat(?: [^\d;]{{2,60}}?)?)\s+(?:so\s*:?\s*)?"
                       r"(?P<num>\d{1,6}\s*[-/]\s*[\w.]*\w(?:\s?-\s?[a-z][\w.]*\w|[-/][\w.]*\w)*)")
_ISSUER_STOP = re.compile(r"\s+(?:ve viec|ve\s|v/v|phe duyet|ban hanh|trien khai|huong dan|quy dinh|thuc hien|"
                          r"to chuc|tang cuong|dong y)|[,;(“\"”:]|\s-\s")
_QUOTE_OPEN, _QUOTE_CLOSE = "“\"«", "”\"»"
_BODY_START = (r"(?:Ủy ban|UBND|Sở|Phòng|Trường|Bộ|Hội|Trung tâm|Ban|Đoàn|Liên đoàn|Cục|Vụ|Văn phòng|Công an|"
               r"Các (?:sở|Sở|phòng|cơ quan|đơn vị|trường|hội|ban|ngành|UBND|Ủy ban|xã|phường|tổ chức))")
_TASK_VERB = re.compile(r"\s(?:chủ trì|phối hợp|chuẩn bị|chỉ đạo|xây dựng|tổ chức|triển khai|tham mưu|hướng dẫn|"
                        r"thực hiện|bố trí|tuyên truyền|theo dõi|tổng hợp|đảm bảo|bảo đảm|căn cứ)\b")


_WEEK_YEAR = re.compile(r"tuan\s+le\s+(?:huong\s+ung\s+)?(?:hoc\s+tap\s+suot\s+doi\s+)?(?:nam\s+|-\s*)?(\d{4})\b")


def stated_years(doc: Doc) -> list[re.Match]:
    """Each "Tuần lễ … năm 2023" of the text (a page can also name last year's Week)."""
    return [m for m in _WEEK_YEAR.finditer(doc.folded) if 1990 <= int(m.group(1)) <= 2100]


def week_year(doc: Doc, issue_date: Found, week: tuple[Found, Found]) -> Found:
    stated = stated_years(doc)
    if stated:
        # "Tiếp nối Tuần lễ năm 2022, Tuần lễ năm 2023 diễn ra từ …": the year of the Week's own dates.
        match = next((m for m in stated if week[0].value and int(m.group(1)) == week[0].value.year), stated[0])
        return Found(int(match.group(1)), LABELLED, match.span())
    if week[0].value:
        return Found(week[0].value.year, PATTERN, week[0].span)
    if issue_date.value:
        return Found(issue_date.value.year, WEAK, issue_date.span, gettext_noop("Taken from the issue date."))
    return flagged(gettext_noop("The year of the Week is not stated."))


# Legal bases -------------------------------------------------------------------------------------------------


def legal_bases(doc: Doc, default_year: int | None) -> ListFound:
    end = next((h.line.start for h in doc.headings if h.numbered and h.level <= 1), len(doc.text))
    items: list[Item] = []
    first_span = None
    for clause_start, clause_end, intro in _clauses(doc, end):
        first_span = first_span or (clause_start, clause_end)
        flat = doc.text[clause_start:clause_end].replace("\n", " ").replace("\t", " ")
        folded = doc.folded[clause_start:clause_end].replace("\n", " ").replace("\t", " ")
        group = re.match(rf"(?:can cu|thuc hien)\s+(?:cac|nhung)\s+(?:{_DOC_KINDS})\s+cua\s+([^:]{{3,80}}):", folded)
        group_issuer = squash(flat[group.start(1):group.end(1)]) if group else ""
        for part_start, part_end in _split_outside_quotes(flat, ";"):
            item = _citation(flat, folded, part_start, part_end, group_issuer, default_year)
            if item is None:
                continue
            own_intro = re.match(r"\s*(can cu|thuc hien)\b", folded[part_start:part_end])
            values, offset_span = item
            values = {"intro": _intro(own_intro.group(1)) if own_intro else intro, **values}
            items.append(Item(values, PATTERN, (clause_start + offset_span[0], clause_start + offset_span[1])))
    return ListFound(items, first_span)


def _intro(folded: str) -> str:
    return "Thực hiện" if folded.startswith("thuc") else "Căn cứ"


def _clauses(doc: Doc, end: int):
    """(start, end, intro) of each "Căn cứ ..." or "Thực hiện ..." paragraph before the first section."""
    lines = [line for line in doc.lines if line.start < end]
    i = 0
    while i < len(lines):
        match = re.match(r"(can cu|thuc hien)\b", lines[i].folded)
        if not match:
            i += 1
            continue
        j = i
        while j + 1 < len(lines):
            text, following = lines[j].text.rstrip(), lines[j + 1]
            if not following.text.strip():
                break
            ends = text[-1:] in ".;:" or text.endswith("./.")
            if ends and following.text[:1].isupper() and not _CITATION.match(following.folded):
                break
            j += 1
        yield lines[i].start, lines[j].end, _intro(match.group(1))
        i = j + 1


def _split_outside_quotes(text: str, separator: str) -> list[tuple[int, int]]:
    parts, start, depth = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "“«":
            depth += 1
        elif ch in "”»":
            depth = max(0, depth - 1)
        elif ch == separator and depth == 0:
            parts.append((start, i))
            start = i + 1
    parts.append((start, len(text)))
    return parts


def _citation(flat, folded, start, end, group_issuer, default_year):
    match = _CITATION.search(folded, start, end)
    if match is None or match.start() - start > 120:
        return None
    kind = squash(flat[match.start("kind"):match.end("kind")])
    number = re.sub(r"\s+", "", flat[match.start("num"):match.end("num")])
    pos = match.end()
    found_date = None
    after = folded[pos:end]
    ngay = re.match(r"\s*,?\s*ngay\b", after)
    if ngay:
        mentions = find_dates(flat[pos:end], default_year)
        if mentions and mentions[0].span[0] <= ngay.end() + 2 and not mentions[0].is_range:
            found_date = mentions[0].start
            pos += mentions[0].span[1]
    issuer = group_issuer
    of = re.match(r"\s*,?\s*cua\s+", folded[pos:end])
    if of:
        begin = pos + of.end()
        stop = _ISSUER_STOP.search(folded, begin, end)
        stop_at = stop.start() if stop else end
        issuer = squash(flat[begin:stop_at]).rstrip(".")
        pos = stop_at
    subject = _subject(flat, folded, pos, end)
    values = {"kind": kind[:1].upper() + kind[1:], "number": number, "date": found_date, "issuer": issuer,
              "subject": subject}
    return values, (match.start(), end)


def _subject(flat: str, folded: str, start: int, end: int) -> str:
    text = flat[start:end]
    lead = re.match(r"\s*(?:ve viec\s*:?\s*|v/v\s*)?", folded[start:end])
    text = text[lead.end():] if lead else text
    # Stop at the end of a quoted title that is followed by more sentence, or at ", Sở ... hướng dẫn".
    depth, cut = 0, len(text)
    for i, ch in enumerate(text):
        if ch in "“«":
            depth += 1
        elif ch in "”»":
            depth = max(0, depth - 1)
            if depth == 0 and text[i + 1:i + 2] in (",", ".") and text[i + 2:].strip():
                cut = i + 1
                break
        elif depth == 0 and _clause_ends(text, i):
            cut = i
            break
    return squash(text[:cut]).rstrip(".;, ")


def _clause_ends(text: str, i: int) -> bool:
    """", Sở GDĐT hướng dẫn" or ". Next sentence" ends the subject of a citation."""
    if text[i] == ",":
        return text[i + 1:i + 3].strip()[:1].isupper()
    return text[i] == "." and (i + 1 == len(text) or text[i + 1] == " " and text[i + 2:i + 3].isupper())


# Theme -------------------------------------------------------------------------------------------------------


def theme(doc: Doc) -> Found:
    heading = doc.find_heading(r"^chu de\b", level_max=2)
    if heading is not None:
        start, end = doc.section(heading)
        same_line = doc.text[heading.label_end:heading.line.end]
        colon = same_line.find(":")
        if colon >= 0 and same_line[colon + 1:].strip():
            start = heading.label_end + colon + 1
        # "II. CHỦ ĐỀ, THỜI GIAN, ĐỊA ĐIỂM" then "1. Chủ đề": the theme is under the sub-heading.
        sub = re.match(r"\s*(?:\d{1,2}|[a-zđ])[.)]\s*chu de\b[^\n:]*:?\s*", doc.folded[start:end])
        if sub and not re.fullmatch(r"\s*chu de\s*:?\s*", doc.folded[heading.label_end:heading.line.end]):
            start += sub.end()
        quoted = _first_quoted(doc, start, min(end, start + 80))
        if quoted:
            return quoted
        end = _before_next_heading(doc.text, start, end)
        value = _strip_theme(doc.text[start:end])
        if value:
            return Found(value, PATTERN, (start, end))
    cues = list(re.finditer(r"(chu de(?:\s+(?:cua\s+)?tuan\s+le)?(?:\s+(?:nam\s+\d{4}|nam\s+nay|cua\s+nam\s+nay))?"
                            r"|(?:voi|co|mang)\s+chu\s+de)\s*(?:la\s*)?:?\s*", doc.folded))
    for match in cues:
        quoted = _first_quoted(doc, match.end(), match.end() + 2)
        if quoted:
            confidence = LABELLED if match.group(1).startswith("chu de cua") else PATTERN
            return Found(quoted.value, confidence, (match.start(), quoted.span[1]))
    for match in cues:
        unquoted = _unquoted_theme(doc, match)
        if unquoted:
            return unquoted
    return Found()


# Where an unquoted theme in running text stops: the sentence goes on with the Week's dates or place.
_THEME_END = re.compile(r",?\s+(?:duoc to chuc|dien ra|tu ngay|tu \d|keo dai|nham|tai cac|tren (?:dia ban|pham vi)|"
                        r"vao ngay|cho toan the|thu hut)\b|,\s+(?:tu|voi|gom|thu hut|dong thoi)\b")


_ACTIVITY_NOUN = re.compile(r"\b(?:toa dam|hoi thao|cuoc thi|hoi thi|chuyen de|buoi|dien dan|giao luu|chuong trinh|"
                            r"ngay hoi|lop|hoat dong|trien lam|hoi nghi)\b")


def _unquoted_theme(doc: Doc, match: re.Match) -> Found | None:
    """ "… với chủ đề Học tập suốt đời góp phần …, được tổ chức từ …" or "- Chủ đề: Xây dựng văn hóa đọc.":
    a theme without quotes, to the end of its sentence, over line breaks."""
    start = match.end()
    sentence = doc.sentence_around(match.start())
    line_start = doc.text.rfind("\n", 0, match.start()) + 1
    own_line = re.fullmatch(r"\s*(?:[-+•]\s*)?", doc.text[line_start:match.start()]) is not None
    labelled = own_line and doc.folded[match.start():match.end()].rstrip().endswith(":")
    week_at = doc.folded.rfind("tuan le", sentence[0], match.start())
    if not labelled and (week_at < 0 or _ACTIVITY_NOUN.search(doc.folded, week_at, match.start())):
        return None  # "… Tuần lễ …, thư viện tổ chức tọa đàm với chủ đề …" is an activity's, not the Week's
    if not doc.text[start:start + 1].isupper():
        return None
    end = start
    while end < len(doc.text):
        ch = doc.text[end]
        if ch in ";“”\"«»(" or ch == "." and (doc.text[end + 1:end + 2] in ("", "\n") or
                                               doc.text[end + 1:end + 3][1:].isupper()):
            break
        if ch == "\n":
            following = doc.text[end + 1:end + 2]
            if not following.islower():
                break
        end += 1
    stop = _THEME_END.search(doc.folded, start, end)
    if stop:
        end = stop.start()
    end = _before_next_heading(doc.text, start, end)
    value = squash(doc.text[start:end]).rstrip(".,: ")
    if not 10 <= len(value) <= 250 or re.search(r"\d{1,2}/\d{1,2}", value):
        return None
    return Found(value, PATTERN if labelled else WEAK, (start, start + len(doc.text[start:end].rstrip(".,: "))),
                 "" if labelled else gettext_noop("The theme is not in quotes; read up to the end of its sentence."))


def _first_quoted(doc: Doc, start: int, limit: int) -> Found | None:
    text = doc.text
    begin = next((i for i in range(start, min(limit, len(text))) if text[i] in _QUOTE_OPEN), None)
    if begin is None:
        return None
    lead_in = doc.folded[start:begin].strip(" \t\n")
    if lead_in and not re.fullmatch(r"(?:chu de[^:]{0,40})?:", lead_in):
        return None
    close = next((i for i in range(begin + 1, min(begin + 600, len(text))) if text[i] in _QUOTE_CLOSE), None)
    if close is None:
        return None
    value = _strip_theme(text[begin + 1:close])
    return Found(value, LABELLED, (begin, close + 1)) if value else None


# The next numbered heading of the plan, run into the theme's line when a PDF's lines were joined: "… kỷ nguyên số
# 2. Thời gian, địa điểm: …" or "… số II. TỔ CHỨC …" (a number or roman numeral, a dot or bracket, a capital).
_NEXT_HEADING = re.compile(r"\s(?:\d{1,2}|[IVX]{1,4})[.)]\s+(?=[^\W\d_])")


def _before_next_heading(text: str, start: int, end: int) -> int:
    """Where a theme's passage [start, end) stops: before a following section's number run into it."""
    for match in _NEXT_HEADING.finditer(text, start, min(len(text), end + 4)):  # "2." may end the passage
        if match.start() < end and text[match.end()].isupper():
            return match.start()
    return end


def _strip_theme(text: str) -> str:
    text = re.split(r"\n\s*\n", text.strip())[0]
    return squash(text).strip("“”\"«» ").rstrip(".").strip()


# The Week, the opening ceremony ------------------------------------------------------------------------------


def week(doc: Doc, year: int | None) -> tuple[Found, Found]:
    heading = doc.find_heading(r"thoi gian")
    ranges = [m for m in find_dates(doc.text, year) if m.is_range and (m.end - m.start).days <= 62]
    if heading is not None:
        end = doc.section(heading)[1]
        inside = [m for m in ranges if heading.label_end <= m.span[0] < end]
        if inside:
            return _week_found(inside[0], LABELLED)
    stated, labelled, loose = [], [], []
    for mention in ranges:
        sentence = doc.sentence_around(mention.span[0])
        before = doc.folded[sentence[0]:mention.span[0]]
        words = doc.folded[sentence[0]:sentence[1]]
        line_start = doc.text.rfind("\n", 0, mention.span[0]) + 1
        if re.search(r"bao\s+cao|han\s+chot|\bnop\b", doc.folded[max(sentence[0], line_start):sentence[1]]):
            continue  # a report's period or deadline (a title line above, "Báo cáo kết quả …", does not count)
        if re.search(r"tuan\s+le", before):
            stated.append(mention)
        elif re.match(r"\s*(?:[-+•]\s*)?thoi\s+gian(?:\s+to\s+chuc)?\s*:", before):
            labelled.append(mention)  # "Thời gian: từ ngày 03/10 đến ngày 09/10/2022."
        elif re.search(r"tuan\s+le", words):
            stated.append(mention)  # "từ ngày 30/9 đến ngày 6/10, các trường tổ chức tuần lễ …"
        elif (mention.end - mention.start).days <= 9 and _WEEK_WORDS.search(words):
            loose.append(mention)  # "Các hoạt động diễn ra từ …", the Week named in another sentence
    stated = stated or labelled
    if not stated:
        if len({(m.start, m.end) for m in loose}) == 1 and re.search(r"tuan\s+le", doc.folded):
            first = loose[0]
            note = gettext_noop("The Week is named in another sentence than its dates.")
            return (Found(first.start, WEAK, first.span, note), Found(first.end, WEAK, first.span, note))
        return Found(), Found()
    if len({(m.start, m.end) for m in stated}) > 1:
        first = stated[0]
        note = gettext_noop("The document gives more than one period for the Week.")
        return flagged(note, first.span), flagged(note, first.span)
    return _week_found(stated[0], PATTERN)


# What a sentence that gives the Week's days without naming it says: "Các hoạt động diễn ra từ …", "Cụ thể, từ …".
_WEEK_WORDS = re.compile(r"dien\s+ra|to\s+chuc|keo\s+dai|cu\s+the|thoi\s+gian")


def agreeing_with_year(doc: Doc, week_found: tuple[Found, Found]) -> tuple[Found, Found]:
    """The Week's dates, unless they give another year than the text states for the Week ("Tuần lễ … năm 2022
    diễn ra từ ngày 1/10 đến 7/10/2021"): then both are left empty and flagged, not chosen."""
    start, end = week_found
    years = {int(m.group(1)) for m in stated_years(doc)}
    if (years and start.value and end.value and not start.note
            and not {start.value.year, end.value.year} <= years):
        note = gettext_noop("The dates of the Week give another year than the text states for the Week.")
        return flagged(note, start.span), flagged(note, end.span)
    return start, end


def _week_found(mention, confidence) -> tuple[Found, Found]:
    note = "" if mention.year_given else gettext_noop("The year is taken from the document.")
    return (Found(mention.start, confidence, mention.span, note), Found(mention.end, confidence, mention.span, note))


def opening(doc: Doc, year: int | None) -> tuple[Found, Found]:
    mentions = [m for m in find_dates(doc.text, year) if not m.is_range]
    for match in re.finditer(r"khai\s+mac", doc.folded):
        sentence = doc.sentence_around(match.start())
        dated = [m for m in mentions if match.start() < m.span[0] < sentence[1]]
        if not dated:
            continue
        when = Found(dated[0].start, PATTERN, (sentence[0], sentence[1]))
        return when, _venue(doc, match.start(), sentence)
    return Found(), Found()


def _venue(doc: Doc, at: int, sentence: tuple[int, int]) -> Found:
    inside = re.search(r"\btai\s+", doc.folded[at:sentence[1]])
    if inside:
        begin = at + inside.end()
        value = re.split(r"[,;.(]|\svao\s|\stu\s", doc.text[begin:sentence[1]])[0]
        if value[:1].isupper() and not re.match(r"cac|tat ca|moi|dia phuong", doc.folded[begin:begin + 10]):
            return Found(squash(value), PATTERN, (begin, begin + len(value)))
    line_index = doc.line_index_at(sentence[1])
    for line in doc.lines[line_index:line_index + 3]:
        label = re.match(r"\s*(?:[-+]\s*)?dia diem(?: to chuc)?(?: le khai mac)?\s*:\s*", line.folded)
        if label:
            value = re.split(r"[;(]|\.\s*$", line.text[label.end():])[0]
            if squash(value):
                begin = line.start + label.end()
                return Found(squash(value).rstrip("."), PATTERN, (begin, begin + len(value)))
    return Found()


# Activities --------------------------------------------------------------------------------------------------


def classify(text: str, codes: list[str]) -> tuple[str, float]:
    """The category code an activity's text belongs to ("other" if none), judged on its first sentence."""
    folded = fold_same_length(text)
    first = re.split(r"\.\s+(?=[A-ZĐÀ-Ỹ])", text, maxsplit=1)[0]
    first_folded = folded[:len(first)]
    for scope, confidence in ((first_folded, PATTERN), (folded, WEAK)):
        hits = {}
        for code, words in CATEGORY_WORDS.items():
            if code not in codes:
                continue
            positions = [scope.find(w) for w in words if w in scope]
            if positions:
                hits[code] = min(positions)
        if hits:
            best = min(hits, key=hits.get)
            # Several kinds named: sure only when the item opens with one ("Tổ chức các lớp tập huấn ...").
            return best, confidence if len(hits) == 1 or hits[best] < 60 else WEAK
    return "other", WEAK


def activities(doc: Doc, codes: list[str]) -> ListFound:
    heading = (doc.find_heading(r"^(?:cac )?hoat dong|^noi dung(?: va hinh thuc)? hoat dong", level_max=2)
               or doc.find_heading(r"^noi dung"))
    if heading is None:
        return ListFound()
    start, end = doc.section(heading)
    end = min(end, _closing_start(doc, start, end))
    pieces = _items(doc, heading, start, end)
    unmarked = not any(marked for _, _, marked in pieces)
    found = []
    for piece_start, piece_end, _marked in pieces:
        text = paragraph_text(doc.text[piece_start:piece_end])
        if not text or _NOT_AN_ACTIVITY.match(doc.folded[piece_start:piece_start + 40]):
            continue
        code, confidence = classify(text, codes)
        if unmarked and code == "other":
            if found:
                break  # unnumbered paragraphs: the activities end where the text stops naming one
            continue
        found.append(Item({"category": code, "text": text}, confidence, (piece_start, piece_end)))
    return ListFound(found, (heading.line.start, end))


# Sections that a "Nội dung" part also holds and that are not activities.
_NOT_AN_ACTIVITY = re.compile(r"\s*(?:chu de|thoi gian|dia diem|doi tuong|muc dich|kinh phi|to chuc thuc hien)\b")


def _items(doc: Doc, heading: Heading, start: int, end: int) -> list[tuple[int, int, bool]]:
    """(start, end, marked) of each item of a section: sub-headings if any, else bullets, else lines."""
    subs = [h for h in doc.headings if start <= h.line.start < end and h.level > heading.level and h.numbered]
    if subs:
        level = min(h.level for h in subs)
        subs = [h for h in subs if h.level == level]
        bounds = [h.label_end for h in subs] + [end]
        return [(bounds[i], subs[i + 1].line.start - 1 if i + 1 < len(subs) else end, True)
                for i in range(len(subs))]
    lines = [line for line in doc.lines if start <= line.start < end and line.text.strip()]
    bullets = [line for line in lines if re.match(r"[-+•–]\s", line.text)]
    if bullets:
        out = []
        for i, line in enumerate(bullets):
            stop = bullets[i + 1].start - 1 if i + 1 < len(bullets) else end
            out.append((line.start, stop, True))
        return out
    return [(line.start, line.end, False) for line in lines]


def _closing_start(doc: Doc, start: int, end: int) -> int:
    """Where the closing paragraph of a section begins ("Ủy ban ... yêu cầu ...", "Kết thúc Tuần lễ ...")."""
    previous = ""
    for line in doc.lines:
        if not start <= line.start < end:
            continue
        is_heading = line.start in doc.numbered_heading_starts
        closes = re.match(r"(?:tren day|ket thuc tuan le|bao cac|noi nhan)", line.folded) or re.search(
            r"\b(?:yeu cau|de nghi)\b", line.folded[:120]) and previous.endswith((".", "./."))
        if closes and not is_heading and not line.text.startswith(("-", "+")):
            return line.start - 1
        previous = line.text.rstrip()
    return end


# Budget, tasks, reporting ------------------------------------------------------------------------------------


def budget(doc: Doc) -> tuple[Found, Found]:
    heading = doc.find_heading(r"^kinh phi")
    if heading is None:
        return Found(), Found()
    start, end = doc.section(heading)
    end = min(end, _closing_start(doc, start, end))
    text = paragraph_text(doc.text[start:end])
    if not text:
        return Found(), Found()
    state, _, social = text.partition(";")
    if social and re.search(r"tai tro|dong gop|xa hoi hoa|huy dong", fold_same_length(social)):
        return Found(state.strip(), PATTERN, (start, end)), Found(social.strip(), PATTERN, (start, end))
    return Found(text, LABELLED, (start, end)), Found()


def assignments(doc: Doc) -> ListFound:
    heading = doc.find_heading(r"to chuc thuc hien|phan cong|trach nhiem")
    if heading is None:
        return _tasks_in_running_text(doc)
    start, end = doc.section(heading)
    end = min(end, _closing_start(doc, start, end))
    subs = [h for h in doc.headings if start <= h.line.start < end and h.level > heading.level and h.numbered]
    items: list[Item] = []
    if not subs:
        text = paragraph_text(doc.text[start:end])
        if text:
            # "Căn cứ chức năng, nhiệm vụ được giao, các cơ quan, đơn vị trực thuộc phối hợp ..." names them.
            named = re.match(r"Căn cứ chức năng,? nhiệm vụ(?: được giao)?,\s*(?P<unit>các [^.;:]{3,80}?)"
                             + _TASK_VERB.pattern, text)
            unit = named.group("unit")[:1].upper() + named.group("unit")[1:] if named else ""
            note = gettext_noop("Who does these tasks is read from the first one.") if unit else (
                gettext_noop("The document does not name who does these tasks."))
            items.append(Item({"unit": unit, "role": "lead", "task": text}, WEAK, (start, end), note))
        return ListFound(items, (heading.line.start, end))
    level = min(h.level for h in subs)
    subs = [h for h in subs if h.level == level]
    for i, sub in enumerate(subs):
        stop = subs[i + 1].line.start - 1 if i + 1 < len(subs) else end
        label = doc.text[sub.label_end:sub.line.end].strip()
        body = doc.text[sub.line.end + 1:stop] if sub.line.end + 1 < stop else ""
        unit, task, confidence = _unit_and_task(label, body)
        role = "lead" if not items or "chủ trì" in task.lower() else "support"
        items.append(Item({"unit": unit, "role": role, "task": task}, confidence, (sub.line.start, stop)))
    return ListFound(items, (heading.line.start, end))


def _tasks_in_running_text(doc: Doc) -> ListFound:
    """A text without numbered sections (a news page): "UBND Thành phố giao Sở GDĐT chỉ đạo ..." paragraphs."""
    if any(h.numbered for h in doc.headings):
        return ListFound()
    items = []
    for line in doc.lines:
        text = line.text.strip()
        lead = re.match(rf"(?:(?:UBND|Ủy ban nhân dân) [^.,;]{{2,40}}? giao\s+)?(?={_BODY_START}\b)", text)
        if lead is None or len(text) < 40:
            continue
        verb = _TASK_VERB.search(text, lead.end())
        if verb is None or verb.start() - lead.end() > 80 or re.search(r"[.;:]", text[lead.end():verb.start()]):
            continue
        unit = text[lead.end():verb.start()].strip()
        items.append(Item({"unit": unit, "role": "lead" if not items else "support",
                           "task": squash(text[verb.start():])}, WEAK, line.span,
                          gettext_noop("Read from running text: the document has no section on who does what.")))
    return ListFound(items, (items[0].span[0], items[-1].span[1]) if items else None)


def _unit_and_task(label: str, body: str) -> tuple[str, str, float]:
    label = re.sub(r"^(?:Đề nghị|Giao)\s+", "", label.strip())
    if ":" in label:
        unit, _, rest = label.partition(":")
        return squash(unit), paragraph_text(rest + "\n" + body), LABELLED
    if not body.strip() or re.match(r"\s*[-+]", body) is None and _TASK_VERB.search(" " + label):
        verb = _TASK_VERB.search(" " + label)
        if verb and re.match(_BODY_START, label):
            cut = verb.start()  # " " was added in front, so the verb starts one character later
            return squash(label[:cut]), paragraph_text(label[cut:] + "\n" + body), PATTERN
    if len(label) <= 150 and not label.endswith("."):
        return squash(label), paragraph_text(body), LABELLED
    return "", paragraph_text(label + "\n" + body), WEAK


def report(doc: Doc, year: int | None) -> tuple[Found, Found]:
    candidates = []
    for mention in find_dates(doc.text, year):
        if mention.is_range:
            continue
        before = doc.folded[max(0, mention.span[0] - 40):mention.span[0]]
        if not re.search(r"(?:truoc|cham nhat(?: la)?|han chot|khong muon hon|den het)\s*"
                         r"(?:\d{1,2}\s*(?:h|gio)\s*\d{0,2}\s*(?:phut)?\s*,?\s*)?(?:ngay)?\s*$", before):
            continue
        sentence = doc.sentence_around(mention.span[0])
        if re.search(r"bao\s+cao", doc.folded[sentence[0]:sentence[1]]):
            candidates.append((mention, sentence))
    if not candidates:
        return Found(), Found()
    mention, sentence = candidates[-1]
    confidence = PATTERN if len({m.start for m, _ in candidates}) == 1 else WEAK
    note = "" if confidence == PATTERN else gettext_noop(
        "The document gives more than one report deadline; the last is taken.")
    due = Found(mention.start, confidence, sentence, note)
    return due, _receiver(doc, sentence)


def _receiver(doc: Doc, sentence: tuple[int, int]) -> Found:
    folded = doc.folded[sentence[0]:sentence[1]].replace("\n", " ")
    text = doc.text[sentence[0]:sentence[1]].replace("\n", " ")
    for match in re.finditer(r"(?:gui\s+(?:bao cao\s+)?ve|nop\s+ve|\bve|gui(?!\s+kem))\s+", folded):
        begin = match.end()
        if not text[begin:begin + 1].isupper():
            continue
        stop = re.search(r"\s+(?:de|truoc|trong|theo|cham nhat|qua email|bang van ban)\b|[,;]|\.(?:\s|$)|$",
                         folded[begin:])
        value = squash(text[begin:begin + stop.start()])
        if value:
            return Found(value, PATTERN, (sentence[0] + begin, sentence[0] + begin + stop.start()))
    return Found()
