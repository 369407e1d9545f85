"""Reads of the tree and its people, always through lifelong.orgs.permissions where data is private.

Unit names, kinds and codes are public (they are public bodies, and citizens look them up to find
activities); members, tokens and everything the later apps attach to a unit are scoped.
"""

from django.core.cache import cache
from django.db import connections, router
from django.db.models import Case, Count, QuerySet, Value, When

from lifelong.core.validation import search_words
from lifelong.orgs import permissions
from lifelong.orgs.models import ApiToken, Membership, OrgUnit, TreeVersion, kind_rank

# How long the options of a filter stay in the cache: a change to the tree makes them unused at once (their key
# holds the tree's version), so this only frees the memory of old versions.
CHOICES_CACHE_SECONDS = 24 * 3600


def tree_version() -> int:
    """The tree's version, counted up by every change to it (services.tree_version_bump); 0 before the first.

    One primary-key read in plain SQL: it is asked on every public list, where the ORM's own work would cost more
    than the read."""
    # From the database the units are read from (a replica inside lifelong.core.replica.read_replica views), so that
    # units read at a version are never those of an older one.
    with connections[router.db_for_read(TreeVersion)].cursor() as cursor:
        cursor.execute(f"SELECT value FROM {TreeVersion._meta.db_table} WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else 0


def place_choices(province_id: int | None) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The options of the public filters: every province, and the communes of the chosen one (none without)."""
    version = tree_version()
    return (unit_choices(OrgUnit.Kind.PROVINCE, version=version),
            unit_choices(OrgUnit.Kind.COMMUNE, parent_id=province_id, version=version) if province_id else [])


def unit_choices(kind: str, *, parent_id: int | None = None, version: int | None = None) -> list[tuple[int, str]]:
    """(id, name) of every unit of a kind, or of those of a kind under one parent, in Vietnamese alphabetical order.
    Kept in the cache under the tree's version (read unless given), so they are read from the database once per
    change to the tree, and never served stale."""
    key = f"orgs:choices:{tree_version() if version is None else version}:{kind}:{parent_id or ''}"
    choices = cache.get(key)
    if choices is None:
        units = OrgUnit.objects.filter(kind=kind)
        if parent_id is not None:
            units = units.filter(parent_id=parent_id)
        choices = list(units.order_by("sort_key", "pk").values_list("pk", "name"))
        cache.set(key, choices, CHOICES_CACHE_SECONDS)
    return choices


def unit_roots() -> QuerySet[OrgUnit]:
    return OrgUnit.objects.filter(parent__isnull=True).annotate(child_count=Count("children"))


def unit_get(unit_id: int) -> OrgUnit | None:
    return OrgUnit.objects.select_related("parent").filter(pk=unit_id).first()


def unit_breadcrumbs(unit: OrgUnit) -> list[OrgUnit]:
    """The unit's ancestors from the root down, in one query."""
    return list(OrgUnit.objects.filter(path__in=unit.ancestor_paths()).order_by("path"))


def unit_children(unit: OrgUnit) -> QuerySet[OrgUnit]:
    """Direct children with how many children each has, ordered by kind then name (Vietnamese order)."""
    return (
        OrgUnit.objects.filter(parent=unit)
        .annotate(child_count=Count("children"))
        .order_by(kind_rank(), "sort_key", "pk")
    )


def unit_subtree(unit: OrgUnit, *, include_self: bool = True) -> QuerySet[OrgUnit]:
    queryset = OrgUnit.objects.filter(path__startswith=unit.path)
    return queryset if include_self else queryset.exclude(pk=unit.pk)


def unit_search(query: str = "", *, kind: str | None = None, within: OrgUnit | None = None) -> QuerySet[OrgUnit]:
    """Units whose name or code contains every word of the query, ignoring case and tone marks."""
    queryset = OrgUnit.objects.all()
    if within is not None:
        queryset = queryset.filter(path__startswith=within.path)
    if kind:
        queryset = queryset.filter(kind=kind)
    words = search_words(query)
    for word in words:
        queryset = queryset.filter(search_key__contains=word)
    if words:
        folded = " ".join(words)
        # The whole phrase ("da nang" in "thanh pho da nang") before scattered words ("dai nang").
        queryset = queryset.annotate(
            phrase_rank=Case(When(search_key__contains=folded, then=Value(0)), default=Value(1))
        ).order_by("phrase_rank", "depth", "sort_key", "pk")
    else:
        queryset = queryset.order_by("depth", "sort_key", "pk")
    return queryset.select_related("parent")


def unit_kind_counts(unit: OrgUnit) -> dict[str, int]:
    """How many units of each kind the subtree holds (the unit excluded), in one grouped query."""
    rows = unit_subtree(unit, include_self=False).values("kind").annotate(n=Count("id")).order_by()
    return {row["kind"]: row["n"] for row in rows}


def membership_list(*, actor, unit: OrgUnit) -> QuerySet[Membership]:
    """Members of the unit itself, if the actor may see the unit's data; nothing otherwise."""
    if not permissions.can_view(actor, unit):
        return Membership.objects.none()
    return Membership.objects.filter(unit=unit).select_related("user", "unit").order_by("role", "user__username")


def membership_list_for_user(user) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("unit").order_by("unit__path")


def api_token_list(user) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)
