"""A normalised document text with what the field readers share: a folded copy, lines, headings, sections.

The folded copy (lower case, no tone marks, đ→d) has the same length as the text, so a match in it is a
span of the text. Typos that differ only in tone marks ("Tuấn lễ" for "Tuần lễ") fold to the same words.
"""

import re
from dataclasses import dataclass
from functools import cached_property

from lifelong.plans.reading.dates import fold_same_length

# "I.", "II." | "1." "2)" | "1.1." "4.2" | "a)" "đ)" | "Phần I" ; the level orders them
_HEADING = re.compile(
    r"(?P<roman>(?:phan\s+)?[ivx]{1,5}[.)/]|phan\s+(?:thu\s+)?\w+\s*[.:-])"
    r"|(?P<sub>\d{1,2}\.\d{1,2}(?:\.\d{1,2})?\.?)"
    r"|(?P<num>\d{1,2}[.)/])"
    r"|(?P<letter>[a-gđ][)])", re.I)
LEVELS = {"roman": 0, "num": 1, "sub": 2, "letter": 3}


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str
    folded: str

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass(frozen=True)
class Heading:
    line: Line
    level: int
    label_end: int  # where the text after "4.2." starts, as an offset in the document
    numbered: bool = True


class Doc:
    def __init__(self, text: str):
        self.text = text
        self.folded = fold_same_length(text)

    @cached_property
    def lines(self) -> list[Line]:
        out, pos = [], 0
        for raw in self.text.split("\n"):
            out.append(Line(pos, pos + len(raw), raw, self.folded[pos:pos + len(raw)]))
            pos += len(raw) + 1
        return out

    def line_index_at(self, offset: int) -> int:
        for i, line in enumerate(self.lines):
            if line.start <= offset <= line.end:
                return i
        return len(self.lines) - 1

    @cached_property
    def headings(self) -> list[Heading]:
        found = []
        lines = self.lines
        for i, line in enumerate(lines):
            match = _HEADING.match(line.folded)
            if match is None or match.end() < len(line.text) and not line.text[match.end()].isspace():
                previous = lines[i - 1].text.rstrip() if i else ""
                if _is_bare_heading(line) and (not previous or previous[-1] in ".;:") and i + 1 < len(lines):
                    found.append(Heading(line, 1, line.start, numbered=False))
                continue
            rest = line.text[match.end():].strip()
            if not rest or match.lastgroup == "num" and rest[:1].isdigit():
                continue  # "1. " alone, or "15. 10" (a date cut by a line break)
            found.append(Heading(line, LEVELS[match.lastgroup], line.start + match.end() + 1))
        return found

    @cached_property
    def numbered_heading_starts(self) -> set[int]:
        """Where each numbered heading's line starts ("4.2.", "b)"): to ask "is this line a heading?" at once."""
        return {h.line.start for h in self.headings if h.numbered}

    def section(self, heading: Heading) -> tuple[int, int]:
        """From the end of the heading's line to the next heading of the same or a higher level."""
        end = len(self.text)
        for other in self.headings:
            if other.line.start > heading.line.start and other.level <= heading.level:
                end = other.line.start - 1
                break
        return (min(heading.line.end + 1, end), end)

    def find_heading(self, pattern: str, level_max: int = 1) -> Heading | None:
        """The first heading of at most that level whose words (folded) match the pattern."""
        regex = re.compile(pattern)
        for heading in self.headings:
            words = self.folded[heading.label_end:heading.line.end]
            if heading.level <= level_max and regex.search(words) and len(words) < 120:
                return heading
        return None

    def sentence_around(self, offset: int) -> tuple[int, int]:
        """The sentence holding the offset: it ends at ". " before a capital, at ";", or at a new item line."""
        start = offset
        while start > 0:
            before = self.text[start - 1]
            if before in ";" or self._sentence_break(start - 1):
                break
            start -= 1
        end = offset
        while end < len(self.text):
            if self.text[end] in ";" or self._sentence_break(end):
                break
            end += 1
        return (start, end)

    def _sentence_break(self, i: int) -> bool:
        ch = self.text[i]
        nxt = self.text[i + 1:i + 3]
        if ch == "." and (not nxt or nxt[0] == "\n" or nxt[0] == " " and nxt[1:2].isupper()):
            return True
        if ch == "\n":
            following = self.text[i + 1:i + 2]
            return following in ("", "-", "+", "\n", "•") or _starts_item(self.folded[i + 1:i + 12])
        return False


def _starts_item(folded: str) -> bool:
    """ "4.2. Đẩy mạnh", "b) Sở GDĐT" start an item; "15/10/2025" does not."""
    match = _HEADING.match(folded)
    return bool(match) and folded[match.end():match.end() + 1].isspace() and not folded[match.end() + 1:
                                                                                          match.end() + 2].isdigit()


def _is_bare_heading(line: Line) -> bool:
    """An unnumbered heading: a short line, capitalised, with no closing punctuation ("Nội dung triển khai")."""
    text = line.text.strip()
    return (3 <= len(text) <= 60 and text[0].isupper() and text[-1] not in ".;,:" and "\t" not in text
            and not re.search(r"\d", text) and len(text.split()) <= 8)


def squash(text: str) -> str:
    """One line, single spaces: how a value is given back."""
    return re.sub(r"\s+", " ", text).strip()


def paragraph_text(text: str) -> str:
    """Lines of one paragraph joined, items kept on their own lines, bullets and numbers dropped."""
    items: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        bullet = re.match(r"^(?:[-+•*–]\s*|(?:\d{1,2}\.){1,3}\d{0,2}\.?\s+|[a-gđ]\)\s+)", line)
        if bullet or not items:
            items.append(line[bullet.end():] if bullet else line)
        else:
            items[-1] += " " + line
    return "\n".join(squash(i) for i in items if squash(i))
