import functools
import logging
import sys

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.signals import got_request_exception
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
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
            return any(
                "\x00" in value for _name, values in request.POST.lists() for value in values
            )
        body = request.body
        return b"\x00" in body or b"\\u0000" in body or b"%00" in body


# --- Database outages (issue 3): a 503 with Retry-After instead of a 500 -------------------

OUTAGE_RETRY_AFTER_SECONDS = 30
_outage_log = logging.getLogger("kring.outage")


@functools.cache
def _outage_exceptions() -> tuple[type[BaseException], ...]:
    """The exceptions that mean "a service Kring needs cannot be reached", not a bug."""
    import psycopg
    import redis.exceptions
    from django.db import InterfaceError, OperationalError

    # Django wraps psycopg's errors (pool timeouts included) in its own classes, but a
    # raw one can escape code that talks to psycopg directly; Redis is the shared cache.
    return (
        OperationalError,
        InterfaceError,
        psycopg.OperationalError,
        psycopg.InterfaceError,
        redis.exceptions.ConnectionError,
        redis.exceptions.TimeoutError,
    )


def is_outage(exception: BaseException | None) -> bool:
    """Return True when `exception` says the database or Redis is unreachable."""
    return exception is not None and isinstance(exception, _outage_exceptions())


def service_unavailable(request: HttpRequest) -> HttpResponse:
    """The 503 answer: a short page (JSON under /api/) that asks to retry in half a minute.

    It touches neither the database nor the session: both may be what is down. The
    language is the one the request already chose, else the language cookie, else Dutch.
    """
    known = {code for code, _name in settings.LANGUAGES}
    language = getattr(request, "LANGUAGE_CODE", None)
    if language not in known:
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if language not in known:
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        message = _("Kring cannot be reached right now. Please try again in half a minute.")
        if request.path == "/healthz":
            # The load balancer's question, failed before the health view could answer it.
            body = {"database": "error", "worker_heartbeat_age_seconds": None, "status": "error"}
            response = JsonResponse(body, status=503)
        elif request.path.startswith("/api/"):
            response = JsonResponse({"message": str(message)}, status=503)
        else:
            context = {
                "language": language,
                "organisation": settings.KRING_ORGANISATION,
                "title": _("One moment, please"),
                "message": message,
                # A form that could not be sent: the browser's Back keeps what was typed.
                "resend": request.method not in ("GET", "HEAD"),
                "again_url": request.get_full_path(),
            }
            response = HttpResponse(render_to_string("core/unavailable.html", context), status=503)
    response["Retry-After"] = str(OUTAGE_RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class ServiceUnavailableMiddleware:
    """Answer 503 + Retry-After when the database or Redis is unreachable, never a 500.

    A view's exception arrives in process_exception. One raised by a middleware below
    this one (the session, the signed-in user, a rate limit in the cache) has already
    been turned into a 500 by Django; the got_request_exception signal marks the request
    so that this middleware, placed near the top, swaps that 500 for the 503.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 500 and getattr(request, "_kring_outage", False):
            return service_unavailable(request)
        return response

    def process_exception(self, request, exception):
        if is_outage(exception):
            _log_outage(request, exception)
            return service_unavailable(request)
        return None


def _log_outage(request: HttpRequest, exception: BaseException) -> None:
    # One line per request, with the cause; the traceback only at debug level.
    _outage_log.warning(
        "503 for %s %s: %s: %s", request.method, request.path, type(exception).__name__, exception
    )
    _outage_log.debug("outage traceback", exc_info=exception)


@receiver(got_request_exception, dispatch_uid="kring.core.middleware.mark_outage")
def _mark_outage(sender, request=None, **kwargs) -> None:
    exception = sys.exc_info()[1]
    if request is None or not is_outage(exception):
        return
    request._kring_outage = True
    _log_outage(request, exception)
    # Django now renders the 500 page, and does so again in every middleware layer the
    # exception passes. Without this each of them would ask the database for the session
    # and the user once more (and wait for the pool's timeout each time): from here on the
    # request is anonymous with an empty session that is neither saved nor deleted.
    request.user = AnonymousUser()
    session = getattr(request, "session", None)
    if session is not None:
        session._session_cache = {}


class RateLimitMiddleware:
    """Answer a RateLimited error with 429 + Retry-After (JSON under /api/, else a page).

    Also gives every other 429 (allauth's own limits render 429.html) a Retry-After.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 429 and not response.has_header("Retry-After"):
            response["Retry-After"] = str(settings.KRING_DEFAULT_RETRY_AFTER)
        return response

    def process_exception(self, request, exception):
        # Imported here so this file's imports stay as the other middleware left them.
        from kring.core.ratelimit import RateLimited, too_many_requests

        if isinstance(exception, RateLimited):
            return too_many_requests(request, exception)
        return None
