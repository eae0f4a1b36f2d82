"""Questions, knowledge pages and library files in search (issue 5)."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from kring.files import services as file_services
from kring.files.tests.samples import upload
from kring.knowledge import services as knowledge_services
from kring.knowledge.models import Page
from kring.posts import services as post_services
from kring.questions.services import (
    question_accept_answer,
    question_create,
    question_unaccept_answer,
)
from kring.search import selectors
from kring.search.models import SearchDocument

# Real commits: the index follows each change after its transaction commits.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def client_of(db):
    def _client(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return _client


def _ask(actor, title, body="Wie weet het?", group=None):
    post = post_services.post_create(actor=actor, group=group, body=body)
    question_create(actor=actor, post=post, title=title)
    return post


def _found(viewer, query, kind=""):
    filters = selectors.SearchFilters(kind=kind)
    return selectors.search_for(viewer, query=query, filters=filters)


def test_question_is_found_by_inflected_word_if_asked(colleague, client_of):
    _ask(colleague, "Hoe declareer ik reiskosten voor de fiets?")
    response = client_of(colleague).get("/search/", {"q": "fietsen", "kind": "question"})
    body = response.content.decode()
    assert "Hoe declareer ik reiskosten voor de fiets?" in body
    assert "Vragen" in body  # the kind filter
    assert '<p class="search-result-kind muted small">Vraag ·' in body  # the result itself
    found = _found(colleague, "fietsen")
    assert [r.document.kind for r in found.results] == ["question"]  # not twice, as a post


def test_question_keeps_its_answers_in_index_if_post_is_edited(colleague):
    post = _ask(colleague, "Waar staat de printer?", body="Ik zoek hem al een uur.")
    post_services.reply_create(actor=colleague, post=post, body="Bij de koffieautomaat.")
    post_services.post_update(actor=colleague, post=post, body="Ik zoek de kleurenprinter.")
    answer = _found(colleague, "koffieautomaat").results
    assert [(r.document.kind, r.title) for r in answer] == [("reply", "Waar staat de printer?")]
    assert _found(colleague, "kleurenprinter").results[0].document.kind == "question"


def test_question_leaves_index_if_post_is_deleted(colleague):
    post = _ask(colleague, "Wie heeft de sleutel van het magazijn?")
    post_services.post_delete(actor=colleague, post=post)
    assert _found(colleague, "magazijn").total == 0
    assert not SearchDocument.objects.filter(kind="question").exists()


def test_question_ranks_higher_if_its_answer_is_accepted(colleague, outsider):
    older = _ask(colleague, "Vakantiedagen overzetten", body="Kan dat?")
    newer = _ask(colleague, "Vakantiedagen overzetten", body="Kan dat?")
    # Equal text: the newer one wins on recency alone, until the older one is answered.
    assert [
        r.document.object_id for r in _found(colleague, "vakantiedagen", "question").results
    ] == [
        newer.pk,
        older.pk,
    ]
    reply = post_services.reply_create(actor=outsider, post=older, body="Ja, tot mei.")
    question_accept_answer(actor=colleague, post=older, reply_id=reply.pk)
    ranked = [r.document.object_id for r in _found(colleague, "vakantiedagen", "question").results]
    assert ranked == [older.pk, newer.pk]
    question_unaccept_answer(actor=colleague, post=older)
    ranked = [r.document.object_id for r in _found(colleague, "vakantiedagen", "question").results]
    assert ranked == [newer.pk, older.pk]


def test_page_is_found_by_body_word_if_created(colleague, client_of):
    knowledge_services.page_create(
        actor=colleague,
        group=None,
        title="Inwerken van nieuwe collega's",
        body="## Eerste dag\n\nHaal je **toegangspas** op bij de receptie.",
    )
    response = client_of(colleague).get("/search/", {"q": "toegangspassen", "kind": "page"})
    body = response.content.decode()
    assert "Inwerken van nieuwe collega" in body
    assert "Kennisbank" in body
    assert "**" not in body and "##" not in body


def test_page_is_found_by_new_text_if_updated_and_restored(colleague):
    page = knowledge_services.page_create(
        actor=colleague, group=None, title="Parkeren", body="Parkeer in de garage."
    )
    page = knowledge_services.page_update(
        actor=colleague,
        page=page,
        base_version=page.version,
        title="Parkeren",
        body="Parkeer op het plein.",
        folder=None,
        kind=page.kind,
        is_onboarding=False,
    )
    assert _found(colleague, "plein").total == 1
    assert _found(colleague, "garage").total == 0
    knowledge_services.page_restore(actor=colleague, page=page, number=1)
    assert _found(colleague, "garage").total == 1


def test_page_ranks_by_review_state_if_confirmed_or_stale(colleague):
    def make(title):
        return knowledge_services.page_create(
            actor=colleague, group=None, title=title, body="Over de thuiswerkregeling."
        )

    stale, confirmed = make("Oud"), make("Bevestigd")
    make("Gewoon")
    Page.objects.filter(pk=stale.pk).update(review_by=timezone.localdate() - timedelta(days=1))
    knowledge_services.page_reviews_remind()  # the hourly task: it is past its date now
    knowledge_services.page_confirm(actor=colleague, page=confirmed)
    titles = [r.document.title for r in _found(colleague, "thuiswerkregeling").results]
    assert titles == ["Bevestigd", "Gewoon", "Oud"]


def test_file_is_found_by_word_in_its_text_if_extracted(colleague, client_of):
    content = b"Notulen van het overleg. De begroting voor 2027 is goedgekeurd."
    file_services.file_upload(
        actor=colleague, group=None, upload=upload("notulen.txt", content, "text/plain")
    )
    response = client_of(colleague).get("/search/", {"q": "begrotingen", "kind": "file"})
    body = response.content.decode()
    assert "notulen.txt" in body
    assert "Bestanden" in body


def test_file_is_found_by_new_text_if_new_version(colleague):
    library_file = file_services.file_upload(
        actor=colleague,
        group=None,
        upload=upload("rooster.txt", b"Rooster voor januari.", "text/plain"),
    )
    file_services.file_version_add(
        actor=colleague,
        file=library_file,
        upload=upload("rooster.txt", b"Rooster voor februari.", "text/plain"),
    )
    assert _found(colleague, "februari").total == 1
    assert _found(colleague, "januari").total == 0


def test_secret_group_items_are_not_found_if_outsider(colleague, outsider, secret_group):
    _ask(colleague, "Geheim plan voor de fusie?", group=secret_group)
    knowledge_services.page_create(
        actor=colleague, group=secret_group, title="Fusie draaiboek", body="Het plan."
    )
    file_services.file_upload(
        actor=colleague,
        group=secret_group,
        upload=upload("fusie.txt", b"Fusie met de buren.", "text/plain"),
    )
    assert _found(colleague, "fusie").total == 3
    found = _found(outsider, "fusie")
    assert (found.total, found.facets, found.results) == (0, [], [])
