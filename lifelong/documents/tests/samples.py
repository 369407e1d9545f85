"""One document of each kind the platform generates, built the way their callers build them.

Plans and letters mirror lifelong/plans/documents.py `plan_document` (issuer lines from the unit, sections
"Mục đích, yêu cầu" ... "Tổ chức thực hiện"); the report mirrors lifelong/reports/exports.py `report_document`
(the four narrative sections of the 2025 form, no number or date, the totals as the appendix with the columns
Mã, Chỉ tiêu, Đơn vị tính, Tổng số and one per participant group). The issuers are those of the seed cascade:
the Ministry, a city, a department, a school and a province.
"""

from datetime import date

from lifelong.documents.nd30 import OfficialDocument, Section, Signature, Table

MINISTRY = ("", "BỘ GIÁO DỤC VÀ ĐÀO TẠO")
CITY = ("", "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI")
DEPARTMENT = ("UBND THÀNH PHỐ HÀ NỘI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO")
SCHOOL = ("UBND PHƯỜNG TÂY MỖ", "TRƯỜNG THCS NGUYỄN QUÝ ĐỨC")
PROVINCE = ("", "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI")
WARD = ("UBND THÀNH PHỐ HÀ NỘI", "ỦY BAN NHÂN DÂN\nPHƯỜNG TÂY MỖ")

SUBJECT = "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025"
LEGAL_BASES = [
    "Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019",
    "Căn cứ Quyết định số 1373/QĐ-TTg ngày 30 tháng 7 năm 2021 của Thủ tướng Chính phủ phê duyệt Đề án "
    "“Xây dựng xã hội học tập giai đoạn 2021 - 2030”",
    "Căn cứ Công văn số 5607/BGDĐT-GDNNGDTX ngày 01 tháng 10 năm 2025 của Bộ Giáo dục và Đào tạo về việc "
    "hướng dẫn tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025",
]
ACTIVITIES = [
    ("Tuyên truyền", "Tuyên truyền sâu rộng về mục đích, ý nghĩa của Tuần lễ trên hệ thống loa truyền thanh, "
                     "trang thông tin điện tử và mạng xã hội; treo băng rôn, khẩu hiệu tại trụ sở và nơi công cộng."),
    ("Kỹ năng số", "Tổ chức các lớp bồi dưỡng kỹ năng số cơ bản cho người dân, cán bộ, công chức, viên chức và "
                   "người lao động; hướng dẫn sử dụng dịch vụ công trực tuyến và các nền tảng học tập mở."),
    ("Thư viện, tủ sách", "Bổ sung sách, tài liệu cho thư viện, tủ sách cộng đồng; phát động phong trào đọc sách, "
                          "luân chuyển sách giữa các trường học và tổ dân phố."),
    ("Cuộc thi", "Tổ chức cuộc thi tìm hiểu về học tập suốt đời, sáng tạo nội dung số dành cho học sinh và "
                 "thanh niên; khen thưởng các cá nhân, tập thể tiêu biểu."),
]
TASKS = [
    ("Phòng Văn hóa - Xã hội", "Chủ trì, tham mưu tổ chức các hoạt động của Tuần lễ; tổng hợp, báo cáo kết quả."),
    ("Các trường học trên địa bàn", "Tổ chức các hoạt động hưởng ứng phù hợp với điều kiện thực tế của đơn vị; "
                                    "báo cáo kết quả về Ủy ban nhân dân."),
    ("Trung tâm học tập cộng đồng", "Phối hợp tổ chức các lớp học, chuyên đề và các hoạt động tại cộng đồng."),
]


