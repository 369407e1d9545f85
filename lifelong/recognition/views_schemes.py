"""Public pages of the schemes (criteria, sources, what is unconfirmed) and their editing by the Ministry."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lifelong.core.errors import ServiceError
from lifelong.core.validation import parse_int_param
from lifelong.core.web import flash_service_error
from lifelong.recognition import scheme_admin, selectors
from lifelong.recognition.models import Indicator, Scheme


def schemes_page(request):
    """Public: the titles rated, their source documents and what is still to be checked against them."""
    schemes = Scheme.objects.order_by("target", "-valid_from", "code")
    return render(request, "recognition/schemes.html", {"schemes": schemes})


def scheme_detail(request, pk: int):
    scheme = get_object_or_404(Scheme, pk=pk)
    levels, criteria, indicators = selectors.scheme_structure(scheme)
    blocks = [(c, [i for i in indicators if i.criterion_id == c.pk]) for c in criteria]
    editor = scheme_admin.can_edit_schemes(request.user)
    return render(request, "recognition/scheme_detail.html", {
        "scheme": scheme, "levels": levels, "blocks": blocks, "editor": editor,
        "frozen": scheme_admin.is_frozen(scheme) if editor else None,
        "rules": scheme.authority_rules.select_related("within", "authority_unit")})


def _int(raw) -> int | None:
    return parse_int_param(raw, maximum=100)


@login_required
@require_POST
def indicator_edit(request, pk: int, indicator_id: int):
    scheme = get_object_or_404(Scheme, pk=pk)
    indicator = get_object_or_404(Indicator.objects.select_related("criterion__scheme"), pk=indicator_id,
                                  criterion__scheme=scheme)
    try:
        scheme_admin.indicator_update(actor=request.user, indicator=indicator, text=request.POST.get("text", ""),
                                      confirmed=request.POST.get("confirmed") == "1",
                                      max_points=_int(request.POST.get("max_points")),
                                      min_points=_int(request.POST.get("min_points")),
                                      version=parse_int_param(request.POST.get("version"), maximum=2_000_000_000))
    except ServiceError as exc:
        flash_service_error(request, exc)
    else:
        messages.success(request, _("Saved."))
    return redirect(f"/recognition/schemes/{scheme.pk}/#i-{indicator.pk}")


@login_required
@require_POST
def scheme_mark(request, pk: int):
    scheme = get_object_or_404(Scheme, pk=pk)
    try:
        scheme_admin.scheme_mark(actor=request.user, scheme=scheme, confirmed=request.POST.get("confirmed") == "1",
                                 note=request.POST.get("note", ""), active=request.POST.get("active") == "1",
                                 version=parse_int_param(request.POST.get("version"), maximum=2_000_000_000))
    except ServiceError as exc:
        flash_service_error(request, exc)
    else:
        messages.success(request, _("Saved."))
    return redirect("recognition_scheme", pk=scheme.pk)


@login_required
@require_POST
def scheme_copy(request, pk: int):
    scheme = get_object_or_404(Scheme, pk=pk)
    try:
        new = scheme_admin.scheme_copy(actor=request.user, scheme=scheme, code=request.POST.get("code", ""),
                                       valid_from=parse_int_param(request.POST.get("valid_from"), maximum=2100))
    except ServiceError as exc:
        flash_service_error(request, exc)
        return redirect("recognition_scheme", pk=scheme.pk)
    messages.success(request, _("New version made: complete it, then it is offered from its first year."))
    return redirect("recognition_scheme", pk=new.pk)
