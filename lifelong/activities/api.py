"""/api/v1 endpoints of activities: public reading and registration; organisers write and check in."""

from datetime import datetime
from typing import Literal
from uuid import UUID

from django.conf import settings
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, File, Query, Router, Schema, Status
from ninja.files import UploadedFile

from lifelong.activities import codes, offline, selectors, services
from lifelong.activities.models import Activity, Session
from lifelong.campaigns import selectors as campaign_selectors
from lifelong.core.api import AUTH, OPTIONAL_AUTH
from lifelong.core.errors import PermissionDeniedError, ValidationFailed
from lifelong.core.ratelimits import RateLimitThrottle
from lifelong.core.schema import Count, Day, Id, Moment, Offset, Text
from lifelong.orgs import permissions
from lifelong.orgs import selectors as org_selectors
from lifelong.orgs.models import OrgUnit

router = Router(tags=["activities"])


class SessionOut(Schema):
    id: int
    starts_at: datetime
    ends_at: datetime
    places_left: int | None
    waiting: int


class ActivityOut(Schema):
    id: int
    campaign_id: int
    unit_id: int
    unit_name: str
    category: str
    title: str
    description: str
    venue_name: str
    venue_address: str
    commune_id: int | None
    province_id: int | None
    mode: str
    online_url: str
    target_groups: list[str]
    capacity: int | None
    registration_required: bool
    status: str
    published: bool
    lock_version: int
    sessions: list[SessionOut]


class ActivityPage(Schema):
    count: int
    items: list[ActivityOut]


class SessionIn(Schema):
    starts_at: Moment
    ends_at: Moment


class ActivityIn(Schema):
    unit_id: Id
    campaign_id: Id | None = None
    category: Text(40)
    title: Text(300)
    description: Text(20_000) = ""
    venue_name: Text(300) = ""
    venue_address: Text(500) = ""
    commune_id: Id | None = None
    mode: Activity.Mode = Activity.Mode.IN_PERSON
    online_url: Text(200) = ""
    target_groups: list[Text(20)] = Field(default=[], max_length=10)
    capacity: Count | None = None
    registration_required: bool = False
    partners: Text(5_000) = ""
    sessions: list[SessionIn] = Field(max_length=50)
    published: bool = False


class ActivityPatch(Schema):
    lock_version: Count
    title: Text(300) | None = None
    description: Text(20_000) | None = None
    venue_name: Text(300) | None = None
    capacity: Count | None = None
    status: Activity.Status | None = None
    published: bool | None = None
    sessions: list[SessionIn] | None = Field(default=None, max_length=50)


class RegistrationIn(Schema):
    name: Text(150)
    phone: Text(30) = ""
    email: Text(254) = ""
    group: Text(20)
    consent: bool


class TicketOut(Schema):
    code: str | None
    status: str
    waiting_position: int | None
    message: str = ""


class RegistrationOut(Schema):
    id: int
    name: str
    phone: str
    email: str
    group: str
    status: str
    waiting_position: int | None
    checked_in_at: datetime | None
    walk_in: bool


class CheckInIn(Schema):
    code: Text(40)


class RosterEntryOut(Schema):
    code: str
    name: str
    group: str
    checked_in: bool


class RosterOut(Schema):
    session: int
    title: str
    starts_at: datetime
    capacity: int | None
    confirmed: int
    checked_in: int
    registrations: list[RosterEntryOut]


class QueuedCheckInIn(Schema):
    key: UUID
    kind: Literal["check_in", "walk_in"]
    code: Text(40) = ""
    name: Text(150) = ""
    group: Text(20) = ""
    phone: Text(30) = ""
    at: Moment | None = None


class CheckInSyncIn(Schema):
    device: Text(40)
    items: list[QueuedCheckInIn] = Field(max_length=offline.MAX_ITEMS)


class SyncResultOut(Schema):
    key: str
    outcome: str
    message: str
    name: str
    code: str


class CheckInSyncOut(Schema):
    results: list[SyncResultOut]
    confirmed: int
    checked_in: int


