"""Round trip (issue 19): every plan document the platform generates, a plan (Kế hoạch) and a letter (Công văn),
as .docx and as the .pdf that LibreOffice makes of it (what an officer forwards), reads back to the fields it
was made from: kind, issuer, number, symbol, date, theme and the Week."""

import shutil
import subprocess
from datetime import date

import pytest

from lifelong.plans import services
from lifelong.plans.documents import plan_docx
from lifelong.plans.models import Plan
from lifelong.plans.reading import read_file

THEME = "Học để phát triển bản thân, làm chủ tri thức và công nghệ, góp phần xây dựng đất nước hùng cường, thịnh vượng"


def _pdf(docx_bytes: bytes, tmp_path) -> bytes:
    source = tmp_path / "plan.docx"
    source.write_bytes(docx_bytes)
    subprocess.run([shutil.which("libreoffice") or "libreoffice", "--headless", "--convert-to", "pdf", "--outdir",
                    str(tmp_path), str(source)], check=True, capture_output=True, timeout=120)
    return (tmp_path / "plan.pdf").read_bytes()


@pytest.mark.parametrize(("unit_name", "kind", "number", "symbol_end"), [
    ("ministry", Plan.DocKind.LETTER, "5607", "BGDĐT"),
    ("hanoi", Plan.DocKind.PLAN, "262", "KH-UBND"),
])
def test_generated_documents_read_back_to_their_fields(tree, campaign, tmp_path, unit_name, kind, number, symbol_end):
    unit = getattr(tree, unit_name)
    plan = services.plan_create_draft(actor=None, unit=unit, campaign=campaign, doc_kind=kind)
    plan = services.plan_update(actor=None, plan=plan, lock_version=plan.lock_version, fields={
        "number": number, "issue_date": date(2025, 9, 15), "theme": THEME,
        "time_and_venue": "Tuần lễ được tổ chức từ ngày 01/10/2025 đến ngày 07/10/2025."})
    plan = services.plan_publish(actor=None, plan=plan, lock_version=plan.lock_version).plan
    document = plan_docx(plan)
    for name, data in (("plan.docx", document), ("plan.pdf", _pdf(document, tmp_path))):
        fields = {key: found["value"] for key, found in read_file(data, name)["fields"].items()}
        assert fields["doc_kind"] == ("Công văn" if kind == Plan.DocKind.LETTER else "Kế hoạch"), name
        assert fields["number"] == number and symbol_end in fields["symbol"], (name, fields["symbol"])
        assert fields["issue_date"] == "2025-09-15", name
        assert " ".join(fields["issuing_body"].split()).casefold() == (
            plan.issuing_body_line or unit.name).replace("\n", " ").casefold(), (name, fields["issuing_body"])
        assert fields["theme"] == THEME, (name, fields["theme"])
        assert (fields["week_start"], fields["week_end"]) == ("2025-10-01", "2025-10-07"), name
        assert fields["year"] == 2025, name
