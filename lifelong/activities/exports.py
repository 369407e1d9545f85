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


def import_template_xlsx(campaign) -> HttpResponse:
    """The sample file of the activity import: the expected columns, two example rows and the kinds."""
    from lifelong.activities.importing import TEMPLATE_HEADER

    book = Workbook()
    sheet = book.active
    sheet.title = "Hoat dong"
    sheet.append(TEMPLATE_HEADER)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    year = campaign.year if campaign else 2025
    sheet.append(["c", "Lớp kỹ năng số cho người cao tuổi", "Cài đặt VNeID, dịch vụ công trực tuyến",
                  f"02/10/{year}; 04/10/{year}", "08:00", "10:30", "Nhà văn hóa tổ dân phố 5", "", "", "trực tiếp",
                  "", "người dân; yếu thế", "40", "có", "Viettel", "2.000.000", "", "có"])
    sheet.append(["d", "Giới thiệu nền tảng học tập trực tuyến", "", f"05/10/{year}", "14:00", "16:00", "", "", "",
                  "trực tuyến", "https://meet.example.vn/hoc-tap", "học sinh, cán bộ", "", "không", "", "", "", "có"])
    if campaign is not None:
        kinds = book.create_sheet("Loai hoat dong")
        kinds.append(["Chữ cái", "Mã", "Loại hoạt động"])
        for category in campaign.categories.filter(active=True):
            kinds.append([category.letter, category.code, category.name])
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="hoat-dong-mau.xlsx"'
    return response
