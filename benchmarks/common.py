"""Pieces shared by the benchmark scripts: a fresh database of their own and timed build steps."""

import statistics
import time


def recreate_database(url: str) -> None:
    """Drop and create the database named at the end of `url` (a PostgreSQL URL)."""
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def step(label: str, started: float) -> float:
    """Print how long a build step took since `started`; return now, the start of the next one."""
    now = time.perf_counter()
    print(f"  {label:<58} {now - started:7.1f} s", flush=True)
    return now


def timed(function, samples: int) -> tuple[float, float]:
    """(median, p95) in ms of `samples` warm calls (one call first, to warm the caches)."""
    function()
    durations = []
    for _ in range(samples):
        started = time.perf_counter()
        function()
        durations.append((time.perf_counter() - started) * 1000)
    durations.sort()
    p95 = durations[min(len(durations) - 1, round(0.95 * (len(durations) - 1)))]
    return statistics.median(durations), p95


def add_synthetic_units(cursor, per_commune: int) -> None:
    """Synthetic schools and villages under every commune (a third schools, the rest villages), by set-based SQL."""
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    cursor.execute(f"""
        INSERT INTO orgs_orgunit (name, kind, code, parent_id, path, depth, search_key, version,
                                  created_at, updated_at)
        SELECT CASE WHEN g %% 3 = 0 THEN 'Trường ' ELSE 'Thôn ' END || c.name || ' số ' || g,
               CASE WHEN g %% 3 = 0 THEN 'school' ELSE 'village' END, NULL, c.id,
               c.path || '00' || substr('{alphabet}', g / 36 + 1, 1) || substr('{alphabet}', g %% 36 + 1, 1),
               c.depth + 1, c.search_key || ' ' || g, 1, now(), now()
        FROM orgs_orgunit c CROSS JOIN generate_series(0, %s - 1) AS g
        WHERE c.kind = 'commune'""", [per_commune])
