"""The assistant's words: what carries no topic, what counts little, what people write for what, and typos.

Everything here is folded (lifelong.core.text.search_key: no case, no tone marks, đ → d). To teach the assistant
a new word, add it here (see docs/assistant.md, "How to extend the vocabulary") with a question in the tests.
"""

import difflib
import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that carry no topic of their own in a question: question words, pronouns, politeness, fillers.
STOPWORDS = _words("""
a ah ai anh ban bao bay biet bo bv cac cai can cho chi chiu chu chua co con cu cua da dang dau day de den di
do dong duoc em gi gio gium giup ha hai hay he hem hoi hong khi khong khoang la lam lan luc ma minh mot muon
nao nay neu nguoi nha nhe nhi nho nhieu nhung nua o oi on roi sao se tai thay the thoi thu tim tk toi trong tu
ua va vao ve vay vi voi vs xem xin xa gom cung deu rat nen phai hoac nhu tren duoi giua lai ra len xuong ay kia
ok oke ak uk um nhen ib pm mn mng ad admin ae
""")
# Phrases that carry no topic either; taken out before the words are counted.
STOP_PHRASES = ["tham gia", "tim hieu", "o dau", "the nao", "nhu the nao", "bao gio", "khi nao", "luc nao",
                "co khong", "duoc khong", "hay khong", "cho minh hoi", "cho toi hoi", "cho em hoi", "xin hoi",
                "cam on", "hien nay", "dien ra", "to chuc", "sap toi", "gan toi", "gan day", "quanh day",
                "danh cho", "co the", "muon biet", "nam nay", "lam sao", "lam the nao", "danh sach",
                "dang mo", "con mo", "dang dien ra", "hien tai", "hien co", "tham du", "sinh hoat", "may cau",
                "may gio", "may ngay", "may nguoi", "bao nhieu", "xin thong tin", "thong tin ve", "bao gom",
                "tren nen tang", "nen tang nay", "tren trang", "tren web", "tren website", "tren he thong",
                "xin cho biet", "cho biet"]
# Words that say little about what is wanted (almost every activity is a "lớp học"): they count a third.
WEAK_WORDS = _words("""
hoc lop khoa buoi chuong trinh hoat dong su kien cach dung su gioi thieu huong dan tap huan ngay hoi moi mien
phi thi cong dong xa phuong tinh thanh pho cho ve tai lieu
""")
WEAK_WEIGHT = 0.3
# What people write in chat for the word meant.
COLLOQUIAL = {
    "ko": "khong", "k": "khong", "hok": "hoc", "hong": "khong", "kg": "khong", "kh": "khong", "dc": "duoc",
    "dk": "dang ky", "dky": "dang ky", "j": "gi", "ji": "gi", "z": "vay", "mk": "minh", "mik": "minh",
    "bn": "bao nhieu", "ntn": "nhu the nao", "t7": "thu 7", "cn": "chu nhat", "hnay": "hom nay",
    "hqua": "hom qua", "hd": "hoat dong", "tphcm": "ho chi minh", "saigon": "ho chi minh",
    "sai gon": "ho chi minh", "ng": "nguoi", "nguoi gia": "nguoi cao tuoi", "sv": "sinh vien", "hs": "hoc sinh",
    "cb": "can bo", "tp": "thanh pho", "hcm": "ho chi minh", "hn": "ha noi", "cntt": "cong nghe thong tin",
    "tt": "truc tuyen", "onl": "online", "off": "offline", "free": "mien phi", "bt": "biet", "bh": "bay gio",
    "bgio": "bay gio", "ms": "moi", "r": "roi", "thik": "thich", "cx": "cung", "trc": "truoc", "dt": "dien thoai",
    "dth": "dien thoai", "tg": "thoi gian",
}
# Words a question may use for a topic that the platform's texts say in other words (both ways are searched).
SYNONYMS = {
    "ai": ["tri tue nhan tao"], "tri tue nhan tao": ["ai"], "chatgpt": ["ai", "tri tue nhan tao"],
    "excel": ["bang tinh"], "bang tinh": ["excel"], "word": ["soan thao van ban"],
    "tieng anh": ["ngoai ngu"], "ngoai ngu": ["tieng anh"], "smartphone": ["dien thoai thong minh"],
    "dien thoai": ["dien thoai thong minh"], "facebook": ["mang xa hoi"], "zalo": ["mang xa hoi"],
    "mang xa hoi": ["facebook", "zalo"], "ebook": ["sach dien tu"],
    "sach dien tu": ["ebook"], "lap trinh": ["scratch", "python"], "may tinh": ["tin hoc"],
    "hoc nghe": ["nghe nghiep", "huong nghiep"],
    "online": ["truc tuyen"], "truc tuyen": ["online"], "bo me": ["phu huynh"], "cha me": ["phu huynh"],
    "phu huynh": ["cha me", "bo me"], "nguoi gia": ["nguoi cao tuoi"],
    "ong ba": ["nguoi cao tuoi"], "viec lam": ["huong nghiep"],
}
# Which kinds of answer a word asks for: a kind named here narrows the answer to it, except a learning model's
# name, which activities are also named after ("Diễn đàn xây dựng gia đình học tập"), and words of sessions
# (ACTIVITY_WORDS), which keep activities in.
KIND_WORDS = [  # (folded words, the kinds of answer they ask for)
    ("tai lieu", {"resource"}), ("sach", {"resource"}), ("ebook", {"resource"}), ("video", {"resource"}),
    ("bai giang", {"resource"}), ("hoc lieu", {"resource", "activity"}),
    ("khoa hoc truc tuyen", {"resource", "activity"}),
    ("mooc", {"resource", "activity"}), ("sach noi", {"resource"}), ("giao trinh", {"resource"}),
    ("cam nang", {"resource"}), ("so tay", {"resource"}),
    ("cuoc thi", {"contest", "activity"}), ("hoi thi", {"contest", "activity"}), ("du thi", {"contest", "activity"}),
    ("thi tim hieu", {"contest", "activity"}),
    ("mo hinh hoc tap", {"scheme"}), ("cong dan hoc tap", {"scheme"}), ("gia dinh hoc tap", {"scheme"}),
    ("dong ho hoc tap", {"scheme"}), ("don vi hoc tap", {"scheme"}), ("cong dong hoc tap", {"scheme"}),
    ("danh hieu", {"scheme"}), ("tieu chi", {"scheme"}), ("cong nhan", {"scheme"}),
]
ADDITIVE_KINDS = {"scheme"}
ACTIVITY_WORDS = ["buoi", "lop", "hoat dong", "su kien", "ngay hoi", "tap huan", "toa dam", "hoi thao"]
# The smallest word the typo mender touches, and how like the known word it must be.
MIN_TYPO_LENGTH = 3
TYPO_CUTOFF = 0.75


