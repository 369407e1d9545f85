"""Pages of activities: the public calendar, detail, registration and ticket; the organisers' pages."""

import calendar as month_calendar
from datetime import date

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.module_loading import import_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from lifelong.activities import codes, ics, listing, selectors, services
from lifelong.activities.forms import (
    ActivityForm,
    ActivityImportForm,
    ActivityStatusForm,
    CheckInForm,
    CopyForm,
    RegistrationForm,
    WalkInForm,
)
from lifelong.activities.models import Activity, Registration, Session, TargetGroup
from lifelong.campaigns import selectors as campaign_selectors
from lifelong.core.cache import public_page
from lifelong.core.errors import ConflictError, ServiceError
from lifelong.core.ratelimits import rate_limited
from lifelong.core.replica import read_replica
from lifelong.core.validation import parse_date_param, parse_int_param
from lifelong.core.web import add_service_errors, flash_service_error
from lifelong.orgs import permissions
from lifelong.orgs import selectors as org_selectors
from lifelong.orgs.models import OrgUnit
from lifelong.orgs.views import _unit_or_404


def _filters(request) -> selectors.ActivityFilters:
    """The list's filters from the address; a value that makes no sense is simply not applied."""
    get = request.GET
    return selectors.ActivityFilters(
        query=get.get("q", "").strip()[:100], province=parse_int_param(get.get("province"), minimum=1),
        commune=parse_int_param(get.get("commune"), minimum=1),
        category=get.get("category", "")[:40], start=parse_date_param(get.get("from")),
        end=parse_date_param(get.get("to")),
        mode=get.get("mode", "") if get.get("mode") in Activity.Mode.values else "",
        group=get.get("group", "") if get.get("group") in TargetGroup.values else "",
        places_left=get.get("places") == "1", campaign=parse_int_param(get.get("campaign"), minimum=1),
        when="past" if get.get("when") == "past" else "upcoming")


def _filter_context(request, filters):
    # (id, name) pairs kept in the cache under the tree's version: one small read while the tree does not change.
    provinces, communes = org_selectors.place_choices(filters.province)
    return {
        "filters": filters, "provinces": provinces, "communes": communes,
        "categories": campaign_selectors.current_category_options(),
        "modes": Activity.Mode.choices, "groups": TargetGroup.choices,
    }


class CappedPaginator(Paginator):
    """The public list's pages: it counts at most CAP results, since nobody pages past a few hundred and an exact count
    of a search over a province's activities took a third of the list's time (docs/benchmarks.md).

    The ids of the first CAP + 1 matches are read once, in order (selectors.public_activity_ids): their number is the
    count, and a page is its slice of them, whose lines are read by id. Two queries whatever the page, no OFFSET."""

    CAP = 500

    def __init__(self, filters: selectors.ActivityFilters, per_page: int):
        super().__init__([], per_page)
        self.filters = filters

    @cached_property
    def ids(self) -> list[int]:
        return selectors.public_activity_ids(self.filters, self.CAP + 1)

    @cached_property
    def count(self) -> int:
        return len(self.ids)

    @property
    def capped(self) -> bool:
        return self.count > self.CAP

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        cards = selectors.public_activity_cards(self.ids[bottom:bottom + self.per_page])
        return self._get_page(listing.list_lines(cards), number, self)


@public_page
@read_replica
def activity_list(request):
    filters = _filters(request)
    page = CappedPaginator(filters, 20).get_page(request.GET.get("page"))  # of listing.Line
    context = {"page": page, **_filter_context(request, filters)}
    if request.htmx:
        return render(request, "activities/_list.html", context)
    return render(request, "activities/activity_list.html", context)


@public_page
@read_replica
def activity_calendar(request):
    filters = _filters(request)
    today = timezone.localdate()
    first = parse_date_param(request.GET.get("month", "")[:7] + "-01") or today.replace(day=1)
    last = first.replace(day=month_calendar.monthrange(first.year, first.month)[1])
    filters.start, filters.end = first, last
    days: dict[date, list] = {}
    for activity in selectors.public_activities(filters)[:2000]:
        for session in activity.sessions.all():
            day = timezone.localtime(session.starts_at).date()
            if first <= day <= last:
                days.setdefault(day, []).append((session, activity))
    weeks = month_calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    previous = (first.replace(day=1) - timezone.timedelta(days=1)).replace(day=1)
    following = last + timezone.timedelta(days=1)
    return render(request, "activities/calendar.html", {
        "weeks": [[(day, days.get(day, []), day.month == first.month) for day in week] for week in weeks],
        "first": first, "previous": previous, "following": following, "today": today,
        **_filter_context(request, filters)})


