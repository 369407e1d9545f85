from datetime import date, datetime, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from lifelong.core.errors import ConflictError, PermissionDeniedError, ValidationFailed
from lifelong.orgs.models import Membership
from lifelong.plans.tests.helpers import publish_plan
from lifelong.reports import folding, reminders, selectors, services, totals
from lifelong.reports.models import ExpectedReporter, Notification, ReminderLog, Report, ReportValue, Total
from lifelong.reports.tests.conftest import GOOD, fill, stored_report, submit

Role = Membership.Role


def _codes(campaign):
    return {i.code: i for i in campaign.indicators.all()}


def test_the_default_form_is_the_2025_form(reporting):
    indicators = _codes(reporting)
    assert len(indicators) == 32
    assert indicators["c3"].of_which == indicators["c2"] and indicators["t3"].of_which == indicators["t2"]
    assert indicators["a1"].kind == "yesno" and indicators["r1"].kind == "money"
    assert [c for c, i in indicators.items() if i.breakdown] == ["a2", "b5", "c2", "d2", "e2", "g3", "t2"]
    assert reporting.narrative_sections.get(code="overall").required


def test_publishing_a_plan_makes_its_children_expected_reporters(tree, reporting):
    rows = {e.unit: e for e in ExpectedReporter.objects.filter(campaign=reporting)}
    assert rows[tree.school].due_date == date(2025, 10, 15) and rows[tree.school].parent == tree.taymo
    assert rows[tree.taymo].due_date == date(2025, 10, 17) and rows[tree.soyte].parent == tree.hanoi
    assert rows[tree.hanoi].due_date == date(2025, 10, 20) and rows[tree.quangngai].parent == tree.ministry
    assert tree.yaly not in rows  # Quảng Ngãi has not published a plan


def test_blank_zero_and_not_applicable_stay_distinct(tree, reporting):
    report = stored_report(tree.school, reporting)
    fill(report, {"v.b1": "0", "na.b2": "on", "v.b3": ""})
    values = {v.indicator.code: v for v in report.values.select_related("indicator")}
    assert values["b1"].state == "value" and values["b1"].number == 0
    assert values["b2"].state == ReportValue.State.NOT_APPLICABLE and values["b2"].number is None
    assert "b3" not in values


@pytest.mark.parametrize(("field", "raw", "message"), [
    ("v.b1", "-3", "không được âm"), ("v.b1", "2,5", "số nguyên"), ("v.a1", "maybe", "có hoặc không"),
    ("v.a2.learners", "abc", "số nguyên")])
def test_unreadable_numbers_are_refused_and_nothing_saved(tree, reporting, field, raw, message):
    report = stored_report(tree.school, reporting)
    fill(report, {"v.b3": "7"})
    with pytest.raises(ValidationFailed) as info:
        fill(report, {"v.b3": "8", field: raw})
    assert info.value.details == [{"field": field, "message": info.value.details[0]["message"]}]
    assert message in info.value.details[0]["message"].lower()
    assert report.values.get(indicator__code="b3").number == 7


def test_rules_are_checked_on_submit_with_the_field_named(tree, reporting):
    report = stored_report(tree.school, reporting)
    fill(report, {**GOOD, "v.c3": "11"})
    with pytest.raises(ValidationFailed) as info:
        submit(report)
    assert {d["field"] for d in info.value.details} == {"v.c3"}
    assert "10" in info.value.details[0]["message"]
    fill(report, {**GOOD, "v.a1": "no"})
    with pytest.raises(ValidationFailed) as info:
        submit(report)
    assert {d["field"] for d in info.value.details} == {"v.a2.officials"}
    fill(report, GOOD, narrative={"overall": ""})
    with pytest.raises(ValidationFailed) as info:
        submit(report)
    assert {d["field"] for d in info.value.details} == {"n.overall"}
    assert Report.objects.get(pk=report.pk).status == "draft"


