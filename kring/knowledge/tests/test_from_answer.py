""" "Bewaar als best practice" on a question's accepted answer: access, the draft, both links."""

from django.urls import reverse

from kring.knowledge.models import Page
from kring.questions.services import question_accept_answer
from kring.questions.tests.helpers import answer, ask


def _answered(world, space: str = "open"):
    """A question by the member in `space`, two answers, the admin's accepted."""
    post = ask(
        world.member,
        world.groups[space],
        title="Hoe vraag ik verlof aan voor een cursus?",
        body="Ik wil in maart een cursus doen.",
    )
    answer(world.member, post, "Misschien via je teamleider?")
    accepted = answer(world.admin, post, "Via het HR-portaal,\nonder Verlof.")
    question_accept_answer(actor=world.member, post=post, reply_id=accepted.pk)
    return post


def _url(post) -> str:
    return reverse("knowledge:from_answer", args=[post.pk])


def test_page_from_answer_returns_draft_with_question_then_accepted_answer_if_member_opens_it(
    world, client_for
):
    post = _answered(world)
    html = client_for(world.member).get(_url(post)).content.decode()
    assert 'value="Hoe vraag ik verlof aan voor een cursus?"' in html
    assert '<option value="best_practice" selected>' in html
    body = html[html.index('id="page-body"') :]
    question_at = body.index("Hoe vraag ik verlof aan voor een cursus?")
    explanation_at = body.index("Ik wil in maart een cursus doen.")
    accepted_at = body.index("&gt; Via het HR-portaal,\n&gt; onder Verlof.")
    answerer_at = body.index("&gt; — *Anna de Vries*")
    other_at = body.index("&gt; Misschien via je teamleider?")
    assert question_at < explanation_at < accepted_at < answerer_at < other_at
    assert "## Het geaccepteerde antwoord" in body and "## Wat we afspreken" in body


def test_page_from_answer_passes_and_links_both_ways_if_member_saves(world, client_for):
    post = _answered(world)
    client = client_for(world.member)
    data = {
        "title": "Verlof voor een cursus",
        "body": "Via het HR-portaal.",
        "kind": "best_practice",
    }
    response = client.post(_url(post), data)
    page = Page.objects.get(title="Verlof voor een cursus")
    assert response.status_code == 302 and response.url == page.get_absolute_url()
    assert page.source_post == post and page.group == world.groups["open"]
    assert page.kind == Page.Kind.BEST_PRACTICE
    thread = client.get(post.get_absolute_url()).content.decode()
    assert "Bewaard in de kennisbank:" in thread and page.get_absolute_url() in thread
    assert post.get_absolute_url() in client.get(page.get_absolute_url()).content.decode()


def test_accepted_answer_shows_save_button_if_reader_may_write_there(world, client_for):
    post = _answered(world)
    html = client_for(world.member).get(post.get_absolute_url()).content.decode()
    accepted = html[html.index('class="card answer answer-accepted"') :]
    accepted = accepted[: accepted.index("</li>")]
    assert _url(post) in accepted and "Bewaar dit antwoord als best practice" in accepted


def test_page_from_answer_returns_404_if_outsider_opens_secret_group_question(world, client_for):
    post = _answered(world, "secret")
    client = client_for(world.outsider)
    assert client.get(_url(post)).status_code == 404
    data = {"title": "Gestolen", "body": "x", "kind": "best_practice"}
    assert client.post(_url(post), data).status_code == 404
    assert not Page.objects.filter(title="Gestolen").exists()


def test_page_from_answer_returns_404_and_no_button_if_reader_may_not_write_there(
    world, client_for
):
    post = _answered(world)
    client = client_for(world.outsider)  # reads and answers in the open group, is no member
    thread = client.get(post.get_absolute_url()).content.decode()
    assert thread.count("answer-accepted") and _url(post) not in thread
    assert client.get(_url(post)).status_code == 404
    data = {"title": "Niet van mij", "body": "x", "kind": "best_practice"}
    assert client.post(_url(post), data).status_code == 404
    assert not Page.objects.exists()


def test_page_from_answer_returns_404_if_no_answer_is_accepted(world, client_for):
    post = ask(world.member, world.groups["open"], title="Waar staat de printer?")
    answer(world.admin, post, "Naast de koffieautomaat.")
    client = client_for(world.member)
    assert client.get(_url(post)).status_code == 404
    assert client.get(_url(world.posts["open"])).status_code == 404  # no question at all
    assert _url(post) not in client.get(post.get_absolute_url()).content.decode()


def test_page_from_answer_returns_form_with_text_if_title_is_empty(world, client_for):
    post = _answered(world)
    data = {"title": "", "body": "Mijn nette tekst", "kind": "best_practice"}
    response = client_for(world.member).post(_url(post), data)
    assert response.status_code == 400
    assert "Mijn nette tekst" in response.content.decode()
    assert not Page.objects.exists()
