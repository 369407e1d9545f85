"""Unit names reach the totals .xlsx and .csv as plain text, never as formulas (issue 11, point 5)."""

import csv
import io

import openpyxl
from django.urls import reverse

from lifelong.orgs.models import Membership, OrgUnit
from lifelong.orgs.services import unit_create
from lifelong.reports.tests.conftest import GOOD, fill, stored_report, submit


def _url(name, unit, campaign):
    return f"{reverse(name, args=[unit.pk])}?campaign={campaign.pk}"


def test_a_unit_named_like_a_formula_is_defused_in_the_totals(client, tree, reporting, make_user):
    unit = unit_create(actor=None, parent=tree.hanoi, name="=1+2", kind=OrgUnit.Kind.COMMUNE)
    report = stored_report(unit, reporting)
    fill(report, GOOD)
    submit(report)
    client.force_login(make_user(tree.hanoi, Membership.Role.VIEWER))

    response = client.get(_url("report_totals_xlsx", tree.hanoi, reporting))
    assert response["Content-Disposition"] == 'attachment; filename="tong-hop-thanh-pho-ha-noi-2025.xlsx"'
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet.title == "Tong hop" and sheet.freeze_panes == "B2" and sheet.column_dimensions["A"].width == 40
    assert sheet["A1"].value == "Đơn vị" and sheet["A1"].font.b
    column = next(i for i, cell in enumerate(sheet[1]) if str(cell.value).startswith("a2."))
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "'=1+2")
    assert row[0].data_type == "s" and row[column].value == 60 and row[column].data_type == "n"
    assert all(cell.data_type != "f" for r in sheet.iter_rows() for cell in r)

    response = client.get(_url("report_totals_csv", tree.hanoi, reporting))
    assert response["Content-Disposition"] == 'attachment; filename="tong-hop-thanh-pho-ha-noi-2025.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))
    by_name = {r[0]: r for r in rows[1:]}
    assert "=1+2" not in by_name and by_name["'=1+2"][column] == "60"
    assert by_name["Tổng cộng"][column] == "60"


def test_exports_carry_the_state_and_leave_units_without_numbers_blank(client, tree, reporting, make_user):
    """Issue 12: a status column in words; a unit that has not reported (or is excused) has blank cells, not
    0; a reporting unit has a blank where it did not answer and 0 where it answered 0."""
    import docx

    from lifelong.reports import services
    from lifelong.reports.models import ExpectedReporter

    report = stored_report(tree.school, reporting)
    fill(report, {**GOOD, "v.g2": "0"})
    submit(report)
    reporter = ExpectedReporter.objects.get(campaign=reporting, unit=tree.village)
    services.expected_reporter_excuse(actor=None, reporter=reporter, reason="Chưa có người phụ trách.")
    client.force_login(make_user(tree.hanoi, Membership.Role.VIEWER))

    response = client.get(_url("report_totals_xlsx", tree.taymo, reporting))
    header, *rows = list(openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert header[:2] == ("Đơn vị", "Tình trạng báo cáo")
    code = {str(title).split(".")[0]: i for i, title in enumerate(header) if "." in str(title)}
    by_name = {r[0]: r for r in rows}
    school, village = by_name["Trường THCS Nguyễn Quý Đức"], by_name["Tổ dân phố số 1"]
    own, total = by_name["Phường Tây Mỗ (báo cáo của đơn vị)"], by_name["Tổng cộng"]
    assert school[1] == "Đã gửi" and school[code["a2"]] == 60 and school[code["g2"]] == 0
    assert school[code["b1"]] is None  # not answered: blank, not 0
    assert village[1] == "Miễn" and all(v is None for v in village[2:])
    assert own[1] == "Chưa báo cáo" and all(v is None for v in own[2:])
    assert total[code["a2"]] == 60 and total[code["b1"]] is None

    text = client.get(_url("report_totals_csv", tree.taymo, reporting)).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    by_name = {r[0]: r for r in rows[1:]}
    assert rows[0][1] == "Tình trạng báo cáo"
    assert by_name["Tổ dân phố số 1"][1] == "Miễn" and set(by_name["Tổ dân phố số 1"][2:]) == {""}
    school = by_name["Trường THCS Nguyễn Quý Đức"]
    assert school[1] == "Đã gửi" and school[code["b1"]] == "" and school[code["g2"]] == "0"

    # The Word report's appendix lists the unit's totals per indicator, not the units below; a total that
    # nobody answered is blank there too.
    document = docx.Document(io.BytesIO(client.get(_url("report_document", tree.taymo, reporting)).content))
    appendix = next(t for t in document.tables if t.rows[0].cells[1].text == "Chỉ tiêu")  # Phụ lục I
    cells = {row.cells[0].text: [c.text for c in row.cells] for row in appendix.rows}
    assert cells["a2"][3] == "60" and cells["g2"][3] == "0" and cells["b1"][3] == ""
    assert not any("Trường THCS" in c.text for row in appendix.rows for c in row.cells)
