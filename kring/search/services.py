"""Writing the index: one object's document, removing one, rebuilding all."""

import heapq
import itertools
import queue
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any

from django.db import connection, connections, transaction
from django.db.models import DateTimeField, Exists, OuterRef, Q
from django.utils import timezone

from kring.search.backends import backend
from kring.search.models import SearchDocument, SearchTerm
from kring.search.registry import Document, SearchKind, kind_for, kinds
from kring.search.text import TERM_MAX_LENGTH, fold

VOCABULARY_MIN_LENGTH = 3
REBUILD_BATCH = 1000
# The columns a document's object decides; `_document_fields` fills them all.
DOCUMENT_FIELDS = (
    "scope", "group_id", "author_id", "parent_key", "title", "text", "url", "language",
    "boost", "created_at", "updated_at", "title_terms", "text_terms",
)  # fmt: skip


# A word of the vocabulary: 3 to 40 letters or digits, a whole word as `words()` splits
# them (after the same `fold`, "_" as a space). The pattern checks the lengths, and
# "all digits?" is asked once per different word: a rebuild of three million documents
# reads some 140 million words.
_VOCABULARY_WORD = re.compile(rf"(?<!\w)\w{{{VOCABULARY_MIN_LENGTH},{TERM_MAX_LENGTH}}}(?!\w)")


def _vocabulary_terms(*texts: str) -> set[str]:
    found: set[str] = set()
    for text in texts:
        found.update(_VOCABULARY_WORD.findall(fold(text).replace("_", " ")))
    return {word for word in found if not word.isdigit()}


def _vocabulary_add(*texts: str) -> None:
    terms = _vocabulary_terms(*texts)
    SearchTerm.objects.bulk_create(
        [SearchTerm(term=term) for term in sorted(terms)], ignore_conflicts=True
    )


def _document_fields(document: Document) -> dict[str, Any]:
    """The SearchDocument columns for `document`, the backend's own included."""
    title = document.title[:300]
    language = document.language if document.language in ("nl", "en") else "nl"
    fields = {
        "scope": document.scope,
        "group_id": document.group_id,
        "author_id": document.author_id,
        "parent_key": document.parent_key,
        "title": title,
        "text": document.text,
        "url": document.url,
        "language": language,
        "boost": document.boost,
        "created_at": document.created_at,
        "updated_at": document.updated_at or timezone.now(),
        "title_terms": "",
        "text_terms": "",
    }
    fields.update(backend().prepare(title=title, text=document.text, language=language))
    return fields


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
    saved, _created = SearchDocument.objects.update_or_create(
        kind=kind, object_id=object_id, defaults=_document_fields(document)
    )
    _vocabulary_add(document.title, document.text)
    return saved


def index_later(kind: str, object_id: int) -> None:
    """After the current transaction commits, (re)index one object as a task."""
    from kring.search.tasks import search_index

    transaction.on_commit(lambda: search_index.enqueue(kind=kind, object_id=object_id))


def index_rebuild(*, progress: Callable[[int, int], None] | None = None) -> int:
    """Index every object of every kind again and drop documents of objects that are gone.

    The objects of all kinds come merged by date, oldest first (each kind read in pk
    order, which follows its dates), so on an empty index a document's id follows its
    date across kinds, as it does for documents indexed when their object is made: SQLite
    takes the newest matches by id (backends.sqlite). Works in batches of REBUILD_BATCH
    objects: one query per kind reads them with what their documents need, one per kind
    compares with the documents there, one writes those that changed (an upsert), one per
    kind removes those of objects that are not findable, one adds new words to the
    vocabulary. The result is what `document_index` gives for each object.
    `progress(done, total)` is called after each batch. Returns the number of documents.

    Outside a transaction the batches are written by a second thread with its own
    connection, in order, while this one reads and prepares the next: the database's half
    of the work (the search vector, the indexes) and Python's half overlap. Inside a
    caller's transaction (a test's) everything runs here, on the caller's connection.
    """
    total = sum(k.queryset().count() for k in kinds())
    known_terms = set(SearchTerm.objects.values_list("term", flat=True).iterator(10_000))
    # Into an empty index (a fresh install, `seed scale`) nothing can be unchanged: no batch
    # needs to read what is stored.
    store = _Store(compare=SearchDocument.objects.exists())
    done = 0
    with _writer(store, background=not connection.in_atomic_block) as write:
        for batch in _batched(_in_date_order(), REBUILD_BATCH):
            write(_batch_prepare(batch, known_terms))
            done += len(batch)
            if progress is not None:
                progress(done, total)
    for search_kind in kinds():
        _stale_remove(search_kind)
    backend().index_optimise()
    return store.written


