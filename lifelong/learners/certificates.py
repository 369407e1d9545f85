"""Writes of certificates (Giấy chứng nhận): issue them for an activity, revoke one, let its holder show their name.

An organiser (an editor of the activity's unit) issues participation certificates to the people who were
checked in at the activity's sessions, all of them at once or the ones chosen. One registration gets at
most one certificate, so issuing again only issues to those who have none yet (a revoked certificate
counts: revoking is final for that registration). A registration whose name was erased gets none. The
certificate keeps the name as it was at issue time, the session's duration as its hours, and its signed
Open Badges 3.0 credential (lifelong/learners/credentials.py).

Codes are short enough to type from paper and cannot be guessed: "GCN-" then 8 random characters and 5
characters of an HMAC of them (keyed with SECRET_KEY, or one of SECRET_KEY_FALLBACKS after a key change),
in Crockford's base32, like the tickets' codes (lifelong/activities/codes.py).
"""

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lifelong.activities.codes import ALPHABET, _encode
from lifelong.activities.codes import normalise as normalise_ticket
from lifelong.activities.models import Activity, Registration, Session
from lifelong.core.audit import audit_record
from lifelong.core.errors import ConflictError, PermissionDeniedError, ValidationFailed
from lifelong.core.text import normalize_text
from lifelong.learners import credentials
from lifelong.learners.models import Certificate
from lifelong.orgs import permissions

PREFIX = "GCN"
RANDOM_LENGTH, SIGNATURE_LENGTH = 8, 5
MAX_HOURS = Decimal("99999.9")  # what Certificate.hours holds


# Codes ------------------------------------------------------------------------------------------------

def _signature(random_part: str, secret: str) -> str:
    digest = hmac.new(secret.encode(), f"certificate:{random_part}".encode(), hashlib.sha256).digest()
    return _encode(digest[:4], SIGNATURE_LENGTH)


def _display(bare: str) -> str:
    return f"{PREFIX}-{bare[:4]}-{bare[4:8]}-{bare[8:]}"


def new_code() -> str:
    random_part = _encode(secrets.token_bytes(5), RANDOM_LENGTH)
    return _display(random_part + _signature(random_part, settings.SECRET_KEY))


def canonical_code(typed: str) -> str | None:
    """The stored form ("GCN-K7Q2-M9XD-4TRWA") of a typed code (any case, with or without the prefix and
    dashes, O for 0 and I/L for 1), or None when it is not a genuine certificate code."""
    text = normalise_ticket(str(typed or "")[:64])
    if len(text) == len(PREFIX) + RANDOM_LENGTH + SIGNATURE_LENGTH and text.startswith(PREFIX):
        text = text[len(PREFIX):]
    if len(text) != RANDOM_LENGTH + SIGNATURE_LENGTH or any(c not in ALPHABET for c in text):
        return None
    random_part, signature = text[:RANDOM_LENGTH], text[RANDOM_LENGTH:]
    for secret in [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]:
        if hmac.compare_digest(signature, _signature(random_part, secret)):
            return _display(text)
    return None


# Services ---------------------------------------------------------------------------------------------

@dataclass
class IssueOutcome:
    issued: list[Certificate] = field(default_factory=list)
    # Chosen or checked-in registrations that got none: no name (erased) or a certificate already.
    skipped: int = 0


def session_hours(session: Session | None) -> Decimal | None:
    if session is None:
        return None
    hours = Decimal((session.ends_at - session.starts_at).total_seconds() / 3600).quantize(Decimal("0.1"))
    return hours if Decimal(0) < hours <= MAX_HOURS else None


def _may_edit(actor, unit) -> bool:
    return actor is None or permissions.can_edit(actor, unit)


def _fresh_codes(count: int) -> list[str]:
    """New codes, none of them already taken (a clash of 40 random bits is rare, not impossible)."""
    codes: list[str] = []
    for _attempt in range(5):
        wanted = [new_code() for _ in range(count - len(codes))]
        taken = set(Certificate.objects.filter(code__in=wanted).values_list("code", flat=True))
        codes += [code for code in dict.fromkeys(wanted) if code not in taken]
        if len(codes) >= count:
            return codes[:count]
    raise ConflictError(_("No free certificate code was found; try again."))


