"""The communities demo: Tây Mỗ's reading club, with members, a topic and replies (one sharing a resource of the
library), and the Week's reading day as its event. Written through the services by the demo's people; the
members are made trusted (they joined weeks ago). Idempotent."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from lifelong.activities.models import Activity
from lifelong.communities import services
from lifelong.communities.models import Community, Member
from lifelong.library.models import Resource
from lifelong.orgs.demo import TAY_MO, demo_unit
from lifelong.orgs.models import User

CLUB = "Câu lạc bộ Đọc sách và Kỹ năng số Tây Mỗ"


@transaction.atomic
def load_demo_communities() -> dict[str, int]:
    officer, lan = User.objects.filter(username="taymo").first(), User.objects.filter(username="hocvien.lan").first()
    teacher = User.objects.filter(username="truong").first()
    if officer is None or Community.objects.filter(name=CLUB).exists():
        return {"communities": 0, "posts": 0}
    club = services.community_create(actor=officer, unit=demo_unit(TAY_MO), kind="club", name=CLUB, description=(
        "Mỗi tháng một cuốn sách và một kỹ năng số: gặp nhau tối thứ Sáu đầu tháng tại Nhà văn hóa Tổ dân phố số 1,"
        " trao đổi thêm trên diễn đàn này."))
    people = [person for person in (officer, lan, teacher) if person is not None]
    for person in people:
        services.community_join(user=person, community=club)
    Member.objects.filter(community=club).update(joined_at=timezone.now() - timedelta(days=30))
    posts = 0
    topic = services.post_create(actor=officer, community=club, title="Sách tháng này: chọn cuốn nào?", body=(
        "Chào cả nhà,\nTháng này mình đọc sách về kỹ năng số cho người lớn tuổi hay truyện dân gian?\n\n"
        "Mọi người cho ý kiến dưới đây nhé."))
    posts += 1
    if lan is not None:
        services.post_create(actor=lan, community=club, topic=topic, body=(
            "Em đề nghị sổ tay kỹ năng số: bố mẹ em đang học dùng dịch vụ công trực tuyến."))
        posts += 1
    if teacher is not None:
        handbook = Resource.objects.filter(title="Sổ tay kỹ năng số cho người cao tuổi").first()
        services.post_create(actor=teacher, community=club, topic=topic, resource=handbook, body=(
            "Tủ sách số của trường có sẵn cuốn sổ tay này, mời mọi người mở xem trước khi gặp mặt."))
        posts += 1
    services.post_create(actor=officer, community=club, title="Nhắc lịch sinh hoạt", body=(
        "Buổi gặp tháng này vào tối thứ Sáu, 19:30. Mang theo điện thoại để cùng thực hành."))
    posts += 1
    event = Activity.objects.filter(unit__path__startswith=club.unit.path, category__code="digital_skills",
                                    published=True).order_by("-starts_at").first()
    if event is not None:
        services.community_add_event(actor=officer, community=club, activity=event)
    return {"communities": 1, "posts": posts}
