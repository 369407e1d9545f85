"""Deadline contention (issue 18): many units submitting their reports at once, on PostgreSQL behind gunicorn.

Every submit adds the report's numbers to the totals of its unit and of every ancestor, so at the deadline
thousands of units write to the same Ministry and province rows. This benchmark makes BENCH_CLIENTS (200) clients
submit BENCH_REPORTS (10,000) reports as fast as they can, each through the real JSON API
(`POST /api/v1/units/{id}/report/submit`) with the session of an officer of the report's commune.

The data: the national dataset of benchmarks/run.py (the real 34 provinces and 3,321 communes, 44 synthetic units
per commune: 149,480 units, one submitted report each with every indicator, the totals of every unit), built in
its own database (`lifelong_bench_contention`, dropped and recreated; `BENCH_REUSE=1` keeps the last one).
Before the timing, outside it: BENCH_REPORTS village and school reports spread over every commune (a few per
commune, taken in turn so that consecutive submits come from different communes of different provinces) go back
to draft with set-based SQL (their numbers leave the totals of every ancestor, their expected reporters become
open again, as `report_return` would leave them), and each commune concerned gets an editor logged in (a session
row, as after the login page). Then the server starts (gunicorn, BENCH_WORKERS sync workers, DEBUG=0) and the
clients (Python asyncio, one connection per request, as gunicorn's sync workers close each) take the next
prepared submit from a shared list until none is left. Only the submits are timed.

Printed: submits per second, latency median/p95/p99/max, errors (any answer but 200 with status "submitted"),
HTTP 5xx, answers mentioning a deadlock, and PostgreSQL's own count of deadlocks (pg_stat_database.deadlocks,
before and after). Where the time goes: the CPU used per submit by the gunicorn workers, the PostgreSQL
backends and the load generator (from /proc), and, sampled every 50 ms, what the busy backends were doing
(running a statement, waiting for a row lock, or inside a transaction waiting for the app).
`BENCH_DEFERRED_DEPTH=-1` runs the server with every level written by each submit (the design before issue 18)
for comparison. Then the check: after the run (and after the pending totals are folded, see
docs/reporting.md), the totals of the Ministry and of every province equal a hand-written SQL SUM over the
values of the submitted and accepted reports below them.

    .venv/bin/python benchmarks/contention.py                       # part of `make bench`
    BENCH_REUSE=1 BENCH_CLIENTS=50 BENCH_REPORTS=1000 .venv/bin/python benchmarks/contention.py
"""

import asyncio
import json
import os
import signal
import statistics
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BENCH_URL = os.environ.get("BENCH_CONTENTION_DATABASE_URL",
                           "postgres://postgres@127.0.0.1:5432/lifelong_bench_contention")
os.environ["BENCH_DATABASE_URL"] = BENCH_URL  # benchmarks.run builds the national dataset there
os.environ["DATABASE_URL"] = BENCH_URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")
# The sessions made here are signed with the server's key (benchmarks.common.serve_app's).
os.environ["SECRET_KEY"] = "bench-" + "x" * 50

from benchmarks.common import recreate_database, serve_app, step  # noqa: E402

CLIENTS = int(os.environ.get("BENCH_CLIENTS", "200"))
REPORTS = int(os.environ.get("BENCH_REPORTS", "10000"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "4"))
PORT = int(os.environ.get("BENCH_PORT", "8769"))
REUSE = os.environ.get("BENCH_REUSE", "") == "1"
# As deployed: the app servers share Redis (here: which of them folds the pending totals, once a second).
CACHE_URL = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/14")
# Depth down to which totals go through pending deltas (docs/reporting.md); -1: every level written by each
# submit, the design before issue 18, for comparison.
DEFERRED_DEPTH = os.environ.get("BENCH_DEFERRED_DEPTH", "1")
TARGET_PER_SECOND = 200
CSRF = "c" * 32  # the client's own CSRF secret: Django compares the cookie with the header


def build() -> None:
    recreate_database(BENCH_URL)
    from benchmarks import run

    run.build()


