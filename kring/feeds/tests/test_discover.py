"""The "Ontdekken" page: trending topics and active groups over what the viewer may read."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kring.feeds.discover import discoveries_for
from kring.follows.services import follow_add
from kring.posts import services
from kring.posts.models import Post
from kring.topics.models import Topic


def _page(client) -> str:
    response = client.get(reverse("feeds:discover"))
    assert response.status_code == 200
    return response.content.decode()


def test_discover_returns_most_used_topic_first_if_this_week(world):
    for i in range(3):
        services.post_create(actor=world.member, group=None, body=f"#inkoop {i}")
    services.post_create(actor=world.member, group=None, body="#verlof")
    found = discoveries_for(world.outsider)
    assert [(t.topic.key, t.posts) for t in found.topics] == [("inkoop", 3), ("verlof", 1)]


def test_discover_returns_no_topic_if_only_used_in_unreadable_groups(world):
    services.post_create(actor=world.member, group=world.groups["secret"], body="#reorganisatie")
    services.post_create(actor=world.member, group=world.groups["closed"], body="#reorganisatie")
    assert discoveries_for(world.outsider).topics == []
    assert [t.topic.key for t in discoveries_for(world.member).topics] == ["reorganisatie"]


def test_discover_returns_no_topic_if_older_than_a_week(world):
    post = services.post_create(actor=world.member, group=None, body="#archief")
    old = timezone.now() - timedelta(days=8)
    Post.objects.filter(pk=post.pk).update(created_at=old, last_activity_at=old)
    assert discoveries_for(world.outsider).topics == []


def test_discover_returns_secret_group_only_if_member(world):
    for _ in range(2):
        services.post_create(actor=world.member, group=world.groups["secret"], body="Intern")
    services.post_create(actor=world.member, group=world.groups["open"], body="Open")
    member_groups = [g.group for g in discoveries_for(world.member).groups]
    assert member_groups[0] == world.groups["secret"]
    outsider_groups = [g.group for g in discoveries_for(world.outsider).groups]
    assert outsider_groups == [world.groups["open"]]
    assert discoveries_for(world.guest).groups == []


def test_discover_page_shows_follow_and_join_buttons_if_open_group(world, client_for):
    services.post_create(actor=world.member, group=world.groups["open"], body="#inkoop")
    follow_add(actor=world.outsider, target=Topic.objects.get(key="inkoop"))
    body = _page(client_for(world.outsider))
    assert "Populaire onderwerpen" in body and "#inkoop" in body
    assert 'aria-pressed="true"' in body  # following the topic
    assert f"/groups/{world.groups['open'].slug}/join/" in body
    assert 'aria-current="page"><svg' in body and "Ontdekken" in body


def test_discover_page_shows_empty_states_if_nothing_this_week(world, client_for):
    Post.objects.all().delete()
    body = _page(client_for(world.outsider))
    assert "Deze week nog geen onderwerpen" in body
    assert "Deze week was er nog geen groep actief" in body


def test_discover_page_redirects_if_anonymous(client_for):
    response = client_for(None).get(reverse("feeds:discover"))
    assert response.status_code == 302


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as context:
        _page(client)
    return len(context.captured_queries)


@pytest.mark.parametrize("posts", [10, 60])
def test_discover_query_count_returns_same_if_more_posts(world, client_for, posts):
    for i in range(posts):
        group = [None, world.groups["open"], world.groups["secret"]][i % 3]
        services.post_create(actor=world.member, group=group, body=f"#thema{i % 12} {i}")
    client = client_for(world.member)
    _page(client)
    assert _queries(client) == DISCOVER_QUERIES


# session, user, follows, topic counts, topic names, group counts, groups; the base
# layout (my groups with their roles, one query; the header's counts are kept after the
# first visit).
DISCOVER_QUERIES = 8
