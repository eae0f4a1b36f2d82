"""The REST API at /api/v1/: authentication, JSON errors in one shape, and the routers."""

import logging
import math

from django.apps import apps
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Router, Swagger
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from kring.announcements import api as announcements_api  # issue 4
from kring.api import auth, conversations, groups, people, posts
from kring.core.errors import ApplicationError
from kring.core.middleware import is_outage, service_unavailable
from kring.core.ratelimit import ApiRateThrottle, RateLimited, too_many_message
from kring.files import api as files_api  # issue 5: file libraries
from kring.follows import api as follows_api  # issue 4
from kring.knowledge import api as knowledge_api  # issue 5
from kring.notifications import api as notifications_api
from kring.polls import api as polls_api
from kring.questions import api as questions_api  # issue 5
from kring.reactions import api as reactions_api
from kring.search import api as search_api  # issue 5: search
from kring.topics import api as topics_api  # issue 4

logger = logging.getLogger("django.request")

# Swagger UI comes from ninja's own static files, which exist only when "ninja" is an
# installed app; otherwise ninja would fetch it from a CDN, and no request may leave the
# server. `validatorUrl: None` keeps Swagger UI from calling validator.swagger.io.
_DOCS_URL = "/docs" if apps.is_installed("ninja") else None

api = NinjaAPI(
    title="Kring API",
    version="1",
    description="Kring's REST API. See docs/api.md for authentication, paging and errors.",
    urls_namespace="api",
    auth=[auth.TokenAuth(), auth.SessionAuth()],
    docs=Swagger(settings={"validatorUrl": None}),
    docs_url=_DOCS_URL,
    # KRING_API_RATE per personal token, session user or (anonymous) address.
    throttle=[ApiRateThrottle()],
)


def _error(request: HttpRequest, status: int, message: object, **extra: object) -> HttpResponse:
    return api.create_response(request, {"message": str(message), **extra}, status=status)


@api.exception_handler(ApplicationError)
def _application_error(request: HttpRequest, exc: ApplicationError) -> HttpResponse:
    extra = {"field": exc.field} if exc.field else {}
    return _error(request, exc.status, exc.message, **extra)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _error(request, 404, _("Not found"))


@api.exception_handler(ValidationError)
def _invalid_input(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    names = sorted({str(error["loc"][-1]) for error in exc.errors if error.get("loc")})
    message = _("Some of what you sent is missing or not valid: %(fields)s.") % {
        "fields": ", ".join(names) or _("the request body")
    }
    return _error(request, 422, message, errors=exc.errors)


@api.exception_handler(AuthenticationError)
def _not_signed_in(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _error(
        request,
        401,
        _("Sign in first, or send a personal token as 'Authorization: Bearer <token>'."),
    )


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    message = exc.message
    if exc.status_code == 400 and message.startswith("Cannot parse request body"):
        message = _("Send the request body as JSON.")
    return _error(request, exc.status_code, message)


@api.exception_handler(Throttled)
def _throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    # ninja adds the Retry-After header from the throttle's wait().
    return _error(request, 429, too_many_message(math.ceil(exc.wait or 1)))


@api.exception_handler(RateLimited)
def _rate_limited(request: HttpRequest, exc: RateLimited) -> HttpResponse:
    response = _error(request, 429, exc.message)
    response["Retry-After"] = str(exc.retry_after)
    return response


@api.exception_handler(DjangoPermissionDenied)
def _forbidden(request: HttpRequest, exc: DjangoPermissionDenied) -> HttpResponse:
    return _error(request, 403, _("You may not do this."))


@api.exception_handler(RequestDataTooBig)
def _too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    return _error(request, 413, _("What you sent is too large."))


@api.exception_handler(Exception)
def _unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    if is_outage(exc):
        # The database or Redis is away: the same 503 + Retry-After as every other surface.
        return service_unavailable(request)
    # An API client should get JSON even from a bug; the traceback goes to the log.
    logger.error("API error at %s", request.path, exc_info=exc)
    return _error(request, 500, _("Something went wrong on our side. Please try again later."))


api.add_router("/", auth.router)
api.add_router("/", people.router)
api.add_router("/", groups.router)
api.add_router("/", posts.router)
api.add_router("/", notifications_api.router)
api.add_router("/", topics_api.router)  # issue 4
api.add_router("/", follows_api.router)  # issue 4
api.add_router("/", conversations.router)  # issue 4: private conversations
api.add_router("/", reactions_api.router)  # issue 4: reactions
api.add_router("/", announcements_api.router)  # issue 4: announcements
api.add_router("/", polls_api.router)  # issue 4: polls
api.add_router("/", questions_api.router)  # issue 5: questions
api.add_router("/", knowledge_api.router)  # issue 5: the knowledge base
api.add_router("/", search_api.router)  # issue 5: search
api.add_router("/", files_api.router)  # issue 5: file libraries

# Unknown addresses under /api/v1/ answer in JSON too, not with the HTML 404 page.
_fallback = Router()


@_fallback.api_operation(
    ["GET", "POST", "PUT", "PATCH", "DELETE"], "/{path:rest}", auth=None, include_in_schema=False
)
def _unknown(request: HttpRequest, rest: str) -> HttpResponse:
    raise Http404


@_fallback.api_operation(
    ["GET", "POST", "PUT", "PATCH", "DELETE"], "/", auth=None, include_in_schema=False
)
def _root(request: HttpRequest) -> HttpResponse:
    raise Http404


api.add_router("/", _fallback)