def test_totals_are_right_at_every_level_after_each_transition(tree, reporting, make_user):
    codes = _codes(reporting)
    school = stored_report(tree.school, reporting)
    village = stored_report(tree.village, reporting)
    fill(school, GOOD)
    fill(village, {**GOOD, "v.a2.residents": "100"})
    submit(school)
    submit(village)
    for unit in (tree.taymo, tree.hanoi, tree.ministry):
        sums = selectors.unit_totals(unit, reporting)
        assert sums[(codes["a2"].pk, "")] == 60 + 130
        assert sums[(codes["a2"].pk, "residents")] == 130
        assert sums[(codes["a1"].pk, "")] == 2  # units that held an opening ceremony
        assert sums[(codes["r1"].pk, "")] == 3_000_000
    assert selectors.unit_totals(tree.yaly, reporting) == {}
    # a parent may count accepted reports only
    taymo_editor = make_user(tree.taymo, Role.EDITOR)
    school.refresh_from_db()
    services.report_accept(actor=taymo_editor, report=school, lock_version=school.lock_version)
    assert selectors.unit_totals(tree.hanoi, reporting, accepted_only=True)[(codes["a2"].pk, "")] == 60
    # returning takes the numbers out at once, in both columns
    school.refresh_from_db()
    services.report_return(actor=taymo_editor, report=school, lock_version=school.lock_version,
                           comment="Kiểm tra lại số người dự khai mạc.")
    assert selectors.unit_totals(tree.ministry, reporting)[(codes["a2"].pk, "")] == 130
    assert selectors.unit_totals(tree.ministry, reporting, accepted_only=True)[(codes["a2"].pk, "")] == 0
    # the incremental totals equal a rebuild from scratch (the pending deltas of the hot levels folded in)
    folding.fold()
    before = sorted(Total.objects.filter(campaign=reporting).exclude(submitted_sum=0, accepted_sum=0)
                    .values_list("unit_id", "indicator_id", "group", "submitted_sum", "accepted_sum"))
    totals.rebuild(reporting.pk)
    folding.fold()
    after = sorted(Total.objects.filter(campaign=reporting).exclude(submitted_sum=0, accepted_sum=0)
                   .values_list("unit_id", "indicator_id", "group", "submitted_sum", "accepted_sum"))
    assert before == after


def test_late_submission_is_allowed_and_marked(tree, reporting, monkeypatch):
    report = stored_report(tree.school, reporting)
    fill(report, GOOD)
    report, _warnings = submit(report)
    assert report.due_date == date(2025, 10, 15) and report.late  # today is after 15/10/2025
    assert report.events.get(action="submitted").late


def test_workflow_permissions(tree, reporting, make_user):
    report = stored_report(tree.school, reporting)
    school_editor = make_user(tree.school, Role.EDITOR)
    viewer = make_user(tree.school, Role.VIEWER)
    other = make_user(tree.yaly, Role.ADMIN)
    with pytest.raises(PermissionDeniedError):
        services.report_save(actor=viewer, report=report, lock_version=report.lock_version, data=GOOD)
    with pytest.raises(PermissionDeniedError):
        services.report_save(actor=other, report=report, lock_version=report.lock_version, data=GOOD)
    services.report_save(actor=school_editor, report=report, lock_version=report.lock_version, data=GOOD,
                         narrative={"overall": "Tốt."})
    report.refresh_from_db()
    services.report_submit(actor=school_editor, report=report, lock_version=report.lock_version)
    report.refresh_from_db()
    with pytest.raises(PermissionDeniedError):  # a unit never accepts its own report
        services.report_accept(actor=school_editor, report=report, lock_version=report.lock_version)
    with pytest.raises(PermissionDeniedError):
        services.report_return(actor=other, report=report, lock_version=report.lock_version, comment="x")
    with pytest.raises(ValidationFailed):  # the comment is required
        services.report_return(actor=make_user(tree.taymo, Role.EDITOR), report=report,
                               lock_version=report.lock_version, comment="  ")
    assert Report.objects.get(pk=report.pk).status == "submitted"


def test_two_people_saving_one_draft(tree, reporting):
    report = stored_report(tree.school, reporting)
    first, second = Report.objects.get(pk=report.pk), Report.objects.get(pk=report.pk)
    services.report_save(actor=None, report=first, lock_version=first.lock_version, data={"v.b1": "3"})
    with pytest.raises(ConflictError):
        services.report_save(actor=None, report=second, lock_version=second.lock_version, data={"v.b1": "9"})
    assert report.values.get(indicator__code="b1").number == 3