def colloquial(text: str) -> str:
    """A folded question with chat forms written out ("ko" → "khong", "dc" → "duoc", "t7" → "thu 7")."""
    words = [COLLOQUIAL.get(word, word) for word in text.split()]
    text = " ".join(word for word in words if word)
    # "học AI", "về ai", "ứng dụng ai": the topic, not the word "ai" (who).
    text = re.sub(r"\b(hoc|ve|ung dung|cong cu|lop|khoa hoc|su dung|dung|tim hieu) ai\b", r"\1 tri tue nhan tao", text)
    for short, meant in COLLOQUIAL.items():
        if " " in short:
            text = re.sub(rf"\b{short}\b", meant, text)
    return text


def without_stop_phrases(text: str) -> str:
    for phrase in sorted(STOP_PHRASES, key=len, reverse=True):
        text = re.sub(rf"\b{phrase}\b", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def weight(word: str) -> float:
    """How much a word of the question counts: nothing for a stop word, a third for a weak one, else one."""
    if word in STOPWORDS or word.isdigit() or len(word) < 2:
        return 0.0
    return WEAK_WEIGHT if word in WEAK_WORDS else 1.0


# A Vietnamese syllable, folded: an optional initial consonant, one to three vowels, an optional final consonant.
_SYLLABLE = re.compile(r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?$")


def is_syllable(word: str) -> bool:
    return bool(_SYLLABLE.match(word))


def mend(words: list[str], known: set[str], pairs: set[str], titles: set[str] = frozenset()) -> tuple[
        list[str], dict[str, str]]:
    """Each unknown word replaced by the most alike known one ("ky nag so" → "ky nang so", "lap trnh" → "lap
    trinh"); the words and what was mended. Numbers and short words are left alone.

    A word that cannot be a Vietnamese syllable ("nag", "trnh") is surely a typo and takes the most alike known word.
    A word that could be one ("trin", "tiet") is mended only when the mended word makes, with a neighbour, a pair
    the platform knows ("lap trinh"): "thời tiết" is not a typo of "thiết", and must stay unanswered."""
    mended, changes = list(words), {}
    by_start: dict[str, list[str]] = {}
    for i, word in enumerate(words):
        if word in known or len(word) < MIN_TYPO_LENGTH or not word.isalpha():
            continue
        pool = by_start.get(word[0])
        if pool is None:
            pool = by_start[word[0]] = [k for k in known if k[:1] == word[0]]
        close = [k for k in pool if abs(len(k) - len(word)) <= 1]
        choices = difflib.get_close_matches(word, close, n=5, cutoff=TYPO_CUTOFF)
        if is_syllable(word):
            before = mended[i - 1] if i > 0 else ""
            after = words[i + 1] if i + 1 < len(words) else ""
            choices = [c for c in choices if f"{before} {c}" in pairs or f"{c} {after}" in pairs]
        else:  # a foreign-looking word ("excell", "tour") becomes a syllable or a word of the platform's titles
            choices = [c for c in choices if is_syllable(c) or c in titles]
        if choices:
            changes[word] = mended[i] = choices[0]
    return mended, changes
