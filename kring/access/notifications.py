"""Rules for notifications: your own, and only while you may still see what they point at.

Checked again at delivery (the list, the bell count, the e-mail, the digest, the API), so
someone who left a closed group sees nothing more from it, not even a count, and someone
who left a private conversation nothing more from that conversation.
"""

from typing import Any

from django.db.models import Q, QuerySet

from kring.access.conversations import can_view_conversation
from kring.access.groups import can_read_space, can_view_group, group_rule, space_rule
from kring.access.posts import can_view_post
from kring.access.viewers import is_signed_in


def can_view_notification(viewer: Any, notification: Any) -> bool:
    if not is_signed_in(viewer) or notification.recipient_id != viewer.pk:
        return False
    if notification.post_id is not None:
        return can_view_post(viewer, notification.post)
    if notification.group_id is not None:
        return can_view_group(viewer, notification.group)
    if notification.conversation_id is not None:
        return can_view_conversation(viewer, notification.conversation)
    if notification.page_id is not None:
        return can_read_space(viewer, notification.page.group)
    return False


def visible_notifications(viewer: Any, queryset: QuerySet) -> QuerySet:
    """The viewer's notifications whose target they may see (the query form of the rule above)."""
    posts = space_rule(viewer, prefix="post__")
    pages = space_rule(viewer, prefix="page__")
    groups = group_rule(viewer, prefix="group__")
    if posts is None or groups is None or pages is None:
        return queryset.none()
    from kring.conversations.models import Participant

    seats = Participant.objects.filter(user_id=viewer.pk).values("conversation_id")
    return queryset.filter(recipient_id=viewer.pk).filter(
        (Q(post__isnull=False) & posts)
        | (Q(post__isnull=True, group__isnull=False) & groups)
        | Q(post__isnull=True, group__isnull=True, page__isnull=True, conversation_id__in=seats)
        | (Q(post__isnull=True, group__isnull=True, page__isnull=False) & pages)
    )
