"""Reads of one conversation for a viewer.

A thread is read in pages of replies in reading order (`Reply.path`), each page one
index range scan on (post, path): a page costs the same for a thread of 5 or 600 replies.
"""

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any, NamedTuple

from django.db.models import F, Max, OuterRef, Q, QuerySet, Subquery

from kring import access
from kring.core.compiled_sql import CompiledSelect, model_from_row
from kring.posts.loading import DEPARTMENT_COLUMNS, author_from_row
from kring.posts.models import PATH_DIGITS, PATH_MAX_DEPTH, Post, Reply
from kring.reactions.models import KINDS, count_field

PAGE_SIZE = 50
LIVE_BATCH = 20  # replies per answer to an open page that asks what is new
_PATH = re.compile(rf"[0-9]{{{PATH_DIGITS}}}(?:/[0-9]{{{PATH_DIGITS}}}){{0,{PATH_MAX_DEPTH - 1}}}")


def path_is_valid(value: str) -> bool:
    """Whether `value` has the shape of a reply path (it need not exist)."""
    return _PATH.fullmatch(value) is not None


# Of the parent a reply shows only whom it answers, and whether that reply was removed.
_PARENT_COLUMNS = {
    "parent_deleted_at": "parent__deleted_at",
    "parent_author_first_name": "parent__author__first_name",
    "parent_author_last_name": "parent__author__last_name",
    "parent_author_username": "parent__author__username",
}


# The same values read from the parent reply itself (a page's replies answer replies on it).
_PARENT_OWN = tuple(path.removeprefix("parent__") for path in _PARENT_COLUMNS.values())
_NO_PARENT = (None,) * len(_PARENT_COLUMNS)


def _parent_columns() -> dict[str, F]:
    return {name: F(path) for name, path in _PARENT_COLUMNS.items()}


def _replies_of(post: Post) -> QuerySet:
    # Of the parent the page shows only whom it answers: read as columns, not as two more
    # objects per reply (building objects is most of a page's cost).
    return (
        Reply.objects.filter(post=post)
        .select_related("author", "author__department")
        .defer("body", "author__about")  # the page shows body_html, and no one's about text
        .annotate(**_parent_columns())
        .order_by("path")
    )


# A thread page's replies are built from plain rows: Django builds a model object for
# each reply, its author and their department through Model.__init__/from_db, which cost
# twice the query itself (50 replies: 10.5 -> 6.2 ms of CPU on the bench machine). The
# objects are ordinary models; a field left out here (the author's password, say) is
# deferred, and reading one would cost a query, which the tests' equal query counts for
# 5, 60 and 200 replies would show.
_REPLY_COLUMNS = tuple(f.attname for f in Reply._meta.concrete_fields if f.attname != "body")
_AUTHOR_COLUMNS = ("id", "username", "first_name", "last_name", "kind", "job_title",
                   "department_id", "photo", "is_active", "is_staff")  # fmt: skip


_PAGE_COLUMNS = (
    *_REPLY_COLUMNS,
    *(f"author__{name}" for name in _AUTHOR_COLUMNS),
    *(f"author__department__{name}" for name in DEPARTMENT_COLUMNS),
)


def _page_query(post_id: int, after: str | None, limit: int) -> QuerySet:
    page = Reply.objects.filter(post_id=post_id)
    if after is not None:
        page = page.filter(path__gt=after)
    # The page's replies are chosen first (one range of reply_thread_order), and only
    # they are joined to their authors: PostgreSQL, expecting a thread of average length,
    # otherwise joined every reply of a long thread and then sorted them (600 replies:
    # 2.5 ms to run instead of 0.5, bench/README.md).
    page = page.order_by("path").values("pk")[:limit]
    return Reply.objects.filter(pk__in=page).order_by("path").values_list(*_PAGE_COLUMNS)


@cache
def _page_query_compiled(after: bool, limit: int) -> CompiledSelect:
    """Every thread page asks one of these: compiled once per shape (kring/core/compiled_sql.py),
    whether the page starts after a reply and its length (a LIMIT)."""
    if after:
        return CompiledSelect(lambda post, path: _page_query(post, path, limit), slots=(int, str))
    return CompiledSelect(lambda post: _page_query(post, None, limit), slots=(int,))


def _page_rows(post_id: int, after: str, limit: int) -> list[tuple]:
    values = (post_id, after) if after else (post_id,)
    return _page_query_compiled(bool(after), limit).rows(*values, using=Reply.objects.db)


