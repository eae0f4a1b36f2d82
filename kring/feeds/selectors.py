"""The streams of posts a viewer reads: home, company-wide and per group."""

from typing import Any

from django.db.models import QuerySet

from kring import access
from kring.core.pagination import Page, paginate_newest_first
from kring.groups.models import Group
from kring.posts.models import Post

PER_PAGE = 20


def _visible_posts(viewer: Any) -> QuerySet:
    return access.visible(
        viewer, Post.objects.select_related("author", "author__department", "group")
    )


def feed_home_for(viewer: Any, *, cursor: str | None = None, per_page: int = PER_PAGE) -> Page:
    """Everything the viewer may read, the most recently active first."""
    return paginate_newest_first(
        _visible_posts(viewer), field="last_activity_at", cursor=cursor, per_page=per_page
    )


def feed_company_for(viewer: Any, *, cursor: str | None = None, per_page: int = PER_PAGE) -> Page:
    """The company-wide space; empty for whoever may not read it."""
    posts = _visible_posts(viewer).filter(group__isnull=True)
    return paginate_newest_first(posts, field="last_activity_at", cursor=cursor, per_page=per_page)


def feed_group_for(
    viewer: Any, group: Group, *, cursor: str | None = None, per_page: int = PER_PAGE
) -> Page:
    """One group's conversations; empty for whoever may not read them."""
    posts = _visible_posts(viewer).filter(group=group)
    return paginate_newest_first(posts, field="last_activity_at", cursor=cursor, per_page=per_page)
