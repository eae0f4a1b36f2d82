"""The database cache (kring.core.cache): one statement per write, still bounded."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from config.settings.cache import DATABASE_CACHE_TABLE
from kring.core.cache import CULL_EVERY, DatabaseCache


@pytest.fixture(autouse=True)
def cache_table(database_cache):
    """The suite caches in memory (config.settings.test): these tests need the cache table."""


def _cache(max_entries: int = 1000) -> DatabaseCache:
    return DatabaseCache(
        DATABASE_CACHE_TABLE, {"OPTIONS": {"MAX_ENTRIES": max_entries, "CULL_FREQUENCY": 2}}
    )


def _rows() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {DATABASE_CACHE_TABLE}")
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)
def test_cache_keeps_the_newest_value_if_a_key_is_written_twice():
    cache = _cache()
    cache.clear()
    cache.set("ranking:7", [3, 2, 1], 60)
    cache.set("ranking:7", [4, 3], 60)
    assert cache.get("ranking:7") == [4, 3]
    cache.set("forever", "kept", None)
    assert cache.get("forever") == "kept"
    cache.set("gone", "x", 0)  # a timeout of 0 expires at once, as in Django
    assert cache.get("gone") is None
    assert _rows() == 3  # an expired row stays until a write or the cull replaces it
    cache.set("gone", "back", 60)
    assert cache.get("gone") == "back"


@pytest.mark.django_db(transaction=True)
def test_cache_reads_an_expired_value_as_missing_with_one_statement():
    cache = _cache()
    cache.clear()
    cache.set("header-counts:5", (2, 1), 0)  # expired at once
    cache.set("ranking:5", [9, 8], 60)
    with CaptureQueriesContext(connection) as queries:
        assert cache.get_many(["header-counts:5", "ranking:5"]) == {"ranking:5": [9, 8]}
        assert cache.get("header-counts:5", "missing") == "missing"
        assert not cache.has_key("header-counts:5")
    assert len(queries) == 3  # reads only: Django's also deleted the expired row
    assert cache.add("header-counts:5", (0, 0), 60)  # an expired key may be added again
    assert cache.get("header-counts:5") == (0, 0)


@pytest.mark.django_db(transaction=True)
def test_cache_writes_with_one_statement_if_outside_a_transaction():
    cache = _cache()
    with CaptureQueriesContext(connection) as queries:
        for n in range(CULL_EVERY):
            cache.set(f"counts:{n}", (3, 0, n), 60)
    counts = [query for query in queries if "COUNT(*)" in query["sql"]]
    assert len(counts) == 1  # the table is counted once in CULL_EVERY writes
    assert len(queries) == CULL_EVERY + 1


@pytest.mark.django_db(transaction=True)
def test_cache_counts_the_table_once_in_so_many_writes_however_many_instances_write():
    """Django makes a cache instance per thread, and one per request where requests run in
    copied contexts: counting per instance counted the table on nearly every write."""
    with CaptureQueriesContext(connection) as queries:
        for n in range(CULL_EVERY):
            _cache().set(f"counts:{n}", n, 60)
    assert sum("COUNT(*)" in query["sql"] for query in queries) == 1


@pytest.mark.django_db(transaction=True)
def test_cache_counts_and_culls_the_table_every_so_many_writes():
    cache = _cache(max_entries=50)  # CULL_FREQUENCY 2: a cull removes half the rows
    cache.clear()
    most = 0
    for n in range(6 * CULL_EVERY):
        cache.set(f"key:{n}", n, 60)
        most = max(most, _rows())
    # Never more than the limit and what two rounds of writes between counts add.
    assert most <= 50 + 2 * CULL_EVERY
    assert cache.get(f"key:{6 * CULL_EVERY - 1}") == 6 * CULL_EVERY - 1


@pytest.mark.django_db(transaction=True)
def test_cache_add_and_incr_count_as_django_does():
    cache = _cache()
    cache.clear()
    assert cache.add("limit:ab:1", 1, 60)
    assert not cache.add("limit:ab:1", 5, 60)
    assert cache.incr("limit:ab:1") == 2
    assert cache.incr("limit:ab:1", 3) == 5
    with pytest.raises(ValueError):
        cache.incr("limit:missing")


@pytest.mark.django_db
def test_cache_leaves_the_callers_transaction_usable_if_written_inside_it():
    cache = _cache()
    with transaction.atomic():
        cache.set("inside", "yes", 60)
        assert cache.get("inside") == "yes"
        with connection.cursor() as cursor:  # the transaction still answers
            cursor.execute("SELECT 1")
            assert cursor.fetchone() == (1,)
