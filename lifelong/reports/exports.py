"""The totals table of a unit (children × indicators) as a page, .xlsx and .csv; the results report as .docx.

A unit directly below is **counted** when its own report is in the totals being read (submitted or
accepted; accepted only when the parent reads accepted reports only) or when something below it is
(a non-zero sum). A unit that is not counted shows no numbers at all — "chưa báo cáo", or "miễn" when the
parent excused it — rather than a row of zeros; a counted unit shows a blank where nobody below it
answered an indicator and 0 where someone answered 0. The same rule holds on the page, in the .xlsx and
in the .csv, which also carry the state of each unit's own report in words.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from lifelong.campaigns.models import Campaign
from lifelong.core import exports
from lifelong.core.exports import Sheet
from lifelong.core.text import search_key
from lifelong.core.web import id_url_maker
from lifelong.documents.nd30 import OfficialDocument, Section, Signature, Table, build_docx
from lifelong.orgs import selectors as org_selectors
from lifelong.orgs.models import OrgUnit
from lifelong.plans import headers
from lifelong.plans.models import issuer_name
from lifelong.reports import selectors
from lifelong.reports.models import GROUPS, TOTAL, ExpectedReporter, Indicator, ParticipantGroup, Report
from lifelong.reports.templatetags.report_numbers import format_value, value_formatter

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# The state of a unit's own report, in words (never the raw code).
ACCEPTED, SUBMITTED, DRAFT, RETURNED, NOT_REPORTED, EXCUSED = (
    "accepted", "submitted", "draft", "returned", "not_reported", "excused")
STATE_LABELS = {
    ACCEPTED: _("Accepted"),
    SUBMITTED: _("Submitted"),
    DRAFT: _("Draft"),
    RETURNED: _("Returned"),
    NOT_REPORTED: _("Not reported"),
    EXCUSED: _("Excused"),
}
# What a unit that is not counted shows instead of its numbers.
NOT_ACCEPTED = "not_accepted"
BLANK_LABELS = {
    NOT_REPORTED: STATE_LABELS[NOT_REPORTED],
    EXCUSED: STATE_LABELS[EXCUSED],
    NOT_ACCEPTED: _("Not yet accepted"),
}
LAYOUT_INDICATORS, LAYOUT_UNITS = "indicators", "units"
LAYOUTS = (LAYOUT_INDICATORS, LAYOUT_UNITS)
# Up to this many units directly below, the page puts indicators in rows and units in columns; beyond it
# (a city's 129 communes) units in rows read better. ?layout= chooses either way.
INDICATOR_ROWS_UP_TO = 12


@dataclass
class IndicatorTotal:
    indicator: Indicator
    label: str
    total: int | None
    groups: dict[str, int | None]


@dataclass
class ChildTotals:
    """One unit directly below (or the unit's own report): its sums and the state of its own report."""

    unit: OrgUnit
    values: dict[int, int]  # {indicator id: sum} of the rows that exist
    report_status: str | None  # the raw code, for the API
    returned: bool = False
    excused: bool = False
    counted: bool = True

    @property
    def state(self) -> str:
        if self.report_status in (Report.Status.SUBMITTED, Report.Status.ACCEPTED):
            return self.report_status
        if self.excused:
            return EXCUSED
        if self.report_status == Report.Status.DRAFT:
            return RETURNED if self.returned else DRAFT
        return NOT_REPORTED

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS[self.state])

    @property
    def blank_reason(self) -> str:
        """Why an uncounted unit shows no numbers: excused, reported but not yet accepted, or not reported."""
        if self.excused and self.report_status not in (Report.Status.SUBMITTED, Report.Status.ACCEPTED):
            return EXCUSED
        if self.report_status == Report.Status.SUBMITTED:
            return NOT_ACCEPTED
        return NOT_REPORTED

    @property
    def blank_label(self) -> str:
        return str(BLANK_LABELS[self.blank_reason])

    def value(self, indicator: Indicator) -> int | None:
        """The number to show: None when the unit is not counted or nobody answered the indicator."""
        return self.values.get(indicator.pk) if self.counted else None


