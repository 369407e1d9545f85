"""Sums kept per unit and ancestor (`Total`, `CompletenessCount`) without making the deadline queue on one row.

Every transition adds a delta to its unit and to every ancestor. The rows of the lower levels (a commune,
a school) are written directly, one upsert (`sum = sum + delta`) per batch: few reports touch each. The
rows of the **hot levels** — depth <= settings.REPORT_DEFERRED_DEPTH (1: the Ministry and the 34
provinces; -1 turns the deltas off) — would be written by every submit of the country; with one upsert
each, thousands of submits queue on the Ministry's row lock (held until commit), and each update leaves
a dead version that the next ones must step over. So for those levels a transition only **appends** its
delta to a delta table (`TotalDelta`, `CountDelta`): no shared row, no wait, no deadlock.

`fold()` adds the pending deltas up and moves them into the sums, one upsert per row for a whole batch
of transitions, in one statement (PostgreSQL: `WITH moved AS (DELETE ... RETURNING ...) INSERT ...`),
so at every moment each delta is either pending or folded, never both nor neither. Readers
(`selectors`) read the sums and the pending deltas in one statement (UNION ALL), so what they show is
exact at every moment whatever the folding lags; folding only keeps the delta tables short. A
transition asks for a fold after it commits (`fold_soon`), at most once per FOLD_EVERY seconds across
the app servers (a key in the shared cache).
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction

from lifelong.reports.models import CompletenessCount, CountDelta, Total, TotalDelta

logger = logging.getLogger(__name__)

FOLD_EVERY = 1  # seconds between two folds asked for by transitions
_BATCH = 500
_FOLD_KEY = "reports:fold"


class Sums:
    """A table of sums (`model`) keyed by `keys`, its delta table, and the summed columns."""

    def __init__(self, model, delta_model, keys: tuple[str, ...], sums: tuple[str, ...], pg_types: tuple[str, ...]):
        self.model, self.delta_model, self.keys, self.sums = model, delta_model, keys, sums
        self.pg_types = pg_types  # of the columns, to pass each as one array (unnest) on PostgreSQL

    @property
    def columns(self) -> tuple[str, ...]:
        return self.keys + self.sums


TOTALS = Sums(Total, TotalDelta, ("campaign_id", "unit_id", "indicator_id", "group"), ("submitted_sum", "accepted_sum"),
              ("bigint", "bigint", "bigint", "text", "bigint", "bigint"))
COUNTS = Sums(CompletenessCount, CountDelta, ("campaign_id", "unit_id", "depth", "due_date", "state"), ("n",),
              ("bigint", "bigint", "integer", "date", "text", "integer"))


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


def _table(model) -> str:
    return _q(model._meta.db_table)


def _upsert_sql(sums: Sums, rows_sql: str) -> str:
    table = _table(sums.model)
    update = ", ".join(f"{_q(c)} = {table}.{_q(c)} + excluded.{_q(c)}" for c in sums.sums)
    return (f"INSERT INTO {table} ({', '.join(_q(c) for c in sums.columns)}) {rows_sql} "
            f"ON CONFLICT ({', '.join(_q(c) for c in sums.keys)}) DO UPDATE SET {update}")


def _rows_sql(sums: Sums, rows: list[tuple]) -> tuple[str, list]:
    """The rows as SQL and parameters: one array per column on PostgreSQL (a short statement that psycopg
    prepares once, instead of a placeholder per value), VALUES on SQLite."""
    if connection.vendor == "postgresql":
        arrays = ", ".join(f"%s::{kind}[]" for kind in sums.pg_types)
        return f"SELECT * FROM unnest({arrays})", [list(column) for column in zip(*rows, strict=True)]
    placeholders = "(" + ", ".join(["%s"] * len(sums.columns)) + ")"
    return "VALUES " + ", ".join([placeholders] * len(rows)), [value for row in rows for value in row]


def add(sums: Sums, rows: list[tuple], depth_of: dict[int, int]) -> None:
    """Add rows (the key columns then the deltas, unit id second) to the sums: upserted for the lower levels,
    appended as pending deltas for the hot ones. Rows are sorted so that row locks are taken in one order."""
    rows = sorted(rows)
    hot_depth = settings.REPORT_DEFERRED_DEPTH
    hot = [row for row in rows if depth_of[row[1]] <= hot_depth]
    direct = [row for row in rows if depth_of[row[1]] > hot_depth]
    with connection.cursor() as cursor:
        for start in range(0, len(direct), _BATCH):
            rows_sql, params = _rows_sql(sums, direct[start:start + _BATCH])
            cursor.execute(_upsert_sql(sums, rows_sql), params)
        for start in range(0, len(hot), _BATCH):
            rows_sql, params = _rows_sql(sums, hot[start:start + _BATCH])
            cursor.execute(f"INSERT INTO {_table(sums.delta_model)} ({', '.join(_q(c) for c in sums.columns)}) "
                           f"{rows_sql}", params)
    if hot:
        transaction.on_commit(fold_soon)


def _fold_one(sums: Sums) -> int:
    delta = _table(sums.delta_model)
    columns = ", ".join(_q(c) for c in sums.columns)
    keys = ", ".join(_q(c) for c in sums.keys)
    added = ", ".join(f"sum({_q(c)})" for c in sums.sums)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # One statement, one snapshot: exactly the deltas it deletes are added.
            cursor.execute(
                f"WITH moved AS (DELETE FROM {delta} RETURNING {columns}) "
                + _upsert_sql(sums, f"SELECT {keys}, {added} FROM moved GROUP BY {keys} ORDER BY {keys}"))
        else:
            # SQLite: the transaction holds the only write lock, so nothing is added between the two statements.
            cursor.execute(_upsert_sql(sums, f"SELECT {keys}, {added} FROM {delta} WHERE true GROUP BY {keys}"))
            cursor.execute(f"DELETE FROM {delta}")
        return cursor.rowcount


def fold() -> int:
    """Move every pending delta into its sums; returns how many rows were touched."""
    with transaction.atomic():
        return _fold_one(TOTALS) + _fold_one(COUNTS)


def fold_soon() -> None:
    """Fold, unless someone did less than FOLD_EVERY seconds ago (after a transition commits). A failure
    is logged, never raised: the transition is committed and readers add the pending deltas anyway."""
    try:
        if cache.add(_FOLD_KEY, 1, timeout=FOLD_EVERY):
            fold()
    except Exception:  # noqa: BLE001 - the next fold takes the deltas left
        logger.exception("folding the pending totals failed")
