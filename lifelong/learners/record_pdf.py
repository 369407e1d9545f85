"""The learning record as a PDF the learner can keep or show (the same fonts as the certificates)."""

import io

from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from lifelong.learners.certificate_pdf import font


def _hours(value) -> str:
    return formats.number_format(value, decimal_pos=1 if value % 1 else 0, force_grouping=True)


def render(record, profile) -> bytes:
    regular, bold = font("Regular"), font("Bold")
    body = ParagraphStyle("body", fontName=regular, fontSize=10.5, leading=14)
    small = ParagraphStyle("small", parent=body, fontSize=9, leading=12, textColor=colors.HexColor("#5b6670"))
    title = ParagraphStyle("title", parent=body, fontName=bold, fontSize=16, leading=20, spaceAfter=6)
    heading = ParagraphStyle("heading", parent=body, fontName=bold, fontSize=12, leading=16, spaceBefore=10,
                             spaceAfter=4)
    story = [Paragraph(escape(_("Lifelong learning record")), title),
             Paragraph(escape(profile.display_name) + (f" · {escape(profile.home_commune.name)}"
                                                        if profile.home_commune else ""), body),
             Paragraph(escape(_("As of %(day)s") % {"day": formats.date_format(timezone.localdate(),
                                                                                "SHORT_DATE_FORMAT")}), small),
             Spacer(1, 0.3 * cm),
             Paragraph(escape(_("%(h)s hours in %(n)s activities.") % {
                 "h": _hours(record.total_hours), "n": len(record.attended)}), body)]
    grid = TableStyle([("FONTNAME", (0, 0), (-1, -1), regular), ("FONTNAME", (0, 0), (-1, 0), bold),
                       ("FONTSIZE", (0, 0), (-1, -1), 9.5), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                       ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#d8dde2"))])
    if record.years:
        story.append(Paragraph(escape(_("Per year")), heading))
        rows = [[_("Year"), _("Hours"), _("Activities")]] + [
            [str(y.year), _hours(y.hours), str(y.activities)] for y in record.years]
        story.append(Table(rows, colWidths=[3 * cm, 3 * cm, 3 * cm], style=grid, hAlign="LEFT"))
    story.append(Paragraph(escape(_("What I took part in")), heading))
    if record.attended:
        rows = [[_("Date"), _("Activity"), _("Organiser"), _("Hours")]] + [
            [formats.date_format(item.day, "SHORT_DATE_FORMAT"), Paragraph(escape(item.activity.title), body),
             Paragraph(escape(item.activity.unit.name), small), _hours(item.hours)] for item in record.attended]
        story.append(Table(rows, colWidths=[2.4 * cm, 8.6 * cm, 4.6 * cm, 1.6 * cm], style=grid, repeatRows=1))
    else:
        story.append(Paragraph(escape(_("Nothing yet.")), body))
    story.append(Paragraph(escape(_("Certificates")), heading))
    for certificate in record.certificates:
        state = "" if certificate.valid else f" ({_('revoked')})"
        story.append(Paragraph(escape(f"{certificate.activity.title} · {certificate.unit.name} · "
                                      f"{certificate.code}{state}"), body))
    if not record.certificates:
        story.append(Paragraph(escape(_("No certificate yet.")), body))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm,
                      bottomMargin=2 * cm, title=str(_("Lifelong learning record"))).build(story)
    return buffer.getvalue()
