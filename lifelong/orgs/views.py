"""Pages of the unit browser, sub-unit management, members and the user's account.

Thin: each view reads through selectors, writes through services, and turns a ServiceError into
a message next to the form (never a 500).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lifelong.core.errors import PermissionDeniedError, ServiceError
from lifelong.core.web import add_service_errors
from lifelong.orgs import importing, permissions, selectors, services
from lifelong.orgs.forms import ApiTokenForm, InviteForm, UnitEditForm, UnitForm, UnitImportForm
from lifelong.orgs.models import Membership, OrgUnit

PAGE_SIZE = 100


def _unit_or_404(pk: int) -> OrgUnit:
    unit = selectors.unit_get(pk)
    if unit is None:
        raise Http404(_("No such unit."))
    return unit


def unit_browser(request):
    query = request.GET.get("q", "").strip()
    kind = request.GET.get("kind") or None
    if kind not in OrgUnit.Kind.values:
        kind = None
    context = {"query": query, "kind": kind, "kinds": OrgUnit.Kind.choices, "roots": selectors.unit_roots()}
    if query or kind:
        page = Paginator(selectors.unit_search(query, kind=kind), 50).get_page(request.GET.get("page"))
        context["results"] = page
    if request.htmx and (query or kind):
        return render(request, "orgs/_search_results.html", context)
    return render(request, "orgs/unit_browser.html", context)


def unit_detail(request, pk: int):
    unit = _unit_or_404(pk)
    query = request.GET.get("q", "").strip()
    children = Paginator(selectors.unit_children(unit), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "unit": unit,
        "breadcrumbs": selectors.unit_breadcrumbs(unit),
        "children": children,
        "kind_counts": [(OrgUnit.Kind(k).label, n) for k, n in sorted(selectors.unit_kind_counts(unit).items())],
        "query": query,
        "can_view": permissions.can_view(request.user, unit),
        "can_admin": permissions.can_admin(request.user, unit),
        "can_edit_unit": unit.parent is not None and permissions.can_admin(request.user, unit.parent),
        "add_form": UnitForm(),
        # What other apps show on a unit's page (its recognitions …), without orgs depending on them.
        "extras": [import_string(path)(request, unit) for path in settings.UNIT_PAGE_EXTRAS],
    }
    if query:
        context["results"] = Paginator(selectors.unit_search(query, within=unit), 50).get_page(1)
        if request.htmx:
            return render(request, "orgs/_search_results.html", context)
    return render(request, "orgs/unit_detail.html", context)


@login_required
@require_POST
def unit_add(request, pk: int):
    unit = _unit_or_404(pk)
    form = UnitForm(request.POST)
    if form.is_valid():
        try:
            child = services.unit_create(actor=request.user, parent=unit, **form.cleaned_data)
        except PermissionDeniedError as exc:
            raise PermissionDenied(exc.message) from exc
        except ServiceError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Added %(name)s.") % {"name": child.name})
            return redirect("unit_detail", pk=unit.pk)
    if not permissions.can_admin(request.user, unit):
        raise PermissionDenied
    context = {"unit": unit, "breadcrumbs": selectors.unit_breadcrumbs(unit), "add_form": form,
               "children": Paginator(selectors.unit_children(unit), PAGE_SIZE).get_page(1), "can_admin": True,
               "can_view": True, "kind_counts": []}
    return render(request, "orgs/unit_detail.html", context, status=400)


@login_required
def unit_edit(request, pk: int):
    unit = _unit_or_404(pk)
    if unit.parent is None or not permissions.can_admin(request.user, unit.parent):
        raise PermissionDenied
    if request.method == "POST":
        form = UnitEditForm(request.POST)
        if form.is_valid():
            try:
                services.unit_update(actor=request.user, unit=unit, **form.cleaned_data)
            except ServiceError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Saved."))
                return redirect("unit_detail", pk=unit.pk)
    else:
        form = UnitEditForm(initial={"name": unit.name, "kind": unit.kind, "code": unit.code or "",
                                     "version": unit.version})
    return render(request, "orgs/unit_edit.html",
                  {"unit": unit, "form": form, "breadcrumbs": selectors.unit_breadcrumbs(unit)},
                  status=400 if form.errors else 200)


@login_required
def unit_import(request, pk: int):
    unit = _unit_or_404(pk)
    if not permissions.can_admin(request.user, unit):
        raise PermissionDenied
    errors, created = [], None
    form = UnitImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            # One byte past the limit is enough for read_table to refuse an oversized file.
            data = upload.read(settings.UNIT_IMPORT_MAX_BYTES + 1)
            table = importing.read_table(upload.name, data)
            rows = importing.check_unit_rows(target=unit, table=table)
            created = services.units_import(actor=request.user, parent=unit, rows=rows, source_name=upload.name)
        except ServiceError as exc:
            errors = exc.details or [{"row": None, "field": "", "message": exc.message}]
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Imported %(count)d units.") % {"count": len(created)})
            return redirect("unit_detail", pk=unit.pk)
    return render(request, "orgs/unit_import.html",
                  {"unit": unit, "form": form, "errors": errors, "breadcrumbs": selectors.unit_breadcrumbs(unit)},
                  status=400 if form.errors else 200)


def unit_import_template(request, pk: int) -> HttpResponse:
    from lifelong.core.exports import csv_response

    # The headers and kinds officials write (orgs.importing reads the English ones too).
    return csv_response("don-vi-mau.csv", [["Tên đơn vị", "Loại", "Mã", "Mã đơn vị cấp trên"],
                                           ["Trường Tiểu học Ví dụ", "Trường", "", ""],
                                           ["Tổ dân phố số 1", "Tổ dân phố", "", ""]])


@login_required
def unit_members(request, pk: int):
    unit = _unit_or_404(pk)
    if not permissions.can_view(request.user, unit):
        raise PermissionDenied
    return _render_members(request, unit, InviteForm())


def _render_members(request, unit, form, status=200):
    return render(request, "orgs/unit_members.html", {
        "unit": unit,
        "breadcrumbs": selectors.unit_breadcrumbs(unit),
        "members": selectors.membership_list(actor=request.user, unit=unit),
        "can_admin": permissions.can_admin(request.user, unit),
        "form": form,
    }, status=status)


@login_required
@require_POST
def member_invite(request, pk: int):
    unit = _unit_or_404(pk)
    if not permissions.can_admin(request.user, unit):
        raise PermissionDenied
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            membership, new_user = services.membership_invite(
                actor=request.user, unit=unit, email=form.cleaned_data["email"], role=form.cleaned_data["role"],
                full_name=form.cleaned_data["full_name"], site_url=request.build_absolute_uri("/").rstrip("/"))
        except ServiceError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Invitation sent to %(email)s.") % {"email": membership.user.email})
            return redirect("unit_members", pk=unit.pk)
    return _render_members(request, unit, form, status=400)


@login_required
@require_POST
def member_remove(request, pk: int):
    membership = get_object_or_404(Membership.objects.select_related("unit", "user"), pk=pk)
    try:
        services.membership_remove(actor=request.user, membership=membership)
    except PermissionDeniedError as exc:
        raise PermissionDenied(exc.message) from exc
    messages.success(request, _("Removed %(user)s.") % {"user": membership.user.display_name()})
    return redirect("unit_members", pk=membership.unit_id)


@login_required
def account(request, token_form=None, new_key=None, status=200):
    return render(request, "orgs/account.html", {
        "memberships": selectors.membership_list_for_user(request.user),
        "tokens": selectors.api_token_list(request.user),
        "token_form": token_form or ApiTokenForm(),
        "new_key": new_key,
    }, status=status)


@login_required
@require_POST
def token_create(request):
    form = ApiTokenForm(request.POST)
    if form.is_valid():
        try:
            _token, key = services.api_token_create(actor=request.user, name=form.cleaned_data["name"])
        except ServiceError as exc:
            add_service_errors(form, exc)
        else:
            return account(request, new_key=key)
    return account(request, token_form=form, status=400)


@login_required
@require_POST
def token_revoke(request, pk: int):
    token = get_object_or_404(selectors.api_token_list(request.user), pk=pk)
    services.api_token_revoke(actor=request.user, token=token)
    messages.success(request, _("Token revoked."))
    return redirect("account")
