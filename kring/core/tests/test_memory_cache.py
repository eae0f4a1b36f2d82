"""The per-process cache of rendered fragments, bounded in bytes (kring.core.memory_cache)."""

import threading
import time

import pytest
from django.core.cache import caches
from django.test import override_settings

from config.settings.cache import fragment_cache
from kring.core.memory_cache import ENTRY_OVERHEAD, MemoryCache

KB = 1024


def _cache(name: str, max_bytes: int) -> MemoryCache:
    cache = MemoryCache(name, {"OPTIONS": {"MAX_BYTES": max_bytes}})
    cache.clear()
    return cache


def test_cache_drops_the_least_recently_used_entries_one_at_a_time_to_stay_within_its_bytes():
    cache = _cache("test-lru", 12 * KB)  # room for six entries of 1.8 KB with their overhead
    for n in range(6):
        cache.set(f"card:{n}", "x" * 1500)
    assert cache.get("card:0") is not None  # used again: now the most recent
    cache.set("card:6", "x" * 1500)
    cache.set("card:7", "x" * 1500)
    kept = {n for n in range(8) if cache.get(f"card:{n}") is not None}
    assert kept == {0, 3, 4, 5, 6, 7}  # 1 and 2 were the least recently used
    assert cache.bytes_taken <= 12 * KB


def test_get_many_finds_what_get_finds_and_counts_as_a_use_of_each_entry(monkeypatch):
    cache = _cache("test-get-many", 12 * KB)  # room for six entries of 1.8 KB
    for n in range(6):
        cache.set(f"reply:{n}", f"<li>{n}</li>" + "x" * 1500)
    cache.set("old", "gone", timeout=10)
    cache.set("reply:0", "other version", version=2)
    clock = time.time() + 60  # "old" has expired by then, the rest not
    monkeypatch.setattr("kring.core.memory_cache.time.time", lambda: clock)
    found = cache.get_many(["reply:0", "reply:1", "missing", "old"])
    assert found == {n: f"<li>{n[-1]}</li>" + "x" * 1500 for n in ("reply:0", "reply:1")}
    assert cache.get_many(["reply:0"], version=2) == {"reply:0": "other version"}
    assert "old" not in cache.get_many(["old"]) and cache.bytes_taken <= 12 * KB
    cache.set("reply:6", "x" * 1500)
    cache.set("reply:7", "x" * 1500)
    # Read by get_many, 0 and 1 were the most recently used: 2 and 3 went instead.
    kept = {n for n in range(8) if cache.get(f"reply:{n}") is not None}
    assert kept == {0, 1, 4, 5, 6, 7}


def test_one_large_entry_pushes_out_as_many_small_ones_as_it_needs():
    cache = _cache("test-sizes", 8 * KB)
    for n in range(10):
        cache.set(f"bar:{n}", "b" * 300)
    cache.set("composer", "c" * 5000)
    assert cache.get("composer") == "c" * 5000
    kept = [n for n in range(10) if cache.get(f"bar:{n}") is not None]
    assert 0 < len(kept) < 10
    assert kept == list(range(10 - len(kept), 10))  # the newest bars stay
    assert cache.bytes_taken <= 8 * KB


def test_an_entry_larger_than_the_whole_cache_is_not_kept_and_keeps_the_rest():
    cache = _cache("test-huge", 4 * KB)
    cache.set("small", "s")
    cache.set("huge", "h" * (5 * KB))
    assert cache.get("huge") is None
    assert cache.get("small") == "s"


def test_writing_a_key_again_or_deleting_it_gives_its_bytes_back():
    cache = _cache("test-account", 100 * KB)
    cache.set("reply:1", "r" * 2000)
    once = cache.bytes_taken
    assert once >= 2000 + ENTRY_OVERHEAD
    cache.set("reply:1", "r" * 2000)
    cache.set_many({"reply:1": "r" * 2000})
    assert cache.bytes_taken == once
    cache.delete("reply:1")
    assert cache.bytes_taken == 0
    cache.set("n", 1)
    assert cache.incr("n", 4) == 5
    assert cache.get("n") == 5
    cache.clear()
    assert cache.bytes_taken == 0 and cache.get("n") is None


def test_threads_of_one_process_share_the_entries_and_their_bound():
    """Django gives each thread its own cache object; they must share one budget."""
    seen = {}

    def write(n: int) -> None:
        cache = MemoryCache("test-threads", {"OPTIONS": {"MAX_BYTES": 20 * KB}})
        for i in range(50):
            cache.set(f"t{n}:{i}", "y" * 1000)
        seen[n] = cache.bytes_taken

    _cache("test-threads", 20 * KB)
    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    shared = MemoryCache("test-threads", {"OPTIONS": {"MAX_BYTES": 20 * KB}})
    assert 15 * KB < shared.bytes_taken <= 20 * KB
    assert all(taken <= 20 * KB for taken in seen.values())


@pytest.mark.parametrize(("setting", "expected"), [("", 64), ("24", 24), ("0.5", 0.5)])
def test_fragment_cache_is_sized_in_megabytes_from_the_environment(monkeypatch, setting, expected):
    monkeypatch.setenv("KRING_FRAGMENT_CACHE_MB", setting)
    assert fragment_cache()["OPTIONS"]["MAX_BYTES"] == int(expected * 1024 * 1024)


def test_site_keeps_its_fragments_in_the_bounded_cache():
    with override_settings(CACHES={"fragments": fragment_cache()}):
        assert isinstance(caches["fragments"], MemoryCache)
