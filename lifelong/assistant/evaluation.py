"""Scoring the assistant on its evaluation set (evaluation_set.py) over the data in the database (the demo).

- Recall@5: for each question with an answer, the share of its expected results found among the first five items,
  averaged over those questions.
- MRR@10: the mean of 1 / the rank of the first expected result among the first ten items (0 when none is).
- No answer: the share of the questions without an answer that the assistant answered "chưa tìm thấy".

A result is expected by a spec `kind:folded title words[@folded place]` (`a|b`: either): an item of that kind whose
folded title holds the words and, for an activity with a place, that is organised or held in the place of that name.
"""

import time
from dataclasses import dataclass, field
from datetime import date

from lifelong.activities.models import Activity
from lifelong.assistant.answer import Item, answer
from lifelong.assistant.evaluation_set import evaluation_set
from lifelong.assistant.places import place_index
from lifelong.core.text import search_key


@dataclass
class Score:
    questions: int = 0
    answerable: int = 0
    recall_at_5: float = 0.0
    mrr_at_10: float = 0.0
    no_answer: int = 0
    no_answer_right: float = 0.0
    seconds: list[float] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)


def _in_place(item: Item, place: str) -> bool:
    if item.kind != "activity":
        return place in search_key(f"{item.title} {item.where} {item.why}")
    units = place_index().names.get(place, [])
    activity = Activity.objects.filter(pk=item.id).values("unit_path", "commune_id", "province_id").first()
    if activity is None:
        return False
    ids = {pk for pk, _kind, _path in units}
    return activity["commune_id"] in ids or activity["province_id"] in ids or any(
        activity["unit_path"].startswith(path) for _pk, _kind, path in units)


def matches(item: Item, spec: str) -> bool:
    kind = ""
    for alternative in spec.split("|"):  # an alternative without its kind has the previous one's
        if ":" in alternative:
            kind, _, rest = alternative.partition(":")
        else:
            rest = alternative
        words, _, place = rest.partition("@")
        if item.kind == kind and words.strip() in search_key(item.title) and (not place or _in_place(item, place)):
            return True
    return False


def evaluate(today: date | None = None, questions: list[tuple[str, list[str]]] | None = None) -> Score:
    score = Score()
    recall = reciprocal = 0.0
    right_silence = 0
    for question, expected in questions if questions is not None else evaluation_set():
        started = time.perf_counter()
        result = answer(question, today)
        score.seconds.append(time.perf_counter() - started)
        score.questions += 1
        if not expected:
            score.no_answer += 1
            if not result.found:
                right_silence += 1
            else:
                score.misses.append(f"answered, expected none: {question!r} → {[i.title for i in result.items[:3]]}")
            continue
        score.answerable += 1
        ranks = []
        for spec in expected:
            rank = next((n for n, item in enumerate(result.items[:10], 1) if matches(item, spec)), None)
            ranks.append(rank)
        found_at_5 = sum(1 for rank in ranks if rank is not None and rank <= 5)
        recall += found_at_5 / len(expected)
        first = min((rank for rank in ranks if rank is not None), default=None)
        reciprocal += 1 / first if first else 0.0
        if found_at_5 < len(expected):
            missed = [spec for spec, rank in zip(expected, ranks, strict=True) if not rank or rank > 5]
            top = [f"{item.kind}:{item.title}" for item in result.items[:5]]
            score.misses.append(f"missed {missed}: {question!r} → {result.text[:60]!r} {top}")
    score.recall_at_5 = recall / score.answerable if score.answerable else 0.0
    score.mrr_at_10 = reciprocal / score.answerable if score.answerable else 0.0
    score.no_answer_right = right_silence / score.no_answer if score.no_answer else 0.0
    return score
