"""Page weight (issue 18): every main page, with the style sheet and scripts it loads, transfers at most 150 KB.

The page is counted as sent (the HTML is not compressed by the app; a proxy may do better), its static files as
whitenoise sends them to a browser that accepts gzip. Weak connections in remote communes are why: 150 KB is a few
seconds on a poor 3G link."""

import gzip
import re
from datetime import datetime, timedelta

from django.contrib.staticfiles import finders
from django.utils import timezone

from lifelong.activities import services as activity_services
from lifelong.orgs.models import Membership

LIMIT_BYTES = 150 * 1024


def _assets(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="/static/([^"?]+)"', html)


def _weight(html: bytes) -> int:
    total = len(html)
    for path in set(_assets(html.decode())):
        found = finders.find(path)
        assert found, path
        with open(found, "rb") as handle:
            total += len(gzip.compress(handle.read()))
    return total


def test_every_main_page_weighs_at_most_150_kb(client, tree, campaign, hanoi_plan, make_user):
    tz = timezone.get_current_timezone()
    start = datetime.combine(timezone.localdate() + timedelta(days=2), datetime.min.time(), tzinfo=tz) \
        + timedelta(hours=9)
    activities = [activity_services.activity_create(
        actor=None, unit=unit, campaign=campaign, published=True,
        data={"category": campaign.categories.get(code="digital_skills"), "title": f"Lớp kỹ năng số {n}",
              "description": "Gọi video, nhắn tin, dịch vụ công trực tuyến. " * 20},
        sessions=[(start, start + timedelta(hours=2))]) for n, unit in enumerate([tree.taymo, tree.yaly] * 15)]
    public = ["/", "/activities/", f"/activities/{activities[0].pk}/", "/thu-vien/", "/cuoc-thi/", "/cong-dong/",
              "/units/", f"/units/{tree.taymo.pk}/", "/campaigns/", f"/campaigns/{campaign.pk}/", "/recognition/",
              "/chung-nhan/", "/tro-ly/", "/tro-ly/?q=lop+ky+nang+so", "/accounts/login/", "/accounts/signup/",
              f"/plans/{hanoi_plan.pk}/"]
    weights = {}
    for path in public:
        response = client.get(path)
        assert response.status_code == 200, path
        weights[path] = _weight(response.content)
    client.force_login(make_user(tree.taymo, Membership.Role.ADMIN))
    for path in ["/", f"/units/{tree.taymo.pk}/", f"/units/{tree.taymo.pk}/activities/", "/learning/"]:
        response = client.get(path)
        assert response.status_code == 200, path
        weights[f"{path} (logged in)"] = _weight(response.content)
    heavy = {path: weight for path, weight in weights.items() if weight > LIMIT_BYTES}
    assert not heavy, heavy
    assert min(weights.values()) > 10 * 1024  # the style sheet and scripts were counted
