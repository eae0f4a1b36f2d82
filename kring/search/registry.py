"""Which kinds of objects search knows, and how each becomes a document (decision 0020).

An app registers a kind in its `search.py` (found by SearchConfig.ready):

    register(SearchKind(kind="post", label=_("Posts"), model=Post,
                        queryset=lambda: Post.objects.select_related(...),
                        document=post_document))

`document(obj)` returns a `Document`, or None when the object must not be found (deleted,
merged, inactive). `queryset()` lists what `kring manage reindex` indexes.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Model, QuerySet


@dataclass(frozen=True)
class Document:
    """The searchable face of one object; `scope` is a SearchDocument.Scope value."""

    scope: str
    title: str
    text: str
    url: str
    created_at: datetime
    updated_at: datetime
    group_id: int | None = None
    author_id: int | None = None
    language: str = "nl"
    boost: float = 1.0
    parent_key: str = ""


@dataclass(frozen=True)
class SearchKind:
    kind: str
    label: Any  # a lazy translated string
    model: type[Model]
    queryset: Callable[[], QuerySet]
    document: Callable[[Any], Document | None]
    order: int = field(default=100)
    # What one result is called above its title ("Vraag"); the plural `label` otherwise.
    result_label: Any = None
    # For a kind with millions of objects: `rebuild_batch(last, size)` gives the `size`
    # objects after pk `last` (None: from the first) in pk order, with what `document`
    # reads, more cheaply than `queryset()` would. The rebuild uses it when given.
    rebuild_batch: Callable[[int | None, int], list[Any]] | None = None


_KINDS: dict[str, SearchKind] = {}


def register(search_kind: SearchKind) -> None:
    """Add a kind (registering the same kind twice replaces it: reloads in tests)."""
    _KINDS[search_kind.kind] = search_kind


def kinds() -> list[SearchKind]:
    return sorted(_KINDS.values(), key=lambda k: (k.order, k.kind))


def kind_for(kind: str) -> SearchKind | None:
    return _KINDS.get(kind)


def kind_of_model(model: type[Model]) -> SearchKind | None:
    return next((k for k in _KINDS.values() if k.model is model), None)
