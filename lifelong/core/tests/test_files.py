"""Uploads are recognised by their content."""


def test_a_files_kind_is_read_from_its_content_not_its_name():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from lifelong.core.files import kind_by_content

    assert kind_by_content(SimpleUploadedFile("a.exe", b"%PDF-1.7 ..."), {"pdf"}) == "pdf"
    assert kind_by_content(SimpleUploadedFile("a.pdf", b"<html>"), {"pdf", "png"}) is None
    assert kind_by_content(SimpleUploadedFile("a.png", b"\x89PNG\r\n\x1a\n..."), {"pdf"}) is None  # not allowed
