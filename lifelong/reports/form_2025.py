"""The default results form of the 2025 campaign (../shared/REPORT_FORM_2025.md), as data.

Loaded into a campaign's `Indicator`s by `report_form_install_default`; the campaign's editors can
then add, reorder and retire indicators until the campaign's reports open.
"""

from typing import NamedTuple


class Spec(NamedTuple):
    section: str
    code: str
    label: str
    label_en: str
    unit_label: str
    kind: str
    breakdown: bool = False
    prefill: bool = False
    of_which: str | None = None


SECTIONS = {
    "a": ("a. Lễ khai mạc", "a. Opening"),
    "b": ("b. Tuyên truyền", "b. Awareness"),
    "c": ("c. Kỹ năng số", "c. Digital skills"),
    "d": ("d. Học tập trực tuyến", "d. Online learning"),
    "đ": ("đ. Thư viện số, cộng đồng học tập", "đ. Digital libraries and learning communities"),
    "e": ("e. Cuộc thi, trải nghiệm công nghệ", "e. Competitions and technology"),
    "g": ("g. Kết nối nhà trường - doanh nghiệp", "g. School–business connection"),
    "t": ("Tổng hợp và nguồn lực", "Totals and resources"),
    "m": ("Mô hình học tập", "Learning models"),
}

