"""Publishing resources: metadata checks, licence rules, uploads checked by content, permissions."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lifelong.core.errors import PermissionDeniedError, ValidationFailed
from lifelong.library import services
from lifelong.library.models import Collection
from lifelong.orgs.models import Membership

BOOK = {"title": "Cẩm nang kỹ năng số cho người cao tuổi", "kind": "document", "licence": "CC-BY-4.0",
        "subjects": ["kỹ năng số", " ", "người cao tuổi"]}


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.fixture
def teacher(tree, make_user):
    return make_user(tree.school, Membership.Role.EDITOR)


def test_a_school_publishes_a_book_checked_by_content(tree, teacher, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    book = services.resource_create(actor=teacher, unit=tree.school, data=BOOK,
                                    upload=SimpleUploadedFile("sach.pdf", b"%PDF-1.7\n..."))
    assert (book.file_type, book.subjects, book.downloadable) == ("pdf", ["kỹ năng số", "người cao tuổi"], True)
    assert "ky nang so" in book.search_key and book.file.storage.exists(book.file.name)
    epub = _zip({"mimetype": b"application/epub+zip", "OEBPS/content.opf": b"<package/>"})
    assert services.resource_create(actor=teacher, unit=tree.school, data=BOOK,
                                    upload=SimpleUploadedFile("b.epub", epub)).file_type == "epub"
    h5p = _zip({"h5p.json": b"{}", "content/content.json": b"{}"})
    assert services.resource_create(actor=teacher, unit=tree.school, data={**BOOK, "kind": "html5"},
                                    upload=SimpleUploadedFile("bai.h5p", h5p)).file_type == "h5p"


@pytest.mark.parametrize("name, content", [
    ("sach.pdf", b"<html>not a pdf</html>"),  # wrong type by content, whatever the name says
    ("virus.exe", b"MZ\x90\x00"),
    ("package.zip", b"PK\x03\x04broken"),
    ("trong.zip", None),  # a zip holding nothing we serve
])
def test_uploads_of_the_wrong_type_are_refused(tree, teacher, name, content, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    data = content if content is not None else _zip({"readme.txt": b"hello"})
    with pytest.raises(ValidationFailed):
        services.resource_create(actor=teacher, unit=tree.school, data=BOOK, upload=SimpleUploadedFile(name, data))


def test_too_large_and_zip_bombs_are_refused(tree, teacher, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.LIBRARY_UPLOAD_MAX_BYTES = 1000
    with pytest.raises(ValidationFailed):
        services.resource_create(actor=teacher, unit=tree.school, data=BOOK,
                                 upload=SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * 2000))
    settings.LIBRARY_UPLOAD_MAX_BYTES = 10**8
    settings.LIBRARY_UNZIPPED_MAX_BYTES = 10**6
    bomb = _zip({"index.html": b"<html>", "filler.bin": b"\0" * (5 * 10**6)})  # 5 MB of zeros, a few KB packed
    assert len(bomb) < 100_000
    with pytest.raises(ValidationFailed) as refused:
        services.resource_create(actor=teacher, unit=tree.school, data={**BOOK, "kind": "html5"},
                                 upload=SimpleUploadedFile("bomb.zip", bomb))
    assert "unpack" in str(refused.value.details) or "giải nén" in str(refused.value.details)


def test_licence_rules_and_metadata_checks(tree, teacher, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    reserved = {**BOOK, "licence": "all-rights-reserved"}
    with pytest.raises(ValidationFailed):  # no file copy of a work whose rights are all reserved
        services.resource_create(actor=teacher, unit=tree.school, data=reserved,
                                 upload=SimpleUploadedFile("sach.pdf", b"%PDF-1.7"))
    linked = services.resource_create(actor=teacher, unit=tree.school, data={**reserved, "url": "https://nxb.vn/x"})
    assert not linked.downloadable
    for bad in ({**BOOK, "title": ""}, {**BOOK, "kind": "painting"}, {**BOOK, "licence": "GPL-3.0"},
                {**BOOK, "url": "javascript:alert(1)"}, BOOK):  # the last: neither file nor address
        with pytest.raises(ValidationFailed):
            services.resource_create(actor=teacher, unit=tree.school, data=bad)


def test_a_unit_edits_only_its_own_shelf(tree, teacher, make_user):
    other_shelf = Collection.objects.create(unit=tree.yaly, name="Tủ sách Ya Ly")
    with pytest.raises(PermissionDeniedError):
        services.resource_create(actor=teacher, unit=tree.yaly, data={**BOOK, "url": "https://a.vn"})
    with pytest.raises(ValidationFailed):
        services.resource_create(actor=teacher, unit=tree.school, data={**BOOK, "url": "https://a.vn"},
                                 collections=[other_shelf])
    book = services.resource_create(actor=teacher, unit=tree.school, data={**BOOK, "url": "https://a.vn"})
    with pytest.raises(PermissionDeniedError):
        services.resource_withdraw(actor=make_user(tree.yaly, Membership.Role.EDITOR), resource=book)
    withdrawn = services.resource_withdraw(actor=teacher, resource=book)
    assert withdrawn.withdrawn_at is not None and withdrawn.modified_at == withdrawn.withdrawn_at
