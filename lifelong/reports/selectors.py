"""Reads of reporting: a unit's report, totals up the tree, completeness and timeliness.

Report contents are private to the unit and the levels above it (a viewer role on the unit or an
ancestor); totals and completeness of a unit are shown to the same people.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Case, CharField, Q, Value, When
from django.utils import timezone

from lifelong.campaigns.models import Campaign
from lifelong.orgs.models import OrgUnit
from lifelong.reports.models import (
    TOTAL,
    CompletenessCount,
    CountDelta,
    ExpectedReporter,
    Indicator,
    Report,
    ReportEvent,
    Total,
    TotalDelta,
)

ON_TIME, LATE, MISSING, PENDING, EXCUSED = "on_time", "late", "missing", "pending", "excused"
STATUSES = [ON_TIME, LATE, MISSING, PENDING, EXCUSED]


def report_of(unit: OrgUnit, campaign: Campaign) -> Report | None:
    return Report.objects.filter(unit=unit, campaign=campaign).select_related("unit", "campaign").first()


def report_events(report: Report) -> list[ReportEvent]:
    if report.pk is None:  # never saved (services.report_for)
        return []
    return list(report.events.exclude(action=ReportEvent.Action.SAVED).select_related("actor"))


def indicators(campaign: Campaign, *, include_retired: bool = False) -> list[Indicator]:
    queryset = campaign.indicators.all()
    if not include_retired:
        queryset = queryset.filter(retired=False)
    return list(queryset.order_by("order", "pk"))


# Totals

def _column(accepted_only: bool) -> str:
    return "accepted_sum" if accepted_only else "submitted_sum"


def _with_pending(model, delta_model, fields: tuple[str, ...], **filters):
    """The rows of a table of sums and its deltas not folded yet (reports.folding), in one statement (one
    snapshot: a fold between two reads could count a delta twice or not at all)."""
    return model.objects.filter(**filters).values_list(*fields).union(
        delta_model.objects.filter(**filters).values_list(*fields), all=True)


def unit_totals(unit: OrgUnit, campaign: Campaign, *, accepted_only: bool = False) -> dict[tuple[int, str], int]:
    """{(indicator id, group): sum} of the unit's own report and everything below it: one indexed read."""
    result: dict[tuple[int, str], int] = {}
    fields = ("indicator_id", "group", _column(accepted_only))
    for indicator_id, group, value in _with_pending(Total, TotalDelta, fields, campaign=campaign, unit=unit):
        result[(indicator_id, group)] = result.get((indicator_id, group), 0) + value
    return result


def children_totals(unit: OrgUnit, campaign: Campaign, *, accepted_only: bool = False,
                    group: str = TOTAL) -> dict[int, dict[int, int]]:
    """{child id: {indicator id: sum}} for the drill-down table, in one query."""
    result: dict[int, dict[int, int]] = {}
    for unit_id, indicator_id, value in _with_pending(Total, TotalDelta, ("unit_id", "indicator_id",
                                                                          _column(accepted_only)),
                                                      campaign=campaign, unit__parent=unit, group=group):
        sums = result.setdefault(unit_id, {})
        sums[indicator_id] = sums.get(indicator_id, 0) + value
    return result


def own_report_numbers(report: Report | None) -> dict[tuple[int, str], int]:
    from lifelong.reports.totals import report_contribution

    return report_contribution(report) if report is not None else {}


# Completeness

@dataclass
class Counts:
    on_time: int = 0
    late: int = 0
    missing: int = 0
    pending: int = 0
    excused: int = 0

    @property
    def expected(self) -> int:
        return self.on_time + self.late + self.missing + self.pending + self.excused

    @property
    def due(self) -> int:
        """Expected and not excused: the denominator of the rates."""
        return self.expected - self.excused

    def rate(self, status: str) -> int:
        return round(100 * getattr(self, status) / self.due) if self.due else 0

    @property
    def on_time_rate(self) -> int:
        return self.rate(ON_TIME)

    @property
    def reported_rate(self) -> int:
        return round(100 * (self.on_time + self.late) / self.due) if self.due else 0

    def add(self, status: str, n: int = 1) -> None:
        setattr(self, status, getattr(self, status) + n)


@dataclass
class ChildRow:
    reporter: ExpectedReporter
    status: str
    report_status: str | None
    subtree: Counts = field(default_factory=Counts)


@dataclass
class Completeness:
    unit: OrgUnit
    campaign: Campaign
    today: date
    children: list[ChildRow]
    children_counts: Counts
    subtree: Counts
    levels: list[tuple[int, Counts]]


def _state_case(today: date):
    return Case(
        When(excused=True, then=Value(EXCUSED)),
        When(Q(report_status__in=[Report.Status.SUBMITTED, Report.Status.ACCEPTED]) & Q(report_late=True),
             then=Value(LATE)),
        When(report_status__in=[Report.Status.SUBMITTED, Report.Status.ACCEPTED], then=Value(ON_TIME)),
        When(due_date__lt=today, then=Value(MISSING)),
        default=Value(PENDING), output_field=CharField())


def _read_state(state: str, due: date, today: date) -> str:
    if state == "open":
        return MISSING if due < today else PENDING
    return state


def _by_name(row) -> tuple:
    """Grouped by kind as the unit tree lists them (orgs.models.kind_rank), then in Vietnamese order."""
    unit = row.reporter.unit
    kinds = OrgUnit.Kind.values
    return (kinds.index(unit.kind) if unit.kind in kinds else len(kinds), unit.sort_key)


SORTS = {
    "name": _by_name,
    "status": lambda row: (STATUSES.index(row.status), _by_name(row)),
    "on_time": lambda row: (-row.subtree.on_time_rate if row.subtree.due else 1, row.reporter.unit.sort_key),
    "missing": lambda row: (-row.subtree.rate(MISSING), row.reporter.unit.sort_key),
}


def completeness(unit: OrgUnit, campaign: Campaign, *, today: date | None = None, sort: str = "name") -> Completeness:
    """Who below the unit reported on time, late, not at all, or was excused.

    Reads the unit's direct expected children and the maintained counts (CompletenessCount) of the
    unit and of each child: three small queries whatever the size of the subtree.
    """
    today = today or timezone.localdate()
    direct = list(ExpectedReporter.objects.filter(campaign=campaign, parent=unit)
                  .annotate(state=_state_case(today)).select_related("unit"))
    branches: dict[int, Counts] = {}
    for unit_id, state, due, n in _with_pending(CompletenessCount, CountDelta, ("unit_id", "state", "due_date", "n"),
                                                campaign=campaign, unit__parent=unit):
        branches.setdefault(unit_id, Counts()).add(_read_state(state, due, today), n)
    levels: dict[int, Counts] = {}
    subtree = Counts()
    for depth, state, due, n in _with_pending(CompletenessCount, CountDelta, ("depth", "state", "due_date", "n"),
                                              campaign=campaign, unit=unit):
        if depth == unit.depth:
            continue
        levels.setdefault(depth - unit.depth, Counts()).add(_read_state(state, due, today), n)
        subtree.add(_read_state(state, due, today), n)
    children = [ChildRow(reporter=r, status=r.state, report_status=r.report_status,
                         subtree=branches.get(r.unit_id, Counts())) for r in direct]
    children.sort(key=SORTS.get(sort, SORTS["name"]))
    children_counts = Counts()
    for row in children:
        children_counts.add(row.status)
    return Completeness(unit=unit, campaign=campaign, today=today, children=children,
                        children_counts=children_counts, subtree=subtree, levels=sorted(levels.items()))
