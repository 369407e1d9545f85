"""Pages of the recognising body (dossiers submitted to it, its decisions) and of the numbers (rates)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lifelong.core import exports
from lifelong.core.errors import ServiceError
from lifelong.core.validation import parse_int_param
from lifelong.core.web import add_service_errors, flash_service_error
from lifelong.orgs import selectors as org_selectors
from lifelong.orgs.models import OrgUnit
from lifelong.orgs.permissions import can_edit, can_view
from lifelong.recognition import charts, decisions, documents, rates, selectors, services
from lifelong.recognition.forms import DecisionForm
from lifelong.recognition.models import Assessment, Decision, Scheme


def _unit_visible(request, pk: int) -> OrgUnit:
    unit = get_object_or_404(OrgUnit, pk=pk)
    if not can_view(request.user, unit):
        raise Http404
    return unit


def _year(request) -> int:
    this_year = timezone.localdate().year
    year = parse_int_param(request.GET.get("year"), minimum=2000, maximum=this_year)
    return year or this_year - 1


@login_required
def review_queue(request, pk: int):
    """Dossiers submitted to this unit as recognising body, by scheme; accept in bulk; prepare the decision."""
    unit = _unit_visible(request, pk)
    year = parse_int_param(request.GET.get("year"), minimum=2000, maximum=timezone.localdate().year) \
        or selectors.year_waiting(unit) or _year(request)
    status = request.GET.get("status") or ""
    if status not in Assessment.Status.values:
        status = ""
    dossiers = list(selectors.review_queue(request.user, unit, year=year, status=status or None)[:500])
    by_scheme: dict[Scheme, list[Assessment]] = {}
    for item in dossiers:
        by_scheme.setdefault(item.scheme, []).append(item)
    decisions_of_year = list(Decision.objects.filter(authority=unit, year=year).select_related("scheme")
                             .order_by("status", "-pk"))  # drafts first
    return render(request, "recognition/reviews.html", {
        "unit": unit, "breadcrumbs": org_selectors.unit_breadcrumbs(unit), "year": year, "status": status,
        "statuses": Assessment.Status.choices, "decisions": decisions_of_year,
        "by_scheme": [(scheme, items, any(a.status == Assessment.Status.SUBMITTED for a in items),
                       any(a.status == Assessment.Status.ACCEPTED and a.decision_id is None for a in items))
                      for scheme, items in by_scheme.items()],
        "can_edit": can_edit(request.user, unit), "years": range(timezone.localdate().year, 2022, -1)})


@login_required
@require_POST
def review_bulk_accept(request, pk: int):
    """Accept every selected dossier at the level it applied for (households and villages come by the hundred)."""
    unit = _unit_visible(request, pk)
    # Each ticked box is "id:version": a dossier returned and sent again since the list was read is not
    # accepted unseen.
    wanted = {}
    for raw in request.POST.getlist("ids")[:500]:
        pk, _sep, version = raw.partition(":")
        pk, version = parse_int_param(pk, minimum=1), parse_int_param(version, minimum=1, maximum=2_000_000_000)
        if pk and version:
            wanted[pk] = version
    accepted, refused = 0, []
    waiting = Assessment.objects.filter(pk__in=list(wanted), authority=unit, status=Assessment.Status.SUBMITTED)
    for assessment in waiting:
        try:
            services.assessment_accept(actor=request.user, assessment=assessment, version=wanted[assessment.pk])
            accepted += 1
        except ServiceError as exc:
            refused.append(f"{assessment.subject_name}: {exc.message}")
    if accepted:
        messages.success(request, _("%(n)s dossiers accepted.") % {"n": accepted})
    for line in refused[:10]:
        messages.error(request, line)
    if not accepted and not refused:
        messages.error(request, _("Tick the dossiers to accept."))
    return redirect(f"{request.path.rsplit('accept/', 1)[0]}?year={request.POST.get('year', '')}")


@login_required
@require_POST
def decision_prepare(request, pk: int):
    unit = _unit_visible(request, pk)
    scheme = get_object_or_404(Scheme, pk=parse_int_param(request.POST.get("scheme"), maximum=10**9) or 0)
    year = parse_int_param(request.POST.get("year"), minimum=2000, maximum=2100) or _year(request)
    try:
        decision = decisions.decision_prepare(actor=request.user, authority=unit, scheme=scheme, year=year)
    except ServiceError as exc:
        flash_service_error(request, exc)
        return redirect("recognition_reviews", pk=unit.pk)
    return redirect("recognition_decision", pk=decision.pk)


def _decision_or_404(request, pk: int) -> Decision:
    """The recognising body's officials see its decisions; a unit listed in an issued one sees that one too."""
    decision = get_object_or_404(Decision.objects.select_related("authority", "scheme"), pk=pk)
    if can_view(request.user, decision.authority):
        return decision
    if decision.status == Decision.Status.ISSUED and any(
            can_view(request.user, a.home) for a in decision.assessments.select_related("home")[:500]):
        return decision
    raise Http404


@login_required
def decision_page(request, pk: int):
    decision = _decision_or_404(request, pk)
    initial = {"number": decision.number, "symbol": decision.symbol, "issued_on": decision.issued_on,
               "signer_title": decision.signer_title, "signer_name": decision.signer_name,
               "version": decision.version}
    form = DecisionForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                decision = decisions.decision_save(actor=request.user, decision=decision,
                                                   issue="issue" in request.POST, **data)
                messages.success(request, _("The decision is issued: the recognitions are official.")
                                 if "issue" in request.POST else _("Saved."))
            except ServiceError as exc:
                add_service_errors(form, exc)
            else:
                return redirect("recognition_decision", pk=decision.pk)
    listed = decision.assessments.select_related("unit", "household", "home").order_by("home__path", "pk")
    return render(request, "recognition/decision.html", {
        "decision": decision, "form": form, "listed": listed, "levels": {lv.number: lv.name
                                                                         for lv in decision.scheme.levels.all()},
        "editable": decision.status == Decision.Status.DRAFT and can_edit(request.user, decision.authority),
        "breadcrumbs": org_selectors.unit_breadcrumbs(decision.authority) + [decision.authority]}, status=status)


@login_required
def decision_docx(request, pk: int):
    decision = _decision_or_404(request, pk)
    return documents.docx_response(documents.decision_document(decision),
                                   f"quyet-dinh-{decision.scheme.short_title}-{decision.year}")


def rates_page(request, pk: int):
    """Counts and rates for the unit's subtree, against the targets; public like the report totals, except drafts."""
    unit = get_object_or_404(OrgUnit, pk=pk)
    year = _year(request)
    rows = rates.unit_rates(unit, year)
    if request.GET.get("format") == "xlsx":
        return exports.xlsx_response(f"cong-nhan-{unit.pk}-{year}.xlsx", [rates.rates_sheet(unit, year, rows)])
    return render(request, "recognition/rates.html", {
        "unit": unit, "year": year, "rows": rows, "chart": charts.rates_chart(rows),
        "breadcrumbs": org_selectors.unit_breadcrumbs(unit), "years": range(timezone.localdate().year, 2022, -1),
        "children": org_selectors.unit_children(unit).filter(kind__in=[
            OrgUnit.Kind.PROVINCE, OrgUnit.Kind.COMMUNE, OrgUnit.Kind.VILLAGE])[:200]})
