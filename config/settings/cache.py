"""The cache from the environment: Redis when REDIS_URL is set, else a table in the database.

Both are shared by every web process and worker of the site, on one machine or many, so a
count or a lock kept in the cache (rate limits, for example) holds for the whole site. A
per-process memory cache would not: each gunicorn worker would count on its own.
"""

import os

DATABASE_CACHE_TABLE = "kring_cache"
FRAGMENT_CACHE_MB = 64


def cache_from_environment() -> dict:
    """Return Django's CACHES for REDIS_URL, or the database cache table `kring_cache`."""
    prefix = os.environ.get("KRING_CACHE_PREFIX", "kring")
    url = os.environ.get("REDIS_URL", "")
    if url:
        default = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            # Fail in a second when Redis is gone (the request gets the 503 page) instead of
            # hanging until the proxy gives up.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    else:
        # The table is created by `kring manage migrate` (kring.core hooks createcachetable
        # into post_migrate), so no step can be forgotten.
        default = {
            "BACKEND": "kring.core.cache.DatabaseCache",  # one statement per write
            "LOCATION": DATABASE_CACHE_TABLE,
            # Entries are few (counters, short-lived values); culling keeps the table small.
            "OPTIONS": {"MAX_ENTRIES": 50_000, "CULL_FREQUENCY": 4},
        }
    caches = {
        "default": {**default, "KEY_PREFIX": prefix, "TIMEOUT": 300},
        "fragments": fragment_cache(),
    }
    if url:
        caches["fragments_shared"] = shared_fragment_cache(url, prefix)
    return caches


def fragment_cache() -> dict:
    """Rendered HTML fragments keyed by their content (kring/core/fragments.py).

    Per process on purpose: an entry can never be stale, so processes need not share it,
    and a hit costs no round trip. Bounded by the memory it takes, KRING_FRAGMENT_CACHE_MB
    per web process (kring/core/memory_cache.py): the cards, replies and page parts of the
    benchmark's 200 colleagues on ten pages each take some 45 MB.
    """
    megabytes = float(os.environ.get("KRING_FRAGMENT_CACHE_MB", "") or FRAGMENT_CACHE_MB)
    return {
        "BACKEND": "kring.core.memory_cache.MemoryCache",
        "LOCATION": "kring-fragments",
        "TIMEOUT": 24 * 3600,
        "OPTIONS": {"MAX_BYTES": int(megabytes * 1024 * 1024)},
    }


def shared_fragment_cache(url: str, prefix: str) -> dict:
    """Rendered fragments shared by every process of the site, behind the per-process ones.

    With Redis a card or reply is rendered once for the site instead of once per web
    process, and survives a restart. Entries are keyed by their content and by the code
    that renders them (kring/core/fragments.py), so sharing them cannot show a stale one.
    They expire after a day; Redis's own `maxmemory` with an LRU policy bounds the total
    (docs/deploy.md).
    """
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": f"{prefix}-fragments",
        "TIMEOUT": 24 * 3600,
        # A page must not wait for a slow Redis to show a fragment it can render itself.
        "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
    }
