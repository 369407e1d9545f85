"""The production processes on real parts, run directly (this machine has no container runtime): gunicorn with
config/gunicorn.conf.py and the background worker, from the environment only (DEBUG=0), against a PostgreSQL
database of their own and Redis. They answer /healthz and /readyz, and log one JSON object per line. Read-only
pages read from a (stand-in) read-only replica.

Runs where the suite runs on PostgreSQL (.ci/run's second pass): the processes need a server database."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SERVER_URL = os.environ.get("DATABASE_URL", "")

pytestmark = pytest.mark.skipif(not SERVER_URL.startswith("postgres"),
                                reason="needs PostgreSQL: runs in the suite's PostgreSQL pass")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.mark.django_db(transaction=True)
def test_web_and_worker_run_from_the_environment_and_log_json(tmp_path):
    from django.db import connection

    # The suite's own test database, migrated already: the processes read and write it like any other.
    base = SERVER_URL.rsplit("/", 1)[0]
    database_url = f"{base}/{connection.settings_dict['NAME']}"
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    signing_key = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode()
    port = _free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PYTEST"))}
    env.update(DEBUG="0", SECRET_KEY="stack-" + "k" * 50, ALLOWED_HOSTS="127.0.0.1", DATABASE_URL=database_url,
               CACHE_URL="redis://127.0.0.1:6379/13", PORT=str(port), WEB_CONCURRENCY="1", LOG_FORMAT="json",
               CREDENTIAL_SIGNING_KEY=signing_key.replace("\n", "\\n"), DJANGO_SETTINGS_MODULE="config.settings",
               STATIC_ROOT=str(tmp_path / "static"), DB_CONN_MAX_AGE="60",
               # The same database as a stand-in for a streaming replica, read-only like a hot standby: a write
               # routed there would fail. Its connections are named so that pg_stat_activity shows them.
               DATABASE_REPLICA_URL=f"{database_url}?application_name=lifelong-replica"
                                    "&options=-c%20default_transaction_read_only%3Don")
    python = sys.executable
    processes = []
    try:
        subprocess.run([python, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
        web_log, worker_log = tmp_path / "web.log", tmp_path / "worker.log"
        gunicorn = str(Path(python).parent / "gunicorn")
        processes.append(subprocess.Popen([gunicorn, "config.wsgi", "-c", "config/gunicorn.conf.py"], cwd=ROOT,
                                          env=env, stdout=web_log.open("w"), stderr=subprocess.STDOUT))
        processes.append(subprocess.Popen([python, "manage.py", "db_worker", "--no-startup-delay"], cwd=ROOT,
                                          env=env, stdout=worker_log.open("w"), stderr=subprocess.STDOUT))
        status = 0
        for _ in range(100):
            try:
                status, _body = _get(f"http://127.0.0.1:{port}/healthz")
                break
            except OSError:
                time.sleep(0.2)
        assert status == 200
        status, body = _get(f"http://127.0.0.1:{port}/readyz")
        assert status == 200 and json.loads(body)["checks"] == {"database": "ok", "cache": "ok", "migrations": "ok"}
        page = _get(f"http://127.0.0.1:{port}/tro-ly/?q=lop+excel")
        assert page[0] == 200, web_log.read_text()[-3000:]
        listing = _get(f"http://127.0.0.1:{port}/activities/?q=ky+nang")
        assert listing[0] == 200, web_log.read_text()[-3000:]
        assert _get(f"http://127.0.0.1:{port}/oai?verb=Identify")[0] == 200
        with connection.cursor() as cursor:  # the replica's connection read the activities
            cursor.execute("SELECT query FROM pg_stat_activity WHERE application_name = 'lifelong-replica' "
                           "AND datname = %s", [connection.settings_dict["NAME"]])
            replica_queries = [row[0] for row in cursor.fetchall()]
        assert replica_queries, "no connection to the replica"
        time.sleep(1)
        assert all(process.poll() is None for process in processes)  # both still running
        access = [json.loads(line) for line in web_log.read_text().splitlines() if '"gunicorn.access"' in line]
        assert {(entry["path"], entry["status"]) for entry in access} >= {("/healthz", 200), ("/readyz", 200),
                                                                          ("/tro-ly/", 200)}
        assert all("lop+excel" not in json.dumps(entry) for entry in access)  # no query string in the log
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=10)