def plan(parent_body: str, issuing_body: str, **overrides) -> OfficialDocument:
    """A Kế hoạch with the sections `plan_sections` produces; long enough to run onto a second page."""
    values = dict(
        kind_title="KẾ HOẠCH", parent_body=parent_body, issuing_body=issuing_body, number="262",
        symbol="KH-UBND", place="Hà Nội", issue_date=date(2025, 9, 25), year=2025, subject=SUBJECT,
        legal_bases=list(LEGAL_BASES),
        sections=[
            Section("Mục đích, yêu cầu", [
                "Nâng cao nhận thức của cán bộ, công chức, viên chức, người lao động và Nhân dân về vị trí, vai "
                "trò, ý nghĩa của học tập suốt đời trong sự nghiệp công nghiệp hóa, hiện đại hóa đất nước.",
                "Các hoạt động được tổ chức thiết thực, hiệu quả, phù hợp với điều kiện thực tế của địa phương, "
                "thu hút đông đảo người dân tham gia.",
            ]),
            Section("Chủ đề, thời gian, địa điểm", children=[
                Section("Chủ đề", ["“Học tập suốt đời - Chìa khóa mở cánh cửa tri thức số”"]),
                Section("Thời gian, địa điểm", ["Tuần lễ được tổ chức từ ngày 01/10/2025 đến ngày 07/10/2025.",
                                                "Lễ khai mạc: ngày 01/10/2025, tại Nhà văn hóa trung tâm."]),
            ]),
            Section("Nội dung hoạt động", children=[Section(heading, [text]) for heading, text in ACTIVITIES]),
            Section("Kinh phí", ["Kinh phí thực hiện từ nguồn ngân sách nhà nước được giao năm 2025 và các nguồn "
                                 "huy động hợp pháp khác."]),
            Section("Tổ chức thực hiện",
                    ["Các đơn vị báo cáo kết quả thực hiện về Ủy ban nhân dân trước ngày 15/10/2025."],
                    children=[Section(name, [task]) for name, task in TASKS]),
        ],
        recipients=["Như trên", "Sở Giáo dục và Đào tạo", "Lưu: VT, VHXH"],
        signature=Signature(mode="TM.", authority="ỦY BAN NHÂN DÂN", title="PHÓ CHỦ TỊCH", name="Nguyễn Văn An"),
    )
    values.update(overrides)
    return OfficialDocument(**values)


