"""The poll block of a post card: rendered per reader, outside the cached card (decision 0016).

The cached card holds POLL_SLOT where its poll goes; `poll_slots_fill` puts in the
reader's block (voted or not, results or not), which is never cached.
"""

from collections.abc import Sequence
from typing import Any

from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe

from kring.polls.selectors import PollView, poll_views_for
from kring.posts.models import Post

POLL_SLOT = mark_safe("<!--kring:poll-->")  # noqa: S308 (a constant)
BLOCK_TEMPLATE = "polls/partials/poll.html"


def poll_block_html(
    poll: PollView, *, csrf_token: str, change: bool = False, error: str = "", message: str = ""
) -> SafeString:
    """One reader's poll block; `change` shows the form again to a voter."""
    context = {
        "poll": poll,
        "csrf_token": csrf_token,
        "show_form": poll.may_vote and (change or not poll.voted),
        "changing": change and poll.voted,
        "error": error,
        "message": message,
    }
    return mark_safe(get_template(BLOCK_TEMPLATE).render(context))  # noqa: S308 (our template)


def poll_slots_fill(
    viewer: Any, posts: Sequence[Post], cards: list[SafeString], *, csrf_token: str
) -> list[SafeString]:
    """The cards (in the order of `posts`) with each poll slot replaced by the reader's block."""
    views = poll_views_for(viewer, posts)
    if not views:
        return cards
    filled = []
    for post, card in zip(posts, cards, strict=True):
        poll = views.get(post.pk)
        if poll is not None and POLL_SLOT in card:
            card = mark_safe(card.replace(POLL_SLOT, poll_block_html(poll, csrf_token=csrf_token)))  # noqa: S308
        filled.append(card)
    return filled
