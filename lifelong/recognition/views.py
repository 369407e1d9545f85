"""Pages of the self-assessment: a unit's titles, one self-assessment (answers, evidence, level, submission),
its dossier files. Reviews, decisions, rates and households are in views_review.py and views_households.py."""

from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lifelong.core.errors import ServiceError
from lifelong.core.validation import parse_int_param
from lifelong.core.web import flash_form_errors, flash_service_error
from lifelong.learners.services import profile_of
from lifelong.orgs import selectors as org_selectors
from lifelong.orgs.models import OrgUnit
from lifelong.orgs.permissions import can_edit, can_view
from lifelong.recognition import documents, evidence, selectors, services
from lifelong.recognition.forms import EvidenceForm, OpenForm, ReviewForm
from lifelong.recognition.models import Answer, Assessment, Evidence, Indicator, Scheme


def _version(raw: str | None) -> int:
    """The version the form was read at; one that cannot be read is never the current one (a conflict)."""
    version = parse_int_param(raw, minimum=1, maximum=2_000_000_000)
    return -1 if version is None else version


def assessment_or_404(request, pk: int) -> Assessment:
    """The assessment if the user may see it; otherwise 404, so that a sibling does not learn it exists."""
    assessment = get_object_or_404(Assessment.objects.select_related(
        "scheme", "home", "unit", "household", "citizen", "authority", "decision"), pk=pk)
    if not selectors.can_view_assessment(request.user, assessment):
        raise Http404
    return assessment


@login_required
def unit_recognition(request, pk: int):
    """A unit's self-assessments (its officials), the titles it can apply for, and where to review and count."""
    unit = get_object_or_404(OrgUnit, pk=pk)
    if not can_view(request.user, unit):
        raise Http404
    year = timezone.localdate().year
    offered = selectors.schemes_for_unit(unit, year) or selectors.schemes_for_unit(unit, year - 1)
    form = OpenForm(request.POST or None, schemes=offered, initial={"year": year - 1})
    if request.method == "POST":
        if not can_edit(request.user, unit):
            raise Http404
        if form.is_valid():
            scheme = next((s for s in offered if s.pk == form.cleaned_data["scheme"]), None)
            try:
                assessment = services.assessment_open_for_unit(actor=request.user, scheme=scheme, unit=unit,
                                                               year=form.cleaned_data["year"])
            except ServiceError as exc:
                flash_service_error(request, exc)
            else:
                messages.success(request, _("Self-assessment opened: answer each indicator and add evidence."))
                return redirect("recognition_assessment", pk=assessment.pk)
    return render(request, "recognition/unit.html", {
        "unit": unit, "breadcrumbs": org_selectors.unit_breadcrumbs(unit), "form": form, "offered": offered,
        "assessments": selectors.unit_assessments(request.user, unit), "can_edit": can_edit(request.user, unit),
        "reviewing": selectors.review_queue(request.user, unit).exclude(status=Assessment.Status.RECOGNISED)[:1],
        "keeps_households": unit.kind in (OrgUnit.Kind.COMMUNE, OrgUnit.Kind.VILLAGE)},
        status=400 if request.method == "POST" else 200)


def _posted_answers(post, indicators: list[Indicator], is_points: bool) -> dict[int, dict]:
    answers = {}
    for indicator in indicators:
        key = indicator.pk
        if f"note-{key}" not in post and f"met-{key}" not in post and f"points-{key}" not in post:
            continue
        met = post.get(f"met-{key}", "")
        answers[key] = {"met": {"1": True, "0": False}.get(met), "points": post.get(f"points-{key}", ""),
                        "note": post.get(f"note-{key}", "")}
    return answers


def _override(assessment: Assessment, answers: dict[int, dict], indicators: list[Indicator]) -> dict[int, Answer]:
    """Unsaved answers from the form, to show the level they would reach (and to redisplay a refused form).
    Points the service would refuse (not a number, out of range) count as not answered."""
    maxima = {i.pk: i.max_points if i.max_points is not None else 100 for i in indicators}
    found = {}
    for key, given in answers.items():
        points = None
        raw = str(given["points"] or "").strip().replace(",", ".")
        if raw and len(raw) <= 8:
            try:
                points = Decimal(raw)
            except InvalidOperation:
                points = None
            if points is not None and not (points.is_finite() and 0 <= points <= maxima.get(key, 100)):
                points = None
        found[key] = Answer(assessment=assessment, indicator_id=key, met=given["met"], points=points,
                            note=given["note"])
    return found