def _out(activity: Activity) -> dict:
    return {
        "id": activity.pk, "campaign_id": activity.campaign_id, "unit_id": activity.unit_id,
        "unit_name": activity.unit.name, "category": activity.category.code, "title": activity.title,
        "description": activity.description, "venue_name": activity.venue_name,
        "venue_address": activity.venue_address, "commune_id": activity.commune_id,
        "province_id": activity.province_id, "mode": activity.mode, "online_url": activity.online_url,
        "target_groups": activity.target_group_list(), "capacity": activity.capacity,
        "registration_required": activity.registration_required, "status": activity.status,
        "published": activity.published, "lock_version": activity.lock_version,
        "sessions": [{"id": s.pk, "starts_at": s.starts_at, "ends_at": s.ends_at, "places_left": s.places_left(),
                      "waiting": s.waiting_count} for s in activity.sessions.all()],
    }


def _category(campaign, code: str):
    category = campaign.categories.filter(code=code).first()
    if category is None:
        raise ValidationFailed(details=[{"field": "category", "message": "Unknown category code."}])
    return category


@router.get("/activities", response=ActivityPage, auth=OPTIONAL_AUTH,
            summary="Published activities (filters like the page)")
def list_activities(request, q: Text(200) = "", province: Id | None = None, commune: Id | None = None,
                    category: Text(40) = "", start: Day | None = None, end: Day | None = None, mode: Text(20) = "",
                    group: Text(20) = "", places_left: bool = False,
                    when: str = Query("upcoming", pattern="^(upcoming|past)$"), limit: int = Query(50, ge=1, le=200),
                    offset: Offset = 0):
    queryset = selectors.public_activities(selectors.ActivityFilters(
        query=q, province=province, commune=commune, category=category, start=start, end=end, mode=mode,
        group=group, places_left=places_left, when=when))
    return {"count": queryset.count(), "items": [_out(a) for a in queryset[offset:offset + limit]]}


@router.get("/activities/{int:activity_id}", response=ActivityOut, auth=OPTIONAL_AUTH,
            summary="One activity: published ones for everyone, drafts for those who may see its unit")
def get_activity(request, activity_id: Id):
    activity = selectors.public_activity(activity_id) or selectors.activity_for_organiser(request.user, activity_id)
    if activity is None:
        raise Http404
    return _out(activity)


@router.post("/activities", response={201: ActivityOut}, auth=AUTH)
def create_activity(request, payload: ActivityIn):
    unit = org_selectors.unit_get(payload.unit_id)
    if unit is None:
        raise Http404
    campaign = (campaign_selectors.campaign_get(payload.campaign_id) if payload.campaign_id
                else campaign_selectors.campaign_current())
    if campaign is None:
        raise Http404
    data = payload.dict(exclude={"unit_id", "campaign_id", "sessions", "published", "commune_id"})
    data["category"] = _category(campaign, payload.category)
    data["commune"] = OrgUnit.objects.filter(pk=payload.commune_id).first() if payload.commune_id else None
    activity = services.activity_create(actor=request.user, unit=unit, campaign=campaign, data=data,
                                        sessions=[(s.starts_at, s.ends_at) for s in payload.sessions],
                                        published=payload.published)
    return Status(201, _out(activity))


@router.patch("/activities/{int:activity_id}", response=ActivityOut, auth=AUTH)
def patch_activity(request, activity_id: Id, payload: ActivityPatch):
    activity = selectors.activity_for_organiser(request.user, activity_id)
    if activity is None:
        raise Http404
    fields = payload.dict(exclude_unset=True, exclude={"lock_version", "status", "published", "sessions"})
    sessions = [(s.starts_at, s.ends_at) for s in payload.sessions] if payload.sessions is not None else None
    activity = services.activity_update(actor=request.user, activity=activity, lock_version=payload.lock_version,
                                        data=fields, sessions=sessions)
    if payload.status is not None or payload.published is not None:
        activity = services.activity_set_state(actor=request.user, activity=activity, status=payload.status,
                                               published=payload.published)
    return _out(activity)


@router.delete("/activities/{int:activity_id}", response={204: None}, auth=AUTH,
               summary="Delete an activity with its sessions and registrations (editors)")
def delete_activity(request, activity_id: Id):
    activity = selectors.activity_for_organiser(request.user, activity_id)
    if activity is None:
        raise Http404
    services.activity_delete(actor=request.user, activity=activity)
    return Status(204, None)


class ImportOut(Schema):
    created: int
    ids: list[int]


