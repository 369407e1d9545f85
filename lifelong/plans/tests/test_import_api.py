"""`manage.py read_plan FILE` and POST /api/v1/plans/read give the same JSON: fields with confidence and span."""

import io
import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from lifelong.orgs.models import Membership
from lifelong.plans.models import Plan
from lifelong.plans.reading import FIELD_ORDER

TAY_MO = next((Path(__file__).resolve().parent / "fixtures" / "seeds").glob("002_*.txt"))


def _command(*args) -> dict:
    out = io.StringIO()
    call_command("read_plan", *args, stdout=out)
    return json.loads(out.getvalue())


def test_command_prints_every_field_with_confidence_and_span():
    reading = _command(str(TAY_MO))
    assert list(reading["fields"]) == list(FIELD_ORDER)
    theme = reading["fields"]["theme"]
    assert theme["value"].startswith("Học để phát triển bản thân") and theme["confidence"] >= 0.75
    start, end = theme["span"]
    assert theme["value"][:20] in reading["text"][start:end]
    assert reading["fields"]["number"]["value"] == "" and reading["fields"]["symbol"]["value"] == "KH-UBND"
    assert "text" not in _command(str(TAY_MO), "--without-text")


def test_command_refuses_unreadable_files_with_the_reason(tmp_path):
    scan = tmp_path / "scan.docx"
    scan.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    with pytest.raises(CommandError, match="docx"):
        call_command("read_plan", str(scan))
    with pytest.raises(CommandError, match="missing.txt"):
        call_command("read_plan", str(tmp_path / "missing.txt"))


@pytest.fixture
def api_client(client, tree, make_user):
    client.force_login(make_user(tree.taymo, Membership.Role.EDITOR))
    return client


def test_api_returns_the_same_json_as_the_command(api_client):
    response = api_client.post("/api/v1/plans/read", {"file": SimpleUploadedFile("ke-hoach.txt", TAY_MO.read_bytes())})
    assert response.status_code == 200
    assert response.json() == _command(str(TAY_MO))
    assert Plan.objects.count() == 0


@pytest.mark.parametrize(("content", "name"), [
    (b"", "a.txt"), (bytes(range(256)) * 8, "a.txt"), (b"%PDF-1.4", "a.pdf")])
def test_api_answers_unreadable_files_with_a_structured_error(api_client, content, name):
    response = api_client.post("/api/v1/plans/read", {"file": SimpleUploadedFile(name, content)})
    assert response.status_code in (400, 422)
    error = response.json()["error"]
    assert error["code"] in ("unreadable_document", "validation_error") and error["message"]


def test_api_needs_a_login(client, db):
    response = client.post("/api/v1/plans/read", {"file": SimpleUploadedFile("a.txt", TAY_MO.read_bytes())})
    assert response.status_code == 401
