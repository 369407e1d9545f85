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
