from datetime import date

import pytest

from lifelong.core.errors import ConflictError, PermissionDeniedError, ValidationFailed
from lifelong.core.models import AuditEntry
from lifelong.orgs.models import Membership
from lifelong.plans import selectors, services
from lifelong.plans.models import Plan
from lifelong.plans.tests.helpers import publish_plan

Role = Membership.Role


def test_derive_prefills_the_child_plan_from_the_parent(tree, campaign, hanoi_plan, make_user):
    editor = make_user(tree.taymo, Role.EDITOR)
    plan = services.plan_derive(actor=editor, unit=tree.taymo, campaign=campaign)
    assert plan.status == Plan.Status.DRAFT and plan.derived_from == hanoi_plan
    # copied
    assert plan.theme == hanoi_plan.theme and plan.purposes == hanoi_plan.purposes
    assert plan.time_and_venue == hanoi_plan.time_and_venue and plan.budget_state == hanoi_plan.budget_state
    assert [(a.category_id, a.text) for a in plan.activities.all()] == [
        (a.category_id, a.text) for a in hanoi_plan.activities.all()]
    # the parent's bases, then the parent itself
    sentences = [b.sentence() for b in plan.legal_bases.all()]
    assert sentences[0].startswith("Căn cứ Quyết định số 1373/QĐ-TTg ngày 30/7/2021 của Thủ tướng Chính phủ")
    assert sentences[-1].startswith(
        "Thực hiện Kế hoạch số 262/KH-UBND ngày 25/9/2025 của Ủy ban nhân dân Thành phố Hà Nội")
    # set for this unit
    assert plan.issuing_body_line == "ỦY BAN NHÂN DÂN\nPHƯỜNG TÂY MỖ"
    assert plan.parent_body_line == "UBND THÀNH PHỐ HÀ NỘI"
    assert plan.issue_place == "Tây Mỗ" and plan.symbol == "KH-UBND" and plan.number == ""
    assert "UBND Thành phố Hà Nội" in plan.recipients
    assert plan.report_to == tree.taymo
    assert plan.report_due == date(2025, 10, 17)  # the latest the parent's 20/10 (a Monday) allows
    assert {a.unit for a in plan.assignments.all()} == {tree.school, tree.village}
    assert AuditEntry.objects.filter(action="plans.plan.derived", target_id=str(plan.pk)).count() == 1


@pytest.mark.parametrize("leaf", ["school", "village"])
def test_a_unit_with_no_units_below_tells_nobody_to_report_to_it(tree, campaign, leaf):
    import io

    import docx

    from lifelong.plans.documents import plan_docx

    unit = getattr(tree, leaf)
    publish_plan(tree.taymo, campaign, number="12", issue_date=date(2025, 9, 26), report_due=date(2025, 10, 15))
    plan = services.plan_derive(actor=None, unit=unit, campaign=campaign)
    assert plan.report_due is None and plan.report_to is None  # nobody reports to it
    # the work is its own; its own report goes up, by the ward's deadline
    assert [(a.unit, a.assignee, a.task) for a in plan.assignments.all()] == [(
        None, unit.name, "Tổ chức thực hiện các hoạt động hưởng ứng Tuần lễ tại đơn vị theo Kế hoạch này; báo cáo kết "
                         "quả thực hiện về Ủy ban nhân dân Phường Tây Mỗ trước ngày 15/10/2025.")]
    body = "\n".join(p.text for p in docx.Document(io.BytesIO(plan_docx(plan))).paragraphs)
    assert "Các đơn vị báo cáo" not in body and f"về {unit.name}" not in body
    assert "Ủy ban nhân dân Phường Tây Mỗ trước ngày 15/10/2025" in body
    assert not any(group in body for group in services.GROUP_NAMES.values())
    assert "Thực hiện Kế hoạch số 12/KH-UBND ngày 26/9/2025 của Ủy ban nhân dân Phường Tây Mỗ" in body
    result = services.plan_publish(actor=None, plan=plan, lock_version=plan.lock_version)
    assert not any("hạn báo cáo" in str(w) for w in result.warnings)  # no deadline to set for units below


def test_a_unit_with_no_units_below_and_not_asked_to_report(tree, campaign):
    publish_plan(tree.taymo, campaign, report_due=date(2025, 10, 15), report_kinds=["school"])
    plan = services.plan_derive(actor=None, unit=tree.village, campaign=campaign)
    [assignment] = plan.assignments.all()
    assert assignment.task == "Tổ chức thực hiện các hoạt động hưởng ứng Tuần lễ tại đơn vị theo Kế hoạch này."
    assert plan.report_due is None


