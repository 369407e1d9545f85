"""The top and bottom of an official document: kind, bodies, number, place and date, subject, addressees,
distribution list and signature block (ND30 layout, as real files lay it out: in table cells, with tabs
or with runs of spaces, often with parts missing when a text was copied from a web page).
"""

import re

from django.utils.translation import gettext_noop

from lifelong.plans.reading.dates import find_dates, fold_same_length
from lifelong.plans.reading.doc import Doc, Line, squash
from lifelong.plans.reading.result import LABELLED, PATTERN, WEAK, Found, Item, ListFound, flagged

KIND_TITLES = {
    "kehoach": "Kế hoạch", "congvan": "Công văn", "baocao": "Báo cáo", "huongdan": "Hướng dẫn",
    "quyetdinh": "Quyết định", "thongbao": "Thông báo", "totrinh": "Tờ trình", "chithi": "Chỉ thị",
    "chuongtrinh": "Chương trình", "congdien": "Công điện", "nghiquyet": "Nghị quyết",
}
# The kind code that starts the symbol of every document but a letter (ND30): 262/KH-UBND is a plan,
# 3589/BGDĐT-GDTX (no kind code) is a Công văn.
SYMBOL_KINDS = {"KH": "Kế hoạch", "BC": "Báo cáo", "HD": "Hướng dẫn", "QĐ": "Quyết định", "TB": "Thông báo",
                "TTR": "Tờ trình", "CT": "Chỉ thị", "CTR": "Chương trình", "CĐ": "Công điện", "NQ": "Nghị quyết"}
# The words a body's name starts with (folded): "UBND", "Sở", "Trường", "Hội" … A newspaper's name ("QĐND",
# "Báo Nhân Dân") or a ceremony's title ("LỄ KHAI MẠC …") starts with none of them.
UNIT_WORDS = ("uy ban nhan dan", "uy ban", "ubnd", "so", "phong", "truong", "bo", "hoi", "trung tam", "ban", "doan",
              "lien doan", "cuc", "vu", "van phong", "tinh doan", "thanh doan", "huyen doan", "dang uy", "dang bo",
              "hdnd", "hoi dong", "thu vien", "vien", "hoc vien", "dai hoc", "benh vien", "cong an", "chi cuc",
              "trung uong", "mat tran", "thuong truc", "tong cuc", "tong lien doan", "chi bo", "chi doan", "ttgdnn",
              "ttgdtx", "ttgdnn-gdtx", "cong ty", "nha van hoa", "ban chap hanh", "bch")
# In a header, an administrative level opens the second line of a body ("ỦY BAN NHÂN DÂN / PHƯỜNG TÂY MỖ") or is
# the body itself ("PHƯỜNG TÂY MỖ").
PLACE_WORDS = ("tinh", "thanh pho", "tp", "huyen", "quan", "thi xa", "thi tran", "xa", "phuong", "dac khu")


def words_pattern(words) -> str:
    return r"(?:" + "|".join(sorted((w.replace(" ", r"\s+") for w in words), key=len, reverse=True)) + r")\b"


_HEADER_BODY = re.compile(words_pattern(UNIT_WORDS + PLACE_WORDS))
_MOTTO = re.compile(r"cong hoa xa hoi chu nghia|doc lap\s*[-–—]\s*tu do|^dang cong san viet nam$|^[-_=*.… ]+$")
_NUMBER = re.compile(r"(?:^|\t)so\s*(?:[:.]\s*|(?=\d))(?P<rest>[^\t]*)")
_PLACE_DATE = re.compile(r"(?:^|\t)(?P<place>[^\t,;:\d]{2,40}?)\s*,\s*ngay\b(?P<rest>[^\n]*)")
_LONG_DATE = re.compile(r"ngay\b\s*(?P<d>\d{1,2})?[\s.…_]*thang\s*(?P<m>\d{1,2})?[\s.…_]*nam\s*(?P<y>\d{4})?")
_GENERIC_BODIES = {"uy ban nhan dan", "ubnd", "hoi dong nhan dan", "hdnd", "hoi dong", "ban chap hanh"}
_CONNECTOR_END = re.compile(r"(?:\bva|&|-|,)$")
_HEADER_END = re.compile(r"\s*(?:kinh gui|can cu|thuc hien|xet de nghi)\b")
_SIGN_MODE = re.compile(r"^(tm|kt|tl|tuq|q)\s*\.\s*", re.I)
_SIGNED_MARK = re.compile(r"^\(?\s*(?:da\s+ky|ky|ky ten|ky,.*|da ky va dong dau)\s*\)?\.?$")
_SYMBOL = re.compile(r"^[A-ZĐa-zđ0-9&]+(?:[-/][A-ZĐa-zđ0-9&]+)*$")


