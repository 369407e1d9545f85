"""Offline check-in (issue 18): a device's queue applied once, conflicts kept, the roster minimal, and the
service worker and manifest served. The browser side is in test_offline_browser.py."""

import threading
import uuid
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import close_old_connections, connection
from django.urls import reverse
from django.utils import timezone

from lifelong.activities import codes, offline
from lifelong.activities.models import OfflineCheckIn, Registration
from lifelong.activities.tests.conftest import sign_up
from lifelong.core.errors import PermissionDeniedError, ValidationFailed
from lifelong.orgs.models import Membership

Role = Membership.Role


def _item(kind="check_in", **fields):
    return offline.QueuedCheckIn(key=uuid.uuid4(), kind=kind, **fields)


def test_a_replayed_queue_counts_nothing_twice(skills, tree, make_user):
    organiser = make_user(tree.taymo, Role.EDITOR)
    session = skills.sessions.get()
    ticket = sign_up(skills)
    came = timezone.now() - timedelta(minutes=40)
    queue = [_item(code=codes.display(ticket.code).lower(), at=came),
             _item("walk_in", name="  Trần   Văn Bình ", group="residents", phone="0912 000 111", at=came)]
    first = offline.check_ins_sync(actor=organiser, session=session, device="web-a", items=queue)
    assert [r.outcome for r in first] == ["counted", "counted"]
    again = offline.check_ins_sync(actor=organiser, session=session, device="web-a", items=queue)
    assert [(r.key, r.outcome, r.name) for r in again] == [(r.key, r.outcome, r.name) for r in first]
    session.refresh_from_db()
    assert (session.confirmed_count, session.checked_in_count) == (2, 2)
    assert Registration.objects.filter(walk_in=True).count() == 1
    ticket.refresh_from_db()
    assert abs((ticket.checked_in_at - came).total_seconds()) < 1  # the time the person came, not the sending
    assert OfflineCheckIn.objects.count() == 2


def test_the_same_ticket_on_two_devices_is_a_conflict_counted_once(skills, tree, make_user):
    organiser = make_user(tree.taymo, Role.EDITOR)
    session = skills.sessions.get()
    ticket = sign_up(skills)
    one = offline.check_ins_sync(actor=organiser, session=session, device="web-a", items=[_item(code=ticket.code)])
    two = offline.check_ins_sync(actor=organiser, session=session, device="web-b", items=[_item(code=ticket.code)])
    assert one[0].outcome == "counted" and two[0].outcome == "conflict"
    assert "Đã điểm danh lúc" in two[0].message and two[0].name == ticket.name
    session.refresh_from_db()
    assert session.checked_in_count == 1
    conflict = OfflineCheckIn.objects.get(outcome="conflict")
    assert conflict.device == "web-b" and conflict.registration == ticket


def test_refusals_are_results_and_the_rest_of_the_queue_goes_through(skills, tree, make_user):
    organiser = make_user(tree.taymo, Role.EDITOR)
    session = skills.sessions.get()
    ticket = sign_up(skills)
    forged = ticket.code[:-1] + ("Z" if ticket.code[-1] != "Z" else "Y")
    far_future = timezone.now() + timedelta(days=30)  # a phone with a wrong clock
    results = offline.check_ins_sync(actor=organiser, session=session, device="web-a", items=[
        _item(code=forged), _item("walk_in", name="", group="residents"), _item(code=ticket.code, at=far_future)])
    assert [r.outcome for r in results] == ["refused", "refused", "counted"]
    assert "không hợp lệ" in results[0].message and results[1].message
    ticket.refresh_from_db()
    assert ticket.checked_in_at <= timezone.now()


def test_only_the_organisers_sync_and_bad_queues_are_refused_whole(skills, tree, make_user):
    session = skills.sessions.get()
    ticket = sign_up(skills)
    with pytest.raises(PermissionDeniedError):
        offline.check_ins_sync(actor=make_user(tree.yaly, Role.EDITOR), session=session, device="x",
                               items=[_item(code=ticket.code)])
    organiser = make_user(tree.taymo, Role.EDITOR)
    with pytest.raises(ValidationFailed):
        offline.check_ins_sync(actor=organiser, session=session, device=" ", items=[_item(code=ticket.code)])
    with pytest.raises(ValidationFailed):
        offline.check_ins_sync(actor=organiser, session=session, device="x",
                               items=[_item(code=ticket.code)] * (offline.MAX_ITEMS + 1))
    assert not OfflineCheckIn.objects.exists() and Registration.objects.get().checked_in_at is None


