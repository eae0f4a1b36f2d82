"""A guest's home feed merges the groups they read: same pages on every database, and on
PostgreSQL one query for the merge however many groups that is."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kring.api.services import api_token_issue
from kring.feeds.selectors import feed_home_for
from kring.groups import services as group_services
from kring.posts import services
from kring.posts.models import Post


def _home_page_queries(client: Client) -> int:
    client.get(reverse("feeds:home"))  # warms what a first request loads once
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("feeds:home")).status_code == 200
    return len(queries)


def _api_home_queries(client: Client) -> int:
    client.get("/api/v1/posts?feed=home")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/api/v1/posts?feed=home").status_code == 200
    return len(queries)


def _walk(viewer, *, per_page: int) -> list[tuple[list[int], str | None]]:
    pages, cursor = [], None
    while True:
        page = feed_home_for(viewer, cursor=cursor, per_page=per_page)
        pages.append(([post.pk for post in page.items], page.next_cursor))
        if not page.next_cursor:
            return pages
        cursor = page.next_cursor


def test_home_feed_query_count_stays_the_same_if_guest_joins_more_groups(world, client_for):
    cache.clear()  # the API's rate limit counts per token in the cache
    page_counts, api_counts = [], []
    joined = []
    for visibility in ("open", "closed", "secret"):
        group = world.groups[visibility]
        group_services.membership_add(actor=world.admin, group=group, user=world.guest)
        joined.append(group)
        for i in range(3):
            services.post_create(actor=world.member, group=group, body=f"Voor gasten {i}")

        page_counts.append(_home_page_queries(client_for(world.guest)))
        api = Client(headers={"authorization": f"Bearer {api_token_issue(user=world.guest)}"})
        api_counts.append(_api_home_queries(api))

        items = feed_home_for(world.guest).items
        assert {post.group_id for post in items} == {g.pk for g in joined}
        assert items == sorted(items, key=lambda p: (p.last_activity_at, p.pk), reverse=True)
    # SQLite cannot limit each part of a UNION, so there the merge costs a query per group.
    if connection.features.supports_slicing_ordering_in_compound:
        assert len(set(page_counts)) == 1, page_counts
        assert len(set(api_counts)) == 1, api_counts


@pytest.mark.parametrize("query_per_group", [False, True], ids=["as-the-database-can", "looped"])
def test_home_feed_returns_every_readable_post_once_newest_first_if_guest(
    world, monkeypatch, query_per_group
):
    if query_per_group:  # the SQLite way, also on PostgreSQL: both must page alike
        monkeypatch.setattr(connection.features, "supports_slicing_ordering_in_compound", False)
    for visibility in ("open", "closed"):
        group_services.membership_add(
            actor=world.admin, group=world.groups[visibility], user=world.guest
        )
    made = [
        services.post_create(
            actor=world.member,
            group=world.groups[("open", "closed", "secret")[i % 3]],
            body=f"Bericht {i}",
        )
        for i in range(24)
    ]
    # Posts of both groups that were last active at the same moment: the id decides.
    same_moment = timezone.now() - timedelta(days=1)
    Post.objects.filter(pk__in=[p.pk for p in made[4:16]]).update(last_activity_at=same_moment)
    readable = Post.objects.filter(group__in=[world.groups["open"], world.groups["closed"]])
    expected = list(readable.order_by("-last_activity_at", "-id").values_list("id", flat=True))

    pages = _walk(world.guest, per_page=4)

    assert [pk for ids, _cursor in pages for pk in ids] == expected
    assert all(len(ids) == 4 for ids, _cursor in pages[:-1])
    assert pages[-1][1] is None
