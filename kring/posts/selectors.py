"""Reads of one conversation for a viewer.

A thread is read in pages of replies in reading order (`Reply.path`), each page one
index range scan on (post, path): a page costs the same for a thread of 5 or 600 replies.
"""

import re
from dataclasses import dataclass
from typing import Any

from django.db.models import F, Max, OuterRef, Q, QuerySet, Subquery

from kring import access
from kring.posts.models import PATH_DIGITS, PATH_MAX_DEPTH, Post, Reply

PAGE_SIZE = 50
LIVE_BATCH = 20  # replies per answer to an open page that asks what is new
_PATH = re.compile(rf"[0-9]{{{PATH_DIGITS}}}(?:/[0-9]{{{PATH_DIGITS}}}){{0,{PATH_MAX_DEPTH - 1}}}")


@dataclass(frozen=True)
class ThreadPage:
    """Replies in reading order, starting after the path `after` ("" from the first one)."""

    replies: list[Reply]
    after: str
    next_after: str | None  # the `after` of the next page; None: this page ends the thread


def path_is_valid(value: str) -> bool:
    """Whether `value` has the shape of a reply path (it need not exist)."""
    return _PATH.fullmatch(value) is not None


def _replies_of(post: Post) -> QuerySet:
    # Of the parent the page shows only whom it answers: read as columns, not as two more
    # objects per reply (building objects is most of a page's cost).
    return (
        Reply.objects.filter(post=post)
        .select_related("author", "author__department")
        .defer("body", "author__about")  # the page shows body_html, and no one's about text
        .annotate(
            parent_deleted_at=F("parent__deleted_at"),
            parent_author_first_name=F("parent__author__first_name"),
            parent_author_last_name=F("parent__author__last_name"),
            parent_author_username=F("parent__author__username"),
        )
        .order_by("path")
    )


def thread_page_for(
    viewer: Any, post: Post, *, after: str = "", per_page: int = PAGE_SIZE
) -> ThreadPage:
    """Return up to `per_page` replies of the post the viewer can see, after the path `after`.

    A removed reply stays as a placeholder only while it has answers below it
    (services.reply_delete keeps it so), so every row is shown. One query.
    """
    if not access.can_view(viewer, post):
        return ThreadPage(replies=[], after=after, next_after=None)
    replies = _replies_of(post)
    if after:
        replies = replies.filter(path__gt=after)
    rows = list(replies[: per_page + 1])
    more = len(rows) > per_page
    rows = rows[:per_page]
    for reply in rows:
        reply.post = post  # the access rules of each reply look at its post's group
    return ThreadPage(replies=rows, after=after, next_after=rows[-1].path if more else None)


def reply_on_page(post: Post, reply_id: int) -> Reply:
    """One reply of the post (the viewer has read access), loaded as a thread page needs it."""
    reply = _replies_of(post).get(pk=reply_id)
    reply.post = post
    return reply


def _path_before(post_id: int, path: str) -> str:
    before = Reply.objects.filter(post_id=post_id, path__lt=path).order_by("-path")
    return before.values_list("path", flat=True).first() or ""


def reply_before(reply: Reply) -> str:
    """The path of the reply just before this one in reading order ("" if it is the first)."""
    return _path_before(reply.post_id, reply.path)


def reply_page_after(reply: Reply, *, per_page: int = PAGE_SIZE) -> str:
    """The `after` of the thread page that shows `reply` ("" for the first page).

    Beyond the first page, the page starts at the reply's top-level ancestor, so the
    conversation it belongs to is read from its beginning; when that conversation has too
    many answers before the reply, the page starts at the reply itself.
    """
    paths = Reply.objects.filter(post_id=reply.post_id).order_by("path")
    paths = paths.values_list("path", flat=True)
    if not paths.filter(path__lt=reply.path)[per_page - 1 : per_page].exists():
        return ""
    start = reply.path.split("/")[0]
    if paths.filter(path__gte=start, path__lt=reply.path)[per_page - 1 : per_page].exists():
        start = reply.path
    return _path_before(reply.post_id, start)


def replies_in_reading_order(viewer: Any, post: Post) -> list[Reply]:
    """Every reply of the post the viewer can see, in reading order (for the API)."""
    if not access.can_view(viewer, post):
        return []
    replies = list(
        Reply.objects.filter(post=post)
        .select_related("author", "author__department")
        .order_by("path")
    )
    for reply in replies:
        reply.post = post
    return replies


def latest_reply_column() -> Subquery:
    """`reply_latest_id` as a column of the post's own query: `annotate(latest_reply_id=...)`."""
    latest = Reply.objects.filter(post=OuterRef("pk")).order_by().values("post")
    return Subquery(latest.annotate(latest=Max("pk")).values("latest"))


def reply_latest_id(post: Post) -> int:
    """The id of the post's newest reply (0 without replies): an open page asks what came after it.

    Read from the post when it was loaded with `latest_reply_column()` (no query)."""
    if "latest_reply_id" in post.__dict__:
        return post.latest_reply_id or 0
    return Reply.objects.filter(post=post).aggregate(latest=Max("pk"))["latest"] or 0


def replies_since(
    viewer: Any, post: Post, *, since: int, reply_id: int | None = None, limit: int = LIVE_BATCH
) -> list[Reply]:
    """The replies of the post with an id above `since` (and reply `reply_id`), in reading order.

    For a thread page that is open: `since` is the newest reply it has; `reply_id` the one a
    live event named (written before, committed after the page was shown). At most `limit`,
    the oldest first, so that asking again from the largest id returned loses none.
    """
    if not access.can_view(viewer, post):
        return []
    rule = Q(pk__gt=since)
    if reply_id is not None:
        rule |= Q(pk=reply_id)
    rows = list(_replies_of(post).filter(rule).order_by("pk")[:limit])
    for reply in rows:
        reply.post = post
    return sorted(rows, key=lambda reply: reply.path)