_MOTTO_PHRASE = re.compile(r"cong hoa xa hoi chu nghia viet nam|doc lap\s*[-–—]\s*tu do\s*[-–—]\s*hanh phuc"
                           r"|dang cong san viet nam")


def split_columns(text: str) -> str:
    """A header whose columns a PDF gave on one line ("UBND TỈNH X CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SỞ GIÁO
    DỤC VÀ Độc lập - Tự do - Hạnh phúc", "Số: 12/KH-SGDĐT Quảng Trị, ngày …"), with a tab between the columns.

    Only the space between two columns becomes a tab, so the text keeps its length and every span stays valid.
    Only the lines of the header are looked at, and only those without a tab (a .docx or a laid-out text has
    its columns already).
    """
    chars = list(text)
    head = text.split("\n", 10)[:10]
    folded = fold_same_length("\n".join(head))  # the header only: folding is the slow part on long texts
    pos = 0
    for raw in head:
        start, pos = pos, pos + len(raw) + 1
        line = folded[start:start + len(raw)]
        if len(raw) > 120 or _HEADER_END.match(line) or _kind_of_title(line):
            break
        if "\t" in raw:
            continue
        cuts = []
        for match in _MOTTO_PHRASE.finditer(line):
            cuts += [match.start() - 1, match.end()]
        for match in re.finditer(r" (?=so\s*(?:[:.]|\d))", line):
            before = raw[:match.start()]
            # "Số:" after another column: an upper-case body ("ĐÀO TẠO Số: …") or the place and date.
            after_date = re.search(r",\s*ngay\b", line[:match.start()])
            if raw[match.end():match.end() + 1] == "S" and (_is_upper(before) or after_date):
                cuts.append(match.start())
        date = re.search(r",\s*ngay\b", line)
        if date:
            words = list(re.finditer(r"\S+", raw[:date.start()]))
            place = None
            for word in reversed(words[-5:]):
                value = word.group()
                upper_word = value.isupper() and len(value) > 1
                if not (value[:1].isupper() and not upper_word or value in ("phố", "xã")) or value[:1].isdigit():
                    break
                place = word.start()
            previous = raw[:place].split()[-1] if place else ""
            # After a body, "Số: …/…", or the wrapped subject of a letter ("V/v … năm 2024 Hà Tĩnh, ngày …")
            # when a whole date follows: the place and date are a column of their own.
            full_date = _LONG_DATE.match(line[date.end() - 4:].replace("\t", " "))
            subject_line = line.startswith(("v/v", "ve viec")) or re.fullmatch(r"(?:19|20)\d\d", previous)
            if previous and (previous.isupper() and len(previous) > 1 or "/" in previous or subject_line and (
                    full_date and all(full_date.group(g) for g in "dmy"))):
                cuts.append(place - 1)
        for cut in cuts:
            if 0 < cut < len(raw) and raw[cut] == " ":
                chars[start + cut] = "\t"
    return "".join(chars)


def _cells(line: Line) -> list[tuple[int, str, str]]:
    """(offset, text, folded) of each column of a line."""
    out, pos = [], line.start
    for text, folded in zip(line.text.split("\t"), line.folded.split("\t"), strict=True):
        if text.strip():
            lead = len(text) - len(text.lstrip())
            out.append((pos + lead, text.strip(), folded.strip()))
        pos += len(text) + 1
    return out


