"""The batched rebuild (`kring manage reindex`) writes what indexing one object at a time does."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kring.files import services as file_services
from kring.files.tests.samples import upload
from kring.groups import services as group_services
from kring.knowledge import services as knowledge_services
from kring.knowledge.models import Page
from kring.people.models import Department, Expertise
from kring.people.services import user_create
from kring.posts import services as post_services
from kring.posts.models import Post, Reply
from kring.questions.services import question_accept_answer, question_create
from kring.search import selectors, services
from kring.search.models import SearchDocument, SearchTerm
from kring.search.registry import kinds
from kring.search.services import DOCUMENT_FIELDS, document_index, index_rebuild


def _snapshot() -> tuple[dict, set[str]]:
    """Every document's columns (PostgreSQL's search_vector too) and the vocabulary."""
    documents = {
        (row.pop("kind"), row.pop("object_id")): row
        for row in SearchDocument.objects.values("kind", "object_id", *DOCUMENT_FIELDS)
    }
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT kind, object_id, search_vector::text FROM search_searchdocument")
            for kind, object_id, vector in cursor.fetchall():
                documents[(kind, object_id)]["search_vector"] = vector
    return documents, set(SearchTerm.objects.values_list("term", flat=True))


def _outdated_index(post_id: int, question_post_id: int) -> None:
    """An index as an older release left it: a stale title, a gone post with a reply, and a
    `post` document for a post that is found as its question now."""
    SearchDocument.objects.all().delete()
    SearchTerm.objects.all().delete()
    common = {"scope": "space", "url": "/x/", "text": "oude tekst"}
    SearchDocument.objects.create(kind="post", object_id=post_id, title="Oude titel", **common)
    SearchDocument.objects.create(kind="post", object_id=question_post_id, title="Vraag", **common)
    SearchDocument.objects.create(kind="post", object_id=999_999, title="Weg", **common)
    SearchDocument.objects.create(
        kind="reply", object_id=999_998, parent_key="post:999999", title="Weg", **common
    )


@pytest.fixture
def organisation(db):
    """A bit of everything search knows: people, groups, posts, replies, a question with an
    accepted answer, a knowledge page, a file with its text, a topic."""
    department = Department.objects.create(name="Burgerzaken", slug="burgerzaken")
    anna = user_create(username="anna", first_name="Anna", last_name="de Vries")
    anna.department, anna.job_title = department, "Adviseur vergunningen"
    anna.save(update_fields=["department", "job_title"])
    anna.expertise.add(Expertise.objects.create(name="Omgevingswet"))
    bram = user_create(username="bram", first_name="Bram", last_name="Jansen")
    user_create(username="oud", first_name="Oud", last_name="Account", is_active=False)
    group = group_services.group_create(
        actor=anna, name="Fietsclub", description="Samen naar het werk", visibility="closed"
    )
    post = post_services.post_create(
        actor=anna, group=group, body="**Fietsenstalling** vol? Zet je fiets bij #mobiliteit."
    )
    post_services.reply_create(actor=anna, post=post, body="Bij de achteringang is plek.")
    gone = post_services.reply_create(actor=anna, post=post, body="Verwijderd antwoord")
    post_services.reply_delete(actor=anna, reply=gone)
    asked = post_services.post_create(actor=bram, group=None, body="Hoe declareer ik reiskosten?")
    question_create(actor=bram, post=asked, title="Reiskosten declareren")
    answer = post_services.reply_create(actor=anna, post=asked, body="Via het personeelsportaal.")
    question_accept_answer(actor=bram, post=asked, reply_id=answer.pk)
    knowledge_services.page_create(
        actor=anna, group=None, title="Inwerken", body="## Eerste dag\n\nHaal je *pas* op."
    )
    library_file = file_services.file_upload(
        actor=anna, group=group, upload=upload("notulen.txt", b"Begroting 2027", "text/plain")
    )
    file_services.version_text_store(
        version_id=library_file.current_id, text="Begroting 2027 goedgekeurd", state="done"
    )
    return {"post": post, "question_post": asked, "anna": anna}


def test_index_rebuild_returns_same_index_as_one_by_one_if_index_was_outdated(organisation):
    post, asked = organisation["post"], organisation["question_post"]
    _outdated_index(post.pk, asked.pk)
    for search_kind in kinds():
        for pk in search_kind.queryset().values_list("pk", flat=True):
            document_index(kind=search_kind.kind, object_id=pk)
    document_index(kind="post", object_id=999_999)  # gone: with its reply
    one_by_one = _snapshot()
    _outdated_index(post.pk, asked.pk)

    written = index_rebuild()

    rebuilt = _snapshot()
    assert rebuilt == one_by_one
    assert written == len(rebuilt[0])
    assert {kind for kind, _ in rebuilt[0]} == {
        "person", "group", "post", "reply", "question", "page", "file", "topic",
    }  # fmt: skip
    assert ("post", 999_999) not in rebuilt[0] and ("reply", 999_998) not in rebuilt[0]
    assert rebuilt[0][("post", post.pk)]["title"].startswith("Fietsenstalling vol?")


def test_index_rebuild_returns_same_index_if_run_twice(organisation):
    index_rebuild()
    first = _snapshot()
    ids = set(SearchDocument.objects.values_list("pk", flat=True))
    index_rebuild()
    assert _snapshot() == first
    assert set(SearchDocument.objects.values_list("pk", flat=True)) == ids


def test_index_rebuild_returns_findable_documents_if_batches_are_small(organisation, monkeypatch):
    monkeypatch.setattr(services, "REBUILD_BATCH", 2)
    index_rebuild()
    found = selectors.search_for(organisation["anna"], query="fietsenstalling achteringang")
    assert {r.document.kind for r in found.results} == {"post", "reply"}
    assert selectors.search_for(organisation["anna"], query="personeelsportaal").total == 1


def test_index_rebuild_returns_progress_up_to_total_if_run(organisation, monkeypatch):
    monkeypatch.setattr(services, "REBUILD_BATCH", 3)
    calls = []
    index_rebuild(progress=lambda done, total: calls.append((done, total)))
    total = sum(k.queryset().count() for k in kinds())
    assert calls[-1] == (total, total)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_index_rebuild_returns_in_same_queries_if_more_objects(db):
    anna = user_create(username="anna", first_name="Anna", last_name="de Vries")

    def queries_for(posts: int) -> int:
        for number in range(posts):
            post = post_services.post_create(actor=anna, group=None, body=f"Bericht {number}")
            post_services.reply_create(actor=anna, post=post, body=f"Reactie {number}")
        SearchDocument.objects.all().delete()
        SearchTerm.objects.all().delete()
        with CaptureQueriesContext(connection) as queries:
            index_rebuild()
        return len(queries)

    assert queries_for(2) == queries_for(20)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 table and trigger")
def test_index_rebuild_leaves_fts_rows_and_insert_trigger_as_one_by_one_if_sqlite(
    organisation, monkeypatch
):
    """A rebuild writes FTS5 rows a batch at a time with the insert trigger set aside
    (backends/sqlite.py); afterwards every document has its row and the trigger is back."""
    monkeypatch.setattr(services, "REBUILD_BATCH", 2)
    SearchDocument.objects.all().delete()
    index_rebuild()
    with connection.cursor() as cursor:
        cursor.execute("SELECT rowid FROM search_fts ORDER BY rowid")
        fts_rows = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'search_fts_insert'")
        assert cursor.fetchone() is not None
    assert fts_rows == sorted(SearchDocument.objects.values_list("pk", flat=True))
    # A post indexed later, one by one (as the task does), goes in through the trigger.
    later = post_services.post_create(
        actor=organisation["anna"], group=None, body="Het wombatkoor zingt vrijdag"
    )
    document_index(kind="post", object_id=later.pk)
    found = selectors.search_for(organisation["anna"], query="wombatkoor")
    assert [r.document.object_id for r in found.results] == [later.pk]


def test_index_rebuild_returns_ids_in_date_order_across_kinds_if_index_was_empty(
    organisation, monkeypatch
):
    # SQLite ranks the newest matches by id (backends/sqlite.py): a rebuild numbers the
    # documents of all kinds by date, as indexing them when they are made does.
    post = organisation["post"]
    Post.objects.filter(pk=post.pk).update(created_at=timezone.now() + timedelta(days=3))
    Reply.objects.filter(post=post).update(created_at=timezone.now() - timedelta(days=400))
    Page.objects.update(created_at=timezone.now() - timedelta(days=800))
    SearchDocument.objects.all().delete()
    monkeypatch.setattr(services, "REBUILD_BATCH", 2)
    index_rebuild()
    by_id = list(SearchDocument.objects.order_by("pk").values_list("kind", "created_at"))
    assert [created for _kind, created in by_id] == sorted(created for _kind, created in by_id)
    assert by_id[0][0] == "page" and by_id[-1][0] == "post"


@pytest.mark.django_db(transaction=True)
def test_index_rebuild_returns_same_index_as_one_by_one_if_written_by_a_second_thread(
    organisation, monkeypatch
):
    # Outside a transaction the batches are written by a second thread with its own
    # connection (services._writer); everything else here runs in one, on one connection.
    # Saved posts were indexed as they were made (their words stay in the vocabulary).
    SearchDocument.objects.all().delete()
    SearchTerm.objects.all().delete()
    for search_kind in kinds():
        for pk in search_kind.queryset().values_list("pk", flat=True):
            document_index(kind=search_kind.kind, object_id=pk)
    one_by_one = _snapshot()
    SearchDocument.objects.all().delete()
    SearchTerm.objects.all().delete()
    monkeypatch.setattr(services, "REBUILD_BATCH", 2)
    assert not connection.in_atomic_block

    written = index_rebuild()

    assert _snapshot() == one_by_one
    assert written == len(one_by_one[0])
    by_id = list(SearchDocument.objects.order_by("pk").values_list("created_at", flat=True))
    assert by_id == sorted(by_id)


@pytest.mark.django_db(transaction=True)
def test_index_rebuild_fails_and_writes_no_later_batch_if_the_writing_thread_fails(
    organisation, monkeypatch
):
    SearchDocument.objects.all().delete()
    monkeypatch.setattr(services, "REBUILD_BATCH", 2)
    written_before = services._Store._write
    calls = []

    def write_then_fail(store, prepared):
        calls.append(len(prepared.wanted))
        if len(calls) == 2:
            raise RuntimeError("disk full")
        written_before(store, prepared)

    monkeypatch.setattr(services._Store, "_write", write_then_fail)

    with pytest.raises(RuntimeError, match="disk full"):
        index_rebuild()

    assert SearchDocument.objects.count() == calls[0]
    assert len(calls) == 2
