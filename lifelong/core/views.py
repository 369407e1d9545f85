"""Pages that belong to no domain: health check, language switch, the answers to refused and missing pages.
(The home page, which gathers every app, is config/views.py.)"""

import functools
import hashlib
import json

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import i18n as i18n_views
from django.views.decorators.csrf import csrf_exempt

from lifelong.core.readiness import readiness


def healthz(request):
    """Liveness for a load balancer (no database, no template); also the ceiling in the load benchmark."""
    return HttpResponse("ok", content_type="text/plain")


def readyz(request):
    """Readiness (lifelong.core.readiness): 200 when the database, the cache and the migrations are ready, else 503;
    the body says which, as JSON."""
    checks = readiness()
    ready = all(value == "ok" for value in checks.values())
    response = JsonResponse({"status": "ready" if ready else "not ready", "checks": checks},
                            status=200 if ready else 503)
    response["Cache-Control"] = "no-store"
    return response


# Choosing a language only sets a preference cookie: harmless if forged cross-site, so it needs no CSRF
# token, and pages with the language switch stay cacheable for anonymous visitors.
set_language = csrf_exempt(i18n_views.set_language)


def csrf_failure(request, reason=""):
    """A refused form post (expired page, blocked cookie): the API's error shape or a page that says what to do."""
    from lifelong.core.middleware import refusal

    return refusal(request, 403, "csrf_failed", _(
        "The form was sent from a page that is too old or without the site's cookie. Reload the page and send "
        "it again; if this keeps happening, allow cookies for this site."))


def permission_denied(request, exception=None):
    """A page refused to someone not logged in sends them to log in and back; a refusal after login says why."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    """Drafts and private pages do not exist for visitors who are not logged in: offer to log in and come back."""
    return render(request, "404.html", {"login_next": request.get_full_path()}, status=404)


# The pages that work without a connection (docs/offline.md): the service worker caches them on each visit.
OFFLINE_PAGES = [r"^/sessions/\d+/checkin/$", r"^/units/\d+/report/$"]
OFFLINE_ASSETS = ["css/app.css", "vendor/htmx.min.js", "js/app.js", "js/scan.js", "js/offline.js",
                  "icons/icon-192.png"]


def _service_worker_source() -> tuple[str, list[str], str]:
    from django.contrib.staticfiles import finders
    from django.templatetags.static import static

    assets = [static(path) for path in OFFLINE_ASSETS]
    source_path = finders.find("js/sw.js")
    with open(source_path, encoding="utf-8") as source:
        code = source.read()
    # A new version when the worker or any cached file changes, so that browsers replace the cached files.
    digest = hashlib.sha256(code.encode())
    for path in OFFLINE_ASSETS:
        with open(finders.find(path), "rb") as asset:
            digest.update(asset.read())
    return code, assets, digest.hexdigest()[:12]


_cached_worker = functools.lru_cache(maxsize=1)(_service_worker_source)


def service_worker(request):
    """/sw.js at the root, so that it may control the check-in and report pages; configured in front of its code."""
    code, assets, version = (_service_worker_source if settings.DEBUG else _cached_worker)()
    config = {"version": version, "assets": assets, "pages": OFFLINE_PAGES,
              "offlineTitle": _("No connection"), "siteName": _("Lifelong learning"), "retry": _("Try again"),
              "offlineText": _("This page was not saved on this device yet. Open it once while connected; "
                               "after that it works without a connection.")}
    body = f"self.LIFELONG = {json.dumps(config, ensure_ascii=False)};\n{code}"
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response


def web_manifest(request):
    """The installable app's manifest: the site opens like an app from the phone's home screen."""
    from django.templatetags.static import static

    manifest = {
        "name": _("Lifelong learning"), "short_name": _("Lifelong learning"), "lang": "vi", "start_url": "/",
        "scope": "/", "display": "standalone", "background_color": "#ffffff", "theme_color": "#a3161b",
        "icons": [{"src": static(f"icons/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png",
                   "purpose": "any"} for size in (192, 512)],
    }
    response = HttpResponse(json.dumps(manifest, ensure_ascii=False), content_type="application/manifest+json")
    response["Cache-Control"] = "public, max-age=3600"
    return response


def logout(request, *args, **kwargs):
    """allauth's logout, which also tells the browser to delete what the offline pages kept (pages, rosters,
    queues): a shared phone keeps no one's data after they log out. app.js asks first if some was never sent."""
    from allauth.account.views import LogoutView

    response = LogoutView.as_view()(request, *args, **kwargs)
    if request.method == "POST":
        response["Clear-Site-Data"] = '"cache", "storage"'
    return response
