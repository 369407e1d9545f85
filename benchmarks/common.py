"""Pieces shared by the benchmark scripts: a fresh database of their own and timed build steps."""

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
