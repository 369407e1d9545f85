"""The "Việc cần làm" page after login, notifications of submitted reports, and logging in on the way."""

from datetime import date, datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from lifelong.orgs.models import Membership
from lifelong.plans.services import plan_create_draft
from lifelong.plans.tests.helpers import publish_plan
from lifelong.reports import services
from lifelong.reports.dashboard import dashboard_for
from lifelong.reports.models import Notification
from lifelong.reports.tests.conftest import GOOD, fill, stored_report

Role = Membership.Role


def _submit(unit, campaign, day: int):
    report = fill(stored_report(unit, campaign), GOOD)
    return services.report_submit(actor=None, report=report, lock_version=report.lock_version,
                                  submitted_at=datetime(2025, 10, day, 9, tzinfo=timezone.get_current_timezone()))[0]


def test_the_dashboard_lists_each_units_tasks(tree, reporting, make_user):
    """Tây Mỗ (published plan, due 15/10) has two children; the village submitted, the school did not."""
    officer = make_user(tree.taymo, Role.EDITOR)
    _submit(tree.village, reporting, 12)
    board = dashboard_for(officer, reporting, today=date(2025, 10, 13))
    [tasks] = board.units
    assert tasks.unit == tree.taymo and tasks.plan.status == "published" and not tasks.needs_plan
    assert tasks.report is None and tasks.report_due == date(2025, 10, 17) and tasks.days_left == 4
    assert [r.unit for r in tasks.waiting_review] == [tree.village] and tasks.waiting_count == 1
    assert (tasks.children, tasks.children_without_plan, tasks.children_not_reported) == (2, 2, 1)
    # A school officer: no plan yet, the parent's plan to derive from, its own report not started.
    teacher = make_user(tree.school, Role.EDITOR)
    [school] = dashboard_for(teacher, reporting, today=date(2025, 10, 16)).units
    assert school.needs_plan and school.plan is None and school.parent_plan.unit == tree.taymo
    assert school.report_due == date(2025, 10, 15) and school.days_left == -1 and school.days_late == 1
    assert school.children == 0


def test_the_dashboard_page_in_vietnamese(client, tree, reporting, make_user):
    officer = make_user(tree.taymo, Role.EDITOR)
    _submit(tree.village, reporting, 12)
    plan_create_draft(actor=None, unit=tree.school, campaign=reporting)
    client.force_login(officer)
    text = client.get(reverse("home")).content.decode()
    assert "Việc cần làm" in text and "Báo cáo chờ duyệt" in text
    assert reverse("report_edit", args=[tree.village.pk]) in text  # the report to review, linked
    assert reverse("report_completeness", args=[tree.taymo.pk]) in text
    client.force_login(make_user(tree.school, Role.EDITOR))
    text = client.get(reverse("home")).content.decode()
    assert "bản dự thảo chưa ban hành" in text.lower()


def test_a_submission_notifies_the_parents_reviewers_only(client, tree, reporting, make_user):
    reviewer = make_user(tree.taymo, Role.EDITOR)
    watcher = make_user(tree.taymo, Role.VIEWER)
    above = make_user(tree.hanoi, Role.ADMIN)
    _submit(tree.school, reporting, 12)
    [note] = Notification.objects.filter(user=reviewer)
    assert "Trường THCS Nguyễn Quý Đức" in note.message and note.read_at is None
    assert note.url == reverse("report_edit", args=[tree.school.pk]) + f"?campaign={reporting.pk}"
    assert not Notification.objects.filter(user__in=[watcher, above]).exists()
    client.force_login(reviewer)
    assert dashboard_for(reviewer, reporting).unread == 1
    assert client.get(reverse("notifications")).status_code == 200
    note.refresh_from_db()
    assert note.read_at is not None and dashboard_for(reviewer, reporting).unread == 0


@pytest.mark.parametrize("path", ["report_edit", "report_totals", "report_completeness", "unit_members",
                                  "unit_activities"])
def test_a_visitor_is_sent_to_log_in_and_back(client, tree, reporting, path):
    url = reverse(path, args=[tree.taymo.pk]) + f"?campaign={reporting.pk}"
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login")) and "next=" in response["Location"]


def test_a_visitor_who_opens_a_draft_is_offered_to_log_in(client, tree, reporting):
    draft = plan_create_draft(actor=None, unit=tree.school, campaign=reporting)
    response = client.get(reverse("plan_detail", args=[draft.pk]))
    assert response.status_code == 404
    assert "Đăng nhập" in response.content.decode() and f"next=/plans/{draft.pk}/" in response.content.decode()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_dashboard_on_a_phone_after_login(live_server, phone, tree, campaign, make_user):
    services.report_form_install_default(actor=None, campaign=campaign)
    publish_plan(tree.taymo, campaign, report_due=date(2025, 10, 15))
    make_user(tree.taymo, Role.EDITOR, username="cb.taymo", password="mat-khau-1")
    _submit(tree.village, campaign, 12)
    page = phone
    page.goto(f"{live_server.url}/units/{tree.taymo.pk}/completeness/?campaign={campaign.pk}")
    page.wait_for_url("**/accounts/login/**")  # not logged in: to the login page first
    page.fill("#id_login", "cb.taymo")
    page.fill("#id_password", "mat-khau-1")
    page.click("main button[type=submit]")
    page.wait_for_url(f"**/units/{tree.taymo.pk}/completeness/**")  # and back where they were going
    page.goto(f"{live_server.url}/")
    card = page.locator(f"[data-testid=tasks-{tree.taymo.pk}]")
    assert "Báo cáo chờ duyệt: 1" in card.locator("[data-testid=task-review]").inner_text()
    assert "Tổ dân phố số 1" in card.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_the_dashboard_costs_the_same_queries_for_one_unit_or_many(tree, reporting, make_user,
                                                                   django_assert_max_num_queries):
    one = make_user(tree.taymo, Role.VIEWER)
    many = make_user(tree.taymo, Role.VIEWER)
    for unit in (tree.hanoi, tree.quangngai, tree.danang, tree.soyte, tree.yaly):
        Membership.objects.create(user=many, unit=unit, role=Role.VIEWER)
    with django_assert_max_num_queries(12):
        assert len(dashboard_for(one, reporting).units) == 1
    with django_assert_max_num_queries(12):
        board = dashboard_for(many, reporting)
    assert {t.unit.name for t in board.units} >= {"Thành phố Hà Nội", "Xã Ya Ly", "Phường Tây Mỗ"}
