"""The assistant's evaluation set: questions people ask, with what a right answer holds, over the demo data.

Written by hand against the demo (`make demo`, on the day it is loaded: the demo's coming activities are placed
relative to that day, see lifelong/activities/demo_catalogue.py, and the questions about "hôm nay", "ngày mai",
"tuần sau" … name what falls on those days whatever the weekday). Scored by evaluation.py, run by `make bench`
(benchmarks/assistant.py).

Each expected result is a spec `kind:folded words of the title[@folded place]`; `a|b` accepts either. An empty list
means the platform holds no answer: the assistant must say "chưa tìm thấy". Every question written with tone marks
is also asked without them (`evaluation_set()`); the typos and the chat forms are written as people type them.
"""

from lifelong.core.text import search_key

# (question with tone marks, expected)
QUESTIONS = [
    # Time and place: the demo's communes have something every day.
    ("tuần này ở Tây Mỗ có lớp kỹ năng số nào", ["activity:ky nang so cho nguoi cao tuoi@tay mo"]),
    ("hôm nay ở Tây Mỗ có hoạt động gì", ["activity:ky nang so cho nguoi cao tuoi@tay mo"]),
    ("ngày mai phường Tây Mỗ có gì", ["activity:ban hang truc tuyen@tay mo"]),
    ("tuần sau ở Tây Mỗ có hoạt động nào", ["activity:tram tu van hoc tap luu dong@tay mo"]),
    ("cuối tuần này Tây Mỗ có lớp gì", ["activity:excel@tay mo|activity:python@tay mo"]),
    ("hôm nay ở xã Ya Ly có gì", ["activity:phien giao dich viec lam@ya ly"]),
    ("ngày mai Ya Ly có lớp nào", ["activity:ung dung ai@ya ly"]),
    ("tuần sau ở Ya Ly có gì học", ["activity:python@ya ly"]),
    ("cuối tuần ở Ya Ly có hoạt động gì",
     ["activity:ky nang so cho nguoi cao tuoi@ya ly|activity:ban hang truc tuyen@ya ly"]),
    ("từ 1/10/2025 đến 7/10/2025 ở Tây Mỗ có hoạt động gì",
     ["activity:toa dam: hoc tap suot doi@tay mo", "activity:tap huan ky nang so cho nguoi cao tuoi@tay mo"]),
    ("tháng 10 năm 2025 Ya Ly tổ chức những gì", ["activity:vneid va dich vu cong@ya ly"]),
    ("ngày 3 tháng 10 năm 2025 ở Tây Mỗ có lớp gì", ["activity:tap huan ky nang so cho nguoi cao tuoi@tay mo"]),
    ("sắp tới ở Tây Mỗ có lớp Excel không", ["activity:excel@tay mo"]),
    ("Tây Mỗ có lớp tiếng Anh không", ["activity:tieng anh@tay mo"]),
    ("phường Tây Mỗ có học AI không", ["activity:ung dung ai@tay mo"]),
    ("Ya Ly có lớp lập trình Scratch không", ["activity:scratch@ya ly"]),
    ("ở Ya Ly có hướng dẫn dịch vụ công không", ["activity:dich vu cong@ya ly"]),
    ("Ya Ly có ngày hội đọc sách không", ["activity:doc sach@ya ly"]),
    ("thư viện lưu động ở Ya Ly", ["activity:thu vien luu dong@ya ly"]),
    ("Tây Mỗ có tư vấn pháp luật không", ["activity:tu van phap luat@tay mo"]),
    ("học nghề điện ở Tây Mỗ", ["activity:sua chua dien dan dung@tay mo"]),
    ("khởi nghiệp nông nghiệp ở Tây Mỗ", ["activity:khoi nghiep nong nghiep@tay mo"]),
    # Other places across the country.
    ("phường Hoàn Kiếm có lớp tiếng Anh không", ["activity:tieng anh@hoan kiem"]),
    ("lớp Excel ở Hoàn Kiếm", ["activity:excel@hoan kiem"]),
    ("Bến Thành có hoạt động gì cho người cao tuổi", ["activity:ky nang so cho nguoi cao tuoi@ben thanh"]),
    ("ở Bến Thành có ngày hội đọc sách cho thiếu nhi không", ["activity:doc sach cho thieu nhi@ben thanh"]),
    ("robot STEM ở Bến Thành", ["activity:robot@ben thanh"]),
    ("Sa Pa có lớp VNeID không", ["activity:vneid@sa pa"]),
    ("lớp tin học văn phòng ở Sa Pa", ["activity:soan thao van ban word@sa pa"]),
    ("Ninh Kiều có lớp Scratch cho học sinh không", ["activity:scratch@ninh kieu"]),
    ("tư vấn hướng nghiệp ở Ninh Kiều", ["activity:huong nghiep@ninh kieu"]),
    ("câu lạc bộ đọc sách ở Cần Thơ", ["activity:cau lac bo doc sach@ninh kieu"]),
    ("Đà Lạt có gì về dịch vụ công", ["activity:dich vu cong@lam vien"]),
    ("ở Huế có lớp Python không", ["activity:python@thuan hoa"]),
    ("tư vấn pháp luật ở Thuận Hóa", ["activity:tu van phap luat@thuan hoa"]),
    ("Phú Quốc có hội thi tin học trẻ không", ["activity:hoi thi tin hoc tre@phu quoc"]),
    ("khởi nghiệp nông nghiệp ở Phú Quốc", ["activity:khoi nghiep nong nghiep@phu quoc"]),
    ("Hải Châu có lớp chống lừa đảo qua mạng không", ["activity:lua dao@hai chau"]),
    ("ở Đà Nẵng có học tiếng Anh trực tuyến không", ["activity:tieng anh@hai chau|activity:tieng anh@hoi an"]),
    ("Buôn Ma Thuột có lớp bán hàng online không", ["activity:ban hang truc tuyen@buon ma thuot"]),
    ("học nghề điện ở Đắk Lắk", ["activity:sua chua dien dan dung@buon ma thuot"]),
    ("Điện Biên Phủ có lớp thanh toán không dùng tiền mặt không", ["activity:thanh toan@dien bien phu"]),
    ("Hội An có hội thi tin học không", ["activity:hoi thi tin hoc tre@hoi an"]),
    ("Hạ Long có trạm tư vấn học tập không", ["activity:tram tu van@ha long"]),
    ("Lý Sơn có tham quan doanh nghiệp không", ["activity:tham quan doanh nghiep@ly son"]),
    ("Mộc Châu có lớp Excel không", ["activity:excel@moc chau"]),
    # Topic, mode and audience without a place.
    ("lớp kỹ năng số cho người cao tuổi", ["activity:ky nang so cho nguoi cao tuoi"]),
    ("có lớp dạy dùng điện thoại thông minh không", ["activity:dien thoai thong minh"]),
    ("học cách nhận biết lừa đảo qua mạng", ["activity:lua dao", "resource:tin nhan lua dao"]),
    ("lớp Excel cho cán bộ", ["activity:excel"]),
    ("lớp lập trình Python", ["activity:python", "resource:python"]),
    ("học tiếng Anh giao tiếp online", ["activity:tieng anh"]),
    ("có khóa học AI nào không", ["resource:ai|activity:ung dung ai"]),
    ("hướng dẫn cài VNeID", ["activity:vneid"]),
    ("bán hàng trên sàn thương mại điện tử", ["activity:ban hang truc tuyen"]),
    ("lớp an toàn trên mạng cho phụ huynh", ["activity:an toan cho tre em"]),
    ("tư vấn hướng nghiệp cho học sinh lớp 9", ["activity:huong nghiep cho hoc sinh lop 9"]),
    ("phiên giao dịch việc làm", ["activity:phien giao dich viec lam"]),
    ("có lớp học nghề miễn phí cho hộ nghèo không", ["activity:hoc nghe ngan han"]),
    ("hoạt động trực tuyến cho phụ huynh", ["activity:hoc truc tuyen cung con|activity:an toan cho tre em"]),
    ("cuộc thi viết về gương sáng học tập", ["activity:cuoc thi viet"]),
    ("ngày hội trải nghiệm công nghệ robot", ["activity:robot"]),
    ("câu lạc bộ đọc sách", ["activity:cau lac bo doc sach"]),
    ("ra mắt tủ sách số", ["activity:tu sach so"]),
    ("nhóm trồng rau công nghệ cao", ["activity:trong trot cong nghe cao"]),
    ("hoạt động cho đối tượng yếu thế", ["activity:"]),
    ("lớp trực tuyến cho học sinh", ["activity:python|activity:tieng anh"]),
    ("tọa đàm về học tập suốt đời", ["activity:toa dam: hoc tap suot doi"]),
    # Library resources.
    ("tài liệu kỹ năng số cho người cao tuổi", ["resource:so tay ky nang so cho nguoi cao tuoi"]),
    ("sách nói về trồng cà phê", ["resource:trong ca phe"]),
    ("video học Excel", ["resource:excel"]),
    ("tài liệu bảo vệ tài khoản ngân hàng", ["resource:bao ve tai khoan ngan hang"]),
    ("truyện song ngữ cho thiếu nhi", ["resource:truyen tranh song ngu"]),
    ("khóa học trực tuyến kỹ năng số cơ bản", ["resource:ky nang so co ban"]),
    ("tài liệu hướng nghiệp", ["resource:huong nghiep"]),
    ("học liệu lập trình Scratch", ["resource:scratch"]),
    ("cẩm nang VNeID", ["resource:vneid"]),
    ("sách tiếng Việt truyện dân gian Tây Nguyên", ["resource:truyen dan gian tay nguyen"]),
    # Contests.
    ("cuộc thi lập trình cho học sinh", ["contest:lap trinh scratch"]),
    ("có cuộc thi trực tuyến nào đang mở", ["contest:"]),
    ("hội thi an toàn thông tin", ["contest:an toan thong tin"]),
    ("cuộc thi đại sứ văn hóa đọc", ["contest:van hoa doc"]),
    ("thi tìm hiểu về Tuần lễ học tập suốt đời", ["contest:tim hieu ve tuan le|activity:cuoc thi tim hieu"]),
    # The Week itself, deadlines, models and how-to.
    ("chủ đề Tuần lễ năm nay là gì", ["campaign:tuan le"]),
    ("Tuần lễ học tập suốt đời diễn ra khi nào", ["campaign:tuan le"]),
    ("khẩu hiệu của Tuần lễ học tập suốt đời", ["campaign:tuan le"]),
    ("khai mạc Tuần lễ học tập suốt đời ngày nào", ["campaign:tuan le"]),
    ("hạn báo cáo của xã Ya Ly", ["deadline:ya ly"]),
    ("phường Tây Mỗ phải nộp báo cáo trước ngày nào", ["deadline:tay mo"]),
    ("hạn chót báo cáo của tỉnh Quảng Ngãi", ["deadline:quang ngai"]),
    ("Công dân học tập là gì", ["guide:cong dan hoc tap"]),
    ("tiêu chí gia đình học tập", ["scheme:gia dinh hoc tap"]),
    ("cộng đồng học tập cấp xã được công nhận thế nào", ["scheme:cong dong hoc tap cap xa"]),
    ("danh hiệu dòng họ học tập", ["scheme:dong ho hoc tap"]),
    ("làm sao để đăng ký tham gia lớp học", ["guide:dang ky"]),
    ("cách tạo tài khoản", ["guide:tao tai khoan"]),
    ("kiểm tra giấy chứng nhận thật hay giả", ["guide:chung nhan"]),
    ("xóa dữ liệu cá nhân thế nào", ["guide:xoa du lieu"]),
    ("cách dự thi trực tuyến", ["guide:du thi truc tuyen"]),
    ("thực tập ở doanh nghiệp", ["guide:doanh nghiep|activity:tham quan doanh nghiep"]),
]