def _assessment_context(request, assessment: Assessment, override: dict | None = None) -> dict:
    view = selectors.assessment_view(assessment, answers_override=override)
    user = request.user
    editable = assessment.editable and selectors.can_edit_assessment(user, assessment)
    indicators = [row.indicator for block in view.blocks for row in block.rows]
    records = evidence.record_choices(user, assessment) if editable else []
    for item in [*view.general_evidence, *(e for block in view.blocks for row in block.rows for e in row.evidence)]:
        item.link = evidence.record_url(item)
    reviewable = assessment.status in (Assessment.Status.SUBMITTED, Assessment.Status.ACCEPTED) \
        and selectors.can_review(user, assessment)
    return {
        "assessment": assessment, "view": view, "editable": editable,
        "deadlines": selectors.deadlines(assessment.scheme, assessment.home, assessment.year)
        if assessment.scheme.needs_review else None,
        "evidence_form": EvidenceForm(indicators=indicators, records=records) if editable else None,
        "review_form": ReviewForm(levels=[lv for lv in view.levels if lv.number <= (assessment.level_applied or 0)],
                                  initial={"version": assessment.version, "level": assessment.level_applied,
                                           "action": "accept"}) if reviewable else None,
        "breadcrumbs": org_selectors.unit_breadcrumbs(assessment.home) + [assessment.home]
        if not assessment.citizen_id else [],
        "dossier_kinds": [("report", _("Self-assessment report")), ("summary", _("Summary sheet")),
                          ("letter", _("Cover letter (Tờ trình)"))] if not assessment.citizen_id else [],
    }


@login_required
def assessment_page(request, pk: int):
    assessment = assessment_or_404(request, pk)
    return render(request, "recognition/assessment.html", _assessment_context(request, assessment))


@login_required
@require_POST
def assessment_answers(request, pk: int):
    """Save the answers. Typed as they go (htmx, `autosave`): each change is saved and the level panel comes back
    with the new version for the forms; `preview` only shows the level the answers would reach."""
    assessment = assessment_or_404(request, pk)
    indicators = list(Indicator.objects.filter(criterion__scheme=assessment.scheme))
    answers = _posted_answers(request.POST, indicators, assessment.scheme.is_points)
    if request.POST.get("preview"):
        view = selectors.assessment_view(assessment, answers_override=_override(assessment, answers, indicators))
        return render(request, "recognition/_level.html", {"view": view, "assessment": assessment})
    if request.POST.get("autosave"):
        return _autosave(request, assessment, answers, indicators)
    version = _version(request.POST.get("version"))
    try:
        services.answers_save(actor=request.user, assessment=assessment, answers=answers, version=version,
                              summary=request.POST.get("summary"))
    except ServiceError as exc:
        flash_service_error(request, exc)
        context = _assessment_context(request, assessment, _override(assessment, answers, indicators))
        context["posted_summary"] = request.POST.get("summary", "")
        return render(request, "recognition/assessment.html", context, status=exc.status)
    messages.success(request, _("Saved."))
    return redirect(reverse("recognition_assessment", args=[assessment.pk]) + "#level")


def _autosave(request, assessment: Assessment, answers: dict, indicators: list[Indicator]):
    """The level panel after saving (with the saved time), or with why nothing was saved; always 200, so that htmx
    shows it. The forms' version fields are replaced out of band, so the next save starts from this one."""
    error = None
    try:
        assessment = services.answers_save(actor=request.user, assessment=assessment, answers=answers,
                                           version=_version(request.POST.get("version")),
                                           summary=request.POST.get("summary"))
    except ServiceError as exc:
        if exc.status == 403:
            raise PermissionDenied(exc.message) from None
        error = " ".join([str(exc.message)] + [str(d["message"]) for d in exc.details])
        view = selectors.assessment_view(assessment, answers_override=_override(assessment, answers, indicators))
    else:
        view = selectors.assessment_view(assessment)
    return render(request, "recognition/_level.html", {
        "view": view, "assessment": assessment, "autosaved": error is None, "save_error": error,
        "saved_at": timezone.localtime()})


@login_required
@require_POST
def assessment_submit(request, pk: int):
    assessment = assessment_or_404(request, pk)
    level, version = parse_int_param(request.POST.get("level"), maximum=9), _version(request.POST.get("version"))
    try:
        assessment = services.assessment_submit(actor=request.user, assessment=assessment, level=level,
                                                version=version)
    except ServiceError as exc:
        flash_service_error(request, exc)
    else:
        messages.success(request, _("Submitted to %(body)s.") % {"body": assessment.authority.name}
                         if assessment.scheme.needs_review else _("Recorded: congratulations!"))
    return redirect("recognition_assessment", pk=assessment.pk)


@login_required
@require_POST
def assessment_review(request, pk: int):
    assessment = assessment_or_404(request, pk)
    view = selectors.assessment_view(assessment)
    form = ReviewForm(request.POST, levels=view.levels)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("recognition_assessment", pk=assessment.pk)
    data = form.cleaned_data
    try:
        if data["action"] == "accept":
            services.assessment_accept(actor=request.user, assessment=assessment, level=data["level"],
                                       comment=data["comment"], version=data["version"])
            messages.success(request, _("Accepted. It will be recognised when the decision is issued."))
        elif data["action"] == "return":
            services.assessment_return(actor=request.user, assessment=assessment, comment=data["comment"],
                                       version=data["version"])
            messages.success(request, _("Returned for completion, with your comments."))
        else:
            services.assessment_refuse(actor=request.user, assessment=assessment, comment=data["comment"],
                                       version=data["version"])
            messages.success(request, _("Refused, with your comments."))
    except ServiceError as exc:
        flash_service_error(request, exc)
    return redirect("recognition_assessment", pk=assessment.pk)


