"""iCalendar (.ics) for one activity and for feeds: one VEVENT per session, no personal data."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//lifelong//Tuan le hoc tap suot doi//VI")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def _add(calendar: Calendar, activity, base_url: str) -> None:
    url = base_url.rstrip("/") + reverse("activity_detail", args=[activity.pk])
    online = activity.mode in (activity.Mode.ONLINE, activity.Mode.HYBRID) and activity.online_url
    if activity.mode == activity.Mode.ONLINE:  # nowhere to go but the link: no commune or organiser as a place
        place = activity.venue_name or activity.online_url
    else:
        place = ", ".join(filter(None, [activity.venue_name, activity.venue_address,
                                         activity.commune.name if activity.commune else ""]))
    for session in activity.sessions.all():
        event = Event()
        event.add("uid", f"session-{session.pk}@lifelong")
        event.add("summary", activity.title)
        event.add("dtstart", session.starts_at)
        event.add("dtend", session.ends_at)
        event.add("dtstamp", timezone.now())
        if place:
            event.add("location", place)
        link = f"\n{activity.online_url}" if online else ""
        event.add("description",
                  f"{activity.category.name} · {activity.unit.name}\n{activity.description}{link}\n{url}")
        event.add("url", url)
        if activity.status == "cancelled":
            event.add("status", "CANCELLED")
        calendar.add_component(event)


def ics_response(request, name: str, activities, filename: str) -> HttpResponse:
    """Links point at the host that served the file (SITE_URL when there is no request to go by)."""
    calendar = _calendar(name)
    base_url = request.build_absolute_uri("/") if request is not None else settings.SITE_URL
    for activity in activities:
        _add(calendar, activity, base_url)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
