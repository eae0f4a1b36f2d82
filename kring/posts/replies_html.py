"""The `<li>` of each reply on a thread page, rendered once and reused (kring/core/fragments.py)."""

from typing import Any

from django.template.loader import get_template
from django.utils.safestring import SafeString

from kring import access
from kring.core.fragments import CSRF_SLOT, csrf_fill, fragment_key, render_fragments
from kring.core.links import link
from kring.people.models import display_name
from kring.posts.models import Post, Reply
from kring.reactions.bars import bar_html
from kring.reactions.selectors import BarLook, reaction_looks

REPLY_TEMPLATE = "posts/partials/reply.html"
INDENT_LEVELS = 6  # kring.css indents up to this level; deeper replies line up with it


def _answers(reply: Reply) -> tuple[bool, str]:
    """(answers a removed reply, name of whom it answers); ("", False) when it answers the post."""
    if reply.parent_id is None:
        return False, ""
    if reply.parent_deleted_at is not None:
        return True, ""
    return False, display_name(
        reply.parent_author_first_name,
        reply.parent_author_last_name,
        reply.parent_author_username,
    )


def _key(
    reply: Reply, rights: tuple[bool, bool, bool], look: BarLook, *, new_after: str | None
) -> str:
    """Every input of reply.html: the reply, its author, whom it answers, the reader's rights
    and the reaction bar (counts and the reader's own reactions)."""
    return fragment_key(
        "reply",
        reply.pk,
        reply.post_id,
        reply.path,
        reply.created_at.isoformat(),
        reply.edited_at.isoformat() if reply.edited_at else "",
        reply.deleted_at.isoformat() if reply.deleted_at else "",
        reply.body_html,
        *reply.author.fragment_parts(),
        *_answers(reply),
        *rights,
        *look.key_parts,
        "" if new_after is None else f"new:{new_after}",
    )


def replies_html(
    viewer: Any,
    post: Post,
    replies: list[Reply],
    *,
    may_reply: bool,
    new_reply_after: str | None = None,
    csrf_token: str = "",
) -> list[SafeString]:
    """The `<li>` of each reply (already checked as visible to `viewer`), in their order.

    Each reply needs its post, author (with department) and its parent's columns loaded, as
    selectors.thread_page_for gives them. `may_reply` is access.can_reply for the post.
    `new_reply_after` marks the list as one reply just written, with the path of the
    reply before it, so thread.js can put it in its place. `csrf_token` goes into the
    forms of the reaction bars.
    """
    template = get_template(REPLY_TEMPLATE, using="jinja2")  # decision 0027
    thread_url = link("posts:detail", post.pk)
    edit_delete = access.reply_rights(viewer, post, replies)
    rights = {
        reply.pk: (may_reply and reply.deleted_at is None, *edit_delete[reply.pk])
        for reply in replies
    }
    looks = reaction_looks(viewer, replies)

    def render(reply: Reply) -> str:
        may_answer, may_edit, may_delete = rights[reply.pk]
        answers_removed, answers_name = _answers(reply)
        return template.render(
            {
                "reply": reply,
                "author_name": reply.author.display_name,
                "thread_url": thread_url,
                "depth": reply.depth,
                "indent": min(reply.depth, INDENT_LEVELS),
                "answers_removed": answers_removed,
                "answers_name": answers_name,
                "may_reply": may_answer,
                "may_edit": may_edit,
                "may_delete": may_delete,
                "new_after": new_reply_after,
                "bar_html": bar_html(reply, looks[reply.pk]),
                "csrf_slot": CSRF_SLOT,
            }
        )

    fragments = render_fragments(
        replies,
        key=lambda reply: _key(reply, rights[reply.pk], looks[reply.pk], new_after=new_reply_after),
        render=render,
    )
    return csrf_fill(fragments, csrf_token)
