from django.core.management import call_command

from lifelong.campaigns.models import Campaign
from lifelong.orgs.models import OrgUnit
from lifelong.reports import selectors
from lifelong.reports.models import Report


def test_demo_reports_give_living_totals_and_rates(db):
    call_command("load_demo", verbosity=0)
    campaign = Campaign.objects.get(year=2025)
    assert campaign.indicators.count() == 32
    taymo = OrgUnit.objects.get(code="00634")
    statuses = {r.reporter.unit.name: r.status for r in selectors.completeness(taymo, campaign).children}
    assert statuses == {
        "Trường THCS Nguyễn Quý Đức": "on_time", "Tổ dân phố số 1": "on_time", "Tổ dân phố số 2": "on_time",
        "Tổ dân phố số 3": "late", "Phòng Kinh tế, Hạ tầng và Đô thị": "missing",
        "Phòng Văn hoá - Xã hội": "excused"}
    soyte = OrgUnit.objects.get(parent__code="01", name="Sở Y tế Hà Nội")
    assert {r.status for r in selectors.completeness(soyte, campaign).children} == {"on_time"}
    yaly = {r.reporter.unit.name: r.status for r in selectors.completeness(OrgUnit.objects.get(code="23548"),
                                                                           campaign).children}
    assert yaly["Thôn 1"] == "on_time" and yaly["Thôn 2"] == "missing"
    a1 = campaign.indicators.get(code="a1")
    ministry = OrgUnit.objects.get(code="BGDDT")
    assert selectors.unit_totals(ministry, campaign)[(a1.pk, "")] == Report.objects.filter(
        status__in=["submitted", "accepted"]).count() == 8
    assert Report.objects.get(unit__name="Trường THCS Nguyễn Quý Đức").status == "accepted"
    count = Report.objects.count()
    call_command("load_demo", verbosity=0)
    assert Report.objects.count() == count
