"""Importing many resources: spreadsheets and MARCXML catalogues, all or nothing, with each wrong row named."""

import io

import openpyxl
import pytest

from lifelong.core.errors import PermissionDeniedError
from lifelong.core.tables import ImportRejected
from lifelong.library import imports
from lifelong.library.models import Collection, Resource
from lifelong.orgs.models import Membership

HEADER = ["Nhan đề", "Địa chỉ", "Loại", "Giấy phép", "Tác giả", "Chủ đề", "Thời lượng (phút)", "Ngày bắt đầu"]


def _xlsx(rows: list[list]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def librarian(tree, make_user):
    return make_user(tree.school, Membership.Role.EDITOR)


def test_a_spreadsheet_publishes_every_row_on_the_shelf(tree, librarian):
    shelf = Collection.objects.create(unit=tree.school, name="Tủ sách số")
    data = _xlsx([HEADER,
                  ["Sổ tay an toàn trên mạng", "https://example.org/so-tay.pdf", "Sách điện tử", "CC BY-SA 4.0",
                   "Tổ Tin học", "kỹ năng số; an toàn mạng", 45, ""],
                  ["Tiếng Anh giao tiếp cơ bản", "https://mooc.example.edu/eng", "Khóa học", "cc-by-nc-4.0", "", "",
                   "", "05/10/2025"],
                  ["Truyện cổ tích đọc cho trẻ", "https://example.org/truyen.mp3", "sach noi", "Phạm vi công cộng",
                   "", "đọc sách", "", ""]])
    created = imports.resources_import(actor=librarian, unit=tree.school, filename="hoc-lieu.xlsx", data=data,
                                       collection=shelf)
    assert [(r.kind, r.licence) for r in created] == [
        ("document", "CC-BY-SA-4.0"), ("course", "CC-BY-NC-4.0"), ("audio", "public-domain")]
    book = Resource.objects.get(title="Sổ tay an toàn trên mạng")
    assert (book.subjects, book.time_required_minutes, book.unit) == (["kỹ năng số", "an toàn mạng"], 45, tree.school)
    assert "an toan mang" in book.search_key
    assert Resource.objects.get(kind="course").starts_on.isoformat() == "2025-10-05"
    assert set(shelf.resources.values_list("title", flat=True)) == {r.title for r in created}


def test_one_wrong_row_rejects_the_whole_file_and_names_each_row(tree, librarian):
    data = ("Ten tai lieu,Dia chi,Loai,Giay phep\n"
            "Tài liệu tốt,https://example.org/a,tài liệu,CC BY\n"
            "Không có địa chỉ,,video,CC0\n"
            "Loại lạ,https://example.org/b,tiểu thuyết,CC BY\n"
            "Giấy phép lạ,https://example.org/c,video,free for all\n"
            "Trùng,https://example.org/a,video,CC BY\n"
            ",javascript:alert(1),video,CC BY\n").encode()
    with pytest.raises(ImportRejected) as rejected:
        imports.resources_import(actor=librarian, unit=tree.school, filename="hoc-lieu.csv", data=data)
    assert {(e["row"], e["field"]) for e in rejected.value.details} >= {
        (3, "url"), (4, "kind"), (5, "licence"), (6, "url"), (7, "title"), (7, "url")}
    assert 2 not in {e["row"] for e in rejected.value.details}
    assert not Resource.objects.exists()


def test_a_spreadsheet_without_the_needed_columns_is_refused(tree, librarian):
    with pytest.raises(ImportRejected) as rejected:
        imports.resources_import(actor=librarian, unit=tree.school, filename="x.csv", data=b"Ten,Mo ta\nA,B\n")
    assert "Địa chỉ" in rejected.value.details[0]["message"] or "Dia chi" in rejected.value.details[0]["message"] \
        or "url" in rejected.value.details[0]["message"]


def test_only_the_units_editors_import_onto_its_shelf(tree, make_user):
    other = make_user(tree.taymo, Membership.Role.VIEWER)
    data = _xlsx([HEADER[:4], ["A", "https://example.org/a", "video", "CC0"]])
    with pytest.raises(PermissionDeniedError):
        imports.resources_import(actor=other, unit=tree.school, filename="a.xlsx", data=data)
    editor = make_user(tree.taymo, Membership.Role.EDITOR)  # the commune's editor may not fill another's shelf
    with pytest.raises(PermissionDeniedError):
        imports.resources_import(actor=editor, unit=tree.taymo, filename="a.xlsx", data=data,
                                 collection=Collection.objects.create(unit=tree.school, name="Tủ sách"))
    assert not Resource.objects.exists()


MARCXML = """<?xml version="1.0" encoding="UTF-8"?>
<collection xmlns="http://www.loc.gov/MARC21/slim">
 <record><leader>00000nam a2200000 a 4500</leader>
  <controlfield tag="008">250101s2024    vm            000 0 vie d</controlfield>
  <datafield tag="100" ind1="1" ind2=" "><subfield code="a">Nguyễn Thị Hoa</subfield></datafield>
  <datafield tag="245" ind1="1" ind2="0"><subfield code="a">Em học lập trình /</subfield>
   <subfield code="b">sách cho học sinh tiểu học</subfield></datafield>
  <datafield tag="264" ind1=" " ind2="1"><subfield code="b">Trường Tiểu học Kim Đồng,</subfield>
   <subfield code="c">2024.</subfield></datafield>
  <datafield tag="520" ind1=" " ind2=" "><subfield code="a">Làm quen với lập trình bằng khối lệnh.</subfield>
  </datafield>
  <datafield tag="540" ind1=" " ind2=" "><subfield code="a">CC BY-SA 4.0</subfield></datafield>
  <datafield tag="650" ind1=" " ind2="7"><subfield code="a">Tin học</subfield></datafield>
  <datafield tag="653" ind1=" " ind2=" "><subfield code="a">lập trình</subfield></datafield>
  <datafield tag="856" ind1="4" ind2="0"><subfield code="u">https://example.org/em-hoc-lap-trinh.pdf</subfield></datafield>
 </record>
 <record><leader>00000ngm a2200000 a 4500</leader>
  <datafield tag="041" ind1=" " ind2=" "><subfield code="a">eng</subfield></datafield>
  <datafield tag="245" ind1="0" ind2="0"><subfield code="a">Hand washing for children</subfield></datafield>
  <datafield tag="260" ind1=" " ind2=" "><subfield code="c">c1998</subfield></datafield>
  <datafield tag="856" ind1="4" ind2="0"><subfield code="u">https://example.org/hand-washing.mp4</subfield></datafield>
 </record>
 <record><leader>00000nam a2200000 a 4500</leader>
  <datafield tag="245" ind1="0" ind2="0"><subfield code="a">Tiếng Việt 1, tập một (bản in)</subfield></datafield>
 </record>
</collection>"""


def test_a_marcxml_catalogue_publishes_its_electronic_records(tree, librarian):
    result = imports.resources_import_marcxml(actor=librarian, unit=tree.school, filename="thu-vien.xml",
                                              data=MARCXML.encode(), default_licence="CC-BY-4.0")
    assert result == {"created": 2, "skipped": 1}  # the printed book has no address to open
    book = Resource.objects.get(kind="document")
    assert (book.title, book.creator, book.publisher, book.language, book.licence) == (
        "Em học lập trình : sách cho học sinh tiểu học", "Nguyễn Thị Hoa", "Trường Tiểu học Kim Đồng", "vi",
        "CC-BY-SA-4.0")
    assert (book.subjects, book.issued.year, book.url) == (
        ["Tin học", "lập trình"], 2024, "https://example.org/em-hoc-lap-trinh.pdf")
    video = Resource.objects.get(kind="video")
    assert (video.language, video.licence, video.issued.year) == ("en", "CC-BY-4.0", 1998)


@pytest.mark.parametrize("data", [
    b"",
    b"not xml at all",
    b"<?xml version='1.0'?><collection xmlns='http://www.loc.gov/MARC21/slim'><record>",
    b"<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'><!ENTITY lol2 '&lol;&lol;&lol;'>]>"
    b"<collection xmlns='http://www.loc.gov/MARC21/slim'><record><leader>&lol2;</leader></record></collection>",
    MARCXML.replace("https://example.org/hand-washing.mp4", "ftp://example.org/x").encode(),
    b"<?xml version='1.0'?><collection xmlns='http://www.loc.gov/MARC21/slim'></collection>",
    b"<collection xmlns='http://www.loc.gov/MARC21/slim'><record><leader>x</leader></record></collection>",
    b"<collection xmlns='http://www.loc.gov/MARC21/slim'><record><datafield><subfield>x</subfield></datafield>"
    b"</record></collection>",
])
def test_a_bad_catalogue_is_refused_and_nothing_is_written(tree, librarian, data):
    with pytest.raises(ImportRejected) as rejected:
        imports.resources_import_marcxml(actor=librarian, unit=tree.school, filename="x.xml", data=data,
                                         default_licence="CC-BY-4.0")
    assert rejected.value.details and all(e["message"] for e in rejected.value.details)
    assert not Resource.objects.exists()


def test_the_licence_words_people_write_are_understood():
    assert [imports.licence_of(text) for text in (
        "CC BY 4.0", "CC-BY-NC-ND-4.0", "Creative Commons BY-NC-SA", "cc0", "Bảo lưu mọi quyền", "tự do")] == [
        "CC-BY-4.0", "CC-BY-NC-ND-4.0", "CC-BY-NC-SA-4.0", "CC0-1.0", "all-rights-reserved", None]
