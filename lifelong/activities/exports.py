"""Registrations of a session as .xlsx, for the organiser only (personal data)."""

import io

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

from lifelong.activities.codes import display

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def registrations_xlsx(session, registrations) -> HttpResponse:
    book = Workbook()
    sheet = book.active
    sheet.title = "Dang ky"
    sheet.append(["Mã vé", "Họ và tên", "Điện thoại", "Thư điện tử", "Đối tượng", "Trạng thái", "Thứ tự chờ",
                  "Có mặt lúc", "Đăng ký tại chỗ"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r in registrations:
        sheet.append([display(r.code), r.name, r.phone, r.email, r.get_group_display(), r.get_status_display(),
                      r.waiting_position, r.checked_in_at.strftime("%H:%M %d/%m/%Y") if r.checked_in_at else "",
                      "có" if r.walk_in else ""])
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="dang-ky-phien-{session.pk}.xlsx"'
    return response