def _campaign():
    from lifelong.campaigns.models import Campaign

    return Campaign.objects.get(year=2025)


def prepare(campaign) -> list[tuple[int, int, str]]:
    """Put REPORTS submitted reports back to draft and log in an editor of each one's commune.

    Returns the submits to make, in order: (unit id, lock_version, session key)."""
    from django.conf import settings
    from django.contrib.auth import HASH_SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import connection, transaction

    from lifelong.orgs.models import PATH_STEP, Membership, User
    from lifelong.reports import counters

    t = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        # Villages and schools (depth 3) with a submitted report, the n-th of every commune before the
        # (n+1)-th of any, communes in an order that mixes the provinces.
        cursor.execute("""
            CREATE TEMP TABLE chosen ON COMMIT DROP AS
            SELECT r.id AS report_id, u.id AS unit_id, u.path, u.parent_id AS commune_id, e.id AS reporter_id,
                   e.due_date, e.report_late, row_number() OVER () AS position
            FROM (SELECT r.id, r.unit_id,
                         row_number() OVER (PARTITION BY u.parent_id ORDER BY u.id) AS nth
                  FROM reports_report r JOIN orgs_orgunit u ON u.id = r.unit_id
                  WHERE r.campaign_id = %s AND r.status = 'submitted' AND u.depth = 3) r
            JOIN orgs_orgunit u ON u.id = r.unit_id
            JOIN reports_expectedreporter e ON e.campaign_id = %s AND e.unit_id = u.id
            ORDER BY r.nth, hashtext(u.parent_id::text), u.id
            LIMIT %s""", [campaign.pk, campaign.pk, REPORTS])
        cursor.execute("SELECT count(*) FROM chosen")
        if cursor.fetchone()[0] < REPORTS:
            raise SystemExit("not enough submitted village and school reports left: rebuild (without BENCH_REUSE)")
        # Their numbers leave the totals of their unit and every ancestor (what report_return does, at once).
        cursor.execute("""
            CREATE TEMP TABLE contribution ON COMMIT DROP AS
            SELECT c.path, v.indicator_id, v."group", sum(v.number)::bigint AS n
            FROM chosen c JOIN reports_reportvalue v ON v.report_id = c.report_id
            JOIN reports_indicator i ON i.id = v.indicator_id
            WHERE v.state = 'value' AND v.number IS NOT NULL AND i.kind <> 'text'
            GROUP BY c.path, v.indicator_id, v."group" """)
        cursor.execute("""
            INSERT INTO contribution SELECT path, indicator_id, '', sum(n) FROM contribution WHERE "group" <> ''
            GROUP BY path, indicator_id""")
        cursor.execute("""
            INSERT INTO reports_total (campaign_id, unit_id, indicator_id, "group", submitted_sum, accepted_sum)
            SELECT %s, a.id, c.indicator_id, c."group", -sum(c.n), 0
            FROM contribution c CROSS JOIN LATERAL generate_series(%s, length(c.path), %s) AS k(len)
            JOIN orgs_orgunit a ON a.path = left(c.path, k.len)
            GROUP BY a.id, c.indicator_id, c."group"
            ORDER BY a.id, c.indicator_id, c."group"
            ON CONFLICT (campaign_id, unit_id, indicator_id, "group")
            DO UPDATE SET submitted_sum = reports_total.submitted_sum + excluded.submitted_sum""",
                       [campaign.pk, PATH_STEP, PATH_STEP])
        # Their expected reporters are open again: completeness counts moved from on time / late to open.
        cursor.execute("""
            INSERT INTO reports_completenesscount (campaign_id, unit_id, depth, due_date, state, n)
            SELECT %s, a.id, 3, c.due_date, s.state, sum(s.delta)
            FROM chosen c
            CROSS JOIN LATERAL (VALUES (CASE WHEN c.report_late THEN %s ELSE %s END, -1), (%s, 1)) AS s(state, delta)
            CROSS JOIN LATERAL generate_series(%s, length(c.path), %s) AS k(len)
            JOIN orgs_orgunit a ON a.path = left(c.path, k.len)
            GROUP BY a.id, c.due_date, s.state ORDER BY a.id, c.due_date, s.state
            ON CONFLICT (campaign_id, unit_id, depth, due_date, state)
            DO UPDATE SET n = reports_completenesscount.n + excluded.n""",
                       [campaign.pk, counters.LATE, counters.ON_TIME, counters.OPEN, PATH_STEP, PATH_STEP])
        cursor.execute("""
            UPDATE reports_expectedreporter e SET report_status = 'draft', report_late = false
            FROM chosen c WHERE e.id = c.reporter_id""")
        cursor.execute("""
            UPDATE reports_report r SET status = 'draft', submitted_at = NULL, late = false, due_date = NULL,
                   lock_version = r.lock_version + 1, return_comment = 'benchmark', updated_at = now()
            FROM chosen c WHERE r.id = c.report_id""")
        cursor.execute("""
            SELECT c.unit_id, r.lock_version, c.commune_id FROM chosen c JOIN reports_report r ON r.id = c.report_id
            ORDER BY c.position""")
        submits = cursor.fetchall()
    t = step(f"{REPORTS:,} reports back to draft, their numbers out of the totals", t)

    # One editor per commune concerned, logged in.
    communes = sorted({commune_id for _unit, _version, commune_id in submits})
    existing = dict(User.objects.filter(username__startswith="bench-xa-").values_list("username", "pk"))
    new = [User(username=f"bench-xa-{c}", password="!") for c in communes if f"bench-xa-{c}" not in existing]
    for user in User.objects.bulk_create(new):
        existing[user.username] = user.pk
    Membership.objects.bulk_create([Membership(user_id=existing[f"bench-xa-{c}"], unit_id=c,
                                               role=Membership.Role.EDITOR) for c in communes],
                                   ignore_conflicts=True)
    backend = settings.AUTHENTICATION_BACKENDS[-1]
    sessions = {}
    for user in User.objects.filter(username__in=[f"bench-xa-{c}" for c in communes]):
        store = SessionStore()
        store["_auth_user_id"], store["_auth_user_backend"] = str(user.pk), backend
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        sessions[int(user.username.rsplit("-", 1)[1])] = store.session_key
    step(f"{len(communes):,} commune editors logged in", t)
    with connection.cursor() as cursor:  # what autovacuum would have done after the build and the step above
        cursor.execute("VACUUM ANALYZE reports_total, reports_completenesscount, reports_report, "
                       "reports_expectedreporter, django_session")
    step("VACUUM ANALYZE", t)
    return [(unit_id, version, sessions[commune_id]) for unit_id, version, commune_id in submits]


