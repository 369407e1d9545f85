"""Short guides the assistant answers "how do I …" and "what is …" questions with.

They are content, written in Vietnamese (the language the assistant reads), not interface strings: like the
seeds and the schemes, they are not translated. Each guide says in a few sentences what to do and links the page
where it is done; `asks` lists the ways people put the question, which the ranking searches with the title.
Facts that change each year (the theme, the dates, a unit's deadlines) are never written here: they are read
from the campaign and the reports (answer.py).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Guide:
    slug: str
    title: str
    answer: str
    url_name: str
    asks: str = ""


GUIDES = [
    Guide("dang-ky-hoat-dong", "Cách đăng ký tham gia một hoạt động",
          "Mở trang của hoạt động, chọn buổi và bấm “Đăng ký”: điền họ tên và số điện thoại hoặc thư điện tử, "
          "đồng ý cho xử lý dữ liệu. Bạn nhận một vé có mã QR; đến nơi, đưa mã cho ban tổ chức để điểm danh. "
          "Hết chỗ thì bạn vào danh sách chờ và được báo khi có chỗ.",
          "activity_list",
          "dang ky tham gia lop hoc hoat dong ve ma qr dang ki ghi danh dang ky hoc nhu the nao lam sao de dang ky"),
    Guide("tao-tai-khoan", "Cách tạo tài khoản người học",
          "Bấm “Tạo tài khoản” ở đầu trang, dùng thư điện tử hoặc số điện thoại. Tài khoản giữ hồ sơ học tập: "
          "các hoạt động đã tham gia, chứng nhận, kết quả cuộc thi. Không cần tài khoản để xem hoạt động.",
          "account_signup", "tao tai khoan dang ky tai khoan mo tai khoan dang nhap nguoi hoc lap tai khoan"),
    Guide("cong-dan-hoc-tap", "Công dân học tập là gì",
          "“Công dân học tập” là danh hiệu của phong trào xây dựng xã hội học tập (Chương trình theo Quyết định "
          "677/QĐ-TTg ngày 03/6/2022; tiêu chí của Hội Khuyến học Việt Nam). Mỗi người tự đánh giá theo 3 nhóm "
          "năng lực: tự học và học tập suốt đời; sử dụng công cụ tương tác, số; xây dựng quan hệ xã hội — 10 chỉ "
          "tiêu, mỗi chỉ tiêu 10 điểm; đạt khi từ 80/100 điểm và không chỉ tiêu nào dưới 5. Hội Khuyến học cơ sở "
          "công nhận. Bạn có thể tự đánh giá trên nền tảng.",
          "recognition_citizen",
          "cong dan hoc tap la gi danh hieu tieu chi tu danh gia cdht dieu kien cong nhan cong dan hoc tap"),
    Guide("mo-hinh-hoc-tap", "Các mô hình học tập được đánh giá, công nhận",
          "Mỗi năm phong trào xây dựng xã hội học tập đánh giá, công nhận: Gia đình học tập, Dòng họ học tập, "
          "Cộng đồng học tập (thôn, tổ dân phố; cấp xã theo Thông tư 25/2023/TT-BGDĐT), Đơn vị học tập (Thông tư "
          "24/2023/TT-BGDĐT) và Công dân học tập. Trang “Mô hình học tập” liệt kê tiêu chí và văn bản của từng "
          "mô hình.",
          "recognition_schemes",
          "mo hinh hoc tap gia dinh hoc tap dong ho hoc tap cong dong hoc tap don vi hoc tap danh gia cong nhan "
          "tieu chi xa hoi hoc tap"),
    Guide("tuan-le-la-gi", "Tuần lễ hưởng ứng học tập suốt đời là gì",
          "Tuần lễ hưởng ứng học tập suốt đời được tổ chức hằng năm trên cả nước, thường từ ngày 01 đến 07 tháng "
          "10, để mọi người dân được học và học suốt đời. Bộ Giáo dục và Đào tạo gửi văn bản hướng dẫn với chủ "
          "đề của năm; các tỉnh, xã, trường lập kế hoạch, tổ chức hoạt động và báo cáo kết quả.",
          "campaign_list", "tuan le hoc tap suot doi la gi y nghia muc dich hoc tap suot doi"),
    Guide("chung-nhan", "Kiểm tra một giấy chứng nhận",
          "Mỗi giấy chứng nhận có mã và mã QR. Nhập mã ở trang “Kiểm tra chứng nhận” (hoặc quét mã QR) để xem "
          "chứng nhận còn hiệu lực hay đã bị thu hồi; chữ ký số được kiểm tra tự động.",
          "certificate_lookup", "chung nhan giay chung nhan chung chi kiem tra xac minh that gia ma qr bang"),
    Guide("ho-so-hoc-tap", "Hồ sơ học tập của tôi",
          "Đăng nhập rồi mở “Học tập của tôi”: các hoạt động đã đăng ký và tham gia, chứng nhận, kết quả cuộc "
          "thi. Bạn tải được bản PDF và bản dữ liệu, hoặc xoá tài khoản cùng dữ liệu của mình.",
          "learning_record", "ho so hoc tap cua toi qua trinh hoc tap lich su hoc tap ket qua hoc tap"),
    Guide("xoa-du-lieu", "Xoá dữ liệu cá nhân",
          "Theo Nghị định 13/2023/NĐ-CP, bạn có quyền xem, tải về và yêu cầu xoá dữ liệu cá nhân. Trong “Học tập "
          "của tôi” có nút tải dữ liệu và nút xoá tài khoản; một lượt đăng ký lẻ được xoá từ trang vé của nó.",
          "learning_record", "xoa du lieu ca nhan xoa tai khoan bao mat quyen rieng tu thong tin ca nhan"),
    Guide("thu-vien-so", "Thư viện số và học liệu mở",
          "Thư viện có sách, bài giảng, video và khoá học trực tuyến của các đơn vị, tìm được không cần dấu. "
          "Mỗi học liệu ghi rõ giấy phép sử dụng; học liệu mở được tải về hoặc học trực tiếp.",
          "library_home", "thu vien so hoc lieu mo sach dien tu tai lieu hoc tap tim tai lieu doc sach online"),
    Guide("thi-truc-tuyen", "Cách dự thi trực tuyến",
          "Mở trang “Cuộc thi”, chọn cuộc thi đang mở và bấm “Bắt đầu”. Thi thử không giới hạn; lượt thi chính "
          "thức cần tài khoản đã xác minh thư điện tử hoặc số điện thoại. Bài tự nộp khi hết giờ.",
          "contest_list", "du thi thi truc tuyen lam bai thi cach thi nop bai thi thu luot thi"),
    Guide("cong-dong-hoc-tap-truc-tuyen", "Cộng đồng học tập trên nền tảng",
          "Trang “Cộng đồng” là nơi người học hỏi đáp và chia sẻ theo chủ đề. Cần đăng nhập để viết; bài bị "
          "nhiều người báo cáo sẽ tạm ẩn để người điều hành xem lại.",
          "community_list", "cong dong hoi dap dien dan chia se nhom hoc tap thao luan"),
    Guide("doanh-nghiep", "Tham quan, thực tập, việc làm với doanh nghiệp",
          "Trang “Tham quan, thực tập, việc làm” liệt kê các đề nghị của doanh nghiệp gắn với nhà trường; bạn "
          "nộp đơn ngay trên trang, thông tin liên hệ chỉ được giữ khi bạn đồng ý.",
          "offer_list", "doanh nghiep tham quan thuc tap viec lam tuyen dung huong nghiep nha truong"),
    Guide("bao-cao-ket-qua", "Báo cáo kết quả Tuần lễ (cho cán bộ)",
          "Sau Tuần lễ, mỗi đơn vị báo cáo cấp trên trước hạn ghi trong kế hoạch của cấp trên. Trang báo cáo "
          "của đơn vị điền sẵn các số liệu từ hoạt động đã tổ chức; nộp muộn vẫn được nhưng bị đánh dấu.",
          "home", "bao cao ket qua nop bao cao mau bao cao can bo don vi tong hop"),
    Guide("lap-ke-hoach", "Lập kế hoạch Tuần lễ (cho cán bộ)",
          "Mỗi đơn vị lập kế hoạch từ kế hoạch của cấp trên: nền tảng chép sẵn mục đích, nội dung và hạn, cán "
          "bộ sửa cho đơn vị mình rồi ban hành; xuất được văn bản Word đúng thể thức Nghị định 30.",
          "home", "lap ke hoach ke hoach tuan le soan ke hoach ban hanh ke hoach van ban word"),
    Guide("diem-danh", "Điểm danh bằng mã QR (cho ban tổ chức)",
          "Ban tổ chức mở trang điểm danh của buổi, quét mã QR trên vé hoặc gõ mã; người không đăng ký trước "
          "được thêm tại chỗ. Mỗi vé chỉ điểm danh một lần.",
          "activity_list", "diem danh quet ma qr check in ve tham du"),
]


def guide(slug: str) -> Guide | None:
    return next((g for g in GUIDES if g.slug == slug), None)
