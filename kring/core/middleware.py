from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from kring.core.errors import ApplicationError


class ApplicationErrorMiddleware:
    """Render an ApplicationError that a view did not handle as a friendly page with its status."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, ApplicationError):
            return render(
                request, "core/error.html", {"message": exception.message}, status=exception.status
            )
        return None


class NullCharacterMiddleware:
    """Refuse input with NUL characters before it reaches a query.

    PostgreSQL cannot store or even compare text containing NUL, so such a value in a URL,
    a search box or a JSON body would otherwise end in a 500. No person types one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._has_null(request):
            message = _(
                "Your input contains a character that is not allowed (NUL). Remove it and try again."
            )
            if request.path.startswith("/api/"):
                return JsonResponse({"message": str(message)}, status=400)
            return render(request, "core/error.html", {"message": message}, status=400)
        return self.get_response(request)

    @staticmethod
    def _has_null(request) -> bool:
        if "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", ""):
            return True
        if request.method not in ("POST", "PUT", "PATCH", "DELETE"):
            return False
        if request.META.get("CONTENT_TYPE", "").startswith("multipart/"):
            # Uploaded files may hold NUL bytes; only the text fields matter.
            return any("\x00" in value for _name, values in request.POST.lists() for value in values)
        body = request.body
        return b"\x00" in body or b"\\u0000" in body or b"%00" in body
