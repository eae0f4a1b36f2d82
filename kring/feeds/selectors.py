"""The streams of posts a viewer reads: home, company-wide and per group."""

from typing import Any

from django.db import connections
from django.db.models import QuerySet

from kring import access
from kring.core.pagination import Page, newest_first_after, page_from, paginate_newest_first
from kring.groups.models import Group
from kring.posts.loading import posts_newest_for
from kring.posts.models import Post

PER_PAGE = 20


def _visible_posts(viewer: Any) -> QuerySet:
    return access.visible(
        viewer, Post.objects.select_related("author", "author__department", "group")
    )


def feed_home_for(viewer: Any, *, cursor: str | None = None, per_page: int = PER_PAGE) -> Page:
    """Everything the viewer may read, the most recently active first."""
    if not access.is_employee(viewer):
        return _feed_of_own_groups(viewer, cursor=cursor, per_page=per_page)
    if not cursor:
        return _first_page(viewer, "home", per_page)
    return paginate_newest_first(
        _visible_posts(viewer), field="last_activity_at", cursor=cursor, per_page=per_page
    )


def _first_page(viewer: Any, space: str | Group, per_page: int) -> Page:
    """A feed's first page, from SQL compiled once per kind of reader (most visits)."""
    posts = posts_newest_for(viewer, space=space, limit=per_page + 1)
    return page_from(posts, field="last_activity_at", per_page=per_page)


def _feed_of_own_groups(viewer: Any, *, cursor: str | None, per_page: int) -> Page:
    """A guest's home feed: the newest of each readable group's own index, merged.

    A guest reads only a few groups. Walking the organisation-wide activity index would
    pass over every post they may not read (a second on a million posts); each group's
    index holds only readable posts, so each group costs one small index scan.
    """
    groups = [
        g for g in access.visible(viewer, Group.objects.all()) if access.can_read_space(viewer, g)
    ]
    newest_per_group = [
        newest_first_after(
            Post.objects.filter(group=group), field="last_activity_at", cursor=cursor
        ).values_list("last_activity_at", "id")[: per_page + 1]
        for group in groups
    ]
    chosen = [pk for _moment, pk in newest_keys(newest_per_group, limit=per_page + 1)]
    posts = _visible_posts(viewer).filter(pk__in=chosen).order_by("-last_activity_at", "-id")
    return page_from(list(posts), field="last_activity_at", per_page=per_page)


def newest_keys(parts: list[QuerySet], *, limit: int) -> list[tuple]:
    """Merge newest-first (last_activity_at, id) queries into their `limit` newest keys.

    One UNION ALL query where the database can limit each part of it (PostgreSQL); SQLite
    cannot, so there each part is its own query and the merge happens here. Both order by
    (last_activity_at, id) descending, so pages and cursors are the same.
    """
    if len(parts) > 1 and connections[parts[0].db].features.supports_slicing_ordering_in_compound:
        first, *others = parts
        merged = first.union(*others, all=True).order_by("-last_activity_at", "-id")
        return list(merged[:limit])
    keys = [key for part in parts for key in part]
    return sorted(keys, reverse=True)[:limit]


def feed_company_for(viewer: Any, *, cursor: str | None = None, per_page: int = PER_PAGE) -> Page:
    """The company-wide space; empty for whoever may not read it."""
    if not cursor:
        return _first_page(viewer, "company", per_page)
    posts = _visible_posts(viewer).filter(group__isnull=True)
    return paginate_newest_first(posts, field="last_activity_at", cursor=cursor, per_page=per_page)


def feed_group_for(
    viewer: Any, group: Group, *, cursor: str | None = None, per_page: int = PER_PAGE
) -> Page:
    """One group's conversations; empty for whoever may not read them."""
    if not cursor:
        return _first_page(viewer, group, per_page)
    posts = _visible_posts(viewer).filter(group=group)
    return paginate_newest_first(posts, field="last_activity_at", cursor=cursor, per_page=per_page)


NEWS_LIMIT = 50


def feed_news_for(
    viewer: Any, *, space: Group | str, after: int, limit: int = NEWS_LIMIT
) -> list[int]:
    """Ids of the posts newer than post `after` that the viewer's feed of `space` would show.

    `space` is "home", "company" or a group the viewer may see. Newest first, at most
    `limit`; one query on the primary key, whatever the number of posts.
    """
    posts = access.visible(viewer, Post.objects.filter(pk__gt=after))
    if space == "company":
        posts = posts.filter(group__isnull=True)
    elif isinstance(space, Group):
        posts = posts.filter(group=space)
    return list(posts.order_by("-pk").values_list("pk", flat=True)[:limit])
