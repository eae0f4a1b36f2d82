"""The one family of errors that services raise and that pages and the API render."""

from django.utils.functional import Promise


class ApplicationError(Exception):
    """A failure the user can understand; `message` is translated, `status` is HTTP."""

    status = 400

    def __init__(
        self, message: str | Promise, *, field: str | None = None, status: int | None = None
    ):
        super().__init__(str(message))
        self.message = message
        self.field = field
        if status is not None:
            self.status = status


class ValidationFailed(ApplicationError):
    status = 400


class PermissionDenied(ApplicationError):
    """The viewer may see the object but not do this to it (a translated 403)."""

    status = 403


class NotFound(ApplicationError):
    """Missing or invisible: the two are deliberately indistinguishable."""

    status = 404
