"""The totals table of a unit (children × indicators) as a page, .xlsx and .csv; the results report as .docx."""

from dataclasses import dataclass

from django.http import HttpResponse
from django.utils.text import slugify

from lifelong.campaigns.models import Campaign
from lifelong.core import exports
from lifelong.core.exports import Sheet
from lifelong.core.text import search_key
from lifelong.documents.nd30 import OfficialDocument, Section, Signature, Table, build_docx
from lifelong.orgs import selectors as org_selectors
from lifelong.orgs.models import OrgUnit
from lifelong.plans import headers
from lifelong.plans.models import issuer_name
from lifelong.reports import selectors
from lifelong.reports.models import GROUPS, TOTAL, Indicator, ParticipantGroup, Report

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass
class IndicatorTotal:
    indicator: Indicator
    label: str
    total: int | None
    groups: dict[str, int | None]


@dataclass
class ChildTotals:
    unit: OrgUnit
    values: dict[int, int]
    report_status: str | None


@dataclass
class TotalsTable:
    unit: OrgUnit
    campaign: Campaign
    accepted_only: bool
    indicators: list[Indicator]
    unit_totals: list[IndicatorTotal]
    children: list[ChildTotals]
    own: dict[int, int]  # the unit's own report, as counted in its totals
    total_row: dict[int, int]

    def numeric_indicators(self) -> list[Indicator]:
        return [i for i in self.indicators if i.is_numeric]


def totals_table(unit: OrgUnit, campaign: Campaign, *, accepted_only: bool = False, language: str = "vi"):
    indicators = [i for i in selectors.indicators(campaign)]
    sums = selectors.unit_totals(unit, campaign, accepted_only=accepted_only)
    per_child = selectors.children_totals(unit, campaign, accepted_only=accepted_only)
    children = list(OrgUnit.objects.filter(parent=unit).order_by("kind", "name"))
    statuses = dict(Report.objects.filter(campaign=campaign, unit__parent=unit).values_list("unit_id", "status"))
    unit_totals = [
        IndicatorTotal(indicator=i, label=i.label_for(language), total=sums.get((i.pk, TOTAL)),
                       groups={g: sums.get((i.pk, g)) for g in GROUPS} if i.breakdown else {})
        for i in indicators if i.is_numeric]
    total_row = {i.pk: sums.get((i.pk, TOTAL), 0) for i in indicators if i.is_numeric}
    own = {pk: value - sum(per_child.get(c.pk, {}).get(pk, 0) for c in children) for pk, value in total_row.items()}
    return TotalsTable(
        unit=unit, campaign=campaign, accepted_only=accepted_only, indicators=indicators, unit_totals=unit_totals,
        children=[ChildTotals(unit=c, values=per_child.get(c.pk, {}), report_status=statuses.get(c.pk))
                  for c in children],
        own=own, total_row=total_row)


def _rows(table: TotalsTable) -> list[list]:
    numeric = table.numeric_indicators()
    header = ["Đơn vị"] + [f"{i.code}. {i.label}" for i in numeric]
    rows = [header]
    for child in table.children:
        rows.append([child.unit.name] + [child.values.get(i.pk, 0) for i in numeric])
    rows.append([f"{table.unit.name} (báo cáo của đơn vị)"] + [table.own.get(i.pk, 0) for i in numeric])
    rows.append(["Tổng cộng"] + [table.total_row.get(i.pk, 0) for i in numeric])
    return rows


def _filename(table: TotalsTable, extension: str) -> str:
    return f"tong-hop-{slugify(search_key(table.unit.name))}-{table.campaign.year}.{extension}"


def xlsx_response(table: TotalsTable) -> HttpResponse:
    header, *rows = _rows(table)
    sheet = Sheet("Tong hop", header, rows, freeze_panes="B2", column_widths={"A": 40})
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
    header = ["Mã", "Chỉ tiêu", "Đơn vị tính", "Tổng số"] + [str(group_names[g]) for g in GROUPS]
    rows = [[t.indicator.code, t.label, t.indicator.unit_label, _number(t.total)]
            + [_number(t.groups.get(g)) if t.indicator.breakdown else "" for g in GROUPS] for t in table.unit_totals]
    return OfficialDocument(
        kind_title="BÁO CÁO", parent_body=parent_line, issuing_body=issuing_line, number="",
        symbol=headers.default_symbol(unit, "BC"), place=headers.place_of(unit, ancestors), issue_date=None,
        year=campaign.year, subject=f"Kết quả tổ chức {campaign.name}",
        addressees=[issuer_name(parent)] if parent else [], sections=sections,
        recipients=["Như trên", "Lưu: VT"], signature=Signature(**_signature(unit)),
        appendices=[Table(title=f"Số liệu kết quả tổ chức {campaign.name}", header=header, rows=rows,
                          note=f"(Kèm theo Báo cáo của {issuer_name(unit)})")])


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
