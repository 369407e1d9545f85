"""Sitting a round, with a frozen clock: the draw, the server's deadline, late and duplicate submissions."""

from datetime import timedelta

import pytest
import time_machine

from lifelong.contests import attempts
from lifelong.contests.models import Attempt, Question
from lifelong.contests.tests.conftest import START
from lifelong.core.errors import ConflictError, PermissionDeniedError, ValidationFailed


def _round(contest):
    return contest.rounds.get()


def test_each_attempt_draws_its_own_paper_and_keeps_it():
    ids, counts = list(range(1, 31)), {n: 4 for n in range(1, 31)}
    first = attempts.draw(7, ids, counts, 20)
    assert first == attempts.draw(7, ids, counts, 20)  # the same seed, the same paper
    assert len(first) == 20 and len({q for q, _order in first}) == 20
    assert all(sorted(order) == [0, 1, 2, 3] for _q, order in first)
    others = [attempts.draw(seed, ids, counts, 20) for seed in range(8, 13)]
    assert all(paper != first for paper in others)  # other seeds, other papers
    assert len({tuple(q for q, _o in paper) for paper in others}) == 5


def test_the_server_keeps_the_time_and_closes_a_late_attempt_at_its_deadline(contest, entrant):
    person = entrant()
    with time_machine.travel(START + timedelta(hours=1), tick=False):
        attempt = attempts.attempt_start(user=person, round_=_round(contest))
    assert attempt.deadline_at == START + timedelta(hours=1, minutes=10)
    questions = {q.pk: q for q in Question.objects.filter(pk__in=[q for q, _o in attempt.paper])}
    first, second, third = [questions[q] for q, _o in attempt.paper[:3]]
    with time_machine.travel(START + timedelta(hours=1, minutes=9, seconds=59), tick=False):
        attempts.answer_save(user=person, attempt=attempt, question_id=first.pk, value=0)
        attempts.answer_save(user=person, attempt=attempt, question_id=second.pk, value="2")  # wrong
    late = START + timedelta(hours=1, minutes=10, seconds=30)
    with time_machine.travel(late, tick=False), pytest.raises(ValidationFailed):  # past the deadline and grace
        attempts.answer_save(user=person, attempt=attempt, question_id=third.pk, value=0)
    with time_machine.travel(START + timedelta(hours=2), tick=False):
        done = attempts.attempt_submit(user=person, attempt=attempt)
    assert (done.score, done.closed_at_deadline, done.submitted_at) == (1, True, attempt.deadline_at)
    assert done.duration_ms == 10 * 60 * 1000


def test_a_round_closing_soon_shortens_the_attempt_and_nobody_starts_outside_it(contest, entrant):
    round_ = _round(contest)
    person = entrant()
    with time_machine.travel(round_.closes_at - timedelta(minutes=4), tick=False):
        attempt = attempts.attempt_start(user=person, round_=round_)
    assert attempt.deadline_at == round_.closes_at
    for moment in (round_.opens_at - timedelta(seconds=1), round_.closes_at):
        with time_machine.travel(moment, tick=False), pytest.raises(ValidationFailed):
            attempts.attempt_start(user=entrant(f"p{moment.minute}{moment.second}"), round_=round_)


def test_one_official_attempt_a_reload_costs_nothing_practice_is_unlimited(contest, entrant):
    round_, person = _round(contest), entrant()
    with time_machine.travel(START + timedelta(hours=1), tick=False):
        attempt = attempts.attempt_start(user=person, round_=round_)
        assert attempts.attempt_start(user=person, round_=round_) == attempt  # reload: the same attempt
        attempts.attempt_submit(user=person, attempt=attempt)
        with pytest.raises(ValidationFailed):
            attempts.attempt_start(user=person, round_=round_)
        practice = [attempts.attempt_start(user=person, round_=round_, practice=True) for _ in range(2)]
        attempts.attempt_submit(user=person, attempt=practice[0])
        again = attempts.attempt_start(user=person, round_=round_, practice=True)
    assert again != practice[0] and Attempt.objects.filter(user=person, practice=False).count() == 1


def test_a_double_submission_keeps_the_first(contest, entrant):
    person = entrant()
    with time_machine.travel(START + timedelta(hours=1), tick=False):
        attempt = attempts.attempt_start(user=person, round_=_round(contest))
    with time_machine.travel(START + timedelta(hours=1, minutes=5), tick=False):
        first = attempts.attempt_submit(user=person, attempt=attempt, prediction="1.200")
    with time_machine.travel(START + timedelta(hours=1, minutes=6), tick=False):
        second = attempts.attempt_submit(user=person, attempt=attempt, prediction="5")
        with pytest.raises(ConflictError):
            attempts.answer_save(user=person, attempt=attempt, question_id=attempt.paper[0][0], value=0)
    assert second.submitted_at == first.submitted_at and second.prediction == 1200


