"""Values kept per reader in the default cache (Redis, or the database's cache table).

A kept value is dropped by the writes that change it: at once, and again after the
commit, because a page that computes it between the two still sees the old rows and
may keep them. Its lifetime covers what no write announces.

A page that will ask for several kept values (a feed: the header counts, the pinned
announcements, the reader's ranking) reads them all in one round trip first
(`kept_reading`); `kept_get` and `kept_get_many` answer from that read for as long as
the page is made, and ask the cache for anything else.
"""

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial, wraps
from typing import Any

from django.core.cache import cache
from django.db import transaction

_ABSENT = object()  # read ahead and not in the cache
_read_ahead: ContextVar[dict[str, Any] | None] = ContextVar("kring_kept_read_ahead", default=None)


def kept_forget(keys: Iterable[str]) -> None:
    """Drop the kept values under `keys` now and once the current transaction commits."""
    keys = list(dict.fromkeys(keys))
    if keys:
        read = _read_ahead.get()
        if read is not None:
            for key in keys:
                read.pop(key, None)
        cache.delete_many(keys)
        if transaction.get_connection().in_atomic_block:
            transaction.on_commit(partial(cache.delete_many, keys), robust=True)


@contextmanager
def kept_reading(keys: Iterable[str]) -> Iterator[None]:
    """Read `keys` from the cache in one round trip, for `kept_get` inside the block."""
    keys = list(dict.fromkeys(keys))
    found = cache.get_many(keys)
    token = _read_ahead.set({key: found.get(key, _ABSENT) for key in keys})
    try:
        yield
    finally:
        _read_ahead.reset(token)


def reads_kept(keys: Callable[..., Iterable[str]]) -> Callable:
    """A view decorator: `kept_reading(keys(request, *args, **kwargs))` around the view."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            with kept_reading(keys(request, *args, **kwargs)):
                return view(request, *args, **kwargs)

        return wrapper

    return decorate


def kept_get_many(keys: Iterable[str]) -> dict[str, Any]:
    """`cache.get_many(keys)`, answered from a `kept_reading` around this page where it can."""
    keys = list(keys)
    read = _read_ahead.get() or {}
    found = {key: read[key] for key in keys if key in read}
    rest = [key for key in keys if key not in found]
    if rest:
        found.update(cache.get_many(rest))
    return {key: value for key, value in found.items() if value is not _ABSENT}


def kept_set(key: str, value: Any, seconds: int) -> None:
    """`cache.set`, and what a `kept_reading` around this page answers for `key`."""
    cache.set(key, value, seconds)
    read = _read_ahead.get()
    if read is not None and key in read:
        read[key] = value


def kept_get(key: str) -> Any:
    """`cache.get(key)`, answered from a `kept_reading` around this page where it can."""
    return kept_get_many([key]).get(key)
