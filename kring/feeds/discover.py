"""The "Ontdekken" page: topics and groups that are lively this week, for one viewer.

Both lists count only posts the viewer may read, among the newest WINDOW posts active in
the last DAYS days (one bounded index range), so a busy organisation costs the same.
"""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db.models import Count
from django.utils import timezone

from kring import access
from kring.follows.selectors import followed_ids_of
from kring.groups.models import Group
from kring.posts.models import Post
from kring.topics.models import Topic, TopicUse

DAYS = 7
WINDOW = 2000
TOPICS_SHOWN = 10
GROUPS_SHOWN = 6


@dataclass(frozen=True)
class Trending:
    topic: Topic
    posts: int
    following: bool


@dataclass(frozen=True)
class ActiveGroup:
    group: Group
    posts: int
    following: bool
    may_join: bool


@dataclass(frozen=True)
class Discoveries:
    topics: list[Trending]
    groups: list[ActiveGroup]


def _recent_window(viewer: Any):
    """The ids of the newest visible posts active in the last DAYS days (a subquery)."""
    since = timezone.now() - timedelta(days=DAYS)
    recent = access.visible(viewer, Post.objects.filter(last_activity_at__gte=since))
    return recent.order_by("-last_activity_at", "-id").values("id")[:WINDOW]


def discoveries_for(viewer: Any) -> Discoveries:
    """Trending topics and active groups among what the viewer may read (four queries)."""
    _people, followed_groups, followed_topics = followed_ids_of(viewer)
    window = _recent_window(viewer)
    topic_rows = (
        TopicUse.objects.filter(post_id__in=window, topic__merged_into__isnull=True)
        .values("topic_id")
        .annotate(posts=Count("post_id", distinct=True))
        .order_by("-posts", "topic_id")[:TOPICS_SHOWN]
    )
    topic_counts = {row["topic_id"]: row["posts"] for row in topic_rows}
    topics = Topic.objects.in_bulk(list(topic_counts)) if topic_counts else {}
    group_rows = (
        Post.objects.filter(pk__in=_recent_window(viewer), group__isnull=False)
        .values("group_id")
        .annotate(posts=Count("id"))
        .order_by("-posts", "group_id")[:GROUPS_SHOWN]
    )
    group_counts = {row["group_id"]: row["posts"] for row in group_rows}
    groups = (
        access.visible(viewer, Group.objects.filter(pk__in=list(group_counts))).in_bulk()
        if group_counts
        else {}
    )
    return Discoveries(
        topics=[
            Trending(topics[pk], count, pk in followed_topics)
            for pk, count in topic_counts.items()
            if pk in topics
        ],
        groups=[
            ActiveGroup(
                groups[pk], count, pk in followed_groups, access.can_join(viewer, groups[pk])
            )
            for pk, count in group_counts.items()
            if pk in groups
        ],
    )
