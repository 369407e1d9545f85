"""Regression tests of issue 11: each bad input that once answered 500 (or did harm), through the real
pages and API, on SQLite and PostgreSQL alike. Numbers in the test names follow the issue's list."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from lifelong.activities.models import Activity, Registration, Session
from lifelong.activities.tests.conftest import future, sign_up
from lifelong.core.models import AuditEntry
from lifelong.orgs.models import Membership
from lifelong.orgs.services import api_token_create
from lifelong.plans.models import Plan
from lifelong.plans.services import plan_create_draft

Role = Membership.Role
HUGE = "9" * 25  # beyond 64 bits
JSON = "application/json"


def _error(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.content[:300]
    error = response.json()["error"]
    assert error["message"] and isinstance(error["details"], list)
    if code:
        assert error["code"] == code
    return error


def _activity_payload(unit, start: str, end: str, **extra) -> dict:
    return {"unit_id": unit.pk, "category": "awareness", "title": "Hoạt động thử", "published": True,
            "sessions": [{"starts_at": start, "ends_at": end}], **extra}


# 1. A year-1 date poisoned the database


@pytest.mark.parametrize("start, end", [
    ("0001-01-01T00:00:00+07:00", "0001-01-01T02:00:00+07:00"),
    ("1999-12-31T08:00:00+07:00", "1999-12-31T10:00:00+07:00"),
    ("2101-01-02T08:00:00+07:00", "2101-01-02T10:00:00+07:00"),
])
def test_1_api_refuses_dates_outside_the_window_and_saves_nothing(client, tree, campaign, make_user, start, end):
    client.force_login(make_user(tree.taymo, Role.EDITOR))
    response = client.post("/api/v1/activities", _activity_payload(tree.taymo, start, end), content_type=JSON)
    error = _error(response, 422, "validation_error")
    assert any("2000" in d["message"] for d in error["details"])
    assert not Activity.objects.exists() and not Session.objects.exists()
    # Every page that lists activities still works for everyone.
    assert client.get(reverse("activity_list")).status_code == 200
    assert client.get("/api/v1/activities", {"when": "past"}).status_code == 200
    assert client.get(reverse("feed_province", args=["01"])).status_code == 200
    assert client.get(reverse("unit_activities", args=[tree.taymo.pk])).status_code == 200


def test_1_web_form_refuses_year_1_with_a_message(client, tree, campaign, make_user):
    client.force_login(make_user(tree.taymo, Role.EDITOR))
    category = campaign.categories.get(code="awareness")
    response = client.post(reverse("activity_create", args=[tree.taymo.pk]), {
        "category": category.pk, "title": "Hoạt động năm 1", "mode": "in_person", "day_1": "01/01/0001",
        "start_1": "08:00", "end_1": "10:00", "publish": "1"})
    assert response.status_code == 400
    assert "01/01/2000" in response.content.decode()
    assert not Activity.objects.exists()


def test_1_editors_delete_activities_on_the_page_and_in_the_api(client, tree, campaign, make_user, skills):
    sign_up(skills)
    viewer = make_user(tree.taymo, Role.VIEWER)
    client.force_login(viewer)
    assert client.post(reverse("activity_state", args=[skills.pk]), {"action": "delete"}).status_code == 403
    _error(client.delete(f"/api/v1/activities/{skills.pk}"), 403, "permission_denied")
    assert Activity.objects.filter(pk=skills.pk).exists()
    client.force_login(make_user(tree.taymo, Role.EDITOR))
    page = client.get(reverse("activity_detail", args=[skills.pk]))
    assert "Xóa hoạt động này" in page.content.decode()
    response = client.post(reverse("activity_state", args=[skills.pk]), {"action": "delete"})
    assert response.status_code == 302 and response["Location"] == reverse("unit_activities", args=[tree.taymo.pk])
    assert not Activity.objects.filter(pk=skills.pk).exists() and not Registration.objects.exists()
    other = client.post("/api/v1/activities", _activity_payload(tree.taymo, future(2).isoformat(),
                                                                 future(2, 10).isoformat()), content_type=JSON)
    assert client.delete(f"/api/v1/activities/{other.json()['id']}").status_code == 204
    assert not Activity.objects.exists()
    assert AuditEntry.objects.filter(action="activities.activity.deleted").count() == 2


# 2. Dates and numbers on public pages


@pytest.mark.parametrize("url, params", [
    ("activity_list", {"to": "31/12/9999"}),
    ("activity_list", {"from": "01/01/0001"}),
    ("activity_list", {"from": "2025-13-45", "to": "x"}),
    ("activity_calendar", {"month": "9999-12"}),
    ("activity_calendar", {"month": "0000-00"}),
    ("activity_calendar", {"month": "2100-12"}),
    ("activity_list", {"province": HUGE, "commune": HUGE, "campaign": HUGE, "page": HUGE}),
    ("activity_list", {"province": "-1", "commune": "1e9", "campaign": "٣"}),
    ("unit_browser", {"q": "a", "page": HUGE}),
])
def test_2_public_pages_ignore_impossible_dates_and_numbers(client, skills, url, params):
    response = client.get(reverse(url), params)
    assert response.status_code == 200
    if url == "activity_list" and "from" not in params and "to" not in params:
        assert skills.title in response.content.decode()  # a filter that makes no sense is not applied


@pytest.mark.parametrize("params, field", [
    ({"end": "9999-12-31"}, "end"), ({"start": "0001-01-01"}, "start"), ({"province": HUGE}, "province"),
    ({"commune": HUGE}, "commune"), ({"offset": HUGE}, "offset"), ({"province": "0"}, "province"),
])
def test_2_api_refuses_impossible_dates_and_numbers(client, db, params, field):
    error = _error(client.get("/api/v1/activities", params), 422, "validation_error")
    assert [d["field"] for d in error["details"]] == [field]


@pytest.mark.parametrize("path", [
    "/api/v1/units?within=" + HUGE, "/api/v1/plans?unit=" + HUGE, "/api/v1/plans?campaign=" + HUGE,
    "/api/v1/units/" + HUGE, "/api/v1/plans/" + HUGE, "/api/v1/units/1/report?campaign=" + HUGE,
])
def test_2_api_identifiers_beyond_64_bits(client, tree, make_user, path):
    client.force_login(make_user(is_superuser=True))  # past every permission check, down to the lookups
    response = client.get(path)
    assert response.status_code in (404, 422)
    assert response.json()["error"]["code"] in ("validation_error", "not_found")


@pytest.mark.parametrize("name", ["unit_detail", "activity_detail", "plan_detail", "unit_plans", "report_totals"])
def test_2_web_identifiers_beyond_64_bits_are_not_found(client, db, name):
    path = reverse(name, args=[1]).replace("/1/", f"/{HUGE}/")
    assert client.get(path).status_code == 404


# 3. Other API 500s


def test_3_plan_patch_refuses_wrong_types(client, tree, campaign, make_user):
    client.force_login(make_user(tree.taymo, Role.EDITOR))
    plan = plan_create_draft(actor=None, unit=tree.taymo, campaign=campaign)
    url = f"/api/v1/plans/{plan.pk}"
    for fields, field in [({"title": 5}, "fields.title"), ({"title": ["a"]}, "fields.title"),
                          ({"report_due": 20251020}, "fields.report_due"),
                          ({"report_due": "0001-01-01"}, "fields.report_due"),
                          ({"issue_date": "2025-02-30"}, "fields.issue_date"),
                          ({"no_such_field": "x"}, "fields.no_such_field"),
                          ({"report_kinds": ["castle"]}, "fields.report_kinds.0"),
                          ({"title": "x" * 501}, "fields.title")]:
        error = _error(client.patch(url, {"lock_version": plan.lock_version, "fields": fields}, content_type=JSON),
                       422, "validation_error")
        assert field in [d["field"] for d in error["details"]], (fields, error)
    bases = [{"kind": "Luật", "number": "x" * 81}]
    error = _error(client.patch(url, {"lock_version": plan.lock_version, "legal_bases": bases}, content_type=JSON),
                   422)
    assert error["details"][0]["field"] == "legal_bases.0.number"
    plan.refresh_from_db()
    assert plan.lock_version == 1 and plan.title == f"Tổ chức {campaign.name}"
    ok = client.patch(url, {"lock_version": 1, "fields": {"title": "Kế hoạch mới", "report_due": "2025-10-15"}},
                      content_type=JSON)
    assert ok.status_code == 200 and ok.json()["report_due"] == "2025-10-15"


@pytest.mark.parametrize("bad", ["\ud800", "a\udfffb", "x\x00y"])
def test_3_lone_surrogates_and_nul_in_json_are_refused(client, tree, campaign, make_user, skills, bad):
    session = skills.sessions.get()
    body = json.dumps({"name": bad, "phone": "0901234567", "group": "residents", "consent": True})
    error = _error(client.post(f"/api/v1/sessions/{session.pk}/registrations", body, content_type=JSON), 422,
                   "invalid_text")
    assert error["details"][0]["field"] == "name"
    client.force_login(make_user(tree.taymo, Role.EDITOR))
    plan = plan_create_draft(actor=None, unit=tree.taymo, campaign=campaign)
    body = json.dumps({"lock_version": 1, "fields": {"theme": bad}})
    _error(client.patch(f"/api/v1/plans/{plan.pk}", body, content_type=JSON), 422, "invalid_text")
    assert not Registration.objects.exists()
    assert Plan.objects.get(pk=plan.pk).lock_version == 1


def test_3_nul_in_addresses_is_a_clear_refusal(client, db):
    _error(client.get("/api/v1/units", {"search": "a\x00b"}), 400, "invalid_text")
    page = client.get(reverse("activity_list"), {"q": "x\x00"})
    assert page.status_code == 400 and "không được phép" in page.content.decode()
    assert client.get("/activities/feeds/province/0%001.ics").status_code in (400, 404)


def test_3_strings_longer_than_their_column(client, skills):
    session = skills.sessions.get()
    url = f"/api/v1/sessions/{session.pk}/registrations"
    for payload, field in [({"name": "N" * 10_000}, "name"), ({"name": "A", "email": "a" * 250 + "@x.vn"}, "email")]:
        body = {"phone": "0901234567", "group": "residents", "consent": True, **payload}
        error = _error(client.post(url, body, content_type=JSON), 422, "validation_error")
        assert error["details"][0]["field"] == field
    assert not Registration.objects.exists()
    # The service refuses what a form or script could still hand it.
    from lifelong.activities import services
    from lifelong.core.errors import ValidationFailed

    with pytest.raises(ValidationFailed):
        services.registration_create(session=session, name="N" * 151, phone="0901234567", group="residents",
                                     consent=True)
    assert not Registration.objects.exists()


def test_3_a_body_over_the_limit_is_413_with_the_error_shape(client, db, settings):
    settings.MAX_REQUEST_BYTES = 1000
    body = json.dumps({"name": "x" * 2000})
    _error(client.post("/api/v1/sessions/1/registrations", body, content_type=JSON), 413, "too_large")
    page = client.post(reverse("register", args=[1]), {"name": "x" * 2000})
    assert page.status_code == 413 and "Yêu cầu quá lớn" in page.content.decode()
    settings.MAX_REQUEST_BYTES = 10**9
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000  # Django's own limit, met while the body is read
    _error(client.post("/api/v1/sessions/1/registrations", body, content_type=JSON), 413, "too_large")


def test_3_a_search_of_a_thousand_words(client, skills):
    words = " ".join(f"tu{i}" for i in range(1000))
    assert client.get("/api/v1/activities", {"q": words[:200]}).status_code == 200
    assert client.get(reverse("activity_list"), {"q": words}).status_code == 200
    assert client.get(reverse("unit_browser"), {"q": words}).status_code == 200
    assert client.get("/api/v1/units", {"search": words[:200]}).status_code == 200
    # The first words still count.
    found = client.get("/api/v1/activities", {"q": "ky nang so " + words[:150]}).json()
    assert found["count"] == 0
    assert client.get("/api/v1/activities", {"q": "ky nang so"}).json()["count"] == 1


# 4. Tokens on public endpoints


def test_4_public_endpoints_read_the_token(client, tree, campaign, make_user):
    user = make_user(tree.taymo, Role.VIEWER)
    _token, key = api_token_create(actor=user, name="script")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    draft = plan_create_draft(actor=None, unit=tree.taymo, campaign=campaign)
    category = campaign.categories.get(code="awareness")
    from lifelong.activities import services

    activity = services.activity_create(actor=None, unit=tree.taymo, campaign=campaign,
                                        data={"category": category, "title": "Bản nháp"},
                                        sessions=[(future(2), future(2, 10))])
    for path in [f"/api/v1/plans/{draft.pk}", f"/api/v1/plans/{draft.pk}/document.docx",
                 f"/api/v1/activities/{activity.pk}"]:
        assert client.get(path).status_code == 404, path  # anonymous: drafts do not exist
        assert client.get(path, **auth).status_code == 200, path
        assert client.get(path, HTTP_AUTHORIZATION="Bearer ll_wrong").status_code == 401, path
    drafts = client.get("/api/v1/plans", {"status": "draft"}, **auth).json()
    assert [p["id"] for p in drafts] == [draft.pk]
    assert client.get("/api/v1/plans", {"status": "draft"}).json() == []
    # Someone else's token does not see them.
    _other, other_key = api_token_create(actor=make_user(tree.yaly, Role.ADMIN), name="other")
    assert client.get(f"/api/v1/plans/{draft.pk}", HTTP_AUTHORIZATION=f"Bearer {other_key}").status_code == 404


# 6. Registration does not tell strangers who registered; rate limits


def test_6_a_duplicate_registration_is_answered_without_revealing_it(client, skills):
    session = skills.sessions.get()
    url = f"/api/v1/sessions/{session.pk}/registrations"
    body = {"name": "Nguyễn Văn An", "phone": "0912345678", "group": "residents", "consent": True}
    first = client.post(url, body, content_type=JSON)
    assert first.status_code == 201 and first.json()["code"]
    again = client.post(url, {**body, "name": "Người lạ"}, content_type=JSON)
    assert again.status_code == 202 and again.json()["code"] is None and again.json()["status"] == "received"
    assert "Nguyễn Văn An" not in again.content.decode() and first.json()["code"] not in again.content.decode()
    page = client.post(reverse("register", args=[session.pk]), {**body, "name": "Người lạ", "consent": "on"})
    text = page.content.decode()
    assert page.status_code == 200 and "Đã nhận yêu cầu đăng ký" in text
    assert "đã có chỗ" not in text and "Nguyễn Văn An" not in text
    assert Registration.objects.count() == 1


@pytest.fixture
def tight_limits(settings):
    settings.RATE_LIMITS = {"registration": {"ip": "3/m"}, "ticket": {"ip": "4/m"},
                            "checkin": {"ip": "100/m", "user": "2/m"}, "login": {"ip": "2/m"}}


def test_6_registration_is_rate_limited_per_client(client, skills, tight_limits):
    session = skills.sessions.get()
    url = f"/api/v1/sessions/{session.pk}/registrations"
    answers = [client.post(url, {"name": f"Người {i}", "phone": f"090000000{i}", "group": "residents",
                                 "consent": True}, content_type=JSON).status_code for i in range(5)]
    assert answers[:3] == [201, 201, 201] and answers[3:] == [429, 429]
    _error(client.post(url, {}, content_type=JSON), 429, "rate_limited")
    page = client.post(reverse("register", args=[session.pk]), {"name": "X", "phone": "0900000009"})
    assert page.status_code == 429 and "Quá nhiều yêu cầu" in page.content.decode()
    # Another client address is counted on its own.
    other = client.post(url, {"name": "Khác", "phone": "0900000008", "group": "residents", "consent": True},
                        content_type=JSON, REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 201
    assert Registration.objects.count() == 4


def test_6_ticket_lookups_check_ins_and_logins_are_rate_limited(client, tree, skills, make_user, tight_limits):
    ticket = sign_up(skills)
    statuses = [client.get(reverse("ticket", args=["AAAA-BBBB-CCCCC"])).status_code for _ in range(4)]
    assert statuses == [404] * 4
    assert client.get(reverse("ticket", args=[ticket.code])).status_code == 429
    editor = make_user(tree.taymo, Role.EDITOR, username="cua")
    client.force_login(editor)
    session = skills.sessions.get()
    url = f"/api/v1/sessions/{session.pk}/checkin"
    assert [client.post(url, {"code": "WRONG"}, content_type=JSON).status_code for _ in range(2)] == [422, 422]
    _error(client.post(url, {"code": ticket.code}, content_type=JSON), 429, "rate_limited")
    assert client.post(reverse("check_in", args=[session.pk]), {"code": ticket.code}).status_code == 429
    client.logout()
    login = reverse("login")
    for _ in range(2):
        client.post(login, {"login": "cua", "password": "wrong"})
    response = client.post(login, {"login": "cua", "password": "secret-pass-123"})
    assert response.status_code == 429 and "Quá nhiều yêu cầu" in response.content.decode()


# 7. Cancelled and erased registrations keep no personal data (raw rows: lifelong/activities/tests/test_services.py)


def test_7_the_holder_erases_their_data_from_the_ticket_page(client, skills):
    ticket = sign_up(skills, "Trần Thị Mai", "0977123456", email="mai@example.vn")
    page = client.get(reverse("ticket", args=[ticket.code]))
    assert "Xóa dữ liệu cá nhân của tôi" in page.content.decode()
    response = client.post(reverse("ticket_erase", args=[ticket.code]))
    assert response.status_code == 302
    row = Registration.objects.filter(pk=ticket.pk).values("name", "phone", "email", "status").get()
    assert row == {"name": "", "phone": "", "email": "", "status": "cancelled"}
    assert client.get(reverse("ticket", args=[ticket.code])).status_code == 404
    assert Session.objects.get(pk=ticket.session_id).confirmed_count == 0
    assert AuditEntry.objects.filter(action="activities.registration.erased_by_holder").exists()
    assert "Trần Thị Mai" not in str(list(AuditEntry.objects.values_list("data", flat=True)))


@pytest.mark.parametrize("pasted", ["K\u000bH\u0007", "dòng một\u000bdòng hai\u0001", "\u001f\u000c"])
def test_3_text_pasted_from_word_never_breaks_a_document(client, tree, campaign, make_user, pasted):
    """Control characters from Word (U+000B, U+0007 …) are dropped on the way in, and a document of a record
    holding them anyway (made before) still builds."""
    client.force_login(make_user(tree.taymo, Role.EDITOR))
    plan = plan_create_draft(actor=None, unit=tree.taymo, campaign=campaign)
    body = json.dumps({"lock_version": 1, "fields": {"title": f"Kế hoạch {pasted}", "purposes": pasted}})
    assert client.patch(f"/api/v1/plans/{plan.pk}", body, content_type=JSON).status_code == 200
    plan.refresh_from_db()
    assert not any(ord(c) < 32 and c not in "\n\t\r" for c in plan.title + plan.purposes)
    Plan.objects.filter(pk=plan.pk).update(theme=f"Chủ đề {pasted}")  # as if stored before the cleaning
    for path in (f"/api/v1/plans/{plan.pk}/document.docx", reverse("plan_document", args=[plan.pk])):
        response = client.get(path)
        assert response.status_code == 200 and response.content[:2] == b"PK", path


def test_3_every_api_refusal_has_the_error_shape(client, tree, make_user):
    for method in ("delete", "put", "options"):
        response = getattr(client, method)("/api/v1/units")
        error = _error(response, 405, "method_not_allowed")
        assert "GET" in response["Allow"] and "GET" in error["message"]
    form = client.post("/api/v1/sessions/1/registrations", {"name": "A"})  # form data, not JSON
    assert _error(form, 400, "invalid_body")["message"].startswith("Không đọc được")
    csrf = Client(enforce_csrf_checks=True)
    csrf.force_login(make_user(tree.taymo, Role.EDITOR))
    refused = csrf.post("/api/v1/plans", {"unit_id": tree.taymo.pk, "campaign_id": 1}, content_type=JSON)
    _error(refused, 403, "csrf_failed")


@pytest.mark.parametrize("forwarded, expected", [
    ("203.0.113.7", "203.0.113.7"), ("1.1.1.1, 203.0.113.7", "203.0.113.7"), ("not-an-ip", "10.0.0.1"),
    ("", "10.0.0.1"), ("1.1.1.1, zzz", "10.0.0.1"),
])
def test_6_the_client_address_behind_our_proxy(rf, settings, forwarded, expected):
    from lifelong.core.ratelimits import client_ip

    settings.TRUSTED_PROXIES = 1
    request = rf.get("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR="10.0.0.1")
    assert client_ip(request) == expected
    settings.TRUSTED_PROXIES = 0
    assert client_ip(request) == "10.0.0.1"


def test_6_a_forged_forwarded_address_is_not_a_500(client, skills, settings):
    settings.TRUSTED_PROXIES = 1
    session = skills.sessions.get()
    response = client.post(f"/api/v1/sessions/{session.pk}/registrations",
                           {"name": "A", "phone": "0901234567", "group": "residents", "consent": True},
                           content_type=JSON, HTTP_X_FORWARDED_FOR="not-an-ip")
    assert response.status_code == 201
    assert client.get(reverse("ticket", args=["AAAA-BBBB-CCCCC"]), HTTP_X_FORWARDED_FOR="x").status_code == 404
