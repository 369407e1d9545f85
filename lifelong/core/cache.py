"""A short-lived cache of public pages for anonymous visitors.

The public calendar is what a whole province opens at once when the Week is announced, and it is the
same page for every anonymous visitor. Such a page is kept for settings.PUBLIC_PAGE_CACHE_SECONDS
(30 s by default; 0 turns the cache off) per address, language and htmx fragment, in Django's cache
(local memory per process by default; Redis when several servers should share it, see
docs/deployment.md). A visit is answered from the cache only when it is anonymous, a GET, and
carries no session or pending message; a page is stored only when it is a 200 that used no CSRF
token (so no visitor ever receives another visitor's token) and set no cookie. Figures on a cached
page (places left) may be up to that many seconds old; registration itself always counts under a lock.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import translation


def _cacheable_request(request) -> bool:
    return (settings.PUBLIC_PAGE_CACHE_SECONDS > 0 and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES and "messages" not in request.COOKIES
            and not request.user.is_authenticated)


def public_page(view):
    """Serve an anonymous visitor a copy of the page rendered for an earlier one, if recent enough."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        address = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
        key = f"public-page:{translation.get_language()}:{int(bool(request.headers.get('HX-Request')))}:{address}"
        stored = cache.get(key)
        if stored is not None:
            content, content_type = stored
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if (response.status_code == 200 and not getattr(response, "streaming", False) and not response.cookies
                and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            cache.set(key, (response.content, response["Content-Type"]), settings.PUBLIC_PAGE_CACHE_SECONDS)
        return response

    return wrapper
