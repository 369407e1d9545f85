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


def _add(calendar: Calendar, activity) -> None:
    url = settings.SITE_URL.rstrip("/") + reverse("activity_detail", args=[activity.pk])
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
        event.add("description", f"{activity.category.name} · {activity.unit.name}\n{activity.description}\n{url}")
        event.add("url", url)
        if activity.status == "cancelled":
            event.add("status", "CANCELLED")
        calendar.add_component(event)


def ics_response(name: str, activities, filename: str) -> HttpResponse:
    calendar = _calendar(name)
    for activity in activities:
        _add(calendar, activity)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
