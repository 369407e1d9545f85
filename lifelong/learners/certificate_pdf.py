"""A certificate as a PDF (reportlab): A4 landscape, in Vietnamese, fonts embedded, with a QR code to its page.

The layout follows the usual Vietnamese certificate: the issuing body top left and the national name and
motto top right (as in the official documents, lifelong/plans/headers.py and lifelong/documents/nd30.py),
"GIẤY CHỨNG NHẬN", the holder's name, the activity, its date, time and hours, the organising unit, the
campaign and its theme, then the place and date of issue. The QR code and the code itself (bottom left)
lead to the public verification page, which is what makes the paper trustworthy: the PDF carries no
signature of its own. A revoked certificate's PDF says so across the page.

The text is set in Liberation Serif (metrics of Times New Roman, every Vietnamese letter), from the Debian
package fonts-liberation2 (scripts/ensure-system-deps installs it); reportlab embeds the subset used. Without
the font files nothing is drawn: CertificateFontMissing says which package to install, and the system check
learners.W001 warns at start-up.
"""

import io
from pathlib import Path

import segno
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from lifelong.documents.nd30 import MOTTO, NATIONAL_NAME
from lifelong.learners.models import Certificate
from lifelong.orgs.models import OrgUnit
from lifelong.plans.headers import body_lines, place_of

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
FONT_PACKAGE = "fonts-liberation2"
FONT_FILES = {"Regular": "LiberationSerif-Regular.ttf", "Bold": "LiberationSerif-Bold.ttf",
              "Italic": "LiberationSerif-Italic.ttf"}
FONT_PREFIX = "CertificateSerif"
ACCENT = HexColor("#a3161b")
INK = HexColor("#1b1f23")
MUTED = HexColor("#5b6670")
PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
TEXT_WIDTH = PAGE_WIDTH - 200


class CertificateFontMissing(ImproperlyConfigured):
    pass


def missing_fonts(font_dir: Path | None = None) -> list[Path]:
    font_dir = font_dir or FONT_DIR
    return [font_dir / name for name in FONT_FILES.values() if not (font_dir / name).is_file()]


def font(style: str) -> str:
    """The registered name of a style, registering the three TrueType files the first time."""
    name = f"{FONT_PREFIX}-{style}"
    if name not in pdfmetrics.getRegisteredFontNames():
        missing = missing_fonts()
        if missing:
            raise CertificateFontMissing(
                f"Certificates need the font {missing[0]} (Vietnamese letters): install the Debian package "
                f"{FONT_PACKAGE} (apt-get install {FONT_PACKAGE}; scripts/ensure-system-deps does it).")
        for each, filename in FONT_FILES.items():
            pdfmetrics.registerFont(TTFont(f"{FONT_PREFIX}-{each}", str(FONT_DIR / filename)))
    return name


def _lines(text: str, style: str, size: float, width: float, max_lines: int) -> list[str]:
    """The text wrapped to the width; what does not fit in max_lines ends with an ellipsis."""
    lines = simpleSplit(" ".join(text.split()), font(style), size, width) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and pdfmetrics.stringWidth(last + "…", font(style), size) > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return lines


def _centred(canvas: Canvas, x: float, y: float, lines: list[str], style: str, size: float,
             leading: float | None = None, colour=INK) -> float:
    """Draw the lines centred on x from y down; the y below the last one."""
    canvas.setFont(font(style), size)
    canvas.setFillColor(colour)
    for line in lines:
        canvas.drawCentredString(x, y, line)
        y -= leading or size * 1.3
    return y


def _fitting_size(text: str, style: str, largest: float, smallest: float, width: float) -> float:
    size = largest
    while size > smallest and pdfmetrics.stringWidth(text, font(style), size) > width:
        size -= 1
    return size