# Upper-case lines of a web page that are not a body: an event's or a column's title, a newspaper's name.
_NOT_A_BODY = re.compile(r"(?:le|tuan le|hoi nghi|hoi thi|cuoc thi|chuong trinh|ngay hoi|dien dan|toa dam|tin|ban tin|"
                         r"bao|tap chi|trang|cong thong tin|chuyen muc|giao duc|xa hoi|thoi su)\b")


def _names_a_body(folded: str) -> bool:
    """In a document's header, an upper-case line that starts with no known body word is still a body ("CÔNG ĐOÀN
    NGÀNH GIÁO DỤC"), unless it is a newspaper's name ("QĐND"), an event's title ("LỄ KHAI MẠC TUẦN LỄ …") or a
    byline ("NGUYỄN HẠNH"). On a page without a document's header, only known body words count."""
    return (len(folded.split()) >= 2 and not _NOT_A_BODY.match(folded) and "tuan le" not in folded
            and not re.search(r"\d", folded) and folded.split()[0] not in _FOLDED_SURNAMES)


def _is_prose(line: Line) -> bool:
    """A sentence of running text (a page's lede), which no header line is: ten words or more, most in lower case."""
    words = line.text.split()
    return (len(words) >= 10 and "\t" not in line.text and not line.folded.startswith(("v/v", "ve viec"))
            and sum(w[:1].islower() for w in words) > len(words) / 2 and line.text.rstrip()[-1:] in ".,;:")


def _kind_of_title(folded: str) -> str | None:
    return KIND_TITLES.get(re.sub(r"[\s\t]", "", folded))


