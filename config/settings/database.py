"""Database from the environment: DATABASE_URL for PostgreSQL, else embedded SQLite."""

import os
from pathlib import Path

import dj_database_url


def database_from_environment(var_dir: Path) -> dict:
    """Return Django's DATABASES['default'] for DATABASE_URL, or SQLite in var_dir."""
    url = os.environ.get("DATABASE_URL", "")
    if url:
        config = dj_database_url.parse(url, conn_max_age=0, conn_health_checks=True)
        return config
    var_dir.mkdir(parents=True, exist_ok=True)
    # WAL lets the web process and the worker read while one writes; IMMEDIATE
    # transactions take the write lock up front instead of failing half-way.
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": var_dir / "kring.sqlite3",
        "OPTIONS": {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }
