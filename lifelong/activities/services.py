"""Writes of activities, registrations and check-in.

Organisers (editors of the activity's unit) write activities and check people in; registering and
cancelling are public and answer with the ticket code. Capacity is enforced under a row lock on the
session (PostgreSQL) or the single writer of SQLite, so it is never exceeded however many people take
the last places at once.
"""

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import CharField, F, Max, ProtectedError, Value
from django.db.models.functions import Cast, Concat
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from lifelong.activities import codes
from lifelong.activities.models import Activity, Registration, Session, TargetGroup
from lifelong.campaigns.models import Campaign
from lifelong.core.audit import audit_record
from lifelong.core.errors import ConflictError, PermissionDeniedError, ValidationFailed
from lifelong.core.text import normalize_text, search_key, strip_control
from lifelong.core.validation import DATE_OUT_OF_RANGE, date_in_range
from lifelong.orgs import permissions
from lifelong.orgs.models import OrgUnit

FIELDS = ("category", "title", "description", "venue_name", "venue_address", "commune", "mode", "online_url",
          "target_groups", "capacity", "registration_required", "partners", "budget_state", "budget_social")
PHONE_PATTERN = re.compile(r"^0\d{8,10}$")  # a Vietnamese number, normalised (normalise_phone)
_PHONE = PHONE_PATTERN


def _require_edit(actor, unit: OrgUnit) -> None:
    if actor is not None and not permissions.can_edit(actor, unit):
        raise PermissionDeniedError()


def _province_of(unit: OrgUnit) -> OrgUnit | None:
    if unit.kind == OrgUnit.Kind.PROVINCE:
        return unit
    paths = unit.ancestor_paths()
    return OrgUnit.objects.filter(path__in=paths, kind=OrgUnit.Kind.PROVINCE).first()


def _commune_of(unit: OrgUnit) -> OrgUnit | None:
    if unit.kind == OrgUnit.Kind.COMMUNE:
        return unit
    return OrgUnit.objects.filter(path__in=unit.ancestor_paths(), kind=OrgUnit.Kind.COMMUNE).first()


def _session_errors(sessions: list[tuple[datetime, datetime]]) -> list[dict]:
    """The rules every list of sessions follows, however it arrives (form, API, copy, import)."""
    errors = []
    if not sessions:
        errors.append({"field": "sessions", "message": _("Give at least one date and time.")})
    for start, end in sessions:
        if not (date_in_range(start) and date_in_range(end)):
            errors.append({"field": "sessions", "message": str(DATE_OUT_OF_RANGE)})
        elif end < start:
            errors.append({"field": "sessions", "message": _("A session ends before it starts.")})
    return errors


def _clean(activity: Activity, sessions: list[tuple[datetime, datetime]] | None) -> None:
    errors = []
    if not activity.title:
        errors.append({"field": "title", "message": _("Give the activity a title.")})
    if activity.category_id and activity.category.campaign_id != activity.campaign_id:
        errors.append({"field": "category", "message": _("Choose a kind of activity of this campaign.")})
    if activity.commune is not None:
        if activity.commune.kind != OrgUnit.Kind.COMMUNE:
            errors.append({"field": "commune", "message": _("Choose a commune, ward or special zone.")})
        else:
            organiser_province = _province_of(activity.unit)
            if organiser_province and not activity.commune.is_within(organiser_province):
                errors.append({"field": "commune", "message": _(
                    "The commune must be in %(province)s, the organiser's province.") % {
                    "province": organiser_province.name}})
    if activity.mode in (Activity.Mode.ONLINE, Activity.Mode.HYBRID) and not activity.online_url:
        errors.append({"field": "online_url", "message": _("An online activity needs its link.")})
    unknown = [g for g in activity.target_group_list() if g not in TargetGroup.values]
    if unknown:
        errors.append({"field": "target_groups", "message": _("Unknown group.")})
    if sessions is not None:
        errors += _session_errors(sessions)
    if errors:
        raise ValidationFailed(details=errors)
    try:
        activity.full_clean(exclude=["search_key", "unit_path", "province", "plan"])
    except ValidationError as exc:
        raise ValidationFailed(details=[{"field": f, "message": str(m)} for f, ms in exc.message_dict.items()
                                        for m in ms]) from exc