async def submit(unit_id: int, campaign_id: int, lock_version: int, session: str) -> tuple[int, bytes, float]:
    body = json.dumps({"lock_version": lock_version}).encode()
    request = (f"POST /api/v1/units/{unit_id}/report/submit?campaign={campaign_id} HTTP/1.1\r\n"
               f"Host: 127.0.0.1:{PORT}\r\nConnection: close\r\n"
               f"Cookie: sessionid={session}; csrftoken={CSRF}\r\nX-CSRFToken: {CSRF}\r\n"
               f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body
    started = time.perf_counter()
    reader, writer = await asyncio.open_connection("127.0.0.1", PORT)
    writer.write(request)
    await writer.drain()
    raw = await reader.read()
    writer.close()
    elapsed = (time.perf_counter() - started) * 1000
    head, _sep, content = raw.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1]) if head else 0
    return status, content, elapsed


async def run_clients(submits: list, campaign_id: int) -> tuple[list[float], list[tuple[int, bytes]], float]:
    queue = iter(submits)
    latencies: list[float] = []
    errors: list[tuple[int, bytes]] = []

    async def client() -> None:
        for unit_id, version, session in queue:  # the next submit nobody has taken yet
            try:
                status, content, ms = await submit(unit_id, campaign_id, version, session)
            except OSError as error:
                errors.append((0, str(error).encode()))
                continue
            latencies.append(ms)
            if status != 200 or b'"status": "submitted"' not in content and b'"status":"submitted"' not in content:
                errors.append((status, content[:300]))

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(CLIENTS)))
    return latencies, errors, time.perf_counter() - started


