"""Load benchmark of the public activity pages (issue 5), on PostgreSQL behind gunicorn.

Builds, in its own database (`lifelong_bench_activities`, dropped and recreated), the real 34
provinces and 3,321 communes with synthetic schools under them, and 500,000 published activities
spread over the whole tree (a tenth with a second session, dates from a month ago to two months
ahead). Then it serves the app with gunicorn (2 sync workers, DEBUG=0, persistent connections) and
drives it with wrk from a second process on loopback, 50 connections, twice:

1. as deployed, with the 30 s public-page cache in Redis (BENCH_CACHE_URL; empty: each worker's
   memory): the trivial view /healthz (no database, no template: the ceiling); the public list with a
   province filter and a search without tone marks (34 provinces x 8 searches); the detail page of
   2,000 activities visited with Zipf's law (a few popular pages, a long tail);
2. with the cache off, every page rendered: the trivial view again, the same list, and the 2,000 detail pages in
   turn, side by side on the same server.

It prints requests per second, median, p95 and p99 latency and the errors of each run, and the throughput of each
rendered page as a share of the trivial view's on the same server, with the targets of issue 18: the list at least
10%, the detail page at least 20%.

    make bench                          # runs this after the reporting benchmark
    BENCH_ACTIVITIES=100000 BENCH_SECONDS=10 .venv/bin/python benchmarks/activities.py

The build uses set-based SQL (INSERT ... SELECT) so that it measures the pages, not the build; the
rows are what the services write (the search key is the same folding of title, commune and organiser).
"""

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import recreate_database, serve_app, step  # noqa: E402

BENCH_URL = os.environ.get("BENCH_ACTIVITIES_DATABASE_URL",
                           "postgres://postgres@127.0.0.1:5432/lifelong_bench_activities")
