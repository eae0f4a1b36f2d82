"""Fixtures for tests that run Kring in child processes (see processes.py)."""

from pathlib import Path

import pytest
from django.db import connection

from kring.core.tests import processes


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """A migrated SQLite database file, made once per test process and copied per test."""
    return processes.migrate_sqlite(tmp_path_factory.mktemp("sqlite-template"))


@pytest.fixture
def sqlite_database(sqlite_template, tmp_path) -> processes.SharedDatabase:
    """A fresh file SQLite database with the real settings, whatever the suite runs on."""
    return processes.sqlite_copy(sqlite_template, tmp_path / "var")


@pytest.fixture
def shared_database(request, tmp_path, transactional_db) -> processes.SharedDatabase:
    """A database child processes share: the suite's PostgreSQL, else a SQLite file.

    transactional_db is asked for by name (pytest-django decides from the names a test
    uses, not from getfixturevalue): what this process writes must be committed for the
    children to see it.
    """
    if connection.vendor == "postgresql":
        return processes.postgresql_test_database(tmp_path / "var")
    return request.getfixturevalue("sqlite_database")
