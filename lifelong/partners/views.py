"""Pages of school–business links: the public offers, one offer (apply), and a unit's partners for its officials."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lifelong.core.errors import ServiceError
from lifelong.core.web import add_service_errors, flash_service_error
from lifelong.orgs import selectors as org_selectors
from lifelong.orgs.models import OrgUnit
from lifelong.orgs.permissions import can_edit, can_view
from lifelong.partners import services
from lifelong.partners.forms import ApplyForm, BusinessForm, OfferForm
from lifelong.partners.models import Application, Offer


def _public_offers():
    today = timezone.localdate()
    return (Offer.objects.filter(published=True).filter(Q(apply_until__isnull=True) | Q(apply_until__gte=today))
            .select_related("business__unit"))


def offer_list(request):
    kind = request.GET.get("kind") or ""
    offers = _public_offers()
    if kind in Offer.Kind.values:
        offers = offers.filter(kind=kind)
    return render(request, "partners/list.html", {"offers": offers[:100], "kind": kind, "kinds": Offer.Kind.choices})


def offer_detail(request, pk: int):
    offer = get_object_or_404(Offer.objects.select_related("business__unit", "activity"), pk=pk, published=True)
    form = ApplyForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if form.is_valid():
            try:
                services.apply(actor=request.user, offer=offer, message=form.cleaned_data["message"],
                               school=form.cleaned_data.get("school"), people=form.cleaned_data.get("people") or 1)
            except ServiceError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Application sent: you will be told of the answer."))
                return redirect("offer_detail", pk=offer.pk)
    mine = Application.objects.filter(offer=offer, user=request.user).first() if request.user.is_authenticated \
        else None
    return render(request, "partners/offer.html", {"offer": offer, "form": form, "mine": mine},
                  status=400 if form.errors else 200)


@login_required
def unit_partners(request, pk: int):
    unit = get_object_or_404(OrgUnit, pk=pk)
    if not can_view(request.user, unit):
        raise Http404
    business_form = BusinessForm(request.POST if request.POST.get("form") == "business" else None)
    offer_form = OfferForm(request.POST if request.POST.get("form") == "offer" else None, unit=unit)
    if request.method == "POST":
        try:
            if request.POST.get("form") == "business" and business_form.is_valid():
                services.business_create(actor=request.user, unit=unit, data=business_form.cleaned_data)
                messages.success(request, _("Partner recorded."))
                return redirect("unit_partners", pk=unit.pk)
            if request.POST.get("form") == "offer" and offer_form.is_valid():
                data = dict(offer_form.cleaned_data)
                services.offer_create(actor=request.user, business=data.pop("business"), data=data,
                                      activity=data.pop("activity"))
                messages.success(request, _("Offer published."))
                return redirect("unit_partners", pk=unit.pk)
        except ServiceError as exc:
            add_service_errors(business_form if request.POST.get("form") == "business" else offer_form, exc)
    businesses = unit.businesses.annotate(offer_count=Count("offers"))
    applications = Application.objects.filter(offer__business__unit=unit).select_related(
        "offer", "user", "school").order_by("status", "-created_at")[:200]
    return render(request, "partners/unit.html", {
        "unit": unit, "breadcrumbs": org_selectors.unit_breadcrumbs(unit), "businesses": businesses,
        "business_form": business_form, "offer_form": offer_form, "applications": applications,
        "can_edit": can_edit(request.user, unit)}, status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def application_decide(request, pk: int):
    application = get_object_or_404(Application.objects.select_related("offer__business__unit"), pk=pk)
    unit = application.offer.business.unit
    if not can_view(request.user, unit):
        raise Http404
    try:
        services.decide(actor=request.user, application=application, accept=request.POST.get("accept") == "1")
    except ServiceError as exc:
        flash_service_error(request, exc)
    return redirect("unit_partners", pk=unit.pk)


def unit_page_section(request, unit: OrgUnit) -> str:
    """The unit page's part on partner businesses (settings.UNIT_PAGE_EXTRAS): its open offers, its officials' page."""
    offers = list(_public_offers().filter(business__unit=unit)[:5])
    viewer = can_view(request.user, unit)
    if not offers and not viewer:
        return ""
    return render_to_string("partners/_unit_section.html", {"unit": unit, "offers": offers, "can_view": viewer},
                            request=request)
