"""Evidence for an indicator: a file, a link, or a record of the platform itself.

The Week's own plan, report and activities are evidence for a commune's "Cộng đồng học tập" (TC1: a plan, the
activities and a report for the Lifelong Learning Week), and the resources of a unit's digital bookshelf for the
indicators that ask for one: they are linked, not uploaded again. A record can
only be linked by someone who may see it, and only from the subject's own subtree; a learner links their own
certificates. Files are checked by content (PDF, images, Word/Excel), not by name, and limited in size.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from lifelong.activities.models import Activity
from lifelong.core.audit import audit_record
from lifelong.core.errors import ConflictError, PermissionDeniedError, ValidationFailed
from lifelong.core.files import kind_by_content
from lifelong.core.text import normalize_text
from lifelong.learners.models import Certificate
from lifelong.library.models import Resource
from lifelong.orgs.permissions import can_view
from lifelong.plans.models import Plan
from lifelong.recognition.models import Assessment, Evidence, Indicator
from lifelong.recognition.selectors import can_edit_assessment
from lifelong.reports.models import Report

MAX_EVIDENCE = 200
# Office files are zip containers: told apart by their name once their content says zip (core.files).
_ZIP_EXTENSIONS = (".docx", ".xlsx", ".pptx", ".odt", ".ods")


@dataclass
class RecordChoice:
    record_type: str
    record_id: int
    title: str
    url: str


def record_choices(user, assessment: Assessment) -> list[RecordChoice]:
    """The platform's records this subject may link as evidence, for its year: plans, reports, activities."""
    year = assessment.year
    if assessment.citizen_id:
        return [RecordChoice("certificate", c.pk, f"{_('Certificate')} {c.code}: {c.activity.title}",
                             reverse("certificate_verify", args=[c.code]))
                for c in Certificate.objects.filter(holder=user, revoked_at__isnull=True, issued_at__year=year)
                .select_related("activity")[:50]]
    unit = assessment.unit or assessment.home
    if not can_view(user, unit):
        return []
    choices = [RecordChoice("plan", p.pk, f"{_('Plan')}: {p.title or p.campaign.name}", reverse("plan_detail",
                                                                                              args=[p.pk]))
               for p in Plan.objects.filter(unit=unit, campaign__year=year).select_related("campaign")[:10]]
    choices += [RecordChoice("report", r.pk, f"{_('Report')}: {r.campaign.name}", reverse("report_edit",
                                                                                          args=[unit.pk]))
                for r in Report.objects.filter(unit=unit, campaign__year=year).select_related("campaign")[:5]]
    choices += [RecordChoice("activity", a.pk, f"{_('Activity')}: {a.title}", reverse("activity_detail", args=[a.pk]))
                for a in Activity.objects.filter(unit=unit, campaign__year=year).order_by("-pk")[:40]]
    # The unit's digital bookshelf ("tủ sách số"), which several schemes ask for.
    choices += [RecordChoice("resource", r.pk, f"{_('Library resource')}: {r.title}",
                             reverse("library_resource", args=[r.pk]))
                for r in Resource.objects.filter(unit=unit, withdrawn_at__isnull=True).order_by("-pk")[:40]]
    return choices


def record_url(item: Evidence) -> str:
    if item.kind == Evidence.Kind.LINK:
        return item.url
    if item.kind == Evidence.Kind.FILE:
        return reverse("recognition_evidence_file", args=[item.pk])
    if item.record_type == "plan":
        return reverse("plan_detail", args=[item.record_id])
    if item.record_type == "activity":
        return reverse("activity_detail", args=[item.record_id])
    if item.record_type == "report":
        report = Report.objects.filter(pk=item.record_id).only("unit_id").first()
        return reverse("report_edit", args=[report.unit_id]) if report else ""
    if item.record_type == "resource":
        return reverse("library_resource", args=[item.record_id])
    if item.record_type == "certificate":
        code = Certificate.objects.filter(pk=item.record_id).values_list("code", flat=True).first()
        return reverse("certificate_verify", args=[code]) if code else ""
    return ""


