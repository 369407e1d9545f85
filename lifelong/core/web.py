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
