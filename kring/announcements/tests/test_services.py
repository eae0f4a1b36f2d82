import pytest

from kring import access
from kring.announcements import services
from kring.announcements.models import Announcement, AnnouncementRead, Leader
from kring.announcements.selectors import pinned_for
from kring.core.errors import NotFound, PermissionDenied, ValidationFailed
from kring.notifications.models import Notification
from kring.posts.models import Post


def test_announcement_create_passes_if_group_admin_in_own_group(world, announce):
    post = announce(world.admin, world.groups["closed"])
    assert post.is_announcement
    assert Announcement.objects.get(post=post).pinned_until > post.created_at


def test_announcement_create_fails_if_member_not_admin(world, announce):
    posts_before = Post.objects.count()
    with pytest.raises(PermissionDenied) as failure:
        announce(world.member, world.groups["open"])
    assert "leidinggevenden" in str(failure.value.message)
    assert Post.objects.count() == posts_before


def test_announcement_create_fails_if_employee_in_company_space(world, announce):
    with pytest.raises(PermissionDenied):
        announce(world.admin, None)  # a group admin, but the company space has no admins


def test_announcement_create_passes_if_leader_in_company_space(world, leader, announce):
    assert announce(leader, None).is_announcement


def test_announcement_create_fails_if_leader_in_group_they_may_not_post_in(world, leader, announce):
    with pytest.raises(PermissionDenied):
        announce(leader, world.groups["open"])  # readable, but she is no member


def test_announcement_create_fails_with_404_if_group_is_invisible(world, leader, announce):
    with pytest.raises(ValidationFailed) as failure:
        announce(leader, world.groups["secret"])
    assert failure.value.status == 404


def test_announcement_create_notifies_the_audience_but_not_the_author(world, announce, committed):
    with committed():
        post = announce(world.admin, world.groups["secret"])
    notified = set(
        Notification.objects.filter(kind="announcement", post=post).values_list(
            "recipient_id", flat=True
        )
    )
    assert notified == {world.member.pk}


def test_announcement_read_marks_its_notification_read_once(world, announce, committed):
    with committed():
        post = announce(world.admin, world.groups["open"])
    services.announcement_read(actor=world.member, post=post)
    services.announcement_read(actor=world.member, post=post)
    assert AnnouncementRead.objects.filter(post=post, user=world.member).count() == 1
    notification = Notification.objects.get(kind="announcement", recipient=world.member)
    assert notification.read_at is not None


def test_announcement_read_fails_if_viewer_may_not_read_it(world, announce):
    post = announce(world.admin, world.groups["closed"])
    with pytest.raises(NotFound):
        services.announcement_read(actor=world.outsider, post=post)


def test_announcement_read_fails_if_post_is_no_announcement(world):
    with pytest.raises(NotFound):
        services.announcement_read(actor=world.admin, post=world.posts["open"])


def test_announcement_unpin_fails_if_not_author_or_admin(world, announce):
    post = announce(world.admin, world.groups["open"])
    with pytest.raises(PermissionDenied):
        services.announcement_unpin(actor=world.member, post=post)
    assert pinned_for(world.member, space=world.groups["open"]) == [post]
    services.announcement_unpin(actor=world.admin, post=post)
    assert pinned_for(world.member, space=world.groups["open"]) == []


def test_leader_appoint_fails_if_not_site_admin(world):
    with pytest.raises(PermissionDenied):
        services.leader_appoint(actor=world.admin, user=world.member)
    assert not Leader.objects.exists()


def test_leader_appoint_fails_if_guest(world):
    with pytest.raises(ValidationFailed):
        services.leader_appoint(actor=world.site_admin, user=world.guest)


def test_leader_dismiss_takes_the_right_away_at_once(world, leader):
    assert access.can_announce_in(leader, None)
    services.leader_dismiss(actor=world.site_admin, user=leader)
    assert not access.can_announce_in(leader, None)
