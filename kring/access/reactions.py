"""Rules for reactions: they follow the post or reply they are on (praise follows its post)."""

from typing import Any

from kring.access.posts import can_view_post, can_view_reply
from kring.access.viewers import is_signed_in
from kring.posts.models import Post, Reply


def can_react(viewer: Any, target: Post | Reply) -> bool:
    """Whoever may read a post or a reply that is still there may react to it."""
    if not is_signed_in(viewer):
        return False
    if isinstance(target, Reply):
        return target.deleted_at is None and can_view_reply(viewer, target)
    return can_view_post(viewer, target)
