"""Polls through the API: in the post, and voting."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from kring.polls.models import Poll, PollVote
from kring.polls.services import PollDraft, poll_create, poll_vote
from kring.posts import services as post_services
from kring.posts.models import Post

API = "/api/v1"


def _polled(world, space="company", **draft):
    post = world.posts[space]
    poll_create(actor=world.member, post=post, draft=PollDraft(["Ja", "Nee"], **draft))
    return post, list(Poll.objects.get(pk=post.pk).options.values_list("pk", flat=True))


def test_api_post_shows_poll_without_counts_if_viewer_has_not_voted(world, api_for):
    post, (yes, _no) = _polled(world)
    poll_vote(actor=world.admin, post=post, option_ids=[yes])
    poll = api_for(world.outsider).get(f"{API}/posts/{post.pk}").json()["poll"]
    assert poll["voted"] is False and poll["shows_results"] is False and poll["may_vote"]
    assert poll["voters"] is None
    assert [(o["text"], o["votes"], o["percent"]) for o in poll["options"]] == [
        ("Ja", None, None),
        ("Nee", None, None),
    ]


def test_api_vote_returns_results_and_replaces_earlier_choice(world, api_for):
    post, (yes, no) = _polled(world)
    client = api_for(world.outsider)
    first = client.post(f"{API}/posts/{post.pk}/poll/vote", {"options": [yes]}, "application/json")
    assert first.status_code == 200
    assert first.json()["options"][0] == {
        "id": yes,
        "text": "Ja",
        "chosen": True,
        "votes": 1,
        "percent": 100,
    }
    again = client.post(f"{API}/posts/{post.pk}/poll/vote", {"options": [no]}, "application/json")
    assert [o["votes"] for o in again.json()["options"]] == [0, 1]
    assert PollVote.objects.count() == 1


def test_api_vote_returns_400_if_two_options_in_single_choice_poll(world, api_for):
    post, options = _polled(world)
    response = api_for(world.outsider).post(
        f"{API}/posts/{post.pk}/poll/vote", {"options": options}, "application/json"
    )
    assert response.status_code == 400 and response.json()["message"]
    assert not PollVote.objects.exists()


def test_api_vote_returns_404_if_post_unreadable_or_without_poll(world, api_for):
    post, options = _polled(world, space="closed")
    client = api_for(world.outsider)
    body = {"options": options[:1]}
    assert (
        client.post(f"{API}/posts/{post.pk}/poll/vote", body, "application/json").status_code == 404
    )
    plain = world.posts["company"]
    assert (
        client.post(f"{API}/posts/{plain.pk}/poll/vote", body, "application/json").status_code
        == 404
    )


def test_api_feed_with_polls_costs_a_fixed_number_of_queries(world, api_for):
    client = api_for(world.outsider)
    _polled(world)
    client.get(f"{API}/posts")
    with CaptureQueriesContext(connection) as few:
        assert client.get(f"{API}/posts").status_code == 200
    for n in range(10):
        post = post_services.post_create(actor=world.member, group=None, body=f"Vraag {n}")
        poll_create(actor=world.member, post=post, draft=PollDraft([f"a{n}", f"b{n}"]))
    with CaptureQueriesContext(connection) as many:
        items = client.get(f"{API}/posts").json()["items"]
    assert sum(1 for item in items if item["poll"]) == 11
    assert len(many.captured_queries) == len(few.captured_queries)


def test_api_post_create_passes_with_a_poll_and_fails_whole_if_poll_bad(world, api_for):
    client = api_for(world.outsider)
    good = {"group": None, "body": "Teamuitje?", "poll": {"options": ["Bowlen", "Varen"]}}
    response = client.post(f"{API}/posts", good, "application/json")
    assert response.status_code == 201
    assert [o["text"] for o in response.json()["poll"]["options"]] == ["Bowlen", "Varen"]
    bad = {"group": None, "body": "Nog een?", "poll": {"options": ["Bowlen", "bowlen"]}}
    response = client.post(f"{API}/posts", bad, "application/json")
    assert response.status_code == 400 and response.json()["field"] == "poll_options"
    assert not Post.objects.filter(body="Nog een?").exists()
