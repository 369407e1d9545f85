"""Writes to the tree, memberships and API tokens.

Each service takes keyword arguments, checks the actor's permission, validates, runs in one
transaction and writes one audit entry. `actor=None` means the system itself (management commands
such as load_units); views and the API always pass the request's user, which is never None.
"""

import hashlib
import logging
import secrets

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from lifelong.core.audit import audit_record
from lifelong.core.errors import ConflictError, PermissionDeniedError, ValidationFailed
from lifelong.core.text import normalize_text
from lifelong.orgs import paths, permissions
from lifelong.orgs.importing import UnitRow
from lifelong.orgs.models import ApiToken, Membership, OrgUnit, TreeVersion, User

logger = logging.getLogger(__name__)


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDeniedError()


def _may_admin(actor, unit: OrgUnit | None) -> bool:
    if actor is None:  # the system (management commands)
        return True
    if unit is None:  # creating a root: platform operators only
        return bool(actor.is_authenticated and actor.is_superuser)
    return permissions.can_admin(actor, unit)


def _clean_code(code: str | None) -> str | None:
    code = normalize_text(code or "")
    return code or None


def _full_clean(unit: OrgUnit, exclude: list[str] | None = None) -> None:
    try:
        unit.full_clean(exclude=exclude)
    except ValidationError as exc:
        raise ValidationFailed(details=[{"field": f, "message": str(m)} for f, ms in exc.message_dict.items()
                                        for m in ms]) from exc


def _lock_parent(parent: OrgUnit | None) -> None:
    # Serialises the allocation of child paths under one parent (PostgreSQL row lock; SQLite
    # already runs one writer at a time).
    if parent is not None:
        OrgUnit.objects.select_for_update().filter(pk=parent.pk).first()


def _last_child_path(parent: OrgUnit | None) -> str | None:
    siblings = OrgUnit.objects.filter(parent=parent) if parent else OrgUnit.objects.filter(parent__isnull=True)
    return siblings.aggregate(last=Max("path"))["last"]


def tree_version_bump() -> None:
    """Count the tree's version up, in the caller's transaction: every write of a unit's place, name or kind calls
    it, so that what is kept keyed by the version (selectors.unit_choices) is read again on the next page."""
    if not TreeVersion.objects.filter(pk=1).update(value=F("value") + 1):
        TreeVersion.objects.get_or_create(pk=1, defaults={"value": 2})


@transaction.atomic
def unit_create(*, actor, parent: OrgUnit | None, name: str, kind: str, code: str | None = None) -> OrgUnit:
    _require(_may_admin(actor, parent))
    _lock_parent(parent)
    unit = OrgUnit(parent=parent, name=normalize_text(name), kind=kind, code=_clean_code(code))
    unit.path = paths.child_path(parent.path if parent else "", paths.next_child_number(_last_child_path(parent)))
    unit.depth = parent.depth + 1 if parent else 0
    unit.refresh_keys()
    _full_clean(unit)
    unit.save()
    tree_version_bump()
    audit_record(actor=actor, action="orgs.unit.created", target=unit, unit_id=unit.pk,
                 name=unit.name, kind=unit.kind, code=unit.code)
    return unit


@transaction.atomic
def unit_update(*, actor, unit: OrgUnit, version: int, name: str, kind: str, code: str | None) -> OrgUnit:
    """Rename or re-code a unit. Its identity belongs to its parent, so the parent's admins edit it."""
    _require(_may_admin(actor, unit.parent))
    changes = {"name": normalize_text(name), "kind": kind, "code": _clean_code(code)}
    candidate = OrgUnit(pk=unit.pk, parent=unit.parent, path=unit.path, depth=unit.depth, **changes)
    candidate._state.adding = False  # so that unique checks skip the unit's own row
    candidate.refresh_keys()
    _full_clean(candidate, exclude=["path", "search_key", "sort_key"])
    updated = OrgUnit.objects.filter(pk=unit.pk, version=version).update(
        **changes, search_key=candidate.search_key, sort_key=candidate.sort_key, version=version + 1,
        updated_at=timezone.now()
    )
    if not updated:
        raise ConflictError()
    tree_version_bump()
    before = {field: getattr(unit, field) for field in changes}
    unit.refresh_from_db()
    audit_record(actor=actor, action="orgs.unit.updated", target=unit, unit_id=unit.pk,
                 before=before, after=changes)
    return unit