def test_derive_needs_a_published_parent_plan_and_no_open_draft(tree, campaign, make_user):
    editor = make_user(tree.taymo, Role.EDITOR)
    with pytest.raises(ValidationFailed, match="chưa ban hành kế hoạch"):
        services.plan_derive(actor=editor, unit=tree.taymo, campaign=campaign)
    publish_plan(tree.hanoi, campaign, number="262")
    services.plan_derive(actor=editor, unit=tree.taymo, campaign=campaign)
    with pytest.raises(ValidationFailed, match="đã có bản dự thảo"):
        services.plan_derive(actor=editor, unit=tree.taymo, campaign=campaign)
    assert Plan.objects.filter(unit=tree.taymo).count() == 1


def test_publish_refuses_a_deadline_not_one_working_day_before_the_parents(tree, campaign, hanoi_plan):
    plan = services.plan_derive(actor=None, unit=tree.taymo, campaign=campaign)
    for bad in (date(2025, 10, 20), date(2025, 10, 18), date(2025, 10, 25)):
        plan = services.plan_update(actor=None, plan=plan, lock_version=plan.lock_version,
                                    fields={"report_due": bad})
        with pytest.raises(ValidationFailed) as info:
            services.plan_publish(actor=None, plan=plan, lock_version=plan.lock_version)
        message = info.value.details[0]["message"]
        assert bad.strftime("%d/%m/%Y") in message and "20/10/2025" in message and "17/10/2025" in message
        plan.refresh_from_db()
        assert plan.status == Plan.Status.DRAFT
    plan = services.plan_update(actor=None, plan=plan, lock_version=plan.lock_version,
                                fields={"report_due": date(2025, 10, 15)})
    result = services.plan_publish(actor=None, plan=plan, lock_version=plan.lock_version)
    assert result.plan.status == Plan.Status.PUBLISHED


def test_a_plan_without_deadline_publishes_with_a_warning(tree, campaign):
    plan = services.plan_create_draft(actor=None, unit=tree.hanoi, campaign=campaign)
    result = services.plan_publish(actor=None, plan=plan, lock_version=plan.lock_version)
    assert result.plan.status == Plan.Status.PUBLISHED
    assert any("hạn báo cáo" in str(w) for w in result.warnings)


def test_published_plans_change_only_through_a_new_version(tree, campaign, hanoi_plan):
    with pytest.raises(ValidationFailed):
        services.plan_update(actor=None, plan=hanoi_plan, lock_version=hanoi_plan.lock_version,
                             fields={"title": "Sửa lén"})
    draft = services.plan_revise(actor=None, plan=hanoi_plan)
    assert draft.revision == 2 and draft.previous == hanoi_plan and draft.number == "262"
    assert draft.legal_bases.count() == hanoi_plan.legal_bases.count()
    draft = services.plan_update(actor=None, plan=draft, lock_version=draft.lock_version,
                                 fields={"opening_venue": "Cung Văn hóa Hữu nghị"})
    hanoi_plan.refresh_from_db()
    assert hanoi_plan.status == Plan.Status.PUBLISHED and hanoi_plan.opening_venue == ""
    services.plan_publish(actor=None, plan=draft, lock_version=draft.lock_version)
    hanoi_plan.refresh_from_db()
    assert hanoi_plan.status == Plan.Status.SUPERSEDED
    assert selectors.plan_current(tree.hanoi, campaign).opening_venue == "Cung Văn hóa Hữu nghị"
    assert Plan.objects.filter(unit=tree.hanoi).count() == 2


def test_a_stale_save_is_refused_and_loses_nothing(tree, campaign, make_user):
    plan = services.plan_create_draft(actor=None, unit=tree.taymo, campaign=campaign)
    first_copy, second_copy = Plan.objects.get(pk=plan.pk), Plan.objects.get(pk=plan.pk)
    services.plan_update(actor=None, plan=first_copy, lock_version=first_copy.lock_version,
                         fields={"opening_venue": "Trường THCS Nguyễn Quý Đức"},
                         activities=[{"category": None, "text": "Hoạt động của người thứ nhất"}])
    with pytest.raises(ConflictError):
        services.plan_update(actor=None, plan=second_copy, lock_version=second_copy.lock_version,
                             fields={"opening_venue": "Nhà văn hóa"}, activities=[])
    plan.refresh_from_db()
    assert plan.opening_venue == "Trường THCS Nguyễn Quý Đức"
    assert [a.text for a in plan.activities.all()] == ["Hoạt động của người thứ nhất"]