def _cpu_ms(pid: int) -> float:
    """CPU time (user + system) a process has used, in ms (Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return found


class Sampler:
    """Where the time goes while the clients run: every 50 ms, what each PostgreSQL backend of the database
    is doing (running a statement, waiting for a row lock, waiting for the app inside a transaction); at the
    end, the CPU the gunicorn workers and the backends used."""

    def __init__(self, server_pid: int):
        import psycopg

        self.server_pid, self.states, self.running = server_pid, Counter(), True
        self.connection = psycopg.connect(BENCH_URL, autocommit=True)
        self.workers_cpu = sum(_cpu_ms(pid) for pid in _children(server_pid))
        self.thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        while self.running:
            for state, wait_type in self.connection.execute(
                    "SELECT state, wait_event_type FROM pg_stat_activity WHERE datname = current_database() "
                    "AND pid <> pg_backend_pid() AND backend_type = 'client backend'"):
                if state == "active":
                    self.states["waiting for a lock" if wait_type == "Lock" else "running a statement"] += 1
                elif state == "idle in transaction":
                    self.states["in a transaction, waiting for the app"] += 1
            time.sleep(0.05)

    def stop(self) -> tuple[dict, float, float]:
        """({state: share of the samples of busy backends}, app CPU ms, PostgreSQL CPU ms)."""
        self.running = False
        self.thread.join()
        pids = [pid for (pid,) in self.connection.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
            "AND backend_type = 'client backend'")]
        self.connection.close()
        busy = sum(self.states.values()) or 1
        app = sum(_cpu_ms(pid) for pid in _children(self.server_pid)) - self.workers_cpu
        return {k: v / busy for k, v in self.states.items()}, app, sum(_cpu_ms(pid) for pid in pids)


def deadlocks() -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")
        return cursor.fetchone()[0]


def check(campaign) -> tuple[int, int, int, int]:
    """(indicator-groups equal, of; province indicator-groups equal, of): the Ministry's and every province's
    totals against a hand-written SUM over the values of the submitted and accepted reports below them."""
    from django.db import connection

    from lifelong.orgs.models import OrgUnit
    from lifelong.reports import folding, selectors
    from lifelong.reports.models import CountDelta, TotalDelta

    pending = TotalDelta.objects.count(), CountDelta.objects.count()
    folding.fold()  # the deltas still pending are folded: the check reads the sums alone
    print(f"  pending deltas at the end: {pending[0]:,} total rows, {pending[1]:,} count rows; folded; left: "
          f"{TotalDelta.objects.count() + CountDelta.objects.count()}")
    with connection.cursor() as cursor:
        cursor.execute("""
            SELECT left(u.path, 8), v.indicator_id, v."group", sum(v.number) FROM reports_reportvalue v
            JOIN reports_report r ON r.id = v.report_id JOIN orgs_orgunit u ON u.id = r.unit_id
            WHERE r.campaign_id = %s AND r.status IN ('submitted', 'accepted') AND v.state = 'value'
            GROUP BY 1, 2, 3""", [campaign.pk])
        rows = cursor.fetchall()
    national: dict = {}
    by_province: dict = {}
    for prefix, indicator_id, group, total in rows:
        national[(indicator_id, group)] = national.get((indicator_id, group), 0) + total
        if len(prefix) == 8:
            by_province.setdefault(prefix, {})[(indicator_id, group)] = total
    ministry = OrgUnit.objects.get(depth=0)
    actual = selectors.unit_totals(ministry, campaign)
    equal = sum(1 for key, value in national.items() if actual.get(key) == value)
    provinces = {u.path: u for u in OrgUnit.objects.filter(depth=1)}
    province_equal = province_all = 0
    for path, expected in by_province.items():
        actual = selectors.unit_totals(provinces[path], campaign)
        province_all += len(expected)
        province_equal += sum(1 for key, value in expected.items() if actual.get(key) == value)
    return equal, len(national), province_equal, province_all


def percentile(ordered: list[float], fraction: float) -> float:
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    if not REUSE:
        build()
    import django

    django.setup()
    from django.db import connection

    if REUSE:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
    campaign = _campaign()
    print(f"Preparing {REPORTS:,} submits:")
    submits = prepare(campaign)
    connection.close()
    # One connection per worker for the whole run (not renewed every 60 s), so that the backends' CPU read at
    # the end is all of it.
    server = serve_app(BENCH_URL, PORT, WORKERS, {"CACHE_URL": CACHE_URL, "REPORT_DEFERRED_DEPTH": DEFERRED_DEPTH,
                                                  "DB_CONN_MAX_AGE": "86400"})
    try:
        load = os.getloadavg()
        deadlocks_before = deadlocks()
        print(f"{CLIENTS} clients submitting {REPORTS:,} reports (gunicorn {WORKERS} sync workers, DEBUG=0, "
              f"REPORT_DEFERRED_DEPTH={DEFERRED_DEPTH}; "
              f"load average before {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}):", flush=True)
        sampler = Sampler(server.pid)
        sampler.thread.start()
        client_cpu = time.process_time()
        latencies, errors, seconds = asyncio.run(run_clients(submits, campaign.pk))
        client_cpu = (time.process_time() - client_cpu) * 1000
        shares, app_cpu, db_cpu = sampler.stop()
        deadlocks_after = deadlocks()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    ordered = sorted(latencies)
    server_errors = sum(1 for status, _content in errors if status >= 500)
    deadlock_bodies = sum(1 for _status, content in errors if b"deadlock" in content.lower())
    rate = REPORTS / seconds
    print(f"  {REPORTS:,} submits in {seconds:.1f} s: {rate:.1f} submits/s "
          f"(target >= {TARGET_PER_SECOND}: {'yes' if rate >= TARGET_PER_SECOND else 'NO'})")
    print(f"  latency ms: median {statistics.median(ordered):.1f}  p95 {percentile(ordered, 0.95):.1f}  "
          f"p99 {percentile(ordered, 0.99):.1f}  max {ordered[-1]:.1f}")
    print(f"  errors: {len(errors)} (HTTP 5xx: {server_errors}, answers naming a deadlock: {deadlock_bodies}); "
          f"PostgreSQL deadlocks: {deadlocks_after - deadlocks_before}")
    for status, content in errors[:3]:
        print(f"    e.g. {status}: {content[:200]!r}")
    print(f"  CPU per submit: app (gunicorn workers) {app_cpu / REPORTS:.1f} ms, PostgreSQL {db_cpu / REPORTS:.1f} ms, "
          f"load generator {client_cpu / REPORTS:.1f} ms (2 cores: at most "
          f"{2000 / ((app_cpu + db_cpu + client_cpu) / REPORTS):.0f} submits/s with nothing else running)")
    print("  PostgreSQL backends, share of busy samples: "
          + ", ".join(f"{name} {share:.0%}" for name, share in sorted(shares.items())))
    t = time.perf_counter()
    equal, of, province_equal, province_of = check(campaign)
    print(f"  totals of the Ministry equal the hand-written SUM on {equal}/{of} indicator-groups; "
          f"the 34 provinces' on {province_equal}/{province_of} ({time.perf_counter() - t:.1f} s)")
    load = os.getloadavg()
    print(f"  load average after {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print("\n| clients | submits | submits/s | median (ms) | p95 (ms) | p99 (ms) | errors | deadlocks | totals = SUM |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    print(f"| {CLIENTS} | {REPORTS:,} | {rate:.1f} | {statistics.median(ordered):.1f} | "
          f"{percentile(ordered, 0.95):.1f} | {percentile(ordered, 0.99):.1f} | {len(errors)} | "
          f"{deadlocks_after - deadlocks_before} | {'yes' if (equal, province_equal) == (of, province_of) else 'NO'} |")
    if errors or deadlocks_after != deadlocks_before or equal != of or province_equal != province_of:
        sys.exit(1)


if __name__ == "__main__":
    main()
