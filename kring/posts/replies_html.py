"""The `<li>` of each reply on a thread page, rendered once and reused (kring/core/fragments.py).

Each reply is a fragment of its own; a thread page's fifty are also kept together, as one
list under a key made from the page's rows (`thread_replies_html`).
"""

import hashlib
import pickle
from typing import Any

from django.template.loader import get_template
from django.utils.safestring import SafeString

from kring import access
from kring.core.fragments import (
    CSRF_SLOT,
    csrf_fill,
    fragment_key,
    render_fragment_list,
    render_fragments_keyed,
)
from kring.core.links import link
from kring.people.models import display_name
from kring.posts.models import Post, Reply
from kring.posts.selectors import ThreadPage
from kring.reactions.bars import bar_html
from kring.reactions.selectors import BarLook, my_reactions_on_thread, reaction_looks

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
    _keys, fragments = _fragments(
        viewer, post, replies, may_reply=may_reply, new_after=new_reply_after
    )
    return csrf_fill(fragments, csrf_token)


def thread_replies_html(
    viewer: Any, post: Post, page: ThreadPage, *, may_reply: bool, csrf_token: str
) -> SafeString:
    """The `<li>` of every reply on a thread page (selectors.thread_page_for), kept as one list.

    Also sets the reader's own reactions on `post` (`my_reactions`, for its card). The
    list's key is made, like each reply's, from every input of its HTML: the page's rows
    as its query returned them (each reply's columns, its author's and their
    department's), whom the replies answer, and the reader's rights and own reactions on
    each reply. It keeps the replies' own keys (render_fragment_list), not their HTML a
    second time. A page whose list is kept costs the query for its rows and one for the
    reader's reactions, and builds no reply and no reply's key; a change to any reply on
    it, its author or the reader's rights gives another key, and the list is made again
    from the replies' own fragments, most of them kept.
    """
    facts = page.facts
    mine = my_reactions_on_thread(viewer, post, facts)
    edit_delete = access.reply_rights(viewer, post, facts)
    may_react = access.can_react_to_replies(viewer, post, facts)
    readers = [(edit_delete[f.pk], may_react[f.pk], sorted(mine.get(f.pk, ()))) for f in facts]
    # Pickled, not joined as text: fifty rows of twenty-odd columns in one call to C. Equal
    # values pickle alike; where they might not, the list is only made once more.
    material = pickle.dumps((page.rows, page.earlier_parents, may_reply, readers), protocol=5)
    digest = hashlib.blake2b(material, digest_size=16).hexdigest()
    key = fragment_key("thread-replies", post.pk, page.after, digest)

    def render() -> tuple[list[str], list[SafeString]]:
        replies = page.replies
        for reply in replies:
            reply.my_reactions = sorted(mine.get(reply.pk, ()))
        return _fragments(viewer, post, replies, may_reply=may_reply, new_after=None)

    # The token goes into each reply before they are joined: a web worker's memory grew
    # by 12 MB when one 165 KB string was copied again to fill it (bench/README.md).
    fragments = csrf_fill(render_fragment_list(key, render), csrf_token)
    return SafeString("".join(fragments))


def _fragments(
    viewer: Any, post: Post, replies: list[Reply], *, may_reply: bool, new_after: str | None
) -> tuple[list[str], list[SafeString]]:
    """replies_html's `<li>`s with CSRF_SLOT where the reader's token goes, and their keys."""
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
                "new_after": new_after,
                "bar_html": bar_html(reply, looks[reply.pk]),
                "csrf_slot": CSRF_SLOT,
            }
        )

    return render_fragments_keyed(
        replies,
        key=lambda reply: _key(reply, rights[reply.pk], looks[reply.pk], new_after=new_after),
        render=render,
    )
