"""A report saved with a stale lock version (typed offline, or in two tabs) answers 409 with both versions side
by side; saving again after seeing them keeps the newer typing, and nothing is overwritten silently before."""

import re

from django.urls import reverse

from lifelong.orgs.models import Membership
from lifelong.reports.models import Report

Role = Membership.Role


def test_a_stale_save_shows_both_versions_and_a_deliberate_save_keeps_mine(client, tree, reporting, make_user):
    client.force_login(make_user(tree.school, Role.EDITOR))
    url = reverse("report_edit", args=[tree.school.pk]) + f"?campaign={reporting.pk}"
    started = client.get(url).context["report"].lock_version
    assert client.post(url, {"v.b1": "4", "v.c3": "2", "n.overall": "Bản trên máy chủ",
                             "lock_version": started}).status_code == 302
    stale = client.post(url, {"v.b1": "9", "v.c3": "2", "na.d1": "on", "lock_version": started})
    assert stale.status_code == 409
    body = stale.content.decode()
    rows = re.findall(r'<td data-testid="yours">(.*?)</td><td data-testid="saved">(.*?)</td>', body)
    assert ("9", "4") in rows and ("Không áp dụng", "—") in rows and ("—", "Bản trên máy chủ") in rows
    assert ("2", "2") not in rows  # only what differs
    assert 'data-testid="take-saved"' in body and 'value="9"' in body
    report = Report.objects.get(unit=tree.school)
    assert report.values.get(indicator__code="b1").number == 4  # nothing overwritten by the stale save
    lock_on_page = int(re.search(r'name="lock_version" value="(\d+)"', body).group(1))
    assert lock_on_page == report.lock_version
    assert client.post(url, {"v.b1": "9", "v.c3": "2", "lock_version": lock_on_page}).status_code == 302
    assert Report.objects.get(unit=tree.school).values.get(indicator__code="b1").number == 9


def test_the_report_page_works_offline(client, tree, reporting, make_user):
    client.force_login(make_user(tree.school, Role.EDITOR))
    page = client.get(reverse("report_edit", args=[tree.school.pk]) + f"?campaign={reporting.pk}").content.decode()
    assert "data-offline-report" in page and "offline.js" in page and 'id="offline-text"' in page
    worker = client.get("/sw.js").content.decode()
    assert re.search(r"units", worker) and "report" in worker
