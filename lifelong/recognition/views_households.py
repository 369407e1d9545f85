"""Households and clans of a commune: the list (its officials only), one by one or from a spreadsheet, and
their self-assessments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lifelong.core import exports
from lifelong.core.errors import ServiceError
from lifelong.core.validation import parse_int_param
from lifelong.core.web import add_service_errors, flash_form_errors, flash_service_error
from lifelong.orgs import selectors as org_selectors
from lifelong.orgs.models import OrgUnit
from lifelong.orgs.permissions import can_edit, can_view
from lifelong.recognition import households, selectors, services
from lifelong.recognition.forms import HouseholdForm, HouseholdImportForm
from lifelong.recognition.models import Assessment, Household, Scheme


@login_required
def household_list(request, pk: int):
    unit = get_object_or_404(OrgUnit, pk=pk, kind__in=[OrgUnit.Kind.COMMUNE, OrgUnit.Kind.VILLAGE])
    if not can_view(request.user, unit):
        raise Http404
    commune = households.commune_of(unit)
    if commune is None:  # a village outside any commune keeps no households
        raise Http404
    places = list(OrgUnit.objects.filter(path__startswith=unit.path, kind=OrgUnit.Kind.VILLAGE)
                  .exclude(pk=unit.pk).order_by("sort_key")) + [unit]
    form = HouseholdForm(request.POST or None, places=places)
    import_form = HouseholdImportForm(initial={"year": timezone.localdate().year - 1})
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            place = next(p for p in places if p.pk == data["unit"])
            try:
                households.household_create(actor=request.user, commune=commune, unit=place, kind=data["kind"],
                                            name=data["name"], members=data["members"])
            except ServiceError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Registered."))
                return redirect("recognition_households", pk=unit.pk)
    year = timezone.localdate().year
    listed = selectors.households_of(request.user, unit).prefetch_related("assessments__scheme")
    page = Paginator(listed, 100).get_page(request.GET.get("page"))
    assessed = set(Assessment.objects.filter(household__in=list(page.object_list), year=year - 1)
                   .values_list("household_id", flat=True))
    return render(request, "recognition/households.html", {
        "unit": unit, "commune": commune, "breadcrumbs": org_selectors.unit_breadcrumbs(unit), "form": form,
        "import_form": import_form, "page": page, "can_edit": can_edit(request.user, unit), "year": year,
        "sees_commune": can_view(request.user, commune),
        "assessed": assessed,
        "schemes": {s.target: s for s in selectors.schemes_for_year(year - 1, targets=[Scheme.Target.FAMILY,
                                                                                     Scheme.Target.CLAN])}},
        status=status)


@login_required
@require_POST
def household_import(request, pk: int):
    unit = get_object_or_404(OrgUnit, pk=pk, kind__in=[OrgUnit.Kind.COMMUNE, OrgUnit.Kind.VILLAGE])
    if not can_view(request.user, unit):
        raise Http404
    form = HouseholdImportForm(request.POST, request.FILES)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("recognition_households", pk=unit.pk)
    upload = form.cleaned_data["file"]
    try:
        result = households.households_import(actor=request.user, unit=unit, filename=upload.name,
                                              data=upload.read(), year=form.cleaned_data["year"])
    except ServiceError as exc:
        flash_service_error(request, exc)  # each row's problem on one line, with its row number
    else:
        messages.success(request, _("%(created)s registered, %(submitted)s self-assessments submitted.") % result)
    return redirect("recognition_households", pk=unit.pk)


def household_import_sample(request, pk: int):
    rows = [["Tổ dân phố số 1", "Gia đình", "Gia đình ông Nguyễn Văn A", 4, "Đạt"],
            ["Tổ dân phố số 1", "Dòng họ", "Dòng họ Nguyễn", 120, ""]]
    return exports.xlsx_response("mau-gia-dinh-dong-ho.xlsx",
                                 [exports.Sheet("Gia dinh dong ho", households.TEMPLATE_HEADER, rows,
                                                column_widths={"A": 22, "B": 12, "C": 36, "D": 14, "E": 12})])


@login_required
@require_POST
def household_assess(request, pk: int):
    household = get_object_or_404(Household.objects.select_related("unit"), pk=pk)
    if not can_view(request.user, household.unit):
        raise Http404
    scheme = Scheme.objects.filter(pk=parse_int_param(request.POST.get("scheme"), maximum=2_000_000_000) or 0).first()
    year = timezone.localdate().year - 1
    existing = Assessment.objects.filter(household=household, scheme=scheme, year=year).first()
    if existing is not None:
        return redirect("recognition_assessment", pk=existing.pk)
    if scheme is None:
        messages.error(request, _("Choose a title to assess."))
        return redirect("recognition_households", pk=household.unit_id)
    try:
        assessment = services.assessment_open_for_household(actor=request.user, scheme=scheme, year=year,
                                                            household=household)
    except ServiceError as exc:
        flash_service_error(request, exc)
        return redirect("recognition_households", pk=household.unit_id)
    return redirect("recognition_assessment", pk=assessment.pk)


@login_required
@require_POST
def household_erase(request, pk: int):
    household = get_object_or_404(Household.objects.select_related("unit"), pk=pk)
    if not can_view(request.user, household.unit):
        raise Http404
    try:
        households.household_erase(actor=request.user, household=household)
    except ServiceError as exc:
        flash_service_error(request, exc)
    else:
        messages.success(request, _("Erased, with its self-assessments."))
    return redirect("recognition_households", pk=household.unit_id)