# One object on its way into the index: its kind, the object, its document (None: hidden).
Item = tuple[SearchKind, Any, Document | None]
_NO_DATE = datetime.min.replace(tzinfo=UTC)


def _in_date_order() -> Iterator[Item]:
    """The objects of every kind with their documents, merged by the documents' dates."""

    def stream(search_kind: SearchKind) -> Iterator[tuple[tuple, Item]]:
        for batch in _batches(search_kind):
            for obj in batch:
                document = search_kind.document(obj)
                moment = document.created_at if document is not None else _NO_DATE
                yield (moment, search_kind.order, obj.pk), (search_kind, obj, document)

    merged = heapq.merge(*(stream(k) for k in kinds()), key=itemgetter(0))
    return (item for _key, item in merged)


def _batched(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    while batch := list(itertools.islice(items, size)):
        yield batch


def _batches(search_kind: SearchKind) -> Iterator[list[Any]]:
    """The kind's objects in pk order, REBUILD_BATCH at a time (keyset, not OFFSET)."""
    last = None
    while True:
        if search_kind.rebuild_batch is not None:
            batch = search_kind.rebuild_batch(last, REBUILD_BATCH)
        else:
            queryset = search_kind.queryset().order_by("pk")
            if last is not None:
                queryset = queryset.filter(pk__gt=last)
            batch = list(queryset[:REBUILD_BATCH])
        if not batch:
            return
        yield batch
        last = batch[-1].pk


@dataclass
class _Prepared:
    """One batch, ready to be written: its documents' columns, the objects that are not
    findable (by kind) and the words the vocabulary does not know yet."""

    wanted: dict[tuple[str, int], dict[str, Any]]
    hidden: dict[str, list[int]]
    new_terms: set[str]


def _batch_prepare(batch: list[Item], known_terms: set[str]) -> _Prepared:
    """What writing `batch` takes, without the database. The new words count as known
    from here on (`known_terms` grows)."""
    prepared = _Prepared({}, {}, set())
    for search_kind, obj, document in batch:
        if document is None:
            prepared.hidden.setdefault(search_kind.kind, []).append(obj.pk)
            continue
        prepared.wanted[(search_kind.kind, obj.pk)] = _document_fields(document)
        prepared.new_terms |= _vocabulary_terms(document.title, document.text) - known_terms
    known_terms |= prepared.new_terms
    return prepared


@dataclass
class _Store:
    """Writes prepared batches, each in its own transaction, and counts the documents.

    `compare`: leave documents that are stored as they would be written alone.
    """

    compare: bool
    written: int = 0
    analysed: int = 0

    def __call__(self, prepared: _Prepared) -> None:
        with transaction.atomic():
            self._write(prepared)
        self.written += len(prepared.wanted)
        if self.written >= 2 * self.analysed + REBUILD_BATCH:
            # A table that grows from (nearly) empty keeps the statistics of an empty one,
            # and PostgreSQL then read it whole for each batch's comparison: 96 s of the
            # first 200,000 documents' 152 (bench/README.md). Refreshed as the table
            # doubles: some twelve times for three million documents.
            backend().index_analyse()
            self.analysed = self.written

    def _write(self, prepared: _Prepared) -> None:
        wanted = prepared.wanted
        # Running reindex again mostly finds the same documents: leave those alone.
        unchanged = set()
        for kind in {kind for kind, _pk in wanted} if self.compare else ():
            pks = [pk for each, pk in wanted if each == kind]
            stored = SearchDocument.objects.filter(kind=kind, object_id__in=pks).values(
                "object_id", *DOCUMENT_FIELDS
            )
            for row in stored:
                key = (kind, row.pop("object_id"))
                if row == wanted[key]:
                    unchanged.add(key)
        _documents_upsert([(key, row) for key, row in wanted.items() if key not in unchanged])
        for kind, pks in prepared.hidden.items():
            # Still there but not findable itself: like document_index, its children stay.
            SearchDocument.objects.filter(kind=kind, object_id__in=pks).delete()
        if prepared.new_terms:
            SearchTerm.objects.bulk_create(
                [SearchTerm(term=term) for term in sorted(prepared.new_terms)],
                ignore_conflicts=True,
            )


@contextmanager
def _writer(store: _Store, *, background: bool) -> Iterator[Callable[[_Prepared], None]]:
    """A function that writes a prepared batch with `store`: at once, or (`background`)
    handed to a thread that writes the batches in the order given, at most two waiting.

    Leaving the block waits until every batch is written; the thread's error, if any, is
    raised here (at the latest when leaving), and no batch after it is written.
    """
    if not background:
        yield store
        return
    waiting: queue.Queue[_Prepared | None] = queue.Queue(maxsize=2)
    failed: list[BaseException] = []

    def work() -> None:
        try:
            while (prepared := waiting.get()) is not None:
                if not failed:
                    try:
                        store(prepared)
                    except BaseException as error:  # noqa: BLE001 - raised in the caller
                        failed.append(error)
        finally:
            connections.close_all()  # this thread's own connection

    thread = threading.Thread(target=work, name="kring-reindex-writer", daemon=True)
    thread.start()

    def write(prepared: _Prepared) -> None:
        if failed:
            raise failed[0]
        waiting.put(prepared)

    try:
        yield write
    finally:
        waiting.put(None)
        thread.join()
    if failed:
        raise failed[0]


def _documents_upsert(documents: list[tuple[tuple[str, int], dict[str, Any]]]) -> None:
    """Insert or overwrite documents, as the backend writes a batch best.

    Plain SQL rather than bulk_create(update_conflicts=True): building a thousand model
    instances and compiling their INSERT cost more than the database's own work.
    """
    if not documents:
        return
    fields = [SearchDocument._meta.get_field(name) for name in ("kind", "object_id")]
    fields += [SearchDocument._meta.get_field(name) for name in DOCUMENT_FIELDS]
    # `_document_fields` gives each column its Python type already (str, int or None,
    # float; dates with their time zone): only the dates may need the database's form (a
    # string on SQLite). Converting every column of every row through its field was a
    # third of a rebuild's own time.
    moments = [n for n, field in enumerate(fields) if isinstance(field, DateTimeField)]
    adapt = connection.ops.adapt_datetimefield_value
    rows = []
    for (kind, pk), values in documents:
        row = [kind, pk, *map(values.__getitem__, DOCUMENT_FIELDS)]
        for position in moments:
            row[position] = adapt(row[position])
        rows.append(row)
    with connection.cursor() as cursor:
        backend().documents_write(cursor, fields, rows)


def _stale_remove(search_kind: SearchKind) -> None:
    """Remove the documents of objects that are gone, with their children's."""
    kind = search_kind.kind
    present = search_kind.queryset().filter(pk=OuterRef("object_id"))
    stale = SearchDocument.objects.filter(kind=kind).exclude(Exists(present))
    gone = list(stale.values_list("object_id", flat=True))
    for chunk in _chunks(gone, REBUILD_BATCH):
        SearchDocument.objects.filter(
            Q(kind=kind, object_id__in=chunk) | Q(parent_key__in=[f"{kind}:{pk}" for pk in chunk])
        ).delete()


def _chunks(items: list[int], size: int) -> Iterable[list[int]]:
    return (items[start : start + size] for start in range(0, len(items), size))
