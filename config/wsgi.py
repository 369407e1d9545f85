import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_wsgi_application()

# gunicorn does not run system checks; refuse to serve with an unsafe configuration (lifelong.E001).
from django.core import checks  # noqa: E402
from django.core.exceptions import ImproperlyConfigured  # noqa: E402

_errors = [e for e in checks.run_checks(tags=[checks.Tags.security]) if e.is_serious()]
if _errors:
    raise ImproperlyConfigured("; ".join(f"{e.id}: {e.msg}" for e in _errors))

# Garbage collection, tuned for a server process (measured in docs/benchmarks.md, library section): what is loaded
# by now (modules, settings, URL patterns, templates) lives as long as the worker, so the collector stops scanning
# it (gc.freeze); and the young generation is collected every 20,000 allocations instead of 700, since rendering
# one page (100 OAI records, a list of 50 activities) makes tens of thousands of short-lived objects and the
# default threshold ran several full scans per request.
import gc  # noqa: E402

gc.freeze()
gc.set_threshold(20_000, 10, 10)
