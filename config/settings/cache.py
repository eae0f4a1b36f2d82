"""The cache from the environment: Redis when REDIS_URL is set, else a table in the database.

Both are shared by every web process and worker of the site, on one machine or many, so a
count or a lock kept in the cache (rate limits, for example) holds for the whole site. A
per-process memory cache would not: each gunicorn worker would count on its own.
"""

import os

DATABASE_CACHE_TABLE = "kring_cache"


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
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": DATABASE_CACHE_TABLE,
            # Entries are few (counters, short-lived values); culling keeps the table small.
            "OPTIONS": {"MAX_ENTRIES": 50_000, "CULL_FREQUENCY": 4},
        }
    return {"default": {**default, "KEY_PREFIX": prefix, "TIMEOUT": 300}}
