"""What may this user see, edit or administer: the one place that answers it.

A role granted on a unit holds for the unit's whole subtree, and a higher role includes the lower
ones (admin ⊃ editor ⊃ viewer). A user's scope for a role is therefore a handful of path prefixes
(one per membership), and every question becomes a prefix test:

- `units_visible_to(user)` / `units_editable_by(user)` / `units_administered_by(user)` return
  querysets of OrgUnit (one SQL query, `path LIKE 'p1%' OR path LIKE 'p2%'`);
- `scope_filter(user, queryset, unit_field=..., role=...)` filters any other model's queryset by
  the unit it belongs to, for the apps built on this one;
- `can_view` / `can_edit` / `can_admin` check a single unit in Python from the same prefixes.

Superusers (platform operators) see and do everything. Anonymous users have no scope.
The prefixes are computed once per user object and cached on it; the cache lives as long as
the request.
"""

from django.db.models import Q, QuerySet

from lifelong.orgs.models import Membership, OrgUnit

Role = Membership.Role

_RANK = {Role.VIEWER: 1, Role.EDITOR: 2, Role.ADMIN: 3}
_CACHE_ATTR = "_lifelong_scope_prefixes"


def roles_at_least(role: str) -> list[str]:
    return [r for r, rank in _RANK.items() if rank >= _RANK[role]]


def _reduce_prefixes(paths: list[str]) -> list[str]:
    """Drop a prefix that lies inside another one: the outer one already covers it."""
    kept: list[str] = []
    for path in sorted(set(paths)):
        if not kept or not path.startswith(kept[-1]):
            kept.append(path)
    return kept


def scope_prefixes(user, role: str = Role.VIEWER) -> list[str] | None:
    """Path prefixes where `user` holds at least `role`; None means everywhere (superuser)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return []
    if user.is_superuser:
        return None
    cache = getattr(user, _CACHE_ATTR, None)
    if cache is None:
        rows = Membership.objects.filter(user=user).values_list("role", "unit__path")
        cache = {
            r: _reduce_prefixes([path for member_role, path in rows if _RANK[member_role] >= _RANK[r]])
            for r in _RANK
        }
        setattr(user, _CACHE_ATTR, cache)
    return cache[role]


def forget_scope(user) -> None:
    """Drop the cached prefixes, after the user's memberships changed."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def _prefix_q(prefixes: list[str], path_field: str) -> Q:
    query = Q(pk__in=[])
    for prefix in prefixes:
        query |= Q(**{f"{path_field}__startswith": prefix})
    return query


def scope_filter(user, queryset: QuerySet, *, unit_field: str | None = "unit", role: str = Role.VIEWER) -> QuerySet:
    """Keep the rows whose unit lies in the user's scope for `role`.

    `unit_field` is the lookup path from the queryset's model to its OrgUnit ("unit",
    "plan__unit"); None when the queryset is of OrgUnit itself.
    """
    prefixes = scope_prefixes(user, role)
    if prefixes is None:
        return queryset
    if not prefixes:
        return queryset.none()
    path_field = "path" if unit_field is None else f"{unit_field}__path"
    return queryset.filter(_prefix_q(prefixes, path_field))


def units_visible_to(user) -> QuerySet[OrgUnit]:
    return scope_filter(user, OrgUnit.objects.all(), unit_field=None, role=Role.VIEWER)


def units_editable_by(user) -> QuerySet[OrgUnit]:
    return scope_filter(user, OrgUnit.objects.all(), unit_field=None, role=Role.EDITOR)


def units_administered_by(user) -> QuerySet[OrgUnit]:
    return scope_filter(user, OrgUnit.objects.all(), unit_field=None, role=Role.ADMIN)


def has_role(user, unit: OrgUnit, role: str) -> bool:
    prefixes = scope_prefixes(user, role)
    if prefixes is None:
        return True
    return any(unit.path.startswith(prefix) for prefix in prefixes)


def can_view(user, unit: OrgUnit) -> bool:
    return has_role(user, unit, Role.VIEWER)


def can_edit(user, unit: OrgUnit) -> bool:
    return has_role(user, unit, Role.EDITOR)


def can_admin(user, unit: OrgUnit) -> bool:
    return has_role(user, unit, Role.ADMIN)


def home_units(user) -> QuerySet[OrgUnit]:
    """The units the user was given a role on (the tops of its scope), for menus and defaults."""
    if user is None or not user.is_authenticated:
        return OrgUnit.objects.none()
    if user.is_superuser:
        return OrgUnit.objects.filter(parent__isnull=True)
    return OrgUnit.objects.filter(memberships__user=user).distinct().order_by("path")