def test_api_roster_is_minimal_and_sync_answers_per_item(client, skills, tree, make_user):
    session = skills.sessions.get()
    ticket = sign_up(skills, email="an@example.vn")
    roster_url, sync_url = f"/api/v1/sessions/{session.pk}/roster", f"/api/v1/sessions/{session.pk}/checkins/sync"
    assert client.get(roster_url).status_code == 401
    client.force_login(make_user(tree.yaly, Role.EDITOR))
    assert client.get(roster_url).status_code == 403
    client.force_login(make_user(tree.taymo, Role.EDITOR))
    roster = client.get(roster_url).json()
    assert roster["registrations"] == [{"code": codes.display(ticket.code), "name": ticket.name,
                                        "group": ticket.group, "checked_in": False}]
    assert ticket.phone not in str(roster) and "an@example.vn" not in str(roster)
    key = str(uuid.uuid4())
    body = {"device": "web-a", "items": [{"key": key, "kind": "check_in", "code": ticket.code}]}
    answer = client.post(sync_url, body, content_type="application/json")
    assert answer.status_code == 200 and answer.json()["checked_in"] == 1
    assert answer.json()["results"][0] == {"key": key, "outcome": "counted", "message": "", "name": ticket.name,
                                           "code": codes.display(ticket.code)}
    assert client.post(sync_url, body, content_type="application/json").json()["checked_in"] == 1
    for bad in ({"device": "web-a", "items": [{"key": "not-a-uuid", "kind": "check_in"}]},
                {"device": "web-a", "items": [{"key": key, "kind": "teleport"}]},
                {"device": "web-a", "items": "x"}, {"items": []}):
        refused = client.post(sync_url, bad, content_type="application/json")
        assert refused.status_code == 422 and refused.json()["error"]["code"]
    assert client.get(roster_url).json()["registrations"][0]["checked_in"] is True


def test_a_key_from_another_session_is_refused(skills, tree, make_user, campaign):
    organiser = make_user(tree.taymo, Role.EDITOR)
    session = skills.sessions.get()
    ticket = sign_up(skills)
    item = _item(code=ticket.code)
    offline.check_ins_sync(actor=organiser, session=session, device="web-a", items=[item])
    other = skills.sessions.create(starts_at=session.starts_at + timedelta(days=1),
                                   ends_at=session.ends_at + timedelta(days=1))
    with pytest.raises(offline.ConflictError):
        offline.check_ins_sync(actor=organiser, session=other, device="web-a", items=[item])


def test_the_check_in_page_lists_conflicts_for_the_organiser(client, skills, tree, make_user):
    organiser = make_user(tree.taymo, Role.EDITOR)
    session = skills.sessions.get()
    ticket = sign_up(skills)
    for device in ("web-a", "web-b"):
        offline.check_ins_sync(actor=organiser, session=session, device=device, items=[_item(code=ticket.code)])
    client.force_login(organiser)
    page = client.get(reverse("check_in", args=[session.pk])).content.decode()
    assert 'data-testid="conflicts"' in page and "web-b" in page and ticket.name in page
    assert "data-offline-checkin" in page and "offline.js" in page


def test_service_worker_and_manifest(client):
    worker = client.get("/sw.js")
    assert worker.status_code == 200 and worker["Content-Type"].startswith("text/javascript")
    body = worker.content.decode()
    assert body.startswith("self.LIFELONG = {") and "/static/js/offline.js" in body
    assert "checkin" in body and "addEventListener(\"fetch\"" in body
    manifest = client.get("/manifest.webmanifest").json()
    assert manifest["start_url"] == "/" and manifest["display"] == "standalone"
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}
    for icon in manifest["icons"]:
        assert finders.find(icon["src"].removeprefix(settings.STATIC_URL)), icon["src"]


@pytest.mark.django_db(transaction=True)
def test_the_same_key_sent_at_once_by_two_requests_counts_once(skills, tree, make_user):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL")
    organiser = make_user(tree.taymo, Role.EDITOR)
    session = skills.sessions.get()
    ticket = sign_up(skills)
    item = _item(code=ticket.code)
    answers, barrier = [], threading.Barrier(2)

    def send():
        try:
            barrier.wait()
            answers.append(offline.check_ins_sync(actor=organiser, session=session, device="web-a", items=[item]))
        finally:
            close_old_connections()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [a[0].outcome for a in answers] == ["counted", "counted"]
    session.refresh_from_db()
    assert session.checked_in_count == 1 and OfflineCheckIn.objects.count() == 1


def test_logging_out_clears_what_the_device_kept(client, tree, make_user):
    client.force_login(make_user(tree.taymo, Role.EDITOR))
    page = client.get(reverse("account")).content.decode()
    assert "data-logout" in page and "chưa được gửi" in page  # the warning, asked by app.js before logging out
    response = client.post(reverse("logout"))
    assert response.status_code == 302 and response["Clear-Site-Data"] == '"cache", "storage"'
    assert "_auth_user_id" not in client.session
