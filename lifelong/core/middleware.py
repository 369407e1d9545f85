import logging

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import DataError
from django.http import HttpResponse, JsonResponse
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django_ratelimit.exceptions import Ratelimited

from lifelong.core.validation import TEXT_NOT_ALLOWED, parse_int_param

logger = logging.getLogger(__name__)


class VietnameseFirstLocaleMiddleware(LocaleMiddleware):
    """Pages are Vietnamese unless the user chose English with the switch in the header.

    Many officials' phones and browsers are set to English; the browser's Accept-Language must not
    turn the interface English behind their back. Only the language cookie (set by the switch)
    changes it. API clients may still ask for English with Accept-Language.
    """

    def process_request(self, request):
        if request.path.startswith("/api/"):
            return super().process_request(request)
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        supported = {code for code, _label in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


def refusal(request, status: int, code: str, message) -> HttpResponse:
    """The answer to input no view can use: the API's error shape under /api/, a short page elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse({"error": {"code": code, "message": str(message), "details": []}}, status=status)
    titles = {400: _("The request cannot be used"), 403: _("Not allowed"), 413: _("Too large"),
              429: _("Too many requests")}
    return render(request, "error.html", {"title": titles.get(status, _("Error")), "message": message},
                  status=status)


class RequestGuardMiddleware:
    """Refuses, before any view runs, what no page can use, and turns a few late failures into answers.

    - NUL characters in the address (PostgreSQL cannot compare them): 400.
    - A body larger than settings.MAX_REQUEST_BYTES (announced by Content-Length): 413.
    - Too many requests (django-ratelimit): 429 with a page or the API's error shape.
    - A value the database refuses after the checks (out of range): logged and answered 400, never 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any("\x00" in key or any("\x00" in v for v in values)
                                         for key, values in request.GET.lists()):
            return refusal(request, 400, "invalid_text", TEXT_NOT_ALLOWED)
        length = parse_int_param(request.META.get("CONTENT_LENGTH"))
        if length is not None and length > settings.MAX_REQUEST_BYTES:
            return refusal(request, 413, "too_large", _("The request is too large."))
        response = self.get_response(request)
        if response.status_code == 405 and request.path.startswith("/api/"):
            # django-ninja answers a method an endpoint lacks with a bare text page; clients get the error shape.
            allowed = response.get("Allow", "")
            response = refusal(request, 405, "method_not_allowed", _(
                "This address does not accept %(method)s; it accepts %(allowed)s.") % {
                "method": request.method, "allowed": allowed or "—"})
            if allowed:
                response["Allow"] = allowed
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, Ratelimited):
            response = refusal(request, 429, "rate_limited", _("Too many requests. Wait a minute and try again."))
            response["Retry-After"] = "60"
            return response
        if isinstance(exception, RequestDataTooBig):
            return refusal(request, 413, "too_large", _("The request is too large."))
        if isinstance(exception, DataError | OverflowError):
            logger.warning("Database refused a value on %s: %s", request.path, exception)
            return refusal(request, 400, "validation_error", _("A value is out of the range that can be stored."))
        return None