@login_required
@require_POST
def evidence_add(request, pk: int):
    assessment = assessment_or_404(request, pk)
    indicators = list(Indicator.objects.filter(criterion__scheme=assessment.scheme).select_related("criterion"))
    form = EvidenceForm(request.POST, request.FILES, indicators=indicators,
                        records=evidence.record_choices(request.user, assessment))
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("recognition_assessment", pk=assessment.pk)
    data = form.cleaned_data
    indicator = next((i for i in indicators if i.pk == data["indicator"]), None)
    try:
        evidence.evidence_add(actor=request.user, assessment=assessment, indicator=indicator, title=data["title"],
                              url=data["url"], upload=data["upload"], record=data["record"])
    except ServiceError as exc:
        flash_service_error(request, exc)
    else:
        messages.success(request, _("Evidence added."))
    anchor = f"#indicator-{indicator.pk}" if indicator else "#evidence"
    return redirect(reverse("recognition_assessment", args=[assessment.pk]) + anchor)


@login_required
@require_POST
def evidence_remove(request, pk: int):
    item = get_object_or_404(Evidence.objects.select_related("assessment"), pk=pk)
    assessment = assessment_or_404(request, item.assessment_id)
    try:
        evidence.evidence_remove(actor=request.user, item=item)
    except ServiceError as exc:
        flash_service_error(request, exc)
    else:
        messages.success(request, _("Evidence removed."))
    return redirect("recognition_assessment", pk=assessment.pk)


@login_required
def evidence_file(request, pk: int):
    """An uploaded file, to those who may see its assessment (never a public address)."""
    item = get_object_or_404(Evidence.objects.select_related("assessment"), pk=pk, kind=Evidence.Kind.FILE)
    assessment_or_404(request, item.assessment_id)
    try:
        handle = item.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=item.file.name.rsplit("/", 1)[-1])
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def dossier_docx(request, pk: int, kind: str):
    assessment = assessment_or_404(request, pk)
    if kind not in documents.KINDS or assessment.citizen_id:
        raise Http404
    return documents.docx_response(documents.dossier_document(assessment, kind),
                                   documents.dossier_filename(assessment, kind))


@login_required
@require_POST
def assessment_delete(request, pk: int):
    assessment = assessment_or_404(request, pk)
    back = reverse("recognition_citizen") if assessment.citizen_id else reverse("recognition_unit",
                                                                                args=[assessment.home_id])
    try:
        services.assessment_delete(actor=request.user, assessment=assessment)
    except ServiceError as exc:
        flash_service_error(request, exc)
        return redirect("recognition_assessment", pk=assessment.pk)
    messages.success(request, _("Self-assessment deleted."))
    return redirect(back)


@login_required
def citizen_page(request):
    """Công dân học tập: a learner assesses themself; the result counts, anonymously, in their home commune."""
    profile = profile_of(request.user)
    year = timezone.localdate().year
    schemes = [s for s in selectors.schemes_for_year(year, targets=[Scheme.Target.CITIZEN]) if s.active]
    mine = list(selectors.citizen_assessments(request.user))
    opened = {(a.scheme_id, a.year) for a in mine}
    schemes = [s for s in schemes if (s.pk, year) not in opened]  # one self-assessment a year per title
    if request.method == "POST":
        scheme = next((s for s in schemes if str(s.pk) == request.POST.get("scheme")), None)
        if scheme is None:
            messages.error(request, _("Choose a title to assess."))
        else:
            try:
                assessment = services.assessment_open_for_citizen(actor=request.user, scheme=scheme, year=year,
                                                                  home_commune=profile.home_commune)
            except ServiceError as exc:
                flash_service_error(request, exc)
            else:
                return redirect("recognition_assessment", pk=assessment.pk)
        return redirect("recognition_citizen")
    return render(request, "recognition/citizen.html", {"profile": profile, "schemes": schemes, "mine": mine,
                                                         "year": year})


def unit_page_section(request, unit: OrgUnit) -> str:
    """The unit page's part on learning titles (settings.UNIT_PAGE_EXTRAS): its recognitions, for everyone, and
    the way to its self-assessments for its officials."""
    return render_to_string("recognition/_unit_section.html", {
        "unit": unit, "recognitions": selectors.unit_recognitions(unit)[:10],
        "can_view": can_view(request.user, unit),
        # Where the numbers mean something to a visitor: the country, a province, a commune, a village.
        "counts_here": unit.kind in (OrgUnit.Kind.MINISTRY, OrgUnit.Kind.PROVINCE, OrgUnit.Kind.COMMUNE,
                                     OrgUnit.Kind.VILLAGE)}, request=request)
