"""Readiness and structured logs: /readyz names what is not ready (503), and log lines are JSON a collector can
read back, with no query string in them."""

import json
import logging
import sys

from django.test import RequestFactory

from lifelong.core import readiness
from lifelong.core.logs import JsonFormatter


def test_ready_when_the_database_the_cache_and_the_migrations_are(client, db):
    response = client.get("/readyz")
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    assert response.json() == {"status": "ready", "checks": {"database": "ok", "cache": "ok", "migrations": "ok"}}
    assert client.get("/healthz").content == b"ok"


def test_not_ready_names_what_failed(client, db, settings, monkeypatch):
    settings.CACHES = {**settings.CACHES, "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    response = client.get("/readyz")
    assert response.status_code == 503 and response.json()["checks"]["cache"] == "failed"
    monkeypatch.setattr(readiness, "_migrated", False)
    monkeypatch.setattr(readiness.MigrationExecutor, "migration_plan", lambda self, targets: [("pending", False)])
    assert readiness.readiness()["migrations"] == "failed"


def test_log_lines_are_json_with_the_request_but_not_its_query():
    request = RequestFactory().get("/tro-ly/", {"q": "số điện thoại của tôi là 0912345678"})
    try:
        raise ValueError("hỏng")
    except ValueError:
        record = logging.getLogger("django.request").makeRecord(
            "django.request", logging.ERROR, __file__, 1, "Lỗi máy chủ: %s", ("/tro-ly/",), exc_info=sys.exc_info(),
            extra={"request": request, "status_code": 500, "unit_id": 7})
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert (entry["level"], entry["message"], entry["status"], entry["path"]) == ("ERROR", "Lỗi máy chủ: /tro-ly/",
                                                                                  500, "/tro-ly/")
    assert entry["unit_id"] == 7 and entry["error"] == "ValueError" and "hỏng" in entry["traceback"]
    assert "0912345678" not in line and "\n" not in line