@transaction.atomic
def certificates_issue(*, actor, activity: Activity, session: Session | None = None,
                       registration_ids: list[int] | None = None) -> IssueOutcome:
    """Issue a certificate to every checked-in person of the activity (or of one session of it), or only to
    the registrations chosen; those who have one already, and erased registrations, get none.

    One audit entry counts them, naming nobody.
    """
    if not _may_edit(actor, activity.unit):
        raise PermissionDeniedError()
    if session is not None and session.activity_id != activity.pk:
        raise ValidationFailed(_("This session is not one of the activity's."))
    # The sessions first, then their registrations: the lock order of check-in and erasure (activities.services),
    # so two organisers issuing at once wait for each other and nobody gets two certificates.
    sessions = Session.objects.select_for_update().filter(activity=activity).order_by("pk")
    if session is not None:
        sessions = sessions.filter(pk=session.pk)
    sessions = {s.pk: s for s in sessions}
    activity = Activity.objects.select_related("unit", "campaign").get(pk=activity.pk)
    if activity.status == Activity.Status.CANCELLED:
        raise ValidationFailed(_("The activity was cancelled: no certificate can be issued for it."))
    candidates = Registration.objects.select_for_update().filter(
        session_id__in=list(sessions), checked_in_at__isnull=False).exclude(status=Registration.Status.CANCELLED)
    wanted = None
    if registration_ids is not None:
        wanted = {int(pk) for pk in registration_ids if 0 < int(pk) < 2**63}
        candidates = candidates.filter(pk__in=wanted)
    candidates = list(candidates.order_by("session_id", "pk"))  # (no COUNT: PostgreSQL refuses it FOR UPDATE)
    missing = len(wanted) - len(candidates) if wanted is not None else 0
    already = set(Certificate.objects.filter(registration__session_id__in=list(sessions)).values_list(
        "registration_id", flat=True))
    eligible = [r for r in candidates if r.pk not in already and r.name.strip()]
    outcome = IssueOutcome(skipped=len(candidates) - len(eligible) + missing)
    if not eligible:
        return outcome
    now = timezone.now().replace(microsecond=0)
    certificates = []
    for registration, code in zip(eligible, _fresh_codes(len(eligible)), strict=True):
        registration_session = sessions[registration.session_id]
        hours = session_hours(registration_session)
        certificate = Certificate(
            code=code, activity=activity, campaign=activity.campaign, unit=activity.unit, registration=registration,
            holder_id=registration.account_id, holder_name=registration.name, hours=hours,
            issued_by=actor if actor is not None and actor.is_authenticated else None)
        certificate.credential = credentials.sign(credentials.build_credential(
            code=code, activity=activity, unit=activity.unit, campaign=activity.campaign,
            session=registration_session, holder_name=registration.name, hours=hours, issued_at=now))
        try:
            certificate.clean_fields(exclude=["registration", "activity", "campaign", "unit", "holder", "issued_by"])
        except ValidationError as exc:  # a name longer than the column, say: refuse all, change nothing
            raise ValidationFailed(details=[{"field": name, "message": str(message)}
                                            for name, messages in exc.message_dict.items()
                                            for message in messages]) from exc
        certificates.append(certificate)
    try:
        with transaction.atomic():
            Certificate.objects.bulk_create(certificates)
    except IntegrityError as exc:  # a concurrent issue took a registration or a code after all
        raise ConflictError() from exc
    # issued_at is set by the database layer (auto_now_add); it must be the credential's validFrom exactly.
    Certificate.objects.filter(code__in=[c.code for c in certificates]).update(issued_at=now)
    for certificate in certificates:
        certificate.issued_at = now
    outcome.issued = certificates
    audit_record(actor=actor, action="learners.certificates.issued", target=activity, unit_id=activity.unit_id,
                 session=session.pk if session is not None else None, count=len(certificates),
                 skipped=outcome.skipped, chosen=registration_ids is not None)
    return outcome


