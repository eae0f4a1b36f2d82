"""Kept values read ahead for a page in one round trip (kring.core.kept)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from config.settings.cache import DATABASE_CACHE_TABLE
from kring.core.kept import kept_forget, kept_get, kept_get_many, kept_reading, kept_set


def _cache_reads(queries: CaptureQueriesContext) -> int:
    return sum(DATABASE_CACHE_TABLE in q["sql"] for q in queries.captured_queries)


@pytest.mark.django_db
def test_values_read_ahead_are_answered_without_asking_the_cache_again(database_cache):
    database_cache.set("counts:7", (2, 1), 60)
    database_cache.set("pinned", [], 60)
    with (
        CaptureQueriesContext(connection) as queries,
        kept_reading(["counts:7", "pinned", "ranking:7"]),
    ):
        assert _cache_reads(queries) == 1
        assert kept_get("counts:7") == (2, 1)
        assert kept_get_many(["pinned", "ranking:7"]) == {"pinned": []}
        assert kept_get("ranking:7") is None  # read ahead, and not in the cache
        assert _cache_reads(queries) == 1
        assert kept_get("other") is None  # not read ahead: asked of the cache
        assert _cache_reads(queries) == 2


@pytest.mark.django_db
def test_what_the_page_forgets_or_keeps_while_it_is_made_is_what_it_reads_next(database_cache):
    database_cache.set("counts:7", (2, 1), 60)
    database_cache.set("ranking:7", [5, 4], 60)
    with kept_reading(["counts:7", "ranking:7"]):
        kept_forget(["counts:7"])
        kept_set("ranking:7", [6, 5, 4], 60)
        assert kept_get("counts:7") is None
        assert kept_get("ranking:7") == [6, 5, 4]
    assert database_cache.get("counts:7") is None
    assert database_cache.get("ranking:7") == [6, 5, 4]


@pytest.mark.django_db
def test_a_read_ahead_ends_with_its_page(database_cache):
    database_cache.set("counts:7", (2, 1), 60)
    with kept_reading(["counts:7"]):
        assert kept_get("counts:7") == (2, 1)
    database_cache.set("counts:7", (3, 1), 60)  # a write after the page: the next one sees it
    assert kept_get("counts:7") == (3, 1)
