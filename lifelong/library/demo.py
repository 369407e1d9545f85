"""The library demo: bookshelves for the demo's schools and communes, a shared library, and a few online
courses. Every item was written for the demo (small HTML5 lessons under Creative Commons licences); the
courses are links to example addresses, marked "all rights reserved", so nothing is copied. Published through
the services by the units' own demo officials. Idempotent: a second run finds the shelves and adds nothing.
"""

import io
import zipfile
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from lifelong.library import services
from lifelong.library.models import Collection, Resource
from lifelong.orgs.demo import TAY_MO, YA_LY, demo_unit
from lifelong.orgs.models import OrgUnit, User

LESSON = """<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title></head>
<body><h1>{title}</h1>{body}<p><small>Tài liệu mẫu của nền tảng Học tập suốt đời, giấy phép {licence}.</small></p>
</body></html>"""

# (unit: code or (code, name), official, title, kind, licence, subjects, audience, minutes, body or URL)
ITEMS = [
    ((TAY_MO, "Trường THCS Nguyễn Quý Đức"), "truong", "Bài tập: Nhận biết tin nhắn lừa đảo", "exercise",
     "CC-BY-SA-4.0", ["kỹ năng số", "an toàn mạng"], "học sinh, người dân", 15,
     "<p>Đọc từng tin nhắn và chọn: tin thật hay tin lừa đảo? Dấu hiệu: đòi chuyển tiền gấp, đường link lạ, "
     "xin mã OTP.</p>"),
    ((TAY_MO, "Trường THCS Nguyễn Quý Đức"), "truong", "Hướng dẫn dùng tủ sách số của trường", "document",
     "CC0-1.0", ["thư viện số", "đọc sách"], "học sinh, phụ huynh", 10,
     "<p>Tìm sách không cần gõ dấu, mở sách ngay trên điện thoại, và gợi ý sách mới cho thư viện.</p>"),
    (TAY_MO, "taymo", "Sổ tay kỹ năng số cho người cao tuổi", "document", "CC-BY-4.0",
     ["kỹ năng số", "người cao tuổi"], "người cao tuổi", 30,
     "<ol><li>Gọi video cho con cháu.</li><li>Dùng dịch vụ công trực tuyến.</li>"
     "<li>Không chia sẻ mã OTP với bất kỳ ai.</li></ol>"),
    (YA_LY, "yaly", "Học tiếng Việt qua truyện dân gian Tây Nguyên", "document", "CC-BY-NC-4.0",
     ["đọc sách", "văn hóa"], "người dân, học sinh", 20,
     "<p>Mỗi truyện ngắn có phần đọc to, từ mới và câu hỏi cùng trao đổi trong gia đình.</p>"),
    (YA_LY, "yaly", "Khóa học trực tuyến: Kỹ năng số cơ bản", "course", "all-rights-reserved",
     ["kỹ năng số"], "người dân", 240, "https://example.vn/khoa-hoc/ky-nang-so-co-ban"),
    (TAY_MO, "taymo", "Khóa học trực tuyến: Ứng dụng AI trong công việc hằng ngày", "course",
     "all-rights-reserved", ["trí tuệ nhân tạo", "kỹ năng số"], "cán bộ, người lao động", 360,
     "https://example.vn/khoa-hoc/ung-dung-ai"),
    (TAY_MO, "taymo", "Excel cho người mới bắt đầu: bảng tính và công thức", "video", "CC-BY-4.0",
     ["tin học văn phòng", "Excel"], "cán bộ, người lao động", 45,
     "<p>Video từng bước: nhập số liệu, dùng hàm SUM, IF, lọc dữ liệu và vẽ biểu đồ.</p>"),
    ((TAY_MO, "Trường THCS Nguyễn Quý Đức"), "truong", "Lập trình Scratch: làm trò chơi đầu tiên", "exercise",
     "CC-BY-SA-4.0", ["lập trình", "Scratch"], "học sinh", 40,
     "<p>Kéo thả các khối lệnh để nhân vật di chuyển, ghi điểm và kết thúc trò chơi.</p>"),
    ((TAY_MO, "Trường THCS Nguyễn Quý Đức"), "truong", "Bài giảng: Python cho học sinh THCS", "course",
     "all-rights-reserved", ["lập trình", "Python"], "học sinh", 600, "https://example.vn/khoa-hoc/python-thcs"),
    (YA_LY, "yaly", "Sách nói: Kỹ thuật trồng cà phê bền vững", "audio", "CC-BY-4.0",
     ["nông nghiệp", "cà phê"], "nông dân", 35,
     "<p>Chọn giống, bón phân hữu cơ, tưới tiết kiệm nước và thu hái đúng độ chín.</p>"),
    (YA_LY, "yaly", "Cẩm nang cài đặt VNeID và dịch vụ công trực tuyến", "document", "CC0-1.0",
     ["kỹ năng số", "VNeID", "dịch vụ công"], "người dân", 20,
     "<p>Các bước kích hoạt tài khoản định danh điện tử và nộp hồ sơ trực tuyến.</p>"),
    (TAY_MO, "taymo", "Tiếng Anh giao tiếp hằng ngày cho người lớn", "course", "all-rights-reserved",
     ["ngoại ngữ", "tiếng Anh"], "người lao động", 900, "https://example.vn/khoa-hoc/tieng-anh-giao-tiep"),
    (TAY_MO, "taymo", "Bảo vệ tài khoản ngân hàng và ví điện tử", "document", "CC-BY-4.0",
     ["an toàn mạng", "thanh toán số"], "người dân, người cao tuổi", 15,
     "<p>Đặt mật khẩu mạnh, bật xác thực hai lớp, không bấm đường link lạ, không cho ai biết mã OTP.</p>"),
    (YA_LY, "yaly", "Truyện tranh song ngữ Việt – Ba Na cho thiếu nhi", "document", "CC-BY-NC-4.0",
     ["đọc sách", "thiếu nhi", "dân tộc thiểu số"], "thiếu nhi", 15,
     "<p>Những câu chuyện ngắn có tranh, đọc bằng tiếng Việt và tiếng Ba Na.</p>"),
    (TAY_MO, "taymo", "Hướng nghiệp: bản đồ các ngành nghề kỹ thuật", "document", "CC-BY-4.0",
     ["hướng nghiệp", "nghề nghiệp"], "học sinh, phụ huynh", 25,
     "<p>Các nghề kỹ thuật, nơi học nghề và cơ hội việc làm ở Hà Nội.</p>"),
]


