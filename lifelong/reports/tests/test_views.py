import csv
import io

import docx
import openpyxl
from django.urls import reverse

from lifelong.orgs.models import Membership
from lifelong.reports import selectors, services
from lifelong.reports.models import Report
from lifelong.reports.tests.conftest import GOOD, fill, stored_report, submit

Role = Membership.Role


def _url(name, unit, campaign, **extra):
    query = "&".join(f"{k}={v}" for k, v in {"campaign": campaign.pk, **extra}.items())
    return f"{reverse(name, args=[unit.pk])}?{query}"


def test_fill_in_with_a_field_error_then_submit(client, tree, reporting, make_user):
    client.force_login(make_user(tree.school, Role.EDITOR))
    url = _url("report_edit", tree.school, reporting)
    page = client.get(url)
    assert page.status_code == 200 and 'name="v.c2.learners"' in page.content.decode()
    lock = page.context["report"].lock_version
    response = client.post(url, {**GOOD, "v.c3": "25", "n.overall": "Tốt", "lock_version": lock, "submit": "1"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "không được lớn hơn c2" in body  # next to the c3 field, in Vietnamese
    report = Report.objects.get(unit=tree.school)
    assert report.status == "draft" and report.values.get(indicator__code="c3").number == 25  # the draft was kept
    response = client.post(url, {**GOOD, "n.overall": "Tốt", "lock_version": report.lock_version, "submit": "1"})
    assert response.status_code == 302
    assert Report.objects.get(unit=tree.school).status == "submitted"
    codes = {i.code: i.pk for i in reporting.indicators.all()}
    assert selectors.unit_totals(tree.ministry, reporting)[(codes["a2"], "")] == 60


def test_live_check_returns_errors_next_to_fields(client, tree, reporting, make_user):
    client.force_login(make_user(tree.school, Role.EDITOR))
    response = client.post(_url("report_check", tree.school, reporting), {"v.b1": "-1", **{
        k: v for k, v in GOOD.items() if k != "v.c3"}, "v.c3": "99"})
    body = response.content.decode()
    assert 'id="f-v-b1" role="alert" hx-swap-oob="true">Không được âm.' in body
    assert 'id="f-v-c3"' in body and "không được lớn hơn c2" in body
    assert 'id="t-a2" hx-swap-oob="true">60' in body
    assert not Report.objects.filter(unit=tree.school).exclude(status="draft").exists()


def test_two_sessions_edit_one_draft(client, tree, reporting, make_user):
    client.force_login(make_user(tree.school, Role.EDITOR))
    url = _url("report_edit", tree.school, reporting)
    lock = client.get(url).context["report"].lock_version
    assert client.post(url, {"v.b1": "4", "lock_version": lock}).status_code == 302
    response = client.post(url, {"v.b1": "9", "lock_version": lock})
    assert response.status_code == 409
    assert "Có người đã lưu báo cáo này trong lúc bạn nhập" in response.content.decode()
    assert 'value="9"' in response.content.decode()  # what the second person typed is still on the page
    assert Report.objects.get(unit=tree.school).values.get(indicator__code="b1").number == 4


def test_return_with_comment_and_the_unit_sees_it(client, tree, reporting, make_user):
    report = stored_report(tree.school, reporting)
    fill(report, GOOD)
    submit(report)
    report.refresh_from_db()
    client.force_login(make_user(tree.taymo, Role.EDITOR))
    review = _url("report_review", tree.school, reporting)
    client.post(review, {"action": "return", "comment": "", "lock_version": report.lock_version})
    assert Report.objects.get(pk=report.pk).status == "submitted"  # a comment is required
    client.post(review, {"action": "return", "comment": "Số liệu c2 chưa khớp.", "lock_version": report.lock_version})
    assert Report.objects.get(pk=report.pk).status == "draft"
    client.force_login(make_user(tree.school, Role.EDITOR))
    page = client.get(_url("report_edit", tree.school, reporting)).content.decode()
    assert "Số liệu c2 chưa khớp." in page


def test_a_unit_cannot_review_itself_nor_others_read(client, tree, reporting, make_user):
    report = stored_report(tree.school, reporting)
    fill(report, GOOD)
    submit(report)
    report.refresh_from_db()
    client.force_login(make_user(tree.school, Role.EDITOR))
    response = client.post(_url("report_review", tree.school, reporting),
                           {"action": "accept", "lock_version": report.lock_version})
    assert response.status_code == 403
    client.force_login(make_user(tree.yaly, Role.ADMIN))
    assert client.get(_url("report_edit", tree.school, reporting)).status_code == 403
    assert client.get(_url("report_totals", tree.taymo, reporting)).status_code == 403
    assert client.get(_url("report_totals_xlsx", tree.taymo, reporting)).status_code == 403


def test_exports_equal_the_totals_page(client, tree, reporting, make_user):
    for unit, extra in ((tree.school, {}), (tree.village, {"v.a2.residents": "100"})):
        report = stored_report(unit, reporting)
        fill(report, {**GOOD, **extra})
        submit(report)
    taymo_report = stored_report(tree.taymo, reporting)
    fill(taymo_report, {**GOOD, "v.b3": "12"})
    submit(taymo_report)
    client.force_login(make_user(tree.hanoi, Role.VIEWER))
    page = client.get(_url("report_totals", tree.taymo, reporting))
    table = page.context["table"]
    a2 = next(t for t in table.unit_totals if t.indicator.code == "a2")
    assert a2.total == 60 + 130 + 60 and a2.groups["residents"] == 30 + 100 + 30

    book = openpyxl.load_workbook(io.BytesIO(client.get(_url("report_totals_xlsx", tree.taymo, reporting)).content))
    rows = list(book.active.iter_rows(values_only=True))
    column = next(i for i, title in enumerate(rows[0]) if str(title).startswith("a2."))
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Tổng cộng"][column] == a2.total
    assert by_name["Trường THCS Nguyễn Quý Đức"][column] == 60
    assert by_name["Phường Tây Mỗ (báo cáo của đơn vị)"][column] == 60
    assert rows[0][1] == "Tình trạng báo cáo" and by_name["Trường THCS Nguyễn Quý Đức"][1] == "Đã gửi"
    assert by_name["Phường Tây Mỗ (báo cáo của đơn vị)"][1] == "Đã gửi" and by_name["Tổng cộng"][1] is None
    b3 = next(i for i, title in enumerate(rows[0]) if str(title).startswith("b3."))
    assert by_name["Tổng cộng"][b3] == 12

    text = client.get(_url("report_totals_csv", tree.taymo, reporting)).content.decode("utf-8-sig")
    csv_rows = {row[0]: row for row in csv.reader(io.StringIO(text))}
    assert int(csv_rows["Tổng cộng"][column]) == a2.total

    document = docx.Document(io.BytesIO(client.get(_url("report_document", tree.taymo, reporting)).content))
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    assert "BÁO CÁO" in paragraphs and "Kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025" in paragraphs
    assert "Kính gửi: Ủy ban nhân dân Thành phố Hà Nội" in paragraphs
    appendix = next(t for t in document.tables if t.rows[0].cells[1].text == "Chỉ tiêu")  # Phụ lục I
    a2_row = next(row for row in appendix.rows if row.cells[0].text == "a2")
    assert a2_row.cells[3].text == str(a2.total)


def test_completeness_page_and_remind_button(client, tree, reporting, make_user):
    make_user(tree.village, Role.EDITOR, username="to1")
    client.force_login(make_user(tree.taymo, Role.EDITOR))
    page = client.get(_url("report_completeness", tree.taymo, reporting))
    statuses = {row.reporter.unit.name: row.status for row in page.context["result"].children}
    assert statuses == {"Trường THCS Nguyễn Quý Đức": "missing", "Tổ dân phố số 1": "missing"}
    # The school has no account: the page says so beside it (and only beside it).
    assert page.content.decode().count('data-testid="no-recipient"') == 1
    assert "chưa có tài khoản nào" in page.content.decode()
    action = _url("completeness_action", tree.taymo, reporting)
    response = client.post(action, {"action": "remind"}, follow=True)
    text = response.content.decode()
    assert "Đã gửi nhắc tới 1 đơn vị, đến 1 người" in text  # the village's one account
    assert "Không có ai để nhắc tại Trường THCS Nguyễn Quý Đức" in text  # the school has no account
    response = client.post(action, {"action": "remind"}, follow=True)
    assert "đều đã được nhắc" in response.content.decode()
    for sort in ("status", "on_time", "missing", "bogus"):
        assert client.get(_url("report_completeness", tree.taymo, reporting, sort=sort)).status_code == 200


def test_api_push_submit_and_read_totals_with_a_token(client, tree, reporting, make_user):
    from lifelong.orgs.services import api_token_create

    _token, key = api_token_create(actor=make_user(tree.taymo, Role.EDITOR), name="he thong phuong")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    form = client.get(f"/api/v1/campaigns/{reporting.pk}/report-form").json()
    assert next(i for i in form["indicators"] if i["code"] == "c2")["fields"] == [
        "v.c2.officials", "v.c2.learners", "v.c2.residents"]
    base = f"/api/v1/units/{tree.taymo.pk}/report?campaign={reporting.pk}"
    report = client.get(base, **auth).json()
    bad = client.put(base, {"lock_version": report["lock_version"], "values": {"v.b1": -2}},
                     content_type="application/json", **auth)
    assert bad.status_code == 422 and bad.json()["error"]["details"][0]["field"] == "v.b1"
    saved = client.put(base, {"lock_version": report["lock_version"], "values": {**GOOD, "v.a1": True},
                              "narrative": {"overall": "Tốt"}}, content_type="application/json", **auth)
    assert saved.status_code == 200 and saved.json()["values"]["v.a1"] == "yes"
    done = client.post(f"/api/v1/units/{tree.taymo.pk}/report/submit?campaign={reporting.pk}",
                       {"lock_version": saved.json()["lock_version"]}, content_type="application/json", **auth)
    assert done.status_code == 200 and done.json()["status"] == "submitted"
    totals = client.get(f"/api/v1/units/{tree.hanoi.pk}/totals?campaign={reporting.pk}", **auth)
    assert totals.status_code == 403  # a ward's token cannot read the city's totals
    own = client.get(f"/api/v1/units/{tree.taymo.pk}/totals?campaign={reporting.pk}", **auth).json()
    assert next(t for t in own["totals"] if t["code"] == "a2")["total"] == 60
    completeness = client.get(f"/api/v1/units/{tree.taymo.pk}/completeness?campaign={reporting.pk}", **auth).json()
    assert {c["name"]: c["status"] for c in completeness["children"]}["Tổ dân phố số 1"] in ("missing", "pending")
    accept = client.post(f"/api/v1/units/{tree.taymo.pk}/report/accept?campaign={reporting.pk}",
                         {"lock_version": done.json()["lock_version"]}, content_type="application/json", **auth)
    assert accept.status_code == 403  # Tây Mỗ cannot accept its own report


# Separation of duties (Campaign.separate_review): the page and the API

REFUSED = "yêu cầu một người khác tiếp nhận"  # the reason, in Vietnamese


def _separate_review(campaign):
    from lifelong.campaigns.models import Campaign
    from lifelong.campaigns.services import campaign_update

    fresh = Campaign.objects.get(pk=campaign.pk)
    campaign_update(actor=None, campaign=fresh, version=fresh.version, separate_review=True)


def _submitted_by(actor, unit, campaign):
    report = stored_report(unit, campaign)
    fill(report, GOOD)
    report.refresh_from_db()
    services.report_submit(actor=actor, report=report, lock_version=report.lock_version)
    report.refresh_from_db()
    return report


def test_separation_of_duties_page_hides_accept_from_the_submitter_and_says_why(client, tree, reporting, make_user):
    from lifelong.core.models import AuditEntry

    _separate_review(reporting)
    submitter = make_user(tree.taymo, Role.EDITOR)
    report = _submitted_by(submitter, tree.school, reporting)
    client.force_login(submitter)
    page = client.get(_url("report_edit", tree.school, reporting))
    body = page.content.decode()
    assert page.status_code == 200
    assert 'data-testid="accept"' not in body and 'data-testid="accept-refused"' in body and REFUSED in body
    assert 'data-testid="return"' in body  # returning stays allowed
    # Posting "accept" anyway changes nothing and says why.
    audits = AuditEntry.objects.count()
    response = client.post(_url("report_review", tree.school, reporting),
                           {"action": "accept", "lock_version": report.lock_version}, follow=True)
    assert REFUSED in response.content.decode()
    row = Report.objects.get(pk=report.pk)
    assert (row.status, row.lock_version) == ("submitted", report.lock_version)
    assert AuditEntry.objects.count() == audits
    # Another reviewer of the level above sees the button and accepts.
    client.force_login(make_user(tree.taymo, Role.EDITOR))
    body = client.get(_url("report_edit", tree.school, reporting)).content.decode()
    assert 'data-testid="accept"' in body and REFUSED not in body
    client.post(_url("report_review", tree.school, reporting),
                {"action": "accept", "lock_version": report.lock_version})
    assert Report.objects.get(pk=report.pk).status == "accepted"


def test_without_separation_of_duties_the_page_lets_the_submitter_accept(client, tree, reporting, make_user):
    reviewer = make_user(tree.taymo, Role.EDITOR)
    report = _submitted_by(reviewer, tree.school, reporting)
    client.force_login(reviewer)
    body = client.get(_url("report_edit", tree.school, reporting)).content.decode()
    assert 'data-testid="accept"' in body and REFUSED not in body
    response = client.post(_url("report_review", tree.school, reporting),
                           {"action": "accept", "lock_version": report.lock_version})
    assert response.status_code == 302
    assert Report.objects.get(pk=report.pk).status == "accepted"


def test_separation_of_duties_through_the_api(client, tree, reporting, make_user):
    from lifelong.core.models import AuditEntry

    _separate_review(reporting)
    submitter = make_user(tree.taymo, Role.EDITOR)
    report = _submitted_by(submitter, tree.school, reporting)
    accept = f"/api/v1/units/{tree.school.pk}/report/accept?campaign={reporting.pk}"
    audits = AuditEntry.objects.count()
    client.force_login(submitter)
    refused = client.post(accept, {"lock_version": report.lock_version}, content_type="application/json")
    assert refused.status_code == 403
    error = refused.json()["error"]
    assert error["code"] == "separation_of_duties" and REFUSED in error["message"]
    row = Report.objects.get(pk=report.pk)
    assert (row.status, row.lock_version) == ("submitted", report.lock_version)
    assert AuditEntry.objects.count() == audits
    client.force_login(make_user(tree.hanoi, Role.EDITOR))  # Hà Nội's editors also review Tây Mỗ's children
    done = client.post(accept, {"lock_version": report.lock_version}, content_type="application/json")
    assert done.status_code == 200 and done.json()["status"] == "accepted"


def test_without_separation_of_duties_the_api_lets_the_submitter_accept(client, tree, reporting, make_user):
    reviewer = make_user(tree.taymo, Role.EDITOR)
    report = _submitted_by(reviewer, tree.school, reporting)
    client.force_login(reviewer)
    done = client.post(f"/api/v1/units/{tree.school.pk}/report/accept?campaign={reporting.pk}",
                       {"lock_version": report.lock_version}, content_type="application/json")
    assert done.status_code == 200 and done.json()["status"] == "accepted"


def _row_counts() -> dict[str, int]:
    from django.apps import apps

    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_looking_at_reports_writes_nothing(client, tree, reporting, make_user):
    """A viewer opens the report pages and the API of units that never saved a report: no row anywhere."""
    viewer = make_user(tree.hanoi, Role.VIEWER)
    client.force_login(viewer)
    before = _row_counts()
    for unit in (tree.hanoi, tree.taymo, tree.school, tree.village):
        query = f"?campaign={reporting.pk}"
        assert client.get(reverse("report_edit", args=[unit.pk]) + query).status_code == 200
        assert client.get(reverse("report_totals", args=[unit.pk]) + query).status_code == 200
        assert client.get(reverse("report_completeness", args=[unit.pk]) + query).status_code == 200
        assert client.get(f"/api/v1/units/{unit.pk}/report{query}").status_code == 200
    assert _row_counts() == before
    assert not Report.objects.exists()


def test_the_first_save_creates_the_report(client, tree, reporting, make_user):
    client.force_login(make_user(tree.school, Role.EDITOR))
    url = reverse("report_edit", args=[tree.school.pk]) + f"?campaign={reporting.pk}"
    page = client.get(url)
    assert page.status_code == 200 and not Report.objects.exists()
    response = client.post(url, {"lock_version": "1", "v.c3": "4"})
    assert response.status_code == 302
    report = Report.objects.get(unit=tree.school)
    assert report.lock_version == 2 and report.values.get(indicator__code="c3").number == 4
    # A page opened before that first save is out of date now.
    stale = client.post(url, {"lock_version": "1", "v.c3": "5"})
    assert stale.status_code == 409 and Report.objects.get(unit=tree.school).values.get(
        indicator__code="c3").number == 4


def test_the_yes_no_label_is_not_doubled(client, tree, reporting, make_user):
    client.force_login(make_user(tree.school, Role.EDITOR))
    text = client.get(_url("report_edit", tree.school, reporting)).content.decode()
    assert "Tổ chức Lễ khai mạc / hưởng ứng Tuần lễ" in text
    assert text.count("(có/không)") <= 1 and "(có/không) (có/không)" not in text


def test_the_completeness_page_shows_the_levels_once(client, tree, reporting, make_user):
    client.force_login(make_user(tree.hanoi, Role.VIEWER))
    text = client.get(_url("report_completeness", tree.hanoi, reporting)).content.decode()
    assert text.count('data-testid="levels"') == 1


def test_the_word_report_lists_who_reported(client, tree, reporting, make_user):
    report = fill(stored_report(tree.village, reporting), GOOD)
    submit(report)
    client.force_login(make_user(tree.taymo, Role.VIEWER))
    response = client.get(_url("report_document", tree.taymo, reporting))
    document = docx.Document(io.BytesIO(response.content))
    reporters = document.tables[-1]
    rows = {row.cells[1].text: row.cells[2].text for row in reporters.rows[1:]}
    assert rows["Tổ dân phố số 1"].startswith("Đã gửi") and rows["Trường THCS Nguyễn Quý Đức"].startswith(
        "Chưa báo cáo")
    totals = next(t for t in document.tables if t.rows[0].cells[1].text == "Chỉ tiêu")
    a1 = next(row for row in totals.rows if row.cells[0].text == "a1")
    assert a1.cells[2].text == "số đơn vị trả lời “có”"
