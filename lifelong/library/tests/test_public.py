"""Public pages: search without tone marks, JSON-LD, the file with byte ranges, licences and withdrawals."""

import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lifelong.library import services
from lifelong.library.models import Resource
from lifelong.orgs.models import Membership

AUDIO = b"ID3" + bytes(range(256)) * 40  # 10 KB of "audio"


@pytest.fixture
def published(tree, make_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    teacher = make_user(tree.school, Membership.Role.EDITOR)
    audio = services.resource_create(actor=teacher, unit=tree.school, upload=SimpleUploadedFile("bai.mp3", AUDIO),
                                     data={"title": "Bài nghe: Kỹ năng số cho người cao tuổi", "kind": "audio",
                                           "licence": "CC-BY-SA-4.0", "subjects": ["kỹ năng số"],
                                           "audience": "người cao tuổi", "time_required_minutes": 15,
                                           "description": "Nghe </script><script>alert(1)</script>"})
    reserved = services.resource_create(actor=teacher, unit=tree.school, data={
        "title": "Giáo trình có bản quyền", "kind": "document", "licence": "all-rights-reserved",
        "url": "https://nxb.example.vn/giao-trinh"})
    return teacher, audio, reserved


def test_search_without_tone_marks_and_json_ld(client, published):
    _teacher, audio, reserved = published
    found = client.get("/thu-vien/?q=ky+nang+so").content.decode()
    assert "Bài nghe: Kỹ năng số cho người cao tuổi" in found and "Giáo trình có bản quyền" not in found
    assert "Giáo trình" in client.get("/thu-vien/?licence=all-rights-reserved").content.decode()
    page = client.get(f"/thu-vien/{audio.pk}/").content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    data = json.loads(block)
    assert data["@type"] == "LearningResource" and data["timeRequired"] == "PT15M"
    assert data["license"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert "</script><script>" not in block  # the description cannot close the element
    before = audio.modified_at
    audio.refresh_from_db()
    assert audio.views == 1 and audio.modified_at == before  # counted, without moving the OAI datestamp


def test_the_file_answers_byte_ranges_and_respects_the_licence(client, published):
    teacher, audio, reserved = published
    whole = client.get(f"/thu-vien/{audio.pk}/tep")
    assert whole.status_code == 200 and whole["Accept-Ranges"] == "bytes"
    assert b"".join(whole.streaming_content) == AUDIO
    part = client.get(f"/thu-vien/{audio.pk}/tep", HTTP_RANGE="bytes=100-199")
    assert part.status_code == 206 and part["Content-Range"] == f"bytes 100-199/{len(AUDIO)}"
    assert b"".join(part.streaming_content) == AUDIO[100:200] and part["Content-Type"] == "audio/mpeg"
    tail = client.get(f"/thu-vien/{audio.pk}/tep", HTTP_RANGE="bytes=-10")
    assert b"".join(tail.streaming_content) == AUDIO[-10:]
    assert client.get(f"/thu-vien/{audio.pk}/tep", HTTP_RANGE=f"bytes={len(AUDIO) + 5}-").status_code == 416
    audio.refresh_from_db()
    assert audio.downloads == 1  # the ranges a player asks for afterwards are the same reading
    assert client.get(f"/thu-vien/{reserved.pk}/tep").status_code == 404  # linked only
    services.resource_withdraw(actor=teacher, resource=audio)
    assert client.get(f"/thu-vien/{audio.pk}/").status_code == 404
    assert client.get(f"/thu-vien/{audio.pk}/tep").status_code == 404


def test_search_ranks_title_matches_first_and_filters_by_collection(tree, make_user):
    from django.db import connection

    from lifelong.library.models import Collection
    from lifelong.library.selectors import public_resources

    teacher = make_user(tree.school, Membership.Role.EDITOR)
    shelf = Collection.objects.create(unit=tree.school, kind=Collection.Kind.CURATED, name="Lập trình cho em")
    link = {"kind": "link", "licence": "CC-BY-4.0", "url": "https://example.org/x"}
    in_title = services.resource_create(actor=teacher, unit=tree.school, collections=[shelf],
                                        data={**link, "title": "Lập trình Scratch cho thiếu nhi"})
    services.resource_create(actor=teacher, unit=tree.school, data={
        **link, "title": "Sổ tay câu lạc bộ", "description": "Buổi sinh hoạt về lập trình Scratch."})
    services.resource_create(actor=teacher, unit=tree.school, data={**link, "title": "Nấu ăn ngon"})
    found = list(public_resources(query="lap trinh scratch"))
    assert [r.title for r in found] == ["Lập trình Scratch cho thiếu nhi", "Sổ tay câu lạc bộ"]
    assert list(public_resources(query="LẬP TRÌNH", collection=shelf)) == [in_title]
    assert not public_resources(query="lap trinh python").exists()
    assert not public_resources(query="'&|!:*()").exists()  # query syntax is never passed through
    if connection.vendor == "postgresql":  # whole words or their beginnings, through the full-text index
        assert [r.title for r in public_resources(query="lap trin scra")][0] == in_title.title


def test_a_units_first_resource_makes_its_shelf_and_shared_libraries_are_browsed(client, tree, make_user):
    from lifelong.library.models import Collection

    teacher = make_user(tree.school, Membership.Role.EDITOR)
    link = {"kind": "link", "licence": "CC0-1.0", "url": "https://example.org/y"}
    first = services.resource_create(actor=teacher, unit=tree.school, data={**link, "title": "Bài một"})
    second = services.resource_create(actor=teacher, unit=tree.school, data={**link, "title": "Bài hai"})
    shelf = Collection.objects.get(unit=tree.school, kind="shelf")  # one shelf, made with the first resource
    assert set(shelf.resources.all()) == {first, second} and tree.school.name in shelf.name
    shared = Collection.objects.create(unit=tree.ministry, kind="shared", name="Thư viện dùng chung mẫu")
    shared.resources.add(second)
    home = client.get("/thu-vien/").content.decode()
    assert "Thư viện dùng chung mẫu (1)" in home and shelf.name not in home  # shelves are found by unit
    browsed = client.get(f"/thu-vien/?collection={shared.pk}").content.decode()
    assert "Bài hai" in browsed and "Bài một" not in browsed
    assert client.get("/thu-vien/?collection=abc").status_code == 200


def test_a_subject_is_browsed_exactly_without_tone_marks(client, tree, make_user):
    teacher = make_user(tree.school, Membership.Role.EDITOR)
    link = {"kind": "link", "licence": "CC0-1.0", "url": "https://example.org/z"}
    services.resource_create(actor=teacher, unit=tree.school, data={**link, "title": "A", "subjects": ["Kỹ năng số"]})
    services.resource_create(actor=teacher, unit=tree.school, data={
        **link, "title": "B", "subjects": ["kỹ năng số cho nông dân"]})  # another subject, that only begins alike
    page = client.get("/thu-vien/?subject=ky+nang+so").content.decode()
    assert "<strong>A</strong>" in page and "<strong>B</strong>" not in page
    detail = client.get(f"/thu-vien/{Resource.objects.get(title='A').pk}/").content.decode()
    assert "?subject=K%E1%BB%B9%20n%C4%83ng%20s%E1%BB%91" in detail  # each subject links to its list
