"""An output schema's fields read straight into the dict django-ninja would return.

django-ninja checks a view's result against its response schema by reading every field
of every object through its `DjangoGetter`, in Python, and then builds pydantic models
only to dump them again. For one object that is nothing; for a page of 20 posts (each
with its author, group, reaction counts and poll: some 400 fields) it cost a seventh of
the API post list's CPU (in one process, bench/README.md, fourteenth session). `dump()`
reads the same fields, with the schema's own resolvers, into the same dict, once per
field and without the copies; `respond()` sends it as ninja would.

The schema stays the one description of the output: the OpenAPI document and every other
view use it as before, and the tests compare both ways for each schema dumped here
(kring/api/tests/test_dump.py). Only the plain shapes our schemas use are supported: a
field is a value, a schema, an optional schema or a list of schemas. The resolvers are
read from ninja's own (private) `_ninja_resolvers`: django-ninja is pinned, and those
tests fail if an upgrade changes them.
"""

import types
import typing
from collections.abc import Callable
from datetime import datetime
from functools import cache
from typing import Any

from django.db.models import Manager, QuerySet
from django.db.models.fields.files import FieldFile
from django.http import HttpRequest, HttpResponse
from ninja import Schema

Reader = Callable[[Any, dict[str, Any]], Any]


def dump(schema: type[Schema], obj: Any, context: dict[str, Any]) -> dict[str, Any]:
    """`obj` as `schema` describes it, as ninja's `model_dump()` would give it (by field
    name, values in Python types: datetimes stay datetimes for the JSON renderer)."""
    return {name: read(obj, context) for name, read in _plan(schema)}


def respond(
    request: HttpRequest, schema: type[Schema], obj: Any, status: int = 200
) -> HttpResponse:
    """The response ninja would send for `obj` under `schema`, rendered by the API's renderer."""
    from kring.api.api import api  # the API imports every router, which import this

    data = dump(schema, obj, {"request": request, "response_status": status})
    return api.create_response(request, data, status=status)


@cache
def _plan(schema: type[Schema]) -> tuple[tuple[str, Reader], ...]:
    resolvers = schema._ninja_resolvers
    plan = []
    for name, field in schema.model_fields.items():
        resolver = resolvers.get(name)
        if resolver is not None:
            get = _resolved(resolver._func, takes_context=resolver._takes_context)
        else:
            get = _attribute(field.validation_alias or field.alias or name)
        plan.append((name, _shaped(get, field.annotation)))
    return tuple(plan)


def _resolved(func: Callable, *, takes_context: bool) -> Reader:
    if takes_context:
        return lambda obj, context: func(obj, context=context)
    return lambda obj, _context: func(obj)


def _attribute(key: str) -> Reader:
    def get(obj: Any, _context: dict[str, Any]) -> Any:
        value = obj[key] if isinstance(obj, dict) else getattr(obj, key)
        return _plain(value)

    return get


_AS_IS = frozenset({str, int, bool, float, datetime, type(None)})


def _plain(value: Any) -> Any:
    """What ninja's DjangoGetter makes of a model's attribute: managers and querysets as
    lists, methods called, files as their URL."""
    if type(value) in _AS_IS:
        return value
    if isinstance(value, Manager):
        return list(value.all())
    if isinstance(value, QuerySet):
        return list(value)
    if callable(value):
        return value()
    if isinstance(value, FieldFile):
        return value.url if value else None
    return value


def _shaped(get: Reader, annotation: Any) -> Reader:
    """`get`, with a nested schema (optional, or in a list) dumped in turn."""
    optional, inner = _without_none(annotation)
    if typing.get_origin(inner) is list:
        (item,) = typing.get_args(inner)
        if _is_schema(item):
            return lambda obj, context: _nullable(
                get(obj, context), lambda items: [dump(item, i, context) for i in items]
            )
        return get
    if _is_schema(inner):
        if optional:
            return lambda obj, context: _nullable(
                get(obj, context), lambda value: dump(inner, value, context)
            )
        return lambda obj, context: dump(inner, get(obj, context), context)
    return get


def _nullable(value: Any, then: Callable[[Any], Any]) -> Any:
    return None if value is None else then(value)


def _without_none(annotation: Any) -> tuple[bool, Any]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return True, args[0]
    return False, annotation


def _is_schema(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, Schema)
