"""Posting announcements, marking them read, unpinning them, and the leader role."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kring import access
from kring.announcements.models import PINNED_FOR, Announcement, AnnouncementRead, Leader
from kring.announcements.selectors import pinned_ids_forget
from kring.core.errors import NotFound, PermissionDenied, ValidationFailed
from kring.groups.models import Group
from kring.notifications.models import Notification
from kring.notifications.services import notify
from kring.people.models import User
from kring.posts import services as post_services
from kring.posts.models import Post


def _announce_check(actor: User, group: Group | None) -> None:
    if not access.can_announce_in(actor, group):
        raise PermissionDenied(
            _("Only leaders and the group's admins can post announcements here."),
            field="announcement",
        )


@transaction.atomic
def announcement_publish(*, actor: User, post: Post) -> Post:
    """Make the actor's fresh post an announcement: pinned, must-read, its readers notified.

    Call it in the transaction that created the post (the composer does), so a refusal
    leaves no post behind. Raises PermissionDenied unless the actor may announce there.
    """
    _announce_check(actor, post.group)
    if post.author_id != actor.pk:
        raise PermissionDenied(_("Only the author can make this an announcement."))
    if post.is_announcement:
        return post
    post.is_announcement = True
    post.save(update_fields=["is_announcement"])
    now = timezone.now()
    Announcement.objects.create(post=post, created_at=now, pinned_until=now + PINNED_FOR)
    pinned_ids_forget()
    notify(
        kind=Notification.Kind.ANNOUNCEMENT,
        recipients=access.audience(post),
        actor=actor,
        target=post,
    )
    return post


@transaction.atomic
def announcement_create(*, actor: User, group: Group | None, body: str) -> Post:
    """Post an announcement in `group` (None: the company space)."""
    if group is None or access.can_view(actor, group):
        _announce_check(actor, group)  # before writing: the message names the real reason
    post = post_services.post_create(actor=actor, group=group, body=body)
    return announcement_publish(actor=actor, post=post)


@transaction.atomic
def announcement_read(*, actor: User, post: Post) -> AnnouncementRead:
    """Record that the actor read the announcement; its notification counts as read too."""
    if not access.can_mark_read(actor, post):
        raise NotFound(_("That announcement does not exist."))
    read, _created = AnnouncementRead.objects.get_or_create(post=post, user=actor)
    Notification.objects.filter(
        recipient=actor, kind=Notification.Kind.ANNOUNCEMENT, post=post, read_at__isnull=True
    ).update(read_at=read.read_at)
    return read


@transaction.atomic
def announcement_unpin(*, actor: User, post: Post) -> None:
    """Take the announcement off the top of the feeds now (its author or an admin)."""
    if not access.can_view_reads(actor, post):
        raise PermissionDenied(_("Only the author or an admin can unpin this announcement."))
    Announcement.objects.filter(post=post).update(pinned_until=timezone.now())
    pinned_ids_forget()


def _appoint_check(actor: User) -> None:
    if not access.can_appoint_leaders(actor):
        raise PermissionDenied(_("Only site admins can choose the leaders."))


@transaction.atomic
def leader_appoint(*, actor: User, user: User) -> Leader:
    """Give a colleague (an employee, never an external guest) the leader role."""
    _appoint_check(actor)
    if not (user.is_active and user.is_employee):
        raise ValidationFailed(
            _("Only active colleagues of the organisation can be leaders."), field="username"
        )
    leader, _created = Leader.objects.get_or_create(user=user, defaults={"appointed_by": actor})
    access.forget_leader(user)
    return leader


@transaction.atomic
def leader_dismiss(*, actor: User, user: User) -> None:
    """Take the leader role away; announcements already posted stay."""
    _appoint_check(actor)
    Leader.objects.filter(user=user).delete()
    access.forget_leader(user)
