"""Questions on the pages: the composer, the card, the answers in order, voting, accepting, lists."""

import re

from django.urls import reverse

from kring.posts.models import Post, Reply
from kring.questions.models import Question
from kring.questions.services import answer_vote_toggle, question_accept_answer
from kring.questions.tests.helpers import answer, ask

HTMX = {"HTTP_HX_REQUEST": "true"}


def _answer_order(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'<li class="card answer[^"]*" id="answer-(\d+)"', html)]


def test_composer_creates_question_if_title_filled(world, client_for):
    client = client_for(world.outsider)
    data = {"body": "Ik wil een cursus doen.", "group": "company", "question_title": "Verlof?"}
    response = client.post(reverse("posts:create"), data, **HTMX)
    assert response.status_code == 200
    post = Post.objects.get(body="Ik wil een cursus doen.")
    assert post.is_question and Question.objects.get(pk=post.pk).title == "Verlof?"
    assert "Verlof?" in response.content.decode()


def test_composer_keeps_text_and_shows_error_if_title_too_long(world, client_for):
    client = client_for(world.outsider)
    data = {"body": "Mijn uitleg", "group": "company", "question_title": "x" * 250}
    response = client.post(reverse("posts:create"), data, **HTMX)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Mijn uitleg" in html and "x" * 250 in html and 'id="question-error"' in html
    assert not Post.objects.exists() or not Post.objects.filter(body="Mijn uitleg").exists()


def test_composer_opens_question_part_if_asked_from_the_list(world, client_for):
    client = client_for(world.member)
    html = client.get(reverse("questions:list")).content.decode()
    assert "?ask=1#composer" in html
    opened = client.get(reverse("feeds:home"), {"ask": "1"}).content.decode()
    assert re.search(r'<details class="question-picker"[^>]* open>', opened)
    closed = client.get(reverse("feeds:home")).content.decode()
    assert not re.search(r'<details class="question-picker"[^>]* open>', closed)


def test_card_shows_question_badge_and_title_if_post_is_question(world, client_for):
    post = ask(world.outsider, title="Hoe werkt de kassa?")
    html = client_for(world.member).get(reverse("feeds:company")).content.decode()
    assert "Hoe werkt de kassa?" in html and "badge-question" in html
    reply = answer(world.member, post, "Zo.")
    question_accept_answer(actor=world.outsider, post=post, reply_id=reply.pk)
    html = client_for(world.member).get(reverse("feeds:company")).content.decode()
    assert "badge-answered" in html  # the cached card's key changed with the answer


def test_question_page_shows_accepted_first_then_by_votes_then_time(world, client_for):
    post = ask(world.outsider)
    first = answer(world.member, post, "Eerste")
    popular = answer(world.admin, post, "Populair")
    accepted = answer(world.site_admin, post, "Het goede")
    answer_vote_toggle(actor=world.outsider, reply=popular)
    question_accept_answer(actor=world.outsider, post=post, reply_id=accepted.pk)
    html = client_for(world.member).get(post.get_absolute_url()).content.decode()
    assert _answer_order(html) == [accepted.pk, popular.pk, first.pk]
    assert html.count("answer-accepted-label") == 1


def test_question_page_shows_accept_buttons_only_to_asker(world, client_for):
    post = ask(world.outsider)
    answer(world.member, post, "Zo.")
    url = post.get_absolute_url()
    assert "Accepteer dit antwoord" in client_for(world.outsider).get(url).content.decode()
    assert "Accepteer dit antwoord" not in client_for(world.admin).get(url).content.decode()


def test_accept_passes_by_plain_form_and_by_htmx(world, client_for):
    post = ask(world.outsider)
    reply = answer(world.member, post, "Zo.")
    client = client_for(world.outsider)
    url = reverse("questions:accept", args=[post.pk])
    response = client.post(url, {"reply": reply.pk})
    assert response.status_code == 302 and response["Location"].endswith(f"#answer-{reply.pk}")
    assert Question.objects.get(pk=post.pk).accepted_answer_id == reply.pk
    response = client.post(url, {"undo": "1"}, **HTMX)
    assert response.status_code == 200 and "Accepteer dit antwoord" in response.content.decode()
    assert Question.objects.get(pk=post.pk).accepted_answer_id is None


