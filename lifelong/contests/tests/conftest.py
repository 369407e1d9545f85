from datetime import UTC, datetime, timedelta

import pytest
from allauth.account.models import EmailAddress

from lifelong.contests import services
from lifelong.contests.models import Question
from lifelong.orgs.models import Membership

START = datetime(2026, 10, 1, 1, 0, tzinfo=UTC)  # 08:00 in Hà Nội


def make_questions(contest, count: int = 30) -> list[Question]:
    return Question.objects.bulk_create([
        Question(contest=contest, kind="single", text=f"Câu {n}: Tuần lễ học tập suốt đời bắt đầu ngày nào?",
                 choices=["1/10", "2/10", "5/10", "7/10"], key=[0]) for n in range(count)])


@pytest.fixture
def organiser(tree, make_user):
    return make_user(tree.hanoi, Membership.Role.EDITOR, username="sogd")


@pytest.fixture
def contest(tree, campaign, organiser):
    contest = services.contest_create(actor=organiser, unit=tree.hanoi, campaign=campaign, data={
        "title": "Cuộc thi trực tuyến tìm hiểu về học tập suốt đời", "rules": "Mỗi người một lượt chính thức.",
        "prediction_question": "Dự đoán số người tham gia"})
    make_questions(contest)
    services.round_save(actor=organiser, contest=contest, data={
        "name": "Vòng 1", "opens_at": START, "closes_at": START + timedelta(days=7), "question_count": 20,
        "duration_minutes": 10, "official_attempts": 1})
    return services.contest_update(actor=organiser, contest=contest, version=contest.version, data={
        "title": contest.title, "rules": contest.rules, "prediction_question": contest.prediction_question},
        published=True)


@pytest.fixture
def entrant(make_user):
    def _make(username: str = "nguoithi"):
        user = make_user(username=username)
        EmailAddress.objects.create(user=user, email=f"{username}@example.vn", verified=True, primary=True)
        return user
    return _make