def _apply(activity: Activity, data: dict, *, province_of=_province_of, commune_of=_commune_of) -> None:
    for name in FIELDS:
        if name not in data:
            continue
        value = data[name]
        if name == "target_groups":
            groups = value if isinstance(value, list | tuple) else [g for g in str(value).split(",") if g]
            value = "," + ",".join(sorted(set(groups))) + "," if groups else ""
        elif isinstance(value, str):
            value = normalize_text(value) if name != "description" else strip_control(value).strip()
        setattr(activity, name, value)
    if activity.commune is None:
        activity.commune = commune_of(activity.unit)
    activity.province = province_of(activity.commune or activity.unit)
    activity.unit_path = activity.unit.path
    activity.search_key = search_key(" ".join(filter(None, [
        activity.title, activity.venue_name, activity.venue_address, activity.commune.name if activity.commune else "",
        activity.unit.name])))[:600]


def _replace_sessions(activity: Activity, sessions: list[tuple[datetime, datetime]]) -> None:
    existing = list(activity.sessions.all())
    if any(s.confirmed_count or s.waiting_count for s in existing[len(sessions):]):
        raise ValidationFailed(_("A session with registrations cannot be removed; cancel the activity instead."))
    for session, (start, end) in zip(existing, sessions, strict=False):
        session.starts_at, session.ends_at = start, end
        session.save(update_fields=["starts_at", "ends_at"])
    Session.objects.filter(pk__in=[s.pk for s in existing[len(sessions):]]).delete()
    Session.objects.bulk_create([Session(activity=activity, starts_at=start, ends_at=end)
                                 for start, end in sessions[len(existing):]])
    activity.starts_at = min(start for start, _end in sessions) if sessions else None
    activity.ends_at = max(end for _start, end in sessions) if sessions else None
    Activity.objects.filter(pk=activity.pk).update(starts_at=activity.starts_at, ends_at=activity.ends_at)


@transaction.atomic
def activity_create(*, actor, unit: OrgUnit, campaign: Campaign, data: dict,
                    sessions: list[tuple[datetime, datetime]], published: bool = False) -> Activity:
    _require_edit(actor, unit)
    activity = Activity(unit=unit, campaign=campaign, published=published)
    _apply(activity, data)
    _clean(activity, sessions)
    activity.save()
    _replace_sessions(activity, sessions)
    audit_record(actor=actor, action="activities.activity.created", target=activity, unit_id=unit.pk,
                 title=activity.title)
    return activity


@transaction.atomic
def activity_update(*, actor, activity: Activity, lock_version: int, data: dict,
                    sessions: list[tuple[datetime, datetime]] | None = None) -> Activity:
    _require_edit(actor, activity.unit)
    _apply(activity, data)
    _clean(activity, sessions)
    if not Activity.objects.filter(pk=activity.pk, lock_version=lock_version).update(
            lock_version=F("lock_version") + 1):
        raise ConflictError()
    activity.lock_version = lock_version + 1
    activity.save()
    if sessions is not None:
        _replace_sessions(activity, sessions)
    audit_record(actor=actor, action="activities.activity.updated", target=activity, unit_id=activity.unit_id)
    return activity


@transaction.atomic
def activity_set_state(*, actor, activity: Activity, published: bool | None = None, status: str | None = None):
    _require_edit(actor, activity.unit)
    if status is not None and status not in Activity.Status.values:
        raise ValidationFailed(_("Unknown status."))
    if published is not None:
        activity.published = published
    if status is not None:
        activity.status = status
    activity.save(update_fields=["published", "status", "updated_at"])
    audit_record(actor=actor, action="activities.activity.state", target=activity, unit_id=activity.unit_id,
                 published=activity.published, status=activity.status)
    return activity


@transaction.atomic
def activity_delete(*, actor, activity: Activity) -> None:
    """Remove an activity with its sessions and registrations (an entry typed by mistake, a test).

    The audit entry keeps what it was (title, dates, how many people had registered), not who.
    """
    _require_edit(actor, activity.unit)
    registrations = Registration.objects.filter(session__activity=activity).count()
    audit_record(actor=actor, action="activities.activity.deleted", target=activity, unit_id=activity.unit_id,
                 title=activity.title, published=activity.published, registrations=registrations,
                 starts_at=activity.starts_at.isoformat() if activity.starts_at else None)
    try:
        with transaction.atomic():
            activity.delete()
    except ProtectedError as exc:  # certificates were issued for it: they are documents people hold
        raise ValidationFailed(_("Certificates were issued for this activity, so it cannot be deleted; set its "
                                 "status to Cancelled instead.")) from exc


