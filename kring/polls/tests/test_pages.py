"""Polls on the pages: the composer, the card (per reader, outside the cache), voting."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kring.polls.models import Poll, PollVote
from kring.polls.services import PollDraft, poll_create, poll_vote
from kring.posts import services as post_services
from kring.posts.models import Post

HTMX = {"HTTP_HX_REQUEST": "true"}


def poll_block(html: str, post_id: int) -> str:
    found = re.search(rf'<section class="poll[^"]*" id="poll-{post_id}".*?</section>', html, re.S)
    return found.group(0) if found else ""


def _polled_post(actor, group=None, *, options=("Pizza", "Soep", "Salade"), **draft) -> Post:
    post = post_services.post_create(actor=actor, group=group, body="Wat eten we vrijdag?")
    poll_create(actor=actor, post=post, draft=PollDraft(list(options), **draft))
    return post


def _option_ids(post: Post) -> list[int]:
    return list(Poll.objects.get(pk=post.pk).options.values_list("pk", flat=True))


def test_composer_creates_post_with_poll_if_options_filled(world, client_for):
    client = client_for(world.outsider)
    data = {
        "body": "Wanneer de teamdag?",
        "group": "company",
        "poll_option": ["Maandag", "", "Vrijdag", ""],
        "poll_multiple": "1",
    }
    response = client.post(reverse("posts:create"), data, **HTMX)
    assert response.status_code == 200
    post = Post.objects.get(body="Wanneer de teamdag?")
    poll = Poll.objects.get(pk=post.pk)
    assert poll.multiple and list(poll.options.values_list("text", flat=True)) == [
        "Maandag",
        "Vrijdag",
    ]
    block = poll_block(response.content.decode(), post.pk)
    assert "Maandag" in block and 'type="checkbox"' in block


def test_composer_creates_plain_post_if_poll_part_empty(world, client_for):
    client = client_for(world.outsider)
    data = {"body": "Gewoon een bericht", "group": "company", "poll_option": ["", "", "", ""]}
    assert client.post(reverse("posts:create"), data).status_code == 302
    assert not Post.objects.get(body="Gewoon een bericht").has_poll
    assert not Poll.objects.exists()


@pytest.mark.parametrize(
    ("options", "message"),
    [(["Maandag", "", "", ""], "ten minste twee"), (["Maandag", "maandag", "", ""], "twee keer")],
)
def test_composer_fails_and_keeps_input_if_options_bad(world, client_for, options, message):
    client = client_for(world.outsider)
    data = {"body": "Wanneer de teamdag?", "group": "company", "poll_option": options}
    response = client.post(reverse("posts:create"), data, headers={"accept-language": "nl"})
    body = response.content.decode()
    assert response.status_code == 400
    assert message in body
    assert 'value="Maandag"' in body and "Wanneer de teamdag?" in body
    assert '<details class="poll-picker" data-poll-picker data-max="10" open>' in body
    assert not Post.objects.filter(body="Wanneer de teamdag?").exists()


def test_composer_fails_and_keeps_input_if_closing_time_bad(world, client_for):
    client = client_for(world.outsider)
    data = {
        "body": "Vraag",
        "group": "company",
        "poll_option": ["A", "B"],
        "poll_closes_at": "morgen",
    }
    response = client.post(reverse("posts:create"), data, **HTMX)
    assert response.status_code == 400
    assert 'value="morgen"' in response.content.decode()
    assert not Post.objects.filter(body="Vraag").exists()


def test_card_shows_form_to_non_voter_and_results_to_voter_if_cache_shared(world, client_for):
    post = _polled_post(world.member)
    first = _option_ids(post)[0]
    poll_vote(actor=world.admin, post=post, option_ids=[first])
    voter = client_for(world.admin).get(reverse("feeds:home")).content.decode()
    assert "100%" in poll_block(voter, post.pk)
    # The same cached card for a colleague who has not voted: no counts, a form.
    other = poll_block(
        client_for(world.outsider).get(reverse("feeds:home")).content.decode(), post.pk
    )
    assert 'type="radio"' in other and "%" not in other and "gestemd" not in other
    assert 'name="csrfmiddlewaretoken"' in other


def test_htmx_vote_returns_results_and_plain_vote_redirects(world, client_for):
    post = _polled_post(world.member)
    first, second, _ = _option_ids(post)
    client = client_for(world.outsider)
    url = reverse("polls:vote", args=[post.pk])
    response = client.post(url, {"option": str(second)}, **HTMX)
    block = response.content.decode()
    assert response.status_code == 200
    assert "100%" in block and "Stem wijzigen" in block and "Je stem is geteld." in block
    response = client.post(url, {"option": str(first)})
    assert response.status_code == 302 and response["Location"].endswith(f"#post-{post.pk}")
    assert list(PollVote.objects.values_list("option_id", flat=True)) == [first]


def test_change_link_returns_the_form_with_the_choice_ticked(world, client_for):
    post = _polled_post(world.member)
    first = _option_ids(post)[0]
    poll_vote(actor=world.outsider, post=post, option_ids=[first])
    response = client_for(world.outsider).get(
        reverse("polls:detail", args=[post.pk]), {"change": "1"}, **HTMX
    )
    assert f'value="{first}" checked' in response.content.decode()


def test_crafted_double_vote_returns_message_and_stores_nothing(world, client_for):
    post = _polled_post(world.member)
    first, second, _ = _option_ids(post)
    url = reverse("polls:vote", args=[post.pk])
    client = client_for(world.outsider)
    for crafted in ([first, second], [first, first], ["x"], []):
        response = client.post(url, {"option": crafted}, **HTMX)
        assert response.status_code == 400
        assert 'class="form-error poll-error"' in response.content.decode()
        response = client.post(url, {"option": crafted})  # without JavaScript: a page
        assert response.status_code == 400 and "poll-error" in response.content.decode()
    assert not PollVote.objects.exists()


def test_vote_returns_closed_message_if_poll_closed(world, client_for):
    post = _polled_post(world.member, closes_at=timezone.now() + timedelta(hours=1))
    Poll.objects.filter(pk=post.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    response = client_for(world.outsider).post(
        reverse("polls:vote", args=[post.pk]), {"option": _option_ids(post)[0]}, **HTMX
    )
    body = response.content.decode()
    assert response.status_code == 409 and "Deze peiling is gesloten" in body
    assert 'type="radio"' not in body  # the results instead of the form


def test_vote_returns_message_if_post_deleted(world, client_for):
    post = _polled_post(world.member)
    option, url = _option_ids(post)[0], reverse("polls:vote", args=[post.pk])
    post_services.post_delete(actor=world.member, post=post)
    client = client_for(world.outsider)
    response = client.post(url, {"option": option}, **HTMX)
    assert response.status_code == 404 and "poll-error" in response.content.decode()
    assert client.post(url, {"option": option}).status_code == 404


# The Nieuwste tab: every new post at once ("Voor jou" keeps its ranking for a minute).
NEWEST = "/?tab=newest"


def _home_queries(client) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(NEWEST).status_code == 200
    return len(context.captured_queries)


def test_feed_with_polls_costs_a_fixed_number_of_queries_if_many_cards(world, client_for):
    client = client_for(world.outsider)
    group = world.groups["open"]
    _polled_post(world.member, group)
    client.get(NEWEST)  # warm the session and the user
    with_one = _home_queries(client)
    for n in range(25):
        post = _polled_post(world.member, group, options=(f"Ja {n}", f"Nee {n}"))
        poll_vote(actor=world.outsider, post=post, option_ids=_option_ids(post)[:1])
    page = client.get(NEWEST).content.decode()
    assert page.count('<section class="poll') == 20
    assert _home_queries(client) == with_one