@dataclass
class TotalsTable:
    unit: OrgUnit
    campaign: Campaign
    accepted_only: bool
    indicators: list[Indicator]
    unit_totals: list[IndicatorTotal]
    children: list[ChildTotals]
    own: dict[int, int]  # the unit's own report, as counted in its totals (0 where nothing; the API's shape)
    total_row: dict[int, int]
    own_entry: ChildTotals | None = None  # the unit's own report with the blank rule of the children
    total_values: dict[int, int] = field(default_factory=dict)  # {indicator id: total} of the rows that exist

    def numeric_indicators(self) -> list[Indicator]:
        return [i for i in self.indicators if i.is_numeric]

    def default_layout(self) -> str:
        return LAYOUT_INDICATORS if len(self.children) <= INDICATOR_ROWS_UP_TO else LAYOUT_UNITS


def _counted_status(accepted_only: bool) -> tuple[str, ...]:
    return (Report.Status.ACCEPTED,) if accepted_only else (Report.Status.SUBMITTED, Report.Status.ACCEPTED)


def totals_table(unit: OrgUnit, campaign: Campaign, *, accepted_only: bool = False, language: str = "vi"):
    """Everything the totals page and its exports show, in a fixed handful of queries whatever the number
    of units below: the indicators, the unit's sums, its children's sums, the children, the reports of the
    unit and its children, and who of them is excused."""
    indicators = [i for i in selectors.indicators(campaign)]
    sums = selectors.unit_totals(unit, campaign, accepted_only=accepted_only)
    per_child = selectors.children_totals(unit, campaign, accepted_only=accepted_only)
    children = list(org_selectors.unit_children(unit))
    # By the ids just read: "the unit's parent is this one, or it is this one" joined every report of the country to
    # the tree (a quarter of a second on the national dataset, docs/benchmarks.md issue 18).
    reports = {unit_id: (status, bool(comment)) for unit_id, status, comment in Report.objects.filter(
        unit_id__in=[unit.pk, *(c.pk for c in children)], campaign=campaign).values_list(
        "unit_id", "status", "return_comment")}
    excused = set(ExpectedReporter.objects.filter(Q(parent=unit) | Q(unit=unit), campaign=campaign, excused=True)
                  .values_list("unit_id", flat=True))
    counted_status = _counted_status(accepted_only)
    numeric = [i for i in indicators if i.is_numeric]

    def entry(of: OrgUnit, values: dict[int, int]) -> ChildTotals:
        status, returned = reports.get(of.pk, (None, False))
        return ChildTotals(unit=of, values=values, report_status=status, returned=returned,
                           excused=of.pk in excused,
                           counted=status in counted_status or any(v for v in values.values()))

    unit_totals = [
        IndicatorTotal(indicator=i, label=i.label_for(language), total=sums.get((i.pk, TOTAL)),
                       groups={g: sums.get((i.pk, g)) for g in GROUPS} if i.breakdown else {})
        for i in numeric]
    total_row = {i.pk: sums.get((i.pk, TOTAL), 0) for i in numeric}
    own = {pk: value - sum(per_child.get(c.pk, {}).get(pk, 0) for c in children) for pk, value in total_row.items()}
    total_values = {i.pk: sums[(i.pk, TOTAL)] for i in numeric if (i.pk, TOTAL) in sums}
    return TotalsTable(
        unit=unit, campaign=campaign, accepted_only=accepted_only, indicators=indicators, unit_totals=unit_totals,
        children=[entry(c, per_child.get(c.pk, {})) for c in children],
        own=own, total_row=total_row, total_values=total_values,
        own_entry=entry(unit, {pk: own[pk] for pk in total_values}))


# The page: one grid, indicators in rows or units in rows.

@dataclass
class Head:
    """A row or column heading: an indicator, or a unit (a child, the unit's own report, the total)."""

    kind: str  # "indicator", "child", "own", "total"
    key: str  # indicator code, or "u<unit id>", "own", "total" (the cells' data-* attributes)
    text: str
    title: str = ""
    unit_label: str = ""
    url: str = ""
    state: str = ""
    state_label: str = ""


@dataclass
class Cell:
    text: str = ""
    css: str = "num"
    colspan: int = 1
    rowspan: int = 1
    unit: str = ""
    code: str = ""


@dataclass
class GridRow:
    head: Head
    cells: list[Cell]


@dataclass
class Grid:
    layout: str
    corner: str
    columns: list[Head]
    rows: list[GridRow]