def test_lock_and_exception(tree, reporting, make_user):
    taymo_editor = make_user(tree.taymo, Role.EDITOR)
    services.reporting_lock(actor=taymo_editor, unit=tree.taymo, campaign=reporting, locked=True)
    report = stored_report(tree.school, reporting)
    fill(report, GOOD)
    with pytest.raises(ValidationFailed, match="khóa"):
        submit(report)
    services.lock_exception_grant(actor=taymo_editor, unit=tree.taymo, campaign=reporting, child=tree.school)
    submit(report)
    assert Report.objects.get(pk=report.pk).status == "submitted"


def test_completeness_statuses(tree, reporting, make_user):
    school = stored_report(tree.school, reporting)
    fill(school, GOOD)
    school.refresh_from_db()
    on_time = datetime(2025, 10, 14, 9, 0, tzinfo=timezone.get_current_timezone())
    services.report_submit(actor=None, report=school, lock_version=school.lock_version, submitted_at=on_time)
    result = selectors.completeness(tree.taymo, reporting, today=date(2025, 10, 14))
    assert {r.reporter.unit.name: r.status for r in result.children} == {
        "Trường THCS Nguyễn Quý Đức": "on_time", "Tổ dân phố số 1": "pending"}
    later = selectors.completeness(tree.taymo, reporting, today=date(2025, 10, 16))
    assert {r.reporter.unit.name: r.status for r in later.children}["Tổ dân phố số 1"] == "missing"
    village = ExpectedReporter.objects.get(unit=tree.village)
    services.expected_reporter_excuse(actor=None, reporter=village, reason="Đang sáp nhập")
    national = selectors.completeness(tree.ministry, reporting, today=date(2025, 10, 21))
    hanoi = next(r for r in national.children if r.reporter.unit == tree.hanoi)
    assert hanoi.status == "missing"
    # Hà Nội's subtree: Hà Nội itself missing, Sở Y tế and Tây Mỗ missing, school on time, village excused
    assert (hanoi.subtree.on_time, hanoi.subtree.missing, hanoi.subtree.excused) == (1, 3, 1)
    assert hanoi.subtree.on_time_rate == 25
    assert dict((d, c.expected) for d, c in national.levels) == {1: 3, 2: 2, 3: 2}
    with pytest.raises(ValidationFailed):
        services.expected_reporter_excuse(actor=None, reporter=village, reason="")


# The worker closes its database connection when done: these tests run outside a wrapping transaction.
@pytest.mark.django_db(transaction=True)
def test_reminders_reach_members_once(tree, reporting, make_user, django_capture_on_commit_callbacks):
    make_user(tree.village, Role.EDITOR, username="to1")
    make_user(tree.village, Role.VIEWER, username="to2")
    make_user(tree.school, Role.EDITOR, username="truong1")
    taymo_editor = make_user(tree.taymo, Role.EDITOR)
    school = stored_report(tree.school, reporting)
    fill(school, GOOD)
    submit(school)
    with django_capture_on_commit_callbacks(execute=True):
        result = reminders.remind_missing(actor=taymo_editor, unit=tree.taymo, campaign=reporting)
    assert (result.units, result.people, result.unreachable) == (1, 2, [])
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert len(mail.outbox) == 1 and sorted(mail.outbox[0].to) == ["to1@example.vn", "to2@example.vn"]
    assert Notification.objects.filter(user__username__in=["to1", "to2"]).count() == 2
    assert not Notification.objects.filter(user__username="truong1").exists()
    # a second click the same day sends nothing, and a reminder is delivered once even if queued twice
    assert reminders.remind_missing(actor=taymo_editor, unit=tree.taymo, campaign=reporting).units == 0
    log = ReminderLog.objects.get(unit=tree.village, kind=f"manual:{timezone.localdate().isoformat()}")
    assert log.delivered_at is not None and log.recipients == 2
    assert reminders.deliver([log.pk]) == 0
    assert len(mail.outbox) == 1
    with pytest.raises(PermissionDeniedError):
        reminders.remind_missing(actor=make_user(tree.village, Role.EDITOR), unit=tree.taymo, campaign=reporting)


