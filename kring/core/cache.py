"""Django's database cache, writing each value with one statement instead of five.

Django's DatabaseCache counts the whole table (`SELECT COUNT(*)`) before every write, to
cull it when it holds more than MAX_ENTRIES, then looks the key up and updates or inserts
it in a transaction: five statements, one of which reads every row. Kring writes a value
on most first visits of a page (a colleague's "Voor jou" ranking, the header counts) and
on every API call (the rate limit's counter), so that count ran on nearly every request.

Here a `set` is one upsert (`INSERT … ON CONFLICT DO UPDATE`, on PostgreSQL and SQLite),
and the count runs once every CULL_EVERY writes of a process, culling as Django does
(expired rows, then 1/CULL_FREQUENCY of the rest) when the table holds more than
MAX_ENTRIES: it may hold up to about CULL_FREQUENCY × CULL_EVERY rows more per process,
a few hundred next to the 50,000 allowed. `add` and `touch`, and other databases, keep
Django's way.

Django's `get` also deletes each expired row it finds: a statement more on a reader's
first page after a minute away (their header counts, their ranking), right before the
page writes the key again. A write replaces an expired row (the upsert, and Django's
`add`, which checks the expiry), and the cull removes expired rows first, so here a read
only reads, on every database.
"""

import base64
import itertools
import pickle
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import DatabaseError, connections, router, transaction
from django.utils.timezone import now as tz_now

CULL_EVERY = 100
UPSERT_VENDORS = ("postgresql", "sqlite")


class DatabaseCache(DjangoDatabaseCache):
    # Writes of the whole process, whichever instance made them (Django makes one per
    # thread, and one per request where requests run in copied contexts); next() on it
    # is atomic, so threads may share it.
    _writes = itertools.count()

    def get_many(self, keys, version=None):
        """Django's, but expired rows are left out in the query (as Django's `has_key`
        does) and left for the next write or cull to replace."""
        if not keys:
            return {}
        key_map = {self.make_and_validate_key(key, version=version): key for key in keys}
        connection = connections[router.db_for_read(self.cache_model_class)]
        quote = connection.ops.quote_name
        now = connection.ops.adapt_datetimefield_value(tz_now().replace(microsecond=0, tzinfo=None))
        with connection.cursor() as cursor:
            cursor.execute(
                # Names from the settings, quoted; the keys and the moment are parameters.
                f"SELECT {quote('cache_key')}, {quote('value')} FROM {quote(self._table)} "  # noqa: S608
                f"WHERE {quote('cache_key')} IN ({', '.join(['%s'] * len(key_map))}) "
                f"AND {quote('expires')} > %s",
                [*key_map, now],
            )
            rows = cursor.fetchall()
        return {
            key_map[key]: pickle.loads(  # noqa: S301 (written by this cache)
                base64.b64decode(connection.ops.process_clob(value).encode(), validate=True)
            )
            for key, value in rows
        }

    def _base_set(self, mode, key, value, timeout=DEFAULT_TIMEOUT):
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        if mode != "set" or connection.vendor not in UPSERT_VENDORS:
            return super()._base_set(mode, key, value, timeout)
        timeout = self.get_backend_timeout(timeout)
        now = tz_now().replace(microsecond=0)
        if timeout is None:
            expires = datetime.max
        else:
            expires = datetime.fromtimestamp(timeout, tz=UTC if settings.USE_TZ else None)
        expires = connection.ops.adapt_datetimefield_value(expires.replace(microsecond=0))
        encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
        quote = connection.ops.quote_name
        table, key_column = quote(self._table), quote("cache_key")
        value_column, expires_column = quote("value"), quote("expires")
        # Names from the settings, quoted; the values are parameters.
        upsert = (
            f"INSERT INTO {table} ({key_column}, {value_column}, {expires_column}) "  # noqa: S608
            f"VALUES (%s, %s, %s) ON CONFLICT ({key_column}) DO UPDATE SET "
            f"{value_column} = EXCLUDED.{value_column}, "
            f"{expires_column} = EXCLUDED.{expires_column}"
        )

        def write():
            with connection.cursor() as cursor:
                if next(self._writes) % CULL_EVERY == 0:
                    cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608
                    count = cursor.fetchone()[0]
                    if count > self._max_entries:
                        self._cull(db, cursor, now, count)
                cursor.execute(upsert, [key, encoded, expires])

        try:
            if connection.in_atomic_block:
                # A savepoint keeps a failed write from breaking the caller's transaction.
                with transaction.atomic(using=db):
                    write()
            else:
                write()  # one statement: its own transaction
        except DatabaseError:
            return False  # as Django's: a cache write may fail without failing the page
        return True
