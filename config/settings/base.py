"""Settings shared by every entry point; the environment supplies what differs per site."""

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from config.settings.cache import cache_from_environment
from config.settings.database import database_from_environment
from config.settings.security import *  # noqa: F403 (CSP, cookies, rate limits)

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("KRING_VAR_DIR", BASE_DIR / "var"))

SECRET_KEY = os.environ.get("KRING_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("KRING_ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "ninja",
    "django_tasks_db",
    "kring.core",
    "kring.people",
    "kring.groups",
    "kring.posts",
    "kring.reactions",  # issue 4: reactions and praise
    "kring.polls",  # issue 4: polls in posts
    "kring.questions",  # issue 5: questions and answers
    "kring.feeds",
    "kring.notifications",
    "kring.topics",  # issue 4: topics and mentions
    "kring.follows",  # issue 4: follows
    "kring.conversations",  # issue 4: private conversations
    "kring.realtime",  # issue 4: live events
    "kring.announcements",  # issue 4: announcements and leaders
    "kring.knowledge",  # issue 5: the knowledge base
    "kring.search",  # issue 5: search over everything
    "kring.files",  # issue 5: file libraries
    "kring.experts",  # issue 5: who knows this
    "kring.api",
    "kring.seed",
    "allauth",
    "allauth.account",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Outermost after static files: turns "database (or Redis) unreachable" anywhere below
    # into a 503 page with Retry-After instead of a 500.
    "kring.core.middleware.ServiceUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "kring.people.middleware.UserLanguageMiddleware",
    "kring.core.middleware.NullCharacterMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "kring.core.middleware.ApplicationErrorMiddleware",
    "kring.core.middleware.RateLimitMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kring.core.context_processors.kring",
                "kring.notifications.context_processors.header_counts",  # issue 4: bell and badge
            ],
        },
    },
    {
        # Only fragments rendered many times per page, from `<app>/jinja2/` (decision 0027).
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "NAME": "jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"environment": "kring.core.jinja.environment"},
    },
]

DATABASES = {"default": database_from_environment(VAR_DIR)}
# Shared by every process of the site (Redis with REDIS_URL, else a database table);
# sessions live in the database (Django's default), so any web process can serve anyone.
CACHES = cache_from_environment()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "people.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "feeds:home"

# django-allauth: sign in by username or e-mail; sign-up is closed unless
# KRING_SIGNUP_DOMAINS names the e-mail domains that may register themselves.
ACCOUNT_ADAPTER = "kring.people.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_USER_DISPLAY = "kring.people.models.user_display_name"
KRING_SIGNUP_DOMAINS = [
    d.strip().lower() for d in os.environ.get("KRING_SIGNUP_DOMAINS", "").split(",") if d.strip()
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "kring" / "locale"]
TIME_ZONE = os.environ.get("KRING_TIME_ZONE", "Europe/Amsterdam")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_URL = "/media/"
# Uploads: one folder every web process and worker sees (a shared mount with several
# servers, see docs/deploy.md).
MEDIA_ROOT = Path(os.environ.get("KRING_MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
KRING_PHOTO_MAX_BYTES = 8 * 1024 * 1024
# File libraries (issue 5): the largest upload, and the most pixels an image may have
# (a decompression bomb is refused before Pillow unpacks it).
KRING_UPLOAD_MAX_BYTES = int(os.environ.get("KRING_UPLOAD_MAX_BYTES", str(100 * 1024 * 1024)))
KRING_IMAGE_MAX_PIXELS = int(os.environ.get("KRING_IMAGE_MAX_PIXELS", "40000000"))

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

MAILERS = {
    "default": {
        "BACKEND": os.environ.get(
            "KRING_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
        ),
        "OPTIONS": {
            "host": os.environ.get("KRING_EMAIL_HOST", "localhost"),
            "port": int(os.environ.get("KRING_EMAIL_PORT", "25")),
            "username": os.environ.get("KRING_EMAIL_USER", ""),
            "password": os.environ.get("KRING_EMAIL_PASSWORD", ""),
            "use_tls": os.environ.get("KRING_EMAIL_TLS", "") == "1",
        },
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("KRING_EMAIL_FROM", "Kring <kring@localhost>")

KRING_ORGANISATION = os.environ.get("KRING_ORGANISATION", "Kring")
KRING_SITE_URL = os.environ.get("KRING_SITE_URL", "http://127.0.0.1:8000")
# KRING_BENCH=1 mounts the benchmark's trivial /bench/floor/ page (bench/README.md).
KRING_BENCH_FLOOR = os.environ.get("KRING_BENCH", "") == "1"

# Notifications (issue 4): the local hour at which digests go out, and the tasks the
# worker enqueues once an hour (kring/core/worker.py).
KRING_DIGEST_HOUR = int(os.environ.get("KRING_DIGEST_HOUR", "7"))
KRING_HOURLY_TASKS = [
    path.strip()
    for path in os.environ.get(
        "KRING_HOURLY_TASKS",
        "kring.notifications.tasks.send_digests,kring.knowledge.tasks.remind_page_reviews",
    ).split(",")
    if path.strip()
]
# The knowledge base (issue 5): a confirmed page is due for review again after this many days.
KRING_KNOWLEDGE_REVIEW_DAYS = int(os.environ.get("KRING_KNOWLEDGE_REVIEW_DAYS", "180"))
# Realtime events (kring/realtime/bus.py): across processes through Redis with REDIS_URL,
# else only to the browsers connected to the process that wrote. Channels are named
# <prefix>:user:<id>; the prefix keeps sites that share one Redis apart.
KRING_REALTIME_REDIS_URL = os.environ.get("REDIS_URL", "")
KRING_REALTIME_PREFIX = os.environ.get("KRING_CACHE_PREFIX", "") or "kring"

NINJA_PAGINATION_PER_PAGE = 20

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
# Django's database sessions, read with SQL compiled once (kring/core/sessions.py).
SESSION_ENGINE = "kring.core.sessions"
SESSION_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "kring.core.views.csrf_failure"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