ACTIVITIES = int(os.environ.get("BENCH_ACTIVITIES", "500000"))
SCHOOLS_PER_COMMUNE = int(os.environ.get("BENCH_SCHOOLS_PER_COMMUNE", "6"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "50"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "20"))
WARM_UP = int(os.environ.get("BENCH_WARM_UP", "10"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
PORT = int(os.environ.get("BENCH_PORT", "8765"))
# The shared cache of the app servers; empty: each worker's own memory.
CACHE_URL = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/15")
AS_DEPLOYED = os.environ.get("BENCH_AS_DEPLOYED", "1") == "1"  # 0: only the pages rendered on every visit
TARGET_P95_MS = 150
# Issue 18: a page rendered on every visit, as a share of the trivial view's throughput on the same server.
TARGET_SHARE = {"public list, province filter + search": 0.10, "activity detail, 2,000 pages in turn": 0.20}

os.environ["DATABASE_URL"] = BENCH_URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

# (category code, title) of the synthetic activities: what units really organise during the Week.
TITLES = [
    ("opening", "Lễ khai mạc Tuần lễ hưởng ứng học tập suốt đời"),
    ("awareness", "Tọa đàm về xây dựng xã hội học tập"),
    ("awareness", "Trạm tư vấn học tập lưu động"),
    ("digital_skills", "Tập huấn kỹ năng số cho người cao tuổi"),
    ("digital_skills", "Hướng dẫn sử dụng VNeID và dịch vụ công trực tuyến"),
    ("digital_skills", "Lớp kỹ năng số cho phụ nữ nông thôn"),
    ("online_learning", "Giới thiệu nền tảng học tập trực tuyến"),
    ("digital_library", "Ngày hội đọc sách và thư viện số"),
    ("competition", "Cuộc thi tìm hiểu về chuyển đổi số"),
    ("competition", "Trải nghiệm trí tuệ nhân tạo cho học sinh"),
    ("career", "Ngày hội tư vấn hướng nghiệp và việc làm"),
    ("career", "Kết nối nhà trường và doanh nghiệp"),
]
SEARCHES = ["ky nang so", "huong nghiep", "thu vien so", "toa dam", "tap huan", "cuoc thi", "vneid", "doc sach"]


def build() -> dict:
    import django
    from django.core.management import call_command
    from django.db import connection

    django.setup()
    from lifelong.campaigns.services import campaign_create
    from lifelong.core.text import search_key
    from lifelong.orgs.models import OrgUnit

    t0 = t = time.perf_counter()
    print(f"Building {ACTIVITIES:,} published activities over the national tree:")
    call_command("migrate", verbosity=0)
    call_command("load_units", verbosity=0)
    t = step("migrate, load_units (Ministry, 34 provinces, 3,321 communes)", t)
    ministry = OrgUnit.objects.get(code="BGDDT")
    campaign = campaign_create(actor=None, owner=ministry, year=2025, start_date=date(2025, 10, 1),
                               end_date=date(2025, 10, 7), theme="Học tập suốt đời trong kỷ nguyên số")
    categories = dict(campaign.categories.values_list("code", "id"))
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit = off")
        cursor.execute("SET work_mem = '256MB'")
        alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        cursor.execute(f"""
            INSERT INTO orgs_orgunit (name, kind, code, parent_id, path, depth, search_key, version,
                                      created_at, updated_at)
            SELECT 'Trường ' || c.name || ' số ' || g, 'school', NULL, c.id,
                   c.path || '00' || substr('{alphabet}', g / 36 + 1, 1) || substr('{alphabet}', g %% 36 + 1, 1),
                   c.depth + 1, c.search_key || ' ' || g, 1, now(), now()
            FROM orgs_orgunit c CROSS JOIN generate_series(0, %s - 1) AS g
            WHERE c.kind = 'commune'""", [SCHOOLS_PER_COMMUNE])
        t = step(f"synthetic schools ({SCHOOLS_PER_COMMUNE} per commune)", t)
        # Organisers: every commune and school, numbered, with the commune and province of each.
        cursor.execute("""
            CREATE TEMP TABLE org AS
            SELECT row_number() OVER (ORDER BY u.id) - 1 AS rn, u.id AS unit_id, u.path AS unit_path,
                   u.search_key AS unit_key, c.id AS commune_id, c.search_key AS commune_key, c.parent_id AS province_id
            FROM orgs_orgunit u
            JOIN orgs_orgunit c ON c.id = CASE WHEN u.kind = 'commune' THEN u.id ELSE u.parent_id END
            WHERE u.kind IN ('commune', 'school')""")
        cursor.execute("SELECT count(*) FROM org")
        organisers = cursor.fetchone()[0]
        cursor.execute("""
            INSERT INTO activities_activity (campaign_id, unit_id, category_id, title, description, venue_name,
                venue_address, commune_id, province_id, mode, online_url, target_groups, capacity,
                registration_required, partners, budget_state, budget_social, status, published, plan_id,
                search_key, unit_path, lock_version, created_at, updated_at, starts_at, ends_at)
            SELECT %(campaign)s, o.unit_id, (%(categories)s::bigint[])[t], (%(titles)s::text[])[t],
                   'Hoạt động hưởng ứng Tuần lễ học tập suốt đời.', 'Nhà văn hóa', '', o.commune_id, o.province_id,
                   CASE WHEN g %% 7 = 0 THEN 'online' ELSE 'in_person' END,
                   CASE WHEN g %% 7 = 0 THEN 'https://hoc.example.vn/' || g ELSE '' END,
                   CASE g %% 3 WHEN 0 THEN ',residents,' WHEN 1 THEN ',learners,officials,'
                               ELSE ',disadvantaged,residents,' END,
                   CASE WHEN g %% 2 = 0 THEN 30 + g %% 70 END, g %% 2 = 0, '', NULL, NULL, 'planned', true, NULL,
                   left((%(keys)s::text[])[t] || ' nha van hoa ' || o.commune_key || ' ' || o.unit_key, 600),
                   o.unit_path, 1, now(), now(),
                   s.start, s.start + interval '2 hours' + CASE WHEN g %% 10 = 0 THEN interval '7 days' ELSE '0' END
            FROM generate_series(0, %(n)s - 1) AS g
            CROSS JOIN LATERAL (SELECT 1 + (g * 7) %% %(n_titles)s AS t) AS pick
            CROSS JOIN LATERAL (SELECT date_trunc('day', now()) + ((g %% 90) - 30) * interval '1 day'
                                       + (7 + g %% 10) * interval '1 hour' AS start) AS s
            JOIN org o ON o.rn = g %% %(organisers)s""", {
            "campaign": campaign.pk, "n": ACTIVITIES, "organisers": organisers, "n_titles": len(TITLES),
            "categories": [categories[code] for code, _title in TITLES], "titles": [t for _c, t in TITLES],
            "keys": [search_key(t) for _c, t in TITLES]})
        t = step("activities", t)
        cursor.execute("""
            INSERT INTO activities_session (activity_id, starts_at, ends_at, confirmed_count, waiting_count,
                                            checked_in_count)
            SELECT a.id, a.starts_at, a.starts_at + interval '2 hours', COALESCE(a.capacity / 2, 0), 0, 0
            FROM activities_activity a
            UNION ALL
            SELECT a.id, a.ends_at - interval '2 hours', a.ends_at, 0, 0, 0
            FROM activities_activity a WHERE a.ends_at - a.starts_at > interval '1 day'""")
        t = step("sessions (a tenth of the activities have two)", t)
        from lifelong.orgs.services import tree_version_bump

        tree_version_bump()  # the schools were added in plain SQL
        cursor.execute("VACUUM ANALYZE")
        t = step("VACUUM ANALYZE", t)
        cursor.execute("SELECT (SELECT count(*) FROM activities_activity WHERE published), "
                       "(SELECT count(*) FROM activities_session), (SELECT count(*) FROM orgs_orgunit)")
        activities, sessions, units = cursor.fetchone()
        cursor.execute("SELECT id FROM orgs_orgunit WHERE kind = 'province' ORDER BY code")
        provinces = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT id FROM activities_activity WHERE published ORDER BY random() LIMIT 2000")
        details = [row[0] for row in cursor.fetchall()]
    seconds = time.perf_counter() - t0
    print(f"  built {activities:,} published activities, {sessions:,} sessions, {units:,} units in {seconds:.0f} s\n")
    return {"provinces": provinces, "details": details, "activities": activities, "sessions": sessions,
            "build_seconds": seconds}


def existing() -> dict:
    import django
    from django.core.management import call_command
    from django.db import connection

    django.setup()
    call_command("migrate", verbosity=0)  # what was added since the dataset was built (indexes ...)
    with connection.cursor() as cursor:
        cursor.execute("SELECT (SELECT count(*) FROM activities_activity WHERE published), "
                       "(SELECT count(*) FROM activities_session)")
        activities, sessions = cursor.fetchone()
        cursor.execute("SELECT id FROM orgs_orgunit WHERE kind = 'province' ORDER BY code")
        provinces = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT setseed(0.5)")
        cursor.execute("SELECT id FROM activities_activity WHERE published ORDER BY random() LIMIT 2000")
        details = [row[0] for row in cursor.fetchall()]
    return {"provinces": provinces, "details": details, "activities": activities, "sessions": sessions,
            "build_seconds": 0}


def serve(extra_env: dict) -> subprocess.Popen:
    return serve_app(BENCH_URL, PORT, WORKERS, extra_env)


def wrk(paths: list[str], seconds: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("\n".join(paths) + "\n")
    try:
        output = subprocess.run(
            ["wrk", "-t", "2", "-c", str(CLIENTS), "-d", f"{seconds}s", "--timeout", "10s",
             "-s", str(ROOT / "benchmarks" / "wrk_paths.lua"), f"http://127.0.0.1:{PORT}"],
            env=os.environ | {"PATHS": handle.name}, capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(handle.name)
    result = json.loads(output.split("RESULT ", 1)[1])
    result["rps"] = result["requests"] / result["seconds"]
    result["errors"] = sum(result[k] for k in ("connect", "read", "write", "status", "timeout"))
    return result


def check_pages(paths: list[str]) -> None:
    """Every measured page answers 200 with content before it is timed (a fast error would be a lie)."""
    for path in paths[:5]:
        with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=10) as response:
            body = response.read().decode()
            assert response.status == 200 and ("<html" in body or body == "ok"), path


def popular(ids: list[int], count: int) -> list[int]:
    """Visits drawn with Zipf's law (the n-th most popular page is visited 1/n as often as the first)."""
    generator = random.Random(2025)
    return generator.choices(ids, weights=[1 / rank for rank in range(1, len(ids) + 1)], k=count)


def run_server(label: str, extra_env: dict, scenarios: list) -> list:
    server = serve(extra_env)
    results = []
    try:
        print(f"{label}:")
        for name, paths in scenarios:
            check_pages(paths)
            wrk(paths, WARM_UP)  # the same load first: connections, PostgreSQL's and the page cache warm
            result = wrk(paths, SECONDS)
            results.append((name, label, result))
            print(f"  {name:<46} {result['rps']:8.1f} req/s   median {result['median_ms']:7.1f} ms   "
                  f"p95 {result['p95_ms']:7.1f} ms   p99 {result['p99_ms']:7.1f} ms   errors {result['errors']}",
                  flush=True)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    return results


def main() -> None:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: scripts/ensure-bench-deps installs it (make bench does).")
    if os.environ.get("BENCH_REUSE") == "1":  # measure again on the dataset of the last run
        built = existing()
    else:
        recreate_database(BENCH_URL)
        built = build()
    lists = [f"/activities/?province={p}&q={q.replace(' ', '+')}" for q in SEARCHES for p in built["provinces"]]
    details = [f"/activities/{pk}/" for pk in built["details"]]
    print(f"Load: wrk, {CLIENTS} connections, {SECONDS} s per page after {WARM_UP} s of warm-up, "
          f"gunicorn {WORKERS} sync workers, PostgreSQL, DEBUG=0.")
    results = []
    if CACHE_URL:
        import redis

        redis.Redis.from_url(CACHE_URL).flushdb()
    if AS_DEPLOYED:
        results += run_server(
            f"as deployed: public-page cache of 30 s in {'Redis' if CACHE_URL else 'each worker'}",
            {"CACHE_URL": CACHE_URL, "PUBLIC_PAGE_CACHE_SECONDS": "30"}, [
                ("trivial view /healthz (ceiling)", ["/healthz"]),
                ("public list, province filter + search", lists),
                ("activity detail, popular pages (Zipf over 2,000)", [f"/activities/{pk}/" for pk in
                                                                     popular(built["details"], 20000)]),
            ])
    rendered = run_server("every page rendered (cache off)", {"PUBLIC_PAGE_CACHE_SECONDS": "0"}, [
        ("trivial view /healthz (ceiling)", ["/healthz"]),
        ("public list, province filter + search", lists),
        ("activity detail, 2,000 pages in turn", details),
    ])
    results += rendered
    print("\n| page | server | requests/s | median (ms) | p95 (ms) | p99 (ms) | errors | p95 <= 150 ms |")
    print("|---|---|---:|---:|---:|---:|---:|---|")
    for name, label, r in results:
        within = "ceiling" if "ceiling" in name else ("yes" if r["p95_ms"] <= TARGET_P95_MS and not r["errors"]
                                                      else "NO")
        print(f"| {name} | {label} | {r['rps']:.1f} | {r['median_ms']:.1f} | {r['p95_ms']:.1f} | "
              f"{r['p99_ms']:.1f} | {r['errors']} | {within} |")
    ceiling = rendered[0][2]["rps"]
    print(f"\nEvery page rendered (issue 18), as a share of the trivial view's {ceiling:.1f} requests/s on the same "
          "server:\n")
    print("| page | requests/s | share of the trivial view | target | within |")
    print("|---|---:|---:|---:|---|")
    for name, _label, r in rendered[1:]:
        share, target = r["rps"] / ceiling, TARGET_SHARE[name]
        print(f"| {name} | {r['rps']:.1f} | {share:.1%} | >= {target:.0%} | "
              f"{'yes' if share >= target and not r['errors'] else 'NO'} |")
    print(f"\nDataset: {built['activities']:,} published activities, {built['sessions']:,} sessions, "
          f"built in {built['build_seconds']:.0f} s.")


if __name__ == "__main__":
    main()
