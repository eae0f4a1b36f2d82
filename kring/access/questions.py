"""Rules for questions and answers (issue 5): they follow the post they are in."""

from typing import Any

from kring.access.groups import can_moderate_in, can_post_in
from kring.access.posts import can_view_post, can_view_reply
from kring.access.viewers import is_signed_in
from kring.posts.models import Post, Reply


def can_ask_in(viewer: Any, group: Any) -> bool:
    """Whoever may post in a space may ask a question there."""
    return can_post_in(viewer, group)


def can_vote_answer(viewer: Any, reply: Reply) -> bool:
    """Whoever may read an answer that is still there may vote for it (their own excepted).

    Voting for one's own answer is refused by the service with a 403: it is readable, the
    vote would only not be fair.
    """
    return is_signed_in(viewer) and reply.deleted_at is None and can_view_reply(viewer, reply)


def can_accept_answer(viewer: Any, post: Post) -> bool:
    """The asker, a group admin, or a site admin who may read the space marks the answer."""
    if not is_signed_in(viewer) or not can_view_post(viewer, post):
        return False
    return post.author_id == viewer.pk or can_moderate_in(viewer, post.group)
