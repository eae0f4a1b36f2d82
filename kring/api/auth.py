"""Who is calling: a personal token (`Authorization: Bearer`) or the browser session."""

from typing import Any

from allauth.account.adapter import get_adapter
from django import forms
from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from kring import access
from kring.api.schemas import Message, TokenIn, TokenOut
from kring.api.services import api_token_issue, api_token_revoke, api_token_user
from kring.core.errors import ApplicationError, PermissionDenied
from kring.core.ratelimit import RateLimited, token_rate_key, user_rate_key
from kring.people.models import User


def _speak_their_language(request: HttpRequest, user: User) -> None:
    # Token clients pass no session through UserLanguageMiddleware; answer in their language.
    if user.language:
        translation.activate(user.language)
        request.LANGUAGE_CODE = user.language


class TokenAuth(HttpBearer):
    """A personal token from `POST /auth/token`, sent as `Authorization: Bearer <token>`."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = api_token_user(key=token)
        if user is not None:
            request.user = user
            request.api_rate_key = token_rate_key(token)  # the API limit counts per token
            _speak_their_language(request, user)
        return user


class SessionAuth(APIKeyCookie):
    """The signed-in browser session; unsafe methods also need the CSRF token.

    Unlike ninja's own session auth, CSRF is checked only when a session signs the
    request in: a token client without a session cookie is not refused for a missing
    CSRF token, while a forged request riding on a session still is.
    """

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request: HttpRequest) -> str | None:
        # `csrf` stays True (the docs page then sends the token), but the check happens in
        # authenticate(), only once a session has actually signed the request in.
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = getattr(request, "user", None)
        if not access.is_signed_in(user):
            return None
        if check_csrf(request) is not None:
            raise PermissionDenied(
                _(
                    "The security check (CSRF) failed: send the X-CSRFToken header "
                    "with the csrftoken cookie, or use a personal token."
                )
            )
        request.api_rate_key = user_rate_key(user.pk)
        return user


router = Router(tags=["auth"])


def _credentials_user(request: HttpRequest, *, login: str, password: str) -> User | None:
    """Check a username or e-mail address and password the way the sign-in page does."""
    try:
        # allauth's adapter also counts failed attempts, so the API is no back door for
        # guessing: over the limit it raises RateLimited (429 + Retry-After, see api.py).
        user = get_adapter(request).authenticate(request, username=login, password=password)
    except forms.ValidationError:
        raise RateLimited(retry_after=settings.KRING_DEFAULT_RETRY_AFTER) from None
    return user if access.is_signed_in(user) else None


@router.post(
    "/auth/token",
    auth=None,
    response={201: TokenOut, 401: Message, 429: Message},
    summary="Get a personal token",
)
def token_create(request: HttpRequest, credentials: TokenIn) -> Status[dict[str, str]]:
    """Exchange a username (or e-mail address) and password for a personal token."""
    user = _credentials_user(
        request, login=credentials.username.strip(), password=credentials.password
    )
    if user is None:
        raise ApplicationError(
            _("That username or e-mail address and password do not match."), status=401
        )
    return Status(201, {"token": api_token_issue(user=user)})


@router.delete("/auth/token", response={204: None, 400: Message}, summary="Revoke this token")
def token_delete(request: HttpRequest) -> Status[None]:
    """Revoke the token this request was sent with."""
    scheme, _space, key = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not api_token_revoke(user=request.auth, key=key.strip()):
        raise ApplicationError(_("Send the token to revoke as 'Authorization: Bearer <token>'."))
    return Status(204, None)
