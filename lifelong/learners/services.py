"""Writes of learners: the account's profile and consents, claiming registrations, export and deletion.

Every service acts for the logged-in person on their own data only (`actor` is the learner), runs in one
transaction and leaves one audit entry that names no personal data.
"""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from lifelong.activities.models import Registration
from lifelong.activities.services import PHONE_PATTERN, normalise_phone, registration_erase_for_account
from lifelong.core.audit import audit_record
from lifelong.core.errors import PermissionDeniedError, ValidationFailed
from lifelong.core.text import normalize_text
from lifelong.learners.certificates import certificates_erase_for_account
from lifelong.learners.models import Certificate, Consent, LearnerProfile
from lifelong.orgs.models import OrgUnit

__all__ = ["PHONE_PATTERN"]


def _require_self(actor) -> None:
    if actor is None or not actor.is_authenticated:
        raise PermissionDeniedError()


@transaction.atomic
def learner_signed_up(*, user, display_name: str, consent_text: str) -> LearnerProfile:
    """Called by the sign-up form once allauth has made the user: the profile and the consent it rests on."""
    name = normalize_text(display_name)[:150]
    user.full_name = name
    user.save(update_fields=["full_name"])
    profile, _created = LearnerProfile.objects.get_or_create(user=user, defaults={"display_name": name})
    if profile.display_name != name:
        profile.display_name = name
        profile.save(update_fields=["display_name"])
    Consent.objects.create(user=user, purpose=Consent.Purpose.ACCOUNT, text=consent_text)
    audit_record(actor=user, action="learners.account.created", target=profile)
    return profile


def profile_of(user) -> LearnerProfile:
    """The learner's profile (created empty for an account that has none yet, e.g. an official's)."""
    profile, _created = LearnerProfile.objects.get_or_create(user=user, defaults={"display_name":
                                                                                   user.display_name()})
    return profile


@transaction.atomic
def profile_update(*, actor, display_name: str, birth_year: int | None, home_commune: OrgUnit | None,
                   target_group: str) -> LearnerProfile:
    _require_self(actor)
    profile = profile_of(actor)
    errors = []
    name = normalize_text(display_name)
    if not name:
        errors.append({"field": "display_name", "message": _("Give the name to show.")})
    this_year = timezone.localdate().year
    if birth_year is not None and not 1900 <= birth_year <= this_year:
        errors.append({"field": "birth_year", "message": _("Give a year between 1900 and %(year)s.") % {
            "year": this_year}})
    if home_commune is not None and home_commune.kind != OrgUnit.Kind.COMMUNE:
        errors.append({"field": "home_commune", "message": _("Choose a commune, ward or special zone.")})
    if errors:
        raise ValidationFailed(details=errors)
    profile.display_name, profile.birth_year, profile.home_commune = name[:150], birth_year, home_commune
    profile.target_group = target_group
    profile.full_clean()
    profile.save()
    actor.full_name = profile.display_name
    actor.save(update_fields=["full_name"])
    audit_record(actor=actor, action="learners.profile.updated", target=profile)
    return profile


@transaction.atomic
def consent_give(*, actor, purpose: str, text: str) -> Consent:
    _require_self(actor)
    if purpose not in Consent.Purpose.values:
        raise ValidationFailed(_("Unknown purpose."))
    consent = Consent.objects.create(user=actor, purpose=purpose, text=text)
    audit_record(actor=actor, action="learners.consent.given", target=consent, purpose=purpose)
    return consent


@transaction.atomic
def consent_withdraw(*, actor, consent: Consent) -> None:
    """Withdraw a consent. The account's own consent is withdrawn by deleting the account (account_delete)."""
    _require_self(actor)
    if consent.user_id != actor.pk:
        raise PermissionDeniedError()
    if consent.purpose == Consent.Purpose.ACCOUNT:
        raise ValidationFailed(_("To withdraw this consent, delete your account: the account rests on it."))
    if consent.withdrawn_at is None:
        consent.withdrawn_at = timezone.now()
        consent.save(update_fields=["withdrawn_at"])
    audit_record(actor=actor, action="learners.consent.withdrawn", target=consent, purpose=consent.purpose)