def _entities(table: TotalsTable, language: str) -> list[tuple[Head, ChildTotals | None]]:
    """The total first (what one reads first), then the unit's own report, then the units below."""
    query = f"?campaign={table.campaign.pk}" + ("&accepted=1" if table.accepted_only else "")
    with translation.override(language):
        items: list[tuple[Head, ChildTotals | None]] = [(Head("total", "total", str(_("Total"))), None)]
        own = table.own_entry
        items.append((Head("own", "own", str(_("Own report")), title=table.unit.name,
                           url=reverse("report_edit", args=[table.unit.pk]) + f"?campaign={table.campaign.pk}",
                           state=own.state, state_label=own.state_label), own))
        totals_url = id_url_maker("report_totals")
        for child in table.children:
            items.append((Head("child", f"u{child.unit.pk}", child.unit.name, url=totals_url(child.unit.pk) + query,
                               state=child.state, state_label=child.state_label), child))
    return items


def _value_cell(table: TotalsTable, entity: ChildTotals | None, indicator: Indicator, key: str,
                formatted=format_value) -> Cell:
    value = table.total_values.get(indicator.pk) if entity is None else entity.value(indicator)
    return Cell(text=formatted(value, indicator) if value is not None else "—",
                css="num" if value is not None else "num blank", unit=key, code=indicator.code)


def totals_grid(table: TotalsTable, layout: str, language: str = "vi") -> Grid:
    """The subtree table of the page. An uncounted unit gets one cell across all its indicators that says
    why it has no numbers (a colspan in a row of units, a rowspan in a column)."""
    numeric = table.numeric_indicators()
    entities = _entities(table, language)
    indicator_heads = [Head("indicator", i.code, i.code, title=i.label_for(language), unit_label=i.unit_label)
                       for i in numeric]
    with translation.override(language):
        corner = str(_("Indicator")) if layout == LAYOUT_INDICATORS else str(_("Unit"))
    formatted = value_formatter()  # the figures as format_value writes them, the language's grouping read once
    if layout == LAYOUT_UNITS:
        rows = []
        for head, entity in entities:
            if entity is not None and not entity.counted:
                cells = [Cell(text=entity.blank_label, css=f"no-report no-report-{entity.blank_reason}",
                              colspan=len(numeric), unit=head.key)] if numeric else []
            else:
                cells = [_value_cell(table, entity, i, head.key, formatted) for i in numeric]
            rows.append(GridRow(head, cells))
        return Grid(layout, corner, indicator_heads, rows)
    rows = []
    for position, (indicator, head) in enumerate(zip(numeric, indicator_heads, strict=True)):
        cells = []
        for entity_head, entity in entities:
            if entity is not None and not entity.counted:
                if position == 0:
                    cells.append(Cell(text=entity.blank_label, css=f"no-report no-report-{entity.blank_reason}",
                                      rowspan=len(numeric), unit=entity_head.key))
                continue
            cells.append(_value_cell(table, entity, indicator, entity_head.key, formatted))
        rows.append(GridRow(head, cells))
    return Grid(layout, corner, [h for h, _e in entities], rows)


# Exports (Vietnamese, as the official documents are).

def _state_vi(entry: ChildTotals) -> str:
    with translation.override("vi"):
        return entry.state_label


def _rows(table: TotalsTable) -> list[list]:
    numeric = table.numeric_indicators()
    header = ["Đơn vị", "Tình trạng báo cáo"] + [f"{i.code}. {i.label}" for i in numeric]
    rows = [header]
    for child in table.children:
        rows.append([child.unit.name, _state_vi(child)] + [child.value(i) for i in numeric])
    own = table.own_entry
    rows.append([f"{table.unit.name} (báo cáo của đơn vị)", _state_vi(own)] + [own.value(i) for i in numeric])
    rows.append(["Tổng cộng", ""] + [table.total_values.get(i.pk) for i in numeric])
    return rows


def _filename(table: TotalsTable, extension: str) -> str:
    return f"tong-hop-{slugify(search_key(table.unit.name))}-{table.campaign.year}.{extension}"


def xlsx_response(table: TotalsTable) -> HttpResponse:
    header, *rows = _rows(table)
    sheet = Sheet("Tong hop", header, rows, freeze_panes="B2", column_widths={"A": 40, "B": 18})
    return exports.xlsx_response(_filename(table, "xlsx"), [sheet])


def csv_response(table: TotalsTable) -> HttpResponse:
    return exports.csv_response(_filename(table, "csv"), _rows(table))


def _number(value: int | None) -> str:
    return "" if value is None else f"{value:,}".replace(",", ".")


