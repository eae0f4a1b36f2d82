"""Rules for topics, mentions and follows (issue 4).

A topic is only a name: every signed-in viewer may open any topic page, and what it lists
comes from `visible_posts`, so a topic used only in groups you cannot read is an empty page.
"""

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from kring.access.groups import can_read_space, space_rule
from kring.access.people import can_view_person
from kring.access.viewers import is_signed_in, is_site_admin


def can_view_topic(viewer: Any, topic: Any) -> bool:
    return is_signed_in(viewer)


def visible_topics(viewer: Any, queryset: QuerySet) -> QuerySet:
    return queryset if is_signed_in(viewer) else queryset.none()


def topics_used_visibly(viewer: Any) -> QuerySet:
    """Ids of the topics written in a post (or a reply to it) the viewer may read.

    A topic *page* opens for any name, but listing topics (search) must not tell that a
    tag was used only where the viewer cannot read: the name is that space's content.
    """
    from kring.topics.models import TopicUse

    rule = space_rule(viewer, "post__")
    if rule is None:
        return TopicUse.objects.none().values("topic_id")
    return TopicUse.objects.filter(rule).values("topic_id")


def topic_used_visibly_rule(viewer: Any, *, topic_ref: str) -> Q:
    """The query form of "some post the viewer reads uses this topic", for rows whose
    topic id is in field `topic_ref` (a correlated EXISTS, cheap on large tables)."""
    from kring.topics.models import TopicUse

    rule = space_rule(viewer, "post__")
    if rule is None:
        return Q(pk__in=[])
    return Q(Exists(TopicUse.objects.filter(rule, topic_id=OuterRef(topic_ref))))


def can_merge_topic(viewer: Any, topic: Any) -> bool:
    """Site admins merge a topic they can see used; one used only where they cannot read
    looks like a name nobody wrote (no merge link, no merge page, no merge target)."""
    if not is_site_admin(viewer) or getattr(topic, "pk", None) is None:
        return False
    return topics_used_visibly(viewer).filter(topic_id=topic.pk).exists()


def can_follow(viewer: Any, target: Any) -> bool:
    """Follow a colleague you can see, a group whose conversations you can read, any topic."""
    from kring.groups.models import Group
    from kring.people.models import User

    if isinstance(target, User):
        return target.pk != getattr(viewer, "pk", None) and can_view_person(viewer, target)
    if isinstance(target, Group):
        return can_read_space(viewer, target)
    return can_view_topic(viewer, target)
