"""The totals and completeness pages as served (issue 18): rendered HTML through gunicorn, on PostgreSQL.

benchmarks/run.py times the reporting selectors in process; this times the pages people open, over HTTP, as the
users who may see them. It works on the national dataset of benchmarks/run.py (`lifelong_bench`: 149,480 units,
one submitted report each, about 7 million values), which `make bench` has just built; when that database is
missing it builds it first (~5 min). It adds three users, each logged in (a session row, as after the login page):
a viewer of the Ministry, of Hà Nội and of Phường Tây Mỗ. Then it serves the app with gunicorn (2 sync workers,
DEBUG=0, persistent connections) and asks each page one request at a time, as the user it belongs to, after
warm-up requests: the totals page and the completeness page of the Ministry, of Hà Nội and of Tây Mỗ. It checks that
each answer is the page (200, HTML, the unit's name in it) and prints median and p95 of each, with the target of
issue 18 (p95 <= 100 ms).

    make bench                                  # after benchmarks/run.py
    BENCH_SAMPLES=50 .venv/bin/python benchmarks/report_pages.py
"""

import os
import statistics
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import serve_app  # noqa: E402

BENCH_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lifelong_bench")
SAMPLES = int(os.environ.get("BENCH_SAMPLES", "30"))
WARM_UP = int(os.environ.get("BENCH_PAGE_WARM_UP", "5"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
PORT = int(os.environ.get("BENCH_PORT", "8771"))
TARGET_P95_MS = 100

os.environ["DATABASE_URL"] = BENCH_URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")
# The sessions made here are signed with the server's key (benchmarks.common.serve_app's).
os.environ["SECRET_KEY"] = "bench-" + "x" * 50


def dataset_exists() -> bool:
    import psycopg

    base, name = BENCH_URL.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return False
    with psycopg.connect(BENCH_URL) as conn:
        return bool(conn.execute("SELECT to_regclass('reports_total') IS NOT NULL AND "
                                 "EXISTS (SELECT 1 FROM campaigns_campaign WHERE year = 2025)").fetchone()[0])


def prepare() -> list[tuple[str, str, str, str]]:
    """(label, path, session key, unit name) of each page, with a logged-in viewer of the page's unit."""
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings
    from django.contrib.auth import HASH_SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from lifelong.campaigns.models import Campaign
    from lifelong.orgs.models import Membership, OrgUnit, User

    call_command("migrate", verbosity=0)  # what was added since the dataset was built
    campaign = Campaign.objects.get(year=2025)
    backend = settings.AUTHENTICATION_BACKENDS[-1]
    pages = []
    for code, who in (("BGDDT", "the Ministry"), ("01", "a province (Hà Nội)"), ("00634", "a commune (Tây Mỗ)")):
        unit = OrgUnit.objects.get(code=code)
        user, _created = User.objects.get_or_create(username=f"bench-viewer-{code}")
        Membership.objects.get_or_create(user=user, unit=unit, defaults={"role": Membership.Role.VIEWER})
        store = SessionStore()  # logged in, as after the login page
        store["_auth_user_id"], store["_auth_user_backend"] = str(user.pk), backend
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        for page, name in (("totals", "totals"), ("completeness", "completeness")):
            pages.append((f"{name} page of {who}", f"/units/{unit.pk}/{page}/?campaign={campaign.pk}",
                          store.session_key, unit.name))
    return pages


def fetch(path: str, session: str) -> tuple[float, int, str]:
    request = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", headers={"Cookie": f"sessionid={session}"})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30) as response:
        body = response.read()
        ms = (time.perf_counter() - started) * 1000
        return ms, response.status, body.decode()


def main() -> None:
    if not dataset_exists():
        from benchmarks import run
        from benchmarks.common import recreate_database

        recreate_database(BENCH_URL)
        run.build()
    pages = prepare()
    server = serve_app(BENCH_URL, PORT, WORKERS, {"SECRET_KEY": os.environ["SECRET_KEY"]})
    results = []
    try:
        print(f"Rendered pages as served: gunicorn {WORKERS} sync workers, DEBUG=0, PostgreSQL; one request at a "
              f"time, {WARM_UP} warm-up requests then {SAMPLES} timed, each as a viewer of the page's unit:")
        for label, path, session, unit_name in pages:
            for _ in range(WARM_UP):
                _ms, status, body = fetch(path, session)
                assert status == 200 and "<html" in body and unit_name in body, (path, status)
            durations = sorted(fetch(path, session)[0] for _ in range(SAMPLES))
            median = statistics.median(durations)
            p95 = durations[min(len(durations) - 1, round(0.95 * (len(durations) - 1)))]
            results.append((label, median, p95, len(body)))
            print(f"  {label:<44} median {median:7.1f} ms   p95 {p95:7.1f} ms   {len(body) / 1024:6.1f} KB", flush=True)
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)
    print("\n| page (rendered HTML, logged in) | median (ms) | p95 (ms) | size (KB) | target | within |")
    print("|---|---:|---:|---:|---|---|")
    for label, median, p95, size in results:
        print(f"| {label} | {median:.1f} | {p95:.1f} | {size / 1024:.0f} | <= {TARGET_P95_MS} ms p95 | "
              f"{'yes' if p95 <= TARGET_P95_MS else 'NO'} |")


if __name__ == "__main__":
    main()
