"""Reads of plans, filtered by what the user may see.

Published plans are public documents (anyone may read and download them); drafts and superseded
versions are visible to the users who may see the unit's data (a viewer role on it or above).
"""

from dataclasses import dataclass, field

from django.db.models import Case, CharField, Count, Exists, OuterRef, Q, QuerySet, Value, When
from django.db.models.functions import Substr

from lifelong.campaigns.models import Campaign
from lifelong.orgs import permissions
from lifelong.orgs.models import PATH_STEP, OrgUnit, kind_rank
from lifelong.plans.models import Plan

Status = Plan.Status


def plans_visible_to(user) -> QuerySet[Plan]:
    """Every published plan, plus drafts and old versions of the units in the user's scope."""
    prefixes = permissions.scope_prefixes(user, permissions.Role.VIEWER)
    queryset = Plan.objects.select_related("unit", "campaign")
    if prefixes is None:
        return queryset
    private = Q(pk__in=[])
    for prefix in prefixes:
        private |= Q(unit__path__startswith=prefix)
    return queryset.filter(Q(status=Status.PUBLISHED) | private)


def plan_get(user, plan_id: int) -> Plan | None:
    return plans_visible_to(user).select_related("report_to", "derived_from__unit", "previous").filter(
        pk=plan_id).first()


def plans_of_unit(user, unit: OrgUnit, campaign: Campaign | None = None) -> QuerySet[Plan]:
    queryset = plans_visible_to(user).filter(unit=unit)
    if campaign is not None:
        queryset = queryset.filter(campaign=campaign)
    return queryset.order_by("-campaign__year", "-revision")


def plan_current(unit: OrgUnit, campaign: Campaign, status: str = Status.PUBLISHED) -> Plan | None:
    return Plan.objects.filter(unit=unit, campaign=campaign, status=status).first()


def plan_items(plan: Plan) -> dict:
    """The plan's lists, each in one query."""
    return {
        "legal_bases": list(plan.legal_bases.all()),
        "activities": list(plan.activities.select_related("category")),
        "assignments": list(plan.assignments.select_related("unit")),
    }


# Coverage: which units below have published a plan, which have a draft, which have none.

PUBLISHED, DRAFT, NONE = "published", "draft", "none"


@dataclass
class CoverageCounts:
    published: int = 0
    draft: int = 0
    none: int = 0

    @property
    def total(self) -> int:
        return self.published + self.draft + self.none

    def add(self, status: str, n: int) -> None:
        setattr(self, status, getattr(self, status) + n)

    def percent_published(self) -> int:
        return round(100 * self.published / self.total) if self.total else 0


@dataclass
class CoverageRow:
    unit: OrgUnit
    status: str
    subtree: CoverageCounts = field(default_factory=CoverageCounts)


@dataclass
class Coverage:
    unit: OrgUnit
    campaign: Campaign
    children: list[CoverageRow]
    children_counts: CoverageCounts
    levels: list[tuple[int, CoverageCounts]]  # (depth below the unit, counts)
    subtree: CoverageCounts


def _status_expression(campaign: Campaign):
    published = Plan.objects.filter(unit=OuterRef("pk"), campaign=campaign, status=Status.PUBLISHED)
    draft = Plan.objects.filter(unit=OuterRef("pk"), campaign=campaign, status=Status.DRAFT)
    return Case(When(Exists(published), then=Value(PUBLISHED)), When(Exists(draft), then=Value(DRAFT)),
                default=Value(NONE), output_field=CharField())


def coverage(unit: OrgUnit, campaign: Campaign) -> Coverage:
    """Plan coverage below a unit, in three grouped queries whatever the size of the subtree.

    Plans are public once published, and a unit's officers may see that a child has a draft (not
    its content), so coverage is not scoped further.
    """
    status = _status_expression(campaign)
    children = list(OrgUnit.objects.filter(parent=unit).annotate(plan_status=status)
                    .order_by(kind_rank(), "sort_key", "pk"))
    below = OrgUnit.objects.filter(path__startswith=unit.path).exclude(pk=unit.pk).annotate(plan_status=status)
    branch_length = len(unit.path) + PATH_STEP
    per_branch = (below.exclude(depth=unit.depth + 1)
                  .annotate(branch=Substr("path", 1, branch_length))
                  .values("branch", "plan_status").annotate(n=Count("id")).order_by())
    branch_counts: dict[str, CoverageCounts] = {}
    for row in per_branch:
        branch_counts.setdefault(row["branch"], CoverageCounts()).add(row["plan_status"], row["n"])
    per_level = below.values("depth", "plan_status").annotate(n=Count("id")).order_by()
    levels: dict[int, CoverageCounts] = {}
    subtree = CoverageCounts()
    for row in per_level:
        levels.setdefault(row["depth"] - unit.depth, CoverageCounts()).add(row["plan_status"], row["n"])
        subtree.add(row["plan_status"], row["n"])
    rows = [CoverageRow(unit=child, status=child.plan_status,
                        subtree=branch_counts.get(child.path, CoverageCounts())) for child in children]
    children_counts = CoverageCounts()
    for row in rows:
        children_counts.add(row.status, 1)
    return Coverage(unit=unit, campaign=campaign, children=rows, children_counts=children_counts,
                    levels=sorted(levels.items()), subtree=subtree)


def current_plans(campaign: Campaign, unit_ids) -> dict[int, Plan]:
    """Each unit's published plan for the campaign, or its draft when it has none published: one query.

    Plans are public once published; a draft is returned only to say that one exists (dashboards of
    users who hold a role on the unit)."""
    plans: dict[int, Plan] = {}
    for plan in (Plan.objects.filter(campaign=campaign, unit_id__in=list(unit_ids),
                                     status__in=[Status.PUBLISHED, Status.DRAFT]).select_related("unit")):
        if plan.unit_id not in plans or plan.status == Status.PUBLISHED:
            plans[plan.unit_id] = plan
    return plans


def children_with_published_plan(campaign: Campaign, parent_ids) -> dict[int, int]:
    """How many children of each unit have published a plan for the campaign: one grouped query."""
    rows = (Plan.objects.filter(campaign=campaign, unit__parent_id__in=list(parent_ids), status=Status.PUBLISHED)
            .values("unit__parent_id").annotate(n=Count("unit", distinct=True)).order_by())
    return {row["unit__parent_id"]: row["n"] for row in rows}