def _file_kind(upload) -> str | None:
    kind = kind_by_content(upload, {"pdf", "png", "jpg", "zip"})
    if kind == "zip" and not upload.name.lower().endswith(_ZIP_EXTENSIONS):
        return None
    return kind


def _check(actor, assessment: Assessment) -> Assessment:
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if not can_edit_assessment(actor, assessment):
        raise PermissionDeniedError()
    if not assessment.editable:
        raise ConflictError(_("This self-assessment has been submitted: it can no longer be changed."))
    return assessment


@transaction.atomic
def evidence_add(*, actor, assessment: Assessment, indicator: Indicator | None, title: str = "", url: str = "",
                 upload=None, record: str = "") -> Evidence:
    """Add one piece of evidence: `upload` (a file), `url` (a link) or `record` ("plan:12", "activity:7" …)."""
    assessment = _check(actor, assessment)
    if indicator is not None and indicator.criterion.scheme_id != assessment.scheme_id:
        raise ValidationFailed(details=[{"field": "indicator", "message": _("This indicator is not part of the "
                                                                            "scheme.")}])
    if assessment.evidence.count() >= MAX_EVIDENCE:
        raise ValidationFailed(_("A self-assessment holds at most %(n)s pieces of evidence.") % {"n": MAX_EVIDENCE})
    title = normalize_text(title)[:300]
    given = [bool(upload), bool(url.strip()), bool(record)]
    if sum(given) != 1:
        raise ValidationFailed(details=[{"field": "url", "message": _("Give a file, a link or a record of the "
                                                                      "platform (one of them).")}])
    item = Evidence(assessment=assessment, indicator=indicator, added_by=actor)
    if upload:
        if upload.size > settings.RECOGNITION_EVIDENCE_MAX_BYTES:
            raise ValidationFailed(details=[{"field": "upload", "message": _("The file is larger than %(n)s MB.") % {
                "n": settings.RECOGNITION_EVIDENCE_MAX_BYTES // (1024 * 1024)}}])
        if _file_kind(upload) is None:
            raise ValidationFailed(details=[{"field": "upload", "message": _(
                "Upload a PDF, a photo (JPEG, PNG) or a Word or Excel file.")}])
        item.kind, item.file, item.title = Evidence.Kind.FILE, upload, title or normalize_text(upload.name)[:300]
    elif url.strip():
        url = url.strip()
        if "://" not in url:  # "taymo.gov.vn/tin-tuc" as people type it
            url = "https://" + url
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            raise ValidationFailed(details=[{"field": "url", "message": _("The link is not a web address.")}]) \
                from None
        if len(url) > 500:
            raise ValidationFailed(details=[{"field": "url", "message": _("The link is too long.")}])
        item.kind, item.url, item.title = Evidence.Kind.LINK, url, title or url[:300]
    else:
        kind, _sep, raw_id = record.partition(":")
        choice = next((c for c in record_choices(actor, assessment)
                       if c.record_type == kind and str(c.record_id) == raw_id), None)
        if choice is None:
            raise ValidationFailed(details=[{"field": "record", "message": _("Choose one of the records offered.")}])
        item.kind, item.record_type, item.record_id = Evidence.Kind.RECORD, kind, choice.record_id
        item.title = title or choice.title[:300]
    item.save()
    audit_record(actor=actor, action="recognition.evidence.added", target=assessment, unit_id=assessment.home_id,
                 kind=item.kind)
    return item


@transaction.atomic
def evidence_remove(*, actor, item: Evidence) -> None:
    _check(actor, item.assessment)
    if item.file:
        item.file.delete(save=False)
    audit_record(actor=actor, action="recognition.evidence.removed", target=item.assessment,
                 unit_id=item.assessment.home_id)
    item.delete()
