"""Writes of school–business links: record a partner (its contact only with consent), publish its offers, apply,
decide. Every write checks who may do it."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lifelong.activities.models import Activity
from lifelong.core.audit import audit_record
from lifelong.core.errors import ConflictError, PermissionDeniedError, ValidationFailed
from lifelong.core.text import normalize_text
from lifelong.core.validation import date_in_range
from lifelong.orgs.models import OrgUnit
from lifelong.orgs.permissions import can_edit
from lifelong.partners.models import Application, Business, Offer
from lifelong.reports.models import Notification


@transaction.atomic
def business_create(*, actor, unit: OrgUnit, data: dict) -> Business:
    if not can_edit(actor, unit):
        raise PermissionDeniedError()
    errors = []
    name = normalize_text(data.get("name") or "")[:300]
    if not name:
        errors.append({"field": "name", "message": _("Give the business's name.")})
    contact = {key: normalize_text(data.get(key) or "")[:limit]
               for key, limit in (("contact_name", 150), ("contact_phone", 20), ("contact_email", 254))}
    if any(contact.values()) and not data.get("contact_consent"):
        errors.append({"field": "contact_consent", "message": _(
            "Record the contact person only with their consent: tick the box, or leave their details out.")})
    if contact["contact_email"]:
        try:
            validate_email(contact["contact_email"])
        except ValidationError:
            errors.append({"field": "contact_email", "message": _("The e-mail address is not valid.")})
    website = (data.get("website") or "").strip()
    if website:
        try:
            URLValidator(schemes=["http", "https"])(website)
        except ValidationError:
            errors.append({"field": "website", "message": _("The address is not a web address.")})
    if errors:
        raise ValidationFailed(details=errors)
    business = Business.objects.create(
        unit=unit, name=name, sector=normalize_text(data.get("sector") or "")[:200], website=website[:300],
        contact_consent_at=timezone.now() if any(contact.values()) else None, **contact)
    audit_record(actor=actor, action="partners.business.created", target=business, unit_id=unit.pk)
    return business


@transaction.atomic
def offer_create(*, actor, business: Business, data: dict, activity: Activity | None = None) -> Offer:
    if not can_edit(actor, business.unit):
        raise PermissionDeniedError()
    errors = []
    title = normalize_text(data.get("title") or "")[:300]
    if data.get("kind") not in Offer.Kind.values:
        errors.append({"field": "kind", "message": _("Choose what the business offers.")})
    if not title:
        errors.append({"field": "title", "message": _("Give the offer a title.")})
    places = data.get("places")
    if places is not None and not (isinstance(places, int) and 1 <= places <= 100000):
        errors.append({"field": "places", "message": _("Give between 1 and 100,000 places.")})
    apply_until = data.get("apply_until")
    if apply_until is not None and not date_in_range(apply_until):
        errors.append({"field": "apply_until", "message": _("Give a date between 2000 and 2100.")})
    if activity is not None and (activity.category.code != "career" or
                                 not activity.unit.path.startswith(business.unit.path)):
        errors.append({"field": "activity", "message": _(
            "Choose one of your unit's school–business activities (kind g).")})
    if errors:
        raise ValidationFailed(details=errors)
    offer = Offer.objects.create(business=business, kind=data["kind"], title=title, places=places,
                                 description=(data.get("description") or "").strip()[:5000],
                                 apply_until=apply_until, activity=activity)
    audit_record(actor=actor, action="partners.offer.created", target=offer, unit_id=business.unit_id)
    return offer


@transaction.atomic
def apply(*, actor, offer: Offer, message: str = "", school: OrgUnit | None = None, people: int = 1) -> Application:
    """A person applies (for themself), or a school's official for a group of its students."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDeniedError(_("Log in to apply."))
    if not offer.published:
        raise PermissionDeniedError()
    if offer.apply_until is not None and timezone.localdate() > offer.apply_until:
        raise ValidationFailed(_("Applications for this offer have closed."))
    if school is not None and not can_edit(actor, school):
        raise PermissionDeniedError()
    if school is None:
        people = 1
    elif not (isinstance(people, int) and 1 <= people <= 1000):
        raise ValidationFailed(details=[{"field": "people", "message": _("Give between 1 and 1,000 people.")}])
    try:
        with transaction.atomic():
            application = Application.objects.create(offer=offer, user=actor, school=school, people=people,
                                                     message=(message or "").strip()[:2000])
    except IntegrityError:
        raise ConflictError(_("You have applied for this offer already.")) from None
    return application


@transaction.atomic
def decide(*, actor, application: Application, accept: bool) -> Application:
    application = Application.objects.select_for_update().select_related("offer__business").get(pk=application.pk)
    if not can_edit(actor, application.offer.business.unit):
        raise PermissionDeniedError()
    application.status = Application.Status.ACCEPTED if accept else Application.Status.DECLINED
    application.decided_at = timezone.now()
    application.save(update_fields=["status", "decided_at"])
    with translation.override("vi"):  # notes are read in the platform's language, whoever decides
        Notification.objects.create(user=application.user, url=f"/doanh-nghiep/{application.offer_id}/", message=(
            _("Your application for “%(title)s” was accepted.") if accept else
            _("Your application for “%(title)s” was declined.")) % {"title": application.offer.title[:150]})
    audit_record(actor=actor, action="partners.application.decided", target=application,
                 unit_id=application.offer.business.unit_id, accepted=accept)
    return application


def contact_erase(*, actor, business: Business) -> None:
    """The contact person asks to be forgotten: their details go, the business stays."""
    if not can_edit(actor, business.unit):
        raise PermissionDeniedError()
    Business.objects.filter(pk=business.pk).update(contact_name="", contact_phone="", contact_email="",
                                                   contact_consent_at=None)
    audit_record(actor=actor, action="partners.contact.erased", target=business, unit_id=business.unit_id)


def applications_erase_for_account(*, user) -> int:
    """An account is deleted: its applications (and their messages) go."""
    return Application.objects.filter(user=user).delete()[0]
