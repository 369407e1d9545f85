"""What an uploaded file is, read from its first bytes (never from its name or the type the browser claims)."""

SIGNATURES = [(b"%PDF-", "pdf"), (b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpg"), (b"PK\x03\x04", "zip")]


def kind_by_content(upload, allowed: set[str]) -> str | None:
    """"pdf", "png", "jpg" or "zip" when the file starts as one and that kind is `allowed`; None otherwise. The
    file is read from the start and left there."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    kind = next((name for magic, name in SIGNATURES if head.startswith(magic)), None)
    return kind if kind in allowed else None
