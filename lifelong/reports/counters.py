"""Keeping `CompletenessCount` right: each expected reporter counted once in its own unit and every ancestor.

Like the totals, a change is one upsert per batch (n = n + delta), so concurrent changes never lose a
count; the rows of the Ministry and the provinces get it as a pending delta, folded in later (folding.py).
`reporter_state` is the one definition of the stored state; reading turns `open` into missing or not yet
due by comparing the due date with today.
"""

from collections import Counter
from datetime import date

from lifelong.orgs.models import PATH_STEP, OrgUnit
from lifelong.reports import folding
from lifelong.reports.models import CompletenessCount, CountDelta, ExpectedReporter

OPEN, ON_TIME, LATE, EXCUSED = "open", "on_time", "late", "excused"


def reporter_state(excused: bool, report_status: str, report_late: bool) -> str:
    if excused:
        return EXCUSED
    if report_status in ("submitted", "accepted"):
        return LATE if report_late else ON_TIME
    return OPEN


def state_of(reporter: ExpectedReporter) -> str:
    return reporter_state(reporter.excused, reporter.report_status, reporter.report_late)


def _ancestor_paths(path: str) -> list[str]:
    return [path[:end] for end in range(PATH_STEP, len(path) + 1, PATH_STEP)]


def apply(campaign_id: int, changes: list[tuple[str, int, date, str, int]]) -> None:
    """Apply (unit path, depth, due date, state, +1/-1) changes to the unit and all its ancestors."""
    if not changes:
        return
    paths = {p for path, *_rest in changes for p in _ancestor_paths(path)}
    ids: dict[str, int] = {}
    for chunk_start in range(0, len(paths), 900):
        chunk = sorted(paths)[chunk_start:chunk_start + 900]
        ids.update(OrgUnit.objects.filter(path__in=chunk).values_list("path", "pk"))
    deltas: Counter = Counter()
    for path, depth, due, state, delta in changes:
        for ancestor in _ancestor_paths(path):
            deltas[(ids[ancestor], depth, due, state)] += delta
    rows = [(campaign_id, unit_id, depth, due, state, n) for (unit_id, depth, due, state), n in deltas.items() if n]
    depth_of = {ids[path]: len(path) // PATH_STEP - 1 for path in paths}
    folding.add(folding.COUNTS, rows, depth_of)


def change(reporter: ExpectedReporter, before: str | None, after: str | None, *, old_due: date | None = None) -> None:
    """Move one reporter from one state (or due date) to another; None means not counted."""
    changes = []
    if before is not None:
        changes.append((reporter.unit_path, reporter.unit_depth, old_due or reporter.due_date, before, -1))
    if after is not None:
        changes.append((reporter.unit_path, reporter.unit_depth, reporter.due_date, after, 1))
    apply(reporter.campaign_id, changes)


def rebuild(campaign_id: int) -> None:
    """Recount a campaign from its expected reporters (a repair tool; normal work never needs it)."""
    CompletenessCount.objects.filter(campaign_id=campaign_id).delete()
    CountDelta.objects.filter(campaign_id=campaign_id).delete()
    apply(campaign_id, [(r.unit_path, r.unit_depth, r.due_date, state_of(r), 1)
                        for r in ExpectedReporter.objects.filter(campaign_id=campaign_id)])
