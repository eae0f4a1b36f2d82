"""The search backends behind one interface: PostgreSQL full-text search and SQLite FTS5."""

from django.db import connection

from kring.search.backends.base import Hit, SearchBackend


def backend() -> SearchBackend:
    """The backend for the default database."""
    if connection.vendor == "postgresql":
        from kring.search.backends.postgres import PostgresBackend

        return PostgresBackend()
    from kring.search.backends.sqlite import SqliteBackend

    return SqliteBackend()


__all__ = ["Hit", "SearchBackend", "backend"]
