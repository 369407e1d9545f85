"""In Chromium: Hà Nội makes a contest from its pages, imports the questions and opens a round; a citizen on a
360 px phone enters, answers and submits; the organiser sees the ranking."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone

from conftest import browser_login
from lifelong.contests.models import Attempt
from lifelong.contests.views_organiser import questions_sample
from lifelong.orgs.models import Membership

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_contest_round_from_entering_to_the_ranking(live_server, browser, phone, tree, campaign, make_user, rf):
    make_user(tree.hanoi, Membership.Role.EDITOR, username="sogd")
    citizen = make_user(username="nguoithi")
    EmailAddress.objects.create(user=citizen, email="nguoithi@example.vn", verified=True, primary=True)
    organiser = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN").new_page()
    browser_login(organiser, live_server, "sogd", "secret-pass-123")
    organiser.goto(f"{live_server.url}/units/{tree.hanoi.pk}/")
    organiser.locator("[data-testid=contests-link]").click()
    form = organiser.locator("[data-testid=contest-create]")
    form.locator("#id_title").fill("Tìm hiểu Tuần lễ học tập suốt đời")
    form.locator("button[type=submit]").click()
    organiser.wait_for_url("**/quan-ly/")
    organiser.locator("summary", has_text="Nhập câu hỏi").click()
    organiser.locator("[data-testid=questions-form] input[type=file]").set_input_files({
        "name": "cau-hoi.xlsx", "mimeType": "application/octet-stream",
        "buffer": questions_sample(rf.get("/"), 1).content})
    organiser.locator("[data-testid=questions-form] button[type=submit]").click()
    organiser.wait_for_load_state()
    assert "4" in organiser.locator("[data-testid=bank]").inner_text()
    opens = timezone.localtime() - timedelta(minutes=5)
    closes = opens + timedelta(days=1)
    organiser.locator("summary", has_text="Thêm vòng thi").click()
    rounds = organiser.locator("[data-testid=round-form]")
    rounds.locator("#id_opens_day").fill(opens.strftime("%d/%m/%Y"))
    rounds.locator("#id_opens_time").fill(opens.strftime("%H:%M"))
    rounds.locator("#id_closes_day").fill(closes.strftime("%d/%m/%Y"))
    rounds.locator("#id_closes_time").fill(closes.strftime("%H:%M"))
    rounds.locator("#id_question_count").fill("4")
    rounds.locator("button[type=submit]").click()
    organiser.wait_for_load_state()
    organiser.locator("[data-testid=contest-form] #id_published").check()
    organiser.locator("[data-testid=contest-form] button[type=submit]").click()
    organiser.wait_for_load_state()
    assert "đã công bố" in organiser.content()

    browser_login(phone, live_server, "nguoithi", "secret-pass-123")
    phone.goto(f"{live_server.url}/cuoc-thi/")
    phone.get_by_role("link", name="Tìm hiểu Tuần lễ học tập suốt đời").click()
    phone.locator("[data-testid=enter]").click()
    phone.wait_for_url("**/bai-thi/*/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    questions = phone.locator("fieldset.question")
    for n in range(questions.count()):
        question = questions.nth(n)
        number = question.locator("input[inputmode=decimal]")
        if number.count():
            number.fill("34")
            number.press("Tab")  # leaving the field is what fires its change (once)
        else:
            question.locator("input[type=radio], input[type=checkbox]").first.check()
        question.locator("[id^=status-]", has_text="Đã lưu").wait_for()  # saved as chosen
    # No answer still on its way: the live server's SQLite connection is shared between its threads.
    phone.wait_for_load_state("networkidle")
    phone.locator("[data-testid=submit]").click()
    phone.wait_for_load_state()
    result = phone.locator("[data-testid=result]").inner_text()
    attempt = Attempt.objects.get(user=citizen)
    assert attempt.closed and f"{attempt.score} điểm" in result and attempt.answers.count() == 4

    organiser.goto(f"{live_server.url}/cuoc-thi/vong/{attempt.round_id}/ket-qua/")
    first = organiser.locator("[data-testid=ranking] tbody tr").first.inner_text()
    assert first.startswith("1") and "nguoithi" in first
    organiser.context.close()
