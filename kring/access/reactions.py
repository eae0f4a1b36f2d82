"""Rules for reactions: they follow the post or reply they are on (praise follows its post)."""

from collections.abc import Iterable
from typing import Any

from kring.access.groups import can_read_space
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


def can_react_to_each(viewer: Any, targets: Iterable[Post | Reply]) -> dict[int, bool]:
    """{id: can_react} for posts (or replies) on one page, each space checked once.

    The same answers as can_react for each (a test compares them for every viewer)."""
    if not is_signed_in(viewer):
        return {target.pk: False for target in targets}
    readable: dict[int | None, bool] = {}
    answers = {}
    for target in targets:
        post = target.post if isinstance(target, Reply) else target
        if post.group_id not in readable:
            readable[post.group_id] = can_read_space(viewer, post.group)
        live = not isinstance(target, Reply) or target.deleted_at is None
        answers[target.pk] = live and readable[post.group_id]
    return answers


def can_react_to_replies(viewer: Any, post: Post, replies: Iterable[Any]) -> dict[int, bool]:
    """{reply id: can_react} for replies of `post` (Reply objects or anything with their
    `pk` and `deleted_at`, such as a thread page's ReplyFacts): the post's space checked once.

    The same answers as can_react for each (a test compares them for every viewer)."""
    readable = is_signed_in(viewer) and can_view_post(viewer, post)
    return {reply.pk: readable and reply.deleted_at is None for reply in replies}
