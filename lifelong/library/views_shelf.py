"""A unit's digital bookshelf, for its officials: what it published (public or not), add, withdraw."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lifelong.activities.models import Activity
from lifelong.core import exports
from lifelong.core.errors import ServiceError
from lifelong.core.validation import parse_int_param
from lifelong.core.web import add_service_errors, flash_form_errors, flash_service_error
from lifelong.library import imports, selectors, services
from lifelong.library.forms import CollectionForm, ResourceForm, ResourceImportForm
from lifelong.library.models import Collection, Resource
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
    collections = Collection.objects.filter(unit=unit).annotate(
        listed=Count("resources", filter=Q(resources__withdrawn_at__isnull=True))).select_related("category")
    return render(request, "library/shelf.html", {
        "unit": unit, "breadcrumbs": org_selectors.unit_breadcrumbs(unit), "form": form, "totals": totals,
        "resources": Resource.objects.filter(unit=unit).order_by("-modified_at")[:200],
        "can_edit": can_edit(request.user, unit), "import_form": ResourceImportForm(unit=unit),
        "collections": collections, "collection_form": CollectionForm()}, status=status)


@login_required
@require_POST
def collection_create(request, pk: int):
    unit = get_object_or_404(OrgUnit, pk=pk)
    if not can_view(request.user, unit):
        raise Http404
    form = CollectionForm(request.POST)
    if form.is_valid():
        try:
            collection = services.collection_create(actor=request.user, unit=unit, **form.cleaned_data)
        except ServiceError as exc:
            flash_service_error(request, exc)
        else:
            messages.success(request, _("Collection made: %(name)s. Add resources to it from their pages.")
                             % {"name": collection.name})
    else:
        flash_form_errors(request, form)
    return redirect(reverse("library_shelf", args=[unit.pk]) + "#collections")


@login_required
@require_POST
def resource_collection(request, pk: int):
    """Put a resource in one of the officer's shared libraries or curated lists, or take it out."""
    resource = get_object_or_404(Resource, pk=pk)
    collection_id = parse_int_param(request.POST.get("collection"), minimum=1)
    collection = Collection.objects.select_related("unit").filter(pk=collection_id or 0).first()
    if collection is None or not can_view(request.user, collection.unit):
        messages.error(request, _("Choose one of your collections."))
        return redirect("library_resource", pk=resource.pk)
    listed = request.POST.get("action") != "unlist"
    try:
        services.collection_list(actor=request.user, collection=collection, resource=resource, listed=listed)
    except ServiceError as exc:
        flash_service_error(request, exc)
    else:
        messages.success(request, (_("Added to %(name)s.") if listed else _("Taken out of %(name)s."))
                         % {"name": collection.name})
    return redirect("library_resource", pk=resource.pk)


@login_required
@require_POST
def shelf_import(request, pk: int):
    """Many resources at once, from a spreadsheet or a MARCXML catalogue (the content tells which)."""
    unit = get_object_or_404(OrgUnit, pk=pk)
    if not can_view(request.user, unit):
        raise Http404
    form = ResourceImportForm(request.POST, request.FILES, unit=unit)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("library_shelf", pk=unit.pk)
    upload, collection = form.cleaned_data["file"], form.cleaned_data["collection"]
    data = upload.read(settings.LIBRARY_IMPORT_MAX_BYTES + 1)
    try:
        if data.lstrip()[:1] == b"<" or upload.name.lower().endswith(".xml"):
            result = imports.resources_import_marcxml(
                actor=request.user, unit=unit, filename=upload.name, data=data, collection=collection,
                default_licence=form.cleaned_data["default_licence"])
        else:
            result = {"created": len(imports.resources_import(actor=request.user, unit=unit, filename=upload.name,
                                                              data=data, collection=collection)), "skipped": 0}
    except ServiceError as exc:
        flash_service_error(request, exc)  # each row's problem on one line, with its row number
    else:
        messages.success(request, _("%(created)s resources published; %(skipped)s catalogue records without an "
                                    "electronic address skipped.") % result if result["skipped"] else
                         _("%(created)s resources published.") % result)
    return redirect("library_shelf", pk=unit.pk)


def shelf_import_sample(request, pk: int):
    rows = [["Sổ tay an toàn trên mạng", "https://example.org/so-tay.pdf", "Sách điện tử", "CC BY 4.0", "Tổ Tin học",
             "kỹ năng số; an toàn mạng", "Mật khẩu, lừa đảo qua mạng, bảo vệ thông tin cá nhân.", "Học sinh", 45,
             "", "", ""],
            ["Tin học cơ bản cho người lớn tuổi", "https://mooc.example.edu/tin-hoc", "Khóa học", "CC BY-NC-SA 4.0",
             "", "kỹ năng số", "", "Người cao tuổi", 600, "Trung tâm GDTX", "01/10/2025", "31/10/2025"]]
    return exports.xlsx_response("mau-hoc-lieu.xlsx", [exports.Sheet(
        "Hoc lieu", imports.TEMPLATE_HEADER, rows, column_widths={"A": 36, "B": 36, "C": 14, "D": 16, "F": 24})])


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


@login_required
@require_POST
def resource_activity(request, pk: int):
    """Link a resource to one of the officer's activities of kind d) or đ), or unlink it."""
    resource = get_object_or_404(Resource, pk=pk)
    activity_id = parse_int_param(request.POST.get("activity"), minimum=1)
    activity = Activity.objects.select_related("unit", "category").filter(pk=activity_id or 0).first()
    if activity is None or not can_view(request.user, activity.unit):
        messages.error(request, _("Choose one of your activities."))
        return redirect("library_resource", pk=resource.pk)
    linked = request.POST.get("action") != "unlink"
    try:
        services.resource_link_activity(actor=request.user, resource=resource, activity=activity, linked=linked)
    except ServiceError as exc:
        flash_service_error(request, exc)
        return redirect("library_resource", pk=resource.pk)
    messages.success(request, (_("Linked to %(activity)s.") if linked else _("No longer linked to %(activity)s."))
                     % {"activity": activity.title})
    return redirect("activity_detail", pk=activity.pk) if linked else redirect("library_resource", pk=resource.pk)


def activity_page_section(request, activity) -> str:
    """The activity page's part on the library (settings.ACTIVITY_PAGE_EXTRAS): the resources it introduces, and
    the curated lists made for its kind of activity."""
    if not selectors.activity_page_may_show(activity):
        return ""
    public = Resource.objects.filter(published=True, withdrawn_at__isnull=True)
    resources = list(public.filter(activities=activity).order_by("title")[:50])
    curated = [(collection, list(public.filter(collections=collection).order_by("-modified_at")[:5]))
               for collection in Collection.objects.filter(category_id=activity.category_id).order_by("name")[:3]]
    curated = [(collection, items) for collection, items in curated if items]
    if not resources and not curated:
        return ""
    return render_to_string("library/_activity_section.html", {
        "activity": activity, "resources": resources, "curated": curated,
        "can_edit": can_edit(request.user, activity.unit)}, request=request)
