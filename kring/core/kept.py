"""Values kept per reader in the default cache (Redis, or the database's cache table).

A kept value is dropped by the writes that change it: at once, and again after the
commit, because a page that computes it between the two still sees the old rows and
may keep them. Its lifetime covers what no write announces.
"""

from collections.abc import Iterable
from functools import partial

from django.core.cache import cache
from django.db import transaction


def kept_forget(keys: Iterable[str]) -> None:
    """Drop the kept values under `keys` now and once the current transaction commits."""
    keys = list(dict.fromkeys(keys))
    if keys:
        cache.delete_many(keys)
        if transaction.get_connection().in_atomic_block:
            transaction.on_commit(partial(cache.delete_many, keys), robust=True)