@transaction.atomic
def units_import(*, actor, parent: OrgUnit, rows: list[UnitRow], source_name: str = "") -> list[OrgUnit]:
    """Create the sub-units of a checked file (see importing.check_unit_rows) in one transaction.

    `rows` must already have been checked against the database; each row's `parent_row` (another
    row of the file) or `parent_unit` (an existing unit) says where it goes. Parents are inserted
    before their children, one bulk insert per level of the file's own forest.
    """
    _require(_may_admin(actor, parent))
    existing_parent_ids = {row.parent_unit.pk for row in rows if row.parent_unit is not None}
    for parent_id in sorted(existing_parent_ids):
        _lock_parent(OrgUnit(pk=parent_id))
    last_paths = dict(
        OrgUnit.objects.filter(parent_id__in=existing_parent_ids)
        .values("parent_id").annotate(last=Max("path")).values_list("parent_id", "last")
    )
    next_number = {("unit", pk): paths.next_child_number(last) for pk, last in last_paths.items()}

    created: dict[int, OrgUnit] = {}  # row index -> unit
    remaining = list(rows)
    while remaining:
        level = [r for r in remaining if r.parent_row is None or r.parent_row.index in created]
        if not level:  # check_unit_rows rejects cycles; this guards against misuse.
            raise ValidationFailed(_("The file's parent codes form a loop."))
        batch = []
        for row in level:
            parent_unit = created[row.parent_row.index] if row.parent_row else row.parent_unit
            key = ("unit", parent_unit.pk)
            number = next_number.get(key, 0)
            next_number[key] = number + 1
            unit = OrgUnit(parent=parent_unit, name=row.name, kind=row.kind, code=row.code,
                           path=paths.child_path(parent_unit.path, number), depth=parent_unit.depth + 1)
            unit.refresh_keys()
            batch.append((row, unit))
        try:
            OrgUnit.objects.bulk_create([unit for _row, unit in batch], batch_size=1000)
        except IntegrityError as exc:  # a code taken between the check and the insert
            raise ConflictError(_("Another change to the same units happened meanwhile; nothing was imported. "
                                  "Please upload the file again.")) from exc
        for row, unit in batch:
            created[row.index] = unit
        level_ids = {id(r) for r in level}
        remaining = [r for r in remaining if id(r) not in level_ids]
    tree_version_bump()
    audit_record(actor=actor, action="orgs.unit.imported", target=parent, unit_id=parent.pk,
                 count=len(created), file=source_name)
    return list(created.values())


def _send_invitation(*, request_site: str, user: User, unit: OrgUnit, role_label: str, new_user: bool) -> None:
    if new_user:
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        token = default_token_generator.make_token(user)
        link = request_site + reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token})
        body = _(
            "You have been invited to lifelong as %(role)s of %(unit)s.\n"
            "Your user name is %(username)s. Choose your password here: %(link)s"
        ) % {"role": role_label, "unit": unit.name, "username": user.username, "link": link}
    else:
        body = _("You have been given the role %(role)s on %(unit)s in lifelong.") % {
            "role": role_label, "unit": unit.name}
    try:
        send_mail(_("Invitation to lifelong"), body, None, [user.email], fail_silently=False)
    except Exception:  # the membership stands; a mail server that is down must not turn it into an error page
        logger.exception("Invitation e-mail to user %s could not be sent", user.pk)


@transaction.atomic
def membership_invite(*, actor, unit: OrgUnit, email: str, role: str, full_name: str = "",
                      site_url: str | None = None) -> tuple[Membership, bool]:
    """Give a person a role on a unit of the actor's subtree, creating their account if needed."""
    _require(_may_admin(actor, unit))
    email = normalize_text(email).lower()
    errors = []
    try:
        if len(email) > User._meta.get_field("username").max_length:  # the address is the new user name
            raise ValidationError("too long")
        validate_email(email)
    except ValidationError:
        errors.append({"field": "email", "message": _("Enter a valid e-mail address.")})
    if role not in Membership.Role.values:
        errors.append({"field": "role", "message": _("Unknown role.")})
    if errors:
        raise ValidationFailed(details=errors)
    user = User.objects.filter(email__iexact=email).order_by("pk").first()
    new_user = user is None
    if new_user:
        user = User(username=email, email=email, full_name=normalize_text(full_name))
        user.set_unusable_password()
        user.save()
    elif Membership.objects.filter(user=user, unit=unit).exists():
        raise ValidationFailed(details=[{"field": "email", "message": _(
            "This person is already a member of this unit.")}])
    membership = Membership.objects.create(
        user=user, unit=unit, role=role, created_by=actor if actor is not None else None
    )
    audit_record(actor=actor, action="orgs.membership.invited", target=membership, unit_id=unit.pk,
                 email=email, role=role, new_user=new_user)
    transaction.on_commit(lambda: _send_invitation(
        request_site=site_url or settings.SITE_URL, user=user, unit=unit,
        role_label=str(membership.get_role_display()), new_user=new_user))
    return membership, new_user


@transaction.atomic
def membership_remove(*, actor, membership: Membership) -> None:
    _require(_may_admin(actor, membership.unit))
    audit_record(actor=actor, action="orgs.membership.removed", target=membership, unit_id=membership.unit_id,
                 user=membership.user.username, role=membership.role)
    membership.delete()


def _hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, actor: User, name: str) -> tuple[ApiToken, str]:
    """A new token for the actor; the clear key is returned once and never stored."""
    _require(actor is not None and actor.is_authenticated)
    name = normalize_text(name)
    if not name:
        raise ValidationFailed(details=[{"field": "name", "message": _("Give the token a name.")}])
    key = "ll_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=actor, name=name[:100], prefix=key[3:11], key_hash=_hash_key(key))
    audit_record(actor=actor, action="orgs.api_token.created", target=token, name=token.name)
    return token, key


@transaction.atomic
def api_token_revoke(*, actor: User, token: ApiToken) -> None:
    _require(actor is not None and actor.is_authenticated and token.user_id == actor.pk)
    audit_record(actor=actor, action="orgs.api_token.revoked", target=token, name=token.name)
    token.delete()


def api_token_authenticate(key: str) -> User | None:
    """The active user a clear key belongs to, or None. Records when the token was last used."""
    if not key:
        return None
    token = ApiToken.objects.select_related("user").filter(key_hash=_hash_key(key)).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