@public_page
@read_replica
def activity_detail(request, pk: int):
    activity = selectors.public_activity(pk)
    if activity is None:
        organiser_view = selectors.activity_for_organiser(request.user, pk)
        if organiser_view is None:
            raise Http404(_("No such activity."))
        activity = organiser_view
    now = timezone.now()
    return render(request, "activities/activity_detail.html", {
        "activity": activity, "sessions": [(s, s.ends_at >= now) for s in activity.sessions.all()],
        "form": listing.blank_registration_form(), "can_edit": permissions.can_edit(request.user, activity.unit),
        # What apps built on activities add to its page (the library's resources ...), without importing them.
        "extras": [import_string(path)(request, activity) for path in settings.ACTIVITY_PAGE_EXTRAS],
    })


@read_replica
def activity_ics(request, pk: int):
    activity = selectors.public_activity(pk)
    if activity is None:
        raise Http404
    return ics.ics_response(request, activity.title, [activity], f"hoat-dong-{activity.pk}.ics")


@read_replica
def feed_unit(request, pk: int):
    unit = _unit_or_404(pk)
    return ics.ics_response(request, unit.name, selectors.feed_activities(within=unit)[:5000], f"don-vi-{unit.pk}.ics")


@read_replica
def feed_province(request, code: str):
    province = get_object_or_404(OrgUnit, code=code, kind=OrgUnit.Kind.PROVINCE)
    return ics.ics_response(request, province.name, selectors.feed_activities(within=province)[:5000],
                            f"tinh-{province.code}.ics")


# Signing up uses no login or session, so a forged cross-site post can do nothing that a direct one
# cannot (the API's registration is open in the same way); without the token the detail page can be
# cached for every visitor.
@csrf_exempt
@require_POST
@rate_limited("registration")
def register(request, session_id: int):
    session = get_object_or_404(Session.objects.select_related("activity"), pk=session_id,
                                activity__published=True)
    form = RegistrationForm(request.POST)
    if form.is_valid():
        try:
            outcome = services.registration_create(session=session, account=request.user, **form.cleaned_data)
        except ServiceError as exc:
            add_service_errors(form, exc)
        else:
            if outcome.received_only:
                return render(request, "activities/registration_received.html", {"activity": session.activity,
                                                                                  "session": session})
            return redirect("ticket", code=outcome.registration.code)
    activity = session.activity
    return render(request, "activities/activity_detail.html", {
        "activity": activity, "sessions": [(s, s.ends_at >= timezone.now()) for s in activity.sessions.all()],
        "form": form, "form_session": session.pk, "blank_form": RegistrationForm(), "can_edit": False}, status=400)


def _ticket_or_404(code: str) -> Registration:
    if not codes.is_genuine(code):
        raise Http404
    return get_object_or_404(Registration.objects.select_related("session__activity"), code=codes.normalise(code))


@rate_limited("ticket")
def ticket(request, code: str):
    """The confirmation: QR code and code to type. Reachable only with the (secret) code itself."""
    registration = _ticket_or_404(code)
    qr = segno.make(registration.code, error="m")
    # A viewBox and no width/height (omitsize), so that the code scales to fill its box (app.css, .qr).
    svg = qr.svg_inline(scale=1, omitsize=True, dark="#000", light="#fff", title=_("QR code of your ticket"))
    return render(request, "activities/ticket.html", {
        "registration": registration, "activity": registration.session.activity,
        "display_code": codes.display(registration.code),
        "qr_svg": mark_safe(svg),  # noqa: S308 - segno's own SVG; it escapes the title
    })


@require_POST
@rate_limited("ticket")
def ticket_cancel(request, code: str):
    registration = _ticket_or_404(code)
    services.registration_cancel(registration=registration)
    messages.success(request, _("Your registration is cancelled and your name and contact were erased."))
    return redirect("activity_detail", pk=registration.session.activity_id)


@require_POST
@rate_limited("ticket")
def ticket_erase(request, code: str):
    """The holder erases their data (Nghị định 13/2023/NĐ-CP); the ticket stops working."""
    registration = _ticket_or_404(code)
    services.registration_erase_by_holder(registration=registration)
    messages.success(request, _("Your personal data for this registration was erased."))
    return redirect("activity_detail", pk=registration.session.activity_id)


