"""Reading a question: when, how (online or in person), for whom, and about what — by rules, on folded text.

The question is folded first (lifelong.core.text.search_key: no case, no tone marks, đ → d), so "tuần này",
"tuan nay" and "TUẦN NÀY" are read alike. Each reader takes the words it understands out of the question and says
what it took (`Parsed.spans`), so that what is left is the free words a search ranks on, and the page can show
each filter as a chip to remove. Places are read elsewhere (places.py): they need the unit tree.

Time (`read_time`), relative to `today`:
- hôm nay, ngày mai, ngày kia, tuần này, tuần sau/tới, cuối tuần (này), tháng này, tháng sau/tới;
- tháng 10 (the next October, or this one if it is under way);
- a day: 5/10, 05/10/2025, ngày 5 tháng 10 (năm 2025); a span: từ 1/10 đến 7/10, 1-7/10, từ ngày 1 đến 7/10;
- tháng 10/2025; a year alone: năm 2025, 2025.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta

from lifelong.core.text import search_key

MAX_QUESTION_CHARACTERS = 300


@dataclass
class Parsed:
    text: str  # the folded question
    start: date | None = None
    end: date | None = None
    mode: str = ""  # "online", "in_person" or ""
    audiences: list[str] = field(default_factory=list)  # activity target groups
    categories: list[str] = field(default_factory=list)  # activity category codes
    spans: dict[str, str] = field(default_factory=dict)  # filter -> the words it was read from
    rest: str = ""  # the words no reader took


# "AI" written in capitals is the topic, not the word "ai" (who); so is "A.I.".
_AI = re.compile(r"\bA\.?I\b\.?")


def _fold_table() -> dict[int, str]:
    table = {ord("đ"): "d", ord("Đ"): "d"}
    for code in range(0xC0, 0x1EFA):
        letter = chr(code)
        base = unicodedata.normalize("NFD", letter)[0]
        if base != letter and base.isascii() and base.isalpha():
            table[code] = base.lower()
    return table


_FOLD = _fold_table()


def quick_fold(text: str) -> str:
    """search_key's folding by one table lookup per letter (lower case, no tone or vowel marks, đ → d): for the
    many texts a question ranks, where search_key's decomposing costs too much. Spaces are left as they are."""
    return text.lower().translate(_FOLD)


