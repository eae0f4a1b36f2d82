"""Security headers, cookies and rate limits shared by every entry point (dev, test, prod).

base.py imports this module; prod.py adds what only works behind HTTPS (KRING_HTTPS=1).
docs/decisions/0007-security-headers.md explains the choices.
"""

import os

from django.utils.csp import CSP


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def _env_rate(name: str, default: str) -> str:
    return os.environ.get(name, "").strip() or default


# Content Security Policy, enforced everywhere (dev and test too, so the suite and the
# browser journeys prove the pages keep working under it). Scripts only from our own
# origin or with this response's nonce; no inline styles; nothing may frame us.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
}

# Headers from SecurityMiddleware and XFrameOptionsMiddleware (Django's defaults, stated
# so that a change of default cannot silently weaken them).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# No script reads either cookie: the CSRF token reaches htmx through hx-headers in
# base.html and Swagger UI through a data attribute.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# The client address behind reverse proxies: X-Forwarded-For is believed only for the
# number of proxies named here (each appends the address it saw); 0 = use REMOTE_ADDR.
KRING_TRUSTED_PROXIES = _env_int("KRING_TRUSTED_PROXIES", 0)
ALLAUTH_TRUSTED_PROXY_COUNT = KRING_TRUSTED_PROXIES

# Sign-in limits. Failed attempts count per account *and* address, so guessing one
# colleague's password from one address blocks that address for that account only, and
# the colleague still gets in from their own desk. Each address also has an overall
# budget of failures (password spraying across many accounts).
KRING_SIGNIN_FAILURES_PER_ACCOUNT = _env_rate("KRING_SIGNIN_FAILURES_PER_ACCOUNT", "5/15m")
KRING_SIGNIN_FAILURES_PER_ADDRESS = _env_rate("KRING_SIGNIN_FAILURES_PER_ADDRESS", "30/15m")
# All sign-in posts, right or wrong, from one address (an office behind one NAT address
# signs in many colleagues at nine o'clock; a load test signs in many from loopback).
KRING_SIGNIN_POSTS_PER_ADDRESS = _env_rate("KRING_SIGNIN_POSTS_PER_ADDRESS", "60/m")
ACCOUNT_RATE_LIMITS = {
    "login_failed": (
        f"{KRING_SIGNIN_FAILURES_PER_ADDRESS}/ip,{KRING_SIGNIN_FAILURES_PER_ACCOUNT}/key"
    ),
    "login": f"{KRING_SIGNIN_POSTS_PER_ADDRESS}/ip",
}

# API requests per personal token (and per session user, and per address for anonymous
# calls): "<count>/<s|m|h|d>", e.g. "600/m"; "0" switches the limit off.
KRING_API_RATE = _env_rate("KRING_API_RATE", "600/m")
# Retry-After for a 429 whose sender did not say how long to wait (allauth's own limits).
KRING_DEFAULT_RETRY_AFTER = 60
