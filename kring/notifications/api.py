"""The caller's notifications over the API: the list, and marking them read."""

from datetime import datetime
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Path, Router, Schema

from kring.api.schemas import MAX_ID, Message, absolute_url
from kring.core.pagination import Page
from kring.notifications import services
from kring.notifications.models import Notification
from kring.notifications.selectors import notifications_for, unread_count_for
from kring.notifications.wording import (
    notification_place,
    notification_sentence,
    notification_snippet,
    notification_target_url,
)

router = Router(tags=["notifications"])
NotificationId = Annotated[int, Path(ge=1, le=MAX_ID)]


class NotificationOut(Schema):
    id: int
    kind: str
    text: str
    place: str
    snippet: str
    actor: int | None
    count: int
    created_at: datetime
    read: bool
    url: str

    @staticmethod
    def resolve_text(obj: Notification) -> str:
        return notification_sentence(obj)

    @staticmethod
    def resolve_place(obj: Notification) -> str:
        return notification_place(obj)

    @staticmethod
    def resolve_snippet(obj: Notification) -> str:
        return notification_snippet(obj)

    @staticmethod
    def resolve_actor(obj: Notification) -> int | None:
        return obj.actor_id

    @staticmethod
    def resolve_read(obj: Notification) -> bool:
        return obj.read_at is not None

    @staticmethod
    def resolve_url(obj: Notification, context: dict[str, Any]) -> str:
        return absolute_url(context, notification_target_url(obj))


class NotificationPage(Schema):
    items: list[NotificationOut]
    next_cursor: str | None
    unread: int


class ReadOut(Schema):
    marked: int


@router.get("/notifications", response={200: NotificationPage}, summary="Your notifications")
def notification_list(request: HttpRequest, cursor: str | None = None) -> dict[str, Any]:
    """Your notifications, newest first, 20 per page, with the unread count.

    Only those whose post, group or conversation you may still see: after leaving a
    closed group or a conversation its notifications are gone from here too.
    """
    page: Page = notifications_for(request.auth, cursor=cursor)
    return {
        "items": page.items,
        "next_cursor": page.next_cursor,
        "unread": unread_count_for(request.auth),
    }


@router.post("/notifications/read", response={200: ReadOut}, summary="Mark all read")
def notification_read_all(request: HttpRequest) -> dict[str, int]:
    """Mark all your notifications read."""
    return {"marked": services.notifications_mark_all_read(actor=request.auth)}


@router.post(
    "/notifications/{notification_id}/read",
    response={200: NotificationOut, 404: Message},
    summary="Mark one read",
)
def notification_read(request: HttpRequest, notification_id: NotificationId) -> Notification:
    """Mark one notification read; 404 when it is not yours or its target is out of sight."""
    return services.notification_open(actor=request.auth, notification_id=notification_id)
