"""Reads of groups for a viewer; every list starts from the access policy."""

from typing import Any

from django.db.models import QuerySet

from kring import access
from kring.access.viewers import member_groups
from kring.groups.models import Group, JoinRequest, Membership
from kring.people.models import User


def groups_of(user: Any) -> QuerySet:
    """The groups `user` is a member of, by name (for navigation and pickers)."""
    if not access.is_signed_in(user):
        return Group.objects.none()
    return Group.objects.filter(memberships__user=user).order_by("name")


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


def group_newest_members(group: Group, *, limit: int = 12) -> list[Membership]:
    """The members who joined last, for the group page. Callers check `can_read_space` first."""
    newest = Membership.objects.filter(group=group, user__is_active=True).order_by("-created_at")
    return list(newest.select_related("user", "user__department")[:limit])


def group_admins(group: Group) -> QuerySet:
    """The group's admins with their people. Callers check `can_read_space` first."""
    return group_members(group).filter(role=Membership.Role.ADMIN)


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