# The worker closes its database connection when done: these tests run outside a wrapping transaction.
@pytest.mark.django_db(transaction=True)
def test_automatic_reminders_three_days_before_and_on_the_due_date(tree, reporting, make_user,
                                                                   django_capture_on_commit_callbacks):
    make_user(tree.village, Role.EDITOR, username="to1")
    assert reminders.queue_due_reminders(today=date(2025, 10, 11)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.queue_due_reminders(today=date(2025, 10, 12)) == 2  # school and village, due 15/10
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert reminders.queue_due_reminders(today=date(2025, 10, 12)) == 0
    school = stored_report(tree.school, reporting)
    fill(school, GOOD)
    submit(school)
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.queue_due_reminders(today=date(2025, 10, 15)) == 1  # only the village has not submitted
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert len(mail.outbox) == 2  # the school has no members; the village got "before_due" and "on_due"
    assert date(2025, 10, 15) - timedelta(days=3) == date(2025, 10, 12)


# The worker closes its database connection when done: these tests run outside a wrapping transaction.
@pytest.mark.django_db(transaction=True)
def test_a_returned_report_notifies_its_unit(tree, reporting, make_user, django_capture_on_commit_callbacks):
    make_user(tree.school, Role.EDITOR, username="gv")
    school = stored_report(tree.school, reporting)
    fill(school, GOOD)
    submit(school)
    school.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.report_return(actor=None, report=school, lock_version=school.lock_version,
                               comment="Bổ sung số liệu kinh phí.")
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    note = Notification.objects.get(user__username="gv")
    assert "Bổ sung số liệu kinh phí." in note.message
    assert Report.objects.get(pk=school.pk).status == "draft"


def _oracle(unit, campaign, today):
    """Completeness counted the slow way, from every expected reporter of the subtree."""
    from lifelong.reports.counters import state_of
    from lifelong.reports.selectors import _read_state

    branches, levels = {}, {}
    for reporter in ExpectedReporter.objects.filter(campaign=campaign, unit_path__startswith=unit.path) \
            .exclude(unit_path=unit.path):
        state = _read_state(state_of(reporter), reporter.due_date, today)
        branch = reporter.unit_path[:len(unit.path) + 4]
        branches.setdefault(branch, selectors.Counts()).add(state)
        levels.setdefault(reporter.unit_depth - unit.depth, selectors.Counts()).add(state)
    return branches, levels


def test_maintained_counts_equal_a_recount_after_every_kind_of_change(tree, reporting, make_user):
    from lifelong.plans import services as plan_services
    from lifelong.reports import counters
    from lifelong.reports.models import CompletenessCount

    publish_plan(tree.yaly.parent, reporting, report_due=date(2025, 10, 17))  # Quảng Ngãi: Ya Ly must report
    publish_plan(tree.yaly, reporting, report_due=date(2025, 10, 13))
    for unit in (tree.school, tree.village, tree.yaly_village, tree.soyte):
        report = stored_report(unit, reporting)
        fill(report, GOOD)
        submit(report)
    school = Report.objects.get(unit=tree.school)
    services.report_accept(actor=None, report=school, lock_version=school.lock_version)
    village = Report.objects.get(unit=tree.village)
    services.report_return(actor=None, report=village, lock_version=village.lock_version, comment="Sửa lại.")
    services.expected_reporter_excuse(actor=None, reporter=ExpectedReporter.objects.get(unit=tree.danang),
                                      reason="Thiên tai")
    taymo_plan = plan_services.plan_revise(actor=None, plan=tree.taymo.plans.get(status="published"))
    taymo_plan = plan_services.plan_update(actor=None, plan=taymo_plan, lock_version=taymo_plan.lock_version,
                                           fields={"report_due": date(2025, 10, 14)})
    plan_services.plan_publish(actor=None, plan=taymo_plan, lock_version=taymo_plan.lock_version)
    today = date(2025, 10, 15)
    for unit in (tree.ministry, tree.hanoi, tree.taymo, tree.quangngai):
        result = selectors.completeness(unit, reporting, today=today)
        branches, levels = _oracle(unit, reporting, today)
        assert dict(result.levels) == levels, unit
        for row in result.children:
            assert row.subtree == branches.get(row.reporter.unit_path, selectors.Counts()), row.reporter.unit
    folding.fold()
    before = sorted(CompletenessCount.objects.exclude(n=0).values_list("unit_id", "depth", "due_date", "state", "n"))
    counters.rebuild(reporting.pk)
    folding.fold()
    assert sorted(CompletenessCount.objects.values_list("unit_id", "depth", "due_date", "state", "n")) == before


# Separation of duties (Campaign.separate_review)

def _separate_review(campaign, on=True):
    """Change the setting through its service, on a fresh copy (objects already loaded keep the old value)."""
    from lifelong.campaigns.models import Campaign
    from lifelong.campaigns.services import campaign_update

    fresh = Campaign.objects.get(pk=campaign.pk)
    return campaign_update(actor=None, campaign=fresh, version=fresh.version, separate_review=on)


def _submitted_by(actor, unit, campaign, data=GOOD):
    report = stored_report(unit, campaign)
    fill(report, data)
    report.refresh_from_db()
    services.report_submit(actor=actor, report=report, lock_version=report.lock_version)
    report.refresh_from_db()
    return report


def _snapshot(report):
    from lifelong.core.models import AuditEntry

    row = Report.objects.get(pk=report.pk)
    return (row.status, row.lock_version, row.accepted_at, report.events.count(), AuditEntry.objects.count(),
            sorted(Total.objects.filter(campaign=report.campaign).values_list("unit_id", "indicator_id", "group",
                                                                              "submitted_sum", "accepted_sum")))


def test_separation_of_duties_the_submitter_cannot_accept_another_reviewer_can(tree, reporting, make_user):
    from lifelong.core.models import AuditEntry

    _separate_review(reporting)
    # A Tây Mỗ editor may edit the school (a role holds for the subtree) and review it (it is the parent).
    submitter = make_user(tree.taymo, Role.EDITOR)
    report = _submitted_by(submitter, tree.school, reporting)
    before = _snapshot(report)
    with pytest.raises(services.SeparationOfDutiesError) as info:
        services.report_accept(actor=submitter, report=report, lock_version=report.lock_version)
    assert isinstance(info.value, PermissionDeniedError)
    assert (info.value.status, info.value.code) == (403, "separation_of_duties")
    assert "người khác tiếp nhận" in str(info.value.message)  # Vietnamese by default
    assert _snapshot(report) == before  # status, lock_version, events, audit entries, totals: nothing moved
    assert not AuditEntry.objects.filter(action="reports.report.accepted").exists()
    colleague = make_user(tree.taymo, Role.EDITOR)
    services.report_accept(actor=colleague, report=report, lock_version=report.lock_version)
    report.refresh_from_db()
    assert report.status == "accepted" and report.lock_version == before[1] + 1
    assert report.events.get(action="accepted").actor == colleague
    assert AuditEntry.objects.filter(action="reports.report.accepted", actor=colleague).count() == 1


def test_separation_of_duties_binds_superusers_but_returning_stays_allowed(tree, reporting, make_user):
    _separate_review(reporting)
    operator = make_user(is_superuser=True)
    report = _submitted_by(operator, tree.village, reporting)
    with pytest.raises(services.SeparationOfDutiesError):
        services.report_accept(actor=operator, report=report, lock_version=report.lock_version)
    assert Report.objects.get(pk=report.pk).status == "submitted"
    services.report_return(actor=operator, report=report, lock_version=report.lock_version, comment="Bổ sung c2.")
    assert Report.objects.get(pk=report.pk).status == "draft"


def test_separation_of_duties_looks_at_the_latest_submission(tree, reporting, make_user):
    _separate_review(reporting)
    first, second = make_user(tree.taymo, Role.EDITOR), make_user(tree.school, Role.EDITOR)
    report = _submitted_by(first, tree.school, reporting)
    services.report_return(actor=first, report=report, lock_version=report.lock_version, comment="Sửa lại.")
    report = _submitted_by(second, tree.school, reporting)
    assert services.latest_submitter_id(report) == second.pk
    services.report_accept(actor=first, report=report, lock_version=report.lock_version)  # no longer the submitter
    assert Report.objects.get(pk=report.pk).status == "accepted"


def test_without_separation_of_duties_the_submitter_may_accept(tree, reporting, make_user):
    reporting.refresh_from_db()
    assert reporting.separate_review is False  # the default
    reviewer = make_user(tree.taymo, Role.EDITOR)
    report = _submitted_by(reviewer, tree.school, reporting)
    assert not services.separation_forbids_accept(reviewer, report)
    services.report_accept(actor=reviewer, report=report, lock_version=report.lock_version)
    assert Report.objects.get(pk=report.pk).status == "accepted"


def test_separation_of_duties_reads_the_setting_afresh(tree, reporting, make_user):
    reviewer = make_user(tree.taymo, Role.EDITOR)
    report = Report.objects.select_related("campaign").get(pk=_submitted_by(reviewer, tree.school, reporting).pk)
    _separate_review(reporting)
    assert report.campaign.separate_review is False  # loaded before an admin turned the setting on
    with pytest.raises(services.SeparationOfDutiesError):
        services.report_accept(actor=reviewer, report=report, lock_version=report.lock_version)


@pytest.mark.parametrize("province_first", [False, True])
def test_children_report_by_the_parents_own_deadline_when_its_plan_sets_none(tree, campaign, province_first):
    """Hà Nội's plan of 2025 states no deadline: its communes report by the date Hà Nội itself reports to
    the Ministry, and Hà Nội's completeness lists them (whichever plan was published first)."""
    services.report_form_install_default(actor=None, campaign=campaign)
    if province_first:
        publish_plan(tree.hanoi, campaign, number="262")
    publish_plan(tree.ministry, campaign, number="5607", report_due=date(2025, 10, 20), doc_kind="letter")
    if not province_first:
        publish_plan(tree.hanoi, campaign, number="262")
    report = fill(stored_report(tree.taymo, campaign), GOOD)
    services.report_submit(actor=None, report=report, lock_version=report.lock_version,
                           submitted_at=datetime(2025, 10, 18, 9, tzinfo=timezone.get_current_timezone()))
    result = selectors.completeness(tree.hanoi, campaign, today=date(2025, 10, 18))
    rows = {row.reporter.unit.name: (row.status, row.reporter.due_date) for row in result.children}
    assert rows["Phường Tây Mỗ"] == ("on_time", date(2025, 10, 20))
    assert rows["Sở Y tế Hà Nội"] == ("pending", date(2025, 10, 20))
    assert result.children_counts.on_time == 1 and result.children_counts.pending == 1


def test_a_plan_without_any_deadline_above_makes_no_reporters(tree, campaign):
    publish_plan(tree.hanoi, campaign, number="262")
    assert not ExpectedReporter.objects.filter(parent=tree.hanoi).exists()


def test_units_without_an_account_are_named_not_reminded(client, tree, reporting, make_user):
    editor = make_user(tree.taymo, Role.EDITOR)
    result = reminders.remind_missing(actor=editor, unit=tree.taymo, campaign=reporting)
    assert result.units == 0 and result.people == 0
    assert {u.name for u in result.unreachable} == {"Trường THCS Nguyễn Quý Đức", "Tổ dân phố số 1"}
    assert not ReminderLog.objects.exists()
    client.force_login(editor)
    response = client.post(reverse("completeness_action", args=[tree.taymo.pk]),
                           {"action": "remind", "campaign": reporting.pk}, follow=True)
    text = response.content.decode()
    assert "Không có ai để nhắc tại" in text and "Tổ dân phố số 1" in text


@pytest.mark.parametrize(("raw", "number"), [("1.569", 1569), ("12.000", 12000), ("1 569", 1569),
                                             ("1.234.567", 1234567), ("7", 7)])
def test_counts_are_read_as_the_pages_print_them(tree, reporting, raw, number):
    report = fill(stored_report(tree.school, reporting), {**GOOD, "v.b1": raw})
    assert report.values.get(indicator__code="b1").number == number


@pytest.mark.parametrize("raw", ["1.5", "1,569", "1.56", "12.0000"])
def test_decimals_are_refused_with_a_clear_message(tree, reporting, raw):
    with pytest.raises(ValidationFailed) as info:
        fill(stored_report(tree.school, reporting), {**GOOD, "v.b1": raw})
    assert info.value.details[0]["field"] == "v.b1"
