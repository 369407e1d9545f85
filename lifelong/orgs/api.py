"""/api/v1 endpoints for units, members and the current user.

Unit names, kinds and codes are public; members need a viewer role on the unit.
"""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema

from lifelong.core.api import AUTH, OPTIONAL_AUTH
from lifelong.core.errors import PermissionDeniedError
from lifelong.core.schema import Id, Offset, Text
from lifelong.orgs import permissions, selectors
from lifelong.orgs.models import OrgUnit

router = Router(tags=["units"])

MAX_LIMIT = 500


class UnitOut(Schema):
    id: int
    name: str
    kind: str
    kind_label: str
    code: str | None
    parent_id: int | None
    depth: int
    child_count: int | None = None


class UnitDetailOut(UnitOut):
    breadcrumbs: list[UnitOut]


class UnitPage(Schema):
    count: int
    items: list[UnitOut]


class MemberOut(Schema):
    id: int
    username: str
    full_name: str
    email: str
    role: str


class MembershipOut(Schema):
    unit: UnitOut
    role: str


class MeOut(Schema):
    id: int
    username: str
    full_name: str
    email: str
    is_superuser: bool
    memberships: list[MembershipOut]


def _unit_out(unit: OrgUnit) -> dict:
    return {
        "id": unit.pk, "name": unit.name, "kind": unit.kind, "kind_label": str(unit.get_kind_display()),
        "code": unit.code, "parent_id": unit.parent_id, "depth": unit.depth,
        "child_count": getattr(unit, "child_count", None),
    }


def _page(queryset, limit: int, offset: int) -> dict:
    limit = max(1, min(limit, MAX_LIMIT))
    offset = max(0, offset)
    return {"count": queryset.count(), "items": [_unit_out(u) for u in queryset[offset:offset + limit]]}


def _get_unit(unit_id: int) -> OrgUnit:
    unit = selectors.unit_get(unit_id)
    if unit is None:
        raise Http404
    return unit


@router.get("/units", response=UnitPage, auth=OPTIONAL_AUTH, summary="List and search units")
def list_units(request, search: Text(200) = "", kind: OrgUnit.Kind | None = None, within: Id | None = None,
               limit: int = Query(50, ge=1, le=MAX_LIMIT), offset: Offset = 0):
    """Search ignores case and tone marks ("tay mo" finds "Phường Tây Mỗ"); `within` limits to a subtree."""
    scope = _get_unit(within) if within is not None else None
    return _page(selectors.unit_search(search, kind=kind, within=scope), limit, offset)


@router.get("/units/{unit_id}", response=UnitDetailOut, auth=OPTIONAL_AUTH, summary="One unit with its breadcrumbs")
def get_unit(request, unit_id: Id):
    unit = _get_unit(unit_id)
    data = _unit_out(unit)
    data["breadcrumbs"] = [_unit_out(u) for u in selectors.unit_breadcrumbs(unit)]
    return data


@router.get("/units/{unit_id}/children", response=UnitPage, auth=OPTIONAL_AUTH, summary="Direct children of a unit")
def get_children(request, unit_id: Id, limit: int = Query(100, ge=1, le=MAX_LIMIT), offset: Offset = 0):
    return _page(selectors.unit_children(_get_unit(unit_id)), limit, offset)


@router.get("/units/{unit_id}/members", response=list[MemberOut], auth=AUTH, summary="Members of a unit")
def get_members(request, unit_id: Id):
    unit = _get_unit(unit_id)
    if not permissions.can_view(request.user, unit):
        raise PermissionDeniedError(_("You may not see the members of this unit."))
    return [
        {"id": m.pk, "username": m.user.username, "full_name": m.user.display_name(), "email": m.user.email,
         "role": m.role}
        for m in selectors.membership_list(actor=request.user, unit=unit)
    ]


@router.get("/me", response=MeOut, auth=AUTH, tags=["me"], summary="The authenticated user")
def me(request):
    user = request.user
    return {
        "id": user.pk, "username": user.username, "full_name": user.display_name(), "email": user.email,
        "is_superuser": user.is_superuser,
        "memberships": [{"unit": _unit_out(m.unit), "role": m.role}
                        for m in selectors.membership_list_for_user(user)],
    }