class Header:
    """Reads the header block (lines before the first "Căn cứ", "Kính gửi" or the kind's title)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.title_index: int | None = None
        limit = min(len(doc.lines), 25)
        end = limit
        for i, line in enumerate(doc.lines[:limit]):
            if _kind_of_title(line.folded) and line.text.strip()[:1].isupper():
                self.title_index, end = i, i
                break
            # The header ends at "Căn cứ", "Kính gửi", a first numbered section or running prose.
            if _HEADER_END.match(line.folded) or line.start in doc.numbered_heading_starts or (
                    len(line.text) > 120 and "\t" not in line.text) or _is_prose(line):
                end = i
                break
        self.lines = doc.lines[:end]

    @property
    def is_document(self) -> bool:
        """The text opens with a document's own header (a title, a number line or a place and date line), not
        with a web page's masthead."""
        return self.title_index is not None or any(
            _NUMBER.search(line.folded) or _PLACE_DATE.search(line.folded) for line in self.lines)

    def kind(self, symbol: Found) -> Found:
        if self.title_index is not None:
            line = self.doc.lines[self.title_index]
            return Found(_kind_of_title(line.folded), LABELLED, line.span)
        if symbol.value:
            code = re.split(r"[-/]", symbol.value)[0].upper()
            kind = SYMBOL_KINDS.get(code, "Công văn")
            return Found(kind, PATTERN, symbol.span)
        for line in self.doc.lines[:30]:
            match = re.search(r"(?:^|\t)(kinh gui|v/v\b)", line.folded)
            if match:
                return Found("Công văn", PATTERN, (line.start + match.start(1), line.end))
        return flagged(gettext_noop("The kind of document is not stated (no title such as KẾ HOẠCH, no symbol)."))

    def bodies(self) -> tuple[Found, Found]:
        """(parent body, issuing body) from the upper-case lines of the left column."""
        lines: list[tuple[int, str, str]] = []
        for line in self.lines:
            for offset, text, folded in _cells(line):
                if _NUMBER.match(folded) or _PLACE_DATE.match(folded):
                    break  # the rest of that line is the number's symbol or the date
                if _MOTTO.search(folded):
                    continue
                if folded.startswith(("v/v", "ve viec")):
                    break
                letters = [c for c in text if c.isalpha()]
                visible = len(text.replace(" ", ""))
                if len(letters) >= 3 and len(letters) >= 0.7 * visible and sum(
                        c.isupper() for c in letters) >= 0.8 * len(letters):
                    lines.append((offset, text, folded))
                break  # only the first (left) column holds the bodies
        groups: list[list[tuple[int, str, str]]] = []
        wrapped: set[int] = set()  # offsets of the words a PDF's column carried to the next line
        for entry in lines:
            if groups and (groups[-1][-1][2] in _GENERIC_BODIES or _CONNECTOR_END.search(groups[-1][-1][2])):
                groups[-1].append(entry)
            elif _HEADER_BODY.match(entry[2]) or self.is_document and _names_a_body(entry[2]):
                groups.append([entry])
            elif self.is_document and groups and self._next_line(groups[-1][-1][0], entry[0]) and \
                    len(entry[2].split()) <= 2:
                # "BỘ GIÁO DỤC VÀ ĐÀO" then "TẠO": a narrow column of a PDF wrapped the name; the word belongs to it.
                groups[-1].append(entry)
                wrapped.add(entry[0])
            # else: an upper-case line that names no body ("QĐND", "LỄ KHAI MẠC …"): a page's, not the document's
        if not groups:
            return Found(), self._issuer_from_text()

        def found(group, confidence):
            span = (group[0][0], group[-1][0] + len(group[-1][1]))
            value = ""
            for offset, text, _folded in group:
                value += (" " if offset in wrapped else "\n" if value else "") + squash(text)
            if any(offset in wrapped for offset, _t, _f in group):
                return Found(value, WEAK, span, gettext_noop("Rejoined from a column that the PDF split over lines."))
            return Found(value, confidence, span)

        issuing = found(groups[-1], LABELLED if len(groups) <= 2 else WEAK)
        parent = found(groups[-2], LABELLED if len(groups) == 2 else WEAK) if len(groups) >= 2 else Found()
        return parent, issuing

    def _next_line(self, previous_offset: int, offset: int) -> bool:
        """Whether `offset` is on the line right after the one of `previous_offset`."""
        between = self.doc.text[previous_offset:offset]
        return between.count("\n") == 1

    def _issuer_from_text(self) -> Found:
        """No header: "Sở Y tế xây dựng kế hoạch ..." names the issuer in the opening paragraph."""
        first_section = next((h.line.start for h in self.doc.headings if h.numbered), 3000)
        head = self.doc.text[:min(first_section, 3000)]
        # "Sở Y tế xây dựng kế hoạch ... (sau đây gọi là Tuần lễ) như sau:" opens the plan's own text.
        match = re.search(r"(?:^|\n|\.\s)((?:Ủy ban nhân dân|UBND|Sở|Phòng|Trường|Bộ|Hội|Trung tâm|Ban|Đoàn|Liên đoàn)"
                          r"[^.;:,\n“\"]{1,80}?)\s+(?:xây dựng|ban hành)\s+(?:kế hoạch|Kế hoạch)"
                          r"[^.;]{0,200}?(?:như sau|sau đây gọi|với (?:các )?nội dung)", head)
        if match is None:
            return Found()
        return Found(squash(match.group(1)), WEAK, match.span(1),
                     gettext_noop("Read from the text: the header is missing."))

    def number(self) -> tuple[Found, Found]:
        """(number, symbol): "Số: 41 /KH-TTr" → ("41", "KH-TTr"); "Số:     /KH-UBND" → ("", "KH-UBND")."""
        for line in self.lines:
            match = _NUMBER.search(line.folded)
            if match is None:
                continue
            start = line.start + match.start("rest")
            rest = line.text[match.start("rest"):match.end("rest")]
            span = (line.start + match.start(), start + len(rest))
            # "41 /KH-TTr", "/KH-UBND", and the Party's and associations' "64-KH/HKH", "512-HKH/BTV"
            parts = re.match(r"\s*(?P<num>\d{1,6}[A-Za-z]?)?[\s.…_]*(?:(?:/|(?<=\d)-)\s*(?P<sym>.*))?$", rest)
            if parts is None or parts.group("sym") is None:
                return flagged(gettext_noop("The number line could not be read."), span), flagged("", span)
            symbol = re.sub(r"\s*([-/])\s*", r"\1", parts.group("sym").strip()).split(" ")[0].rstrip(".,;")
            if not _SYMBOL.match(symbol):
                return flagged(gettext_noop("The number line could not be read."), span), flagged("", span)
            number = parts.group("num") or ""
            note = "" if number else gettext_noop("The number is left blank in the document.")
            return Found(number, LABELLED, span, note), Found(symbol, LABELLED, span)
        return Found(), Found()

    def place_and_date(self) -> tuple[Found, Found]:
        for line in self.lines:
            match = _PLACE_DATE.search(line.folded)
            if match is None:
                continue
            place = line.text[match.start("place"):match.end("place")].strip()
            if not place[:1].isupper():
                continue
            span = (line.start + match.start("place"), line.end)
            place_found = Found(place, LABELLED, (line.start + match.start("place"), line.start + match.end("place")))
            rest_at = match.start("rest") - 4  # from "ngày"
            long = _LONG_DATE.match(line.folded[rest_at:].replace("\t", " "))
            if long and long.group("m") and long.group("d") and long.group("y"):
                mentions = find_dates(line.text[rest_at:])
                if mentions and not mentions[0].is_range:
                    return place_found, Found(mentions[0].start, LABELLED, span)
            mentions = find_dates(line.text[rest_at:])
            if mentions and not mentions[0].is_range and mentions[0].year_given:
                return place_found, Found(mentions[0].start, LABELLED, span)
            return place_found, flagged(gettext_noop("The date is left blank or incomplete in the document."), span)
        return Found(), Found()

    def subject(self) -> Found:
        lines = self.doc.lines
        if self.title_index is not None:
            taken: list[Line] = []
            for line in lines[self.title_index + 1:self.title_index + 5]:
                if not line.text.strip():
                    if taken:
                        break
                    continue
                if _HEADER_END.match(line.folded) or re.match(r"^[-_=*.… ]+$", line.text) or any(
                        h.line is line for h in self.doc.headings):
                    break
                taken.append(line)
            if taken:
                return Found(squash(" ".join(line.text for line in taken)), LABELLED, (taken[0].start, taken[-1].end))
        for index, line in enumerate(lines[:30]):
            for offset, text, folded in _cells(line):
                if folded.startswith(("v/v", "ve viec:")):
                    value = re.sub(r"^(?:V/v|v/v|V/V|Về việc:?)\s*", "", text)
                    end = offset + len(text)
                    for more in lines[index + 1:index + 3]:  # a subject wraps under itself
                        cells = _cells(more)
                        if not cells or not cells[0][1][:1].islower():
                            break
                        value += " " + cells[0][1]
                        end = cells[0][0] + len(cells[0][1])
                    return Found(squash(value), LABELLED, (offset, end))
        return Found()

    def addressees(self) -> ListFound:
        for index, line in enumerate(self.doc.lines[:40]):
            match = re.search(r"kinh gui\s*:?\s*", line.folded)
            if match is None:
                continue
            items = []
            first = line.text[match.end():].strip()
            if first and first not in "-":
                items.append(Item({"name": _clean_item(first)}, LABELLED, (line.start + match.end(), line.end)))
            for more in self.doc.lines[index + 1:index + 40]:
                text = more.text.strip()
                if not text.startswith(("-", "+", "•")):
                    break
                items.append(Item({"name": _clean_item(text)}, LABELLED, more.span))
            return ListFound(items, line.span)
        return ListFound()


