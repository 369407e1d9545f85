"""Names typed by the public reach the organiser's .xlsx as plain text, never as formulas (issue 11, point 5)."""

import io

import openpyxl
from django.urls import reverse

from lifelong.activities.models import Registration
from lifelong.activities.tests.conftest import sign_up
from lifelong.orgs.models import Membership

EVIL = '=HYPERLINK("http://x","y")'


def test_registrant_names_are_defused_in_the_organisers_xlsx(client, tree, skills, make_user):
    session = skills.sessions.get()
    sign_up(skills, EVIL, "0912000111")
    sign_up(skills, "Lê\x01 Thị Hoa", "0912000222")
    assert Registration.objects.filter(name=EVIL).exists()  # stored as typed; only the export defuses it

    client.force_login(make_user(tree.taymo, Membership.Role.EDITOR))
    response = client.get(reverse("session_registrations", args=[session.pk]) + "?format=xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="dang-ky-phien-{session.pk}.xlsx"'
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet.title == "Dang ky" and sheet["B1"].value == "Họ và tên" and sheet["B1"].font.b
    names = {row[1].value: row[1] for row in sheet.iter_rows(min_row=2)}
    assert set(names) == {"'" + EVIL, "Lê Thị Hoa"}  # the control character would have crashed openpyxl
    assert names["'" + EVIL].data_type == "s"
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_import_sample_keeps_its_sheets_and_bold_headers(client, tree, campaign, make_user):
    client.force_login(make_user(tree.taymo, Membership.Role.EDITOR))
    response = client.get(reverse("activity_import_template", args=[tree.taymo.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="hoat-dong-mau.xlsx"'
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Hoat dong", "Loai hoat dong"]
    assert book["Hoat dong"]["A1"].font.b and book["Hoat dong"]["A2"].value == "c"
    kinds = list(book["Loai hoat dong"].iter_rows(min_row=2, values_only=True))
    assert ("c", "digital_skills") in {(letter, code) for letter, code, _name in kinds}
