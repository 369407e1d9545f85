from datetime import date

from django.urls import reverse

from lifelong.orgs.models import Membership
from lifelong.plans.tests.helpers import publish_plan
from lifelong.reports.models import ExpectedReporter
from lifelong.reports.tests.conftest import GOOD, fill, stored_report, submit

Role = Membership.Role


def test_ministry_editors_add_reorder_and_retire_until_reports_come_in(client, tree, reporting, make_user):
    url = reverse("report_form_editor", args=[reporting.pk])
    client.force_login(make_user(tree.hanoi, Role.ADMIN))
    assert client.get(url).status_code == 403
    client.force_login(make_user(tree.ministry, Role.EDITOR))
    response = client.post(url, {"code": "ai1", "label": "Lớp phổ cập trí tuệ nhân tạo", "kind": "count",
                                 "section": "c", "unit_label": "lớp", "order": "5"})
    assert response.status_code == 302
    assert reporting.indicators.get(code="ai1").order == 5
    client.post(url, {"code": "b3", "label": "Băng rôn, khẩu hiệu", "kind": "count", "retired": "on"})
    assert reporting.indicators.get(code="b3").retired
    report = stored_report(tree.school, reporting)
    fill(report, GOOD)
    submit(report)
    response = client.post(url, {"code": "x9", "label": "Muộn", "kind": "count"})
    assert response.status_code == 400 and "không thể sửa mẫu" in response.content.decode()
    assert not reporting.indicators.filter(code="x9").exists()


def test_a_plan_names_the_kinds_of_units_that_report(tree, campaign):
    publish_plan(tree.taymo, campaign, report_due=date(2025, 10, 15), report_kinds=["school"])
    assert list(ExpectedReporter.objects.filter(parent=tree.taymo).values_list("unit__name", flat=True)) == [
        "Trường THCS Nguyễn Quý Đức"]
