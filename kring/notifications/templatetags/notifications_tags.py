from django import template

from kring.notifications.wording import (
    notification_place,
    notification_sentence,
    notification_snippet,
)

register = template.Library()


@register.filter
def sentence(notification) -> str:
    return notification_sentence(notification)


@register.filter
def place(notification) -> str:
    return notification_place(notification)


@register.filter
def snippet(notification) -> str:
    return notification_snippet(notification)
