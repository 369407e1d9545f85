"""The administrative tree, the people who work in it, and what they may do.

Every organisation that plans, organises or reports is an `OrgUnit` in a single tree:
the Ministry (Bộ Giáo dục và Đào tạo) at the root, the 34 provinces under it, then each province's
departments, associations and communes (3,321 since 1 July 2025, when districts were abolished),
then the offices, schools, villages and agencies of each commune. Provinces and communes carry
their official codes from the `vietnam-provinces` package; units created by users may carry a
local code of their own. Codes are text ("01", "00634"), unique across the tree when present.

The tree is stored as a materialised path: each unit's `path` is its parent's path followed by a
fixed-width segment of its own (4 base-36 characters, so up to 1.6 million children per unit).
A unit's whole subtree is therefore `path LIKE '<its path>%'`, a single indexed query however deep
the tree; code never walks children one by one.

People are `User`s. A `Membership` gives a user one role on one unit, and the role holds for the
unit's whole subtree:

- viewer: reads the unit's and its subtree's data (members, drafts, reports);
- editor: also edits that data (plans, activities, reports);
- admin: also manages the subtree's structure (creates and imports sub-units) and its members.

"Which units may this user see / edit / administer" is answered in one place,
`lifelong.orgs.permissions`, and every other app uses it.

An `ApiToken` lets a program act as its user through /api/v1 (only a hash of the key is stored).
"""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _

from lifelong.core.text import SORT_KEY_LENGTH, search_key, sort_key

PATH_STEP = 4  # characters per level in OrgUnit.path
PATH_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class User(AbstractUser):
    """A person who logs in. Citizens who only register for activities are not users."""

    full_name = models.CharField(_("full name"), max_length=150, blank=True)

    def display_name(self) -> str:
        return self.full_name or self.get_full_name() or self.username


class OrgUnit(models.Model):
    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("Ministry")
        PROVINCE = "province", _("Province / centrally-run city")
        DEPARTMENT = "department", _("Provincial department or agency")
        ASSOCIATION = "association", _("Association / mass organisation")
        COMMUNE = "commune", _("Commune / ward / special zone")
        OFFICE = "office", _("Commune office")
        SCHOOL = "school", _("School / educational institution")
        VILLAGE = "village", _("Village / residential group")
        LEARNING_CENTRE = "learning_centre", _("Community learning centre")
        AGENCY = "agency", _("Agency / subordinate unit")

    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    code = models.CharField(_("code"), max_length=40, null=True, blank=True, unique=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children", verbose_name=_("parent")
    )
    path = models.CharField(max_length=255, unique=True, editable=False)
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    search_key = models.CharField(max_length=255, editable=False, db_index=True)
    # Lists of units are ordered by this, Vietnamese alphabetical order of the name on any database
    # (lifelong.core.text.sort_key); kept with search_key by refresh_keys(). The database default
    # only serves rows inserted with raw SQL (benchmarks): they sort first until renamed.
    sort_key = models.CharField(max_length=SORT_KEY_LENGTH, editable=False, db_default="")
    # Incremented on every edit; an edit made from a stale copy is refused (see services.unit_update).
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["path"]
        indexes = [
            # LIKE 'prefix%' uses this index on PostgreSQL whatever the database collation;
            # other databases ignore the operator class.
            models.Index(fields=["path"], name="orgunit_path_prefix", opclasses=["varchar_pattern_ops"]),
            models.Index(fields=["parent", "name"], name="orgunit_parent_name"),
            models.Index(fields=["kind"], name="orgunit_kind"),
            # The children of a unit, by kind and then name (orgs.selectors.unit_children), and the
            # communes of a province (activities).
            models.Index(fields=["parent", "kind", "sort_key"], name="orgunit_parent_kind_sort"),
            # How many units of a kind lie in a subtree (recognition rates: communes, villages, schools…).
            models.Index(fields=["kind", "path"], name="orgunit_kind_path",
                         opclasses=["varchar_ops", "varchar_pattern_ops"]),
        ]

    def __str__(self) -> str:
        return self.name

    def refresh_keys(self) -> None:
        """Recompute the columns derived from the name and code; every write of a name calls it."""
        self.search_key = search_key(f"{self.name} {self.code or ''}")[:255]
        self.sort_key = sort_key(self.name)

    def ancestor_paths(self) -> list[str]:
        """Paths of every ancestor, root first (not including this unit)."""
        return [self.path[:end] for end in range(PATH_STEP, len(self.path), PATH_STEP)]

    def is_within(self, other: "OrgUnit") -> bool:
        """True when this unit is `other` or lies in its subtree."""
        return self.path.startswith(other.path)


def kind_rank():
    """The kinds in the order of OrgUnit.Kind (departments before communes, schools before villages), for
    order_by(kind_rank(), "sort_key"): lists of units grouped the way the administration thinks of them, and
    alphabetical (Vietnamese order) inside each group."""
    return Case(*[When(kind=kind, then=Value(rank)) for rank, kind in enumerate(OrgUnit.Kind.values)],
                default=Value(len(OrgUnit.Kind.values)), output_field=IntegerField())


class TreeVersion(models.Model):
    """One row, counted up in the same transaction as every change to the tree (services and load_units), so that
    what is derived from the tree (the province and commune options of the public filters) can be kept keyed by it
    and is never served stale (lifelong.orgs.selectors.unit_choices)."""

    value = models.PositiveBigIntegerField(default=1)

    def __str__(self) -> str:
        return str(self.value)


class Membership(models.Model):
    class Role(models.TextChoices):
        VIEWER = "viewer", _("Viewer")
        EDITOR = "editor", _("Editor")
        ADMIN = "admin", _("Administrator")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "unit"], name="membership_user_unit_unique")]
        ordering = ["unit__path", "user__username"]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.unit}"


class ApiToken(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=8)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
