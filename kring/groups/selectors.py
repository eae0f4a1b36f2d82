"""Reads of groups for a viewer; every list starts from the access policy."""

from typing import Any

from django.db.models import QuerySet

from kring import access
from kring.groups.models import Group, JoinRequest, Membership


def groups_of(user: Any) -> QuerySet:
    """The groups `user` is a member of, by name (for navigation and pickers)."""
    if not access.is_signed_in(user):
        return Group.objects.none()
    return Group.objects.filter(memberships__user=user).order_by("name")


def groups_postable_for(viewer: Any) -> list[Group]:
    """Groups the viewer may post in (the company space is offered separately)."""
    return [g for g in groups_of(viewer) if access.can_post_in(viewer, g)]


def group_directory_for(viewer: Any, *, query: str = "", mine: bool = False) -> QuerySet:
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


def join_requests_for(viewer: Any, group: Group) -> QuerySet:
    if not access.can_manage(viewer, group):
        return JoinRequest.objects.none()
    return JoinRequest.objects.filter(group=group).select_related("user", "user__department")
