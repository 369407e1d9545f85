"""Small helpers shared by the HTML views of every app."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied

from lifelong.core.errors import PermissionDeniedError, ServiceError


def flash_service_error(request, exc: ServiceError) -> None:
    """Show a service's refusal as messages on the next page; a permission refusal becomes a 403."""
    if isinstance(exc, PermissionDeniedError):
        raise PermissionDenied(exc.message)
    messages.error(request, exc.message)
    for detail in exc.details:
        messages.error(request, detail["message"])


def add_service_errors(form, exc: ServiceError) -> None:
    """Show a service's refusal on the form: field errors beside their fields, the rest at the top.

    The general message goes at the top when it says more than the detail rows (a conflict, a refusal
    with no details, or a specific message such as "The plan was not published."). A permission
    refusal becomes a 403, as in `flash_service_error`.
    """
    if isinstance(exc, PermissionDeniedError):
        raise PermissionDenied(exc.message)
    if not exc.details or str(exc.message) != str(type(exc).default_message):
        form.add_error(None, exc.message)
    for detail in exc.details:
        field = detail.get("field")
        form.add_error(field if field in form.fields else None, detail["message"])