# Typos and chat forms, written as people type them (no tone marks, letters dropped or doubled, abbreviations).
TYPED = [
    ("cuoc thi lap trin cho hoc sinh", ["contest:lap trinh scratch"]),
    ("lop ky nag so o tay mo", ["activity:ky nang so@tay mo"]),
    ("hok tieng anh online", ["activity:tieng anh"]),
    ("mai co lop gi o tay mo ko", ["activity:ban hang truc tuyen@tay mo"]),
    ("tuan nay o tay moo co gi", ["activity:ky nang so cho nguoi cao tuoi@tay mo"]),
    ("lop excell o hoan kiem", ["activity:excel@hoan kiem"]),
    ("han bao cao cua xa ya lyy", ["deadline:ya ly"]),
    ("cdht la gi", ["guide:cong dan hoc tap"]),
    ("dk tham gia hd ntn", ["guide:dang ky"]),
    ("co lop hoc AI ko a", ["resource:ai|activity:ung dung ai"]),
    ("chu de tuan le nam nay la j", ["campaign:tuan le"]),
    ("lop dien thoai thong minh cho ng gia", ["activity:dien thoai thong minh"]),
    ("cuoi tuan o ya ly co j ko", ["activity:ky nang so cho nguoi cao tuoi@ya ly|activity:ban hang truc tuyen@ya ly"]),
    ("lap trnh python cho hs", ["activity:python"]),
    ("thu vien luu dongg", ["activity:thu vien luu dong"]),
    ("tai lieu ve trong ca phe", ["resource:ca phe"]),
    ("cho e hoi cach kiem tra chung nhan", ["guide:chung nhan"]),
    ("lop vneid o sapa", ["activity:vneid"]),
]

