"""Rules for the knowledge base: its folders, pages and revisions follow the space they are in.

Readers: whoever may read the space (`can_read_space`). Writers: who may post there (group
members; in the company space employees). Folders: the space's moderators (group admins;
site admins in the company space). Confirming a page: its owner, or a moderator.
"""

from typing import Any

from django.db.models import QuerySet

from kring.access.groups import can_moderate_in, can_post_in, can_read_space, space_rule
from kring.access.posts import can_view_post
from kring.access.viewers import is_signed_in
from kring.groups.models import Group


def can_view_knowledge_item(viewer: Any, item: Any) -> bool:
    """A folder or page: visible to whoever may read its space."""
    return can_read_space(viewer, item.group)


def visible_knowledge_items(viewer: Any, queryset: QuerySet, prefix: str = "") -> QuerySet:
    rule = space_rule(viewer, prefix)
    return queryset.none() if rule is None else queryset.filter(rule)


def can_view_revision(viewer: Any, revision: Any) -> bool:
    return can_view_knowledge_item(viewer, revision.page)


def can_write_knowledge_in(viewer: Any, group: Group | None) -> bool:
    """Write pages in this space's knowledge base (None: the company space)."""
    return can_read_space(viewer, group) and can_post_in(viewer, group)


def can_edit_page(viewer: Any, page: Any) -> bool:
    return can_write_knowledge_in(viewer, page.group)


def can_manage_folders_in(viewer: Any, group: Group | None) -> bool:
    return can_moderate_in(viewer, group)


def can_confirm_page(viewer: Any, page: Any) -> bool:
    """ "Nog actueel": the page's owner (while they may still write there), or a moderator."""
    if not can_view_knowledge_item(viewer, page):
        return False
    owner = is_signed_in(viewer) and page.owner_id == viewer.pk
    return (owner and can_edit_page(viewer, page)) or can_moderate_in(viewer, page.group)


def can_save_post_as_knowledge(viewer: Any, post: Any) -> bool:
    """ "Bewaar als best practice": readers of the post who may write in its space's base."""
    return can_view_post(viewer, post) and can_write_knowledge_in(viewer, post.group)
