"""System checks that keep an unsafe configuration from starting.

They run with every management command (runserver, migrate, check) and from config/wsgi.py, so
gunicorn refuses to serve too.
"""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


@register(Tags.security, deploy=False)
def check_secret_key(app_configs=None, **kwargs):
    if not settings.DEBUG and settings.SECRET_KEY == settings.DEV_SECRET_KEY:
        return [
            Error(
                "DEBUG is off but SECRET_KEY is the public development key.",
                hint="Set the SECRET_KEY environment variable to a long random value.",
                id="lifelong.E001",
            )
        ]
    return []


@register(Tags.security, deploy=False)
def check_allowed_hosts(app_configs=None, **kwargs):
    if not settings.DEBUG and not settings.ALLOWED_HOSTS:
        return [
            Error(
                "DEBUG is off and ALLOWED_HOSTS is empty: no request would be answered.",
                hint="Set ALLOWED_HOSTS, e.g. ALLOWED_HOSTS=lifelong.example.vn",
                id="lifelong.E002",
            )
        ]
    return []


@register(Tags.caches, deploy=True)
def check_shared_cache(app_configs=None, **kwargs):
    backend = settings.CACHES["default"]["BACKEND"]
    if not settings.DEBUG and backend.endswith("LocMemCache"):
        return [
            Warning(
                "The cache is each process's own memory: rate limits and cached pages are not shared between "
                "app servers or workers.",
                hint="Set CACHE_URL=redis://host:6379/0 (docs/deployment.md).",
                id="lifelong.W001",
            )
        ]
    return []