# Organisers

def _organiser_activity(request, pk: int, *, edit: bool = True) -> Activity:
    activity = selectors.activity_for_organiser(request.user, pk)
    if activity is None:
        raise Http404
    if edit and not permissions.can_edit(request.user, activity.unit):
        raise PermissionDenied
    return activity


def _communes_for(unit: OrgUnit):
    province = services._province_of(unit)
    if province is None:
        return OrgUnit.objects.filter(kind=OrgUnit.Kind.COMMUNE).order_by("sort_key")
    return OrgUnit.objects.filter(parent=province, kind=OrgUnit.Kind.COMMUNE).order_by("sort_key")


@login_required
def unit_activities(request, pk: int):
    unit = _unit_or_404(pk)
    if not permissions.can_view(request.user, unit):
        raise PermissionDenied
    return render(request, "activities/unit_activities.html", {
        "unit": unit, "breadcrumbs": org_selectors.unit_breadcrumbs(unit),
        "activities": selectors.unit_activities(request.user, unit)[:200],
        "can_edit": permissions.can_edit(request.user, unit)})


@login_required
def activity_import(request, pk: int):
    """Many activities from one spreadsheet: every row is checked, and nothing is imported if one is wrong."""
    unit = _unit_or_404(pk)
    if not permissions.can_edit(request.user, unit):
        raise PermissionDenied
    campaign = campaign_selectors.campaign_current()
    if campaign is None:
        raise Http404(_("No campaign yet."))
    errors = []
    form = ActivityImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            # One byte past the limit is enough for the reader to refuse an oversized file.
            created = services.activities_import_file(actor=request.user, unit=unit, campaign=campaign,
                                                      filename=upload.name,
                                                      data=upload.read(settings.UNIT_IMPORT_MAX_BYTES + 1))
        except ServiceError as exc:
            errors = exc.details or [{"row": None, "field": "", "message": exc.message}]
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Imported %(count)d activities.") % {"count": len(created)})
            return redirect("unit_activities", pk=unit.pk)
    return render(request, "activities/import.html", {
        "unit": unit, "campaign": campaign, "form": form, "errors": errors,
        "breadcrumbs": org_selectors.unit_breadcrumbs(unit)}, status=400 if form.errors else 200)


@login_required
def activity_import_template(request, pk: int):
    from lifelong.activities.exports import import_template_xlsx

    _unit_or_404(pk)
    return import_template_xlsx(campaign_selectors.campaign_current())


@login_required
def activity_create(request, pk: int):
    unit = _unit_or_404(pk)
    if not permissions.can_edit(request.user, unit):
        raise PermissionDenied
    campaign = campaign_selectors.campaign_current()
    if campaign is None:
        raise Http404(_("No campaign yet."))
    form = ActivityForm(request.POST or None, campaign=campaign, communes=_communes_for(unit),
                        initial={"commune": getattr(services._commune_of(unit), "pk", None)})
    if request.method == "POST" and form.is_valid():
        try:
            activity = services.activity_create(actor=request.user, unit=unit, campaign=campaign,
                                                data=form.activity_data(), sessions=form.sessions(),
                                                published="publish" in request.POST)
        except ServiceError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Activity saved."))
            return redirect("activity_detail", pk=activity.pk)
    return render(request, "activities/activity_form.html", {
        "form": form, "unit": unit, "breadcrumbs": org_selectors.unit_breadcrumbs(unit)},
        status=400 if form.errors else 200)



@login_required
def activity_edit(request, pk: int):
    activity = _organiser_activity(request, pk)
    sessions = list(activity.sessions.all())
    initial = {"target_groups": activity.target_group_list(), "lock_version": activity.lock_version}
    for i, session in enumerate(sessions[:3], start=1):
        start, end = timezone.localtime(session.starts_at), timezone.localtime(session.ends_at)
        initial |= {f"day_{i}": start.date(), f"start_{i}": start.time(), f"end_{i}": end.time()}
    form = ActivityForm(request.POST or None, instance=Activity.objects.get(pk=activity.pk), initial=initial,
                        campaign=activity.campaign, communes=_communes_for(activity.unit))
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.activity_update(actor=request.user, activity=activity,
                                         lock_version=form.cleaned_data["lock_version"] or 0,
                                         data=form.activity_data(), sessions=form.sessions())
            except ServiceError as exc:
                status = 409 if isinstance(exc, ConflictError) else 400
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Activity saved."))
                return redirect("activity_detail", pk=activity.pk)
    return render(request, "activities/activity_form.html", {
        "form": form, "unit": activity.unit, "activity": activity,
        "breadcrumbs": org_selectors.unit_breadcrumbs(activity.unit)}, status=status)


