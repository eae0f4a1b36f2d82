"""What kind of viewer someone is, and their group roles (loaded once per user object)."""

from typing import Any

from django.db.models import Exists

from kring.announcements.models import Leader
from kring.core.compiled_sql import CompiledSelect, model_from_row
from kring.groups.models import Group, Membership

_MEMBERSHIPS_CACHE = "_kring_memberships"  # ({group id: role}, [groups by name])
LEADER_CACHE = "_kring_is_leader"  # whether a site admin made the viewer a leader


def is_signed_in(viewer: Any) -> bool:
    return bool(
        viewer is not None and getattr(viewer, "is_authenticated", False) and viewer.is_active
    )


def is_employee(viewer: Any) -> bool:
    return is_signed_in(viewer) and viewer.is_employee


def is_site_admin(viewer: Any) -> bool:
    return is_employee(viewer) and viewer.is_staff


def group_roles(viewer: Any) -> dict[int, str]:
    """Return {group id: role} for the viewer, cached on the user object."""
    return _memberships(viewer)[0]


def member_groups(viewer: Any) -> list:
    """The groups the viewer is a member of, by name, cached on the user object.

    Read with the roles in one query: a page that checks rights and shows the viewer's
    groups (navigation, the composer's picker) asks once."""
    return _memberships(viewer)[1]


_GROUP_COLUMNS = tuple(field.attname for field in Group._meta.concrete_fields)


def _memberships_query(user_id: int):
    # Whether the viewer is a leader rides along (the same on every row): nearly every
    # page reads the memberships, and the composer then asks nothing more.
    leads = Exists(Leader.objects.filter(user_id=user_id))
    return (
        Membership.objects.filter(user_id=user_id)
        .annotate(leads=leads)
        .order_by("group__name", "group_id")
        .values_list("role", "leads", *(f"group__{name}" for name in _GROUP_COLUMNS))
    )


# Every signed-in page asks it: compiled once (kring/core/compiled_sql.py).
_MEMBERSHIPS = CompiledSelect(_memberships_query, slots=(int,))


def _memberships(viewer: Any) -> tuple[dict[int, str], list]:
    if not is_signed_in(viewer):
        return {}, []
    cached = getattr(viewer, _MEMBERSHIPS_CACHE, None)
    if cached is None:
        db = Membership.objects.db
        rows = _MEMBERSHIPS.rows(viewer.pk, using=db)
        groups = [model_from_row(Group, _GROUP_COLUMNS, row[2:], db) for row in rows]
        cached = ({group.pk: row[0] for group, row in zip(groups, rows, strict=True)}, groups)
        setattr(viewer, _MEMBERSHIPS_CACHE, cached)
        if rows:
            setattr(viewer, LEADER_CACHE, rows[0][1])
    return cached


def leader_from_memberships(viewer: Any) -> bool | None:
    """Whether the viewer is a leader, as their memberships' query read it (None: in no group)."""
    _memberships(viewer)
    return getattr(viewer, LEADER_CACHE, None)


def forget(*viewers: Any) -> None:
    """Drop cached roles after a membership change, so the next check reads them again."""
    for viewer in viewers:
        if viewer is not None and hasattr(viewer, _MEMBERSHIPS_CACHE):
            delattr(viewer, _MEMBERSHIPS_CACHE)


def member_group_ids(viewer: Any):
    """A subquery of the viewer's group ids, for query filters."""
    return member_group_ids_of(viewer.pk)


def member_group_ids_of(user_id: int | None):
    """A subquery of the group ids of the colleague with this id."""
    return Membership.objects.filter(user_id=user_id).values("group_id")
