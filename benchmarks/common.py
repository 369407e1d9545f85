"""Pieces shared by the benchmark scripts: a fresh database of their own and timed build steps."""

import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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


def serve_app(database_url: str, port: int, workers: int, extra_env: dict | None = None) -> subprocess.Popen:
    """The app behind gunicorn (sync workers, DEBUG=0, persistent connections), started in its own process
    group (stop it with os.killpg); returns once it answers /healthz."""
    env = os.environ | {"DEBUG": "0", "SECRET_KEY": "bench-" + "x" * 50, "ALLOWED_HOSTS": "127.0.0.1",
                        "DB_CONN_MAX_AGE": "60", "DATABASE_URL": database_url} | (extra_env or {})
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env,
                   check=True)
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    server = subprocess.Popen([gunicorn, "config.wsgi", "-w", str(workers), "-b", f"127.0.0.1:{port}",
                               "--log-level", "warning"], cwd=ROOT, env=env, start_new_session=True)
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start")
