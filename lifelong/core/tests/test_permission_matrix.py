"""The permission matrix across apps: role × position of the unit × object × action, through the pages and the
API, logged in with a session and with a token (issue 11).

The rule (docs/permissions.md): a role on Phường Tây Mỗ holds for its subtree (Tây Mỗ and its school) and
nowhere else (not Hà Nội above it, not Ya Ly beside it). Published plans and activities are public;
drafts, reports and the registrants' personal data are private. Viewers may read private data of their
subtree except registrants, whom only editors (the organisers) see; editors may change things.
Every cell asserts both ways: what is allowed answers 2xx/3xx, what is not answers 403/404 (404 where
merely telling that a draft exists would say too much) and changes nothing.
"""

from dataclasses import dataclass

import pytest
from django.urls import reverse

from lifelong.activities import services as activity_services
from lifelong.activities.models import Activity
from lifelong.activities.tests.conftest import future, sign_up
from lifelong.orgs.models import Membership
from lifelong.orgs.services import api_token_create
from lifelong.plans.models import Plan
from lifelong.plans.services import plan_create_draft
from lifelong.plans.tests.helpers import posted_plan_form, publish_plan
from lifelong.reports.models import Report
from lifelong.reports.tests.conftest import stored_report

Role = Membership.Role
ROLES = [Role.ADMIN, Role.EDITOR, Role.VIEWER, "member elsewhere", "anonymous"]
TARGETS = {"taymo": True, "school": True, "hanoi": False, "yaly": False}
CHANNELS = ["web", "api-session", "api-token"]
RANK = {Role.VIEWER: 1, Role.EDITOR: 2, Role.ADMIN: 3}
PHONE = "0911222333"  # the registrants' personal data that must only reach editors


def holds(role, inside: bool, need: str | None) -> bool:
    """need None: public; otherwise the least role needed inside the subtree."""
    if need is None:
        return True
    return inside and role in RANK and RANK[role] >= RANK[need]


@dataclass
class World:
    draft_plan: Plan
    published_plan: Plan
    draft_activity: Activity
    published_activity: Activity
    report: Report


@pytest.fixture
def worlds(tree, campaign):
    """One of each object on every target unit."""
    category = campaign.categories.get(code="awareness")
    result = {}
    for name in TARGETS:
        unit = getattr(tree, name)
        published = publish_plan(unit, campaign)
        draft = plan_create_draft(actor=None, unit=unit, campaign=campaign)
        activities = [activity_services.activity_create(
            actor=None, unit=unit, campaign=campaign, published=state,
            data={"category": category, "title": f"Hoạt động {name} {state}"},
            sessions=[(future(2), future(2, 10))]) for state in (False, True)]
        sign_up(activities[1], name=f"Người dân {name}", phone=PHONE)
        result[name] = World(draft, published, activities[0], activities[1], stored_report(unit, campaign))
    return result


def _user(make_user, tree, role):
    if role == "anonymous":
        return None
    if role == "member elsewhere":
        return make_user(tree.danang, Role.ADMIN)
    return make_user(tree.taymo, role)


class Caller:
    """One channel's way of calling: pages with the session, the API with the session or with a token."""

    def __init__(self, client, user, channel):
        self.client, self.channel = client, channel
        self.headers = {}
        if user is not None:
            if channel == "api-token":
                self.headers = {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(actor=user, name='m')[1]}"}
            else:
                client.force_login(user)

    def get(self, path, **params):
        return self.client.get(path, params, **self.headers)

    def post(self, path, data=None, json=False):
        if json:
            return self.client.post(path, data or {}, content_type="application/json", **self.headers)
        return self.client.post(path, data or {}, **self.headers)

    def patch(self, path, data):
        return self.client.patch(path, data, content_type="application/json", **self.headers)


def allowed(response) -> bool:
    assert response.status_code < 500, response.content[:200]
    if response.status_code in (401, 403, 404):
        return False
    return not (response.status_code == 302 and "/accounts/login/" in response.get("Location", ""))


# (object, action) -> least role needed (None: public)
READS = {
    "draft plan": Role.VIEWER, "published plan": None, "draft plan .docx": Role.VIEWER,
    "draft activity": Role.VIEWER, "published activity": None, "registrants": Role.EDITOR,
    "registrants .xlsx": Role.EDITOR, "report": Role.VIEWER, "totals": Role.VIEWER,
}


