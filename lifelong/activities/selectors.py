"""Reads of activities: the public calendar (published only) and the organisers' views (scoped)."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import connection, connections
from django.db.models import DateTimeField, DurationField, Exists, F, OuterRef, Prefetch, Q, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.utils import timezone

from lifelong.activities import codes
from lifelong.activities.models import Activity, OfflineCheckIn, Registration, Session
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
    queryset, order = _matching(filters)
    return (queryset.select_related("category", "commune", "province", "unit")
            .prefetch_related(Prefetch("sessions", queryset=Session.objects.order_by("starts_at")))
            .order_by(*order))


def _matching(filters: ActivityFilters) -> tuple[QuerySet[Activity], list[str]]:
    """The published activities matching the filters, in one filter() (each call copies the query), and their order."""
    conditions = [~Q(status=Activity.Status.CANCELLED)]
    for field, value in (("campaign_id", filters.campaign), ("province_id", filters.province),
                         ("commune_id", filters.commune), ("category__code", filters.category),
                         ("mode", filters.mode)):
        if value:
            conditions.append(Q(**{field: value}))
    if filters.group:
        conditions.append(Q(target_groups__contains=f",{filters.group},"))
    conditions += [Q(search_key__contains=word) for word in search_words(filters.query)]
    if filters.start or filters.end or filters.places_left:
        sessions = Session.objects.filter(activity=OuterRef("pk"))
        if filters.start:
            sessions = sessions.filter(ends_at__gte=_day_bounds(filters.start))
        if filters.end:
            sessions = sessions.filter(starts_at__lt=_day_bounds(filters.end, end=True))
        if filters.places_left:
            sessions = sessions.filter(Q(activity__capacity__isnull=True)
                                       | Q(confirmed_count__lt=F("activity__capacity")))
        conditions.append(Exists(sessions))
    order = ["starts_at", "pk"]
    if not (filters.start or filters.end):
        now = timezone.now()
        if filters.when == "past":
            # Ended, so started too: the index on the start is read from now backwards, never through what is to come.
            conditions += [Q(ends_at__lt=now), Q(starts_at__lt=now)]
            order = ["-starts_at", "-pk"]
        else:
            conditions += _still_running_or_to_come(now)
    return Activity.objects.filter(*conditions, published=True), order


def _still_running_or_to_come(now: datetime) -> list:
    """The conditions of activities not yet ended. The list is in order of start, and what has ended lies at the start
    of that order (a month of the Week's past, then every earlier year): on PostgreSQL the start is also bounded from
    below by now minus the longest span of any published activity (one read of the index activity_span, migration
    0009). That bound follows from the end's (an activity that has not ended started at most that long ago), so it
    changes no result; it lets the index on the start begin at it instead of reading through all that has ended."""
    if connection.vendor != "postgresql":
        return [Q(ends_at__gte=now)]
    longest = RawSQL(f"SELECT max(ends_at - starts_at) FROM {Activity._meta.db_table} WHERE published", [],
                     output_field=DurationField())
    return [Q(ends_at__gte=now), Q(starts_at__gte=Value(now, output_field=DateTimeField()) - longest)]


def public_activity_ids(filters: ActivityFilters, limit: int) -> list[int]:
    """The ids of the first `limit` activities of the public list, in its order: on PostgreSQL one read of an index
    alone (migration 0009 holds in it what the filters and the search ask of each activity). Their number says how
    many there are, up to the limit, and a page is a slice of them."""
    queryset, order = _matching(filters)
    # Plain rows: up to CAP ids, and the ORM's work per row cost more than the query.
    sql, params = queryset.order_by(*order).values_list("pk")[:limit].query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


# What a line of the public list shows, read as plain values (the list is the busiest page).
CARD_FIELDS = ("pk", "title", "mode", "capacity", "starts_at", "category__letter", "category__name", "commune_id",
               "commune__name", "province_id", "province__name")


def public_activity_cards(ids: list[int]) -> list[dict]:
    """What the public list shows of the activities of `ids`, in the order of `ids`, in one query (no sessions: a line
    shows the first start, the activity's own starts_at)."""
    if not ids:
        return []
    found = {row["pk"]: row for row in Activity.objects.filter(pk__in=ids).order_by().values(*CARD_FIELDS)}
    return [found[pk] for pk in ids if pk in found]


def public_activity(activity_id: int) -> Activity | None:
    # In order of id, not of the model's (campaign, id): that would join the campaigns to sort one row.
    return (Activity.objects.filter(pk=activity_id, published=True).select_related("category", "commune", "unit")
            .prefetch_related("sessions").order_by("pk").first())


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


def check_in_roster(user, session: Session) -> list[dict]:
    """What a check-in device keeps for working offline: each confirmed ticket's code, name, group and whether it
    was checked in. No phone or e-mail: the door needs none (Nghị định 13/2023/NĐ-CP, data kept to the minimum)."""
    rows = session_registrations(user, session).filter(status=Registration.Status.CONFIRMED).values_list(
        "code", "name", "group", "checked_in_at")
    return [{"code": codes.display(code), "name": name, "group": group, "checked_in": checked_in_at is not None}
            for code, name, group, checked_in_at in rows]


def offline_conflicts(user, session: Session) -> QuerySet:
    """Codes that two devices checked in: the second sending, not counted, for the organiser to look at."""
    if not permissions.can_edit(user, session.activity.unit):
        return OfflineCheckIn.objects.none()
    return (OfflineCheckIn.objects.filter(session=session, outcome=OfflineCheckIn.Outcome.CONFLICT)
            .select_related("registration", "actor").order_by("-received_at")[:50])
