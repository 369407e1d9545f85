"""Reads of read-only pages and exports from a PostgreSQL streaming replica, when one is configured.

`DATABASE_REPLICA_URL` adds the database alias "replica" (config/settings.py). Views marked with
`@read_replica` (the public activity pages and feeds, totals, completeness and their exports, OAI-PMH) send
their reads there while they run; everything else, and every write, goes to the primary ("default").
Without the setting the router routes nothing and the decorator does nothing.

A replica lags the primary by a fraction of a second. So that people always see what they have just done,
a browser that has written (any request other than GET/HEAD/OPTIONS that succeeded) carries a
`primary_until` cookie for REPLICA_PIN_SECONDS, and its reads stay on the primary meanwhile. A forged cookie
only sends its holder to the primary, which is always right.
"""

import time
from contextvars import ContextVar
from functools import wraps

from django.conf import settings

REPLICA = "replica"
PIN_COOKIE = "primary_until"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
_reading_from_replica: ContextVar[bool] = ContextVar("reading_from_replica", default=False)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


class ReplicaRouter:
    """Reads to the replica inside a `read_replica` view; writes, migrations and everything else to the primary."""

    def db_for_read(self, model, **hints):
        return REPLICA if _reading_from_replica.get() and replica_configured() else None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica is a copy of the primary: the same rows

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA  # a streaming replica follows the primary's schema; it is never migrated itself


def _pinned_to_primary(request) -> bool:
    try:
        return float(request.COOKIES.get(PIN_COOKIE, "0")) > time.time()
    except ValueError:
        return False


def read_replica(view):
    """Let a read-only view read from the replica (GET and HEAD only, and not just after this browser wrote)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        use = replica_configured() and request.method in ("GET", "HEAD") and not _pinned_to_primary(request)
        token = _reading_from_replica.set(use)
        try:
            return view(request, *args, **kwargs)
        finally:
            _reading_from_replica.reset(token)

    wrapper.reads_from_replica = True  # kept by outer decorators that use functools.wraps
    return wrapper


class PinToPrimaryMiddleware:
    """After a successful write, this browser reads from the primary for a few seconds (its own writes show)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if replica_configured() and request.method not in SAFE_METHODS and response.status_code < 400:
            seconds = settings.REPLICA_PIN_SECONDS
            response.set_cookie(PIN_COOKIE, f"{time.time() + seconds:.0f}", max_age=seconds, httponly=True,
                                samesite="Lax", secure=settings.SESSION_COOKIE_SECURE)
        return response
