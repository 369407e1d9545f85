"""Pages that belong to no domain: health check, language switch, the answers to refused and missing pages.
(The home page, which gathers every app, is config/views.py.)"""

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
