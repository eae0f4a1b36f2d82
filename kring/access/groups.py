"""Rules for groups and the company-wide space (`None`)."""

from enum import StrEnum
from typing import Any

from django.db.models import Q, QuerySet

from kring.access.viewers import (
    group_roles,
    is_employee,
    is_signed_in,
    member_group_ids_of,
    member_groups,
)
from kring.groups.models import Group, Membership

OPEN, CLOSED, SECRET = Group.Visibility.OPEN, Group.Visibility.CLOSED, Group.Visibility.SECRET


def role_in(viewer: Any, group: Group | None) -> str | None:
    if group is None:
        return None
    return group_roles(viewer).get(group.pk)


def is_member(viewer: Any, group: Group) -> bool:
    return role_in(viewer, group) is not None


def is_group_admin(viewer: Any, group: Group | None) -> bool:
    return role_in(viewer, group) == Membership.Role.ADMIN


def can_view_group(viewer: Any, group: Group) -> bool:
    """Employees see open and closed groups exist; secret ones only their members, guests only theirs."""
    if not is_signed_in(viewer):
        return False
    if is_member(viewer, group):
        return True
    return is_employee(viewer) and group.visibility in (OPEN, CLOSED)


def visible_groups(viewer: Any, queryset: QuerySet) -> QuerySet:
    rule = group_rule(viewer)
    return queryset.none() if rule is None else queryset.filter(rule)


def group_rule(viewer: Any, prefix: str = "") -> Q | None:
    """The query form of `can_view_group` for groups at `prefix` (None: nothing is visible)."""
    return group_rule_of(reader_kind(viewer), viewer.pk if viewer is not None else None, prefix)


def group_rule_of(kind: "ReaderKind", viewer_id: int | None, prefix: str = "") -> Q | None:
    """`group_rule` of a viewer with this id and kind: like `space_rule_of`, the same SQL
    for every viewer of a kind but for their id."""
    if kind is ReaderKind.NOBODY:
        return None
    rule = Q(**{f"{prefix}pk__in": member_group_ids_of(viewer_id)})
    if kind is ReaderKind.EMPLOYEE:
        rule |= Q(**{f"{prefix}visibility__in": [OPEN, CLOSED]})
    return rule


def can_read_space(viewer: Any, group: Group | None) -> bool:
    """May the viewer read the conversations of this group (None: the company space)?"""
    if not is_signed_in(viewer):
        return False
    if group is None:
        return is_employee(viewer)
    if is_member(viewer, group):
        return True
    return is_employee(viewer) and group.visibility == OPEN


class ReaderKind(StrEnum):
    """All that `space_rule` reads of a viewer besides their id."""

    NOBODY = "nobody"  # signed out or deactivated
    GUEST = "guest"
    EMPLOYEE = "employee"


def reader_kind(viewer: Any) -> ReaderKind:
    if not is_signed_in(viewer):
        return ReaderKind.NOBODY
    return ReaderKind.EMPLOYEE if is_employee(viewer) else ReaderKind.GUEST


def space_rule(viewer: Any, prefix: str = "") -> Q | None:
    """The query form of `can_read_space` for objects whose group is at `prefix`group."""
    return space_rule_of(reader_kind(viewer), viewer.pk if viewer is not None else None, prefix)


def space_rule_of(kind: ReaderKind, viewer_id: int | None, prefix: str = "") -> Q | None:
    """`space_rule` of a viewer with this id and kind (None: nothing is readable).

    The rule reads the viewer's groups in the database, never from Python: a query with
    it is the same SQL for every viewer of a kind but for their id, so it can be compiled
    once (kring/core/compiled_sql.py, kring/posts/loading.py).
    """
    if kind is ReaderKind.NOBODY:
        return None
    rule = Q(**{f"{prefix}group_id__in": member_group_ids_of(viewer_id)})
    if kind is ReaderKind.EMPLOYEE:
        rule |= space_rule_every_employee(prefix)
    return rule


def space_rule_every_employee(prefix: str = "") -> Q:
    """The part of `space_rule` that is the same for every employee: the company space and
    the open groups. What one employee reads is this and `groups_beyond_every_employee`,
    so a list of what this selects may be shared between employees."""
    return Q(**{f"{prefix}group__isnull": True}) | Q(**{f"{prefix}group__visibility": OPEN})


def groups_beyond_every_employee(viewer: Any) -> list[int]:
    """The ids of the viewer's groups that `space_rule_every_employee` leaves out: the
    closed and secret groups they are a member of (no query: loaded with the roles)."""
    return sorted(group.pk for group in member_groups(viewer) if group.visibility != OPEN)


def can_post_in(viewer: Any, group: Group | None) -> bool:
    """Employees post in the company space; members post in their groups."""
    if group is None:
        return is_employee(viewer)
    return is_member(viewer, group)


def can_reply_in(viewer: Any, group: Group | None) -> bool:
    """Members reply in their groups; any employee replies in open groups and the company space."""
    return can_read_space(viewer, group) and (
        is_employee(viewer) or (group is not None and is_member(viewer, group))
    )


def can_moderate_in(viewer: Any, group: Group | None) -> bool:
    """Group admins moderate their group; site admins whatever space they can read."""
    if not can_read_space(viewer, group):
        return False
    return is_group_admin(viewer, group) or (is_employee(viewer) and viewer.is_staff)


def can_create_group(viewer: Any) -> bool:
    return is_employee(viewer)


def can_join(viewer: Any, group: Group) -> bool:
    return is_employee(viewer) and group.visibility == OPEN and not is_member(viewer, group)


def can_request_to_join(viewer: Any, group: Group) -> bool:
    return is_employee(viewer) and group.visibility == CLOSED and not is_member(viewer, group)


def can_leave(viewer: Any, group: Group) -> bool:
    return is_member(viewer, group)


def can_manage(viewer: Any, group: Group) -> bool:
    """Edit the group and its members: its admins only; a site admin is no backdoor."""
    return is_signed_in(viewer) and is_group_admin(viewer, group)


def group_audience(group: Group | None, *, among=None) -> set[int]:
    """Ids of the active users who may read this space (with `among`: only of these ids)."""
    from kring.people.models import User

    people = User.objects.filter(is_active=True)
    if among is not None:
        people = people.filter(pk__in=list(among))
    if group is None:
        people = people.filter(kind=User.Kind.EMPLOYEE)
    elif group.visibility == OPEN:
        people = people.filter(Q(kind=User.Kind.EMPLOYEE) | Q(memberships__group=group))
    else:
        people = people.filter(memberships__group=group)
    return set(people.values_list("pk", flat=True))
