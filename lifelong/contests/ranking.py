"""Reads of a round's results: the ranking of official attempts, and one person's place in it.

Order: score (highest first); then, when the contest asks a prediction question and its true number is known, how
close the prediction came; then time taken (shortest first); then when it was submitted (earliest first). A person
with several official attempts is ranked by their best. Attempts nobody submitted are closed at their deadline
first, so the ranking is always that of the stored answers.
"""

from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache

from lifelong.contests.attempts import attempts_close_expired
from lifelong.contests.models import Attempt, Round


@dataclass
class Place:
    rank: int
    attempt: Attempt
    name: str
    score: int
    seconds: float
    submitted_at: datetime
    prediction: int | None
    prediction_gap: int | None
    flag: str


def display_name(user) -> str:
    learner = getattr(user, "learner", None)
    return (learner.display_name if learner is not None else "") or user.display_name()


def order_key(attempt: Attempt, true_number: int | None) -> tuple:
    gap = abs(attempt.prediction - true_number) if true_number is not None and attempt.prediction is not None \
        else (None if true_number is None else 2**63)
    return (-(attempt.score or 0), gap if gap is not None else 0, attempt.duration_ms or 0, attempt.submitted_at,
            attempt.pk)


def ranking(round_: Round) -> list[Place]:
    attempts_close_expired(round_)
    contest = round_.contest
    true_number = contest.prediction_answer if contest.prediction_question else None
    best: dict[int, Attempt] = {}
    for attempt in Attempt.objects.filter(round=round_, practice=False, submitted_at__isnull=False).select_related(
            "user__learner"):
        current = best.get(attempt.user_id)
        if current is None or order_key(attempt, true_number) < order_key(current, true_number):
            best[attempt.user_id] = attempt
    ordered = sorted(best.values(), key=lambda a: order_key(a, true_number))
    return [Place(rank=position, attempt=a, name=display_name(a.user), score=a.score or 0,
                  seconds=round((a.duration_ms or 0) / 1000, 1), submitted_at=a.submitted_at,
                  prediction=a.prediction,
                  prediction_gap=abs(a.prediction - true_number) if true_number is not None and
                  a.prediction is not None else None, flag=a.flag)
            for position, a in enumerate(ordered, start=1)]


def place_of(round_: Round, user) -> int | None:
    """A person's rank in a round. Every participant opening the contest's page asks it, so the ranks of a round
    are computed once and kept (cache) until an attempt closes or the contest changes (its true number)."""
    attempts_close_expired(round_)
    closed = Attempt.objects.filter(round=round_, practice=False, submitted_at__isnull=False).count()
    key = f"contests:ranks:{round_.pk}:{round_.contest.version}:{closed}"
    ranks = cache.get(key)
    if ranks is None:
        ranks = {place.attempt.user_id: place.rank for place in ranking(round_)}
        cache.set(key, ranks, 3600)
    return ranks.get(user.pk)