def report_document(unit: OrgUnit, campaign: Campaign, *, accepted_only: bool = False) -> OfficialDocument:
    ancestors = org_selectors.unit_breadcrumbs(unit)
    parent = ancestors[-1] if ancestors else None
    parent_line, issuing_line = headers.body_lines(unit, parent)
    report = selectors.report_of(unit, campaign)
    narrative = report.narrative if report else {}
    table = totals_table(unit, campaign, accepted_only=accepted_only)
    sections = [Section(s.title, [p for p in narrative.get(s.code, "").split("\n") if p.strip()] or ["…"])
                for s in campaign.narrative_sections.all()]
    group_names = dict(ParticipantGroup.choices)
    with translation.override("vi"):  # an official report is in Vietnamese whatever the reader's interface
        header = ["Mã", "Chỉ tiêu", "Đơn vị tính", "Tổng số"] + [str(group_names[g]) for g in GROUPS]
    # A yes/no indicator adds up to how many units answered "có": say so instead of "có/không 7".
    rows = [[t.indicator.code, t.label,
             "số đơn vị trả lời “có”" if t.indicator.kind == Indicator.Kind.YESNO else t.indicator.unit_label,
             _number(t.total)]
            + [_number(t.groups.get(g)) if t.indicator.breakdown else "" for g in GROUPS] for t in table.unit_totals]
    appendices = [Table(title=f"Số liệu kết quả tổ chức {campaign.name}", header=header, rows=rows,
                        note=f"(Kèm theo Báo cáo của {issuer_name(unit)}; số liệu gồm báo cáo của đơn vị và của "
                             "các đơn vị trực thuộc đã gửi)")]
    reporters = _reporters_table(unit, campaign)
    if reporters is not None:
        appendices.append(reporters)
    return OfficialDocument(
        kind_title="BÁO CÁO", parent_body=parent_line, issuing_body=issuing_line, number="",
        symbol=headers.default_symbol(unit, "BC"), place=headers.place_of(unit, ancestors), issue_date=None,
        year=campaign.year, subject=f"Kết quả tổ chức {campaign.name}",
        addressees=[issuer_name(parent)] if parent else [], sections=sections,
        recipients=["Như trên", "Lưu: VT"], signature=Signature(**_signature(unit)),
        appendices=appendices)


_REPORTER_STATES = {"on_time": "Đã gửi đúng hạn", "late": "Đã gửi muộn", "missing": "Chưa báo cáo (quá hạn)",
                    "pending": "Chưa báo cáo (chưa đến hạn)", "excused": "Được miễn"}


def _reporters_table(unit: OrgUnit, campaign: Campaign) -> Table | None:
    """Which units below had to report, and whether they did: the level above reads the figures with it."""
    result = selectors.completeness(unit, campaign)
    if not result.children:
        return None
    submitted = dict(Report.objects.filter(campaign=campaign, unit__parent=unit, submitted_at__isnull=False)
                     .values_list("unit_id", "submitted_at"))
    rows = [[str(number), row.reporter.unit.name, _REPORTER_STATES.get(row.status, row.status),
             row.reporter.due_date.strftime("%d/%m/%Y"),
             timezone.localtime(submitted[row.reporter.unit_id]).strftime("%d/%m/%Y")
             if row.reporter.unit_id in submitted and row.status in ("on_time", "late") else ""]
            for number, row in enumerate(result.children, start=1)]
    counts = result.children_counts
    return Table(title="Tình hình báo cáo của các đơn vị trực thuộc",
                 header=["STT", "Đơn vị", "Tình trạng báo cáo", "Hạn báo cáo", "Ngày gửi"], rows=rows,
                 note=f"(Đúng hạn: {counts.on_time}; muộn: {counts.late}; chưa báo cáo: "
                      f"{counts.missing + counts.pending}; được miễn: {counts.excused})")


def _signature(unit: OrgUnit) -> dict:
    default = headers.default_signature(unit)
    return {"mode": default["signature_mode"], "authority": default["signature_authority"],
            "title": default["signature_title"], "name": ""}


def report_docx_response(unit: OrgUnit, campaign: Campaign, *, accepted_only: bool = False) -> HttpResponse:
    data = build_docx(report_document(unit, campaign, accepted_only=accepted_only))
    response = HttpResponse(data, content_type=DOCX)
    response["Content-Disposition"] = (
        f'attachment; filename="bao-cao-{slugify(search_key(unit.name))}-{campaign.year}.docx"')
    return response