@login_required
@require_POST
def activity_state(request, pk: int):
    activity = _organiser_activity(request, pk)
    action = request.POST.get("action")
    try:
        if action in ("publish", "unpublish"):
            services.activity_set_state(actor=request.user, activity=activity, published=action == "publish")
        elif action == "status":
            form = ActivityStatusForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Choose one of the statuses in the list."))
                return redirect("activity_detail", pk=activity.pk)
            services.activity_set_state(actor=request.user, activity=activity, status=form.cleaned_data["status"])
        elif action == "delete":
            unit_id = activity.unit_id
            services.activity_delete(actor=request.user, activity=activity)
            messages.success(request, _("The activity was deleted."))
            return redirect("unit_activities", pk=unit_id)
        elif action == "copy":
            form = CopyForm(request.POST)
            if not form.is_valid():
                for error in form.errors.get("first_day", []):  # says what was wrong with the date typed
                    messages.error(request, f"{request.POST.get('first_day', '')[:20]}: {error}")
                return redirect("activity_detail", pk=activity.pk)
            copy = services.activity_copy(actor=request.user, activity=activity,
                                          first_day=form.cleaned_data["first_day"])
            messages.success(request, _("Copied as a draft; check it and publish it."))
            return redirect("activity_edit", pk=copy.pk)
        else:
            messages.error(request, _("Unknown action."))
            return redirect("activity_detail", pk=activity.pk)
        messages.success(request, _("Saved."))
    except ServiceError as exc:
        flash_service_error(request, exc)
    return redirect("activity_detail", pk=activity.pk)


def _session_for_organiser(request, session_id: int) -> Session:
    session = get_object_or_404(Session.objects.select_related("activity__unit"), pk=session_id)
    if not permissions.can_edit(request.user, session.activity.unit):
        raise PermissionDenied
    return session


@login_required
@rate_limited("checkin", methods=("POST",))
def check_in(request, session_id: int):
    session = _session_for_organiser(request, session_id)
    form, walk_form, result, refused = CheckInForm(), WalkInForm(), None, None
    status = 200
    if request.method == "POST":
        try:
            if request.POST.get("action") == "walk_in":
                walk_form = WalkInForm(request.POST)
                if walk_form.is_valid():
                    result = services.walk_in(actor=request.user, session=session, **walk_form.cleaned_data)
                    walk_form = WalkInForm()
                else:
                    status = 400
            else:
                form = CheckInForm(request.POST)
                if form.is_valid():
                    result = services.check_in(actor=request.user, session=session, code=form.cleaned_data["code"])
                    form = CheckInForm()
        except ServiceError as exc:
            refused, status = exc.message, 400
    session.refresh_from_db()
    context = {"session": session, "activity": session.activity, "form": form, "walk_form": walk_form,
               "result": result, "refused": refused}
    if request.htmx and request.GET.get("counts"):  # polled every 5 s: the counts only
        return render(request, "activities/_counts.html", context)
    context["conflicts"] = list(selectors.offline_conflicts(request.user, session))
    return render(request, "activities/check_in.html", context, status=status)


@login_required
def session_registrations(request, session_id: int):
    session = _session_for_organiser(request, session_id)
    if request.GET.get("format") == "xlsx":
        from lifelong.activities.exports import registrations_xlsx

        return registrations_xlsx(session, selectors.session_registrations(request.user, session))
    return render(request, "activities/registrations.html", {
        "session": session, "activity": session.activity,
        "registrations": selectors.session_registrations(request.user, session)})


@login_required
@require_POST
def registration_erase(request, pk: int):
    registration = get_object_or_404(Registration.objects.select_related("session__activity__unit"), pk=pk)
    session_id = registration.session_id
    try:
        services.registration_erase(actor=request.user, registration=registration)
    except ServiceError as exc:
        flash_service_error(request, exc)
    else:
        messages.success(request, _("The person's data was deleted."))
    return redirect(reverse("session_registrations", args=[session_id]))
