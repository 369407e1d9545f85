"""Readiness for a load balancer or an orchestrator: may this process take requests now?

`/healthz` says the process answers (no database, no template: liveness). `/readyz` says it can do its work: the
database answers, the shared cache answers (rate limits and the public-page cache live there), and every migration
of this code is applied (a new version started before `migrate` ran would otherwise answer with errors). It answers
200 with what it checked, or 503 naming what failed, never the details of an error (those go to the log).
"""

import logging

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor

logger = logging.getLogger(__name__)
# Migrations are never unapplied under a running process: once all are found applied, they are not asked again.
_migrated = False


def _database() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.exception("readiness: the database does not answer")
        return False


def _cache() -> bool:
    try:
        cache.set("readiness-probe", "1", 10)
        return cache.get("readiness-probe") == "1"
    except Exception:  # any backend's error: Redis down, refused, timed out
        logger.exception("readiness: the cache does not answer")
        return False


def _migrations() -> bool:
    global _migrated
    if not _migrated:
        try:
            executor = MigrationExecutor(connection)
            _migrated = not executor.migration_plan(executor.loader.graph.leaf_nodes())
        except DatabaseError:
            return False
    return _migrated


def readiness() -> dict[str, str]:
    """{check: "ok" | "failed"} for the database, the cache and the migrations (these only if the database answers)."""
    database = _database()
    checks = {"database": database, "cache": _cache(), "migrations": database and _migrations()}
    return {name: "ok" if passed else "failed" for name, passed in checks.items()}