INDICATORS_2025 = [
    # The unit column says "có/không"; pages print it after the label, so the label does not repeat it.
    Spec('a', 'a1', 'Tổ chức Lễ khai mạc / hưởng ứng Tuần lễ',
         'Opening or response ceremony held',
         'có/không', 'yesno', breakdown=False, prefill=True, of_which=None),
    Spec('a', 'a2', 'Số người dự Lễ khai mạc',
         'Attendance at the opening ceremony',
         'lượt người', 'count', breakdown=True, prefill=True, of_which=None),
    Spec('a', 'a3', 'Số điểm cầu trực tuyến kết nối Lễ khai mạc',
         'Online points connected to the opening ceremony',
         'điểm cầu', 'count', breakdown=False, prefill=False, of_which=None),
    Spec('b', 'b1', 'Tin, bài, phóng sự trên báo chí, phát thanh, truyền hình',
         'News items and reports in press, radio and television',
         'tin/bài', 'count', breakdown=False, prefill=False, of_which=None),
    Spec('b', 'b2', 'Tin, bài trên trang thông tin điện tử, mạng xã hội',
         'News items on websites and social networks',
         'tin/bài', 'count', breakdown=False, prefill=False, of_which=None),
    Spec('b', 'b3', 'Băng rôn, khẩu hiệu, pa nô, áp phích',
         'Banners, slogans, panels and posters',
         'cái', 'count', breakdown=False, prefill=False, of_which=None),
    Spec('b', 'b4', 'Tọa đàm, diễn đàn, hội thảo về học tập suốt đời, tri thức số',
         'Talks, forums and seminars on lifelong learning and digital knowledge',
         'buổi', 'count', breakdown=False, prefill=True, of_which=None),
    Spec('b', 'b5', 'Số người tham dự tọa đàm, diễn đàn',
         'Attendance at talks and forums',
         'lượt người', 'count', breakdown=True, prefill=True, of_which=None),
    Spec('b', 'b6', 'Trạm tư vấn học tập lưu động',
         'Mobile learning-advice stations',
         'trạm', 'count', breakdown=False, prefill=True, of_which=None),
    Spec('c', 'c1', 'Lớp tập huấn, bồi dưỡng kỹ năng số',
         'Digital-skills training classes',
         'lớp', 'count', breakdown=False, prefill=True, of_which=None),
    Spec('c', 'c2', 'Học viên các lớp kỹ năng số',
         'Learners in digital-skills classes',
         'lượt người', 'count', breakdown=True, prefill=True, of_which=None),
    Spec('c', 'c3', 'trong đó: người thuộc đối tượng yếu thế, vùng sâu, vùng xa',
         'of which: disadvantaged or remote-area learners',
         'lượt người', 'count', breakdown=False, prefill=False, of_which='c2'),
    Spec('c', 'c4', 'Buổi tư vấn, trải nghiệm nghề nghiệp lĩnh vực công nghệ thông tin',
         'IT career advice and experience sessions',
         'buổi', 'count', breakdown=False, prefill=True, of_which=None),
    Spec('d', 'd1', 'Buổi giới thiệu, hướng dẫn nền tảng học tập trực tuyến, MOOC, sách điện tử, trợ lý ảo học tập',
         'Sessions introducing online-learning platforms, MOOCs, e-books, virtual assistants',
         'buổi', 'count', breakdown=False, prefill=True, of_which=None),
    Spec('d', 'd2', 'Người tham gia các buổi giới thiệu, lớp học thử nghiệm',
         'Participants in introduction sessions and trial classes',
         'lượt người', 'count', breakdown=True, prefill=True, of_which=None),
    Spec('đ', 'dd1', 'Thư viện số, tủ sách số xây dựng mới',
         'New digital libraries and digital bookcases',
         'thư viện/tủ sách', 'count', breakdown=False, prefill=True, of_which=None),
    Spec('đ', 'dd2', 'Thư viện, tủ sách, góc học tập xây dựng mới hoặc bổ sung',
         'Libraries, bookcases and study corners built or extended',
         'thư viện/tủ sách', 'count', breakdown=False, prefill=True, of_which=None),
    Spec('đ', 'dd3', 'Sách, tài liệu được tặng, luân chuyển',
         'Books and documents donated or circulated',
         'cuốn', 'count', breakdown=False, prefill=True, of_which=None),
    Spec('đ', 'dd4', 'Câu lạc bộ, diễn đàn, nhóm học tập trực tuyến thành lập mới',
         'New online clubs, forums and learning groups',
         'nhóm', 'count', breakdown=False, prefill=True, of_which=None),
    Spec('e', 'e1', ('Cuộc thi (lập trình, sáng tạo nội dung số, rô-bốt, trí tuệ nhân tạo, khoa học dữ liệu, '
                     'tìm hiểu, đọc sách ...)'),
         'Competitions (programming, digital content, robotics, AI, data science, reading ...)',
         'cuộc thi', 'count', breakdown=False, prefill=True, of_which=None),
    Spec('e', 'e2', 'Lượt người dự thi',
         'Competition entries',
         'lượt người', 'count', breakdown=True, prefill=True, of_which=None),
    Spec('e', 'e3', 'Lớp thực hành, trải nghiệm công nghệ, diễn đàn đổi mới sáng tạo',
         'Technology practice and experience sessions, innovation forums',
         'buổi', 'count', breakdown=False, prefill=True, of_which=None),
    Spec('g', 'g1', 'Hoạt động kết nối nhà trường - doanh nghiệp (tham quan, kiến tập, thực tập, tọa đàm hướng nghiệp)',
         'School–business connection activities (visits, internships, career talks)',
         'hoạt động', 'count', breakdown=False, prefill=True, of_which=None),
    Spec('g', 'g2', 'Doanh nghiệp tham gia',
         'Businesses taking part',
         'doanh nghiệp', 'count', breakdown=False, prefill=True, of_which=None),
    Spec('g', 'g3', 'Người tham gia',
         'Participants',
         'lượt người', 'count', breakdown=True, prefill=True, of_which=None),
    Spec('t', 't1', 'Tổng số hoạt động đã tổ chức trong Tuần lễ',
         'Activities organised during the Week',
         'hoạt động', 'count', breakdown=False, prefill=True, of_which=None),
    Spec('t', 't2', 'Tổng số lượt người tham gia',
         'Total attendance',
         'lượt người', 'count', breakdown=True, prefill=True, of_which=None),
    Spec('t', 't3', 'trong đó: người thuộc đối tượng yếu thế, vùng sâu, vùng xa, biên giới, hải đảo',
         'of which: disadvantaged, remote, border or island areas',
         'lượt người', 'count', breakdown=False, prefill=False, of_which='t2'),
    Spec('t', 'r1', 'Kinh phí từ ngân sách nhà nước',
         'State budget spent',
         'đồng', 'money', breakdown=False, prefill=False, of_which=None),
    Spec('t', 'r2', 'Kinh phí huy động xã hội hóa, tài trợ',
         'Private contributions and sponsorship',
         'đồng', 'money', breakdown=False, prefill=False, of_which=None),
    Spec('t', 'r3', 'Doanh nghiệp, tổ chức, cá nhân tài trợ',
         'Sponsoring businesses, organisations and individuals',
         'đơn vị/người', 'count', breakdown=False, prefill=False, of_which=None),
    Spec('m', 'm1', 'Đơn vị đăng ký xây dựng "Đơn vị học tập", "Cộng đồng học tập" trong năm',
         'Units registering to become a "Learning unit" or "Learning community" this year',
         'đơn vị', 'count', breakdown=False, prefill=False, of_which=None),
]

# Narrative sections: code, Vietnamese title, English title, required.
NARRATIVES_2025 = [
    ("overall", "Đánh giá chung, kết quả nổi bật", "Overall assessment, highlights", True),
    ("models", "Mô hình hay, cách làm sáng tạo", "Good models and practices worth spreading", False),
    ("shortcomings", "Tồn tại, hạn chế và nguyên nhân", "Shortcomings and their causes", False),
    ("proposals", "Đề xuất, kiến nghị", "Proposals to the level above", False),
]

# t1 should be at least the number of activities counted elsewhere (a warning, not an error).
T1_COUNTED = ["a1", "b4", "b6", "c1", "c4", "d1", "e1", "e3", "g1"]