@transaction.atomic
def activity_copy(*, actor, activity: Activity, first_day) -> Activity:
    """The same activity again, its sessions moved so that the first one falls on `first_day`."""
    _require_edit(actor, activity.unit)
    sessions = list(activity.sessions.all())
    if not sessions:
        raise ValidationFailed(_("This activity has no session to copy."))
    shift = first_day - timezone.localtime(sessions[0].starts_at).date()
    copy = Activity(unit=activity.unit, campaign=activity.campaign, published=False)
    _apply(copy, {name: getattr(activity, name) for name in FIELDS} | {
        "target_groups": activity.target_group_list()})
    new_sessions = [(s.starts_at + shift, s.ends_at + shift) for s in sessions]
    _clean(copy, new_sessions)
    copy.save()
    _replace_sessions(copy, new_sessions)
    audit_record(actor=actor, action="activities.activity.copied", target=copy, unit_id=copy.unit_id,
                 source=activity.pk)
    return copy


@transaction.atomic
def activities_import(*, actor, unit: OrgUnit, campaign: Campaign, rows: list, source_name: str = "") -> list[Activity]:
    """Create the activities of a checked file (importing.check_activity_rows) in one transaction.

    Two bulk inserts (activities, then sessions) and one audit entry, whatever the number of rows.
    """
    _require_edit(actor, unit)
    errors = [dict(error, row=number) for number, row in enumerate(rows, start=2) for error in _session_errors(
        row.sessions)]
    if errors:  # the file check refuses these first; this keeps any other caller to the same rules
        raise ValidationFailed(details=errors)
    provinces: dict[int, OrgUnit | None] = {}

    def province_of(place: OrgUnit) -> OrgUnit | None:
        if place.pk not in provinces:
            provinces[place.pk] = _province_of(place)
        return provinces[place.pk]

    organiser_commune = _commune_of(unit)
    activities = []
    for row in rows:
        activity = Activity(unit=unit, campaign=campaign, published=row.published,
                            starts_at=min(start for start, _end in row.sessions),
                            ends_at=max(end for _start, end in row.sessions))
        _apply(activity, row.data, province_of=province_of, commune_of=lambda _unit: organiser_commune)
        activities.append(activity)
    Activity.objects.bulk_create(activities, batch_size=500)
    Session.objects.bulk_create([Session(activity=activity, starts_at=start, ends_at=end)
                                 for activity, row in zip(activities, rows, strict=True)
                                 for start, end in row.sessions], batch_size=1000)
    audit_record(actor=actor, action="activities.activity.imported", target=unit, unit_id=unit.pk,
                 count=len(activities), source=source_name[:200])
    return activities


def activities_import_file(*, actor, unit: OrgUnit, campaign: Campaign, filename: str, data: bytes) -> list[Activity]:
    """Read, check and import a spreadsheet of activities: the page and the API both come here."""
    from lifelong.activities import importing

    _require_edit(actor, unit)
    table = importing.read_activity_table(filename, data)
    rows = importing.check_activity_rows(unit=unit, campaign=campaign, table=table, province=_province_of(unit))
    return activities_import(actor=actor, unit=unit, campaign=campaign, rows=rows, source_name=filename)


def opening_from_plan(plan) -> None:
    """Hook run when a plan is published: its opening ceremony becomes a published activity of category a."""
    if plan.opening_date is None:
        return
    category = plan.campaign.categories.filter(code="opening").first()
    if category is None:
        return
    tz = timezone.get_current_timezone()
    start = datetime.combine(plan.opening_date, time(7, 30), tzinfo=tz)
    data = {"category": category, "title": f"Lễ khai mạc {plan.campaign.name}", "venue_name": plan.opening_venue,
            "description": plan.theme, "mode": Activity.Mode.IN_PERSON,
            "target_groups": [TargetGroup.OFFICIALS, TargetGroup.LEARNERS, TargetGroup.RESIDENTS]}
    existing = Activity.objects.filter(plan__unit=plan.unit, campaign=plan.campaign, category=category).first()
    if existing is None:
        activity = Activity(unit=plan.unit, campaign=plan.campaign, plan=plan, published=True)
        _apply(activity, data)
        activity.save()
        _replace_sessions(activity, [(start, start + timedelta(hours=2))])
    else:
        existing.plan = plan
        _apply(existing, data)
        existing.save()
        _replace_sessions(existing, [(start, start + timedelta(hours=2))])


