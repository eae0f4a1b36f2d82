"""Tests: fast hashing, in-memory e-mail, immediate tasks unless a test asks for the worker."""

import os
import tempfile
from pathlib import Path

from config.settings.base import *  # noqa: F403
from config.settings.cache import fragment_cache
from config.settings.database import sqlite_in

SECRET_KEY = "test-only-not-secret-kring-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
TASKS = {
    "default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"},
    "database": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
STORAGES = {  # noqa: F405
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # A file, not ":memory:": the live server of the browser tests would share one in-memory
    # connection between its threads, so one request's transaction could swallow (and roll
    # back) another's writes, such as a sign-in's session. With a file each thread has its
    # own connection, as in production. One file per test process (pytest-django adds the
    # xdist worker to the name), so runs in other checkouts never meet.
    _test_dir = Path(tempfile.gettempdir()) / "kring-tests"
    DATABASES["default"] = sqlite_in(_test_dir)  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(_test_dir / f"test-{os.getpid()}.sqlite3")}  # noqa: F405
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Each test process keeps its own memory cache, so fixtures need no database to clear it;
# tests of the shared cache start child processes with the real settings.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "fragments": fragment_cache(),
}
# Events stay in the test process; tests of the Redis bus make their own, with their own prefix.
KRING_REALTIME_REDIS_URL = ""
