"""Keeping `RecognitionTally` right: every subject counted in its home unit and in each ancestor.

A change of state is turned into the measures it leaves and the measures it enters (`measures_of`), and the
difference is applied to the home unit and all its ancestors in one upsert per batch (n = n + delta), in the
transaction of the change, so concurrent changes never lose a count. `tally_rebuild` recounts from the
assessments and households (benchmarks, repairs).
"""

from collections import Counter

from django.db import connection, transaction

from lifelong.orgs.models import PATH_STEP, OrgUnit
from lifelong.recognition.models import Assessment, Household, RecognitionTally

APPLIED, ACCEPTED, RECOGNISED, DRAFTS = "applied", "accepted", "recognised", "drafts"
_BATCH = 500


def level_measure(level: int) -> str:
    return f"recognised:{level}"


def household_measure(kind: str) -> str:
    return f"households:{kind}"


def measures_of(status: str, level_granted: int | None) -> set[str]:
    """The measures a subject in this state counts in."""
    if status == Assessment.Status.DRAFT:
        return {DRAFTS}
    found = {APPLIED}
    if status in (Assessment.Status.ACCEPTED, Assessment.Status.RECOGNISED):
        found.add(ACCEPTED)
    if status == Assessment.Status.RECOGNISED:
        found.add(RECOGNISED)
        if level_granted:
            found.add(level_measure(level_granted))
    return found


def _ancestor_paths(path: str) -> list[str]:
    return [path[:end] for end in range(PATH_STEP, len(path) + 1, PATH_STEP)]


def apply(changes: list[tuple[str, str, int, str, int]]) -> None:
    """Apply (home unit path, scheme code, year, measure, +n/-n) to the unit and all its ancestors."""
    changes = [change for change in changes if change[4]]
    if not changes:
        return
    paths = sorted({p for path, *_rest in changes for p in _ancestor_paths(path)})
    ids: dict[str, int] = {}
    for start in range(0, len(paths), 900):
        ids.update(OrgUnit.objects.filter(path__in=paths[start:start + 900]).values_list("path", "pk"))
    deltas: Counter = Counter()
    for path, scheme_code, year, measure, delta in changes:
        for ancestor in _ancestor_paths(path):
            deltas[(ids[ancestor], scheme_code, year, measure)] += delta
    rows = [(*key, n) for key, n in sorted(deltas.items()) if n]
    q = connection.ops.quote_name
    table = q(RecognitionTally._meta.db_table)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), _BATCH):
            batch = rows[start:start + _BATCH]
            cursor.execute(
                f"INSERT INTO {table} (unit_id, scheme_code, year, measure, n) VALUES "
                + ", ".join(["(%s, %s, %s, %s, %s)"] * len(batch))
                + " ON CONFLICT (unit_id, scheme_code, year, measure)"
                + f" DO UPDATE SET n = {table}.n + excluded.n",
                [value for row in batch for value in row])


def assessment_changed(assessment: Assessment, before: tuple[str, int | None] | None,
                       after: tuple[str, int | None] | None) -> None:
    """Count the move of `assessment` from state `before` to `after` ((status, level granted), None = absent)."""
    old = measures_of(*before) if before else set()
    new = measures_of(*after) if after else set()
    path = assessment.home.path
    code = assessment.scheme.code
    apply([(path, code, assessment.year, m, -1) for m in old - new]
          + [(path, code, assessment.year, m, 1) for m in new - old])


def household_changed(household: Household, delta: int) -> None:
    apply([(household.unit.path, "", 0, household_measure(household.kind), delta)])


@transaction.atomic
def tally_rebuild() -> int:
    """Recount everything from the assessments and households; returns the number of tally rows."""
    RecognitionTally.objects.all().delete()
    changes: list[tuple[str, str, int, str, int]] = []
    for path, code, year, status, level in (Assessment.objects.values_list(
            "home__path", "scheme__code", "year", "status", "level_granted").iterator(chunk_size=5000)):
        changes.extend((path, code, year, measure, 1) for measure in measures_of(status, level))
        if len(changes) > 20000:
            apply(changes)
            changes = []
    for path, kind in Household.objects.values_list("unit__path", "kind").iterator(chunk_size=5000):
        changes.append((path, "", 0, household_measure(kind), 1))
        if len(changes) > 20000:
            apply(changes)
            changes = []
    apply(changes)
    return RecognitionTally.objects.count()
