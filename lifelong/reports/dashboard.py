"""What waits for an official, per unit they hold a role on: the "Việc cần làm" page after login.

For each unit: its own plan for the current campaign (none, a draft, published) and the parent's plan to
derive it from, with the parent's report deadline; its own report (status, due date, days left); the
children's reports submitted and waiting for review (oldest first); how many children have not planned
and how many have not reported. Reads only, a handful of small queries per unit whatever the size of the
subtree (children are counted with grouped queries; the totals of deeper levels are on the coverage and
completeness pages, linked from here).
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q
from django.utils import timezone

from lifelong.campaigns.models import Campaign
from lifelong.orgs import permissions
from lifelong.orgs.models import OrgUnit
from lifelong.plans.models import Plan
from lifelong.reports import selectors
from lifelong.reports.models import ExpectedReporter, Notification, Report

WAITING_SHOWN = 5


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


def _unit_tasks(user, unit: OrgUnit, campaign: Campaign, today: date) -> UnitTasks:
    plans = {p.status: p for p in Plan.objects.filter(unit=unit, campaign=campaign,
                                                      status__in=[Plan.Status.PUBLISHED, Plan.Status.DRAFT])}
    parent_plan = (Plan.objects.filter(unit_id=unit.parent_id, campaign=campaign, status=Plan.Status.PUBLISHED)
                   .select_related("unit").first() if unit.parent_id else None)
    expected = ExpectedReporter.objects.filter(campaign=campaign, unit=unit).first()
    due = expected.due_date if expected and not expected.excused else None
    waiting = (Report.objects.filter(campaign=campaign, unit__parent=unit, status=Report.Status.SUBMITTED)
               .select_related("unit").order_by("submitted_at", "pk"))
    children = OrgUnit.objects.filter(parent=unit).count()
    with_plan = (Plan.objects.filter(campaign=campaign, unit__parent=unit,
                                     status=Plan.Status.PUBLISHED).values("unit").distinct().count())
    not_reported = selectors.completeness(unit, campaign, today=today).children_counts
    return UnitTasks(
        unit=unit, can_edit=permissions.can_edit(user, unit),
        plan=plans.get(Plan.Status.PUBLISHED) or plans.get(Plan.Status.DRAFT), parent_plan=parent_plan,
        report=selectors.report_of(unit, campaign), report_due=due,
        days_left=(due - today).days if due else None,
        waiting_review=list(waiting[:WAITING_SHOWN]), waiting_count=waiting.count(),
        children=children, children_without_plan=children - with_plan,
        children_not_reported=not_reported.missing + not_reported.pending)


def dashboard_for(user, campaign: Campaign | None, *, today: date | None = None) -> Dashboard:
    """The tasks of every unit the user holds a role on (the tops of their scope), and their notifications."""
    today = today or timezone.localdate()
    units = list(permissions.home_units(user)[:20])
    notes = Notification.objects.filter(user=user)
    unread = notes.aggregate(n=Count("pk", filter=Q(read_at__isnull=True)))["n"]
    # Before the Ministry opens a campaign there is nothing to do yet: the units are listed without tasks.
    tasks = [_unit_tasks(user, unit, campaign, today) if campaign else UnitTasks.idle(user, unit) for unit in units]
    return Dashboard(campaign=campaign, units=tasks, notifications=list(notes[:5]), unread=unread)