def letter(parent_body: str, issuing_body: str, **overrides) -> OfficialDocument:
    """A Công văn: no title, the subject as "V/v ..." under the number, "Kính gửi" and the guidance."""
    values = dict(
        kind_title="", parent_body=parent_body, issuing_body=issuing_body, number="5607",
        symbol="BGDĐT-GDNNGDTX", place="Hà Nội", issue_date=date(2025, 10, 1), year=2025,
        subject="Hướng dẫn tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025",
        addressees=["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "Các đại học, học viện"],
        intro="Thực hiện Quyết định số 1373/QĐ-TTg ngày 30/7/2021 của Thủ tướng Chính phủ, Bộ Giáo dục và Đào "
              "tạo hướng dẫn tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025 như sau:",
        sections=[
            Section("Mục đích, yêu cầu", [
                "Nâng cao nhận thức của cán bộ, công chức, viên chức, người lao động và Nhân dân về vị trí, vai "
                "trò, ý nghĩa của học tập suốt đời; khuyến khích mọi người dân tích cực học tập, nâng cao kỹ năng "
                "số, đáp ứng yêu cầu của cuộc Cách mạng công nghiệp lần thứ tư.",
            ]),
            Section("Nội dung hoạt động", children=[Section(heading, [text]) for heading, text in ACTIVITIES]),
            Section("Tổ chức thực hiện", ["Các đơn vị báo cáo kết quả tổ chức Tuần lễ trước ngày 20/10/2025."],
                    children=[Section(name, [task]) for name, task in TASKS]),
        ],
        recipients=["Như trên", "Bộ trưởng (để báo cáo)", "Lưu: VT, GDNNGDTX"],
        signature=Signature(mode="KT.", authority="BỘ TRƯỞNG", title="THỨ TRƯỞNG", name="Trần Thị Bình"),
    )
    values.update(overrides)
    return OfficialDocument(**values)


REPORT_TITLE = "Số liệu kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025"
REPORT_GROUPS = ["Cán bộ, công chức, viên chức, người lao động", "Học sinh, sinh viên, người học", "Người dân"]
REPORT_HEADER = ["Mã", "Chỉ tiêu", "Đơn vị tính", "Tổng số", *REPORT_GROUPS]
REPORT_ROWS = [  # every indicator of the 2025 form (REPORT_FORM_2025.md), as `report_document` lists them
    ["a1", "Tổ chức Lễ khai mạc / hưởng ứng Tuần lễ (có/không)", "đơn vị", "1", "", "", ""],
    ["a2", "Số người dự Lễ khai mạc", "lượt người", "1.250", "150", "600", "500"],
    ["a3", "Số điểm cầu trực tuyến kết nối Lễ khai mạc", "điểm cầu", "3", "", "", ""],
    ["b1", "Tin, bài, phóng sự trên báo chí, phát thanh, truyền hình", "tin/bài", "12", "", "", ""],
    ["b2", "Tin, bài trên trang thông tin điện tử, mạng xã hội", "tin/bài", "48", "", "", ""],
    ["b3", "Băng rôn, khẩu hiệu, pa nô, áp phích", "cái", "35", "", "", ""],
    ["b4", "Tọa đàm, diễn đàn, hội thảo về học tập suốt đời, tri thức số", "buổi", "3", "", "", ""],
    ["b5", "Số người tham dự tọa đàm, diễn đàn", "lượt người", "320", "80", "140", "100"],
    ["b6", "Trạm tư vấn học tập lưu động", "trạm", "2", "", "", ""],
    ["c1", "Lớp tập huấn, bồi dưỡng kỹ năng số", "lớp", "9", "", "", ""],
    ["c2", "Học viên các lớp kỹ năng số", "lượt người", "430", "120", "90", "220"],
    ["c3", "trong đó: người thuộc đối tượng yếu thế, vùng sâu, vùng xa", "lượt người", "65", "", "", ""],
    ["c4", "Buổi tư vấn, trải nghiệm nghề nghiệp lĩnh vực công nghệ thông tin", "buổi", "2", "", "", ""],
    ["d1", "Buổi giới thiệu, hướng dẫn nền tảng học tập trực tuyến, MOOC, sách điện tử, trợ lý ảo học tập",
     "buổi", "4", "", "", ""],
    ["d2", "Người tham gia các buổi giới thiệu, lớp học thử nghiệm", "lượt người", "210", "30", "120", "60"],
    ["dd1", "Thư viện số, tủ sách số xây dựng mới", "thư viện/tủ sách", "1", "", "", ""],
    ["dd2", "Thư viện, tủ sách, góc học tập xây dựng mới hoặc bổ sung", "thư viện/tủ sách", "6", "", "", ""],
    ["dd3", "Sách, tài liệu được tặng, luân chuyển", "cuốn", "1.520", "", "", ""],
    ["dd4", "Câu lạc bộ, diễn đàn, nhóm học tập trực tuyến thành lập mới", "nhóm", "4", "", "", ""],
    ["e1", "Cuộc thi (lập trình, sáng tạo nội dung số, rô-bốt, trí tuệ nhân tạo, khoa học dữ liệu, tìm hiểu, "
     "đọc sách ...)", "cuộc thi", "2", "", "", ""],
    ["e2", "Lượt người dự thi", "lượt người", "860", "40", "780", "40"],
    ["e3", "Lớp thực hành, trải nghiệm công nghệ, diễn đàn đổi mới sáng tạo", "buổi", "3", "", "", ""],
    ["g1", "Hoạt động kết nối nhà trường - doanh nghiệp (tham quan, kiến tập, thực tập, tọa đàm hướng nghiệp)",
     "hoạt động", "2", "", "", ""],
    ["g2", "Doanh nghiệp tham gia", "doanh nghiệp", "5", "", "", ""],
    ["g3", "Người tham gia", "lượt người", "150", "10", "140", "0"],
    ["t1", "Tổng số hoạt động đã tổ chức trong Tuần lễ", "hoạt động", "41", "", "", ""],
    ["t2", "Tổng số lượt người tham gia", "lượt người", "12.345", "2.100", "4.245", "6.000"],
    ["t3", "trong đó: người thuộc đối tượng yếu thế, vùng sâu, vùng xa, biên giới, hải đảo", "lượt người", "310",
     "", "", ""],
    ["r1", "Kinh phí từ ngân sách nhà nước", "đồng", "45.000.000", "", "", ""],
    ["r2", "Kinh phí huy động xã hội hóa, tài trợ", "đồng", "125.000.000", "", "", ""],
    ["r3", "Doanh nghiệp, tổ chức, cá nhân tài trợ", "đơn vị/người", "7", "", "", ""],
    ["m1", "Đơn vị đăng ký xây dựng “Đơn vị học tập”, “Cộng đồng học tập” trong năm", "đơn vị", "3", "", "", ""],
]
NARRATIVE = [  # the four sections of the 2025 form, long enough for the report to run onto a second page
    ("Đánh giá chung, kết quả nổi bật", [
        "Tuần lễ hưởng ứng học tập suốt đời năm 2025 trên địa bàn phường được triển khai đồng bộ, thu hút đông "
        "đảo cán bộ, công chức, viên chức, học sinh và Nhân dân tham gia; các hoạt động bám sát chủ đề của năm.",
        "Công tác tuyên truyền được đẩy mạnh với 12 tin, bài trên báo chí, phát thanh, truyền hình và 48 tin, bài "
        "trên trang thông tin điện tử, mạng xã hội; 35 băng rôn, khẩu hiệu được treo tại trụ sở và nơi công cộng.",
        "Phường tổ chức 9 lớp bồi dưỡng kỹ năng số với 430 lượt học viên, trong đó 65 lượt người thuộc đối tượng "
        "yếu thế; 4 buổi giới thiệu nền tảng học tập trực tuyến, sách điện tử với 210 lượt người tham gia.",
        "Các trường học trên địa bàn tổ chức 2 cuộc thi tìm hiểu và sáng tạo nội dung số với 860 lượt người dự "
        "thi; 6 thư viện, tủ sách, góc học tập được xây dựng mới hoặc bổ sung, 1.520 cuốn sách được luân chuyển.",
        "Các lớp bồi dưỡng kỹ năng số được người dân đón nhận tích cực, nhiều người cao tuổi lần đầu sử dụng "
        "dịch vụ công trực tuyến và các nền tảng học tập mở.",
    ]),
    ("Mô hình hay, cách làm sáng tạo", [
        "Mô hình “Tủ sách số tổ dân phố” kết hợp mã QR dẫn tới thư viện điện tử của thành phố, giúp người dân "
        "đọc sách mọi lúc, mọi nơi.",
    ]),
    ("Tồn tại, hạn chế và nguyên nhân", [
        "Một số đơn vị triển khai còn chậm, việc tổng hợp số liệu chưa kịp thời; kinh phí cho hoạt động còn hạn "
        "chế, chủ yếu dựa vào nguồn xã hội hóa.",
    ]),
    ("Đề xuất, kiến nghị", [
        "Đề nghị Ủy ban nhân dân Thành phố tiếp tục quan tâm bố trí kinh phí, tổ chức tập huấn kỹ năng số cho đội "
        "ngũ làm công tác khuyến học ở cơ sở.",
    ]),
]


def report(parent_body: str, issuing_body: str, **overrides) -> OfficialDocument:
    """A Báo cáo as `report_document` builds it: a draft, "Kính gửi" the parent, the narrative, the totals."""
    values = dict(
        kind_title="BÁO CÁO", parent_body=parent_body, issuing_body=issuing_body, number="",
        symbol="BC-UBND", place="Tây Mỗ", issue_date=None, year=2025,
        subject="Kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025",
        addressees=["Ủy ban nhân dân Thành phố Hà Nội"],
        sections=[Section(title, paragraphs) for title, paragraphs in NARRATIVE],
        recipients=["Như trên", "Lưu: VT"],
        signature=Signature(mode="TM.", authority="ỦY BAN NHÂN DÂN", title="CHỦ TỊCH"),
        appendices=[Table(title=REPORT_TITLE, header=REPORT_HEADER, rows=REPORT_ROWS,
                          note="(Kèm theo Báo cáo của Ủy ban nhân dân phường Tây Mỗ)")],
    )
    values.update(overrides)
    return OfficialDocument(**values)


def all_documents() -> dict[str, OfficialDocument]:
    """File stem -> document: every issuer of the brief with the kind it issues in the seed cascade."""
    return {
        "cong-van-bo": letter(*MINISTRY),
        "ke-hoach-thanh-pho": plan(*CITY, place="Hà Nội"),
        "ke-hoach-so": plan(*DEPARTMENT, symbol="KH-SGDĐT", signature=Signature(
            mode="KT.", authority="GIÁM ĐỐC", title="PHÓ GIÁM ĐỐC", name="Lê Văn Cường")),
        "ke-hoach-truong": plan(*SCHOOL, number="05", symbol="KH-THCSNQĐ", place="Tây Mỗ",
                                signature=Signature(title="HIỆU TRƯỞNG", name="Phạm Thị Dung")),
        "cong-van-tinh": letter(*PROVINCE, number="2996", symbol="UBND-KGVX", place="Quảng Ngãi",
                                issue_date=date(2025, 9, 29),
                                signature=Signature(mode="TL.", authority="CHỦ TỊCH", title="CHÁNH VĂN PHÒNG",
                                                    name="Võ Văn Em")),
        "bao-cao-phuong": report(*WARD),
        "bao-cao-truong": report(*SCHOOL, symbol="BC-THCSNQĐ", addressees=["Ủy ban nhân dân phường Tây Mỗ"],
                                 signature=Signature(title="THỦ TRƯỞNG ĐƠN VỊ"), appendices=[Table(
                                     title=REPORT_TITLE, header=REPORT_HEADER, rows=REPORT_ROWS,
                                     note="(Kèm theo Báo cáo của Trường THCS Nguyễn Quý Đức)")]),
    }
