from django.http import HttpResponse
from django.shortcuts import render
from django.views import i18n as i18n_views
from django.views.decorators.csrf import csrf_exempt

from lifelong.campaigns.selectors import campaign_current
from lifelong.orgs import permissions


def home(request):
    return render(request, "home.html", {
        "home_units": permissions.home_units(request.user),
        "campaign": campaign_current(),
    })


def healthz(request):
    """Liveness for a load balancer (no database, no template); also the ceiling in the load benchmark."""
    return HttpResponse("ok", content_type="text/plain")


# Choosing a language only sets a preference cookie: harmless if forged cross-site, so it needs no CSRF
# token, and pages with the language switch stay cacheable for anonymous visitors.
set_language = csrf_exempt(i18n_views.set_language)
