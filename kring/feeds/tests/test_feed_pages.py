import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kring.feeds.selectors import feed_home_for
from kring.posts import services


def test_home_feed_returns_visible_posts_only_if_outsider(world, client_for):
    response = client_for(world.outsider).get(reverse("feeds:home"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Tekst voor iedereen" in body
    assert "Geheime tekst van de open groep" in body
    assert "Geheime tekst van de closed groep" not in body
    assert "Geheime tekst van de secret groep" not in body


def test_home_feed_fails_if_anonymous(client_for):
    response = client_for(None).get(reverse("feeds:home"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_company_feed_returns_nothing_if_guest(world, client_for):
    body = client_for(world.guest).get(reverse("feeds:company")).content.decode()
    assert "Tekst voor iedereen" not in body


def test_home_feed_returns_newest_activity_first(world):
    services.reply_create(actor=world.member, post=world.posts["open"], body="Nieuw leven")
    page = feed_home_for(world.member)
    assert page.items[0] == world.posts["open"]


def test_home_feed_paginates_by_cursor_without_gaps_or_repeats(world):
    created = [
        services.post_create(actor=world.outsider, group=None, body=f"Bericht {i}")
        for i in range(45)
    ]
    seen, cursor = [], None
    while True:
        page = feed_home_for(world.outsider, cursor=cursor)
        seen.extend(page.items)
        if not page.next_cursor:
            break
        cursor = page.next_cursor
    assert len(seen) == len(set(p.pk for p in seen))
    assert {p.pk for p in created} <= {p.pk for p in seen}


def test_load_more_returns_fragment_if_htmx(world, client_for):
    for i in range(25):
        services.post_create(actor=world.outsider, group=None, body=f"Bulk {i}")
    client = client_for(world.outsider)
    first = client.get(reverse("feeds:home") + "?tab=newest").content.decode()
    assert "Load more" in first or "Meer laden" in first
    cursor = first.split("cursor=")[1].split('"')[0]
    more = client.get(
        reverse("feeds:home") + "?tab=newest&cursor=" + cursor, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "<html" not in more and "Bulk 0" in more


def test_bad_cursor_returns_first_page_if_damaged(world, client_for):
    response = client_for(world.member).get(reverse("feeds:home") + "?cursor=%%%not-base64")
    assert response.status_code == 200


def _queries_for_home(client) -> int:
    client.get(reverse("feeds:home"))  # warm: the header's counts are kept after a first visit
    with CaptureQueriesContext(connection) as context:
        assert client.get(reverse("feeds:home")).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("extra_posts", [5, 40])
def test_home_feed_query_count_does_not_grow_with_posts(world, client_for, extra_posts):
    client = client_for(world.member)
    baseline = _queries_for_home(client)
    for i in range(extra_posts):
        group = world.groups[["open", "closed", "secret"][i % 3]]
        services.post_create(actor=world.member, group=group, body=f"Extra {i}")
    assert _queries_for_home(client) == baseline


def test_bad_cursor_returns_first_page_if_at_calendar_edge(world, client_for):
    import datetime as dt

    from kring.core.pagination import encode_cursor

    edge = encode_cursor(dt.datetime(1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=14))), 5)
    assert (
        client_for(world.member).get(reverse("feeds:home") + "?cursor=" + edge).status_code == 200
    )


def test_home_feed_returns_own_groups_newest_first_without_gaps_if_guest(world):
    from kring.groups import services as group_services

    group_services.membership_add(actor=world.admin, group=world.groups["closed"], user=world.guest)
    group_services.membership_add(actor=world.admin, group=world.groups["open"], user=world.guest)
    made = []
    for i in range(30):
        group = world.groups["closed" if i % 2 else "open"]
        made.append(services.post_create(actor=world.member, group=group, body=f"Gastfeed {i}"))
    seen, cursor = [], None
    while True:
        page = feed_home_for(world.guest, cursor=cursor)
        seen.extend(page.items)
        if not page.next_cursor:
            break
        cursor = page.next_cursor
    assert [p.pk for p in seen] == sorted(
        (p.pk for p in seen),
        key=lambda pk: next(x.last_activity_at for x in seen if x.pk == pk),
        reverse=True,
    )
    readable = {world.groups["closed"].pk, world.groups["open"].pk}
    assert all(p.group_id in readable for p in seen)
    assert {p.pk for p in made} <= {p.pk for p in seen}
    assert len(seen) == len({p.pk for p in seen})


@pytest.mark.parametrize("page", ["home", "company", "group"])
def test_feed_page_reads_its_kept_values_in_one_query_and_shows_them(
    page, world, client_for, database_cache
):
    from config.settings.cache import DATABASE_CACHE_TABLE
    from kring.notifications.header import header_counts_key

    url = {
        "home": reverse("feeds:home"),
        "company": reverse("feeds:company"),
        "group": world.groups["open"].get_absolute_url(),
    }[page]
    client = client_for(world.member)
    client.get(url)  # keeps the header counts (and on home the ranking)
    database_cache.set(header_counts_key(world.member.pk), (7, 0), 60)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    reads = [q["sql"] for q in queries.captured_queries if DATABASE_CACHE_TABLE in q["sql"]]
    assert len(reads) == 1, reads
    assert 'class="bell-count" aria-hidden="true">7<' in response.content.decode()  # as kept