# Registrations

def normalise_phone(raw: str) -> str:
    digits = re.sub(r"[^\d+]", "", raw or "")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    return digits


def _contact(phone: str, email: str) -> tuple[str, str, str, list[dict]]:
    errors = []
    phone = normalise_phone(phone)
    email = normalize_text(email).lower()
    if not phone and not email:
        errors.append({"field": "phone", "message": _("Give a phone number or an e-mail address.")})
    if phone and not _PHONE.match(phone):
        errors.append({"field": "phone", "message": _("Enter a Vietnamese phone number, e.g. 0912 345 678.")})
    if email:
        try:
            if len(email) > Registration._meta.get_field("email").max_length:
                raise ValidationError("too long")
            validate_email(email)
        except ValidationError:
            errors.append({"field": "email", "message": _("Enter a valid e-mail address.")})
    return phone, email, f"tel:{phone}" if phone else f"mail:{email}", errors


def _person_errors(name: str, group: str, consent: bool) -> list[dict]:
    errors = []
    if not name:
        errors.append({"field": "name", "message": _("Give your full name.")})
    elif len(name) > Registration._meta.get_field("name").max_length:
        errors.append({"field": "name", "message": _("The name is too long.")})
    if group not in TargetGroup.values:
        errors.append({"field": "group", "message": _("Choose your group.")})
    if not consent:
        errors.append({"field": "consent", "message": _(
            "Registration needs your consent to the processing of your personal data.")})
    return errors


def registration_errors(*, name: str, phone: str = "", email: str = "", group: str = "", consent: bool = False):
    """Everything wrong with a sign-up at once, as registration_create would refuse it (the form shows all of
    it in one go instead of one problem per try)."""
    return _contact(phone, email)[3] + _person_errors(normalize_text(name), group, consent)


@dataclass
class RegistrationOutcome:
    """What a sign-up answers. `registration` is None when the contact already held a place: the answer then
    says nothing about that place (a stranger may have typed someone else's phone number), and the ticket
    goes again to the holder's own e-mail address when there is one."""

    registration: Registration | None

    @property
    def received_only(self) -> bool:
        return self.registration is None


def _send_ticket(registration: Registration, *, again: bool = False) -> None:
    if not registration.email:
        return
    activity = registration.session.activity
    link = settings.SITE_URL.rstrip("/") + reverse("ticket", args=[registration.code])
    subject = _("Your ticket again: %(title)s") if again else _("Your ticket: %(title)s")
    body = _("%(title)s\n%(when)s\n\nYour ticket (show it at the door): %(link)s\nCode: %(code)s\n\n"
             "On that page you can also cancel the registration or erase your data.") % {
        "title": activity.title, "link": link, "code": codes.display(registration.code),
        "when": formats.date_format(timezone.localtime(registration.session.starts_at), "SHORT_DATETIME_FORMAT")}
    # After the commit: a mail server that is down must not undo the registration.
    transaction.on_commit(lambda: send_mail(subject % {"title": activity.title[:100]}, body, None,
                                            [registration.email], fail_silently=True))


@transaction.atomic
def registration_create(*, session: Session, name: str, phone: str = "", email: str = "", group: str,
                        consent: bool, account=None) -> RegistrationOutcome:
    """Sign up for a session: a place if one is left, otherwise the waiting list."""
    name = normalize_text(name)
    phone, email, contact_key, errors = _contact(phone, email)
    errors += _person_errors(name, group, consent)
    if errors:
        raise ValidationFailed(details=errors)
    # The row lock serialises everyone taking places in this session (PostgreSQL; SQLite has one writer).
    session = Session.objects.select_for_update().select_related("activity").get(pk=session.pk)
    activity = session.activity
    if not activity.published or activity.status == Activity.Status.CANCELLED or session.ends_at < timezone.now():
        raise ValidationFailed(_("Registration for this session is closed."))
    holder = Registration.objects.filter(session=session, contact_key=contact_key).exclude(
        status=Registration.Status.CANCELLED).first()
    if holder is not None:
        # Sent again at most once in TICKET_RESEND_HOURS: typing someone's address over and over must not
        # turn the platform into a way to flood their mailbox.
        if cache.add(f"ticket-resent:{holder.pk}", 1, timeout=settings.TICKET_RESEND_HOURS * 3600):
            _send_ticket(holder, again=True)
        return RegistrationOutcome(registration=None)
    full = activity.capacity is not None and session.confirmed_count >= activity.capacity
    registration = Registration(session=session, name=name, phone=phone, email=email, contact_key=contact_key,
                                group=group, consent_at=timezone.now(), code=codes.new_code(),
                                account=account if account is not None and account.is_authenticated else None,
                                status=Registration.Status.WAITING if full else Registration.Status.CONFIRMED)
    if full:
        last = Registration.objects.filter(session=session).aggregate(m=Max("waiting_position"))["m"] or 0
        registration.waiting_position = last + 1
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError:  # the same contact at the same instant (PostgreSQL's unique index decided)
        return RegistrationOutcome(registration=None)
    counter = "waiting_count" if full else "confirmed_count"
    Session.objects.filter(pk=session.pk).update(**{counter: F(counter) + 1})
    _send_ticket(registration)
    return RegistrationOutcome(registration=registration)


