"""Services of offline check-in: what a device recorded at the door without a connection, applied once.

The check-in page works offline (static/js/offline-checkin.js, docs/offline.md): it keeps the session's
roster on the device, records check-ins and walk-ins in a queue, and sends the queue when the connection
returns. Each item carries a random key made on the device. Applying an item first claims its key (a
unique row); a second sending of the same key, whether a retry after a lost answer or two tabs sending
at once, answers what the first answered and changes nothing. A ticket that was already checked in
(on another device, or online) is a conflict: kept and shown to the organiser, never counted twice.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lifelong.activities import codes
from lifelong.activities.models import OfflineCheckIn, Registration, Session
from lifelong.activities.services import CheckInRefused, _require_edit, check_in, walk_in
from lifelong.core.errors import ConflictError, ValidationFailed

MAX_ITEMS = 500  # one sending; a device that recorded more sends several
# A device's clock is trusted within this window (a phone whose clock is wrong by days is common); outside it
# the time of arrival is the time the server received the item.
CLOCK_PAST, CLOCK_FUTURE = timedelta(days=3), timedelta(minutes=10)


@dataclass
class QueuedCheckIn:
    key: uuid.UUID
    kind: str
    code: str = ""
    name: str = ""
    group: str = ""
    phone: str = ""
    at: datetime | None = None


@dataclass
class SyncResult:
    key: str
    outcome: str
    message: str
    name: str
    code: str


def _plausible(at: datetime | None) -> datetime:
    now = timezone.now()
    if at is None:
        return now
    if timezone.is_naive(at):
        at = timezone.make_aware(at)
    return at if now - CLOCK_PAST <= at <= now + CLOCK_FUTURE else now


def _result(record: OfflineCheckIn) -> SyncResult:
    registration = record.registration
    return SyncResult(key=str(record.key), outcome=record.outcome, message=record.message,
                      name=registration.name if registration else "",
                      code=codes.display(registration.code) if registration else "")


def _conflict_message(registration: Registration) -> str:
    return _("Already checked in at %(time)s: not counted again.") % {
        "time": timezone.localtime(registration.checked_in_at).strftime("%H:%M %d/%m/%Y")}


def _apply(actor, session: Session, device: str, item: QueuedCheckIn) -> OfflineCheckIn:
    with transaction.atomic():
        # The key is claimed first: a concurrent sending of the same key fails here, before counting anything.
        record = OfflineCheckIn.objects.create(
            key=item.key, session=session, actor=actor if getattr(actor, "pk", None) else None, device=device,
            kind=item.kind, outcome=OfflineCheckIn.Outcome.REFUSED, made_at=_plausible(item.at))
        try:
            if item.kind == OfflineCheckIn.Kind.WALK_IN:
                record.registration = walk_in(actor=actor, session=session, name=item.name, group=item.group,
                                              phone=item.phone, at=record.made_at)
            else:
                record.registration = check_in(actor=actor, session=session, code=item.code, at=record.made_at)
            record.outcome = OfflineCheckIn.Outcome.COUNTED
        except CheckInRefused as refusal:
            registration = (Registration.objects.filter(session=session, code=codes.normalise(item.code)).first()
                            if codes.is_genuine(item.code) else None)
            if registration is not None and registration.checked_in_at is not None:
                record.registration, record.outcome = registration, OfflineCheckIn.Outcome.CONFLICT
                record.message = _conflict_message(registration)
            else:
                record.message = refusal.message[:300]
        except ValidationFailed as refusal:
            record.message = refusal.message[:300]
        record.save(update_fields=["registration", "outcome", "message"])
    return record


def check_ins_sync(*, actor, session: Session, device: str, items: list[QueuedCheckIn]) -> list[SyncResult]:
    """Apply a device's queue in order; one result per item, in the same order. A replayed key answers its
    first result. Refusals are results, not errors: the rest of the queue still goes through."""
    _require_edit(actor, session.activity.unit)
    device = (device or "").strip()[:40]
    if not device:
        raise ValidationFailed(_("The device sending the check-ins is not named."))
    if len(items) > MAX_ITEMS:
        raise ValidationFailed(_("Send at most %(count)d check-ins at a time.") % {"count": MAX_ITEMS})
    unknown = next((item.kind for item in items if item.kind not in OfflineCheckIn.Kind.values), None)
    if unknown is not None:
        raise ValidationFailed(_("Unknown kind of check-in: %(kind)s.") % {"kind": unknown[:20]})
    # What was sent before, in one read: a resent queue is mostly keys already applied.
    sent_before = {record.key: record for record in OfflineCheckIn.objects.select_related("registration").filter(
        key__in=[item.key for item in items])}
    if any(record.session_id != session.pk for record in sent_before.values()):
        raise ConflictError(_("This check-in key belongs to another session."))  # before anything is applied
    results = []
    for item in items:
        previous = sent_before.get(item.key)
        if previous is None:
            try:
                previous = _apply(actor, session, device, item)
            except IntegrityError:  # the same key sent at the same moment by another request: answer its result
                previous = OfflineCheckIn.objects.select_related("registration").filter(key=item.key).first()
                if previous is None:
                    raise
            sent_before[item.key] = previous  # the same key twice in one queue answers once
        results.append(_result(previous))
    return results
