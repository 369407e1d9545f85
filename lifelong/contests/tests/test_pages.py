"""The contest pages: entering, answering, submitting; the organiser's pages; the key never in a response."""

import io
import re
from datetime import timedelta

import openpyxl
import time_machine
from django.urls import reverse

from lifelong.contests.models import Attempt, Question
from lifelong.contests.tests.conftest import START
from lifelong.orgs.models import Membership

DURING = START + timedelta(hours=2)


def _without_tokens(html: str) -> str:
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    html = re.sub(r'"X-CSRFToken": "[^"]+"', "", html)
    return re.sub(r'data-countdown="\d+"', "", html)


def test_a_person_enters_answers_and_submits_and_the_key_never_shows(client, contest, entrant):
    secret = Question.objects.create(contest=contest, kind="number", text="Số bí mật?", key="987654321")
    round_ = contest.rounds.get()
    round_.question_count = 31  # the whole bank, the secret included
    round_.save()
    person = entrant()
    client.force_login(person)
    with time_machine.travel(DURING, tick=False):
        page = client.get(reverse("contest_detail", args=[contest.pk])).content.decode()
        assert "data-testid=\"enter\"" in page
        response = client.post(reverse("contest_start", args=[round_.pk]))
        attempt = Attempt.objects.get(user=person)
        assert response.url == reverse("contest_attempt", args=[attempt.pk])
        paper = client.get(response.url).content.decode()
        assert "Số bí mật?" in paper and "987654321" not in paper
        # The page does not depend on the key: with every key changed, it is the same page.
        Question.objects.filter(contest=contest, kind="single").update(key=[3])
        assert _without_tokens(client.get(response.url).content.decode()) == _without_tokens(paper)
        Question.objects.filter(contest=contest, kind="single").update(key=[0])
        saved = client.post(reverse("contest_answer", args=[attempt.pk]),
                            {"question": secret.pk, f"q{secret.pk}": "987654320"}, HTTP_HX_REQUEST="true")
        assert saved.status_code == 200 and "987654321" not in saved.content.decode()
        refused = client.post(reverse("contest_answer", args=[attempt.pk]), {"question": "abc"})
        assert refused.status_code == 400
        first = attempt.paper[0][0] if attempt.paper[0][0] != secret.pk else attempt.paper[1][0]
        done = client.post(reverse("contest_submit", args=[attempt.pk]), {f"q{first}": "0", "prediction": "1500"},
                           follow=True).content.decode()
    attempt.refresh_from_db()
    assert (attempt.score, attempt.prediction) == (1, 1500)
    assert "987654321" not in done, done[done.index("987654321") - 300:done.index("987654321") + 50]
    assert "1 điểm" in done


def test_the_organiser_makes_a_contest_from_the_pages_and_reads_the_results(client, tree, campaign, organiser,
                                                                            entrant):
    client.force_login(organiser)
    made = client.post(reverse("unit_contests", args=[tree.hanoi.pk]),
                       {"title": "Tìm hiểu Tuần lễ 2025", "campaign": campaign.pk})
    contest = tree.hanoi.contests.get(title="Tìm hiểu Tuần lễ 2025")
    assert made.url == reverse("contest_manage", args=[contest.pk])
    sample = client.get(reverse("contest_questions_sample", args=[contest.pk]))
    client.post(reverse("contest_questions", args=[contest.pk]),
                {"file": _named(sample.content)})
    assert contest.questions.count() == 4
    added = client.post(reverse("contest_round_add", args=[contest.pk]), {
        "name": "Vòng 1", "opens_day": "01/10/2026", "opens_time": "08:00", "closes_day": "07/10/2026",
        "closes_time": "17:00", "question_count": 4, "duration_minutes": 10, "official_attempts": 1,
        "practice": "on"})
    assert added.status_code == 302 and contest.rounds.count() == 1
    published = client.post(reverse("contest_manage", args=[contest.pk]), {
        "version": contest.version, "title": contest.title, "published": "on"})
    assert published.status_code == 302
    contest.refresh_from_db()
    assert contest.published
    stale = client.post(reverse("contest_manage", args=[contest.pk]), {"version": 1, "title": "Cũ"})
    assert stale.status_code == 409  # someone saved since: nothing is overwritten
    round_ = contest.rounds.get()
    person = entrant()
    client.force_login(person)
    with time_machine.travel(round_.opens_at + timedelta(hours=1), tick=False):
        client.post(reverse("contest_start", args=[round_.pk]))
        attempt = Attempt.objects.get(user=person)
        client.post(reverse("contest_submit", args=[attempt.pk]), {})
    client.force_login(organiser)
    page = client.get(reverse("contest_results", args=[round_.pk])).content.decode()
    assert person.username in page
    book = openpyxl.load_workbook(io.BytesIO(client.get(reverse("contest_results_xlsx", args=[round_.pk])).content))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Hạng", "Họ tên", "Điểm") and rows[1][:3] == (1, person.username, 0)


def _named(content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("cau-hoi.xlsx", content)


def test_other_units_see_nothing_of_a_contests_management(client, contest, tree, make_user):
    client.force_login(make_user(tree.yaly, Membership.Role.EDITOR))
    round_ = contest.rounds.get()
    for name, args in (("contest_manage", [contest.pk]), ("contest_results", [round_.pk]),
                       ("contest_results_xlsx", [round_.pk])):
        assert client.get(reverse(name, args=args)).status_code == 404
    assert client.post(reverse("contest_round_add", args=[contest.pk]), {"name": "x"}).status_code == 404
    viewer = make_user(tree.hanoi, Membership.Role.VIEWER)
    client.force_login(viewer)
    assert client.post(reverse("contest_manage", args=[contest.pk]), {
        "version": contest.version, "title": "Đổi"}).status_code == 403


def test_someone_elses_attempt_is_not_found(client, contest, entrant):
    first, second = entrant("a"), entrant("b")
    client.force_login(first)
    with time_machine.travel(DURING, tick=False):
        client.post(reverse("contest_start", args=[contest.rounds.get().pk]))
        attempt = Attempt.objects.get(user=first)
        client.force_login(second)
        assert client.get(reverse("contest_attempt", args=[attempt.pk])).status_code == 404
        assert client.post(reverse("contest_submit", args=[attempt.pk])).status_code == 404
        answered = client.post(reverse("contest_answer", args=[attempt.pk]),
                               {"question": attempt.paper[0][0], f"q{attempt.paper[0][0]}": "0"})
        assert answered.status_code == 404 and not attempt.answers.exists()


def test_the_organiser_restricts_entry_to_residents(client, contest, organiser, tree):
    client.force_login(organiser)
    client.post(reverse("contest_manage", args=[contest.pk]), {
        "version": contest.version, "title": contest.title, "residents_only": "on", "published": "on"})
    contest.refresh_from_db()
    assert contest.residents_of == tree.hanoi
