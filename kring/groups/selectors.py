"""Reads of groups for a viewer; every list starts from the access policy."""

from typing import Any

from django.db.models import QuerySet

from kring import access
from kring.access.viewers import member_groups
from kring.core.compiled_sql import CompiledSelect, model_from_row
from kring.follows.selectors import OneWithFollowed
from kring.groups.models import Group, JoinRequest, Membership
from kring.people.models import User
from kring.posts.loading import GROUP_COLUMNS


def groups_of(user: Any) -> QuerySet:
    """The groups `user` is a member of, by name (for navigation and pickers)."""
    if not access.is_signed_in(user):
        return Group.objects.none()
    return Group.objects.filter(memberships__user=user).order_by("name")


_GROUP = OneWithFollowed(Group, "slug", "group", GROUP_COLUMNS)


def group_or_404(viewer: Any, slug: str) -> Group:
    """The group with this slug and whether the viewer follows it (its page); a missing
    and an invisible group raise the same Http404."""
    return _GROUP.get_or_404(
        viewer, slug, lambda values, db: model_from_row(Group, GROUP_COLUMNS, values, db)
    )


def groups_postable_for(viewer: Any) -> list[Group]:
    """Groups the viewer may post in (the company space is offered separately)."""
    return [g for g in member_groups(viewer) if access.can_post_in(viewer, g)]


def group_directory_for(viewer: Any, *, query: str = "", mine: bool = False) -> QuerySet:
    """The groups the viewer may see, optionally only their own and/or matching `query`."""
    groups = access.visible(viewer, Group.objects.all())
    if mine:
        groups = groups.filter(memberships__user=viewer)
    if query:
        groups = groups.filter(name__icontains=query.strip())
    return groups.order_by("name")


def group_members(group: Group) -> QuerySet:
    """Memberships with their people, admins first. Callers check `can_view` on the group first."""
    return (
        Membership.objects.filter(group=group, user__is_active=True)
        .select_related("user", "user__department")
        .order_by("role", "user__first_name", "user__last_name")
    )


# What the group page's side shows of a person: avatar, name, profile link, job title.
_SIDE_COLUMNS = ("id", "username", "first_name", "last_name", "kind", "job_title", "photo",
                 "department_id", "is_active", "is_staff")  # fmt: skip
SIDE_ADMINS, SIDE_NEWEST = 6, 12


def _side_people(group_id: int, *, admins: bool):
    people = Membership.objects.filter(group_id=group_id, user__is_active=True)
    if admins:
        people = people.filter(role=Membership.Role.ADMIN)
        people = people.order_by("user__first_name", "user__last_name", "user_id")[:SIDE_ADMINS]
    else:
        people = people.order_by("-created_at", "-id")[:SIDE_NEWEST]
    return people.values_list(*(f"user__{name}" for name in _SIDE_COLUMNS))


# Every group page asks both: compiled once (kring/core/compiled_sql.py).
_SIDE_ADMINS = CompiledSelect(lambda group_id: _side_people(group_id, admins=True), slots=(int,))
_SIDE_NEWEST = CompiledSelect(lambda group_id: _side_people(group_id, admins=False), slots=(int,))


def group_side_people(group: Group) -> tuple[list[User], list[User]]:
    """The group's first admins by name and its newest members, for the group page's side.

    Callers check `can_read_space` first. Only what the side shows is loaded.
    """
    db = Membership.objects.db
    return tuple(
        [model_from_row(User, _SIDE_COLUMNS, row, db) for row in query.rows(group.pk, using=db)]
        for query in (_SIDE_ADMINS, _SIDE_NEWEST)
    )


def join_requests_for(viewer: Any, group: Group) -> QuerySet:
    """The pending requests to join `group`; none unless the viewer administers it."""
    if not access.can_manage(viewer, group):
        return JoinRequest.objects.none()
    return JoinRequest.objects.filter(group=group).select_related("user", "user__department")


def pending_request_group_ids(viewer: Any) -> set[int]:
    """Ids of the groups the viewer asked to join and that have not decided yet."""
    if not access.is_signed_in(viewer):
        return set()
    return set(JoinRequest.objects.filter(user=viewer).values_list("group_id", flat=True))


def people_addable_to(viewer: Any, group: Group, *, limit: int = 500) -> QuerySet:
    """People the viewer may see and could add to `group` (not members yet), for a picker."""
    if not access.can_manage(viewer, group):
        return User.objects.none()
    people = access.visible(viewer, User.objects.filter(is_active=True))
    return people.exclude(memberships__group=group).order_by("first_name", "last_name")[:limit]
