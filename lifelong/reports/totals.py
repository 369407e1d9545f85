"""Keeping `Total` right: every counted report's numbers added to its unit and every ancestor.

A transition adds or removes one report's contribution with a single upsert statement per batch:
INSERT ... ON CONFLICT (campaign, unit, indicator, group) DO UPDATE SET sum = sum + excluded.sum,
which PostgreSQL and SQLite both run atomically per row, so concurrent submits below the same parent
never lose an update. Rows are written in a fixed order to keep PostgreSQL's row locks in one order.
The rows of the Ministry and the provinces get the change as a pending delta instead, folded in about
once a second (folding.py): at the deadline every submit of the country would otherwise queue on them.
"""

from collections import defaultdict

from lifelong.orgs.models import OrgUnit
from lifelong.reports import folding
from lifelong.reports.models import TOTAL, Indicator, Report, ReportValue, Total, TotalDelta

SUBMITTED, ACCEPTED = "submitted_sum", "accepted_sum"


def report_contribution(report: Report) -> dict[tuple[int, str], int]:
    """{(indicator id, group): number} of a report's own numeric values, with broken-down totals."""
    contribution: dict[tuple[int, str], int] = defaultdict(int)
    rows = (ReportValue.objects.filter(report=report, state=ReportValue.State.VALUE, number__isnull=False)
            .exclude(indicator__kind=Indicator.Kind.TEXT).values_list("indicator_id", "group", "number"))
    for indicator_id, group, number in rows:
        contribution[(indicator_id, group)] += number
        if group != TOTAL:
            contribution[(indicator_id, TOTAL)] += number
    return dict(contribution)


def _ancestor_depths(unit: OrgUnit) -> dict[int, int]:
    """{id: depth} of the unit and every ancestor, in one query."""
    return dict(OrgUnit.objects.filter(path__in=[*unit.ancestor_paths(), unit.path]).values_list("pk", "depth"))


def apply(report: Report, *, sign: int, columns: tuple[str, ...]) -> None:
    """Add (sign=1) or remove (sign=-1) the report's contribution in the given columns."""
    contribution = report_contribution(report)
    if not contribution:
        return
    sums = {column: sign if column in columns else 0 for column in (SUBMITTED, ACCEPTED)}
    depths = _ancestor_depths(report.unit)
    rows = [
        (report.campaign_id, unit_id, indicator_id, group, value * sums[SUBMITTED], value * sums[ACCEPTED])
        for unit_id in depths
        for (indicator_id, group), value in contribution.items()
    ]
    folding.add(folding.TOTALS, rows, depths)


def rebuild(campaign_id: int) -> int:
    """Recompute every total of a campaign from the reports (a repair tool; normal work never needs it)."""
    Total.objects.filter(campaign_id=campaign_id).delete()
    TotalDelta.objects.filter(campaign_id=campaign_id).delete()
    count = 0
    for report in Report.objects.filter(campaign_id=campaign_id, status__in=[Report.Status.SUBMITTED,
                                                                             Report.Status.ACCEPTED]).select_related("unit"):
        columns = (SUBMITTED, ACCEPTED) if report.status == Report.Status.ACCEPTED else (SUBMITTED,)
        apply(report, sign=1, columns=columns)
        count += 1
    return count
