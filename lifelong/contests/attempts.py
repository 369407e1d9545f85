"""Sitting a round: start an attempt, save answers, submit; the server keeps the time.

- Who may enter (`entry_problem`): an account; for an official attempt, a verified e-mail or phone (one person,
  one entry) and, when the contest says so, a home commune inside its subtree.
- The paper is drawn from the attempt's seed: `question_count` questions of the active bank, in an order of their
  own, each with its choices in an order of their own. The same attempt always shows the same paper.
- The deadline is fixed at the start: the round's duration, or the round's closing if that comes first. An answer
  saved after the deadline (and a short grace for the network) is refused; an attempt submitted late, or never,
  is closed at its deadline with the answers it had then.
- Starting again while an attempt is open gives back that attempt (a reload costs nothing); a second official
  attempt is only made when the round allows more than one, and two starts at once make one attempt (a unique
  constraint on the person's n-th attempt).
"""

import random
import secrets
from datetime import timedelta
from decimal import Decimal, InvalidOperation

from allauth.account.models import EmailAddress
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lifelong.contests.models import Answer, Attempt, Contest, Question, Round
from lifelong.core.audit import audit_record
from lifelong.core.errors import ConflictError, PermissionDeniedError, ValidationFailed

# An answer sent in the last second reaches the server a little after it: accepted this long after the deadline.
GRACE = timedelta(seconds=3)
# Faster than this per question, with most answers right, is not humanly possible: the attempt is flagged.
FASTEST_PER_QUESTION = timedelta(seconds=1.5)


def verified(user) -> bool:
    if EmailAddress.objects.filter(user=user, verified=True).exists():
        return True
    learner = getattr(user, "learner", None)
    return bool(learner is not None and learner.phone_verified)


def entry_problem(user, contest: Contest, *, practice: bool = False) -> str | None:
    """Why `user` may not enter `contest` (None: they may)."""
    if user is None or not user.is_authenticated:
        return _("Log in (or create an account) to enter the contest.")
    if practice:
        return None
    if not verified(user):
        return _("Confirm your e-mail address or phone number first: each person enters once.")
    if contest.residents_of_id:
        learner = getattr(user, "learner", None)
        home = learner.home_commune if learner is not None else None
        if home is None or not home.path.startswith(contest.residents_of.path):
            return _("This contest is for residents of %(place)s: set your home commune in your profile.") % {
                "place": contest.residents_of.name}
    return None


def draw(seed: int, question_ids: list[int], choice_counts: dict[int, int], count: int) -> list[list]:
    """The paper of an attempt: `count` of the questions, and each one's choices, in orders drawn from `seed`."""
    generator = random.Random(seed)
    chosen = generator.sample(sorted(question_ids), min(count, len(question_ids)))
    paper = []
    for question_id in chosen:
        order = list(range(choice_counts.get(question_id, 0)))
        generator.shuffle(order)
        paper.append([question_id, order])
    return paper


def _open_attempt(user, round_: Round, practice: bool, now) -> Attempt | None:
    return Attempt.objects.filter(round=round_, user=user, practice=practice, submitted_at__isnull=True,
                                  deadline_at__gt=now).order_by("-pk").first()


def attempt_start(*, user, round_: Round, practice: bool = False) -> Attempt:
    now = timezone.now()
    contest = round_.contest
    if not contest.published:
        raise PermissionDeniedError()
    problem = entry_problem(user, contest, practice=practice)
    if problem:
        raise PermissionDeniedError(problem)
    if not round_.opens_at <= now < round_.closes_at:
        raise ValidationFailed(_("This round is not open now."))
    if practice and not round_.practice:
        raise ValidationFailed(_("This round has no practice."))
    existing = _open_attempt(user, round_, practice, now)
    if existing is not None:
        return existing
    questions = {pk: len(choices) if kind != Question.Kind.NUMBER else 0 for pk, kind, choices in
                 Question.objects.filter(contest=contest, active=True).values_list("pk", "kind", "choices")}
    if not questions:
        raise ValidationFailed(_("The contest has no questions yet."))
    number = 1
    if not practice:
        number = Attempt.objects.filter(round=round_, user=user, practice=False).count() + 1
        if number > round_.official_attempts:
            raise ValidationFailed(_("You have used your attempts at this round. You may still practise."))
    seed = secrets.randbits(62)
    attempt = Attempt(round=round_, user=user, practice=practice, number=number, seed=seed,
                      paper=draw(seed, list(questions), questions, round_.question_count), started_at=now,
                      deadline_at=min(now + timedelta(minutes=round_.duration_minutes), round_.closes_at))
    try:
        with transaction.atomic():
            attempt.save()
    except IntegrityError:  # the same person started twice at once: the other request made the attempt
        existing = _open_attempt(user, round_, practice, now)
        if existing is None:
            raise ConflictError() from None
        return existing
    if not practice:
        audit_record(actor=user, action="contests.attempt.started", target=attempt, unit_id=contest.unit_id,
                     round=round_.pk, number=number)
    return attempt


