"""What waits for an official, per unit they hold a role on: the "Việc cần làm" page after login.

For each unit: its own plan for the current campaign (none, a draft, published) and the parent's plan to
derive it from, with the parent's report deadline; its own report (status, due date, days left); the
children's reports submitted and waiting for review (oldest first); how many children have not planned
and how many have not reported. Reads only: about ten grouped queries for all the units together, whatever
their number and the size of their subtrees (the totals of deeper levels are on the coverage and
completeness pages, linked from here).
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q
from django.utils import timezone

from lifelong.campaigns.models import Campaign
from lifelong.orgs import permissions
from lifelong.orgs.models import OrgUnit
from lifelong.plans import selectors as plan_selectors
from lifelong.plans.models import Plan
from lifelong.reports.models import ExpectedReporter, Notification, Report

WAITING_SHOWN = 5
MAX_UNITS = 20


@dataclass
class UnitTasks:
    unit: OrgUnit
    can_edit: bool
    plan: Plan | None  # the unit's published plan, else its draft, else None
    parent_plan: Plan | None  # the parent's published plan (to derive from)
    report: Report | None
    report_due: date | None
    days_left: int | None
    waiting_review: list[Report] = field(default_factory=list)
    waiting_count: int = 0
    children: int = 0
    children_without_plan: int = 0
    children_not_reported: int = 0  # missing (due date passed) or not yet due, not excused

    @classmethod
    def idle(cls, user, unit: OrgUnit) -> "UnitTasks":
        return cls(unit=unit, can_edit=permissions.can_edit(user, unit), plan=None, parent_plan=None, report=None,
                   report_due=None, days_left=None)

    @property
    def needs_plan(self) -> bool:
        return self.plan is None or self.plan.status == Plan.Status.DRAFT

    @property
    def days_late(self) -> int:
        return -self.days_left if self.days_left is not None and self.days_left < 0 else 0

    @property
    def report_done(self) -> bool:
        return self.report is not None and self.report.status in (Report.Status.SUBMITTED, Report.Status.ACCEPTED)


@dataclass
class Dashboard:
    campaign: Campaign | None
    units: list[UnitTasks]
    notifications: list[Notification]
    unread: int
    more_units: int = 0  # units beyond MAX_UNITS, not shown (their pages are reached from the unit tree)


def _tasks(user, units: list[OrgUnit], campaign: Campaign, today: date) -> list[UnitTasks]:
    """The tasks of all the units at once: a fixed number of grouped queries, however many units."""
    ids = [unit.pk for unit in units]
    plans = plan_selectors.current_plans(campaign, set(ids) | {u.parent_id for u in units if u.parent_id})
    expected = {e.unit_id: e for e in ExpectedReporter.objects.filter(campaign=campaign, unit_id__in=ids)}
    reports = {r.unit_id: r for r in Report.objects.filter(campaign=campaign, unit_id__in=ids)}
    children = dict(OrgUnit.objects.filter(parent_id__in=ids).values("parent_id").annotate(n=Count("pk"))
                    .order_by().values_list("parent_id", "n"))
    with_plan = plan_selectors.children_with_published_plan(campaign, ids)
    not_reported = dict(
        ExpectedReporter.objects.filter(campaign=campaign, parent_id__in=ids, excused=False)
        .exclude(report_status__in=[Report.Status.SUBMITTED, Report.Status.ACCEPTED])
        .values("parent_id").annotate(n=Count("pk")).order_by().values_list("parent_id", "n"))
    waiting: dict[int, list[Report]] = {}
    for report in (Report.objects.filter(campaign=campaign, unit__parent_id__in=ids, status=Report.Status.SUBMITTED)
                   .select_related("unit").order_by("submitted_at", "pk")):
        waiting.setdefault(report.unit.parent_id, []).append(report)
    result = []
    for unit in units:
        mine = expected.get(unit.pk)
        due = mine.due_date if mine and not mine.excused else None
        parent_plan = plans.get(unit.parent_id)
        result.append(UnitTasks(
            unit=unit, can_edit=permissions.can_edit(user, unit), plan=plans.get(unit.pk),
            parent_plan=parent_plan if parent_plan and parent_plan.status == Plan.Status.PUBLISHED else None,
            report=reports.get(unit.pk), report_due=due, days_left=(due - today).days if due else None,
            waiting_review=waiting.get(unit.pk, [])[:WAITING_SHOWN], waiting_count=len(waiting.get(unit.pk, [])),
            children=children.get(unit.pk, 0),
            children_without_plan=children.get(unit.pk, 0) - with_plan.get(unit.pk, 0),
            children_not_reported=not_reported.get(unit.pk, 0)))
    return result


def dashboard_for(user, campaign: Campaign | None, *, today: date | None = None) -> Dashboard:
    """The tasks of every unit the user holds a role on (the tops of their scope), and their notifications."""
    today = today or timezone.localdate()
    home = permissions.home_units(user)
    units = list(home[:MAX_UNITS])
    notes = Notification.objects.filter(user=user)
    unread = notes.aggregate(n=Count("pk", filter=Q(read_at__isnull=True)))["n"]
    # Before the Ministry opens a campaign there is nothing to do yet: the units are listed without tasks.
    tasks = _tasks(user, units, campaign, today) if campaign else [UnitTasks.idle(user, unit) for unit in units]
    more = home.count() - len(units) if len(units) == MAX_UNITS else 0
    return Dashboard(campaign=campaign, units=tasks, notifications=list(notes[:5]), unread=unread, more_units=more)