def _draw_qr(canvas: Canvas, url: str, x: float, y: float, size: float) -> None:
    """The QR code as vector squares (crisp at any zoom, no image library needed)."""
    qr = segno.make(url, error="m")
    rows = [list(row) for row in qr.matrix_iter(border=2)]
    module = size / len(rows)
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    for r, row in enumerate(rows):
        top = y + size - (r + 1) * module
        for c, dark in enumerate(row):
            if dark:
                canvas.rect(x + c * module, top, module, module, stroke=0, fill=1)


def _date_line(place: str, day) -> str:
    text = _("day %(day)s month %(month)s year %(year)s") % {
        "day": f"{day.day:02d}", "month": f"{day.month:02d}", "year": day.year}
    return f"{place}, {text}" if place else text[:1].upper() + text[1:]


def _session_text(certificate: Certificate) -> str:
    session = certificate.registration.session if certificate.registration_id else None
    if session is not None:
        start, end = timezone.localtime(session.starts_at), timezone.localtime(session.ends_at)
        if start.date() == end.date():
            when = f"{start:%d/%m/%Y}, {start:%H:%M}–{end:%H:%M}"
        else:
            when = f"{start:%H:%M %d/%m/%Y} – {end:%H:%M %d/%m/%Y}"
    else:  # the session was removed since: the activity's first and last day
        activity = certificate.activity
        if activity.starts_at is None:
            return ""
        first, last = timezone.localtime(activity.starts_at), timezone.localtime(activity.ends_at)
        when = f"{first:%d/%m/%Y}" if first.date() == last.date() else f"{first:%d/%m/%Y} – {last:%d/%m/%Y}"
    text = _("Date: %(when)s") % {"when": when}
    if certificate.hours:
        hours = certificate.hours.normalize()
        text += " · " + _("Duration: %(hours)s hours") % {"hours": f"{hours:f}".replace(".", ",")}
    return text


def render(certificate: Certificate, *, verify_url: str) -> bytes:
    """The PDF of a certificate (always in Vietnamese: it is an official paper)."""
    with translation.override("vi"):
        return _render(certificate, verify_url)