@router.post("/units/{int:unit_id}/activities/import", response={201: ImportOut}, auth=AUTH,
             summary="Import activities from an .xlsx or .csv file (all rows or none)")
def import_activities(request, unit_id: Id, file: File[UploadedFile]):
    unit = org_selectors.unit_get(unit_id)
    campaign = campaign_selectors.campaign_current()
    if unit is None or campaign is None:
        raise Http404
    created = services.activities_import_file(actor=request.user, unit=unit, campaign=campaign,
                                              filename=file.name or "",
                                              data=file.read(settings.UNIT_IMPORT_MAX_BYTES + 1))
    return Status(201, {"created": len(created), "ids": [a.pk for a in created]})


def _session(session_id: int) -> Session:
    session = Session.objects.select_related("activity__unit").filter(pk=session_id).first()
    if session is None:
        raise Http404
    return session


def _organised_session(request, session_id: int) -> Session:
    """A session whose personal data the caller may see: an editor of the organising unit."""
    session = _session(session_id)
    if not permissions.can_edit(request.user, session.activity.unit):
        raise PermissionDeniedError()
    return session


@router.post("/sessions/{int:session_id}/registrations", response={201: TicketOut, 202: TicketOut}, auth=None,
             throttle=RateLimitThrottle("registration"),
             summary="Register (public): 201 with the ticket code, or 202 without one",
             description="202 (status \"received\", no code) when the phone or e-mail already holds a place in "
                         "this session: the answer does not tell whose place it is; the ticket is e-mailed again "
                         "to the holder when the registration has an e-mail address. Rate-limited per client.")
def register(request, session_id: Id, payload: RegistrationIn):
    session = _session(session_id)
    if not session.activity.published:
        raise Http404
    outcome = services.registration_create(session=session, **payload.dict())
    if outcome.received_only:
        return Status(202, {"code": None, "status": "received", "waiting_position": None,
                            "message": _("Received. No new ticket was made; if this contact was registered for "
                                         "this session before, its ticket stays valid and was e-mailed again "
                                         "when possible.")})
    registration = outcome.registration
    return Status(201, {"code": codes.display(registration.code), "status": registration.status,
                        "waiting_position": registration.waiting_position})


@router.get("/sessions/{int:session_id}/registrations", response=list[RegistrationOut], auth=AUTH,
            summary="Registrations with personal data (editors of the organising unit only)")
def list_registrations(request, session_id: Id):
    session = _organised_session(request, session_id)
    return list(selectors.session_registrations(request.user, session))


@router.post("/sessions/{int:session_id}/checkin", response=RegistrationOut, auth=AUTH,
             throttle=RateLimitThrottle("checkin"))
def check_in(request, session_id: Id, payload: CheckInIn):
    return services.check_in(actor=request.user, session=_session(session_id), code=payload.code)


@router.get("/sessions/{int:session_id}/roster", response=RosterOut, auth=AUTH,
            summary="What a check-in device keeps to work offline (editors of the organising unit only)",
            description="Confirmed tickets with name, group and whether checked in; no phone or e-mail.")
def check_in_roster(request, session_id: Id):
    session = _organised_session(request, session_id)
    roster = selectors.check_in_roster(request.user, session)
    return {"session": session.pk, "title": session.activity.title, "starts_at": session.starts_at,
            "capacity": session.activity.capacity, "confirmed": session.confirmed_count,
            "checked_in": session.checked_in_count, "registrations": roster}


@router.post("/sessions/{int:session_id}/checkins/sync", response=CheckInSyncOut, auth=AUTH,
             throttle=RateLimitThrottle("checkin"),
             summary="Send check-ins and walk-ins recorded on a device (offline), each once",
             description="Each item has a key made on the device: sending it again answers the first result and "
                         "counts nothing twice. outcome is counted, conflict (the ticket was already checked in: "
                         "not counted again) or refused (message says why).")
def check_ins_sync(request, session_id: Id, payload: CheckInSyncIn):
    session = _session(session_id)
    items = [offline.QueuedCheckIn(**item.dict()) for item in payload.items]
    results = offline.check_ins_sync(actor=request.user, session=session, device=payload.device, items=items)
    session.refresh_from_db(fields=["confirmed_count", "checked_in_count"])
    return {"results": [vars(result) for result in results], "confirmed": session.confirmed_count,
            "checked_in": session.checked_in_count}
