"""Queries whose SQL is the same on every request but for its values, written once.

Django builds and compiles a query's SQL anew each time it runs. For the few short
queries that nearly every page asks (the reader's memberships, a thread page's replies)
that costs more of the web process's time than reading the rows: 0.3–0.5 ms of Python
each, for SQL that only differs in a colleague's or a post's id (bench/README.md, tenth
session). A `CompiledSelect` lets the ORM write the SQL once per database, with stand-in
values, and runs that same text again with the real values as its parameters, exactly
as the ORM would send them (and PostgreSQL keeps its plan, decision 0030).

Only for queries whose *text* cannot depend on the values: a value that changes the SQL
(None, an empty string that leaves a filter out, a list for `__in`, a LIMIT) must be part
of the query's shape instead, with one `CompiledSelect` per shape. Values are ints or strs,
which the ORM passes to the database unchanged; `rows()` refuses anything else.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.base import ModelState

# One stand-in per slot and type, found again among the compiled query's parameters. An
# int stand-in fits every integer column: Django leaves a comparison with a value outside
# the column's range out of the SQL (and `_compile` would refuse the query).
_INT_STAND_IN = 1_987_654_321
_STR_STAND_IN = "kring-compiled-sql-stand-in-{}"
_TYPES = (int, str)


class CompiledSelectError(RuntimeError):
    """The query's SQL does not take the slots' values as parameters (a programming error)."""


@dataclass(frozen=True)
class _Compiled:
    sql: str
    params: tuple[Any, ...]  # the constant parameters, None where a slot's value goes
    slot_at: tuple[int | None, ...]  # for each parameter, the slot that fills it, or None
    wrap: tuple[type | None, ...]  # for each parameter, the type its value goes in
    converters: tuple[tuple[int, tuple[Callable, ...], Any], ...]  # column, functions, field
    columns: int | None  # the row's columns to keep: ordering may add some after them


def _same(param: Any, stand_in: int | str) -> bool:
    if isinstance(stand_in, int):
        return isinstance(param, int) and not isinstance(param, bool) and param == stand_in
    return type(param) is str and param == stand_in


def _stand_in(kind: type, slot: int) -> int | str:
    return _INT_STAND_IN - slot if kind is int else _STR_STAND_IN.format(slot)


class CompiledSelect:
    """A values_list query built by `build(*values)`, compiled once per database.

    `slots` names the type of each value, in order: `CompiledSelect(build, slots=(int,))`.
    `rows(*values)` runs it and returns the rows as the queryset would (tuples, with
    Django's converters applied).
    """

    def __init__(self, build: Callable[..., QuerySet], *, slots: tuple[type, ...]) -> None:
        if not slots or any(kind not in _TYPES for kind in slots):
            raise CompiledSelectError("A compiled query takes one or more int or str values.")
        self._build = build
        self._slots = slots
        self._compiled: dict[tuple[str, str], _Compiled] = {}

    def _compile(self, alias: str) -> _Compiled:
        stand_ins = [_stand_in(kind, slot) for slot, kind in enumerate(self._slots)]
        queryset = self._build(*stand_ins)
        compiler = queryset.query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        # PostgreSQL's backend gives ints in their column's type (psycopg's Int4, Int8, an
        # int each): a value goes in the same type.
        slot_at, wrap = [], []
        for param in params:
            slot = next((i for i, s in enumerate(stand_ins) if _same(param, s)), None)
            slot_at.append(slot)
            wrap.append(type(param) if slot is not None and type(param) not in _TYPES else None)
        for slot, stand_in in enumerate(stand_ins):
            if slot not in slot_at or str(stand_in) in sql:
                raise CompiledSelectError(
                    f"Value {slot} of a compiled query is not one of its SQL's parameters: "
                    "the query would not read it. Build that part of the query as a shape."
                )
        fields = [column[0] for column in compiler.select[: compiler.col_count]]
        converters = tuple(
            (index, tuple(functions), field)
            for index, (functions, field) in compiler.get_converters(fields).items()
        )
        constant = tuple(None if s is not None else p for p, s in zip(params, slot_at, strict=True))
        columns = compiler.col_count if compiler.has_extra_select else None
        return _Compiled(sql, constant, tuple(slot_at), tuple(wrap), converters, columns)

    def rows(self, *values: int | str, using: str = "default") -> list[tuple]:
        """Run the query with `values` (one per slot, of its type) on database `using`."""
        if len(values) != len(self._slots) or any(
            type(value) is not kind for value, kind in zip(values, self._slots, strict=True)
        ):
            raise CompiledSelectError(f"A compiled query takes values of the types {self._slots}.")
        connection = connections[using]
        key = (using, connection.vendor)
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compiled[key] = self._compile(using)
        params = [
            constant if slot is None else values[slot] if wrap is None else wrap(values[slot])
            for constant, slot, wrap in zip(
                compiled.params, compiled.slot_at, compiled.wrap, strict=True
            )
        ]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        if compiled.columns is not None:
            rows = [row[: compiled.columns] for row in rows]
        if not compiled.converters:
            return [tuple(row) for row in rows]
        converted = []
        for row in rows:
            row = list(row)
            for index, functions, field in compiled.converters:
                value = row[index]
                for function in functions:
                    value = function(value, field, connection)
                row[index] = value
            converted.append(tuple(row))
        return converted


# An `__in` list is part of a query's shape (one parameter per id): padded to one of a few
# lengths by repeating its last id, a few compiled queries serve lists of any length.
PADDED_LENGTHS = (1, 2, 4, 8, 12, 16, 20, 24, 32, 48, 64)


def padded(ids: list[int]) -> list[int]:
    """`ids` (one to PADDED_LENGTHS[-1] of them) repeated up to the next padded length."""
    if not 0 < len(ids) <= PADDED_LENGTHS[-1]:
        raise CompiledSelectError(f"Pad one to {PADDED_LENGTHS[-1]} ids, not {len(ids)}.")
    length = next(length for length in PADDED_LENGTHS if length >= len(ids))
    return ids + [ids[-1]] * (length - len(ids))


def model_from_row[M: Model](model: type[M], names: tuple[str, ...], values: tuple, db: str) -> M:
    """A model object from a row's values, as a query with `.only(*names)` would load it.

    Cheaper than Model.from_db (no __init__): for pages that build dozens of objects
    from `CompiledSelect` rows. A field not in `names` is deferred; reading it costs a
    query (the pages' query-count tests show one).
    """
    instance = model.__new__(model)
    instance.__dict__.update(zip(names, values, strict=True))
    instance._state = ModelState()
    instance._state.adding = False
    instance._state.db = db
    return instance
