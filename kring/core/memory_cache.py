"""A per-process cache bounded by the memory its entries take (the rendered fragments').

Django's local-memory cache bounds the number of entries and, when full, drops a quarter
of them at once. Kring keeps rendered HTML in it (kring/core/fragments.py): reaction bars
of 400 bytes next to post cards of 4 KB and composers of 8 KB, so a count says little
about the memory a web process will take, and dropping a quarter at once throws out much
that is still in use. Here the bound is in bytes and the least recently used entries go
one at a time, as many as the new one needs.
"""

import pickle
import sys
import time
from dataclasses import dataclass, field

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache

# What one entry costs beyond its key and pickled value: the bytes object, the key string,
# the entry in the ordered dict and in the expiry dict (about 210 bytes on CPython 3.13).
ENTRY_OVERHEAD = 256


@dataclass
class _Budget:
    """The bytes taken in one MemoryCache, per key and in all; guarded by its lock."""

    sizes: dict[str, int] = field(default_factory=dict)
    total: int = 0


_budgets: dict[str, _Budget] = {}  # per LOCATION, shared by threads like Django's own dicts


class MemoryCache(LocMemCache):
    """Django's local-memory cache, bounded by the memory its entries take, not their number.

    OPTIONS["MAX_BYTES"] bounds the sum of the keys, the pickled values and ENTRY_OVERHEAD
    per entry; past it the least recently used entries go, one at a time, until the new
    one fits. Django's own bound counts entries and then drops a quarter of them at once:
    for HTML fragments that differ tenfold in size (a reaction bar, a thread's reply, a
    post card) a count says little about memory, and dropping a quarter at once throws out
    much that is still in use.
    """

    def __init__(self, name, params):
        options = dict(params.get("OPTIONS") or {})
        self._max_bytes = int(options.pop("MAX_BYTES", 64 * 1024 * 1024))
        options["MAX_ENTRIES"] = sys.maxsize  # the bytes bound it
        super().__init__(name, {**params, "OPTIONS": options})
        self._budget = _budgets.setdefault(name, _Budget())

    @property
    def bytes_taken(self) -> int:
        """What the entries take, as counted against MAX_BYTES."""
        with self._lock:
            return self._budget.total

    def _set(self, key, value, timeout=DEFAULT_TIMEOUT):
        self._delete(key)
        cost = len(key) + len(value) + ENTRY_OVERHEAD
        if cost > self._max_bytes:
            return  # larger than the whole cache: not kept
        budget = self._budget
        while self._cache and budget.total + cost > self._max_bytes:
            oldest, _ = self._cache.popitem()  # Django keeps the least recently used last
            del self._expire_info[oldest]
            budget.total -= budget.sizes.pop(oldest)
        super()._set(key, value, timeout)
        budget.sizes[key] = cost
        budget.total += cost

    def _delete(self, key):
        deleted = super()._delete(key)
        if deleted:
            self._budget.total -= self._budget.sizes.pop(key)
        return deleted

    def get_many(self, keys, version=None):
        """As Django's (each key's entry, if present and not expired, becomes the most
        recently used), under one lock for all keys and without the key checks Django
        makes for memcached's limits: a thread page asks for fifty fragments at once."""
        found = {}
        now = time.time()
        with self._lock:
            for key in keys:
                made = self.make_key(key, version=version)
                expires = self._expire_info.get(made, -1)
                if expires is not None and expires <= now:
                    self._delete(made)
                    continue
                found[key] = self._cache[made]
                self._cache.move_to_end(made, last=False)
        return {key: pickle.loads(pickled) for key, pickled in found.items()}  # noqa: S301

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            if self._has_expired(key):
                self._delete(key)
                raise ValueError(f"Key '{key}' not found")
            value = pickle.loads(self._cache[key]) + delta  # noqa: S301 (written here)
            expires = self._expire_info[key]
            self._set(key, pickle.dumps(value, self.pickle_protocol))
            if key in self._cache:
                self._expire_info[key] = expires
        return value

    def clear(self):
        with self._lock:
            self._cache.clear()
            self._expire_info.clear()
            self._budget.sizes.clear()
            self._budget.total = 0
