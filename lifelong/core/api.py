"""The /api/v1 root: authentication, the one error shape, and the routers of every app.

Every error answers `{"error": {"code": "...", "message": "...", "details": [...]}}` with the
matching HTTP status; messages follow the request's language (Vietnamese by default). Every
operation documents those error answers in the OpenAPI schema, so that a client (and the fuzzing
test, lifelong/core/tests/test_api_fuzz.py) can rely on them.
Authentication: the browser session (with CSRF on writes) or `Authorization: Bearer <token>`.
Public endpoints (`OPTIONAL_AUTH`) answer anyone, and honour a token or a session when one is sent,
so a token client sees the drafts its user may see; a token that is sent but wrong is a 401 there too.
"""

import json
import logging

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.http import Http404
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django_ratelimit.exceptions import Ratelimited
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError
from ninja.parser import Parser
from ninja.security import HttpBearer, django_auth

from lifelong.core.errors import ServiceError, ValidationFailed
from lifelong.core.validation import TEXT_NOT_ALLOWED, text_allowed

logger = logging.getLogger(__name__)


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        from lifelong.orgs.services import api_token_authenticate

        user = api_token_authenticate(token)
        if user is None:
            # A wrong or revoked token is an error even where a session could also log in: the client
            # must learn that its token does not work rather than silently become someone else.
            raise AuthenticationError()
        request.user = user
        return user


def anonymous_allowed(request):
    """The last step of OPTIONAL_AUTH: nobody logged in, which public endpoints accept."""
    return request.user if request.user.is_authenticated else "anonymous"


# Token first: a program that sends a token is not asked for a CSRF token.
AUTH = [TokenAuth(), django_auth]
OPTIONAL_AUTH = [TokenAuth(), django_auth, anonymous_allowed]


class TextRejected(ValidationFailed):
    code = "invalid_text"


def _bad_text_paths(value, path: str = "") -> list[str]:
    """Where in parsed JSON a string (or key) holds NUL or a lone surrogate."""
    if isinstance(value, str):
        return [] if text_allowed(value) else [path or "body"]
    if isinstance(value, dict):
        found = []
        for key, item in value.items():
            child = f"{path}.{key}" if path else str(key)
            if not text_allowed(str(key)):
                found.append(path or "body")
            else:
                found += _bad_text_paths(item, child)
        return found
    if isinstance(value, list):
        return [p for index, item in enumerate(value) for p in _bad_text_paths(item, f"{path}.{index}" if path
                                                                               else str(index))]
    return []


class CheckedJsonParser(Parser):
    """JSON bodies whose strings can be stored: NUL and lone surrogates are refused with a 422."""

    def parse_body(self, request):
        try:
            data = json.loads(request.body)
        except (UnicodeDecodeError, RecursionError) as exc:
            raise ServiceError(_("The request body is not valid UTF-8 JSON.")) from exc
        bad = _bad_text_paths(data)
        if bad:
            raise TextRejected(details=[{"field": path, "message": str(TEXT_NOT_ALLOWED)} for path in bad[:20]])
        return data


class ErrorBody(Schema):
    code: str
    message: str
    details: list[dict]


class ErrorOut(Schema):
    error: ErrorBody


DOCUMENTED_ERRORS = {
    400: "Bad request (a body that cannot be read, or a refused operation)",
    401: "Not logged in, or the token sent is not valid",
    403: "Not allowed for this user",
    404: "Not found, or not visible to this user",
    405: "This address does not accept the method",
    409: "Changed by someone else since it was read (lock_version), or a state conflict",
    413: "Request body too large",
    422: "Invalid data; details name the fields",
    429: "Too many requests; wait and try again",
}


class LifelongAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components.update(ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}").pop("$defs", {}))
        components["ErrorOut"] = {k: v for k, v in ErrorOut.model_json_schema(
            ref_template="#/components/schemas/{model}").items() if k != "$defs"}
        error = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}}
        for methods in schema["paths"].values():
            for operation in methods.values():
                responses = operation.setdefault("responses", {})
                for status, description in DOCUMENTED_ERRORS.items():
                    responses.setdefault(status, {"description": description, **error})
        return schema


api = LifelongAPI(
    title="lifelong API",
    version="1",
    urls_namespace="api-v1",
    parser=CheckedJsonParser(),
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


def _field_path(loc) -> str | None:
    """("query", "province") → "province"; ("body", "payload", "fields", "title") → "fields.title" (the name of
    the view's body parameter means nothing to a client)."""
    parts = list(loc)[2:] if loc and loc[0] == "body" and len(loc) > 2 else list(loc)[1:]
    return ".".join(str(p) for p in parts) or None


@api.exception_handler(NinjaValidationError)
def on_validation_error(request, exc: NinjaValidationError):
    details = [{"field": _field_path(err.get("loc", [])), "message": err.get("msg", "")} for err in exc.errors]
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
    """django-ninja's own refusals, in the one shape and the request's language."""
    if isinstance(exc.__cause__, ServiceError):  # raised by CheckedJsonParser, wrapped by ninja
        return on_service_error(request, exc.__cause__)
    if exc.status_code == 400:  # "Cannot parse request body": form data or broken JSON where JSON is expected
        return error_response(request, 400, "invalid_body", _(
            "The request body cannot be read: send JSON with Content-Type: application/json."))
    if exc.status_code == 403 and "CSRF" in str(exc):
        return error_response(request, 403, "csrf_failed", _(
            "A browser session writes only with its CSRF token (X-CSRFToken); programs send an API token."))
    return error_response(request, exc.status_code, "http_error", str(exc))


@api.exception_handler(Throttled)
@api.exception_handler(Ratelimited)
def on_rate_limited(request, exc):
    return error_response(request, 429, "rate_limited", _("Too many requests. Wait a minute and try again."))


@api.exception_handler(RequestDataTooBig)
def on_too_big(request, exc):
    return error_response(request, 413, "too_large", _("The request is too large."))


@api.exception_handler(DjangoValidationError)
def on_django_validation_error(request, exc: DjangoValidationError):
    details = [{"field": field if field != "__all__" else None, "message": str(message)}
               for field, messages in getattr(exc, "message_dict", {"__all__": exc.messages}).items()
               for message in messages]
    return error_response(request, 422, "validation_error", _("Some of the data is not valid."), details)


@api.exception_handler(DataError)
@api.exception_handler(OverflowError)
def on_value_out_of_range(request, exc):
    # The last line of defence: a value the checks above let through but the database refuses (a
    # number or text out of its range). Logged, because a check is missing somewhere.
    logger.warning("Database refused a value: %s", exc)
    return error_response(request, 422, "validation_error", _("A value is out of the range that can be stored."))


@api.exception_handler(Exception)
def on_unexpected(request, exc):
    logger.exception("Unexpected API error")
    return error_response(request, 500, "server_error", _("An unexpected error occurred; it has been logged."))


@csrf_exempt  # answers the same JSON 404 to any method; there is nothing to protect
def api_not_found(request):
    """Django view for paths under /api/ that no endpoint matches."""
    return error_response(request, 404, "not_found", _("No API endpoint at this address."))


def _register_routers() -> None:
    from lifelong.activities.api import router as activities_router
    from lifelong.assistant.api import router as assistant_router
    from lifelong.orgs.api import router as orgs_router
    from lifelong.plans.api import router as plans_router
    from lifelong.recognition.api import router as recognition_router
    from lifelong.reports.api import router as reports_router

    api.add_router("/", orgs_router)
    api.add_router("/", plans_router)
    api.add_router("/", reports_router)
    api.add_router("/", activities_router)
    api.add_router("/", recognition_router)
    api.add_router("/", assistant_router)


_register_routers()