def test_who_may_enter(contest, entrant, make_user, tree):
    from lifelong.learners.models import LearnerProfile

    round_ = _round(contest)
    unverified = make_user(username="chuaxacthuc")
    with time_machine.travel(START + timedelta(hours=1), tick=False):
        with pytest.raises(PermissionDeniedError):
            attempts.attempt_start(user=unverified, round_=round_)
        assert attempts.attempt_start(user=unverified, round_=round_, practice=True).practice  # practice: yes
        contest.residents_of = tree.hanoi
        contest.save()
        outsider = entrant("ngoaitinh")
        LearnerProfile.objects.create(user=outsider, display_name="Người Quảng Ngãi", home_commune=tree.yaly)
        with pytest.raises(PermissionDeniedError):
            attempts.attempt_start(user=outsider, round_=round_)
        resident = entrant("cudan")
        LearnerProfile.objects.create(user=resident, display_name="Người Tây Mỗ", home_commune=tree.taymo)
        assert not attempts.attempt_start(user=resident, round_=round_).practice


def test_answers_must_fit_the_question_and_the_paper(contest, entrant):
    person, other = entrant(), entrant("khac")
    with time_machine.travel(START + timedelta(hours=1), tick=False):
        attempt = attempts.attempt_start(user=person, round_=_round(contest))
        on_paper = attempt.paper[0][0]
        off_paper = Question.objects.exclude(pk__in=[q for q, _o in attempt.paper]).first().pk
        for question_id, value in ((on_paper, 4), (on_paper, "-1"), (on_paper, "x"), (on_paper, [0, 1]),
                                   (off_paper, 0)):
            with pytest.raises(ValidationFailed):
                attempts.answer_save(user=person, attempt=attempt, question_id=question_id, value=value)
        with pytest.raises(PermissionDeniedError):
            attempts.answer_save(user=other, attempt=attempt, question_id=on_paper, value=0)
        attempts.answer_save(user=person, attempt=attempt, question_id=on_paper, value=1)
        attempts.answer_save(user=person, attempt=attempt, question_id=on_paper, value=0)  # changed its mind
        assert attempt.answers.get().value == [0]


def test_every_kind_of_question_is_marked(contest):
    multiple = Question(contest=contest, kind="multiple", choices=["a", "b", "c"], key=[0, 2])
    number = Question(contest=contest, kind="number", key="34")
    truth = Question(contest=contest, kind="truefalse", choices=["Đúng", "Sai"], key=[1])
    assert attempts.correct(multiple, attempts.clean_value(multiple, ["2", "0"]))
    assert not attempts.correct(multiple, attempts.clean_value(multiple, [0]))
    assert attempts.correct(number, attempts.clean_value(number, "34,0"))
    assert not attempts.correct(number, attempts.clean_value(number, "35"))
    assert attempts.correct(truth, attempts.clean_value(truth, "1"))
    with pytest.raises(ValidationFailed):
        attempts.clean_value(truth, "2")


def test_an_impossible_time_is_flagged(contest, entrant):
    person = entrant()
    with time_machine.travel(START + timedelta(hours=1), tick=False):
        attempt = attempts.attempt_start(user=person, round_=_round(contest))
        for question_id, _order in attempt.paper:
            attempts.answer_save(user=person, attempt=attempt, question_id=question_id, value=0)
    with time_machine.travel(START + timedelta(hours=1, seconds=12), tick=False):
        done = attempts.attempt_submit(user=person, attempt=attempt)
    assert done.score == 20 and "12.0" in done.flag


def test_attempts_left_open_are_closed_at_their_deadline(contest, entrant):
    person = entrant()
    with time_machine.travel(START + timedelta(hours=1), tick=False):
        attempt = attempts.attempt_start(user=person, round_=_round(contest))
        attempts.answer_save(user=person, attempt=attempt, question_id=attempt.paper[0][0], value=0)
    with time_machine.travel(START + timedelta(hours=3), tick=False):
        assert attempts.attempts_close_expired() == 1
    attempt.refresh_from_db()
    assert (attempt.score, attempt.submitted_at, attempt.closed_at_deadline) == (1, attempt.deadline_at, True)
