"""The contest pages of the public: the contests, one contest, sitting a round, and one's result.

The paper is one page that works without JavaScript (all answers sent with "Nộp bài"); with it, each answer is
saved as it is chosen (htmx) and a countdown, fed by the server's remaining seconds, submits the paper at the end.
Nothing on these pages carries the answer key while a round of the contest is open.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lifelong.contests import attempts, selectors
from lifelong.contests.models import Attempt, Question, Round
from lifelong.contests.ranking import place_of
from lifelong.core.errors import PermissionDeniedError, ServiceError
from lifelong.core.ratelimits import rate_limit
from lifelong.core.web import flash_service_error


def contest_list(request):
    now = timezone.now()
    contests = list(selectors.public_contests().order_by("-campaign__year", "-pk")[:100])
    return render(request, "contests/list.html", {
        "contests": [(c, [(r, selectors.round_state(r, now)) for r in c.rounds.all()]) for c in contests]})


def contest_detail(request, pk: int):
    contest = selectors.public_contest(pk)
    if contest is None:
        raise Http404
    now = timezone.now()
    mine = selectors.my_attempts(request.user, contest)
    rounds = []
    for round_ in contest.rounds.all():
        state = selectors.round_state(round_, now)
        official = [a for a in mine if a.round_id == round_.pk and not a.practice]
        open_attempt = next((a for a in mine if a.round_id == round_.pk and not a.closed and a.deadline_at > now),
                            None)
        place = place_of(round_, request.user) if request.user.is_authenticated and official and state == "closed" \
            else None
        rounds.append({"round": round_, "state": state, "official": official, "open": open_attempt,
                       "left": round_.official_attempts - len(official), "place": place})
    return render(request, "contests/detail.html", {
        "contest": contest, "rounds": rounds,
        "problem": attempts.entry_problem(request.user, contest) if request.user.is_authenticated else None,
        "practised": [a for a in mine if a.practice and a.closed][:5]})


@login_required
@require_POST
def attempt_start(request, pk: int):
    round_ = get_object_or_404(Round.objects.select_related("contest__unit", "contest__residents_of"), pk=pk)
    rate_limit(request, "contest")
    try:
        attempt = attempts.attempt_start(user=request.user, round_=round_, practice=request.POST.get("practice") == "1")
    except ServiceError as exc:
        flash_service_error(request, exc)
        return redirect("contest_detail", pk=round_.contest_id)
    return redirect("contest_attempt", pk=attempt.pk)


def _own_attempt(request, pk: int) -> Attempt:
    attempt = get_object_or_404(Attempt.objects.select_related("round__contest__unit"), pk=pk)
    if attempt.user_id != request.user.pk:
        raise Http404
    return attempt


def _posted_answers(request, attempt: Attempt) -> dict[int, object]:
    """The answers in a posted paper: q<id> (one choice or a number) or q<id> repeated (several choices)."""
    found = {}
    for question_id, _order in attempt.paper:
        values = request.POST.getlist(f"q{question_id}")
        if values:
            found[question_id] = values if len(values) > 1 or request.POST.get(f"multi{question_id}") else values[0]
    return found


@login_required
def attempt_page(request, pk: int):
    attempt = _own_attempt(request, pk)
    now = timezone.now()
    if attempt.submitted_at is None and now > attempt.deadline_at + attempts.GRACE:
        attempts.attempts_close_expired(attempt.round)
        attempt.refresh_from_db()
    contest = attempt.round.contest
    with_key = attempt.closed and selectors.key_may_be_shown(contest, now)
    return render(request, "contests/attempt.html", {
        "attempt": attempt, "contest": contest, "items": selectors.paper(attempt, with_key=with_key),
        "with_key": with_key, "seconds_left": max(0, int((attempt.deadline_at - now).total_seconds())),
        "kinds": Question.Kind, "ask_prediction": bool(contest.prediction_question) and not attempt.practice})


@login_required
@require_POST
def answer_save(request, pk: int):
    """One answer, saved as it is chosen (htmx): a short note for the question's status line. The service finds
    the attempt and checks it is the person's (one query the less for the busiest request of a round)."""
    rate_limit(request, "contest")
    question_id = request.POST.get("question", "")
    if not (question_id.isascii() and question_id.isdigit() and len(question_id) <= 18):
        return HttpResponse(_("This question is not on your paper."), status=400)
    question_id = int(question_id)
    value = request.POST.getlist(f"q{question_id}")
    value = value if request.POST.get(f"multi{question_id}") else (value[0] if value else "")
    try:
        attempts.answer_save(user=request.user, attempt=pk, question_id=question_id, value=value)
    except PermissionDeniedError:
        raise Http404 from None
    except ServiceError as exc:
        return HttpResponse(exc.details[0]["message"] if exc.details else exc.message,
                            status=409 if exc.status == 409 else 400)
    return HttpResponse(_("Saved at %(time)s") % {"time": timezone.localtime().strftime("%H:%M:%S")})


@login_required
@require_POST
def attempt_submit(request, pk: int):
    """The whole paper: every answer in it is saved (while time allows), then the attempt is submitted."""
    attempt = _own_attempt(request, pk)
    rate_limit(request, "contest")
    problems = []
    if attempt.submitted_at is None and timezone.now() <= attempt.deadline_at + attempts.GRACE:
        for question_id, value in _posted_answers(request, attempt).items():
            try:
                attempts.answer_save(user=request.user, attempt=attempt, question_id=question_id, value=value)
            except ServiceError as exc:
                problems.append(exc.details[0]["message"] if exc.details else exc.message)
    try:
        attempt = attempts.attempt_submit(user=request.user, attempt=attempt,
                                          prediction=request.POST.get("prediction"))
    except ServiceError as exc:
        flash_service_error(request, exc)
        return redirect("contest_attempt", pk=attempt.pk)
    for problem in problems[:5]:
        messages.warning(request, problem)
    if attempt.closed_at_deadline:
        messages.info(request, _("Time was up: the answers saved before the end were marked."))
    else:
        messages.success(request, _("Submitted: %(score)s points.") % {"score": attempt.score})
    return redirect("contest_attempt", pk=attempt.pk)
