"""The search page and the API: filters, paging, bad input, never a 500."""

import pytest
from django.test import Client

from kring.groups import services as group_services
from kring.search import selectors


@pytest.fixture
def client_of(db):
    def _client(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return _client


def test_search_page_returns_results_with_marked_snippet_if_query_matches(
    colleague, write, client_of
):
    write("De <b>vergadering</b> is morgen.")
    response = client_of(colleague).get("/search/", {"q": "vergaderingen"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "<mark>vergadering</mark>" in body
    assert "&lt;b&gt;" in body and "<b>vergadering" not in body
    assert "1 resultaat" in body or "1 result" in body


def test_search_page_returns_empty_state_if_nothing_matches(colleague, write, client_of):
    write("Iets over koffie.")
    response = client_of(colleague).get("/search/", {"q": "zeilboot"})
    assert response.status_code == 200
    assert "zeilboot" in response.content.decode()


def test_search_page_returns_prompt_if_no_query(colleague, client_of):
    response = client_of(colleague).get("/search/")
    assert response.status_code == 200


def test_search_page_redirects_if_signed_out(db):
    response = Client().get("/search/", {"q": "x"})
    assert response.status_code == 302


@pytest.mark.parametrize(
    "params",
    [
        {"q": '"rooster" OR NEAR(a', "kind": "zzz", "group": "abc", "sort": "x"},
        {"q": "rooster", "date_from": "2026-13-45", "date_to": "gisteren", "page": "-3"},
        {"q": "rooster", "page": "99999999999999999999", "group": "99999999999999999999999"},
        {"q": "x" * 10_000, "author": "niemand"},
        {"q": "\x01\x02\u200b", "kind": "post"},
        {"q": "rooster", "date_from": "0001-01-01", "date_to": "9999-12-31"},
    ],
)
def test_search_page_returns_200_if_input_is_bad(colleague, write, client_of, params):
    write("Het rooster.")
    client = client_of(colleague)
    assert client.get("/search/", params).status_code == 200
    assert client.get("/api/v1/search", params).status_code in (200, 422)


def test_search_page_returns_only_group_if_group_filter(colleague, write, client_of):
    group = group_services.group_create(actor=colleague, name="Planning")
    write("Rooster in de groep.", group=group)
    write("Rooster voor iedereen.")
    body = client_of(colleague).get("/search/", {"q": "rooster", "group": group.pk}).content
    assert b"Rooster in de groep." in body and b"Rooster voor iedereen." not in body


def test_search_page_returns_pages_if_many_results(colleague, write, client_of, monkeypatch):
    monkeypatch.setattr(selectors, "PER_PAGE", 2)
    for number in range(5):
        write(f"Rooster nummer {number}")
    client = client_of(colleague)
    first = client.get("/search/", {"q": "rooster", "sort": "date"}).content.decode()
    third = client.get("/search/", {"q": "rooster", "sort": "date", "page": 3}).content.decode()
    assert "Rooster nummer 4" in first and "Rooster nummer 0" not in first
    assert "Rooster nummer 0" in third


def test_search_page_returns_only_authors_posts_if_author_filter(
    colleague, outsider, write, client_of
):
    write("Rooster van Anna.")
    write("Rooster van Otto.", author=outsider)
    body = client_of(colleague).get("/search/", {"q": "rooster", "author": "otto"}).content
    assert b"Rooster van Otto." in body and b"Rooster van Anna." not in body


def test_search_page_returns_fragment_if_htmx(colleague, write, client_of):
    write("Het rooster.")
    response = client_of(colleague).get(
        "/search/", {"q": "rooster"}, headers={"HX-Request": "true", "HX-Target": "search-results"}
    )
    assert b"<html" not in response.content and b"<mark>rooster</mark>" in response.content


def test_search_api_returns_results_and_facets(colleague, write, client_of):
    write("Het rooster voor december.")
    data = client_of(colleague).get("/api/v1/search", {"q": "roosters", "kind": "post"}).json()
    assert data["total"] == 1
    assert data["results"][0]["kind"] == "post"
    assert "<mark>rooster</mark>" in data["results"][0]["snippet"]
    assert (
        data["facets"] == [{"kind": "post", "label": "Berichten", "count": 1}]
        or data["facets"][0]["count"] == 1
    )


def test_search_api_returns_401_if_not_signed_in(db):
    assert Client().get("/api/v1/search", {"q": "x"}).status_code == 401


def test_index_follows_post_edit_and_delete_if_committed(
    colleague, django_capture_on_commit_callbacks
):
    from kring.posts import services as post_services
    from kring.search.models import SearchDocument

    with django_capture_on_commit_callbacks(execute=True):
        post = post_services.post_create(actor=colleague, group=None, body="Eerste versie")
    with django_capture_on_commit_callbacks(execute=True):
        reply = post_services.reply_create(actor=colleague, post=post, body="Een reactie")
    assert SearchDocument.objects.filter(kind="reply", object_id=reply.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        post_services.post_update(actor=colleague, post=post, body="Tweede versie over roosters")
    assert [
        r.document.object_id for r in selectors.search_for(colleague, query="rooster").results
    ] == [post.pk]
    with django_capture_on_commit_callbacks(execute=True):
        post_services.post_delete(actor=colleague, post=post)
    assert not SearchDocument.objects.filter(kind__in=["post", "reply"]).exists()


def test_index_follows_group_visibility_if_group_turns_secret(
    colleague, outsider, django_capture_on_commit_callbacks
):
    from kring.posts import services as post_services

    with django_capture_on_commit_callbacks(execute=True):
        group = group_services.group_create(actor=colleague, name="Tuinclub", visibility="open")
        post_services.post_create(actor=colleague, group=group, body="Snoeien in de tuin")
    assert selectors.search_for(outsider, query="snoeien").total == 1
    with django_capture_on_commit_callbacks(execute=True):
        group_services.group_update(
            actor=colleague, group=group, name="Tuinclub", description="", visibility="secret"
        )
    assert selectors.search_for(outsider, query="snoeien").total == 0
    assert selectors.search_for(outsider, query="tuinclub").total == 0


def test_reindex_command_returns_count_if_run(colleague, write, capsys):
    from django.core.management import call_command

    write("Het rooster.")
    call_command("reindex", verbosity=0)
    assert "search documents written" in capsys.readouterr().out


def test_search_page_returns_in_bounded_queries_if_results_grow(colleague, write, client_of):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_of(colleague)
    write("Rooster eerste")
    client.get("/search/", {"q": "rooster planning"})  # warm the session and caches
    with CaptureQueriesContext(connection) as few:
        client.get("/search/", {"q": "rooster planning"})
    for number in range(25):
        write(f"Rooster en planning {number}")
    with CaptureQueriesContext(connection) as many:
        client.get("/search/", {"q": "rooster planning"})
    # One fewer at most: "planning" is now a known word, so no look-up of similar words.
    # 11: the reader's groups, read once as literal ids for the planner (access.document_reach_rule).
    assert len(many) <= len(few) <= 11


def test_search_page_group_filter_lists_visible_groups_escaped_and_keeps_choice(
    colleague, outsider, secret_group, client_of
):
    from kring.groups import services as group_services

    shown = group_services.group_create(
        actor=colleague, name="Inkoop & Beheer", description="Open", visibility="open"
    )
    html = client_of(colleague).get("/search/", {"q": "x", "group": shown.pk}).content.decode()
    assert f'<option value="{shown.pk}" selected>Inkoop &amp; Beheer</option>' in html
    assert "Geheime raad" in html
    assert "Geheime raad" not in client_of(outsider).get("/search/", {"q": "x"}).content.decode()
