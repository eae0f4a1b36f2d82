"""Rules for posts and replies: they follow the space they are in."""

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet

from kring.access.groups import (
    ReaderKind,
    can_moderate_in,
    can_read_space,
    can_reply_in,
    space_rule,
    space_rule_every_employee,
    space_rule_of,
)
from kring.access.viewers import is_signed_in
from kring.posts.models import Post, Reply


def can_view_post(viewer: Any, post: Post) -> bool:
    return can_read_space(viewer, post.group)


def visible_posts(viewer: Any, queryset: QuerySet, prefix: str = "") -> QuerySet:
    rule = space_rule(viewer, prefix)
    return queryset.none() if rule is None else queryset.filter(rule)


def visible_posts_of(
    kind: ReaderKind, viewer_id: int | None, queryset: QuerySet, prefix: str = ""
) -> QuerySet:
    """`visible_posts` of a viewer given by their kind and id (`reader_kind(viewer)`,
    `viewer.pk`): the same rule, for a query compiled once per kind of reader."""
    rule = space_rule_of(kind, viewer_id, prefix)
    return queryset.none() if rule is None else queryset.filter(rule)


def posts_every_employee_reads(queryset: QuerySet) -> QuerySet:
    """The posts of `queryset` that any employee may read, whatever their groups.

    With `groups_beyond_every_employee(viewer)` this is `visible_posts` of one employee;
    unlike that, it is the same for all of them, so its rows may be shared between them.
    """
    return queryset.filter(space_rule_every_employee())


def can_view_reply(viewer: Any, reply: Reply) -> bool:
    return can_view_post(viewer, reply.post)


def can_reply(viewer: Any, post: Post) -> bool:
    return can_reply_in(viewer, post.group)


def _is_author(viewer: Any, item: Post | Reply) -> bool:
    return is_signed_in(viewer) and item.author_id == viewer.pk


def can_edit_post(viewer: Any, post: Post) -> bool:
    return _is_author(viewer, post) and can_view_post(viewer, post)


def can_delete_post(viewer: Any, post: Post) -> bool:
    return can_edit_post(viewer, post) or can_moderate_in(viewer, post.group)


def can_edit_reply(viewer: Any, reply: Reply) -> bool:
    return reply.deleted_at is None and _is_author(viewer, reply) and can_view_reply(viewer, reply)


def can_delete_reply(viewer: Any, reply: Reply) -> bool:
    if reply.deleted_at is not None:
        return False
    return can_edit_reply(viewer, reply) or can_moderate_in(viewer, reply.post.group)


def reply_rights(viewer: Any, post: Post, replies: Iterable[Any]) -> dict[int, tuple[bool, bool]]:
    """{reply id: (can_edit_reply, can_delete_reply)} for replies of `post`, for a thread page:
    Reply objects or anything with their `pk`, `author_id` and `deleted_at` (a thread
    page's ReplyFacts, read from its rows).

    The same answers as asking each reply (a test compares them for every viewer), with
    the post's own checks (may the viewer read it, moderate its space) made once."""
    readable = can_view_post(viewer, post)
    moderates = can_moderate_in(viewer, post.group)
    rights = {}
    for reply in replies:
        live = reply.deleted_at is None
        edit = live and readable and _is_author(viewer, reply)
        rights[reply.pk] = (edit, live and (edit or moderates))
    return rights
