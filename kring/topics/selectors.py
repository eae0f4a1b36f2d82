"""Reads of topics for a viewer: the posts under a topic, counted only over what they may see."""

from typing import Any

from django.db.models import QuerySet

from kring import access
from kring.core.pagination import Page, paginate_newest_first
from kring.groups.selectors import groups_postable_for
from kring.people.models import User
from kring.posts.models import Post
from kring.topics.models import Topic, TopicUse

PER_PAGE = 20
AUTOCOMPLETE_LIMIT = 8


def _topic_posts(viewer: Any, topic: Topic | None) -> QuerySet:
    if topic is None:
        return Post.objects.none()
    tagged = TopicUse.objects.filter(topic=topic).values("post_id")
    posts = Post.objects.filter(pk__in=tagged).select_related(
        "author", "author__department", "group"
    )
    return access.visible(viewer, posts)


def topic_posts_for(
    viewer: Any, topic: Topic | None, *, cursor: str | None = None, per_page: int = PER_PAGE
) -> Page:
    """Posts the viewer may read that use the topic, or whose replies do; newest activity first."""
    return paginate_newest_first(
        _topic_posts(viewer, topic), field="last_activity_at", cursor=cursor, per_page=per_page
    )


def topic_post_count_for(viewer: Any, topic: Topic | None) -> int:
    """How many of the topic's posts the viewer may read (hidden ones are never counted)."""
    return _topic_posts(viewer, topic).count()


def mention_candidates_for(viewer: Any, query: str) -> list[tuple[str, str, str]]:
    """Up to 8 (handle, name, kind) the viewer may mention that match `query`.

    Colleagues the viewer may see by username or name, then the groups they may post in.
    """
    query = query.strip().lstrip("@")
    if not query or not access.is_signed_in(viewer):
        return []
    from django.db.models import Q

    people = access.visible(
        viewer,
        User.objects.filter(
            Q(username__istartswith=query)
            | Q(first_name__istartswith=query)
            | Q(last_name__istartswith=query)
        ),
    ).order_by("first_name", "last_name", "username")[:AUTOCOMPLETE_LIMIT]
    found = [(p.username, p.display_name, "person") for p in people]
    if len(found) < AUTOCOMPLETE_LIMIT:
        lowered = query.casefold()
        groups = [
            g
            for g in groups_postable_for(viewer)
            if g.slug.casefold().startswith(lowered) or g.name.casefold().startswith(lowered)
        ]
        found += [(g.slug, g.name, "group") for g in groups]
    return found[:AUTOCOMPLETE_LIMIT]