def _clean_item(text: str) -> str:
    return squash(re.sub(r"^[-+•*–]\s*", "", text)).rstrip(";,.").strip()


class Closing:
    """The distribution list (Nơi nhận) and the signature block, side by side or one under the other."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.recipients = ListFound()
        self.signature_lines: list[tuple[int, str]] = []
        start = None
        for index in range(len(doc.lines) - 1, max(-1, len(doc.lines) - 80), -1):
            if re.search(r"(?:^|\t)noi nhan\s*:?", doc.lines[index].folded):
                start = index
                break
        if start is None:
            self._signature_from_tail()
            return
        first = doc.lines[start]
        for offset, text, _folded in _cells(first)[1:]:
            self.signature_lines.append((offset, text))
        items: list[Item] = []
        listing = True
        for line in doc.lines[start + 1:]:
            cells = _cells(line)
            if not cells:
                continue
            offset, text, _ = cells[0]
            rest = cells[1:]
            if listing and text.startswith(("-", "+", "•", "–")):
                items.append(Item({"name": _clean_item(text)}, LABELLED, (offset, offset + len(text))))
            elif listing and items and text[:1].islower():
                item = items[-1]
                item.values["name"] = _clean_item(item.values["name"] + " " + text)
                item.span = (item.span[0], offset + len(text))
            else:
                listing = False
                rest = cells
            self.signature_lines.extend((o, t) for o, t, _ in rest)
        self.recipients = ListFound(items, (first.start, items[-1].span[1]) if items else first.span)

    def _signature_from_tail(self) -> None:
        tail = [line for line in self.doc.lines[-8:] if line.text.strip()]
        for i, line in enumerate(tail):
            if _SIGN_MODE.match(line.text.strip()):
                self.signature_lines = [(o, t) for ln in tail[i:] for o, t, _ in _cells(ln)]
                return

    def signature(self) -> dict[str, Found]:
        empty = {"signature_mode": Found(), "signature_authority": Found(), "signature_title": Found(),
                 "signer_name": Found()}
        lines = [(o, t) for o, t in self.signature_lines if not _SIGNED_MARK.match(self.doc.folded[o:o + len(t)])]
        if not lines:
            return empty
        result = dict(empty)
        index = 0
        modes = []
        while index < len(lines) and _SIGN_MODE.match(lines[index][1]):
            modes.append(lines[index])
            index += 1
        if modes:
            offset, text = modes[0]
            match = _SIGN_MODE.match(text)
            note = "Further lines: " + "; ".join(t for _, t in modes[1:]) if len(modes) > 1 else ""
            result["signature_mode"] = Found(match.group(1).upper() + ".", LABELLED,
                                             (offset, offset + match.end()), note)
            result["signature_authority"] = Found(squash(text[match.end():]), LABELLED,
                                                  (offset + match.end(), offset + len(text)))
        titles = []
        while index < len(lines) and _is_upper(lines[index][1]) and not _looks_like_name(lines[index][1]):
            titles.append(lines[index])
            index += 1
        if titles:
            offset, text = titles[-1]
            result["signature_title"] = Found(squash(text), LABELLED, (offset, offset + len(text)))
        elif len(modes) >= 1:
            offset, text = modes[-1]
            result["signature_title"] = Found(squash(_SIGN_MODE.sub("", text)), WEAK, (offset, offset + len(text)),
                                              gettext_noop("The block has no separate title line."))
        for offset, text in lines[index:index + 3]:
            words = text.split()
            if 2 <= len(words) <= 6 and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words) and (
                    not _is_upper(text) or _looks_like_name(text)):
                result["signer_name"] = Found(squash(text), LABELLED if titles or modes else WEAK,
                                              (offset, offset + len(text)))
                break
        return result


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


# The most common family names, with their tone marks ("Trương" is a name, "TRƯỞNG PHÒNG" a title): an
# upper-case line that starts with one is the signer, not a title.
_SURNAMES = {"nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô",
             "dương", "lý", "đinh", "trương", "lâm", "mai", "trịnh", "đoàn", "lương", "cao", "hà", "tạ", "quách",
             "thái", "tô", "chu", "kiều", "la", "tống", "lưu", "khuất", "nông", "đàm", "triệu", "văn", "lò"}


_FOLDED_SURNAMES = {fold_same_length(name) for name in _SURNAMES} - {"ha", "la", "cao", "mai", "thai"}


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 6 and words[0].lower() in _SURNAMES and all(w.isalpha() for w in words)