def test_accept_returns_403_if_not_asker_and_404_if_other_post(world, client_for):
    post = ask(world.outsider)
    reply = answer(world.member, post, "Zo.")
    other = answer(world.member, world.posts["company"], "Elders")
    url = reverse("questions:accept", args=[post.pk])
    assert client_for(world.member).post(url, {"reply": reply.pk}).status_code == 403
    assert client_for(world.outsider).post(url, {"reply": other.pk}).status_code == 404
    assert client_for(world.outsider).post(url, {"reply": "nope"}).status_code == 404
    assert Question.objects.get(pk=post.pk).accepted_answer_id is None


def test_vote_toggles_by_htmx_and_refuses_own_answer(world, client_for):
    post = ask(world.outsider)
    reply = answer(world.member, post, "Zo.")
    url = reverse("questions:vote", args=[reply.pk])
    response = client_for(world.outsider).post(url, **HTMX)
    assert response.status_code == 200 and 'aria-pressed="true"' in response.content.decode()
    assert Reply.objects.get(pk=reply.pk).vote_count == 1
    assert client_for(world.member).post(url).status_code == 403
    plain = answer(world.member, world.posts["company"], "Gewoon")
    assert (
        client_for(world.outsider).post(reverse("questions:vote", args=[plain.pk])).status_code
        == 400
    )


def test_list_shows_open_all_and_mine_if_tab_chosen(world, client_for):
    open_question = ask(world.outsider, title="Open vraag")
    answered = ask(world.member, title="Beantwoorde vraag")
    reply = answer(world.outsider, answered, "Zo.")
    question_accept_answer(actor=world.member, post=answered, reply_id=reply.pk)
    client = client_for(world.member)
    url = reverse("questions:list")
    html = client.get(url).content.decode()
    assert "Open vraag" in html and "Beantwoorde vraag" not in html
    html = client.get(url, {"show": "all"}).content.decode()
    assert "Open vraag" in html and "Beantwoorde vraag" in html
    html = client.get(url, {"show": "mine"}).content.decode()
    assert "Open vraag" not in html and "Beantwoorde vraag" in html
    assert open_question.pk


def test_list_per_group_shows_only_that_group_and_404_if_invisible(world, client_for):
    ask(world.member, world.groups["secret"], title="Geheime vraag")
    ask(world.member, None, title="Vraag voor iedereen")
    url = reverse("questions:list")
    group = world.groups["secret"].pk
    html = client_for(world.member).get(url, {"group": group}).content.decode()
    assert "Geheime vraag" in html and "Vraag voor iedereen" not in html
    assert client_for(world.outsider).get(url, {"group": group}).status_code == 404
    assert "Geheime vraag" not in client_for(world.outsider).get(url).content.decode()
    assert client_for(world.outsider).get(url, {"group": "abc"}).status_code == 404


def _questions(world, count: int) -> None:
    for number in range(count):
        post = ask(world.member, world.groups["open"], title=f"Vraag {number}")
        answer(world.admin, post, "Antwoord")


def test_list_query_count_does_not_grow_with_questions(
    world, client_for, django_assert_num_queries
):
    client = client_for(world.outsider)
    url = reverse("questions:list")
    _questions(world, 2)
    client.get(url)  # warm the per-session caches
    with django_assert_num_queries(QUERIES_LIST) as few:
        assert client.get(url, {"show": "all"}).status_code == 200
    _questions(world, 15)
    with django_assert_num_queries(len(few.captured_queries)):
        assert client.get(url, {"show": "all"}).status_code == 200


def test_question_page_query_count_does_not_grow_with_answers(
    world, client_for, django_assert_num_queries
):
    post = ask(world.outsider)
    client = client_for(world.member)
    answer(world.admin, post, "Eén")
    client.get(post.get_absolute_url())
    with django_assert_num_queries(QUERIES_PAGE) as few:
        client.get(post.get_absolute_url())
    for number in range(10):
        reply = answer(world.admin, post, f"Antwoord {number}")
        answer_vote_toggle(actor=world.member, reply=reply)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(post.get_absolute_url())


QUERIES_LIST = 4  # the layout's queries plus one for the whole page of questions
# The thread page plus the question and its answers with the reader's votes (whether the
# thread was saved in the knowledge base comes with the post).
QUERIES_PAGE = 9
