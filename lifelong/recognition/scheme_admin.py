"""The Ministry's administrator completes the schemes: wording, points, the "checked against the text" mark,
and the recognising authority on the tree. A scheme in use is frozen: its rules are changed by copying it into
a new version (a new code, the next years), never in place, so that every past assessment keeps the rules it
was made under.

Only administrators of the root of the tree (the Ministry) or platform operators edit schemes; every write is
audited and checks the scheme's version.
"""

from django.db import transaction
from django.db.models import F, Max
from django.utils.translation import gettext as _

from lifelong.core.audit import audit_record
from lifelong.core.errors import ConflictError, PermissionDeniedError, ValidationFailed
from lifelong.core.text import normalize_text
from lifelong.orgs.models import OrgUnit
from lifelong.orgs.permissions import can_admin
from lifelong.recognition.models import Assessment, AuthorityRule, Criterion, Indicator, Level, Scheme


def can_edit_schemes(user) -> bool:
    if user is None or not user.is_authenticated:
        return False
    root = OrgUnit.objects.filter(parent__isnull=True).order_by("pk").first()
    return user.is_superuser or (root is not None and can_admin(user, root))


def is_frozen(scheme: Scheme) -> bool:
    return Assessment.objects.filter(scheme=scheme).exists()


def _editable(actor, scheme: Scheme, version: int | None) -> Scheme:
    if not can_edit_schemes(actor):
        raise PermissionDeniedError()
    scheme = Scheme.objects.select_for_update().get(pk=scheme.pk)
    if version is not None and version != scheme.version:
        raise ConflictError()
    if is_frozen(scheme):
        raise ConflictError(_("This scheme is in use: its rules are frozen. Copy it into a new version to change "
                              "them."))
    return scheme


def _touch(scheme: Scheme) -> None:
    Scheme.objects.filter(pk=scheme.pk).update(version=F("version") + 1)


@transaction.atomic
def indicator_update(*, actor, indicator: Indicator, text: str, confirmed: bool, max_points: int | None = None,
                     min_points: int | None = None, version: int | None = None) -> Indicator:
    scheme = _editable(actor, indicator.criterion.scheme, version)
    text = normalize_text(text)
    errors = []
    if not text:
        errors.append({"field": "text", "message": _("Give the indicator's wording.")})
    if scheme.is_points:
        if max_points is None or not 1 <= max_points <= 100:
            errors.append({"field": "max_points", "message": _("Give the maximum points (1 to 100).")})
        elif min_points is not None and not 0 <= min_points <= max_points:
            errors.append({"field": "min_points", "message": _("The minimum lies between 0 and the maximum.")})
    if errors:
        raise ValidationFailed(details=errors)
    indicator.text, indicator.confirmed = text, bool(confirmed)
    if scheme.is_points:
        indicator.max_points, indicator.min_points = max_points, min_points
    indicator.save()
    _touch(scheme)
    audit_record(actor=actor, action="recognition.scheme.indicator_updated", target=scheme, indicator=indicator.code)
    return indicator


@transaction.atomic
def scheme_mark(*, actor, scheme: Scheme, confirmed: bool, note: str, active: bool,
                version: int | None = None) -> Scheme:
    """The scheme's own marks; allowed on a frozen scheme too (they change no rule)."""
    if not can_edit_schemes(actor):
        raise PermissionDeniedError()
    current = Scheme.objects.select_for_update().get(pk=scheme.pk)
    if version is not None and version != current.version:
        raise ConflictError()
    current.confirmed, current.note, current.active = bool(confirmed), note.strip()[:5000], bool(active)
    current.version = F("version") + 1
    current.save(update_fields=["confirmed", "note", "active", "version", "updated_at"])
    current.refresh_from_db()
    audit_record(actor=actor, action="recognition.scheme.marked", target=current)
    return current


@transaction.atomic
def scheme_copy(*, actor, scheme: Scheme, code: str, valid_from: int) -> Scheme:
    """A new version of `scheme` for the years from `valid_from`; the old one ends the year before."""
    if not can_edit_schemes(actor):
        raise PermissionDeniedError()
    code = normalize_text(code).lower()
    errors = []
    if not code or len(code) > 60 or not all(ch.isascii() and (ch.isalnum() or ch == "-") for ch in code):
        errors.append({"field": "code", "message": _("The code is latin letters, digits and dashes.")})
    elif Scheme.objects.filter(code=code).exists():
        errors.append({"field": "code", "message": _("This code is taken.")})
    used_until = Assessment.objects.filter(scheme=scheme).aggregate(last=Max("year"))["last"] or scheme.valid_from
    if not isinstance(valid_from, int) or not max(scheme.valid_from, used_until) < valid_from <= 2100:
        errors.append({"field": "valid_from", "message": _("The new version starts after %(year)s, the last year "
                                                           "rated under this one.") % {
            "year": max(scheme.valid_from, used_until)}})
    if errors:
        raise ValidationFailed(details=errors)
    old_levels, old_criteria = list(scheme.levels.all()), list(scheme.criteria.prefetch_related("indicators"))
    rules = list(scheme.authority_rules.all())
    # The old version keeps the years before (and stays offered for them: last year is still being rated).
    ends = valid_from - 1 if scheme.valid_to is None else min(scheme.valid_to, valid_from - 1)
    Scheme.objects.filter(pk=scheme.pk).update(valid_to=ends, version=F("version") + 1)
    new = Scheme.objects.get(pk=scheme.pk)
    new.pk, new.code, new.valid_from, new.valid_to, new.active, new.version = None, code, valid_from, None, True, 1
    new.save()
    Level.objects.bulk_create([Level(scheme=new, number=lv.number, name=lv.name) for lv in old_levels])
    for criterion in old_criteria:
        copied = Criterion.objects.create(scheme=new, code=criterion.code, title=criterion.title,
                                          position=criterion.position, confirmed=criterion.confirmed)
        Indicator.objects.bulk_create([Indicator(
            criterion=copied, code=i.code, text=i.text, level=i.level, max_points=i.max_points, min_points=i.min_points,
            evidence_hint=i.evidence_hint, position=i.position, confirmed=i.confirmed)
            for i in criterion.indicators.all()])
    for rule in rules:
        rule.pk, rule.scheme = None, new
    AuthorityRule.objects.bulk_create(rules)
    audit_record(actor=actor, action="recognition.scheme.copied", target=new, source=scheme.code)
    return new