# Questions the platform holds no answer to: "chưa tìm thấy", never unrelated items.
NO_ANSWER = [
    "giá vàng hôm nay bao nhiêu",
    "thời tiết Hà Nội ngày mai",
    "lớp học bơi ở Ya Ly",
    "kết quả bóng đá tối qua",
    "cách nấu phở bò",
    "lớp yoga ở Tây Mỗ",
    "học lái xe ô tô ở đâu",
    "tuyển sinh đại học năm nay",
    "bệnh viện nào gần nhất",
    "cuộc thi hoa hậu",
    "lớp piano cho trẻ em",
    "vé máy bay đi Đà Nẵng",
    "giá điện tháng này",
    "lịch cúp nước",
    "lớp võ thuật cho thiếu nhi",
    "mua bán nhà đất",
    "xổ số miền Bắc",
    "học tiếng Nhật ở Phú Quốc",
    "khám sức khỏe cho trẻ sơ sinh",
    "lớp học nấu ăn cuối tuần",
    "asdfgh qwerty",
    "???",
]


def evaluation_set() -> list[tuple[str, list[str]]]:
    """Every question as written, and those written with tone marks once more without them."""
    toned = QUESTIONS + [(question, []) for question in NO_ANSWER]
    folded = [(search_key(question), expected) for question, expected in toned if search_key(question) != question]
    return toned + folded + TYPED
