import io

import openpyxl
from django.urls import reverse
from icalendar import Calendar

from lifelong.activities import codes, services
from lifelong.activities.models import Registration
from lifelong.activities.tests.conftest import future, sign_up
from lifelong.orgs.models import Membership

Role = Membership.Role


def test_public_list_search_and_filters(client, tree, campaign, skills):
    draft = services.activity_create(actor=None, unit=tree.taymo, campaign=campaign,
                                     data={"category": skills.category, "title": "Kỹ năng số nháp"},
                                     sessions=[(future(2), future(2, 10))])
    titles = lambda **params: [a.title for a in client.get(reverse("activity_list"), params).context["page"]]  # noqa: E731
    assert titles(q="ky nang so") == ["Tập huấn kỹ năng số cho người cao tuổi"]  # the draft is not public
    assert titles(q="KỸ NĂNG SỐ tay mo") == ["Tập huấn kỹ năng số cho người cao tuổi"]
    assert titles(province=tree.hanoi.pk) == [skills.title]
    assert titles(province=tree.quangngai.pk) == []
    assert titles(category="digital_skills", group="disadvantaged", mode="in_person") == [skills.title]
    assert titles(category="career") == []
    assert titles(group="officials") == []
    sign_up(skills, "A", "0900000001")
    sign_up(skills, "B", "0900000002")
    assert titles(places="1") == []  # full
    assert client.get(reverse("activity_detail", args=[draft.pk])).status_code == 404
    page = client.get(reverse("activity_list"), {"q": "ky nang so"}, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in page and skills.title in page


def test_registration_page_flow_and_no_personal_data_in_public(client, skills):
    session = skills.sessions.get()
    response = client.post(reverse("register", args=[session.pk]), {
        "name": "Lê Thị Hoa", "phone": "0987 654 321", "group": "residents"})
    assert response.status_code == 400 and "đồng ý" in response.content.decode()
    assert not Registration.objects.exists()
    response = client.post(reverse("register", args=[session.pk]), {
        "name": "Lê Thị Hoa", "phone": "0987 654 321", "group": "residents", "consent": "on"})
    registration = Registration.objects.get()
    assert response.status_code == 302 and response.url == reverse("ticket", args=[registration.code])
    ticket = client.get(response.url).content.decode()
    assert "<svg" in ticket and codes.display(registration.code) in ticket
    public = client.get(reverse("activity_detail", args=[skills.pk])).content.decode()
    assert "Lê Thị Hoa" not in public and "0987" not in public
    assert client.get(reverse("ticket", args=["AAAAAAAAAAAAA"])).status_code == 404  # forged
    client.post(reverse("ticket_cancel", args=[registration.code]))
    assert Registration.objects.get().status == "cancelled"


def test_organiser_pages_and_personal_data_scope(client, tree, skills, make_user):
    ticket = sign_up(skills, "Phạm Văn Cường", "0911000111")
    session = skills.sessions.get()
    client.force_login(make_user(tree.yaly, Role.EDITOR))
    assert client.get(reverse("check_in", args=[session.pk])).status_code == 403
    assert client.get(reverse("session_registrations", args=[session.pk])).status_code == 403
    client.force_login(make_user(tree.taymo, Role.EDITOR))
    response = client.post(reverse("check_in", args=[session.pk]), {"code": codes.display(ticket.code)})
    assert "Phạm Văn Cường" in response.content.decode()
    again = client.post(reverse("check_in", args=[session.pk]), {"code": ticket.code})
    assert again.status_code == 400 and "Đã điểm danh lúc" in again.content.decode()
    counts = client.get(reverse("check_in", args=[session.pk]) + "?counts=1", HTTP_HX_REQUEST="true")
    assert "đã điểm danh 1" in counts.content.decode()
    book = openpyxl.load_workbook(io.BytesIO(client.get(
        reverse("session_registrations", args=[session.pk]) + "?format=xlsx").content))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[1][1] == "Phạm Văn Cường" and rows[1][2] == "0911000111" and rows[1][7]
    client.post(reverse("registration_erase", args=[ticket.pk]))
    assert not Registration.objects.filter(name="Phạm Văn Cường").exists()


def test_create_edit_copy_through_the_pages(client, tree, campaign, make_user):
    client.force_login(make_user(tree.taymo, Role.EDITOR))
    category = campaign.categories.get(code="awareness")
    data = {"category": category.pk, "title": "Tọa đàm về học tập suốt đời", "mode": "in_person",
            "commune": tree.taymo.pk, "target_groups": ["residents"], "day_1": "05/10/2026", "start_1": "08:00",
            "end_1": "10:00", "publish": "1"}
    response = client.post(reverse("activity_create", args=[tree.taymo.pk]), {**data, "end_1": "07:00"})
    assert response.status_code == 400 and "kết thúc trước khi bắt đầu" in response.content.decode()
    response = client.post(reverse("activity_create", args=[tree.taymo.pk]), data)
    assert response.status_code == 302
    activity = tree.taymo.activities.get()
    assert activity.published and activity.sessions.count() == 1
    edit = client.get(reverse("activity_edit", args=[activity.pk]))
    lock = edit.context["form"].initial["lock_version"]
    changed = {**data, "title": "Tọa đàm (đổi giờ)", "start_1": "09:00", "end_1": "11:00", "lock_version": lock}
    assert client.post(reverse("activity_edit", args=[activity.pk]), changed).status_code == 302
    stale = client.post(reverse("activity_edit", args=[activity.pk]), {**changed, "title": "Cũ"})
    assert stale.status_code == 409
    activity.refresh_from_db()
    assert activity.title == "Tọa đàm (đổi giờ)"
    response = client.post(reverse("activity_state", args=[activity.pk]), {"action": "copy",
                                                                           "first_day": "12/10/2026"})
    assert response.status_code == 302 and tree.taymo.activities.count() == 2


def test_ics_files_parse_and_feeds_hold_published_activities_only(client, tree, campaign, skills):
    services.activity_create(actor=None, unit=tree.taymo, campaign=campaign,
                             data={"category": skills.category, "title": "Bản nháp không công bố"},
                             sessions=[(future(2), future(2, 10))])
    one = Calendar.from_ical(client.get(reverse("activity_ics", args=[skills.pk])).content)
    events = [c for c in one.walk("VEVENT")]
    assert [str(e["summary"]) for e in events] == [skills.title]
    assert events[0].decoded("dtstart") == skills.sessions.get().starts_at
    for url in (reverse("feed_unit", args=[tree.hanoi.pk]), reverse("feed_province", args=["01"])):
        feed = Calendar.from_ical(client.get(url).content)
        assert [str(e["summary"]) for e in feed.walk("VEVENT")] == [skills.title]
    empty = Calendar.from_ical(client.get(reverse("feed_province", args=["51"])).content)
    assert list(empty.walk("VEVENT")) == []
    assert client.get(reverse("feed_province", args=["99"])).status_code == 404


def test_calendar_page_shows_the_session_on_its_day(client, skills):
    start = skills.sessions.get().starts_at.astimezone()
    page = client.get(reverse("activity_calendar"), {"month": start.strftime("%Y-%m")})
    cells = [items for week in page.context["weeks"] for day, items, _in_month in week if day == start.date()]
    assert [activity.title for _session, activity in cells[0]] == [skills.title]


def test_report_shows_the_proposed_attendance(client, tree, skills, make_user):
    from lifelong.reports.services import report_form_install_default

    report_form_install_default(actor=None, campaign=skills.campaign)
    organiser = make_user(tree.taymo, Role.EDITOR)
    session = skills.sessions.get()
    services.check_in(actor=organiser, session=session, code=sign_up(skills).code)
    services.activity_set_state(actor=organiser, activity=skills, status="held")
    client.force_login(organiser)
    url = reverse("report_edit", args=[tree.taymo.pk]) + f"?campaign={skills.campaign.pk}"
    page = client.get(url)
    body = page.content.decode()
    assert 'name="v.c1" value="1"' in body and 'name="v.c2.residents" value="1"' in body
    assert 'data-testid="proposed-v.c2.residents"' in body
    data = {"lock_version": page.context["report"].lock_version, "v.c1": "2", "v.c2.residents": "1"}
    client.post(url, data)
    value = tree.taymo.reports.get().values.get(indicator__code="c1")
    assert (value.number, value.proposed) == (2, 1)  # the report keeps both


def test_list_shows_upcoming_soonest_first_and_past_on_request(client, tree, campaign, skills):
    from lifelong.activities.tests.conftest import at

    def make(title, start, end):
        return services.activity_create(actor=None, unit=tree.taymo, campaign=campaign, published=True,
                                        data={"category": skills.category, "title": title}, sessions=[(start, end)])

    make("Lớp sau", future(9), future(9, 10))
    make("Lớp sớm", future(1), future(1, 10))
    make("Lớp năm ngoái", at(2, 8), at(2, 10))
    titles = lambda **params: [a.title for a in client.get(reverse("activity_list"), params).context["page"]]  # noqa: E731
    assert titles() == ["Lớp sớm", skills.title, "Lớp sau"]
    assert titles(when="past") == ["Lớp năm ngoái"]
    assert titles(**{"from": "01/10/2025", "to": "07/10/2025"}) == ["Lớp năm ngoái"]
    api = client.get("/api/v1/activities", {"when": "past"}).json()
    assert [a["title"] for a in api["items"]] == ["Lớp năm ngoái"]
    assert client.get("/api/v1/activities", {"when": "soon"}).status_code == 422


def test_list_count_is_capped_past_five_hundred(client, tree, campaign, skills, monkeypatch):
    from lifelong.activities.views import CappedPaginator

    monkeypatch.setattr(CappedPaginator, "CAP", 2)
    for day in (1, 2):
        services.activity_create(actor=None, unit=tree.taymo, campaign=campaign, published=True,
                                 data={"category": skills.category, "title": f"Lớp {day}"},
                                 sessions=[(future(day), future(day, 10))])
    page = client.get(reverse("activity_list")).content.decode()
    assert "Hơn 2 hoạt động" in page
    monkeypatch.setattr(CappedPaginator, "CAP", 500)
    assert "3 hoạt động" in client.get(reverse("activity_list")).content.decode()


def test_the_calendar_file_of_an_online_activity(client, tree, campaign, settings):
    from icalendar import Calendar

    settings.ALLOWED_HOSTS = ["hoctap.example.vn"]
    from lifelong.activities import services

    activity = services.activity_create(
        actor=None, unit=tree.taymo, campaign=campaign, published=True,
        data={"category": campaign.categories.get(code="online_learning"), "title": "Học trực tuyến",
              "mode": "online", "online_url": "https://hoc.example.vn/lop"},
        sessions=[(future(2), future(2, 10))])
    response = client.get(reverse("activity_ics", args=[activity.pk]), HTTP_HOST="hoctap.example.vn")
    [event] = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["location"]) == "https://hoc.example.vn/lop" and "Tây Mỗ" not in str(event["location"])
    assert "https://hoc.example.vn/lop" in str(event["description"])
    assert str(event["url"]).startswith("http://hoctap.example.vn/activities/")


def test_the_registration_form_lists_every_problem_at_once(client, skills):
    session = skills.sessions.get()
    response = client.post(reverse("register", args=[session.pk]), {"name": "", "phone": "12345",
                                                                    "group": "residents"})
    text = response.content.decode()
    assert response.status_code == 400
    summary = text[text.index('data-testid="error-summary"'):text.index("</ul>", text.index("error-summary"))]
    assert "Họ và tên" in summary and "Số điện thoại" in summary and "Đồng ý" in summary
    assert "Nghị định 13/2023" not in summary  # the consent box is named briefly
