"""What kind of viewer someone is, and their group roles (loaded once per user object)."""

from typing import Any

from kring.groups.models import Membership

_ROLES_CACHE = "_kring_group_roles"


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
    if not is_signed_in(viewer):
        return {}
    roles = getattr(viewer, _ROLES_CACHE, None)
    if roles is None:
        roles = dict(Membership.objects.filter(user=viewer).values_list("group_id", "role"))
        setattr(viewer, _ROLES_CACHE, roles)
    return roles


def forget(*viewers: Any) -> None:
    """Drop cached roles after a membership change, so the next check reads them again."""
    for viewer in viewers:
        if viewer is not None and hasattr(viewer, _ROLES_CACHE):
            delattr(viewer, _ROLES_CACHE)


def member_group_ids(viewer: Any):
    """A subquery of the viewer's group ids, for query filters."""
    return Membership.objects.filter(user_id=viewer.pk).values("group_id")
