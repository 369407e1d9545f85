"""The bookshelf page: a school's editor publishes and withdraws; others read or get nothing."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lifelong.library.models import Resource
from lifelong.orgs.models import Membership


def test_an_editor_publishes_from_the_page_and_others_cannot(client, tree, make_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(make_user(tree.school, Membership.Role.EDITOR))
    url = f"/units/{tree.school.pk}/thu-vien/"
    form = {"title": "Sổ tay an toàn trên mạng", "kind": "document", "licence": "CC-BY-4.0",
            "subjects": "an toàn mạng, kỹ năng số"}
    refused = client.post(url, {**form, "upload": SimpleUploadedFile("a.pdf", b"not a pdf")})
    assert refused.status_code == 400 and "Hãy tải lên sách PDF" in refused.content.decode()
    assert not Resource.objects.exists()
    done = client.post(url, {**form, "upload": SimpleUploadedFile("a.pdf", b"%PDF-1.7 sach")})
    assert done.status_code == 302
    book = Resource.objects.get()
    assert book.subjects == ["an toàn mạng", "kỹ năng số"] and book.file_type == "pdf"
    assert "1 học liệu" in client.get(f"/units/{tree.school.pk}/").content.decode()
    client.force_login(make_user(tree.yaly, Membership.Role.EDITOR))
    assert client.get(url).status_code == 404
    assert client.post(f"/thu-vien/{book.pk}/go/").status_code == 404
    client.force_login(make_user(tree.school, Membership.Role.VIEWER))
    page = client.get(url)
    assert page.status_code == 200 and 'data-testid="resource-form"' not in page.content.decode()
    assert client.post(url, form).status_code == 403


def test_the_shelf_imports_a_spreadsheet_and_its_sample_reads_back(client, tree, make_user):
    from lifelong.library.models import Collection

    editor = make_user(tree.school, Membership.Role.EDITOR)
    client.force_login(editor)
    sample = client.get(reverse("library_import_sample", args=[tree.school.pk]))
    assert sample.status_code == 200
    shelf = Collection.objects.create(unit=tree.school, kind=Collection.Kind.CURATED, name="Học liệu Tuần lễ")
    upload = SimpleUploadedFile("mau-hoc-lieu.xlsx", sample.content)
    response = client.post(reverse("library_import", args=[tree.school.pk]),
                           {"file": upload, "default_licence": "CC-BY-4.0", "collection": shelf.pk}, follow=True)
    assert "2 học liệu đã được đăng" in response.content.decode()
    assert set(shelf.resources.values_list("kind", flat=True)) == {"document", "course"}


def test_a_rejected_import_names_the_rows_in_vietnamese(client, tree, make_user):
    client.force_login(make_user(tree.school, Membership.Role.EDITOR))
    upload = SimpleUploadedFile("x.csv",
                                "Nhan đề,Địa chỉ,Loại,Giấy phép\nA,https://a.vn/x,tiểu thuyết,CC BY\n".encode())
    page = client.post(reverse("library_import", args=[tree.school.pk]),
                       {"file": upload, "default_licence": "CC-BY-4.0"}, follow=True).content.decode()
    assert "Dòng 2" in page and "chưa được nhập" in page
    assert not Resource.objects.exists()


def test_a_viewer_cannot_import(client, tree, make_user):
    client.force_login(make_user(tree.school, Membership.Role.VIEWER))
    upload = SimpleUploadedFile("x.csv", "Nhan đề,Địa chỉ,Loại,Giấy phép\nA,https://a.vn/x,video,CC BY\n".encode())
    response = client.post(reverse("library_import", args=[tree.school.pk]),
                           {"file": upload, "default_licence": "CC-BY-4.0"})
    assert response.status_code == 403 and not Resource.objects.exists()
