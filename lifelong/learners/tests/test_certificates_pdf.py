"""The certificate's PDF: A4 landscape, Vietnamese text that can be read back, fonts embedded, a QR code to
the verification page; a clear refusal when the font is missing."""

import io
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from lifelong.learners import certificate_pdf, certificates
from lifelong.learners.models import Certificate
from lifelong.learners.tests import certificate_helpers

attended = certificate_helpers.attended  # a fixture
signing_key = certificate_helpers.signing_key  # a fixture

pytestmark = pytest.mark.django_db
VERIFY_URL = "https://hoctapsuotdoi.example.vn/chung-nhan/{code}/"


@pytest.fixture
def certificate(attended):
    certificates.certificates_issue(actor=attended.editor, activity=attended.activity)
    return Certificate.objects.select_related("unit", "activity", "campaign", "registration__session").get(
        registration=attended.an)


def text_of(pdf: bytes) -> str:
    return " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())


def test_the_pdf_reads_back_in_vietnamese_with_its_fonts_embedded(certificate):
    pdf = certificate_pdf.render(certificate, verify_url=VERIFY_URL.format(code=certificate.code))
    reader = PdfReader(io.BytesIO(pdf))
    [page] = reader.pages
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert (round(width), round(height)) == (842, 595)  # A4 landscape
    text = text_of(pdf)
    start = certificate.registration.session.starts_at.astimezone()
    for expected in ["GIẤY CHỨNG NHẬN", "Nguyễn Văn An", "Học tập suốt đời trong kỷ nguyên số", "Phường Tây Mỗ".upper(),
                     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Tuần lễ hưởng ứng học tập suốt đời năm 2025", "làm chủ tri thức và công nghệ",
                     f"{start:%d/%m/%Y}", "08:00–10:30", "2,5 giờ", certificate.code, "Tây Mỗ, ngày"]:
        assert expected in text, expected
    fonts = [page["/Resources"]["/Font"][name].get_object() for name in page["/Resources"]["/Font"]]
    assert fonts and all("LiberationSerif" in str(f["/BaseFont"]) for f in fonts)
    for font in fonts:  # a TrueType subset embedded, with a map back to Unicode
        descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        assert "/FontFile2" in descendant["/FontDescriptor"].get_object()
        assert "/ToUnicode" in font
    assert reader.metadata.title == f"GIẤY CHỨNG NHẬN {certificate.code}"


def test_a_revoked_certificate_says_so(certificate, attended):
    certificates.certificate_revoke(actor=attended.editor, certificate=certificate, reason="Nhầm")
    certificate.refresh_from_db()
    assert "ĐÃ THU HỒI" in text_of(certificate_pdf.render(certificate, verify_url="https://x.vn/"))


def test_long_names_and_titles_still_fit(certificate):
    certificate.holder_name = "Nguyễn " * 21
    certificate.activity.title = "Tập huấn kỹ năng số " * 15
    certificate.campaign.theme = "Chủ đề rất dài " * 40
    text = text_of(certificate_pdf.render(certificate, verify_url="https://x.vn/" + "a" * 300))
    assert "…" in text and "GIẤY CHỨNG NHẬN" in text


def test_a_missing_font_is_refused_with_the_package_to_install(certificate, monkeypatch, tmp_path):
    monkeypatch.setattr(certificate_pdf, "FONT_DIR", tmp_path)
    monkeypatch.setattr(certificate_pdf, "FONT_PREFIX", "MissingSerif")  # not registered yet
    with pytest.raises(certificate_pdf.CertificateFontMissing, match="fonts-liberation2"):
        certificate_pdf.render(certificate, verify_url="https://x.vn/")
    assert certificate_pdf.missing_fonts(tmp_path)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (scripts/ensure-system-deps)")
def test_it_renders_to_an_image(certificate, tmp_path):
    path = tmp_path / "certificate.pdf"
    path.write_bytes(certificate_pdf.render(certificate, verify_url=VERIFY_URL.format(code=certificate.code)))
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-singlefile", str(path), str(tmp_path / "page")], check=True,
                   timeout=60)
    assert (tmp_path / "page.png").stat().st_size > 10_000
