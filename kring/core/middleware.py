from django.shortcuts import render

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
