"""Production: `kring serve`. Everything site-specific comes from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from config.settings.base import *  # noqa: F403

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("Set KRING_SECRET_KEY to a long random value.")
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost"]  # noqa: F405

# Headers, cookies and rate limits for every entry point are in security.py. What follows
# needs HTTPS in front of Kring; without KRING_HTTPS=1, `check --deploy` names exactly these
# (W004 HSTS, W008 redirect, W012 session cookie, W016 CSRF cookie).
if os.environ.get("KRING_HTTPS", "") == "1":
    SECURE_SSL_REDIRECT = True
    # Load balancers probe /healthz over plain HTTP on the private network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz/?$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("KRING_HSTS_SECONDS", "") or 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("KRING_HSTS_INCLUDE_SUBDOMAINS", "1") == "1"
    SECURE_HSTS_PRELOAD = os.environ.get("KRING_HSTS_PRELOAD", "1") == "1"
    # Switching preload or subdomains off (=0) is the operator's decision, not an
    # oversight: no warning for it.
    SILENCED_SYSTEM_CHECKS = [
        *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
        *([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"]),
    ]
