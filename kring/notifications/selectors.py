"""Reading notifications for their recipient, always through the access policy."""

from datetime import datetime

from django.db.models import QuerySet

from kring import access
from kring.core.pagination import Page, paginate_newest_first
from kring.notifications.models import Notification
from kring.people.models import User

# What a notification line shows: who, what, where. Keep in step with wording.py.
LINE_RELATED = (
    "actor",
    "post",
    "post__author",
    "post__group",
    "reply",
    "group",
    "conversation",
    "message",
    "page",
    "page__group",
)


def visible_notifications_for(viewer: User) -> QuerySet:
    """The viewer's notifications whose target they may still see."""
    return access.visible(viewer, Notification.objects.all())


def notifications_for(viewer: User, *, cursor: str | None = None, per_page: int = 20) -> Page:
    """One page of the viewer's visible notifications, newest first."""
    queryset = visible_notifications_for(viewer).select_related(*LINE_RELATED)
    return paginate_newest_first(queryset, field="created_at", cursor=cursor, per_page=per_page)


def unread_count_for(viewer: User) -> int:
    """How many visible notifications the viewer has not read.

    Whoever has read everything (most readers, most of the time) costs one look at the
    unread index; only otherwise are the unread counted through the access policy, whose
    query takes longer to build than to run.
    """
    if not Notification.objects.filter(recipient_id=viewer.pk, read_at__isnull=True).exists():
        return 0
    return visible_notifications_for(viewer).filter(read_at__isnull=True).count()


def unread_for_digest(viewer: User, *, kinds: list[str], since: datetime) -> list[Notification]:
    """Visible unread notifications of `kinds` since `since` that no digest carried yet."""
    return list(
        visible_notifications_for(viewer)
        .filter(
            read_at__isnull=True, digested_at__isnull=True, kind__in=kinds, created_at__gte=since
        )
        .select_related(*LINE_RELATED)
        .order_by("-created_at", "-id")[:50]
    )