def parse_number(text) -> Decimal | None:
    raw = str(text).strip().replace(" ", "").replace(",", ".")
    if not raw or len(raw) > 30:
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def clean_value(question: Question, value):
    """The answer as stored (bank indexes, or the number as text), or ValidationFailed."""
    bad = ValidationFailed(details=[{"field": f"q{question.pk}", "message": _("This answer is not one of the "
                                                                               "choices.")}])
    count = len(question.choices)
    if question.kind in (Question.Kind.SINGLE, Question.Kind.TRUE_FALSE):
        raw = value[0] if isinstance(value, list) and len(value) == 1 else value
        if not str(raw).isdigit() or not 0 <= int(raw) < (2 if question.kind == Question.Kind.TRUE_FALSE else count):
            raise bad
        return [int(raw)]
    if question.kind == Question.Kind.MULTIPLE:
        values = value if isinstance(value, list) else [value]
        if len(values) > count or not all(str(v).isdigit() and 0 <= int(v) < count for v in values):
            raise bad
        return sorted({int(v) for v in values})
    number = parse_number(value[0] if isinstance(value, list) and value else value)
    if number is None:
        raise ValidationFailed(details=[{"field": f"q{question.pk}", "message": _("Write a number.")}])
    return str(number.normalize())


def _own_open(user, attempt: Attempt | int, now) -> Attempt:
    pk = attempt.pk if isinstance(attempt, Attempt) else attempt
    attempt = Attempt.objects.select_for_update().only("user_id", "paper", "submitted_at", "deadline_at").filter(
        pk=pk).first()
    if attempt is None or attempt.user_id != getattr(user, "pk", None):
        raise PermissionDeniedError()
    if attempt.submitted_at is not None:
        raise ConflictError(_("This attempt has been submitted."))
    if now > attempt.deadline_at + GRACE:
        raise ValidationFailed(_("Time is up: the attempt is closed with the answers saved before the end."))
    return attempt


@transaction.atomic
def answer_save(*, user, attempt: Attempt | int, question_id: int, value) -> Answer | None:
    """Save one answer of an open attempt (an empty one is removed); the last saved before the deadline counts.

    The attempt's row is locked (a submission waits for the answers being saved, and no answer is saved after
    it), and the answer is written by one upsert: a contest round is a thousand people answering at once."""
    now = timezone.now()
    attempt = _own_open(user, attempt, now)
    if question_id not in {entry[0] for entry in attempt.paper}:
        raise ValidationFailed(details=[{"field": "question", "message": _("This question is not on your paper.")}])
    question = Question.objects.only("kind", "choices").get(pk=question_id)
    if value in (None, "", []):
        Answer.objects.filter(attempt=attempt, question=question).delete()
        return None
    answer = Answer(attempt=attempt, question=question, value=clean_value(question, value), answered_at=now)
    Answer.objects.bulk_create([answer], update_conflicts=True, unique_fields=["attempt", "question"],
                               update_fields=["value", "answered_at"])
    return answer


def correct(question: Question, value) -> bool:
    if question.kind == Question.Kind.NUMBER:
        given, key = parse_number(value), parse_number(question.key)
        return given is not None and key is not None and given == key
    return sorted(value or []) == sorted(question.key or [])


def score_of(attempt: Attempt) -> int:
    """The attempt's score, counted from its stored answers (saved no later than its deadline and grace)."""
    answers = Answer.objects.filter(attempt=attempt, answered_at__lte=attempt.deadline_at + GRACE).select_related(
        "question")
    return sum(answer.question.points for answer in answers if correct(answer.question, answer.value))


def _close(attempt: Attempt, submitted_at, *, late: bool) -> Attempt:
    attempt.submitted_at = submitted_at
    attempt.closed_at_deadline = late
    attempt.score = score_of(attempt)
    attempt.duration_ms = max(0, int((submitted_at - attempt.started_at).total_seconds() * 1000))
    questions = max(1, len(attempt.paper))
    fastest = FASTEST_PER_QUESTION * questions
    if submitted_at - attempt.started_at < fastest and attempt.score * 2 >= questions:
        attempt.flag = _("Too fast: %(seconds)s s for %(n)s questions.") % {
            "seconds": round((submitted_at - attempt.started_at).total_seconds(), 1), "n": questions}
    attempt.save(update_fields=["submitted_at", "closed_at_deadline", "score", "duration_ms", "flag", "prediction"])
    return attempt


@transaction.atomic
def attempt_submit(*, user, attempt: Attempt, prediction=None) -> Attempt:
    now = timezone.now()
    attempt = Attempt.objects.select_for_update().select_related("round__contest").get(pk=attempt.pk)
    if attempt.user_id != getattr(user, "pk", None):
        raise PermissionDeniedError()
    if attempt.submitted_at is not None:
        return attempt  # submitted twice (a double click, a retry): the first one stands
    contest = attempt.round.contest
    if contest.prediction_question and not attempt.practice and prediction not in (None, ""):
        text = str(prediction).strip().replace(".", "").replace(" ", "")
        if not (text.isdigit() and len(text) <= 12):
            raise ValidationFailed(details=[{"field": "prediction", "message": _("Write a whole number.")}])
        attempt.prediction = int(text)
    late = now > attempt.deadline_at + GRACE
    attempt = _close(attempt, attempt.deadline_at if late else min(now, attempt.deadline_at), late=late)
    if not attempt.practice:
        audit_record(actor=user, action="contests.attempt.submitted", target=attempt,
                     unit_id=contest.unit_id, score=attempt.score, late=late, flagged=bool(attempt.flag))
    return attempt


def attempts_close_expired(round_: Round | None = None) -> int:
    """Close, at their deadline, the attempts nobody submitted (a phone that lost its connection)."""
    now = timezone.now()
    expired = Attempt.objects.filter(submitted_at__isnull=True, deadline_at__lt=now - GRACE)
    if round_ is not None:
        expired = expired.filter(round=round_)
    closed = 0
    for pk in expired.values_list("pk", flat=True):
        with transaction.atomic():
            attempt = Attempt.objects.select_for_update().filter(pk=pk, submitted_at__isnull=True).first()
            if attempt is not None:
                _close(attempt, attempt.deadline_at, late=True)
                closed += 1
    return closed
