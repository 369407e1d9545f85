"""The ranking's tie-breaks, and the question bank's import (all or nothing)."""

import io
from datetime import timedelta

import openpyxl
import pytest
import time_machine

from lifelong.contests import attempts, questions
from lifelong.contests.models import Attempt, Question
from lifelong.contests.ranking import ranking
from lifelong.contests.tests.conftest import START
from lifelong.core.errors import PermissionDeniedError
from lifelong.core.tables import ImportRejected


def _sit(contest, person, *, at, right: int, seconds: int, prediction=None):
    round_ = contest.rounds.get()
    with time_machine.travel(at, tick=False):
        attempt = attempts.attempt_start(user=person, round_=round_)
        for question_id, _order in attempt.paper[:right]:
            attempts.answer_save(user=person, attempt=attempt, question_id=question_id, value=0)
    with time_machine.travel(at + timedelta(seconds=seconds), tick=False):
        return attempts.attempt_submit(user=person, attempt=attempt, prediction=prediction)


def test_ranking_by_score_then_prediction_then_time_then_submission(contest, entrant):
    base = START + timedelta(hours=1)
    _sit(contest, entrant("a"), at=base, right=18, seconds=300, prediction=900)
    _sit(contest, entrant("b"), at=base, right=19, seconds=500, prediction=10)
    _sit(contest, entrant("c"), at=base, right=18, seconds=200, prediction=1010)  # closest guess wins the tie
    _sit(contest, entrant("d"), at=base, right=18, seconds=250, prediction=1010)  # same guess, slower
    _sit(contest, entrant("e"), at=base + timedelta(minutes=1), right=18, seconds=250, prediction=990)  # later
    contest.prediction_answer = 1000
    contest.save()
    names = [place.attempt.user.username for place in ranking(contest.rounds.get())]
    assert names == ["b", "c", "d", "e", "a"]
    contest.prediction_answer = None  # unknown yet: time decides
    contest.save()
    assert [p.attempt.user.username for p in ranking(contest.rounds.get())] == ["b", "c", "d", "e", "a"]
    contest.prediction_question = ""
    contest.save()
    assert [p.attempt.user.username for p in ranking(contest.rounds.get())][:2] == ["b", "c"]


def test_the_ranking_equals_one_recomputed_from_the_stored_answers(contest, entrant):
    for n in range(6):
        _sit(contest, entrant(f"p{n}"), at=START + timedelta(hours=1, minutes=n), right=n * 3, seconds=100 + n)
    Question.objects.filter(contest=contest).update(points=2)  # recount: every score doubles, the order stays
    for attempt in Attempt.objects.all():
        assert attempts.score_of(attempt) == 2 * attempt.score
    places = ranking(contest.rounds.get())
    assert [p.score for p in places] == sorted((a.score for a in Attempt.objects.all()), reverse=True)


def _xlsx(rows) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_question_bank_is_imported_with_every_kind(contest, organiser):
    before = contest.questions.count()
    made = questions.questions_import(actor=organiser, contest=contest, filename="cau-hoi.xlsx", data=_xlsx([
        questions.TEMPLATE_HEADER,
        ["Tuần lễ năm 2025 khai mạc ngày nào?", "", "1/10", "2/10", "3/10", "", "A", ""],
        ["Những hoạt động nào thuộc Tuần lễ?", "nhiều đáp án", "Khai mạc", "Tọa đàm", "Nghỉ lễ", "", "A, B", 2],
        ["Học tập suốt đời chỉ dành cho người trẻ.", "", "", "", "", "", "Sai", ""],
        ["Việt Nam có bao nhiêu tỉnh, thành phố từ 1/7/2025?", "", "", "", "", "", "34", ""]]))
    assert [(q.kind, q.key, q.points) for q in made] == [
        ("single", [0], 1), ("multiple", [0, 1], 2), ("truefalse", [1], 1), ("number", "34", 1)]
    assert contest.questions.count() == before + 4


def test_a_bank_with_one_wrong_row_changes_nothing_and_names_the_rows(contest, organiser, make_user, tree):
    before = contest.questions.count()
    data = _xlsx([questions.TEMPLATE_HEADER,
                  ["Đúng?", "", "x", "y", "", "", "A", ""],
                  ["", "", "x", "y", "", "", "A", ""],
                  ["Câu thiếu đáp án", "", "x", "y", "", "", "C", ""],
                  ["Một đáp án mà hai chữ", "một đáp án", "x", "y", "z", "", "A, B", ""],
                  ["Loại lạ", "tự luận", "x", "y", "", "", "A", ""],
                  ["Số mà không phải số", "số", "", "", "", "", "ba mươi tư", ""],
                  ["Điểm lạ", "", "x", "y", "", "", "A", "1000"],
                  ["Chỗ trống", "", "x", "", "z", "", "A", ""]])
    with pytest.raises(ImportRejected) as rejected:
        questions.questions_import(actor=organiser, contest=contest, filename="b.xlsx", data=data)
    assert {e["row"] for e in rejected.value.details} == {3, 4, 5, 6, 7, 8, 9}
    assert contest.questions.count() == before
    with pytest.raises(PermissionDeniedError):
        questions.questions_import(actor=make_user(tree.yaly), contest=contest, filename="b.xlsx", data=data)


def test_a_participant_sees_their_rank_once_the_round_closes(client, contest, entrant):
    from django.urls import reverse

    first, second = entrant("nhat"), entrant("nhi")
    _sit(contest, first, at=START + timedelta(hours=1), right=15, seconds=300)
    _sit(contest, second, at=START + timedelta(hours=1), right=10, seconds=300)
    client.force_login(second)
    with time_machine.travel(contest.rounds.get().closes_at + timedelta(hours=1), tick=False):
        page = client.get(reverse("contest_detail", args=[contest.pk])).content.decode()
        assert "hạng 2" in page
