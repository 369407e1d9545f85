"""The demo's catalogue of coming activities: enough of them, in enough places, kinds, dates and modes, for the public
list, the map and the learning assistant to be worth trying (about 170 with the rest of the demo).

Every activity here is upcoming (from the day the demo is loaded to six weeks on) and planned, so the October 2025
results and their reports stay as the rest of the demo makes them. Tây Mỗ and Ya Ly, the demo's communes, have one
or more on every one of the next three weeks' days, this weekend included; fourteen other communes and wards across
the country have a handful each. Titles and descriptions were written for the demo. Made through the services;
idempotent (an activity of the same unit and title is skipped).
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from lifelong.activities import services
from lifelong.activities.models import Activity
from lifelong.campaigns.models import Campaign
from lifelong.orgs.demo import TAY_MO, YA_LY, demo_unit
from lifelong.orgs.models import OrgUnit

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
ONLINE, BOTH = Activity.Mode.ONLINE, Activity.Mode.HYBRID
OLD, PUPILS, PEOPLE, STAFF, FRAGILE = "residents", "learners", "residents", "officials", "disadvantaged"

# (category, title, description, target groups, mode or None for in person)
TEMPLATES = [
    ("digital_skills", "Lớp kỹ năng số cho người cao tuổi: dùng điện thoại thông minh",
     "Gọi video, chụp ảnh, nhắn tin Zalo và đọc tin tức trên điện thoại; mang theo điện thoại của mình.",
     [OLD, FRAGILE], None),
    ("digital_skills", "Hướng dẫn cài đặt và sử dụng VNeID mức 2",
     "Kích hoạt tài khoản định danh điện tử, tích hợp giấy tờ, dùng VNeID khi làm thủ tục.", [PEOPLE, FRAGILE], None),
    ("digital_skills", "Tập huấn dịch vụ công trực tuyến cho người dân",
     "Nộp hồ sơ, theo dõi kết quả và thanh toán lệ phí trên Cổng dịch vụ công quốc gia.", [PEOPLE], None),
    ("digital_skills", "Lớp Excel cơ bản cho cán bộ, công chức",
     "Bảng tính, công thức, lọc và tổng hợp số liệu báo cáo bằng Excel.", [STAFF], None),
    ("digital_skills", "Ứng dụng AI trong công việc văn phòng",
     "Dùng trí tuệ nhân tạo (ChatGPT, Gemini) để soạn thảo, tóm tắt văn bản an toàn, đúng quy định.", [STAFF],
     BOTH),
    ("digital_skills", "Nhận diện lừa đảo qua mạng và bảo vệ tài khoản",
     "Các chiêu lừa đảo qua điện thoại, tin nhắn, mạng xã hội; không chia sẻ mã OTP.", [PEOPLE, OLD], None),
    ("digital_skills", "Thanh toán không dùng tiền mặt an toàn cho tiểu thương",
     "Mã QR, ví điện tử, chuyển khoản ngân hàng; giữ an toàn tài khoản khi bán hàng.", [PEOPLE], None),
    ("digital_skills", "Bán hàng trực tuyến cho hộ kinh doanh và hợp tác xã",
     "Mở gian hàng trên sàn thương mại điện tử, chụp ảnh sản phẩm, livestream bán nông sản.", [PEOPLE, FRAGILE],
     None),
    ("digital_skills", "Lớp tin học văn phòng: soạn thảo văn bản Word",
     "Soạn thảo, định dạng văn bản và in ấn; dành cho người mới bắt đầu.", [PEOPLE, STAFF], None),
    ("digital_skills", "Lập trình Scratch cho học sinh tiểu học",
     "Làm trò chơi và hoạt hình bằng Scratch; học sinh mang theo máy tính nếu có.", [PUPILS], None),
    ("digital_skills", "Lập trình Python cơ bản cho học sinh THCS",
     "Biến, vòng lặp, hàm qua các bài toán nhỏ; học trực tuyến buổi tối.", [PUPILS], ONLINE),
    ("digital_skills", "An toàn cho trẻ em trên mạng: lớp cho phụ huynh",
     "Quản lý thời gian dùng thiết bị, cài đặt kiểm soát của cha mẹ, nhận biết nội dung độc hại.", [PEOPLE],
     ONLINE),
    ("awareness", "Tọa đàm: học tập suốt đời trong kỷ nguyên số",
     "Trao đổi về học tập suốt đời, xây dựng xã hội học tập và chuyển đổi số ở cơ sở.", [STAFF, PEOPLE], None),
    ("awareness", "Trạm tư vấn học tập lưu động tại chợ",
     "Tư vấn các lớp học, khóa học miễn phí cho người dân; phát tờ rơi Tuần lễ.", [PEOPLE, FRAGILE], None),
    ("awareness", "Diễn đàn: xây dựng gia đình học tập, dòng họ học tập",
     "Chia sẻ kinh nghiệm của các gia đình, dòng họ tiêu biểu trong phong trào khuyến học.", [PEOPLE], None),
    ("awareness", "Tuyên truyền về Tuần lễ trên loa truyền thanh và mạng xã hội",
     "Phát bản tin, khẩu hiệu Tuần lễ; chia sẻ trên trang Facebook, Zalo của phường.", [PEOPLE], ONLINE),
    ("awareness", "Nói chuyện chuyên đề: chăm sóc sức khỏe người cao tuổi",
     "Dinh dưỡng, vận động, phòng bệnh cho người cao tuổi; bác sĩ giải đáp câu hỏi.", [OLD], None),
    ("awareness", "Tư vấn pháp luật cho người dân",
     "Giải đáp về đất đai, hôn nhân gia đình, thủ tục hành chính.", [PEOPLE, FRAGILE], None),
    ("online_learning", "Giới thiệu nền tảng học tập trực tuyến và khóa học MOOC",
     "Cách đăng ký, học và nhận chứng nhận trên các nền tảng khóa học trực tuyến mở.", [PEOPLE, STAFF], ONLINE),
    ("online_learning", "Học tiếng Anh giao tiếp trực tuyến miễn phí",
     "Lớp tiếng Anh giao tiếp cơ bản qua Zoom, mỗi tuần hai buổi tối.", [PEOPLE, PUPILS], ONLINE),
    ("online_learning", "Kho học liệu số cho giáo viên: khai thác và chia sẻ",
     "Tìm, dùng và chia sẻ bài giảng điện tử, học liệu mở có giấy phép.", [STAFF], BOTH),
    ("online_learning", "Học trực tuyến cùng con: hướng dẫn phụ huynh",
     "Dùng các ứng dụng học tập trực tuyến để kèm con học ở nhà.", [PEOPLE], ONLINE),
    ("digital_library", "Ngày hội đọc sách cho thiếu nhi",
     "Đọc truyện, kể chuyện theo sách, trao đổi sách cũ; có tủ sách số để mượn trên điện thoại.", [PUPILS], None),
    ("digital_library", "Ra mắt tủ sách số cộng đồng",
     "Giới thiệu tủ sách số của xã, cách tìm và đọc sách điện tử miễn phí.", [PEOPLE], None),
    ("digital_library", "Câu lạc bộ đọc sách cuối tuần",
     "Mỗi tuần một cuốn sách, cùng đọc và trò chuyện; mọi lứa tuổi đều tham gia được.", [PEOPLE, PUPILS], None),
    ("digital_library", "Thư viện lưu động về thôn bản",
     "Xe sách về thôn, cho mượn sách và hướng dẫn dùng thư viện số.", [FRAGILE, PUPILS], None),
    ("digital_library", "Cộng đồng học tập trực tuyến: nhóm trồng trọt công nghệ cao",
     "Nhóm trao đổi kinh nghiệm trồng rau, cây ăn quả theo VietGAP, tưới nhỏ giọt.", [PEOPLE], ONLINE),
    ("competition", "Hội thi tin học trẻ",
     "Thi lập trình, thiết kế đồ họa và tin học văn phòng cho học sinh.", [PUPILS], None),
    ("competition", "Cuộc thi tìm hiểu về học tập suốt đời",
     "Thi trắc nghiệm trực tuyến về Tuần lễ và xã hội học tập.", [PEOPLE, STAFF], ONLINE),
    ("competition", "Ngày hội trải nghiệm công nghệ: robot và STEM",
     "Học sinh tự tay lắp robot, thử kính thực tế ảo, làm thí nghiệm khoa học.", [PUPILS], None),
    ("competition", "Cuộc thi viết: Gương sáng học tập ở khu dân cư",
     "Viết về một người học tập suốt đời ở nơi bạn sống; bài dự thi dưới 1.500 chữ.", [PEOPLE], ONLINE),
    ("career", "Tư vấn hướng nghiệp cho học sinh lớp 9 và lớp 12",
     "Chọn nghề, chọn trường; gặp gỡ doanh nghiệp và trường nghề.", [PUPILS], None),
    ("career", "Tham quan doanh nghiệp: một ngày làm kỹ sư",
     "Học sinh tham quan nhà máy, tìm hiểu công việc của kỹ sư và công nhân kỹ thuật.", [PUPILS], None),
    ("career", "Phiên giao dịch việc làm và học nghề",
     "Doanh nghiệp tuyển dụng, trường nghề tuyển sinh; tư vấn học nghề cho người lao động.", [PEOPLE, FRAGILE],
     None),
    ("career", "Khởi nghiệp nông nghiệp cho thanh niên",
     "Lập kế hoạch kinh doanh, vay vốn, bán nông sản qua mạng.", [PEOPLE], BOTH),
    ("career", "Học nghề ngắn hạn: sửa chữa điện dân dụng",
     "Khóa 10 buổi, có chứng chỉ sơ cấp nghề; miễn phí cho người thuộc hộ nghèo.", [FRAGILE, PEOPLE], None),
]

# Places: (commune code, child unit's name or None) and how many activities each has, on which days (offsets from
# the day the demo is loaded, or "sat"/"sun": the coming Saturday/Sunday, today included).
NEXT_DAYS = list(range(0, 21))
PLACES = [
    ((TAY_MO, None), [*NEXT_DAYS, "sat", "sun", 24, 28, 35, 40, 42]),
    ((TAY_MO, "Trường THCS Nguyễn Quý Đức"), [1, 4, "sat", 9, 15]),
    ((TAY_MO, "Tổ dân phố số 1"), [2, "sun", 12]),
    ((YA_LY, None), [*NEXT_DAYS, "sat", "sun", 25, 30, 33, 38, 41]),
    ((YA_LY, "Trường Tiểu học và THCS Ya Ly"), [3, "sat", 11]),
    (("00070", None), [0, 2, 3, 6, "sat", "sun", 13, 20, 31]),  # Phường Hoàn Kiếm, Hà Nội
    (("26743", None), [0, 1, 4, "sat", "sun", 10, 17, 26, 38]),  # Phường Bến Thành, TP Hồ Chí Minh
    (("20242", None), [1, 2, 5, 9, 16, 23, 32]),  # Phường Hải Châu, Đà Nẵng
    (("03006", None), [0, "sat", 8, 12, 19]),  # Phường Sa Pa, Lào Cai
    (("20410", None), [3, 7, "sun", 14, 29]),  # Phường Hội An, Đà Nẵng
    (("24778", None), [1, 6, 12, 20, 27]),  # Phường Lâm Viên - Đà Lạt, Lâm Đồng
    (("31078", None), [2, "sun", 9, 18]),  # Đặc khu Phú Quốc, An Giang
    (("31135", None), [0, 5, 11, "sat", 22, 33]),  # Phường Ninh Kiều, Cần Thơ
    (("06688", None), [4, 9, 14, 21]),  # Phường Hạ Long, Quảng Ninh
    (("19786", None), [1, "sat", 7, 15, 24]),  # Phường Thuận Hóa, Huế
    (("03127", None), [3, 10, 17, 20]),  # Phường Điện Biên Phủ, Điện Biên
    (("21548", None), [5, 16]),  # Đặc khu Lý Sơn, Quảng Ngãi
    (("24133", None), [2, 8, 14, "sun", 30]),  # Phường Buôn Ma Thuột, Đắk Lắk
    (("03980", None), [6, 13, 19, 26]),  # Phường Mộc Châu, Sơn La
]
HOURS = [8, 14, 19, 9, 15]
VENUES = ["Nhà văn hóa", "Hội trường", "Trung tâm học tập cộng đồng", "Thư viện", "Điểm bưu điện văn hóa"]


def day_of(offset, today: date) -> date:
    if offset == "sat":
        return today + timedelta(days=(5 - today.weekday()) % 7)
    if offset == "sun":
        return today + timedelta(days=(6 - today.weekday()) % 7)
    return today + timedelta(days=int(offset))


@transaction.atomic
def load_demo_catalogue() -> dict[str, int]:
    campaign = Campaign.objects.filter(year=2025).first()
    if campaign is None:
        return {"activities": 0}
    categories = {c.code: c for c in campaign.categories.all()}
    today = timezone.localdate()
    created = 0
    for p, ((code, child), offsets) in enumerate(PLACES):
        if not OrgUnit.objects.filter(code=code).exists():
            continue
        unit = demo_unit(code, child)
        taken = set(Activity.objects.filter(unit=unit).values_list("title", flat=True))
        for k, offset in enumerate(offsets):
            category, title, description, groups, mode = TEMPLATES[(p * 11 + k * 7) % len(TEMPLATES)]
            if title in taken:
                continue
            taken.add(title)
            start = datetime.combine(day_of(offset, today), time(HOURS[(p + k) % len(HOURS)]), tzinfo=TZ)
            online = mode == ONLINE
            data = {"category": categories[category], "title": title, "description": description,
                    "target_groups": groups, "mode": mode or Activity.Mode.IN_PERSON,
                    "venue_name": "" if online else f"{VENUES[(p + k) % len(VENUES)]} {unit.name}",
                    "capacity": None if online else 30 + 10 * (k % 4), "registration_required": not online}
            if mode in (ONLINE, BOTH):
                data["online_url"] = f"https://hoc.example.vn/{code}/{k}"
            services.activity_create(actor=None, unit=unit, campaign=campaign, published=True, data=data,
                                     sessions=[(start, start + timedelta(hours=2))])
            created += 1
    return {"activities": created}