def _read(caller, world, what):
    api = caller.channel != "web"
    session = world.published_activity.sessions.get()
    paths = {
        "draft plan": (reverse("plan_detail", args=[world.draft_plan.pk]), f"/api/v1/plans/{world.draft_plan.pk}"),
        "published plan": (reverse("plan_detail", args=[world.published_plan.pk]),
                           f"/api/v1/plans/{world.published_plan.pk}"),
        "draft plan .docx": (reverse("plan_document", args=[world.draft_plan.pk]),
                             f"/api/v1/plans/{world.draft_plan.pk}/document.docx"),
        "draft activity": (reverse("activity_detail", args=[world.draft_activity.pk]),
                           f"/api/v1/activities/{world.draft_activity.pk}"),
        "published activity": (reverse("activity_detail", args=[world.published_activity.pk]),
                               f"/api/v1/activities/{world.published_activity.pk}"),
        "registrants": (reverse("session_registrations", args=[session.pk]),
                        f"/api/v1/sessions/{session.pk}/registrations"),
        "registrants .xlsx": (reverse("session_registrations", args=[session.pk]) + "?format=xlsx", None),
        "report": (reverse("report_edit", args=[world.report.unit_id]) + f"?campaign={world.report.campaign_id}",
                   f"/api/v1/units/{world.report.unit_id}/report?campaign={world.report.campaign_id}"),
        "totals": (reverse("report_totals", args=[world.report.unit_id]) + f"?campaign={world.report.campaign_id}",
                   f"/api/v1/units/{world.report.unit_id}/totals?campaign={world.report.campaign_id}"),
    }
    web, api_path = paths[what]
    path = api_path if api else web
    if path is None:
        return None
    response = caller.get(path)
    if allowed(response) and what == "registrants":
        assert PHONE in response.content.decode()
    if not allowed(response) and what.startswith("registrants"):
        assert PHONE.encode() not in response.content
    return allowed(response)


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("role", ROLES)
def test_reads_follow_the_matrix(client, tree, make_user, worlds, role, channel):
    caller = Caller(client, _user(make_user, tree, role), channel)
    for target, inside in TARGETS.items():
        for what, need in READS.items():
            got = _read(caller, worlds[target], what)
            if got is None:
                continue
            assert got is holds(role, inside, need), (role, channel, target, what)


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("role", ROLES)
def test_writes_follow_the_matrix(client, tree, campaign, make_user, worlds, role, channel):
    caller = Caller(client, _user(make_user, tree, role), channel)
    api = channel != "web"
    for target, inside in TARGETS.items():
        world = worlds[target]
        may_edit = holds(role, inside, Role.EDITOR)
        plan = world.draft_plan
        if api:
            response = caller.patch(f"/api/v1/plans/{plan.pk}", {"lock_version": plan.lock_version,
                                                                  "fields": {"title": "Đổi tên"}})
        else:
            page = caller.get(reverse("plan_edit", args=[plan.pk]))
            assert allowed(page) is may_edit, (role, channel, target, "plan form")
            data = posted_plan_form(page, title="Đổi tên") if allowed(page) else {"title": "Đổi tên"}
            response = caller.post(reverse("plan_edit", args=[plan.pk]), data)
        plan.refresh_from_db()
        assert allowed(response) is may_edit, (role, channel, target, "plan")
        assert (plan.title == "Đổi tên") is may_edit, (role, channel, target, "plan title")

        activity = world.published_activity
        if api:
            response = caller.patch(f"/api/v1/activities/{activity.pk}", {"lock_version": activity.lock_version,
                                                                           "status": "held"})
        else:
            response = caller.post(reverse("activity_state", args=[activity.pk]),
                                   {"action": "status", "status": "held"})
        activity.refresh_from_db()
        assert allowed(response) is may_edit, (role, channel, target, "activity")
        assert (activity.status == "held") is may_edit, (role, channel, target, "activity status")

        session = activity.sessions.get()
        registration = session.registrations.get()
        if api:
            response = caller.post(f"/api/v1/sessions/{session.pk}/checkin", {"code": registration.code}, json=True)
        else:
            response = caller.post(reverse("check_in", args=[session.pk]), {"code": registration.code})
        registration.refresh_from_db()
        assert (registration.checked_in_at is not None) is may_edit, (role, channel, target, "check-in")

        report = world.report
        if api:
            response = caller.client.put(
                f"/api/v1/units/{report.unit_id}/report?campaign={report.campaign_id}",
                {"lock_version": report.lock_version, "values": {"v.c3": "4"}}, content_type="application/json",
                **caller.headers)
        else:
            response = caller.post(reverse("report_edit", args=[report.unit_id]) + f"?campaign={report.campaign_id}",
                                   {"lock_version": report.lock_version, "v.c3": "4"})
        report.refresh_from_db()
        assert allowed(response) is may_edit, (role, channel, target, "report")
        assert (report.lock_version > 1) is may_edit, (role, channel, target, "report saved")
