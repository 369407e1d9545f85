"""A unit's digital bookshelf, for its officials: what it published (public or not), add, withdraw."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Sum
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lifelong.core.errors import ServiceError
from lifelong.core.web import add_service_errors, flash_service_error
from lifelong.library import services
from lifelong.library.forms import ResourceForm
from lifelong.library.models import Resource
from lifelong.orgs import selectors as org_selectors
from lifelong.orgs.models import OrgUnit
from lifelong.orgs.permissions import can_edit, can_view


@login_required
def unit_shelf(request, pk: int):
    unit = get_object_or_404(OrgUnit, pk=pk)
    if not can_view(request.user, unit):
        raise Http404
    form = ResourceForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                resource = services.resource_create(actor=request.user, unit=unit, data=form.service_data(),
                                                    upload=form.cleaned_data.get("upload"))
            except ServiceError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Published: %(title)s.") % {"title": resource.title})
                return redirect("library_shelf", pk=unit.pk)
    totals = Resource.objects.filter(unit=unit).aggregate(views=Sum("views"), downloads=Sum("downloads"))
    return render(request, "library/shelf.html", {
        "unit": unit, "breadcrumbs": org_selectors.unit_breadcrumbs(unit), "form": form, "totals": totals,
        "resources": Resource.objects.filter(unit=unit).order_by("-modified_at")[:200],
        "can_edit": can_edit(request.user, unit)}, status=status)


@login_required
@require_POST
def resource_withdraw(request, pk: int):
    resource = get_object_or_404(Resource.objects.select_related("unit"), pk=pk)
    if not can_view(request.user, resource.unit):
        raise Http404
    try:
        services.resource_withdraw(actor=request.user, resource=resource)
    except ServiceError as exc:
        flash_service_error(request, exc)
    else:
        messages.success(request, _("Withdrawn: it is no longer offered, and harvesters are told so."))
    return redirect("library_shelf", pk=resource.unit_id)


def unit_page_section(request, unit: OrgUnit) -> str:
    """The unit page's part on the library (settings.UNIT_PAGE_EXTRAS): its public shelf, and its officials' page."""
    count = Resource.objects.filter(unit__path__startswith=unit.path, published=True,
                                    withdrawn_at__isnull=True).count()
    viewer = can_view(request.user, unit)
    if not count and not viewer:
        return ""
    return render_to_string("library/_unit_section.html", {"unit": unit, "count": count, "can_view": viewer},
                            request=request)
