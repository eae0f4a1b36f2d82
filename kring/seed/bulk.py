"""Fast inserts of many rows for the scale seed: COPY on PostgreSQL, executemany elsewhere.

Rows are plain tuples with explicit ids, so related rows can point at each other before
they are written; `sequences_reset` then moves the id sequences past the new rows.
"""

import itertools
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from django.core.management.color import no_style
from django.db import connection
from django.db.models import Max, Model

BATCH_SIZE = 2_000


def epoch(ts: float) -> datetime:
    """Return an aware datetime for a POSIX timestamp."""
    return datetime.fromtimestamp(ts, UTC)


def next_id(model: type[Model]) -> int:
    """Return the first free id of `model`'s table (1 for an empty table)."""
    return (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1


class TableWriter:
    """Writes tuples whose values follow `fields` into `model`'s table; other fields get their default."""

    def __init__(self, model: type[Model], fields: Sequence[str]):
        self.model = model
        given = [model._meta.get_field(name) for name in fields]
        rest = [f for f in model._meta.concrete_fields if f not in given]
        for field in rest:
            if field.get_default() is None and not field.null:
                raise ValueError(f"{model.__name__}.{field.name} needs a value in the seed")
        self.fields = given + rest
        self.columns = [f.column for f in given + rest]
        self.defaults = tuple(f.get_default() for f in rest)
        self.written = 0

    def write(self, rows: Iterable[tuple]) -> int:
        """Insert the rows in the current transaction; return how many there were."""
        before = self.written
        if connection.vendor == "postgresql":
            self._copy(rows)
        else:
            self._insert(rows)
        return self.written - before

    def _copy(self, rows: Iterable[tuple]) -> None:
        quote = connection.ops.quote_name
        table = quote(self.model._meta.db_table)
        columns = ", ".join(quote(c) for c in self.columns)
        defaults = self.defaults
        statement = f"COPY {table} ({columns}) FROM STDIN"  # noqa: S608 (our own names)
        # psycopg's COPY streams rows without building SQL: ~4x faster than bulk_create.
        with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row + defaults)
                self.written += 1

    def _insert(self, rows: Iterable[tuple]) -> None:
        # Plain INSERTs with values prepared by the fields, not bulk_create: that would
        # overwrite auto_now_add fields (created_at) with the current time.
        quote = connection.ops.quote_name
        placeholders = ", ".join(["%s"] * len(self.fields))
        statement = (
            f"INSERT INTO {quote(self.model._meta.db_table)} "  # noqa: S608 (our own names)
            f"({', '.join(quote(c) for c in self.columns)}) VALUES ({placeholders})"
        )
        prepare = [field.get_db_prep_save for field in self.fields]
        defaults = self.defaults
        with connection.cursor() as cursor:
            for batch in itertools.batched(rows, BATCH_SIZE):
                cursor.executemany(
                    statement,
                    [
                        tuple(
                            p(v, connection) for p, v in zip(prepare, row + defaults, strict=True)
                        )
                        for row in batch
                    ],
                )
                self.written += len(batch)


def checks_immediate() -> None:
    """Check foreign keys as rows arrive, not all at the commit (inside a transaction).

    PostgreSQL defers Django's foreign keys to the commit and queues an event per new row
    in memory until then: millions of rows would hold hundreds of megabytes. Same speed.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def sequences_reset(models: Sequence[type[Model]]) -> None:
    """Let the database hand out ids after the ones the seed wrote itself."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(models))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def analyse(models: Sequence[type[Model]]) -> None:
    """Refresh the planner's statistics for the tables the seed filled.

    On PostgreSQL outside a transaction this is VACUUM (ANALYZE): it also sets the hint
    bits and the visibility map now, so the first readers (a benchmark) do not pay for
    that, and autovacuum does not start on millions of new rows in the middle of one.
    """
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            tables = ", ".join(quote(m._meta.db_table) for m in models)
            command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
            cursor.execute(f"{command} {tables}")  # noqa: S608 (our own table names)
        elif connection.vendor == "sqlite":
            cursor.execute("ANALYZE")
