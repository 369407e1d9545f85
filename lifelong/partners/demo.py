"""The school–business demo: a partner business of Ya Ly and one of Tây Mỗ, each with offers for learners (names
written for the demo; the contacts are fictitious and recorded as consented). Idempotent."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from lifelong.activities.models import Activity
from lifelong.orgs.demo import TAY_MO, YA_LY, demo_unit
from lifelong.orgs.models import User
from lifelong.partners import services
from lifelong.partners.models import Business

PARTNERS = [
    (YA_LY, "yaly", {"name": "Hợp tác xã Nông nghiệp Ya Ly (tên mẫu)", "sector": "Nông nghiệp, cà phê",
                     "contact_name": "Người liên hệ mẫu", "contact_phone": "0905000000", "contact_consent": True},
     [{"kind": "visit", "title": "Tham quan vườn cà phê và xưởng sơ chế", "places": 40,
       "description": "Dành cho học sinh THCS, THPT: tìm hiểu quy trình trồng, thu hái và sơ chế cà phê."},
      {"kind": "job", "title": "Tuyển lao động thời vụ mùa thu hoạch", "places": 25,
       "description": "Ưu tiên người dân trong xã; được hướng dẫn kỹ thuật trước khi làm."}]),
    (TAY_MO, "taymo", {"name": "Công ty Công nghệ Tây Mỗ (tên mẫu)", "sector": "Công nghệ thông tin"},
     [{"kind": "career_talk", "title": "Tọa đàm: nghề lập trình và trí tuệ nhân tạo", "places": 120,
       "description": "Kỹ sư của công ty trò chuyện với học sinh về nghề và con đường học tập."},
      {"kind": "internship", "title": "Thực tập hè cho học sinh lớp 11–12", "places": 10}]),
]


def _career_activity(actor, unit, title: str):
    """The kind g) activity that holds the business's first offer (the demo's activities have none of that kind)."""
    from lifelong.activities import services as activity_services
    from lifelong.campaigns.models import Campaign

    campaign = Campaign.objects.filter(year=2025).first()
    category = campaign.categories.filter(code="career").first() if campaign else None
    if category is None:
        return None
    start = (timezone.localtime() + timedelta(days=12)).replace(hour=8, minute=0, second=0, microsecond=0)
    return activity_services.activity_create(actor=actor, unit=unit, campaign=campaign, published=True, data={
        "category": category, "title": title, "venue_name": "Hội trường " + unit.name,
        "description": "Kết nối nhà trường và doanh nghiệp: gặp gỡ, hỏi đáp, đăng ký tham gia."},
        sessions=[(start, start + timedelta(hours=2))])


@transaction.atomic
def load_demo_partners() -> dict[str, int]:
    if Business.objects.filter(name=PARTNERS[0][2]["name"]).exists():
        return {"businesses": 0, "offers": 0}
    businesses = offers = 0
    for code, official, business_data, offer_list in PARTNERS:
        actor = User.objects.filter(username=official).first()
        if actor is None:
            continue
        unit = demo_unit(code)
        business = services.business_create(actor=actor, unit=unit, data=business_data)
        businesses += 1
        career = Activity.objects.filter(unit__path__startswith=unit.path, category__code="career").first() or \
            _career_activity(actor, unit, offer_list[0]["title"])
        for n, data in enumerate(offer_list):
            services.offer_create(actor=actor, business=business, data={
                **data, "apply_until": timezone.localdate() + timedelta(days=30)}, activity=career if n == 0 else None)
            offers += 1
    return {"businesses": businesses, "offers": offers}