@pytest.mark.parametrize(("role", "own_unit", "allowed"), [
    (Role.EDITOR, "taymo", True), (Role.ADMIN, "hanoi", True), (Role.VIEWER, "taymo", False),
    (Role.EDITOR, "yaly", False), (Role.EDITOR, "school", False),
])
def test_who_may_write_a_plan(tree, campaign, make_user, role, own_unit, allowed):
    user = make_user(getattr(tree, own_unit), role)
    plan = services.plan_create_draft(actor=None, unit=tree.taymo, campaign=campaign)
    calls = [
        lambda: services.plan_update(actor=user, plan=plan, lock_version=plan.lock_version,
                                     fields={"title": "Kế hoạch đã sửa"}),
        lambda: services.plan_publish(actor=user, plan=Plan.objects.get(pk=plan.pk),
                                      lock_version=Plan.objects.get(pk=plan.pk).lock_version),
    ]
    for call in calls:
        if allowed:
            call()
        else:
            with pytest.raises(PermissionDeniedError):
                call()
    assert Plan.objects.get(pk=plan.pk).status == (Plan.Status.PUBLISHED if allowed else Plan.Status.DRAFT)


def test_drafts_are_private_published_plans_public(tree, campaign, make_user):
    from django.contrib.auth.models import AnonymousUser

    draft = services.plan_create_draft(actor=None, unit=tree.taymo, campaign=campaign)
    published = publish_plan(tree.yaly, campaign)
    yaly_editor = make_user(tree.yaly, Role.EDITOR)
    hanoi_viewer = make_user(tree.hanoi, Role.VIEWER)
    assert set(selectors.plans_visible_to(AnonymousUser())) == {published}
    assert set(selectors.plans_visible_to(yaly_editor)) == {published}
    assert set(selectors.plans_visible_to(hanoi_viewer)) == {published, draft}


def test_assignments_only_inside_the_subtree(tree, campaign):
    plan = services.plan_create_draft(actor=None, unit=tree.taymo, campaign=campaign)
    with pytest.raises(ValidationFailed) as info:
        services.plan_update(actor=None, plan=plan, lock_version=plan.lock_version,
                             assignments=[{"assignee": "Xã Ya Ly", "unit": tree.yaly.pk, "task": "X"}])
    assert info.value.details[0]["field"] == "assignments.0.unit"
    with pytest.raises(ValidationFailed):
        services.plan_update(actor=None, plan=plan, lock_version=plan.lock_version,
                             fields={"report_to": tree.hanoi})
    assert Plan.objects.get(pk=plan.pk).report_to == tree.taymo


def test_coverage_counts_children_and_levels(tree, campaign, hanoi_plan, django_assert_max_num_queries):
    publish_plan(tree.taymo, campaign, report_due=date(2025, 10, 15))
    services.plan_create_draft(actor=None, unit=tree.school, campaign=campaign)
    with django_assert_max_num_queries(3):
        result = selectors.coverage(tree.hanoi, campaign)
    assert {r.unit.name: r.status for r in result.children} == {"Sở Y tế Hà Nội": "none", "Phường Tây Mỗ": "published"}
    assert (result.children_counts.published, result.children_counts.draft, result.children_counts.none) == (1, 0, 1)
    taymo_row = next(r for r in result.children if r.unit == tree.taymo)
    assert (taymo_row.subtree.published, taymo_row.subtree.draft, taymo_row.subtree.none) == (0, 1, 1)
    assert [(d, c.published, c.draft, c.none) for d, c in result.levels] == [(1, 1, 0, 1), (2, 0, 1, 1)]

    national = selectors.coverage(tree.ministry, campaign)
    rows = {r.unit.name: r for r in national.children}
    assert rows["Thành phố Hà Nội"].status == "published"
    assert (rows["Thành phố Hà Nội"].subtree.published, rows["Thành phố Hà Nội"].subtree.draft,
            rows["Thành phố Hà Nội"].subtree.none) == (1, 1, 2)
    assert rows["Tỉnh Quảng Ngãi"].status == "none"


def test_a_week_that_ends_before_it_starts_is_refused(tree, campaign):
    from datetime import date

    from lifelong.core.errors import ValidationFailed

    plan = services.plan_create_draft(actor=None, unit=tree.taymo, campaign=campaign)
    with pytest.raises(ValidationFailed) as info:
        services.plan_update(actor=None, plan=plan, lock_version=plan.lock_version,
                             fields={"week_start": date(2025, 10, 10), "week_end": date(2025, 10, 1)})
    assert [d["field"] for d in info.value.details] == ["week_end"]
    plan.refresh_from_db()
    assert plan.lock_version == 1


def test_symbols_use_the_official_initials(tree):
    from lifelong.plans.headers import default_symbol

    assert default_symbol(tree.ministry, "BC") == "BC-BGDĐT"
    assert default_symbol(tree.soyte, "KH") == "KH-SYTHN"
    assert default_symbol(tree.taymo, "KH") == "KH-UBND"