def _lesson(title: str, body: str, licence: str) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("index.html", LESSON.format(title=title, body=body, licence=licence))
    return SimpleUploadedFile("bai-hoc.zip", buffer.getvalue(), content_type="application/zip")


def _unit(place) -> OrgUnit:
    return demo_unit(*place) if isinstance(place, tuple) else demo_unit(place)


@transaction.atomic
def load_demo_library() -> dict[str, int]:
    if Resource.objects.exists():
        return {"resources": 0, "collections": 0}
    made, shelves = [], {}
    for place, official, title, kind, licence, subjects, audience, minutes, content in ITEMS:
        unit = _unit(place)
        actor = User.objects.get(username=official)
        shelf = shelves.get(unit.pk) or Collection.objects.create(unit=unit, name=f"Tủ sách số {unit.name}")
        shelves[unit.pk] = shelf
        data = {"title": title, "kind": kind, "licence": licence, "subjects": subjects, "audience": audience,
                "time_required_minutes": minutes, "description": "Tài liệu mẫu viết cho bản trình diễn."}
        if kind == "course":
            data.update(url=content, provider="Đơn vị đào tạo (địa chỉ ví dụ)", starts_on=date(2025, 10, 1),
                        ends_on=date(2025, 12, 31))
            resource = services.resource_create(actor=actor, unit=unit, data=data, collections=[shelf])
        else:
            resource = services.resource_create(actor=actor, unit=unit, data=data,
                                                upload=_lesson(title, content, licence), collections=[shelf])
        made.append(resource)
    ministry = OrgUnit.objects.filter(parent__isnull=True).order_by("pk").first()
    shared = Collection.objects.create(unit=ministry, kind=Collection.Kind.SHARED,
                                       name="Thư viện dùng chung Tuần lễ 2025",
                                       description="Học liệu mở các đơn vị chia sẻ trong Tuần lễ.")
    for resource in made:
        resource.collections.add(shared)
    _introduce_in_activities(made)
    curated = _curated_for_digital_skills(ministry, made)
    return {"resources": len(made), "collections": len(shelves) + 1 + curated}


def _curated_for_digital_skills(ministry: OrgUnit, made: list[Resource]) -> int:
    """The Ministry's curated list for kind c) of the 2025 campaign: its digital-skills classes suggest it."""
    from lifelong.campaigns.models import ActivityCategory

    category = ActivityCategory.objects.filter(campaign__year=2025, code="digital_skills").first()
    if category is None:
        return 0
    curated = Collection.objects.create(unit=ministry, kind=Collection.Kind.CURATED, category=category,
                                        name="Học liệu kỹ năng số Tuần lễ 2025",
                                        description="Tuyển chọn cho các lớp kỹ năng số của Tuần lễ.")
    curated.resources.add(*[r for r in made if "kỹ năng số" in r.subjects])
    return 1


# (title of a demo activity of kind d or đ, titles of the resources it introduces)
INTRODUCED = [
    ("Giới thiệu nền tảng học tập trực tuyến cho người lao động",
     ["Khóa học trực tuyến: Ứng dụng AI trong công việc hằng ngày", "Sổ tay kỹ năng số cho người cao tuổi"]),
    ("Ngày hội đọc sách và tủ sách số của thôn",
     ["Học tiếng Việt qua truyện dân gian Tây Nguyên", "Khóa học trực tuyến: Kỹ năng số cơ bản"]),
]


def _introduce_in_activities(made: list[Resource]) -> None:
    """The demo's reading day and online-learning session introduce resources (when the activities demo ran)."""
    from lifelong.activities.models import Activity

    by_title = {resource.title: resource for resource in made}
    for activity_title, titles in INTRODUCED:
        activity = Activity.objects.filter(title=activity_title).select_related("unit", "category").first()
        if activity is None:
            continue
        official = activity.unit.memberships.filter(role__in=["editor", "admin"]).select_related("user").first()
        for title in titles:
            services.resource_link_activity(actor=official.user if official else None, resource=by_title[title],
                                            activity=activity)
