from django import template

from kring.notifications.wording import (
    notification_place,
    notification_sentence,
    notification_snippet,
)

register = template.Library()


@register.inclusion_tag("notifications/partials/bell.html", takes_context=True)
def notification_bell(context) -> dict:
    """The top bar's bell with the unread count (kept per reader: kring.notifications.header)."""
    user = context["user"]
    count = context.get("unread")  # the notification list counted already
    if count is None:
        count = context["header_counts"]().notifications
    return {"bell_count": count, "user": user}


@register.filter
def sentence(notification) -> str:
    return notification_sentence(notification)


@register.filter
def place(notification) -> str:
    return notification_place(notification)


@register.filter
def snippet(notification) -> str:
    return notification_snippet(notification)
