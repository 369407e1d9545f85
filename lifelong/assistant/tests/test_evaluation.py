"""The evaluation's scoring (make bench runs it over the demo): Recall@5, MRR@10 and the no-answer share are
computed from what the assistant really answers."""

from datetime import datetime, timedelta

from django.utils import timezone

from lifelong.activities import services as activity_services
from lifelong.assistant.evaluation import evaluate
from lifelong.assistant.evaluation_set import BLIND, BLIND2, NO_ANSWER, QUESTIONS, TYPED, evaluation_set


def test_the_set_is_as_the_issue_asks():
    questions = evaluation_set()
    assert len(questions) >= 200
    folded = [q for q, _expected in questions if q == q.encode("ascii", "ignore").decode()]
    assert len(folded) >= len(questions) / 2
    assert sum(1 for _q, expected in questions if not expected) >= 20
    assert len(TYPED) >= 10 and len(BLIND) >= 80 and len(BLIND2) >= 60
    assert len(QUESTIONS) + len(NO_ANSWER) + len(TYPED) + len(BLIND) + len(BLIND2) <= len(questions)


def test_scores_come_from_the_answers(tree, campaign):
    tz = timezone.get_current_timezone()
    start = datetime.combine(timezone.localdate() + timedelta(days=1), datetime.min.time(), tzinfo=tz) \
        + timedelta(hours=9)
    activity_services.activity_create(
        actor=None, unit=tree.taymo, campaign=campaign, published=True,
        data={"category": campaign.categories.get(code="digital_skills"), "title": "Lớp Excel cơ bản"},
        sessions=[(start, start + timedelta(hours=2))])
    score = evaluate(questions=[
        ("lớp Excel ở Tây Mỗ", ["activity:excel@tay mo"]),  # found first
        ("lớp Excel ở Ya Ly", ["activity:excel@ya ly"]),  # nothing there
        ("lớp Excel", ["activity:excel", "resource:excel"]),  # half of what is expected
        ("giá vàng hôm nay", []),  # rightly unanswered
        ("lớp Excel cơ bản", []),  # answered where none was expected
    ])
    assert (score.questions, score.answerable, score.no_answer) == (5, 3, 2)
    assert abs(score.recall_at_5 - (1 + 0 + 0.5) / 3) < 1e-9
    assert abs(score.mrr_at_10 - (1 + 0 + 1) / 3) < 1e-9
    assert score.no_answer_right == 0.5 and len(score.misses) == 3
