"""What the feed gives live.js: where to listen from, its first page again, and what is new."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kring.posts import services


def _news(client, space, after):
    return client.get(reverse("feeds:news"), {"space": space, "after": after})


def test_feed_tells_live_js_its_space_and_newest_post(world, client_for):
    page = client_for(world.outsider).get(reverse("feeds:home")).content.decode()
    newest = max(
        post.pk
        for post in world.posts.values()
        if post.group_id != world.groups["closed"].pk and post.group_id != world.groups["secret"].pk
    )
    assert f'data-live-space="home" data-live-after="{newest}"' in page
    group = world.groups["open"]
    page = client_for(world.outsider).get(group.get_absolute_url()).content.decode()
    assert f'data-live-space="{group.pk}" data-live-after="{world.posts["open"].pk}"' in page
    page = client_for(world.outsider).get(reverse("feeds:company")).content.decode()
    assert 'data-live-space="company"' in page


def test_feed_returns_only_its_first_page_if_htmx_targets_the_feed(world, client_for):
    response = client_for(world.outsider).get(
        reverse("feeds:home"), headers={"HX-Request": "true", "HX-Target": "feed"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Tekst voor iedereen" in body
    assert "<html" not in body and 'id="feed"' not in body  # the posts only, for inside #feed


@pytest.mark.parametrize(
    ("space", "expected"),
    [("home", {"company", "open"}), ("company", {"company"}), ("open", {"open"})],
)
def test_feed_news_returns_the_readable_new_posts_of_the_space(world, client_for, space, expected):
    asked = str(world.groups[space].pk) if space == "open" else space
    before = max(post.pk for post in world.posts.values())
    new = {
        name: services.post_create(
            actor=world.member,
            group=None if name == "company" else world.groups[name],
            body="Nieuw",
        )
        for name in ("company", "open", "closed", "secret")
    }
    response = _news(client_for(world.outsider), asked, before)
    assert response.status_code == 200
    assert set(response.json()["post_ids"]) == {new[name].pk for name in expected}


def test_feed_news_fails_with_404_if_the_group_is_invisible(world, client_for):
    response = _news(client_for(world.outsider), str(world.groups["secret"].pk), 0)
    assert response.status_code == 404


def test_feed_news_lists_nothing_if_the_closed_group_is_not_the_viewers(world, client_for):
    response = _news(client_for(world.outsider), str(world.groups["closed"].pk), 0)
    assert response.status_code == 200
    assert response.json() == {"post_ids": []}


@pytest.mark.parametrize("after", ["", "abc", "-1", str(2**63)])
def test_feed_news_fails_with_400_if_after_is_damaged(world, client_for, after):
    response = _news(client_for(world.outsider), "home", after)
    assert response.status_code == 400
    assert "message" in response.json()


def test_feed_news_fails_with_404_if_the_space_is_unknown(world, client_for):
    assert _news(client_for(world.outsider), "everything", 0).status_code == 404


def test_feed_news_costs_the_same_queries_if_there_are_more_posts(world, client_for):
    client = client_for(world.outsider)
    _news(client, "home", 0)  # session and user loaded once

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert _news(client, "home", 0).status_code == 200
        return len(queries)

    few = count()
    for n in range(30):
        services.post_create(actor=world.member, group=None, body=f"Bericht {n}")
    assert count() == few


def test_post_card_reply_count_is_marked_for_live_js(world, client_for):
    post = world.posts["company"]
    page = client_for(world.outsider).get(reverse("feeds:company")).content.decode()
    assert re.search(rf'<span data-reply-count="{post.pk}">0 reacties</span>', page)
