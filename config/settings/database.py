"""Database from the environment: DATABASE_URL for PostgreSQL, else embedded SQLite."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

POSTGRESQL = "django.db.backends.postgresql"
PREPARE_THRESHOLD = 5  # psycopg's own default


def database_from_environment(var_dir: Path) -> dict:
    """Return Django's DATABASES['default'] for DATABASE_URL, or SQLite in var_dir."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("sqlite:"):
        # An SQLite file elsewhere (a benchmark's data set) shares it as the default does.
        return sqlite_file(Path(dj_database_url.parse(url)["NAME"]))
    if url:
        return postgresql_from_url(url)
    return sqlite_in(var_dir)


def postgresql_from_url(url: str) -> dict:
    """Return the settings for DATABASE_URL, with a psycopg connection pool unless turned off.

    The pool keeps connections open between requests (no connect per page) and checks each
    one before handing it out (CONN_HEALTH_CHECKS), so a restarted PostgreSQL costs one
    failed check instead of errors until the process restarts. Django refuses CONN_MAX_AGE
    together with a pool: the pool decides how long connections live.
    """
    config = dj_database_url.parse(url, conn_max_age=0, conn_health_checks=True)
    if config["ENGINE"] != POSTGRESQL:
        return config
    options = config.setdefault("OPTIONS", {})
    # A server that does not answer at all (firewall, dead host) fails after 5 s instead of
    # the operating system's minutes; a stopped server is refused at once anyway.
    options.setdefault("connect_timeout", _env_int("KRING_DB_CONNECT_TIMEOUT", 5, minimum=1))
    # PostgreSQL's JIT compiles a plan it thinks expensive; for a page's short queries the
    # compiling costs more than it saves (measured: 2.6 s of a 3.3 s search on the scale
    # set). Kring's queries are short by design, so JIT is off for its connections.
    options.setdefault("options", "-c jit=off")
    # A query a connection has run PREPARE_THRESHOLD times is prepared: PostgreSQL keeps
    # its plan for that connection instead of planning it again on every page (planning
    # was most of the database's work per page: decision 0030). That needs server-side
    # parameters; 0 turns both off (for a pooler that cannot hold prepared statements).
    prepare = _env_int("KRING_DB_PREPARE_THRESHOLD", PREPARE_THRESHOLD, minimum=0)
    if prepare:
        options.setdefault("server_side_binding", True)
        options.setdefault("prepare_threshold", prepare)
    pool_max = _env_int("KRING_DB_POOL_MAX", 4, minimum=0)
    if pool_max:
        pool_min = _env_int("KRING_DB_POOL_MIN", 1, minimum=0)
        if pool_min > pool_max:
            raise ImproperlyConfigured(
                f"KRING_DB_POOL_MIN ({pool_min}) is larger than KRING_DB_POOL_MAX ({pool_max})."
            )
        options["pool"] = {
            "min_size": pool_min,
            "max_size": pool_max,
            # How long a request waits for a connection before it gets the 503 page.
            "timeout": _env_int("KRING_DB_POOL_TIMEOUT", 3, minimum=1),
            # psycopg retries a lost server with growing pauses (1, 2, 4 … s) for this long,
            # then gives up until the next request asks. Kept short so that the pause after
            # the database comes back stays short too (recovery within seconds, not minutes).
            "reconnect_timeout": 10,
            # Idle connections above min_size are closed after 5 minutes.
            "max_idle": 300,
        }
    return config


def sqlite_in(var_dir: Path) -> dict:
    """Return the settings for SQLite in var_dir/kring.sqlite3, shared safely by several processes."""
    var_dir.mkdir(parents=True, exist_ok=True)
    return sqlite_file(var_dir / "kring.sqlite3")


def sqlite_file(path: Path) -> dict:
    """Return the settings for SQLite in the file `path`, shared safely by several processes."""
    # WAL lets the web process and the worker read while one writes; IMMEDIATE
    # transactions take the write lock up front instead of failing half-way; the timeout
    # makes a writer wait (up to 20 s) for another process's write instead of failing
    # with "database is locked".
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": path,
        "OPTIONS": {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }


def _env_int(name: str, default: int, *, minimum: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < minimum:
        raise ImproperlyConfigured(f"{name} must be a whole number >= {minimum}, not {raw!r}.")
    return int(raw)
