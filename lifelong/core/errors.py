"""Errors that services raise and that views and the API turn into messages.

Services never return HTTP responses; they raise one of these with a message already translated
(Vietnamese by default) and a stable machine-readable code for the API.
"""

from django.utils.translation import gettext_lazy as _


class ServiceError(Exception):
    code = "invalid"
    status = 400
    default_message = _("The request could not be carried out.")

    def __init__(self, message=None, *, details=None):
        self.message = message or self.default_message
        self.details = details or []
        super().__init__(str(self.message))


class PermissionDeniedError(ServiceError):
    code = "permission_denied"
    status = 403
    default_message = _("You do not have permission to do this.")


class NotFoundError(ServiceError):
    code = "not_found"
    status = 404
    default_message = _("Not found.")


class ConflictError(ServiceError):
    """Someone else changed the record since it was read: nothing was saved."""

    code = "conflict"
    status = 409
    default_message = _(
        "Someone else changed this record after you opened it. Nothing was saved: "
        "reload the page to see their changes, then make yours again."
    )


class ValidationFailed(ServiceError):
    code = "validation_error"
    status = 422
    default_message = _("Some of the data is not valid.")
