"""Keeping `Total` right: every counted report's numbers added to its unit and every ancestor.

A transition adds or removes one report's contribution with a single upsert statement per batch:
INSERT ... ON CONFLICT (campaign, unit, indicator, group) DO UPDATE SET sum = sum + excluded.sum,
which PostgreSQL and SQLite both run atomically per row, so concurrent submits below the same parent
never lose an update. Rows are written in a fixed order to keep PostgreSQL's row locks in one order.
"""

from collections import defaultdict

from django.db import connection

from lifelong.orgs.models import OrgUnit
from lifelong.reports.models import TOTAL, Indicator, Report, ReportValue, Total

SUBMITTED, ACCEPTED = "submitted_sum", "accepted_sum"
_BATCH = 500


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


def _ancestor_ids(unit: OrgUnit) -> list[int]:
    return sorted(OrgUnit.objects.filter(path__in=[*unit.ancestor_paths(), unit.path]).values_list("pk", flat=True))


def apply(report: Report, *, sign: int, columns: tuple[str, ...]) -> None:
    """Add (sign=1) or remove (sign=-1) the report's contribution in the given columns."""
    contribution = report_contribution(report)
    if not contribution:
        return
    table = connection.ops.quote_name(Total._meta.db_table)
    q = connection.ops.quote_name
    sums = {column: sign if column in columns else 0 for column in (SUBMITTED, ACCEPTED)}
    rows = [
        (report.campaign_id, unit_id, indicator_id, group, value * sums[SUBMITTED], value * sums[ACCEPTED])
        for unit_id in _ancestor_ids(report.unit)
        for (indicator_id, group), value in sorted(contribution.items())
    ]
    columns_sql = ", ".join(q(c) for c in ("campaign_id", "unit_id", "indicator_id", "group", SUBMITTED, ACCEPTED))
    conflict = ", ".join(q(c) for c in ("campaign_id", "unit_id", "indicator_id", "group"))
    update = ", ".join(f"{q(c)} = {table}.{q(c)} + excluded.{q(c)}" for c in (SUBMITTED, ACCEPTED))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), _BATCH):
            batch = rows[start:start + _BATCH]
            placeholders = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(batch))
            cursor.execute(
                f"INSERT INTO {table} ({columns_sql}) VALUES {placeholders} "
                f"ON CONFLICT ({conflict}) DO UPDATE SET {update}",
                [value for row in batch for value in row],
            )


def rebuild(campaign_id: int) -> int:
    """Recompute every total of a campaign from the reports (a repair tool; normal work never needs it)."""
    Total.objects.filter(campaign_id=campaign_id).delete()
    count = 0
    for report in Report.objects.filter(campaign_id=campaign_id, status__in=[Report.Status.SUBMITTED,
                                                                             Report.Status.ACCEPTED]).select_related("unit"):
        columns = (SUBMITTED, ACCEPTED) if report.status == Report.Status.ACCEPTED else (SUBMITTED,)
        apply(report, sign=1, columns=columns)
        count += 1
    return count
