"""The access policy: the one place that decides who may see or do what.

Every object kind has four faces: `can_view(viewer, obj)` for one object,
`visible(viewer, queryset)` for the same rule as a query filter, `get_or_404(viewer,
model, pk)` which treats missing and invisible alike, and `audience(obj)` with the ids
of the users who may see it. Verbs (`can_post_in`, `can_reply`, ...) decide actions.
"""

from typing import Any

from django.db.models import Model, QuerySet
from django.http import Http404

from kring.access.groups import (
    can_create_group,
    can_join,
    can_leave,
    can_manage,
    can_moderate_in,
    can_post_in,
    can_read_space,
    can_reply_in,
    can_request_to_join,
    can_view_group,
    group_audience,
    is_group_admin,
    is_member,
    role_in,
    visible_groups,
)
from kring.access.people import can_edit_profile, can_view_person, visible_people
from kring.access.posts import (
    can_delete_post,
    can_delete_reply,
    can_edit_post,
    can_edit_reply,
    can_reply,
    can_view_post,
    can_view_reply,
    visible_posts,
)
from kring.access.reactions import can_react  # issue 4: reactions
from kring.access.viewers import forget, is_employee, is_signed_in, is_site_admin
from kring.groups.models import Group
from kring.people.models import User
from kring.posts.models import Post, Reply

__all__ = [
    "audience",
    "can_create_group",
    "can_delete_post",
    "can_delete_reply",
    "can_edit_post",
    "can_edit_profile",
    "can_edit_reply",
    "can_join",
    "can_leave",
    "can_manage",
    "can_moderate_in",
    "can_post_in",
    "can_react",
    "can_read_space",
    "can_reply",
    "can_reply_in",
    "can_request_to_join",
    "can_view",
    "forget",
    "get_or_404",
    "is_employee",
    "is_group_admin",
    "is_member",
    "is_signed_in",
    "is_site_admin",
    "role_in",
    "visible",
]

_VIEW_RULES = {
    Group: (can_view_group, visible_groups),
    Post: (can_view_post, visible_posts),
    Reply: (can_view_reply, lambda viewer, qs: visible_posts(viewer, qs, prefix="post__")),
    User: (can_view_person, visible_people),
}


def _rules_for(model: type[Model]):
    try:
        return _VIEW_RULES[model]
    except KeyError:
        raise TypeError(f"The access policy has no rule for {model.__name__}") from None


def can_view(viewer: Any, obj: Model) -> bool:
    """Return whether the viewer may see this object at all."""
    return _rules_for(type(obj))[0](viewer, obj)


def visible(viewer: Any, queryset: QuerySet) -> QuerySet:
    """Return `queryset` narrowed to what the viewer may see (the query form of can_view)."""
    return _rules_for(queryset.model)[1](viewer, queryset)


_LOOKUPS = {
    Group: lambda: Group.objects.all(),
    Post: lambda: Post.objects.select_related("author", "author__department", "group"),
    Reply: lambda: Reply.objects.select_related("post", "post__group", "author"),
    User: lambda: User.objects.select_related("department"),
}


def get_or_404(viewer: Any, model: type[Model], pk: Any, *, field: str = "pk") -> Any:
    """Load one object for the viewer; a missing and an invisible object raise the same Http404."""
    try:
        obj = _LOOKUPS[model]().get(**{field: pk})
    except (model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not can_view(viewer, obj):
        raise Http404
    return obj


def audience(obj: Model | None) -> set[int]:
    """Return the ids of the active users who may read `obj`'s content (None: the company space)."""
    if obj is None or isinstance(obj, Group):
        return group_audience(obj)
    if isinstance(obj, Post):
        return group_audience(obj.group)
    if isinstance(obj, Reply):
        return group_audience(obj.post.group)
    raise TypeError(f"The access policy has no audience for {type(obj).__name__}")