_AT = {name: index for index, name in enumerate(_PAGE_COLUMNS)}
_COUNTS = tuple(_AT[count_field(kind)] for kind in KINDS)


class ReplyFacts(NamedTuple):
    """What the reader's rights on a reply and their reaction bar depend on, from its row:
    enough for kring/access and kring/reactions without building the reply."""

    pk: int
    author_id: int
    deleted_at: Any
    counts: tuple[int, ...]  # in KINDS order


@dataclass(frozen=True)
class ThreadPage:
    """Replies in reading order, starting after the path `after` ("" from the first one).

    Kept as the rows the page's query returned (`rows`, and `earlier_parents`: the
    _PARENT_OWN values of the replies on earlier pages that replies here answer): a page
    whose replies are kept as one list (posts/replies_html.py) never builds them.
    """

    post: Post | None
    rows: list[tuple]
    after: str
    next_after: str | None  # the `after` of the next page; None: this page ends the thread
    earlier_parents: dict[int, tuple] = field(default_factory=dict)

    @cached_property
    def facts(self) -> list[ReplyFacts]:
        pk, author, deleted = _AT["id"], _AT["author_id"], _AT["deleted_at"]
        return [
            ReplyFacts(row[pk], row[author], row[deleted], tuple(row[i] for i in _COUNTS))
            for row in self.rows
        ]

    @cached_property
    def replies(self) -> list[Reply]:
        """The replies as models, each with its post, author (with department) and the
        _PARENT_COLUMNS of whom it answers."""
        db = Reply.objects.db
        end = len(_REPLY_COLUMNS)
        loaded = []
        for row in self.rows:
            reply = model_from_row(Reply, _REPLY_COLUMNS, row[:end], db)
            reply._state.fields_cache["author"] = author_from_row(row[end:], db, _AUTHOR_COLUMNS)
            reply._state.fields_cache["post"] = self.post
            loaded.append(reply)
        _parents_attach(loaded, self.earlier_parents)
        return loaded


def _earlier_parents(rows: list[tuple]) -> dict[int, tuple]:
    """The _PARENT_OWN values of the parents of `rows` that are not among them: one query,
    none on a thread's first page. A reply's parent comes before it in reading order, so
    on the first page every parent is on the page itself: joining each reply's parent and
    its author made the query cost three times as much to plan and to run (bench/README.md).
    """
    pk, parent = _AT["id"], _AT["parent_id"]
    on_page = {row[pk] for row in rows}
    missing = {row[parent] for row in rows if row[parent] and row[parent] not in on_page}
    if not missing:
        return {}
    values = Reply.objects.filter(pk__in=missing).values_list("pk", *_PARENT_OWN)
    return {pk: tuple(rest) for pk, *rest in values}


def _parent_values(reply: Reply) -> tuple:
    """A reply's own values as its answers show them, in the order of _PARENT_COLUMNS."""
    values = []
    for name in _PARENT_OWN:
        value: Any = reply
        for part in name.split("__"):
            value = getattr(value, part)
        values.append(value)
    return tuple(values)


def _parents_attach(replies: list[Reply], earlier: dict[int, tuple]) -> None:
    """Set _PARENT_COLUMNS on each reply: from the page where its parent is on it, else
    from `earlier` (_earlier_parents)."""
    on_page = {reply.pk: reply for reply in replies}
    for reply in replies:
        if reply.parent_id is None:
            values = _NO_PARENT
        elif reply.parent_id in on_page:
            values = _parent_values(on_page[reply.parent_id])
        else:
            values = earlier.get(reply.parent_id, _NO_PARENT)
        reply.__dict__.update(zip(_PARENT_COLUMNS, values, strict=True))


def thread_page_for(
    viewer: Any, post: Post, *, after: str = "", per_page: int = PAGE_SIZE
) -> ThreadPage:
    """Return up to `per_page` replies of the post the viewer can see, after the path `after`.

    A removed reply stays as a placeholder only while it has answers below it
    (services.reply_delete keeps it so), so every row is shown. One query, and a second
    only for a page after the first whose replies answer replies on earlier pages.
    """
    if not access.can_view(viewer, post):
        return ThreadPage(post=None, rows=[], after=after, next_after=None)
    rows = _page_rows(post.pk, after, per_page + 1)
    more = len(rows) > per_page
    rows = rows[:per_page]
    return ThreadPage(
        post=post,
        rows=rows,
        after=after,
        next_after=rows[-1][_AT["path"]] if more else None,
        earlier_parents=_earlier_parents(rows),
    )


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
