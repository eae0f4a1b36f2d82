"""Rules for announcements: who may post one, mark it read, and see who read it."""

from typing import Any

from kring.access.groups import can_moderate_in, can_post_in, is_group_admin
from kring.access.posts import can_view_post
from kring.access.viewers import (
    LEADER_CACHE,
    group_roles,
    is_employee,
    is_signed_in,
    is_site_admin,
    leader_from_memberships,
)
from kring.announcements.models import Leader
from kring.groups.models import Group, Membership
from kring.posts.models import Post


def is_leader(viewer: Any) -> bool:
    """Whether a site admin gave the viewer the leader role (cached on the user object).

    Read with the viewer's memberships (kring.access.viewers), which the page needs anyway;
    asked on its own only for someone in no group."""
    if not is_employee(viewer):
        return False
    cached = getattr(viewer, LEADER_CACHE, None)
    if cached is None:
        cached = leader_from_memberships(viewer)
    if cached is None:
        cached = Leader.objects.filter(user_id=viewer.pk).exists()
        setattr(viewer, LEADER_CACHE, cached)
    return cached


def forget_leader(*viewers: Any) -> None:
    """Drop the cached role after it changed, so the next check reads it again."""
    for viewer in viewers:
        if viewer is not None and hasattr(viewer, LEADER_CACHE):
            delattr(viewer, LEADER_CACHE)


def can_announce_in(viewer: Any, group: Group | None) -> bool:
    """Leaders announce wherever they may post; group admins in their own group."""
    if not can_post_in(viewer, group):
        return False
    return is_leader(viewer) or (group is not None and is_group_admin(viewer, group))


def can_announce_anywhere(viewer: Any) -> bool:
    """Whether the composer should offer "post as an announcement" at all."""
    if is_leader(viewer):
        return True
    return Membership.Role.ADMIN in group_roles(viewer).values()


def can_mark_read(viewer: Any, post: Post) -> bool:
    return post.is_announcement and can_view_post(viewer, post)


def can_view_reads(viewer: Any, post: Post) -> bool:
    """Who read an announcement: its author, and the admins of the space it is in."""
    if not (post.is_announcement and can_view_post(viewer, post)):
        return False
    return post.author_id == viewer.pk or can_moderate_in(viewer, post.group)


def can_appoint_leaders(viewer: Any) -> bool:
    return is_signed_in(viewer) and is_site_admin(viewer)
