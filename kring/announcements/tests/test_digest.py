"""Unread announcements reach the digest, read ones and unreadable ones do not."""

from datetime import timedelta

from django.utils import timezone

from kring.announcements import services
from kring.groups import services as group_services
from kring.notifications.digests import digest_content_for


def _announcements_in_digest(user) -> list[int]:
    since = timezone.now() - timedelta(days=7)
    content = digest_content_for(user, since=since)
    return [n.post_id for n in content.notifications if n.kind == "announcement"]


def test_digest_carries_unread_announcement_if_reader(world, announce, committed):
    with committed():
        post = announce(world.admin, world.groups["open"])
    assert _announcements_in_digest(world.member) == [post.pk]
    assert _announcements_in_digest(world.outsider) == [post.pk]


def test_digest_leaves_out_announcement_if_marked_read(world, announce, committed):
    with committed():
        post = announce(world.admin, world.groups["open"])
    services.announcement_read(actor=world.member, post=post)
    assert _announcements_in_digest(world.member) == []


def test_digest_leaves_out_secret_announcement_if_not_member(world, announce, committed):
    with committed():
        announce(world.admin, world.groups["secret"])
    for person in (world.outsider, world.site_admin, world.guest):
        assert _announcements_in_digest(person) == []


def test_digest_leaves_out_secret_announcement_if_member_left_the_group(world, announce, committed):
    with committed():
        announce(world.admin, world.groups["secret"])
    group_services.membership_remove(
        actor=world.admin, group=world.groups["secret"], user=world.member
    )
    assert _announcements_in_digest(world.member) == []
