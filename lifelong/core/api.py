"""The /api/v1 root: authentication, the one error shape, and the routers of every app.

Every error answers `{"error": {"code": "...", "message": "...", "details": [...]}}` with the
matching HTTP status; messages follow the request's language (Vietnamese by default).
Authentication: the browser session (with CSRF on writes) or `Authorization: Bearer <token>`.
"""

import logging

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import HttpBearer, django_auth

from lifelong.core.errors import ServiceError

logger = logging.getLogger(__name__)


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        from lifelong.orgs.services import api_token_authenticate

        user = api_token_authenticate(token)
        if user is not None:
            request.user = user
        return user


# Token first: a program that sends a token is not asked for a CSRF token.
AUTH = [TokenAuth(), django_auth]

api = NinjaAPI(
    title="lifelong API",
    version="1",
    urls_namespace="api-v1",
    description="Lifelong Learning Week platform. Errors: {\"error\": {\"code\", \"message\", \"details\"}}.",
)


def error_response(request, status: int, code: str, message, details=None):
    return api.create_response(
        request, {"error": {"code": code, "message": str(message), "details": details or []}}, status=status
    )


@api.exception_handler(ServiceError)
def on_service_error(request, exc: ServiceError):
    details = [{k: str(v) if k == "message" else v for k, v in d.items()} for d in exc.details]
    return error_response(request, exc.status, exc.code, exc.message, details)


@api.exception_handler(NinjaValidationError)
def on_validation_error(request, exc: NinjaValidationError):
    details = [
        {"field": ".".join(str(p) for p in err.get("loc", [])[1:]) or None, "message": err.get("msg", "")}
        for err in exc.errors
    ]
    return error_response(request, 422, "validation_error", _("Some of the data is not valid."), details)


@api.exception_handler(AuthenticationError)
def on_auth_error(request, exc):
    return error_response(request, 401, "not_authenticated", _("Log in or send a valid API token."))


@api.exception_handler(PermissionDenied)
def on_permission_denied(request, exc):
    return error_response(request, 403, "permission_denied", _("You do not have permission to do this."))


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return error_response(request, 404, "not_found", _("Not found."))


@api.exception_handler(HttpError)
def on_http_error(request, exc: HttpError):
    return error_response(request, exc.status_code, "http_error", str(exc))


@api.exception_handler(Exception)
def on_unexpected(request, exc):
    logger.exception("Unexpected API error")
    return error_response(request, 500, "server_error", _("An unexpected error occurred; it has been logged."))


def api_not_found(request):
    """Django view for paths under /api/ that no endpoint matches."""
    return error_response(request, 404, "not_found", _("No API endpoint at this address."))


def _register_routers() -> None:
    from lifelong.activities.api import router as activities_router
    from lifelong.orgs.api import router as orgs_router
    from lifelong.plans.api import router as plans_router
    from lifelong.reports.api import router as reports_router

    api.add_router("/", orgs_router)
    api.add_router("/", plans_router)
    api.add_router("/", reports_router)
    api.add_router("/", activities_router)


_register_routers()
