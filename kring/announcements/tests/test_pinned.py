"""The pinned block on top of the feeds: who sees what, for how long, at what cost."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kring.announcements import services
from kring.announcements.models import Announcement
from kring.announcements.selectors import pinned_for
from kring.groups import services as group_services


def _pinned_ids(client, url: str) -> list[int]:
    body = client.get(url).content.decode()
    if 'class="pinned"' not in body:
        return []
    block = body[body.index('class="pinned"') : body.index('id="feed"')]
    return [
        int(part.split('"')[0])
        for part in block.split('id="pin-')[1:]
        if "-" not in part.split('"')[0]
    ]


def test_home_pins_company_and_own_group_announcements_if_member(
    world, leader, announce, client_for
):
    company = announce(leader, None)
    own = announce(world.admin, world.groups["secret"])
    group_services.membership_add(actor=world.admin, group=world.groups["open"], user=leader)
    other_open = announce(leader, world.groups["open"])
    assert _pinned_ids(client_for(world.member), "/") == [other_open.pk, own.pk, company.pk]
    # Carla reads the open group but is no member of the secret one: home shows what she
    # may read, of her own groups and the company space; her own posts are never pinned.
    assert _pinned_ids(client_for(leader), "/") == []
    assert _pinned_ids(client_for(world.site_admin), "/") == [company.pk]


def test_company_page_pins_only_company_announcements(world, leader, announce, client_for):
    company = announce(leader, None)
    announce(world.admin, world.groups["open"])
    assert _pinned_ids(client_for(world.member), "/company/") == [company.pk]


def test_secret_announcement_is_never_pinned_for_a_non_member(world, announce, client_for):
    post = announce(world.admin, world.groups["secret"])
    for person in (world.outsider, world.site_admin, world.guest):
        client = client_for(person)
        for url in ("/", "/company/"):
            assert str(post.pk) not in str(_pinned_ids(client, url))
            assert "de balie is maandag dicht" not in client.get(url).content.decode()


def test_pinned_block_drops_announcement_after_pinned_time(world, announce, monkeypatch):
    post = announce(world.admin, world.groups["open"])
    assert pinned_for(world.member, space="home") == [post]  # the pinned ids are kept now
    until = Announcement.objects.get(post=post).pinned_until
    monkeypatch.setattr(timezone, "now", lambda: until + timedelta(seconds=1))
    assert pinned_for(world.member, space="home") == []


def test_pinned_block_shows_announcement_at_once_although_pinned_ids_were_kept(
    world, leader, announce, client_for
):
    client = client_for(world.member)
    assert _pinned_ids(client, "/") == []  # "nothing pinned" is kept now
    post = announce(leader, None)
    assert _pinned_ids(client, "/") == [post.pk]
    services.announcement_unpin(actor=leader, post=post)
    assert _pinned_ids(client, "/") == []


def test_pinned_block_returns_nothing_if_guest_outside_the_group(world, announce):
    announce(world.admin, world.groups["open"])
    assert pinned_for(world.guest, space="home") == []


def _home_queries(client) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get("/").status_code == 200
    return len(context.captured_queries)


def test_home_feed_query_count_does_not_grow_with_pinned_announcements(
    world, leader, announce, client_for
):
    client = client_for(world.member)
    announce(leader, None, body="Eerste aankondiging")
    announce(world.admin, world.groups["open"], body="Tweede aankondiging")
    _home_queries(client)  # warm the per-process caches (fragments, sessions)
    # Each count follows a new announcement: the kept pinned ids were just forgotten.
    announce(leader, None, body="Derde aankondiging")
    baseline = _home_queries(client)
    for number in range(4):
        announce(leader, None, body=f"Nog een aankondiging {number}")
        announce(world.admin, world.groups["closed"], body=f"Groepsaankondiging {number}")
    assert _home_queries(client) == baseline


def test_read_announcement_is_not_pinned_again_for_that_reader_only(world, announce):
    post = announce(world.admin, world.groups["open"])
    services.announcement_read(actor=world.member, post=post)
    assert pinned_for(world.member, space=world.groups["open"]) == []
    assert pinned_for(world.outsider, space=world.groups["open"]) == [post]
