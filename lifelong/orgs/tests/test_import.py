import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from lifelong.core.errors import PermissionDeniedError
from lifelong.core.models import AuditEntry
from lifelong.orgs import importing, services
from lifelong.orgs.models import Membership, OrgUnit


def csv_bytes(text: str, encoding: str = "utf-8") -> bytes:
    return text.encode(encoding)


def xlsx_bytes(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def run_import(unit, filename, data, actor=None):
    table = importing.read_table(filename, data)
    rows = importing.check_unit_rows(target=unit, table=table)
    return services.units_import(actor=actor, parent=unit, rows=rows, source_name=filename)


def rejected(unit, filename, data):
    with pytest.raises(importing.ImportRejected) as info:
        run_import(unit, filename, data)
    return info.value.details


def test_csv_with_vietnamese_headers_kinds_and_nested_parents(tree):
    data = csv_bytes(
        "\ufeffTên đơn vị;Loại;Mã;Mã đơn vị cấp trên\n"
        "Trường Tiểu học Tây Mỗ;Trường;TM-TH;\n"
        "Tổ dân phố số 2;tổ dân phố;TM-TDP2;\n"
        "Chi hội khuyến học TDP 2;hội;;TM-TDP2\n"
    )
    created = run_import(tree.taymo, "don-vi.csv", data)
    assert len(created) == 3
    tdp2 = OrgUnit.objects.get(code="TM-TDP2")
    assert tdp2.kind == OrgUnit.Kind.VILLAGE and tdp2.parent == tree.taymo
    chapter = OrgUnit.objects.get(name="Chi hội khuyến học TDP 2")
    assert chapter.parent == tdp2 and chapter.kind == OrgUnit.Kind.ASSOCIATION
    assert chapter.path.startswith(tdp2.path) and chapter.depth == tdp2.depth + 1
    assert OrgUnit.objects.get(code="TM-TH").kind == OrgUnit.Kind.SCHOOL
    # paths stay unique next to the units created before the import
    assert OrgUnit.objects.filter(parent=tree.taymo).values("path").distinct().count() == 4


def test_xlsx_with_existing_parent_code_in_scope(tree):
    OrgUnit.objects.filter(pk=tree.school.pk).update(code="NQD")
    data = xlsx_bytes([["name", "kind", "code", "parent_code"],
                       ["Chi đoàn giáo viên", "agency", None, "NQD"],
                       ["Thư viện trường", "agency", 1234, "NQD"]])
    created = run_import(tree.taymo, "units.xlsx", data)
    assert {u.parent_id for u in created} == {tree.school.pk}
    assert OrgUnit.objects.filter(code="1234").exists()


def test_every_bad_row_is_listed_and_nothing_is_imported(tree):
    before = OrgUnit.objects.count()
    data = csv_bytes(
        "name,kind,code,parent_code\n"
        "Đơn vị tốt,school,OK1,\n"          # 2: fine on its own
        ",village,,\n"                       # 3: empty name
        "Đơn vị lạ,spaceship,,\n"            # 4: unknown kind
        "Trùng mã,school,OK1,\n"             # 5: duplicate code in file
        "Mã đã có,school,00634,\n"           # 6: code already used (Tây Mỗ)
        "Ngoài phạm vi,school,,23548\n"      # 7: parent outside Tây Mỗ (Ya Ly)
        "Không có cha,school,,NOPE\n"        # 8: unknown parent code
        "Đơn vị tốt,school,,\n"              # 9: same name twice under Tây Mỗ
    )
    details = rejected(tree.taymo, "bad.csv", data)
    by_row = {}
    for d in details:
        by_row.setdefault(d["row"], []).append(d["field"])
    assert by_row == {3: ["name"], 4: ["kind"], 5: ["code"], 6: ["code"], 7: ["parent_code"], 8: ["parent_code"],
                      9: ["name"]}
    assert any("Ya Ly" in str(d["message"]) for d in details if d["row"] == 7)
    assert OrgUnit.objects.count() == before
    assert not AuditEntry.objects.filter(action="orgs.unit.imported").exists()


def test_wrong_encoding_names_the_rows(tree):
    # What Excel on Vietnamese Windows writes for "CSV": Windows-1258, not UTF-8.
    data = "name,kind\nTân Hưng,village\nTruong A,school\nThôn Đông,village\n".encode("cp1258")
    details = rejected(tree.taymo, "ansi.csv", data)
    assert [d["row"] for d in details] == [2, 4]
    assert "UTF-8" in str(details[0]["message"])


def test_utf16_csv_from_excel_is_read(tree):
    data = "name\tkind\nTổ dân phố số 7\tvillage\n".encode("utf-16")
    assert [u.name for u in run_import(tree.taymo, "excel.csv", data)] == ["Tổ dân phố số 7"]


@pytest.mark.parametrize(("filename", "data", "needle"), [
    ("empty.csv", b"", "Tệp trống"),
    ("header.csv", b"name,kind\n", "không có dòng dữ liệu"),
    ("cols.csv", b"foo,bar\n1,2\n", "còn thiếu: name, kind"),
    ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00", ".csv hoặc .xlsx"),
    ("fake.xlsx", b"PK\x03\x04not really a zip", "Excel (.xlsx)"),
    ("binary.csv", b"\x00\x01\x02\x03" * 50, "không phải tệp CSV"),
])
def test_bad_files_get_a_clear_message(tree, filename, data, needle):
    details = rejected(tree.taymo, filename, data)
    assert needle.lower() in " ".join(str(d["message"]) for d in details).lower()


def test_loop_between_rows_is_rejected(tree):
    data = csv_bytes("name,kind,code,parent_code\nA,agency,A1,B1\nB,agency,B1,A1\n")
    details = rejected(tree.taymo, "loop.csv", data)
    assert {d["row"] for d in details} == {2, 3}


def test_only_admins_of_the_target_may_import(tree, make_user):
    editor = make_user(tree.taymo, Membership.Role.EDITOR)
    rows = importing.check_unit_rows(target=tree.taymo, table=importing.read_table("a.csv", b"name,kind\nX,agency\n"))
    with pytest.raises(PermissionDeniedError):
        services.units_import(actor=editor, parent=tree.taymo, rows=rows)
    assert not OrgUnit.objects.filter(name="X").exists()


def test_ten_thousand_rows_import_in_one_transaction(tree, django_assert_max_num_queries):
    lines = ["name,kind,code,parent_code"]
    for i in range(100):
        lines.append(f"Cụm {i},agency,C{i},")
        lines += [f"Đơn vị {i}-{j},village,,C{i}" for j in range(99)]
    data = "\n".join(lines).encode()
    table = importing.read_table("big.csv", data)
    assert len(table) == 10_000
    rows = importing.check_unit_rows(target=tree.taymo, table=table)
    # Bulk inserts: about 100 statements on SQLite (999 parameters each), about 15 on PostgreSQL.
    with django_assert_max_num_queries(250):
        created = services.units_import(actor=None, parent=tree.taymo, rows=rows, source_name="big.csv")
    assert len(created) == 10_000
    assert OrgUnit.objects.filter(path__startswith=tree.taymo.path).count() == 10_000 + 3
    assert AuditEntry.objects.filter(action="orgs.unit.imported").count() == 1
    assert len(set(OrgUnit.objects.values_list("path", flat=True))) == OrgUnit.objects.count()


def test_import_page_lists_errors_and_imports_good_files(client, tree, make_user):
    client.force_login(make_user(tree.taymo, Membership.Role.ADMIN))
    url = reverse("unit_import", args=[tree.taymo.pk])
    bad = SimpleUploadedFile("bad.csv", b"name,kind\n,village\nX,robot\n", content_type="text/csv")
    response = client.post(url, {"file": bad})
    assert response.status_code == 400
    page = response.content.decode()
    assert "<td>2</td>" in page and "<td>3</td>" in page
    good = SimpleUploadedFile("good.csv", "name,kind\nTổ dân phố số 9,village\n".encode(), content_type="text/csv")
    response = client.post(url, {"file": good})
    assert response.status_code == 302
    assert OrgUnit.objects.filter(name="Tổ dân phố số 9", parent=tree.taymo).exists()


def test_oversized_upload_is_refused(client, tree, make_user, settings):
    settings.UNIT_IMPORT_MAX_BYTES = 1024
    client.force_login(make_user(tree.taymo, Membership.Role.ADMIN))
    big = SimpleUploadedFile("big.csv", b"name,kind\n" + b"A,village\n" * 500, content_type="text/csv")
    response = client.post(reverse("unit_import", args=[tree.taymo.pk]), {"file": big})
    assert response.status_code == 400
    assert not OrgUnit.objects.filter(name="A").exists()
