from lifelong.activities.models import Registration
from lifelong.activities.tests.conftest import future
from lifelong.orgs.models import Membership

Role = Membership.Role


def test_public_read_and_registration(client, skills):
    data = client.get("/api/v1/activities", {"q": "ky nang so"}).json()
    assert data["count"] == 1 and data["items"][0]["title"] == skills.title
    assert data["items"][0]["target_groups"] == ["disadvantaged", "residents"]
    session = data["items"][0]["sessions"][0]
    url = f"/api/v1/sessions/{session['id']}/registrations"
    refused = client.post(url, {"name": "A", "phone": "0901234567", "group": "residents", "consent": False},
                          content_type="application/json")
    assert refused.status_code == 422 and refused.json()["error"]["details"][0]["field"] == "consent"
    ticket = client.post(url, {"name": "A", "phone": "0901234567", "group": "residents", "consent": True},
                         content_type="application/json")
    assert ticket.status_code == 201 and ticket.json()["status"] == "confirmed"
    assert client.get(url).status_code == 401  # personal data needs an organiser
    assert "A" not in str(client.get(f"/api/v1/activities/{skills.pk}").json())


def test_organisers_write_and_check_in(client, tree, campaign, skills, make_user):
    client.force_login(make_user(tree.taymo, Role.EDITOR))
    created = client.post("/api/v1/activities", {
        "unit_id": tree.taymo.pk, "category": "career", "title": "Ngày hội việc làm", "capacity": 50,
        "sessions": [{"starts_at": future(5).isoformat(), "ends_at": future(5, 11).isoformat()}], "published": True},
        content_type="application/json")
    assert created.status_code == 201 and created.json()["province_id"] == tree.hanoi.pk
    bad = client.post("/api/v1/activities", {"unit_id": tree.taymo.pk, "category": "nope", "title": "X",
                                             "sessions": []}, content_type="application/json")
    assert bad.status_code == 422
    patched = client.patch(f"/api/v1/activities/{created.json()['id']}", {
        "lock_version": created.json()["lock_version"], "title": "Ngày hội việc làm 2026", "status": "held"},
        content_type="application/json")
    assert patched.status_code == 200 and patched.json()["status"] == "held"
    session_id = skills.sessions.get().pk
    ticket = client.post(f"/api/v1/sessions/{session_id}/registrations",
                         {"name": "B", "email": "b@example.vn", "group": "learners", "consent": True},
                         content_type="application/json").json()
    checked = client.post(f"/api/v1/sessions/{session_id}/checkin", {"code": ticket["code"]},
                          content_type="application/json")
    assert checked.status_code == 200 and checked.json()["checked_in_at"]
    again = client.post(f"/api/v1/sessions/{session_id}/checkin", {"code": ticket["code"]},
                        content_type="application/json")
    assert again.status_code == 422 and again.json()["error"]["code"] == "check_in_refused"
    people = client.get(f"/api/v1/sessions/{session_id}/registrations").json()
    assert [p["email"] for p in people] == ["b@example.vn"]
    client.force_login(make_user(tree.yaly, Role.EDITOR))
    assert client.get(f"/api/v1/sessions/{session_id}/registrations").status_code == 403
    assert client.post(f"/api/v1/sessions/{session_id}/checkin", {"code": ticket["code"]},
                       content_type="application/json").status_code == 403
    assert Registration.objects.count() == 1
