from django.core.management import call_command
from django.urls import reverse

from lifelong.activities import prefill
from lifelong.activities.models import Activity, Registration
from lifelong.campaigns.models import Campaign
from lifelong.orgs.models import OrgUnit


def test_demo_activities_are_held_and_upcoming_with_check_ins(client, db):
    call_command("load_demo", verbosity=0)
    campaign = Campaign.objects.get(year=2025)
    taymo = OrgUnit.objects.get(code="00634")
    held = Activity.objects.filter(unit=taymo, status=Activity.Status.HELD)
    assert held.count() == 2
    assert Registration.objects.filter(session__activity__in=held, checked_in_at__isnull=False).count() == 13
    proposed = prefill.proposals(taymo, campaign)
    assert proposed[("c1", "")] == 1 and proposed[("b4", "")] == 1
    # the public list shows what is coming, soonest first
    titles = [a.title for a in client.get(reverse("activity_list")).context["page"]]
    assert titles[:3] == ["Lớp kỹ năng số: thanh toán không dùng tiền mặt an toàn",
                          "Giới thiệu nền tảng học tập trực tuyến cho người lao động",
                          "Ngày hội đọc sách và tủ sách số của thôn"]
    count = Activity.objects.count(), Registration.objects.count()
    call_command("load_demo", verbosity=0)
    assert (Activity.objects.count(), Registration.objects.count()) == count
