"""Demo activities (load_demo): what the Week looked like in Tây Mỗ and Ya Ly, and what comes next.

Held activities of October 2025 with registrations and check-ins (so that the results reports show
proposed figures), and upcoming ones placed a few days after the day the demo is loaded (so that a
newcomer can register, get a ticket and check it in). Registrants are invented names with 0900 000 xxx
numbers. Everything goes through the services; idempotent (an activity of the same title is skipped).
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from lifelong.activities import services
from lifelong.activities.models import Activity
from lifelong.campaigns.models import Campaign
from lifelong.orgs.demo import TAY_MO, YA_LY, demo_unit

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
PEOPLE = ["Nguyễn Thị Lan", "Trần Văn Hùng", "Lê Thị Mai", "Phạm Văn Nam", "Hoàng Thị Hoa", "Vũ Văn Tùng",
          "Đặng Thị Thu", "Bùi Văn Long", "Đỗ Thị Hạnh", "Ngô Văn Sơn", "Y Hoa", "A Blưk"]
GROUPS = ["residents", "residents", "disadvantaged", "officials", "learners", "residents"]

# (unit: (commune code, child name or None), category, title, day: October 2025 day or +days from today,
#  hour, target groups, capacity, extra fields, people registered, of whom checked in)
DEMO_ACTIVITIES = [
    ((TAY_MO, None), "digital_skills", "Tập huấn kỹ năng số cho người cao tuổi", 3, 8,
     ["residents", "disadvantaged"], 30, {"venue_name": "Nhà văn hóa Tổ dân phố số 2",
                                          "partners": "Viettel Hà Nội"}, 9, 7),
    ((TAY_MO, None), "awareness", "Tọa đàm: học tập suốt đời trong kỷ nguyên số", 2, 14,
     ["officials", "residents"], None, {"venue_name": "Hội trường UBND phường Tây Mỗ"}, 6, 6),
    ((TAY_MO, "Trường THCS Nguyễn Quý Đức"), "competition", "Cuộc thi Em yêu khoa học và công nghệ", 6, 8,
     ["learners"], 120, {"venue_name": "Sân trường THCS Nguyễn Quý Đức"}, 5, 4),
    ((YA_LY, None), "digital_skills", "Hướng dẫn đồng bào sử dụng VNeID và dịch vụ công trực tuyến", 4, 8,
     ["disadvantaged", "residents"], 40, {"venue_name": "Nhà rông thôn 1", "partners": "Bưu điện xã Ya Ly"}, 8, 6),
    # upcoming: days after today
    ((TAY_MO, None), "digital_skills", "Lớp kỹ năng số: thanh toán không dùng tiền mặt an toàn", "+5", 8,
     ["residents", "disadvantaged"], 25, {"venue_name": "Nhà văn hóa Tổ dân phố số 1",
                                          "venue_address": "Phường Tây Mỗ, Hà Nội"}, 3, 0),
    ((TAY_MO, None), "online_learning", "Giới thiệu nền tảng học tập trực tuyến cho người lao động", "+8", 19,
     ["officials", "residents"], None, {"mode": Activity.Mode.ONLINE, "online_url": "https://hoc.example.vn/tay-mo"},
     0, 0),
    ((YA_LY, None), "digital_library", "Ngày hội đọc sách và tủ sách số của thôn", "+10", 8,
     ["learners", "residents", "disadvantaged"], 60, {"venue_name": "Trường Tiểu học và THCS Ya Ly"}, 2, 0),
]


def _start(day, hour: int) -> datetime:
    date = timezone.localdate() + timedelta(days=int(day)) if isinstance(day, str) else datetime(2025, 10, day).date()
    return datetime.combine(date, time(hour, 0), tzinfo=TZ)


@transaction.atomic
def load_demo_activities() -> dict[str, int]:
    campaign = Campaign.objects.get(year=2025)
    created = registered = checked_in = 0
    for n, (where, code, title, day, hour, groups, capacity, extra, people, present) in enumerate(DEMO_ACTIVITIES):
        unit = demo_unit(*where)
        if Activity.objects.filter(unit=unit, title=title).exists():
            continue
        start = _start(day, hour)
        held = start < timezone.now()
        # Registration is open only before a session starts: sign people up on a future date first,
        # then move the session to its real (past) date.
        first = _start("+1", hour) if held else start
        activity = services.activity_create(
            actor=None, unit=unit, campaign=campaign, published=True,
            data={"category": campaign.categories.get(code=code), "title": title, "target_groups": groups,
                  "capacity": capacity, "registration_required": capacity is not None,
                  "description": "Hoạt động hưởng ứng Tuần lễ học tập suốt đời năm 2025.", **extra},
            sessions=[(first, first + timedelta(hours=2, minutes=30))])
        created += 1
        session = activity.sessions.get()
        for i in range(people):
            registration = services.registration_create(
                session=session, name=PEOPLE[(i + n) % len(PEOPLE)], phone=f"0900{n:03d}{i:03d}",
                group=GROUPS[(i + n) % len(GROUPS)], consent=True).registration
            registered += 1
            if i < present:
                services.check_in(actor=None, session=session, code=registration.code)
                checked_in += 1
        if held:
            activity.refresh_from_db()
            services.activity_update(actor=None, activity=activity, lock_version=activity.lock_version, data={},
                                     sessions=[(start, start + timedelta(hours=2, minutes=30))])
            services.activity_set_state(actor=None, activity=activity, status=Activity.Status.HELD)
    return {"activities": created, "registrations": registered, "check-ins": checked_in}
