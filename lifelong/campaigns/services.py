"""Writes of campaigns and their activity categories (the Ministry's editors only; the separation-of-duties
setting, `separate_review`, by its admins only)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from lifelong.campaigns.models import DEFAULT_CATEGORIES, ActivityCategory, Campaign
from lifelong.core.audit import audit_record
from lifelong.core.errors import ConflictError, PermissionDeniedError, ValidationFailed
from lifelong.core.text import normalize_text, strip_control
from lifelong.orgs import permissions
from lifelong.orgs.models import OrgUnit

CAMPAIGN_FIELDS = ("name", "theme", "start_date", "end_date", "opening_date", "slogans", "separate_review")


def _may_edit(actor, owner: OrgUnit) -> bool:
    return actor is None or permissions.can_edit(actor, owner)


def _may_admin(actor, owner: OrgUnit) -> bool:
    return actor is None or permissions.can_admin(actor, owner)


def _validation_failed(exc: ValidationError) -> ValidationFailed:
    return ValidationFailed(details=[{"field": f, "message": str(m)} for f, ms in exc.message_dict.items() for m in ms])


def _check_dates(campaign: Campaign) -> None:
    errors = []
    if campaign.start_date and campaign.end_date and campaign.end_date < campaign.start_date:
        errors.append({"field": "end_date", "message": _("The end date is before the start date.")})
    if campaign.opening_date and campaign.start_date and campaign.end_date and not (
            campaign.start_date <= campaign.opening_date <= campaign.end_date):
        errors.append({"field": "opening_date", "message": _("The opening ceremony must fall within the Week.")})
    if errors:
        raise ValidationFailed(details=errors)


@transaction.atomic
def campaign_create(*, actor, owner: OrgUnit, year: int, name: str = "", theme: str = "", start_date, end_date,
                    opening_date=None, slogans: str | None = None, separate_review: bool = False) -> Campaign:
    if owner.kind != OrgUnit.Kind.MINISTRY:
        raise ValidationFailed(_("Only the Ministry owns campaigns."))
    if not _may_edit(actor, owner) or (separate_review and not _may_admin(actor, owner)):
        raise PermissionDeniedError()
    campaign = Campaign(owner=owner, year=year, theme=normalize_text(theme), start_date=start_date,
                        end_date=end_date, opening_date=opening_date or start_date, separate_review=separate_review,
                        name=normalize_text(name) or f"Tuần lễ hưởng ứng học tập suốt đời năm {year}")
    if slogans is not None:
        campaign.slogans = strip_control(slogans).strip()
    _check_dates(campaign)
    try:
        campaign.full_clean()
    except ValidationError as exc:
        raise _validation_failed(exc) from exc
    campaign.save()
    ActivityCategory.objects.bulk_create([
        ActivityCategory(campaign=campaign, code=code, letter=letter, name=name_vi, name_en=name_en, order=i)
        for i, (code, letter, name_vi, name_en) in enumerate(DEFAULT_CATEGORIES)
    ])
    for hook in settings.CAMPAIGN_CREATED_HOOKS:  # e.g. reports: install the default results form
        import_string(hook)(actor=actor, campaign=campaign)
    audit_record(actor=actor, action="campaigns.campaign.created", target=campaign, unit_id=owner.pk, year=year,
                 separate_review=separate_review)
    return campaign


@transaction.atomic
def campaign_update(*, actor, campaign: Campaign, version: int, **fields) -> Campaign:
    if not _may_edit(actor, campaign.owner):
        raise PermissionDeniedError()
    changes = {k: v for k, v in fields.items() if k in CAMPAIGN_FIELDS}
    for key in ("name", "theme"):
        if key in changes:
            changes[key] = normalize_text(changes[key])
    if changes.get("slogans") is not None:
        changes["slogans"] = strip_control(changes["slogans"]).strip()
    if "separate_review" in changes:
        changes["separate_review"] = bool(changes["separate_review"])
        if changes["separate_review"] != campaign.separate_review and not _may_admin(actor, campaign.owner):
            raise PermissionDeniedError(_("Only the admins of the campaign's owner may change separation of duties."))
    candidate = Campaign(pk=campaign.pk, owner=campaign.owner, year=campaign.year,
                         **{f: changes.get(f, getattr(campaign, f)) for f in CAMPAIGN_FIELDS})
    candidate._state.adding = False
    _check_dates(candidate)
    try:
        candidate.full_clean()
    except ValidationError as exc:
        raise _validation_failed(exc) from exc
    updated = Campaign.objects.filter(pk=campaign.pk, version=version).update(
        **changes, version=version + 1, updated_at=timezone.now())
    if not updated:
        raise ConflictError()
    campaign.refresh_from_db()
    extra = {"separate_review": campaign.separate_review} if "separate_review" in changes else {}
    audit_record(actor=actor, action="campaigns.campaign.updated", target=campaign, unit_id=campaign.owner_id,
                 fields=sorted(changes), **extra)
    return campaign


@transaction.atomic
def category_save(*, actor, campaign: Campaign, code: str, letter: str, name: str, name_en: str = "",
                  order: int | None = None, active: bool = True) -> ActivityCategory:
    """Add a category or change the one with this code (the year's list differs from the last)."""
    if not _may_edit(actor, campaign.owner):
        raise PermissionDeniedError()
    name = normalize_text(name)
    if not name or not normalize_text(code) or not normalize_text(letter):
        raise ValidationFailed(_("A category needs a code, a letter and a name."))
    category = ActivityCategory.objects.filter(campaign=campaign, code=code).first() or ActivityCategory(
        campaign=campaign, code=code)
    category.letter, category.name, category.name_en, category.active = letter, name, normalize_text(name_en), active
    if order is not None:
        category.order = order
    elif category.pk is None:
        category.order = campaign.categories.count()
    try:
        category.full_clean()
        category.save()
    except ValidationError as exc:
        raise _validation_failed(exc) from exc
    except IntegrityError as exc:
        raise ConflictError() from exc
    audit_record(actor=actor, action="campaigns.category.saved", target=category, unit_id=campaign.owner_id,
                 code=code, active=active)
    return category
