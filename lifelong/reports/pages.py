"""What the completeness page lists, prepared once in Python: a province has ~130 units directly below, and each of
their lines cost two URL reversals, a date, and a chain of conditions and translations in the template (most of the
page's time, docs/benchmarks.md, issue 18)."""

from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext as _

from lifelong.core.web import id_url_maker
from lifelong.reports.selectors import ChildRow, Completeness


@dataclass(frozen=True)
class CompletenessLine:
    row: ChildRow
    name: str
    url: str  # the unit's own completeness page
    report_url: str  # its report
    status_label: str
    due: str


def completeness_lines(result: Completeness) -> list[CompletenessLine]:
    labels = {"on_time": _("on time"), "late": _("late"), "missing": _("missing"), "excused": _("excused")}
    pending = _("not yet due")
    query = f"?campaign={result.campaign.pk}"
    completeness_url, report_url = id_url_maker("report_completeness"), id_url_maker("report_edit")
    due_format = formats.get_format("SHORT_DATE_FORMAT")
    return [CompletenessLine(
        row=row, name=row.reporter.unit.name,
        url=completeness_url(row.reporter.unit_id) + query, report_url=report_url(row.reporter.unit_id) + query,
        status_label=labels.get(row.status, pending),
        due=formats.date_format(row.reporter.due_date, due_format) if row.reporter.due_date else "",
    ) for row in result.children]
