"""The question bank of a contest, imported from a spreadsheet (.xlsx or .csv), all or nothing.

One question per row: "Câu hỏi", optionally "Loại" (một đáp án, nhiều đáp án, đúng/sai, số), the choices in columns
"A" to "F" ("Phương án A", "Đáp án A" … are understood too), "Đáp án đúng" (a letter, several letters "A, C",
"Đúng"/"Sai", or a number) and optionally "Điểm". When "Loại" is empty it is read from the rest: a number with no
choices is a number question, several letters a multiple-choice one, "Đúng"/"Sai" a true-or-false one. Every row
is checked and the bank changes only if all are right; each wrong row is named with its number.
"""

import re

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from lifelong.contests.attempts import parse_number
from lifelong.contests.models import Contest, Question
from lifelong.core import tables
from lifelong.core.audit import audit_record
from lifelong.core.errors import PermissionDeniedError
from lifelong.core.tables import ImportRejected, row_error
from lifelong.core.text import search_key
from lifelong.orgs.permissions import can_edit

LETTERS = "ABCDEF"
HEADER_ALIASES = {
    "text": {"cau hoi", "noi dung cau hoi", "question", "noi dung"},
    "kind": {"loai", "loai cau hoi", "kind", "type", "dang"},
    "key": {"dap an dung", "dap an", "key", "answer", "correct"},
    "points": {"diem", "so diem", "points"},
    **{f"choice_{letter}": {letter.lower(), f"phuong an {letter.lower()}", f"dap an {letter.lower()}",
                            f"lua chon {letter.lower()}", f"choice {letter.lower()}"} for letter in LETTERS},
}
REQUIRED = ("text", "key")
COLUMN_LABELS = {"text": "Câu hỏi", "key": "Đáp án đúng"}
TEMPLATE_HEADER = ["Câu hỏi", "Loại", "A", "B", "C", "D", "Đáp án đúng", "Điểm"]
KIND_ALIASES = {
    Question.Kind.SINGLE: {"mot dap an", "1 dap an", "chon mot", "mot lua chon", "single"},
    Question.Kind.MULTIPLE: {"nhieu dap an", "chon nhieu", "nhieu lua chon", "multiple"},
    Question.Kind.TRUE_FALSE: {"dung/sai", "dung sai", "dung - sai", "true/false", "truefalse"},
    Question.Kind.NUMBER: {"so", "dien so", "tra loi so", "tra loi ngan", "number"},
}
TRUE_WORDS, FALSE_WORDS = {"dung", "d", "true", "t"}, {"sai", "s", "false", "f"}
MAX_QUESTIONS = 2000


def _kind(text: str) -> str | None:
    folded = search_key(text).strip()
    return next((kind for kind, aliases in KIND_ALIASES.items() if folded in aliases), None)


def _letters(text: str) -> list[int] | None:
    parts = [p for p in re.split(r"[\s,;/+&]+|\bva\b", search_key(text).upper()) if p]
    if not parts or any(len(p) != 1 or p not in LETTERS for p in parts):
        return None
    return sorted({LETTERS.index(p) for p in parts})


def check_row(line: int, cells: dict[str, str], errors: list) -> dict | None:
    before = len(errors)
    text = cells.get("text", "").strip()
    if not text:
        errors.append(row_error(line, _("The question is empty."), "text"))
    elif len(text) > 2000:
        errors.append(row_error(line, _("Longer than %(limit)d characters.") % {"limit": 2000}, "text"))
    choices = [cells.get(f"choice_{letter}", "").strip()[:500] for letter in LETTERS]
    while choices and not choices[-1]:
        choices.pop()
    if any(not choice for choice in choices):
        errors.append(row_error(line, _("A choice is empty between two others."), "choices"))
    key_text = cells.get("key", "").strip()
    kind = _kind(cells["kind"]) if cells.get("kind") else None
    if cells.get("kind") and kind is None:
        errors.append(row_error(line, _("Write the kind: một đáp án, nhiều đáp án, đúng/sai or số."), "kind"))
    folded_key = search_key(key_text).strip()
    if kind is None:
        if not choices and parse_number(key_text) is not None:
            kind = Question.Kind.NUMBER
        elif folded_key in TRUE_WORDS | FALSE_WORDS and len(choices) <= 2 and not _letters(key_text):
            kind = Question.Kind.TRUE_FALSE
        else:
            letters = _letters(key_text)
            kind = Question.Kind.MULTIPLE if letters and len(letters) > 1 else Question.Kind.SINGLE
    key = None
    if kind == Question.Kind.NUMBER:
        number = parse_number(key_text)
        if number is None:
            errors.append(row_error(line, _("The answer of a number question is a number."), "key"))
        else:
            key, choices = str(number.normalize()), []
    elif kind == Question.Kind.TRUE_FALSE:
        if folded_key in TRUE_WORDS:
            key = [0]
        elif folded_key in FALSE_WORDS:
            key = [1]
        else:
            errors.append(row_error(line, _("Write \"Đúng\" or \"Sai\"."), "key"))
        choices = ["Đúng", "Sai"]
    else:
        letters = _letters(key_text)
        if len(choices) < 2:
            errors.append(row_error(line, _("Give at least two choices (columns A, B …)."), "choices"))
        elif letters is None or any(index >= len(choices) for index in letters):
            errors.append(row_error(line, _("Write the letters of the right choices, among %(letters)s.") % {
                "letters": ", ".join(LETTERS[:len(choices)])}, "key"))
        elif kind == Question.Kind.SINGLE and len(letters) != 1:
            errors.append(row_error(line, _("A question with one answer has one right letter."), "key"))
        else:
            key = letters
    points_text = cells.get("points", "").strip() or "1"
    if not (points_text.isdigit() and 1 <= int(points_text) <= 100):
        errors.append(row_error(line, _("Give between 1 and 100 points."), "points"))
    if len(errors) != before:
        return None
    return {"kind": kind, "text": text, "choices": choices, "key": key, "points": int(points_text)}


@transaction.atomic
def questions_import(*, actor, contest: Contest, filename: str, data: bytes) -> list[Question]:
    if not can_edit(actor, contest.unit):
        raise PermissionDeniedError()
    rows = tables.read_table(filename, data, header_aliases=HEADER_ALIASES, required=REQUIRED,
                             max_bytes=settings.UNIT_IMPORT_MAX_BYTES, max_rows=MAX_QUESTIONS, labels=COLUMN_LABELS,
                             missing_message=_("The first row must name the columns; missing: %(columns)s. Download "
                                               "the sample file to see the expected columns."))
    errors: list[dict] = []
    checked = [check_row(line, cells, errors) for line, cells in rows]
    if Question.objects.filter(contest=contest).count() + len(checked) > MAX_QUESTIONS:
        errors.append(row_error(None, _("A bank holds at most %(n)s questions.") % {"n": MAX_QUESTIONS}))
    if errors:
        raise ImportRejected(_("The file was not imported: fix the rows listed and upload it again."),
                             details=errors)
    made = Question.objects.bulk_create([Question(contest=contest, **row) for row in checked])
    audit_record(actor=actor, action="contests.questions.imported", target=contest, unit_id=contest.unit_id,
                 count=len(made))
    return made