def _render(certificate: Certificate, verify_url: str) -> bytes:
    unit, activity, campaign = certificate.unit, certificate.activity, certificate.campaign
    ancestors = list(OrgUnit.objects.filter(path__in=unit.ancestor_paths()).order_by("path"))
    parent = ancestors[-1] if ancestors else None
    buffer = io.BytesIO()
    # The fonts first: nothing is drawn without them, and no standard (non-embedded) font is ever referenced.
    canvas = Canvas(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), pageCompression=1, initialFontName=font("Regular"),
                    initialFontSize=12)
    canvas.setTitle(f"{_('CERTIFICATE')} {certificate.code}")
    canvas.setAuthor(unit.name)
    canvas.setSubject(activity.title)
    canvas.setCreator("lifelong")

    # Frame: a thick outer line and a thin inner one.
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(3)
    canvas.rect(22, 22, PAGE_WIDTH - 44, PAGE_HEIGHT - 44)
    canvas.setLineWidth(0.8)
    canvas.rect(30, 30, PAGE_WIDTH - 60, PAGE_HEIGHT - 60)

    # Header: the issuing body on the left, the national name and motto on the right.
    left_x, right_x, top = PAGE_WIDTH * 0.25, PAGE_WIDTH * 0.70, PAGE_HEIGHT - 68
    parent_line, issuing = body_lines(unit, parent)
    y = top
    if parent_line:
        y = _centred(canvas, left_x, y, _lines(parent_line, "Regular", 12, 300, 2), "Regular", 12, 15)
    issuing_lines = [line for part in issuing.split("\n") for line in _lines(part, "Bold", 12, 300, 2)]
    y = _centred(canvas, left_x, y, issuing_lines, "Bold", 12, 15)
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.6)
    canvas.line(left_x - 40, y + 9, left_x + 40, y + 9)
    _centred(canvas, right_x, top, [NATIONAL_NAME], "Bold", 12)
    motto_width = pdfmetrics.stringWidth(MOTTO, font("Bold"), 13)
    _centred(canvas, right_x, top - 16, [MOTTO], "Bold", 13)
    canvas.line(right_x - motto_width / 2, top - 20, right_x + motto_width / 2, top - 20)

    # Body.
    centre = PAGE_WIDTH / 2
    y = PAGE_HEIGHT - 185
    y = _centred(canvas, centre, y, [_("CERTIFICATE")], "Bold", 36, 44, colour=ACCENT)
    y = _centred(canvas, centre, y - 4, [_("This is to certify that")], "Italic", 15, 30)
    name_size = _fitting_size(certificate.holder_name, "Bold", 26, 16, TEXT_WIDTH)
    y = _centred(canvas, centre, y, _lines(certificate.holder_name, "Bold", name_size, TEXT_WIDTH, 2), "Bold",
                 name_size, name_size * 1.25)
    if certificate.award:  # a prize: what was won, then where
        y = _centred(canvas, centre, y - 4, [_("has won")], "Regular", 14, 21)
        y = _centred(canvas, centre, y, _lines(certificate.award, "Bold", 18, TEXT_WIDTH, 2), "Bold", 18, 24,
                     colour=ACCENT)
        y = _centred(canvas, centre, y, [_("in")], "Regular", 14, 21)
    else:
        y = _centred(canvas, centre, y - 4, [_("took part in the activity")], "Regular", 14, 21)
    y = _centred(canvas, centre, y, _lines(activity.title, "Bold", 16, TEXT_WIDTH, 2), "Bold", 16, 20)
    when = _session_text(certificate)
    if when:
        y = _centred(canvas, centre, y - 2, [when], "Regular", 13, 18)
    organised = _("organised by %(unit)s within %(campaign)s") % {"unit": unit.name, "campaign": campaign.name}
    y = _centred(canvas, centre, y, _lines(organised, "Regular", 13, TEXT_WIDTH, 2), "Regular", 13, 17)
    if campaign.theme:
        theme = _("Theme: “%(theme)s”") % {"theme": campaign.theme}
        _centred(canvas, centre, y, _lines(theme, "Italic", 13, TEXT_WIDTH, 2), "Italic", 13, 17)

    # Place and date of issue, and the issuer, bottom right.
    issued = timezone.localtime(certificate.issued_at).date()
    sign_x, sign_y = PAGE_WIDTH * 0.72, 150
    y = _centred(canvas, sign_x, sign_y, [_date_line(place_of(unit, ancestors), issued)], "Italic", 13, 18)
    y = _centred(canvas, sign_x, y, _lines(unit.name.upper(), "Bold", 12, 330, 2), "Bold", 12, 15)
    _centred(canvas, sign_x, y - 4, [_("Electronic certificate: check it with the QR code")], "Italic", 10,
             colour=MUTED)

    # QR code and code, bottom left.
    qr_size, qr_x, qr_y = 92, 52, 48
    _draw_qr(canvas, verify_url, qr_x, qr_y, qr_size)
    text_x = qr_x + qr_size + 10
    canvas.setFillColor(INK)
    canvas.setFont(font("Bold"), 11)
    canvas.drawString(text_x, qr_y + 62, f"{_('Code')}: {certificate.code}")
    canvas.setFont(font("Regular"), 9)
    canvas.setFillColor(MUTED)
    canvas.drawString(text_x, qr_y + 47, _("Check it at:"))
    for i, line in enumerate(_lines(verify_url, "Regular", 9, 190, 3)):
        canvas.drawString(text_x, qr_y + 35 - i * 11, line)

    if not certificate.valid:
        canvas.saveState()
        canvas.translate(centre, PAGE_HEIGHT / 2)
        canvas.rotate(20)
        canvas.setFillColor(HexColor("#c0262c"))
        canvas.setFillAlpha(0.35)
        canvas.setFont(font("Bold"), 60)
        canvas.drawCentredString(0, 10, _("REVOKED"))
        canvas.setFont(font("Bold"), 26)
        canvas.drawCentredString(0, -30, _("on %(day)s") % {
            "day": f"{timezone.localtime(certificate.revoked_at):%d/%m/%Y}"})
        canvas.restoreState()

    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