@transaction.atomic
def certificates_award(*, actor, activity: Activity, winners: list[tuple]) -> list[Certificate]:
    """Certificates of an award (a contest's prize) for `winners`: (account, name, award) each. Someone who holds
    a certificate of the same award for the activity gets none again. One audit entry counts them."""
    if not _may_edit(actor, activity.unit):
        raise PermissionDeniedError()
    activity = Activity.objects.select_related("unit", "campaign").get(pk=activity.pk)
    already = set(Certificate.objects.filter(activity=activity, revoked_at__isnull=True).exclude(award="")
                  .values_list("holder_id", "award"))
    chosen = [(user, name.strip()[:150], award.strip()[:200]) for user, name, award in winners
              if award.strip() and name.strip() and (user.pk, award.strip()[:200]) not in already]
    if not chosen:
        return []
    now = timezone.now().replace(microsecond=0)
    made = []
    for (user, name, award), code in zip(chosen, _fresh_codes(len(chosen)), strict=True):
        certificate = Certificate(code=code, activity=activity, campaign=activity.campaign, unit=activity.unit,
                                  holder=user, holder_name=name, award=award,
                                  issued_by=actor if actor is not None and actor.is_authenticated else None)
        certificate.credential = credentials.sign(credentials.build_credential(
            code=code, activity=activity, unit=activity.unit, campaign=activity.campaign, session=None,
            holder_name=name, hours=None, issued_at=now, award=award))
        made.append(certificate)
    try:
        with transaction.atomic():
            Certificate.objects.bulk_create(made)
    except IntegrityError as exc:
        raise ConflictError() from exc
    Certificate.objects.filter(code__in=[c.code for c in made]).update(issued_at=now)
    for certificate in made:
        certificate.issued_at = now
    audit_record(actor=actor, action="learners.certificates.awarded", target=activity, unit_id=activity.unit_id,
                 count=len(made))
    return made


@transaction.atomic
def certificate_revoke(*, actor, certificate: Certificate, reason: str) -> Certificate:
    """Mark a certificate revoked (it is kept, and its page says so). The reason is for the organisers and the
    holder; the audit entry leaves it out, since it may concern the person."""
    certificate = Certificate.objects.select_for_update().select_related("unit").get(pk=certificate.pk)
    if not _may_edit(actor, certificate.unit):
        raise PermissionDeniedError()
    reason = normalize_text(reason or "")
    limit = Certificate._meta.get_field("revoke_reason").max_length
    if not reason:
        raise ValidationFailed(details=[{"field": "reason", "message": _("Say why the certificate is revoked.")}])
    if len(reason) > limit:
        raise ValidationFailed(details=[{"field": "reason", "message": _(
            "At most %(limit)d characters.") % {"limit": limit}}])
    if certificate.revoked_at is not None:
        raise ValidationFailed(_("This certificate was already revoked."))
    certificate.revoked_at, certificate.revoke_reason = timezone.now(), reason
    certificate.save(update_fields=["revoked_at", "revoke_reason"])
    audit_record(actor=actor, action="learners.certificate.revoked", target=certificate,
                 unit_id=certificate.unit_id, activity=certificate.activity_id)
    return certificate


def is_holder(user, certificate: Certificate) -> bool:
    """The person the certificate was issued to: its holder account, or the account its registration belongs
    to now (a registration claimed after the certificate was issued)."""
    if user is None or not user.is_authenticated:
        return False
    if certificate.holder_id == user.pk:
        return True
    if certificate.registration_id is None:
        return False
    return Registration.objects.filter(pk=certificate.registration_id, account_id=user.pk).exists()


@transaction.atomic
def certificate_set_show_name(*, actor, certificate: Certificate, show: bool) -> Certificate:
    """The holder chooses whether the public verification page shows their name (it does not by default)."""
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if not is_holder(actor, certificate):
        raise PermissionDeniedError()
    show = bool(show)
    if certificate.show_name != show:
        certificate.show_name = show
        certificate.save(update_fields=["show_name"])
        audit_record(actor=actor, action="learners.certificate.show_name", target=certificate,
                     unit_id=certificate.unit_id, show=show)
    return certificate


def certificates_erase_for_account(*, user) -> int:
    """When a learner deletes their account: their certificates keep counting (unit, activity, campaign,
    issue and revocation dates) but lose the name and the signed credential that carries it, and stop showing
    a name. Called inside the deletion's transaction, which leaves the audit entry; returns how many."""
    return Certificate.objects.filter(Q(holder=user) | Q(registration__account=user)).update(
        holder=None, holder_name="", credential="", show_name=False)
