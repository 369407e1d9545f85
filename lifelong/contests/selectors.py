"""Reads of contests: what the public sees, a person's attempts, and the paper of an attempt (without its key)."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from lifelong.contests.models import Answer, Attempt, Contest, Question, Round
from lifelong.orgs.models import OrgUnit
from lifelong.orgs.permissions import scope_filter


def public_contests() -> QuerySet[Contest]:
    return Contest.objects.filter(published=True).select_related("unit", "campaign").prefetch_related("rounds")


def public_contest(pk: int) -> Contest | None:
    return public_contests().filter(pk=pk).first()


def unit_contests(user, unit: OrgUnit) -> QuerySet[Contest]:
    return scope_filter(user, Contest.objects.filter(unit=unit)).select_related("campaign").prefetch_related(
        "rounds", "questions")


def round_state(round_: Round, now=None) -> str:
    now = now or timezone.now()
    return "upcoming" if now < round_.opens_at else "open" if now < round_.closes_at else "closed"


def my_attempts(user, contest: Contest) -> list[Attempt]:
    if not user.is_authenticated:
        return []
    return list(Attempt.objects.filter(user=user, round__contest=contest).select_related("round")
                .order_by("round__opens_at", "practice", "number", "-pk"))


def key_may_be_shown(contest: Contest, now=None) -> bool:
    """The answer key is shown only once every round of the contest has closed."""
    now = now or timezone.now()
    return not contest.rounds.filter(closes_at__gt=now).exists()


@dataclass
class PaperItem:
    number: int
    question: Question
    choices: list[tuple[int, str]]  # (index in the bank, text), in this attempt's order
    answer: object  # the saved value, or None
    right: bool | None  # only once the key may be shown


def paper(attempt: Attempt, *, with_key: bool = False) -> list[PaperItem]:
    from lifelong.contests.attempts import correct

    questions = {q.pk: q for q in Question.objects.filter(pk__in=[entry[0] for entry in attempt.paper])}
    saved = dict(Answer.objects.filter(attempt=attempt).values_list("question_id", "value"))
    items = []
    for number, (question_id, order) in enumerate(attempt.paper, start=1):
        question = questions.get(question_id)
        if question is None:
            continue
        answer = saved.get(question_id)
        items.append(PaperItem(
            number=number, question=question, choices=[(index, question.choices[index]) for index in order
                                                       if index < len(question.choices)],
            answer=answer, right=correct(question, answer) if with_key and answer is not None else None))
    return items
