"""Small helpers shared by the HTML views of every app."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from lifelong.core.errors import PermissionDeniedError, ServiceError

MAX_FLASHED_DETAILS = 50  # an import of 20,000 wrong rows names the first ones, not a page of messages


def flash_service_error(request, exc: ServiceError) -> None:
    """Show a service's refusal as messages on the next page, each detail on its own line (with its row number
    when it is a row of an imported file); a permission refusal becomes a 403."""
    if isinstance(exc, PermissionDeniedError):
        raise PermissionDenied(exc.message)
    messages.error(request, exc.message)
    for detail in exc.details[:MAX_FLASHED_DETAILS]:
        messages.error(request, _("Row %(row)s: %(message)s") % {"row": detail["row"], "message": detail["message"]}
                       if detail.get("row") else detail["message"])


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


def flash_form_errors(request, form) -> None:
    """A form posted from a page that redirects back: its errors as messages on that page."""
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


_ID_PLACEHOLDER = "987654321987654321"  # 18 digits: what <id:pk> accepts, and found in no address otherwise


def id_url_maker(name: str):
    """The address of the named `<id:pk>` page for any id, reversed once: for a page that links each of a hundred
    lines to one (reverse() per line was a tenth of such a page's time, docs/benchmarks.md issue 18)."""
    from django.urls import reverse

    pattern = reverse(name, args=[int(_ID_PLACEHOLDER)])
    return lambda pk: pattern.replace(_ID_PLACEHOLDER, str(int(pk)))
