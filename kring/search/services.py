"""Writing the index: one object's document, removing one, rebuilding all."""

from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from kring.search.backends import backend
from kring.search.models import SearchDocument, SearchTerm
from kring.search.registry import kind_for, kinds
from kring.search.text import TERM_MAX_LENGTH, words

VOCABULARY_MIN_LENGTH = 3
REBUILD_BATCH = 500


def _vocabulary_add(*texts: str) -> None:
    terms = {
        word
        for text in texts
        for word in words(text)
        if VOCABULARY_MIN_LENGTH <= len(word) <= TERM_MAX_LENGTH and not word.isdigit()
    }
    SearchTerm.objects.bulk_create(
        [SearchTerm(term=term) for term in sorted(terms)], ignore_conflicts=True
    )


def document_remove(*, kind: str, object_id: int, children: bool = True) -> None:
    """Remove the document of one object and (unless told not to) those of its children
    (a post's replies and question)."""
    SearchDocument.objects.filter(kind=kind, object_id=object_id).delete()
    if children:
        SearchDocument.objects.filter(parent_key=f"{kind}:{object_id}").delete()


@transaction.atomic
def document_index(*, kind: str, object_id: int) -> SearchDocument | None:
    """Write the document of one object as it is now; remove it if it is gone or hidden.

    Idempotent: running it twice writes the same document.
    """
    search_kind = kind_for(kind)
    if search_kind is None:
        raise ValueError(f"Search has no kind {kind!r}")
    obj = search_kind.queryset().filter(pk=object_id).first()
    document = search_kind.document(obj) if obj is not None else None
    if document is None:
        # An object that is still there but not findable itself (a question's post, found
        # as the question) keeps its children; a gone one takes them along.
        document_remove(kind=kind, object_id=object_id, children=obj is None)
        return None
    fields = {
        "scope": document.scope,
        "group_id": document.group_id,
        "author_id": document.author_id,
        "parent_key": document.parent_key,
        "title": document.title[:300],
        "text": document.text,
        "url": document.url,
        "language": document.language if document.language in ("nl", "en") else "nl",
        "boost": document.boost,
        "created_at": document.created_at,
        "updated_at": document.updated_at or timezone.now(),
    }
    fields.update(
        backend().prepare(title=fields["title"], text=document.text, language=fields["language"])
    )
    saved, _created = SearchDocument.objects.update_or_create(
        kind=kind, object_id=object_id, defaults=fields
    )
    _vocabulary_add(document.title, document.text)
    return saved


def index_later(kind: str, object_id: int) -> None:
    """After the current transaction commits, (re)index one object as a task."""
    from kring.search.tasks import search_index

    transaction.on_commit(lambda: search_index.enqueue(kind=kind, object_id=object_id))


def index_rebuild(*, progress: Callable[[int, int], None] | None = None) -> int:
    """Index every object of every kind again and drop documents of objects that are gone.

    `progress(done, total)` is called after each batch. Returns the number of documents.
    """
    total = sum(k.queryset().count() for k in kinds())
    done = written = 0
    for search_kind in kinds():
        ids = list(search_kind.queryset().order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), REBUILD_BATCH):
            batch = ids[start : start + REBUILD_BATCH]
            for object_id in batch:
                if document_index(kind=search_kind.kind, object_id=object_id) is not None:
                    written += 1
            done += len(batch)
            if progress is not None:
                progress(done, total)
        existing = search_kind.queryset().values("pk")
        for stale in SearchDocument.objects.filter(kind=search_kind.kind).exclude(
            object_id__in=existing
        ):
            document_remove(kind=stale.kind, object_id=stale.object_id)
    return written