def fold(question: str) -> str:
    """The question folded, punctuation but / and - turned into spaces, at most MAX_QUESTION_CHARACTERS."""
    text = _AI.sub(" trí tuệ nhân tạo ", (question or "")[:MAX_QUESTION_CHARACTERS])
    text = search_key(text)
    text = re.sub(r"[^\w/\-]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int, today: date, year: int | None) -> int:
    """A day written without its year: this year's, or next year's when this year's has passed by months."""
    if year is not None:
        return year if year >= 100 else 2000 + year
    candidate = _safe_date(today.year, month, day)
    if candidate is not None and candidate < today - timedelta(days=60):
        return today.year + 1
    return today.year


_DAY = r"(\d{1,2})"
_MONTH = r"(\d{1,2})"
_YEAR = r"(?:/(\d{4}|\d{2}))?"
# "từ 1/10 đến 7/10", "1/10 - 7/10/2025", "từ ngày 1 đến 7/10", "1-7/10"
_SPAN_FULL = re.compile(rf"(?:tu )?(?:ngay )?{_DAY}/{_MONTH}{_YEAR} ?(?:den|toi|-) ?(?:ngay )?{_DAY}/{_MONTH}{_YEAR}")
_SPAN_SHORT = re.compile(rf"(?:tu )?(?:ngay )?{_DAY} ?(?:den|toi|-) ?(?:ngay )?{_DAY}/{_MONTH}{_YEAR}")
_DAY_WORDS = re.compile(rf"ngay {_DAY} thang {_MONTH}(?: nam (\d{{4}}))?")
_DAY_SLASH = re.compile(rf"(?:ngay )?{_DAY}/{_MONTH}{_YEAR}")
_MONTH_WORDS = re.compile(r"thang (\d{1,2})(?: nam (\d{4})|/(\d{4}))?")
_YEAR_ALONE = re.compile(r"\b(?:nam )?(20\d\d)\b")
_RELATIVE = [  # (folded words, what they mean)
    ("cuoi tuan nay", "weekend"), ("cuoi tuan", "weekend"), ("tuan nay", "this_week"), ("tuan sau", "next_week"),
    ("tuan toi", "next_week"), ("thang nay", "this_month"), ("thang sau", "next_month"), ("thang toi", "next_month"),
    ("hom nay", "today"), ("toi nay", "today"), ("ngay mai", "tomorrow"), ("sang mai", "tomorrow"),
    ("chieu mai", "tomorrow"), ("toi mai", "tomorrow"), ("ngay kia", "day_after"), ("sap toi", "coming"),
    ("thoi gian toi", "coming"),
]
# "thứ 2" … "thứ 7", "thứ hai" … "thứ bảy", "chủ nhật": the coming such day (today when it is that day).
_WEEKDAYS = [("thu 2", 0), ("thu hai", 0), ("thu 3", 1), ("thu ba", 1), ("thu 4", 2), ("thu tu", 2), ("thu 5", 3),
             ("thu nam", 3), ("thu 6", 4), ("thu sau", 4), ("thu 7", 5), ("thu bay", 5), ("chu nhat", 6)]
COMING_DAYS = 30


RELATIVE_WORDS = [words for words, _meaning in _RELATIVE] + [words for words, _day in _WEEKDAYS]


def _month_span(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def _relative(meaning: str, today: date) -> tuple[date, date]:
    monday = today - timedelta(days=today.weekday())
    if meaning == "today":
        return today, today
    if meaning == "tomorrow":
        return today + timedelta(days=1), today + timedelta(days=1)
    if meaning == "day_after":
        return today + timedelta(days=2), today + timedelta(days=2)
    if meaning == "this_week":
        return today, monday + timedelta(days=6)
    if meaning == "next_week":
        return monday + timedelta(days=7), monday + timedelta(days=13)
    if meaning == "weekend":
        saturday = monday + timedelta(days=5)
        return max(today, saturday), monday + timedelta(days=6)
    if meaning == "this_month":
        return today, _month_span(today.year, today.month)[1]
    if meaning == "coming":
        return today, today + timedelta(days=COMING_DAYS)
    month = today.month % 12 + 1  # next_month
    return _month_span(today.year + (today.month == 12), month)


def read_time(text: str, today: date) -> tuple[date | None, date | None, str]:
    """(first day, last day, the words read) of the time a folded question names; (None, None, "") if none."""
    for pattern in (_SPAN_FULL, _SPAN_SHORT):
        match = pattern.search(text)
        if not match:
            continue
        groups = match.groups()
        if pattern is _SPAN_FULL:
            d1, m1, y1, d2, m2, y2 = groups
        else:
            d1, d2, m2, y2 = groups
            m1, y1 = m2, y2
        year2 = _year_for(int(m2), int(d2), today, int(y2) if y2 else None)
        year1 = int(y1) if y1 else (year2 if int(m1) <= int(m2) else year2 - 1)
        year1 = year1 if year1 >= 100 else 2000 + year1
        start, end = _safe_date(year1, int(m1), int(d1)), _safe_date(year2, int(m2), int(d2))
        if start and end and start <= end:
            return start, end, match.group(0)
    match = _DAY_WORDS.search(text)
    if match:
        day, month, year = int(match.group(1)), int(match.group(2)), match.group(3)
        found = _safe_date(_year_for(month, day, today, int(year) if year else None), month, day)
        if found:
            return found, found, match.group(0)
    month_year = re.search(r"\bthang (\d{1,2})/(\d{4})\b", text)
    match = None if month_year else _DAY_SLASH.search(text)
    if match:
        day, month, year = int(match.group(1)), int(match.group(2)), match.group(3)
        found = _safe_date(_year_for(month, day, today, int(year) if year else None), month, day)
        if found:
            return found, found, match.group(0)
    for words, meaning in _RELATIVE:
        if re.search(rf"\b{words}\b", text):
            start, end = _relative(meaning, today)
            return start, end, words
    for words, weekday in _WEEKDAYS:
        if re.search(rf"\b{words}\b", text):
            day = today + timedelta(days=(weekday - today.weekday()) % 7)
            return day, day, words
    if re.search(r"^mai\b", text):  # "mai có lớp gì": tomorrow (elsewhere "mai" may be a name)
        return today + timedelta(days=1), today + timedelta(days=1), "mai"
    match = _MONTH_WORDS.search(text)
    if match and 1 <= int(match.group(1)) <= 12:
        month = int(match.group(1))
        given = match.group(2) or match.group(3)
        year = int(given) if given else (today.year if month >= today.month else today.year + 1)
        start, end = _month_span(year, month)
        return max(start, today) if not given and month == today.month else start, end, match.group(0)
    match = _YEAR_ALONE.search(text)  # "năm 2025", "2025": the whole year
    if match:
        year = int(match.group(1))
        return date(year, 1, 1), date(year, 12, 31), match.group(0)
    return None, None, ""


MODES = [("truc tuyen", "online"), ("online", "online"), ("tu xa", "online"), ("qua mang", "online"),
         ("zoom", "online"), ("truc tiep", "in_person"), ("tai cho", "in_person"), ("offline", "in_person")]
MODE_TOPICS = ["ban hang", "kinh doanh", "dich vu cong", "thanh toan", "mua ban", "mua sam", "giao dich", "lua dao",
               "hoc lieu", "nen tang hoc tap", "cong dong hoc tap"]
AUDIENCES = [  # (folded words, activity target group)
    ("nguoi cao tuoi", "residents"), ("nguoi gia", "residents"), ("nguoi lon tuoi", "residents"),
    ("hoc sinh", "learners"), ("sinh vien", "learners"), ("hoc vien", "learners"), ("thieu nhi", "learners"),
    ("tre em", "learners"), ("doi tuong yeu the", "disadvantaged"), ("yeu the", "disadvantaged"),
    ("nguoi khuyet tat", "disadvantaged"), ("vung sau vung xa", "disadvantaged"), ("dan toc thieu so", "disadvantaged"),
    ("can bo", "officials"), ("cong chuc", "officials"), ("vien chuc", "officials"), ("nguoi lao dong", "officials"),
    ("nguoi dan", "residents"), ("phu nu", "residents"),
]
CATEGORIES = [  # (folded words, activity category code); the more specific first
    ("ky nang so", "digital_skills"), ("chuyen doi so", "digital_skills"), ("dich vu cong", "digital_skills"),
    ("vneid", "digital_skills"), ("dien thoai thong minh", "digital_skills"), ("tin hoc", "digital_skills"),
    ("khai mac", "opening"), ("tuyen truyen", "awareness"), ("toa dam", "awareness"), ("dien dan", "awareness"),
    ("tram tu van", "awareness"), ("nen tang hoc tap", "online_learning"),
    ("hoc lieu", "online_learning"), ("mooc", "online_learning"), ("khoa hoc truc tuyen", "online_learning"),
    ("thu vien", "digital_library"), ("tu sach", "digital_library"), ("doc sach", "digital_library"),
    ("cuoc thi", "competition"), ("hoi thi", "competition"), ("thi tim hieu", "competition"),
    ("trai nghiem cong nghe", "competition"), ("huong nghiep", "career"), ("doanh nghiep", "career"),
    ("viec lam", "career"), ("thuc tap", "career"), ("nghe nghiep", "career"),
]


def _take(text: str, phrases: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """The meanings of the phrases found (each once, in order) and the phrases themselves."""
    meanings, found = [], []
    for words, meaning in phrases:
        if re.search(rf"\b{re.escape(words)}\b", text) and not any(words in other for other in found):
            found.append(words)
            if meaning not in meanings:
                meanings.append(meaning)
    return meanings, found


def parse(question: str, today: date) -> Parsed:
    text = fold(question)
    parsed = Parsed(text=text)
    rest = text
    parsed.start, parsed.end, words = read_time(text, today)
    if words:
        parsed.spans["time"] = words
        rest = rest.replace(words, " ")
    # "bán hàng online", "dịch vụ công trực tuyến": the words name a topic, not how the activity is held.
    modes, found = _take(re.sub(rf"\b(?:{'|'.join(MODE_TOPICS)}) (?:{'|'.join(w for w, _m in MODES)})\b", " ", text),
                         MODES)
    if len(modes) == 1:
        parsed.mode, parsed.spans["mode"] = modes[0], found[0]
        rest = rest.replace(found[0], " ")
    parsed.audiences, found = _take(text, AUDIENCES)
    if found:
        parsed.spans["audience"] = ", ".join(found)
    parsed.categories, found = _take(text, CATEGORIES)
    if found:
        parsed.spans["topic"] = ", ".join(found)
    parsed.rest = re.sub(r"\s+", " ", rest).strip()
    return parsed
