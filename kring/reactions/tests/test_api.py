"""Reactions through the API, and the counts and own reactions in posts and replies."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from kring.posts import services as post_services
from kring.reactions import services

API = "/api/v1"


def test_api_post_reaction_gives_and_delete_takes_back(world, api_for):
    post = world.posts["company"]
    client = api_for(world.outsider)
    given = client.post(f"{API}/posts/{post.pk}/reactions/thanks")
    assert given.status_code == 200
    assert given.json() == {
        "reactions": {"like": 0, "thanks": 1, "insightful": 0, "celebrate": 0},
        "my_reactions": ["thanks"],
    }
    again = client.post(f"{API}/posts/{post.pk}/reactions/thanks")
    assert again.json()["reactions"]["thanks"] == 1
    taken = client.delete(f"{API}/posts/{post.pk}/reactions/thanks")
    assert taken.status_code == 200
    assert taken.json()["reactions"]["thanks"] == 0 and taken.json()["my_reactions"] == []


def test_api_reaction_returns_404_if_post_unreadable_or_missing(world, api_for):
    client = api_for(world.outsider)
    closed = world.posts["closed"]
    assert client.post(f"{API}/posts/{closed.pk}/reactions/like").status_code == 404
    assert client.post(f"{API}/posts/999999/reactions/like").status_code == 404
    assert client.delete(f"{API}/posts/{closed.pk}/reactions/like").status_code == 404


def test_api_reaction_returns_422_if_kind_unknown(world, api_for):
    post = world.posts["company"]
    assert api_for(world.admin).post(f"{API}/posts/{post.pk}/reactions/love").status_code == 422


def test_api_reply_reaction_returns_409_with_message_if_reply_removed(world, api_for):
    post = world.posts["company"]
    reply = post_services.reply_create(actor=world.admin, post=post, body="Weg")
    post_services.reply_create(actor=world.member, post=post, parent=reply, body="Antwoord")
    post_services.reply_delete(actor=world.admin, reply=reply)
    response = api_for(world.outsider).post(f"{API}/replies/{reply.pk}/reactions/like")
    assert response.status_code == 409
    assert "verwijderd" in response.json()["message"] or "removed" in response.json()["message"]


def test_api_reply_reaction_counts_in_the_reply_list(world, api_for):
    post = world.posts["company"]
    reply = post_services.reply_create(actor=world.admin, post=post, body="Top")
    client = api_for(world.outsider)
    assert client.post(f"{API}/replies/{reply.pk}/reactions/insightful").status_code == 200
    items = client.get(f"{API}/posts/{post.pk}/replies").json()["items"]
    assert items[0]["reactions"]["insightful"] == 1
    assert items[0]["my_reactions"] == ["insightful"]
    other = api_for(world.member).get(f"{API}/posts/{post.pk}/replies").json()["items"]
    assert other[0]["my_reactions"] == []


def test_api_post_output_has_counts_and_own_reactions(world, api_for):
    post = world.posts["company"]
    services.reaction_toggle(actor=world.outsider, target=post, kind="celebrate")
    data = api_for(world.outsider).get(f"{API}/posts/{post.pk}").json()
    assert data["reactions"]["celebrate"] == 1 and data["my_reactions"] == ["celebrate"]


def test_api_feed_queries_do_not_grow_with_reacted_posts(world, api_for):
    client = api_for(world.outsider)

    def add(how_many: int) -> None:
        for number in range(how_many):
            post = post_services.post_create(actor=world.member, group=None, body=f"B {number}")
            services.reaction_toggle(actor=world.outsider, target=post, kind="like")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"{API}/posts?feed=company").status_code == 200
        return len(captured)

    add(2)
    queries()  # the first request of a token also records its use
    few = queries()
    add(12)
    assert queries() == few
