""" "Ask before you post": questions and knowledge pages that may already answer a title."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kring.knowledge import services as knowledge_services
from kring.posts import services as post_services
from kring.questions.services import question_accept_answer
from kring.questions.tests.helpers import answer, ask
from kring.search.services import index_rebuild

HTMX = {"HTTP_HX_REQUEST": "true"}
URL = reverse("questions:suggestions")


def _suggestions(client, title: str) -> str:
    response = client.get(URL, {"question_title": title}, **HTMX)
    assert response.status_code == 200
    return response.content.decode()


def test_question_suggestions_returns_answered_question_and_page_if_title_matches(
    world, client_for
):
    post = ask(world.member, world.groups["open"], title="Hoe vraag ik verlof aan voor een cursus?")
    reply = answer(world.admin, post, "Via het HR-portaal.")
    question_accept_answer(actor=world.member, post=post, reply_id=reply.pk)
    knowledge_services.page_create(
        actor=world.member, group=None, title="Verlof aanvragen", body="Zo vraag je verlof aan."
    )
    index_rebuild()
    html = _suggestions(client_for(world.member), "verlof voor een cursus")
    assert "Misschien staat het antwoord hier al" in html
    assert "Hoe vraag ik verlof aan voor een cursus?" in html and post.get_absolute_url() in html
    assert "Vraag" in html and "beantwoord" in html and "Groep open" in html
    assert "Verlof aanvragen" in html and "Kennisbank" in html and "Iedereen" in html


def test_question_suggestions_returns_secret_question_only_if_reader_is_member(world, client_for):
    ask(world.admin, world.groups["secret"], title="Wanneer gaat de reorganisatie van start?")
    index_rebuild()
    member_sees = _suggestions(client_for(world.member), "reorganisatie start")
    outsider_sees = _suggestions(client_for(world.outsider), "reorganisatie start")
    assert "Wanneer gaat de reorganisatie van start?" in member_sees
    assert "reorganisatie" not in outsider_sees and "Groep secret" not in outsider_sees
    assert outsider_sees.strip() == ""


def test_question_suggestions_returns_nothing_if_title_is_shorter_than_three_characters(
    world, client_for
):
    ask(world.member, None, title="Wi-fi op kantoor?")
    index_rebuild()
    client = client_for(world.member)
    assert _suggestions(client, " wi ").strip() == ""
    assert "Wi-fi op kantoor?" in _suggestions(client, "wi-fi")


def test_question_suggestions_returns_nothing_if_nothing_matches(world, client_for):
    ask(world.member, None, title="Waar staat de printer?")
    index_rebuild()
    assert _suggestions(client_for(world.member), "zeilboot").strip() == ""


def test_question_suggestions_redirects_if_signed_out(world, client_for):
    response = client_for(None).get(URL, {"question_title": "printer"})
    assert response.status_code == 302


def test_question_suggestions_returns_200_if_input_is_bad(world, client_for):
    client = client_for(world.member)
    for title in ['"printer" OR NEAR(a', "x" * 10_000, "\x01\x02\u200b", "*:^-"]:
        assert client.get(URL, {"question_title": title}, **HTMX).status_code == 200


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as context:
        html = _suggestions(client, "printer kantoor")
    assert "Misschien staat het antwoord hier al" in html
    return len(context.captured_queries)


def test_question_suggestions_costs_fixed_queries_if_many_items_match(world, client_for):
    client = client_for(world.member)
    ask(world.member, world.groups["open"], title="Waar staat de printer op kantoor?")
    knowledge_services.page_create(
        actor=world.member, group=None, title="De printer", body="Op kantoor."
    )
    index_rebuild()
    few = _queries(client)
    for number, group in enumerate(["open", "closed", "secret", "open", "closed"]):
        post = ask(world.admin, world.groups[group], title=f"Printer {number} op kantoor kapot?")
        question_accept_answer(
            actor=world.admin, post=post, reply_id=answer(world.member, post, "Bel ICT.").pk
        )
        knowledge_services.page_create(
            actor=world.member, group=None, title=f"Printer {number}", body="Kantoorprinter."
        )
    index_rebuild()
    many = _queries(client)
    assert many == few
    assert many <= 20


def test_question_suggestions_finds_question_if_more_newer_posts_match_than_are_ranked(
    world, client_for, monkeypatch
):
    """Search ranks only the newest matches (CANDIDATES); suggestions ask for questions and
    pages in the query itself, so busy posts about the same words cannot push them out."""
    from kring.search.backends import postgres, sqlite

    for backend_module in (postgres, sqlite):
        monkeypatch.setattr(backend_module, "CANDIDATES", 3)
    post = ask(
        world.member, world.groups["open"], title="Waar parkeer ik mijn fiets bij het stadhuis?"
    )
    for number in range(5):
        post_services.post_create(
            actor=world.admin, group=None, body=f"Fiets {number} gevonden bij het stadhuis."
        )
    index_rebuild()
    html = _suggestions(client_for(world.member), "fiets stadhuis")
    assert (
        "Waar parkeer ik mijn fiets bij het stadhuis?" in html and post.get_absolute_url() in html
    )
