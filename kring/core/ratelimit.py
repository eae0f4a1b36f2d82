"""Rate limits: sign-in attempts (through allauth) and API calls, answered with 429 + Retry-After.

Counts live in Django's cache (`django.core.cache.cache`), which production shares between
processes (database table or Redis), so every web process sees the same counts.
"""

import hashlib
import logging
import math
import threading
import time

from allauth.core.internal import ratelimit as allauth_ratelimit
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from ninja.throttling import BaseThrottle

logger = logging.getLogger(__name__)

_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


class RateLimited(Exception):
    """Too many requests: answer 429 with a Retry-After of `retry_after` seconds."""

    def __init__(self, *, retry_after: int, message: str | None = None) -> None:
        self.retry_after = max(1, int(retry_after))
        self.message = message or too_many_message(self.retry_after)
        super().__init__(self.message)


def wait_text(seconds: int) -> str:
    """Return a wait of `seconds` the way people say it ("30 seconds", "4 minutes")."""
    if seconds < 90:
        return ngettext("%(count)d second", "%(count)d seconds", seconds) % {"count": seconds}
    minutes = math.ceil(seconds / 60)
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}


def too_many_message(retry_after: int) -> str:
    """Return the translated "slow down" message for a wait of `retry_after` seconds."""
    return _("You sent too many requests in a short time. Try again in %(wait)s.") % {
        "wait": wait_text(retry_after)
    }


def too_many_requests(request: HttpRequest, exc: RateLimited) -> HttpResponse:
    """Return the 429 answer for `exc`: JSON under /api/, else Kring's page; with Retry-After."""
    if request.path.startswith("/api/"):
        response: HttpResponse = JsonResponse({"message": exc.message}, status=429)
    else:
        response = render(request, "429.html", {"message": exc.message}, status=429)
    response["Retry-After"] = str(exc.retry_after)
    return response


def client_address(request: HttpRequest) -> str:
    """Return the caller's address (X-Forwarded-For only as far as KRING_TRUSTED_PROXIES says).

    IPv6 addresses are cut to their /64 network: one household or office gets one /64.
    """
    try:
        return allauth_ratelimit.get_ip(request)
    except PermissionDenied:
        # No REMOTE_ADDR (a Unix socket without KRING_TRUSTED_PROXIES): one shared bucket.
        return "unknown"


# Sign-in -------------------------------------------------------------------------------


class LoginThrottleMixin:
    """Mix into allauth's account adapter: failed sign-ins count per account *and* address.

    allauth counts failures per login name and per address ("login_failed" in
    ACCOUNT_RATE_LIMITS). Keyed by name alone, an attacker guessing a colleague's password
    would lock that colleague out everywhere; keyed by name and address, the attacker's
    address is blocked for that account while the colleague still signs in from their own.
    When a limit is reached the caller gets a RateLimited error (429 with Retry-After) on
    the sign-in page and the API alike, instead of a form error.
    """

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: str) -> str:
        login_key = super()._get_login_attempts_cache_key(request, **credentials)  # type: ignore[misc]
        return f"{login_key}|{client_address(request)}"

    def pre_authenticate(self, request: HttpRequest, **credentials: str) -> None:
        try:
            super().pre_authenticate(request, **credentials)  # type: ignore[misc]
        except forms.ValidationError:
            key = self._get_login_attempts_cache_key(request, **credentials)
            wait = _login_wait(request, key)
            raise RateLimited(
                retry_after=wait,
                message=_(
                    "Too many failed sign-in attempts. Try again in %(wait)s, "
                    "or reset your password."
                )
                % {"wait": wait_text(wait)},
            ) from None


def _login_wait(request: HttpRequest, key: str) -> int:
    """Seconds until allauth's full "login_failed" windows for this request free a place."""
    app, action = "allauth.account", "login_failed"
    now = time.time()
    waits = []
    for rate in allauth_ratelimit.get_rates(app=app, action=action):
        cache_key = allauth_ratelimit.get_cache_key(
            request, app=app, action=action, rate=rate, key=key
        )
        # allauth keeps the attempt times newest first and drops expired ones lazily.
        live = [t for t in cache.get(cache_key, []) if t > now - rate.duration]
        if len(live) >= rate.amount:
            waits.append(live[rate.amount - 1] + rate.duration - now)
    # No full window found: the cache lock timed out; a minute is a fair guess.
    return math.ceil(max(waits)) if waits else settings.KRING_DEFAULT_RETRY_AFTER


# API -----------------------------------------------------------------------------------


def token_rate_key(token: str) -> str:
    """Return the API rate-limit identity of a personal token (its hash, never the token)."""
    return "token:" + hashlib.sha256(token.encode()).hexdigest()


def user_rate_key(user_id: int) -> str:
    """Return the API rate-limit identity of a session-authenticated user."""
    return f"user:{user_id}"


def parse_rate(rate: str) -> tuple[int, int]:
    """Parse "600/m" (count per s, m, h or d, optionally "600/5m") into (count, seconds).

    A count of 0 (or "0") means no limit.
    """
    count, _slash, period = rate.strip().partition("/")
    if not count.strip().isdigit():
        raise ValueError(f"Invalid rate {rate!r}: expected e.g. '600/m'.")
    if int(count) == 0:
        return 0, 0
    period = period.strip()
    unit = period[-1:]
    multiple = period[:-1] or "1"
    if unit not in _PERIODS or not multiple.isdigit() or int(multiple) < 1:
        raise ValueError(f"Invalid rate {rate!r}: expected e.g. '600/m'.")
    return int(count), int(multiple) * _PERIODS[unit]


class ApiRateThrottle(BaseThrottle):
    """django-ninja throttle: KRING_API_RATE requests per token, session user or address.

    Each identity gets fixed windows of the rate's length, each holding `count` requests.
    One small counter per identity and window (the cache's incr) keeps the cost per
    request to one cache update, where ninja's own throttles rewrite a list of timestamps;
    ninja answers a refusal with 429 and Retry-After = the end of the window.
    """

    def __init__(self) -> None:
        self._local = threading.local()

    def allow_request(self, request: HttpRequest) -> bool:
        self._local.wait = None
        count, seconds = parse_rate(settings.KRING_API_RATE)
        if not count:
            return True
        identity = getattr(request, "api_rate_key", None) or "address:" + client_address(request)
        base = "kring:rl:api:" + hashlib.sha256(identity.encode()).hexdigest()[:32]
        try:
            used, window_end = _count_in_window(base, seconds)
        except Exception:  # noqa: BLE001 (a broken cache must not take the API down)
            logger.warning("API rate limit skipped: the cache did not answer", exc_info=True)
            return True
        if used <= count:
            return True
        self._local.wait = max(1.0, window_end - time.time())
        return False

    def wait(self) -> float | None:
        return getattr(self._local, "wait", None)


def _count_in_window(base: str, seconds: int) -> tuple[int, float]:
    """Count one request in the current window of `base`; return (requests so far, window end)."""
    now = time.time()
    # Fixed windows of `seconds`, shifted per identity so that not every client's window
    # ends at the same moment; the window's number is part of the key, so a new window
    # starts from zero without a reset.
    offset = int(base[-8:], 16) % seconds
    window = int((now + offset) // seconds)
    key = f"{base}:{window}"
    try:
        used = cache.incr(key)
    except ValueError:
        # add() succeeds for one process only; the others count on top of its 1.
        used = 1 if cache.add(key, 1, timeout=seconds + 1) else cache.incr(key)
    return used, (window + 1) * seconds - offset