def _promote(session: Session) -> Registration | None:
    """Give the freed place to the first person waiting, if any (called under the session lock)."""
    first = (Registration.objects.filter(session=session, status=Registration.Status.WAITING)
             .order_by("waiting_position", "pk").first())
    if first is None:
        return None
    first.status, first.waiting_position = Registration.Status.CONFIRMED, None
    first.save(update_fields=["status", "waiting_position"])
    Session.objects.filter(pk=session.pk).update(confirmed_count=F("confirmed_count") + 1,
                                                 waiting_count=F("waiting_count") - 1)
    return first


def _lock_session_of(registration: Registration) -> None:
    """Every change of places locks the session first, then registrations: one order for all of them
    (sign-up, cancel, erase, check-in, walk-in), so two of them at once wait for each other, never deadlock."""
    Session.objects.select_for_update().filter(pk=registration.session_id).first()


def _release(registration: Registration) -> Registration | None:
    session = Session.objects.select_for_update().get(pk=registration.session_id)
    promoted = None
    if registration.status == Registration.Status.CONFIRMED:
        Session.objects.filter(pk=session.pk).update(confirmed_count=F("confirmed_count") - 1)
        promoted = _promote(session)
    elif registration.status == Registration.Status.WAITING:
        Session.objects.filter(pk=session.pk).update(waiting_count=F("waiting_count") - 1)
    if registration.checked_in_at:
        Session.objects.filter(pk=session.pk).update(checked_in_count=F("checked_in_count") - 1)
    return promoted


def _erase_personal_data(registration: Registration, *, new_code: bool) -> None:
    """Keep only what the counts need (group, status, check-in time); with new_code the old ticket link dies."""
    registration.name = registration.phone = registration.email = ""
    registration.contact_key = f"erased:{registration.pk}"
    fields = ["name", "phone", "email", "contact_key"]
    if new_code:
        registration.code = "X" + secrets.token_hex(9).upper()  # not a signed code: no page accepts it
        fields.append("code")
    registration.save(update_fields=fields)


@transaction.atomic
def registration_cancel(*, registration: Registration) -> Registration | None:
    """Cancel a place (from the ticket page); the first person waiting moves up.

    The name, phone and e-mail are erased at once: a cancelled place needs none of them.
    """
    _lock_session_of(registration)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == Registration.Status.CANCELLED:
        return None
    promoted = _release(registration)
    registration.status, registration.waiting_position = Registration.Status.CANCELLED, None
    registration.save(update_fields=["status", "waiting_position"])
    _erase_personal_data(registration, new_code=False)
    activity_id, unit_id = Session.objects.filter(pk=registration.session_id).values_list(
        "activity_id", "activity__unit_id").get()
    audit_record(actor=None, action="activities.registration.cancelled", unit_id=unit_id, activity=activity_id,
                 session=registration.session_id, promoted=promoted is not None)
    return promoted


def _erase(registration: Registration) -> None:
    _lock_session_of(registration)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != Registration.Status.CANCELLED and registration.checked_in_at is None:
        _release(registration)
        registration.status, registration.waiting_position = Registration.Status.CANCELLED, None
        registration.save(update_fields=["status", "waiting_position"])
    _erase_personal_data(registration, new_code=True)


