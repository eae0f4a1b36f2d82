"""`{% ranked_cards posts reasons %}`: post cards of the "Voor jou" feed, each with its reason."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from kring.posts.templatetags.posts_tags import post_card_html

register = template.Library()


@register.simple_tag(takes_context=True)
def ranked_cards(context, posts, reasons: dict[int, str]) -> SafeString:
    """The cached cards, with the reader's own reason above each, outside the cached HTML.

    The reason differs per reader, so it is never part of a shared fragment (0008, 0013).
    """
    posts = list(posts)
    cards = post_card_html(context["user"], posts, csrf_token=str(context.get("csrf_token", "")))
    parts = []
    for post, card in zip(posts, cards, strict=True):
        reason = reasons.get(post.pk)
        if reason:
            parts.append(
                format_html('<p class="feed-reason" id="reason-{}">{}</p>', post.pk, reason)
            )
        parts.append(card)
    return mark_safe("".join(parts))  # noqa: S308
