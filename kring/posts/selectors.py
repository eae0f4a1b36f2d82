"""Reads of one conversation for a viewer."""

from dataclasses import dataclass, field
from typing import Any

from kring import access
from kring.posts.models import Post, Reply


@dataclass
class ReplyNode:
    reply: Reply
    children: list["ReplyNode"] = field(default_factory=list)


def thread_for(viewer: Any, post: Post) -> list[ReplyNode]:
    """Return the replies of a post the viewer can see, as a tree in reading order.

    Removed replies stay as placeholders only while they still have answers below them.
    """
    if not access.can_view(viewer, post):
        return []
    replies = list(Reply.objects.filter(post=post).select_related("author", "author__department"))
    for reply in replies:
        reply.post = post
    nodes = {r.pk: ReplyNode(r) for r in replies}
    roots: list[ReplyNode] = []
    for reply in replies:
        node = nodes[reply.pk]
        parent = nodes.get(reply.parent_id) if reply.parent_id else None
        (parent.children if parent else roots).append(node)
    return roots
