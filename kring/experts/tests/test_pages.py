"""The "Wie weet hier meer van?" block on the topic and search pages, and the profile's
answered questions and knowledge pages: a member sees secret-group knowledge, an outsider not."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kring.experts.tests.helpers import answered_question
from kring.knowledge.services import page_create
from kring.posts import services as post_services
from kring.search.services import index_rebuild

HTMX = {"HX-Request": "true", "HX-Target": "search-results"}


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _block(html: str) -> str:
    start = html.index('<div id="who-knows"')
    return html[start : html.index("</section>", start)]


def test_search_page_passes_if_block_shows_colleagues_with_reasons(knowledge):
    page = _client(knowledge.erik).get("/search/", {"q": "inkoop"}).content.decode()
    assert 'hx-get="/experts/?q=inkoop" hx-trigger="load"' in page
    html = _client(knowledge.erik).get("/experts/", {"q": "inkoop"}).content.decode()
    block = _block(html)
    assert "Wie weet hier meer van?" in block
    assert block.index("Bram") < block.index("Carla") < block.index("Dirk")
    assert "2 geaccepteerde antwoorden" in block
    assert "Eigenaar van 1 kennispagina" in block
    assert "Expertise: inkoop" in block
    assert f'href="{knowledge.bram.get_absolute_url()}"' in block
    assert "/messages/new/?to=bram" in block
    assert 'aria-label="Stuur een bericht aan Bram"' in block


def test_search_page_fails_if_outsider_would_see_secret_answer_counted(knowledge):
    html = _client(knowledge.erik).get("/experts/", {"q": "fusie adviseur"}).content.decode()
    assert "Wie weet hier meer van?" not in html
    assert "Fien" not in html
    block = _block(_client(knowledge.erik).get("/experts/", {"q": "inkoop"}).content.decode())
    assert "3 geaccepteerde antwoorden" not in block
    assert "Fien" not in block


def test_search_page_passes_if_member_sees_secret_answer_counted(knowledge):
    html = _client(knowledge.anna).get("/experts/", {"q": "fusie adviseur"}).content.decode()
    block = _block(html)
    assert "Fien" in block and "1 geaccepteerd antwoord" in block
    block = _block(_client(knowledge.anna).get("/experts/", {"q": "inkoop"}).content.decode())
    assert "3 geaccepteerde antwoorden" in block


def test_search_results_fragment_returns_block_loader_out_of_band_if_htmx(knowledge):
    response = _client(knowledge.erik).get("/search/", {"q": "inkoop"}, headers=HTMX)
    assert (
        '<div id="who-knows" hx-swap-oob="true" hx-get="/experts/?q=inkoop" hx-trigger="load"'
        in response.content.decode()
    )
    # A search nobody knows about (or none at all) shows no block.
    html = _client(knowledge.erik).get("/experts/", {"q": "zwembad"}).content.decode()
    assert html.strip() == '<div id="who-knows">\n\n</div>'
    assert "Wie weet" not in _client(knowledge.erik).get("/experts/").content.decode()


def test_who_knows_block_fails_if_anonymous_or_bad_input(knowledge):
    response = Client().get("/experts/", {"q": "inkoop"})
    assert response.status_code == 302
    assert "Bram" not in response.content.decode()
    client = _client(knowledge.erik)
    for query in ('"OR NEAR( *', "x" * 5000, "inkoop AND (laptops OR"):
        assert client.get("/experts/", {"q": query}).status_code == 200
    assert client.post("/experts/", {"q": "inkoop"}).status_code == 405


def test_topic_page_passes_if_block_shows_reasons_for_member_and_not_for_outsider(knowledge):
    outsider = _client(knowledge.erik).get("/topics/inkoop/").content.decode()
    block = _block(outsider)
    assert "Schreef 3 berichten over #inkoop" in block
    assert "2 geaccepteerde antwoorden" in block
    assert "Fien" not in block
    member = _block(_client(knowledge.anna).get("/topics/inkoop/").content.decode())
    assert "Fien" in member and "3 geaccepteerde antwoorden" in member


def test_topic_page_returns_no_block_if_nobody_knows(knowledge):
    post_services.post_create(actor=knowledge.erik, group=None, body="Wie gaat er mee #zwemmen?")
    index_rebuild()
    html = _client(knowledge.erik).get("/topics/zwemmen/").content.decode()
    assert "Wie weet hier meer van?" not in html


def test_profile_passes_if_member_sees_secret_answered_question(knowledge):
    html = _client(knowledge.anna).get(knowledge.bram.get_absolute_url()).content.decode()
    assert "Beantwoorde vragen" in html
    assert "Geheime inkoop van de nieuwe directieauto?" in html
    assert "Hoe werkt inkoop van laptops?" in html


def test_profile_fails_if_outsider_would_see_secret_answered_question(knowledge):
    html = _client(knowledge.erik).get(knowledge.bram.get_absolute_url()).content.decode()
    assert "Hoe werkt inkoop van laptops?" in html
    assert "directieauto" not in html
    fien = _client(knowledge.erik).get(knowledge.fien.get_absolute_url()).content.decode()
    assert "Beantwoorde vragen" not in fien and "fusie" not in fien


def test_profile_passes_if_pages_listed_with_more_count(knowledge):
    for number in range(5):
        page_create(actor=knowledge.carla, group=None, title=f"Offertes deel {number}", body="")
    html = _client(knowledge.erik).get(knowledge.carla.get_absolute_url()).content.decode()
    assert "Kennispagina&#x27;s" in html or "Kennispagina's" in html
    assert "Nog geen geaccepteerde antwoorden die jij kunt zien." in html
    assert "En nog 1 pagina" in html


def _queries(client: Client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return len(captured.captured_queries), response.content.decode()


def test_profile_passes_if_query_count_does_not_grow_with_answers(knowledge):
    client = _client(knowledge.erik)
    url = knowledge.bram.get_absolute_url()
    client.get(url)  # warm the fragment cache
    few, _ = _queries(client, url)
    for number in range(8):
        answered_question(
            asker=knowledge.anna,
            answerer=knowledge.bram,
            group=None,
            title=f"Vraag {number} over inkoop?",
            answer="Zo.",
        )
    many, html = _queries(client, url)
    assert "En nog 5 vragen" in html
    assert many == few + 1  # the total is counted once there are more than shown