@transaction.atomic
def registration_erase(*, actor, registration: Registration) -> None:
    """Erase a person's data on their request, made to the organiser (Nghị định 13/2023/NĐ-CP).

    The place goes to the next person waiting. A check-in already made stays counted (group and time,
    no name), so the unit's report does not change.
    """
    _require_edit(actor, registration.session.activity.unit)
    _erase(registration)
    audit_record(actor=actor, action="activities.registration.erased", target=registration.session.activity,
                 unit_id=registration.session.activity.unit_id, session=registration.session_id)


def registration_erase_for_account(*, registration: Registration) -> None:
    """The same, when the account the registration belongs to is deleted (inside the deletion's transaction;
    the deletion leaves the audit entry)."""
    _erase(registration)


@transaction.atomic
def registration_erase_by_holder(*, registration: Registration) -> None:
    """The same, asked by the holder from the ticket page (whoever has the ticket's secret code)."""
    _erase(registration)
    audit_record(actor=None, action="activities.registration.erased_by_holder",
                 target=registration.session.activity, unit_id=registration.session.activity.unit_id,
                 session=registration.session_id)


def registrations_purge_expired(*, now=None) -> int:
    """Erase the personal data of registrations to sessions that ended REGISTRATION_RETENTION_DAYS ago.

    Kept until then so that organisers can answer questions and send certificates after the event;
    afterwards only the counts are needed (group, status, check-in time). One UPDATE, one audit entry.
    """
    cutoff = (now or timezone.now()) - timedelta(days=settings.REGISTRATION_RETENTION_DAYS)
    expired = Registration.objects.filter(session__ends_at__lt=cutoff).exclude(name="", phone="", email="")
    with transaction.atomic():
        count = expired.update(name="", phone="", email="",
                               contact_key=Concat(Value("erased:"), Cast("pk", CharField())))
        if count:
            audit_record(actor=None, action="activities.registration.purged", count=count,
                         retention_days=settings.REGISTRATION_RETENTION_DAYS)
    return count


class CheckInRefused(ValidationFailed):
    code = "check_in_refused"


@transaction.atomic
def check_in(*, actor, session: Session, code: str, at=None) -> Registration:
    """`at`: when the person came, if it was recorded earlier (an offline device); now otherwise."""
    _require_edit(actor, session.activity.unit)
    if not codes.is_genuine(code):
        raise CheckInRefused(_("This code is not a valid ticket (mistyped or forged)."))
    Session.objects.select_for_update().filter(pk=session.pk).first()  # the session first (_lock_session_of)
    registration = Registration.objects.select_for_update().filter(session=session, code=codes.normalise(code)).first()
    if registration is None:
        raise CheckInRefused(_("This ticket is not for this session."))
    if registration.status != Registration.Status.CONFIRMED:
        raise CheckInRefused(_("This ticket is %(status)s, not confirmed.") % {
            "status": registration.get_status_display().lower()})
    if registration.checked_in_at is not None:
        raise CheckInRefused(_("Already checked in at %(time)s.") % {
            "time": timezone.localtime(registration.checked_in_at).strftime("%H:%M %d/%m/%Y")})
    registration.checked_in_at = at or timezone.now()
    registration.save(update_fields=["checked_in_at"])
    Session.objects.filter(pk=session.pk).update(checked_in_count=F("checked_in_count") + 1)
    return registration


@transaction.atomic
def walk_in(*, actor, session: Session, name: str, group: str, phone: str = "", at=None) -> Registration:
    """Someone without a registration at the door: registered and checked in at once, if a place is left."""
    _require_edit(actor, session.activity.unit)
    session = Session.objects.select_for_update().select_related("activity").get(pk=session.pk)
    name = normalize_text(name)
    if not name or group not in TargetGroup.values or len(name) > Registration._meta.get_field("name").max_length:
        raise ValidationFailed(_("Give the name and the group of the person."))
    capacity = session.activity.capacity
    if capacity is not None and session.confirmed_count >= capacity:
        raise ValidationFailed(_("The session is full."))
    code = codes.new_code()
    registration = Registration.objects.create(
        session=session, name=name, phone=normalise_phone(phone), contact_key=f"walkin:{code}", group=group,
        consent_at=timezone.now(), status=Registration.Status.CONFIRMED, code=code, walk_in=True,
        checked_in_at=at or timezone.now())
    Session.objects.filter(pk=session.pk).update(confirmed_count=F("confirmed_count") + 1,
                                                 checked_in_count=F("checked_in_count") + 1)
    audit_record(actor=actor, action="activities.registration.walk_in", target=session.activity,
                 unit_id=session.activity.unit_id, session=session.pk, group=group)
    return registration
