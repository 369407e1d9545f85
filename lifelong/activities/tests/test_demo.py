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
    # the public list shows what is coming, soonest first: the demo's own coming three among the catalogue's
    page = list(client.get(reverse("activity_list")).context["page"])
    assert [a.starts_at for a in page] == sorted(a.starts_at for a in page)
    coming = [a["title"] for a in client.get("/api/v1/activities", {"limit": 200}).json()["items"]]
    mine = [t for t in coming if t in {"Lớp kỹ năng số: thanh toán không dùng tiền mặt an toàn",
                                        "Giới thiệu nền tảng học tập trực tuyến cho người lao động",
                                        "Ngày hội đọc sách và tủ sách số của thôn"}]
    assert mine == ["Lớp kỹ năng số: thanh toán không dùng tiền mặt an toàn",
                    "Giới thiệu nền tảng học tập trực tuyến cho người lao động",
                    "Ngày hội đọc sách và tủ sách số của thôn"]
    # the catalogue: enough coming activities, of every kind, in many places, in person and online
    catalogue = Activity.objects.filter(published=True, status=Activity.Status.PLANNED)
    assert Activity.objects.count() >= 150 and catalogue.values("commune").distinct().count() >= 15
    assert catalogue.values("category").distinct().count() == 7
    assert {"in_person", "online", "hybrid"} <= set(catalogue.values_list("mode", flat=True))
    count = Activity.objects.count(), Registration.objects.count()
    call_command("load_demo", verbosity=0)
    assert (Activity.objects.count(), Registration.objects.count()) == count
