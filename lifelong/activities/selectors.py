"""Reads of activities: the public calendar (published only) and the organisers' views (scoped)."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from lifelong.activities.models import Activity, Registration, Session
from lifelong.core.validation import search_words
from lifelong.orgs import permissions
from lifelong.orgs.models import OrgUnit


@dataclass
class ActivityFilters:
    query: str = ""
    province: int | None = None
    commune: int | None = None
    category: str = ""
    start: date | None = None
    end: date | None = None
    mode: str = ""
    group: str = ""
    places_left: bool = False
    campaign: int | None = None
    # Without dates: "upcoming" (not yet ended, soonest first) or "past" (latest first).
    when: str = "upcoming"


def _day_bounds(day: date, *, end: bool = False) -> datetime:
    moment = datetime.combine(day + timedelta(days=1) if end else day, time.min)
    return timezone.make_aware(moment, timezone.get_current_timezone())


def public_activities(filters: ActivityFilters) -> QuerySet[Activity]:
    """Published activities matching the filters, with their sessions.

    Without a date range, only upcoming ones (soonest first) or only past ones (latest first).
    """
    queryset = Activity.objects.filter(published=True).exclude(status=Activity.Status.CANCELLED)
    if filters.campaign:
        queryset = queryset.filter(campaign_id=filters.campaign)
    if filters.province:
        queryset = queryset.filter(province_id=filters.province)
    if filters.commune:
        queryset = queryset.filter(commune_id=filters.commune)
    if filters.category:
        queryset = queryset.filter(category__code=filters.category)
    if filters.mode:
        queryset = queryset.filter(mode=filters.mode)
    if filters.group:
        queryset = queryset.filter(target_groups__contains=f",{filters.group},")
    for word in search_words(filters.query):
        queryset = queryset.filter(search_key__contains=word)
    sessions = Session.objects.filter(activity=OuterRef("pk"))
    if filters.start:
        sessions = sessions.filter(ends_at__gte=_day_bounds(filters.start))
    if filters.end:
        sessions = sessions.filter(starts_at__lt=_day_bounds(filters.end, end=True))
    if filters.places_left:
        sessions = sessions.filter(Q(activity__capacity__isnull=True) | Q(confirmed_count__lt=F("activity__capacity")))
    if filters.start or filters.end or filters.places_left:
        queryset = queryset.filter(Exists(sessions))
    order = ["starts_at", "pk"]
    if not (filters.start or filters.end):
        if filters.when == "past":
            queryset, order = queryset.filter(ends_at__lt=timezone.now()), ["-starts_at", "-pk"]
        else:
            queryset = queryset.filter(ends_at__gte=timezone.now())
    return (queryset.select_related("category", "commune", "province", "unit")
            .prefetch_related(Prefetch("sessions", queryset=Session.objects.order_by("starts_at")))
            .order_by(*order))


def public_activity_cards(filters: ActivityFilters) -> QuerySet[Activity]:
    """public_activities with only what a line of the public list shows (the list is the busiest page)."""
    return public_activities(filters).only(
        "pk", "title", "mode", "capacity", "starts_at", "category__letter", "category__name", "commune__name",
        "province__name", "unit__name")


def public_activity(activity_id: int) -> Activity | None:
    return (Activity.objects.filter(pk=activity_id, published=True).select_related("category", "commune", "unit")
            .prefetch_related("sessions").first())


def activity_for_organiser(user, activity_id: int) -> Activity | None:
    """Any activity (drafts included) the user may see; None otherwise."""
    activity = Activity.objects.select_related("category", "commune", "unit", "campaign").filter(
        pk=activity_id).first()
    if activity is None or not permissions.can_view(user, activity.unit):
        return None
    return activity


def unit_activities(user, unit: OrgUnit) -> QuerySet[Activity]:
    if not permissions.can_view(user, unit):
        return Activity.objects.none()
    return (Activity.objects.filter(unit=unit).select_related("category")
            .prefetch_related("sessions").order_by("-pk"))


def feed_activities(*, within: OrgUnit) -> QuerySet[Activity]:
    """Published activities organised in a unit's subtree or happening there (for the .ics feeds)."""
    queryset = Activity.objects.filter(published=True).filter(
        Q(unit_path__startswith=within.path) | Q(commune__path__startswith=within.path))
    return queryset.select_related("category", "commune", "unit").prefetch_related("sessions")


def session_registrations(user, session: Session) -> QuerySet[Registration]:
    """Personal data: only for the organising unit's editors, who run the activity (docs/permissions.md)."""
    if not permissions.can_edit(user, session.activity.unit):
        return Registration.objects.none()
    return session.registrations.exclude(status=Registration.Status.CANCELLED).order_by(
        "status", "waiting_position", "created_at")
