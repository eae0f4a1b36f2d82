"""Rules for polls: they follow the post they are in (issue 4)."""

from typing import Any

from kring.access.posts import can_view_post
from kring.access.viewers import is_signed_in
from kring.posts.models import Post


def can_vote(viewer: Any, post: Post) -> bool:
    """Whoever may read a post may vote in its poll (whether it is still open is not access)."""
    return is_signed_in(viewer) and can_view_post(viewer, post)


def can_see_poll_results(viewer: Any, post: Post, *, voted: bool, closed: bool) -> bool:
    """A reader sees the counts after voting, once the poll closed, or as the post's author."""
    if not can_view_post(viewer, post):
        return False
    return voted or closed or (is_signed_in(viewer) and post.author_id == viewer.pk)
