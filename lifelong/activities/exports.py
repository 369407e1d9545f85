"""Registrations of a session as .xlsx, for the organiser only (personal data); the activity import's sample file.

Both go through lifelong.core.exports, which defuses formulas in names typed by the public."""

from django.http import HttpResponse

from lifelong.activities.codes import display
from lifelong.core.exports import Sheet, xlsx_response


def registrations_xlsx(session, registrations) -> HttpResponse:
    header = ["Mã vé", "Họ và tên", "Điện thoại", "Thư điện tử", "Đối tượng", "Trạng thái", "Thứ tự chờ",
              "Có mặt lúc", "Đăng ký tại chỗ"]
    rows = [[display(r.code), r.name, r.phone, r.email, r.get_group_display(), r.get_status_display(),
             r.waiting_position, r.checked_in_at.strftime("%H:%M %d/%m/%Y") if r.checked_in_at else "",
             "có" if r.walk_in else ""] for r in registrations]
    return xlsx_response(f"dang-ky-phien-{session.pk}.xlsx", [Sheet("Dang ky", header, rows)])


def import_template_xlsx(campaign) -> HttpResponse:
    """The sample file of the activity import: the expected columns, two example rows and the kinds."""
    from lifelong.activities.importing import TEMPLATE_HEADER

    year = campaign.year if campaign else 2025
    examples = [
        ["c", "Lớp kỹ năng số cho người cao tuổi", "Cài đặt VNeID, dịch vụ công trực tuyến",
         f"02/10/{year}; 04/10/{year}", "08:00", "10:30", "Nhà văn hóa tổ dân phố 5", "", "", "trực tiếp",
         "", "người dân; yếu thế", "40", "có", "Viettel", "2.000.000", "", "có"],
        ["d", "Giới thiệu nền tảng học tập trực tuyến", "", f"05/10/{year}", "14:00", "16:00", "", "", "",
         "trực tuyến", "https://meet.example.vn/hoc-tap", "học sinh, cán bộ", "", "không", "", "", "", "có"],
    ]
    sheets = [Sheet("Hoat dong", TEMPLATE_HEADER, examples)]
    if campaign is not None:
        sheets.append(Sheet("Loai hoat dong", ["Chữ cái", "Mã", "Loại hoạt động"],
                            [[c.letter, c.code, c.name] for c in campaign.categories.filter(active=True)]))
    return xlsx_response("hoat-dong-mau.xlsx", sheets)