@transaction.atomic
def reminders_set(*, actor, wanted: bool, text: str) -> None:
    """Give or withdraw the consent to be reminded of one's registrations."""
    _require_self(actor)
    current = Consent.objects.filter(user=actor, purpose=Consent.Purpose.REMINDERS, withdrawn_at__isnull=True)
    if wanted and not current.exists():
        consent_give(actor=actor, purpose=Consent.Purpose.REMINDERS, text=text)
    elif not wanted:
        for consent in current:
            consent_withdraw(actor=actor, consent=consent)


def has_consent(user, purpose: str) -> bool:
    return Consent.objects.filter(user=user, purpose=purpose, withdrawn_at__isnull=True).exists()


def verified_contacts(user) -> tuple[list[str], list[str]]:
    """The e-mail addresses (verified by their link) and phones (verified) that prove whose a registration is."""
    emails = [e.lower() for e in EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)]
    phones = list(LearnerProfile.objects.filter(user=user, phone_verified=True).exclude(phone=None)
                  .values_list("phone", flat=True))
    return emails, phones


def claimable_registrations(user):
    """Registrations made without logging in, with one of the person's verified e-mails or phones."""
    emails, phones = verified_contacts(user)
    keys = [f"mail:{e}" for e in emails] + [f"tel:{normalise_phone(p)}" for p in phones]
    if not keys:
        return Registration.objects.none()
    return Registration.objects.filter(account__isnull=True, contact_key__in=keys)


@transaction.atomic
def registrations_claim(*, actor) -> int:
    """Attach to the account the registrations its verified contacts made before it existed."""
    _require_self(actor)
    count = claimable_registrations(actor).update(account=actor)
    if count:
        Certificate.objects.filter(registration__account=actor, holder__isnull=True).update(holder=actor)
    audit_record(actor=actor, action="learners.registrations.claimed", count=count)
    return count


def account_export(user) -> dict:
    """Everything the platform keeps about the person, as they can download it (JSON)."""
    from lifelong.learners import selectors

    profile = LearnerProfile.objects.filter(user=user).select_related("home_commune").first()
    record = selectors.learning_record(user)
    return {
        "account": {"username": user.username, "name": user.display_name(), "date_joined": user.date_joined,
                    "last_login": user.last_login,
                    "emails": [{"email": e.email, "verified": e.verified, "primary": e.primary}
                               for e in EmailAddress.objects.filter(user=user)]},
        "profile": None if profile is None else {
            "display_name": profile.display_name, "birth_year": profile.birth_year,
            "home_commune": profile.home_commune.name if profile.home_commune else None,
            "target_group": profile.target_group, "phone": profile.phone, "phone_verified": profile.phone_verified},
        "consents": [{"purpose": c.purpose, "text": c.text, "given_at": c.given_at, "withdrawn_at": c.withdrawn_at}
                     for c in Consent.objects.filter(user=user)],
        "registrations": [
            {"activity": r.session.activity.title, "organiser": r.session.activity.unit.name,
             "starts_at": r.session.starts_at, "ends_at": r.session.ends_at, "name": r.name, "phone": r.phone,
             "email": r.email, "group": r.group, "status": r.status, "checked_in_at": r.checked_in_at,
             "registered_at": r.created_at}
            for r in Registration.objects.filter(account=user).select_related("session__activity__unit")],
        "certificates": [{"code": c.code, "activity": c.activity.title, "issued_at": c.issued_at,
                          "revoked_at": c.revoked_at, "show_name": c.show_name} for c in record.certificates],
        "exported_at": timezone.now(),
    }


@transaction.atomic
def account_delete(*, actor) -> None:
    """Delete the learner's account: personal data erased, anonymous counts kept.

    Registrations keep their group, status and check-in time without name or contact (so every unit's
    numbers stay); certificates keep being valid documents of the unit, without the holder's name; the
    profile, consents, e-mail addresses and the user are deleted. An official (a member of a unit) is
    removed from their units by an administrator first.
    """
    _require_self(actor)
    if actor.memberships.exists() or actor.is_superuser:
        raise ValidationFailed(_("This account has a role in a unit: ask the unit's administrator to remove it "
                                 "first."))
    certificates_erase_for_account(user=actor)
    for path in settings.ACCOUNT_ERASE_HOOKS:  # other apps' data of the person (their self-assessments …)
        import_string(path)(user=actor)
    for registration in Registration.objects.filter(account=actor):
        registration_erase_for_account(registration=registration)
    Registration.objects.filter(account=actor).update(account=None)
    audit_record(actor=None, action="learners.account.deleted", joined=actor.date_joined.year)
    actor.delete()
