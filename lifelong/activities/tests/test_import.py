"""Importing many activities from one spreadsheet: every row checked, all or nothing."""

import io
from datetime import datetime, time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from lifelong.activities import services
from lifelong.activities.importing import parse_amount, parse_time
from lifelong.activities.models import Activity, Session
from lifelong.core.models import AuditEntry
from lifelong.core.tables import ImportRejected
from lifelong.core.validation import parse_day
from lifelong.orgs.models import Membership

HEADER = ["Loại hoạt động", "Tên hoạt động", "Ngày", "Từ giờ", "Đến giờ", "Địa điểm", "Xã/phường", "Hình thức",
          "Đường dẫn", "Đối tượng", "Số chỗ", "Cần đăng ký", "Kinh phí nhà nước", "Công khai"]


def xlsx_bytes(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def run_import(tree, campaign, filename, data, unit=None):
    return services.activities_import_file(actor=None, unit=unit or tree.taymo, campaign=campaign,
                                           filename=filename, data=data)


def rejected(tree, campaign, filename, data, unit=None) -> list[dict]:
    with pytest.raises(ImportRejected) as info:
        run_import(tree, campaign, filename, data, unit)
    return info.value.details


def local(value: datetime) -> tuple:
    value = timezone.localtime(value)
    return value.date().isoformat(), value.strftime("%H:%M")


def test_xlsx_with_excel_dates_times_and_vietnamese_words(tree, campaign):
    data = xlsx_bytes([
        HEADER,
        ["c", "Lớp kỹ năng số cho người cao tuổi", "02/10/2025; 04/10/2025", "8h", "10h30", "Nhà văn hóa TDP 5",
         "", "trực tiếp", "", "người dân; yếu thế", "40", "có", "2.000.000", "có"],
        # real Excel date and time cells, a commune named without its prefix, and an online link without scheme
        ["Giới thiệu nền tảng học tập trực tuyến, kho học liệu số", "Học trực tuyến cùng OLM",
         datetime(2025, 10, 5), time(14, 0), time(16, 0), "", "Ya Ly", "Kết hợp", "meet.example.vn/olm",
         "Học sinh, cán bộ", "", "không", "", "khong"],
    ])
    created = run_import(tree, campaign, "hoat-dong.xlsx", data, unit=tree.quangngai)
    assert len(created) == 2
    first, second = Activity.objects.filter(pk__in=[a.pk for a in created]).order_by("pk")
    assert first.category.code == "digital_skills" and first.capacity == 40 and first.registration_required
    assert first.budget_state == 2_000_000 and first.published and first.status == Activity.Status.PLANNED
    assert first.target_group_list() == ["disadvantaged", "residents"]
    assert [local(s.starts_at) + local(s.ends_at)[1:] for s in first.sessions.all()] == [
        ("2025-10-02", "08:00", "10:30"), ("2025-10-04", "08:00", "10:30")]
    assert second.category.code == "online_learning" and second.mode == Activity.Mode.HYBRID
    assert second.commune == tree.yaly and second.province == tree.quangngai
    assert second.online_url == "https://meet.example.vn/olm" and not second.published
    assert second.target_group_list() == ["learners", "officials"]
    assert [local(s.starts_at) for s in second.sessions.all()] == [("2025-10-05", "14:00")]
    # searchable like any activity, and one audit entry for the whole file
    assert second.search_key and "ya ly" in second.search_key
    assert AuditEntry.objects.filter(action="activities.activity.imported", data__count=2).count() == 1


def test_commune_defaults_to_the_organisers_and_csv_works(tree, campaign):
    data = "Loại,Tên hoạt động,Ngày,Từ giờ,Đến giờ\nb,Tọa đàm học tập suốt đời,03-10-2025,7:30,9:00\n"
    (activity,) = run_import(tree, campaign, "a.csv", data.encode())
    activity.refresh_from_db()
    assert activity.commune == tree.taymo and activity.province == tree.hanoi
    assert activity.category.code == "awareness" and activity.mode == Activity.Mode.IN_PERSON


def test_every_bad_row_is_listed_and_nothing_is_imported(tree, campaign):
    data = xlsx_bytes([
        HEADER,
        ["z", "", "31/02/2025", "25h", "8h", "", "Ya Ly", "bay", "", "trẻ em", "bốn mươi", "có lẽ", "-5", ""],
        ["c", "Lớp A", "02/10/2025", "10:00", "09:00", "", "", "trực tuyến", "", "", "", "", "", ""],
        ["c", "Lớp B", "02/10/2025", "08:00", "09:00", "", "", "", "", "", "", "", "", ""],
        ["c", "lớp b", "02/10/2025", "08:00", "10:00", "", "", "", "", "", "", "", "", ""],
    ])
    details = rejected(tree, campaign, "bad.xlsx", data)
    problems = {(d["row"], d["field"]) for d in details}
    assert {(2, "category"), (2, "title"), (2, "dates"), (2, "start"), (2, "commune"), (2, "mode"),
            (2, "target_groups"), (2, "capacity"), (2, "registration_required"), (2, "budget_state")} <= problems
    assert (3, "end") in problems and (3, "online_url") in problems
    assert (5, "title") in problems  # the same title at the same hour as row 4
    assert (4, "title") not in problems
    assert any("Ya Ly" in d["message"] and "Hà Nội" in d["message"] for d in details)  # outside the province
    assert Activity.objects.count() == 0 and Session.objects.count() == 0


def test_the_same_file_twice_is_refused(tree, campaign):
    data = "Loại,Tên hoạt động,Ngày,Từ giờ,Đến giờ\nb,Tọa đàm,03/10/2025,7:30,9:00\n".encode()
    run_import(tree, campaign, "a.csv", data)
    details = rejected(tree, campaign, "a.csv", data)
    assert details[0]["row"] == 2 and "Phường Tây Mỗ" in details[0]["message"]
    assert Activity.objects.count() == 1


@pytest.mark.parametrize(("filename", "data", "needle"), [
    ("empty.xlsx", b"", "Tệp trống"),
    ("cols.csv", "Tên,Ngày\nA,01/10/2025\n".encode(), "còn thiếu: Loại hoạt động, Từ giờ, Đến giờ"),
    ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00", ".csv hoặc .xlsx"),
    ("fake.xlsx", b"PK\x03\x04not a zip", "Excel (.xlsx)"),
    ("header.csv", "Loại,Tên hoạt động,Ngày,Từ giờ,Đến giờ\n".encode(), "không có dòng dữ liệu"),
])
def test_bad_files_get_a_clear_message(tree, campaign, filename, data, needle):
    details = rejected(tree, campaign, filename, data)
    assert needle.lower() in " ".join(d["message"] for d in details).lower()


def test_readers_of_cells():
    assert parse_time("8h") == time(8) and parse_time("8h30") == time(8, 30) and parse_time("14:05") == time(14, 5)
    assert parse_time("7 giờ 30") == time(7, 30) and parse_time("24:00") is None and parse_time("sáng") is None
    assert parse_day("1/10/2025").day == 1 and parse_day("2025-10-07").day == 7 and parse_day("32/1/2025") is None
    assert parse_amount("1.500.000") == 1_500_000 and parse_amount("1,500,000 đồng") == 1_500_000
    assert parse_amount("1.5") is None and parse_amount("-3") is None and parse_amount("40") == 40


def test_page_sample_file_and_permissions(client, tree, campaign, make_user):
    client.force_login(make_user(tree.taymo, Membership.Role.EDITOR))
    url = reverse("activity_import", args=[tree.taymo.pk])
    sample = client.get(reverse("activity_import_template", args=[tree.taymo.pk]))
    assert sample.status_code == 200
    book = load_workbook(io.BytesIO(sample.content))
    assert [c.value for c in book.worksheets[0][1]][:5] == ["Loại hoạt động", "Tên hoạt động", "Mô tả", "Ngày",
                                                           "Từ giờ"]
    # the sample file itself imports cleanly (its first row is the organiser's own commune)
    response = client.post(url, {"file": SimpleUploadedFile("hoat-dong-mau.xlsx", sample.content)})
    assert response.status_code == 302 and Activity.objects.filter(unit=tree.taymo).count() == 2
    bad = client.post(url, {"file": SimpleUploadedFile("x.csv", "Loại,Tên,Ngày,Từ giờ,Đến giờ\nq,A,x,8h,9h\n"
                                                        .encode())})
    assert bad.status_code == 400 and "Tệp chưa được nhập" in bad.content.decode()
    assert 'data-testid="import-errors"' in bad.content.decode()
    client.force_login(make_user(tree.yaly, Membership.Role.EDITOR))
    assert client.post(url, {"file": SimpleUploadedFile("hoat-dong-mau.xlsx", sample.content)}).status_code == 403
    client.force_login(make_user(tree.taymo, Membership.Role.VIEWER))
    assert client.get(url).status_code == 403
    assert Activity.objects.count() == 2


def test_api_import(client, tree, campaign, make_user):
    data = "Loại,Tên hoạt động,Ngày,Từ giờ,Đến giờ,Công khai\ng,Ngày hội việc làm,06/10/2025,8:00,11:00,có\n"
    url = f"/api/v1/units/{tree.taymo.pk}/activities/import"
    assert client.post(url, {"file": SimpleUploadedFile("a.csv", data.encode())}).status_code == 401
    client.force_login(make_user(tree.taymo, Membership.Role.EDITOR))
    bad = client.post(url, {"file": SimpleUploadedFile("a.csv", data.replace("8:00", "8 giờ kém").encode())})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "import_rejected"
    assert bad.json()["error"]["details"][0] == {"row": 2, "field": "start",
                                                "message": bad.json()["error"]["details"][0]["message"]}
    created = client.post(url, {"file": SimpleUploadedFile("a.csv", data.encode())})
    assert created.status_code == 201 and created.json()["created"] == 1
    assert client.get(f"/api/v1/activities/{created.json()['ids'][0]}").json()["published"] is True


@pytest.mark.parametrize("day", ["01/01/0001", "31/12/9999", "31/12/1999", "2101-01-01"])
def test_dates_outside_the_window_are_refused_by_the_import(client, tree, campaign, make_user, day):
    """Issue 11, defect 1, through the spreadsheet: the file is refused, nothing is published."""
    data = f"Loại,Tên hoạt động,Ngày,Từ giờ,Đến giờ,Công khai\nb,Tọa đàm,{day},00:00,02:00,có\n"
    errors = rejected(tree, campaign, "a.csv", data.encode())
    assert [(e["row"], e["field"]) for e in errors] == [(2, "dates")]
    assert "01/01/2000" in errors[0]["message"]
    client.force_login(make_user(tree.taymo, Membership.Role.EDITOR))
    response = client.post(f"/api/v1/units/{tree.taymo.pk}/activities/import",
                           {"file": SimpleUploadedFile("a.csv", data.encode())})
    assert response.status_code == 422 and response.json()["error"]["code"] == "import_rejected"
    assert not Activity.objects.exists() and not Session.objects.exists()
    assert client.get("/api/v1/activities", {"when": "past"}).status_code == 200


def test_the_import_service_keeps_the_session_rules_for_any_caller(tree, campaign):
    from types import SimpleNamespace

    from lifelong.core.errors import ValidationFailed

    start = datetime(1, 1, 1, tzinfo=timezone.get_current_timezone())
    row = SimpleNamespace(published=True, data={"title": "X", "category": campaign.categories.first()},
                          sessions=[(start, start)])
    with pytest.raises(ValidationFailed):
        services.activities_import(actor=None, unit=tree.taymo, campaign=campaign, rows=[row])
    assert not Activity.objects.exists()
