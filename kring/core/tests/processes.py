"""Helpers for tests that run Kring in several processes against one shared database.

The suite's own database is in-memory SQLite (one process only) or a PostgreSQL test
database. Tests that need other processes get a SharedDatabase: on PostgreSQL the test
database itself (data committed through `transactional_db`), on SQLite a copy of a
migrated file in the test's temporary folder, with the real (not the test) settings.
"""

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
# Real settings for the child processes: dev (no collected static files needed).
CHILD_SETTINGS = "config.settings.dev"
DJANGO_SETUP = "import django\ndjango.setup()\n"
TIMEOUT = 60


@dataclass
class SharedDatabase:
    """A database several processes can use; `env` points a child process at it."""

    env: dict[str, str]
    vendor: str
    sqlite_path: Path | None = None

    def rows(self, sql: str) -> list[tuple]:
        """Run one read-only SQL statement on the shared database, outside Django."""
        if self.sqlite_path is not None:
            with sqlite3.connect(self.sqlite_path) as db:
                return db.execute(sql).fetchall()
        import psycopg

        with psycopg.connect(self.env["DATABASE_URL"]) as db:
            return db.execute(sql).fetchall()

    def python(self, code: str, *args: str, **popen) -> subprocess.Popen:
        """Start `python -c code args` with Django set up on this database (code runs after)."""
        return self.start([sys.executable, "-c", DJANGO_SETUP + code, *args], **popen)

    def start(self, command: list[str], **popen) -> subprocess.Popen:
        """Start a command (output piped unless told otherwise) with this database's env."""
        popen.setdefault("stdout", subprocess.PIPE)
        popen.setdefault("stderr", subprocess.PIPE)
        return subprocess.Popen(  # noqa: S603 (our own interpreter and code)
            command, env=self.env, cwd=BASE_DIR, text=True, **popen
        )

    def run(self, code: str, *args: str, timeout: float = TIMEOUT) -> str:
        """Run `python -c code args` with Django set up; return its output, fail on an error."""
        process = self.python(code, *args)
        out, err = process.communicate(timeout=timeout)
        assert process.returncode == 0, f"child failed ({process.returncode}):\n{err}"
        return out


def child_env(var_dir: Path, **extra: str) -> dict[str, str]:
    """The environment for a child process: real dev settings, data in var_dir."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PYTEST_XDIST_WORKER")}
    env.update(
        DJANGO_SETTINGS_MODULE=CHILD_SETTINGS,
        KRING_VAR_DIR=str(var_dir),
        KRING_ALLOWED_HOSTS="testserver,127.0.0.1,localhost",
        # Redis, if the suite runs with it, is shared with other runs: keep our keys apart.
        KRING_CACHE_PREFIX=f"kring-test-{os.getpid()}-{var_dir.name}",
        PYTHONPATH=str(BASE_DIR),
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def migrate_sqlite(var_dir: Path) -> Path:
    """Create var_dir/kring.sqlite3 with every migration applied (the real SQLite settings)."""
    var_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(  # noqa: S603
        [sys.executable, "-m", "django", "migrate", "--no-input", "-v0"],
        env=child_env(var_dir),
        cwd=BASE_DIR,
        check=True,
        timeout=TIMEOUT,
    )
    return var_dir / "kring.sqlite3"


def sqlite_copy(template: Path, var_dir: Path) -> SharedDatabase:
    """A fresh SQLite database in var_dir, copied from a migrated template file."""
    var_dir.mkdir(parents=True, exist_ok=True)
    path = var_dir / "kring.sqlite3"
    shutil.copyfile(template, path)
    return SharedDatabase(env=child_env(var_dir), vendor="sqlite", sqlite_path=path)


def postgresql_test_database(var_dir: Path) -> SharedDatabase:
    """The suite's PostgreSQL test database, for children (use with transactional_db)."""
    from django.core.management.commands.createcachetable import Command as CreateCacheTable
    from django.db import connection

    from config.settings.cache import DATABASE_CACHE_TABLE

    # The suite caches in memory (config.settings.test), so its database has no cache
    # table; the children use the real settings and need it.
    create = CreateCacheTable()
    create.verbosity = 0
    create.create_table(connection.alias, DATABASE_CACHE_TABLE, dry_run=False)
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    url = f"postgres://{auth}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{s['NAME']}"
    return SharedDatabase(env=child_env(var_dir, DATABASE_URL=url), vendor="postgresql")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop(process: subprocess.Popen) -> None:
    """End a child we started (SIGTERM, then SIGKILL) and reap it."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
