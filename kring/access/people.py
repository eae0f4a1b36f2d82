"""Rules for colleagues' profiles."""

from typing import Any

from django.db.models import Q, QuerySet

from kring.access.viewers import group_roles, is_employee, is_signed_in, member_group_ids
from kring.groups.models import Membership


def can_view_person(viewer: Any, person: Any) -> bool:
    """Employees see every active colleague; guests see themselves and people in their groups."""
    if not is_signed_in(viewer) or not person.is_active:
        return False
    if is_employee(viewer) or person.pk == viewer.pk:
        return True
    shared = set(group_roles(viewer))
    return Membership.objects.filter(user=person, group_id__in=shared).exists()


def visible_people(viewer: Any, queryset: QuerySet) -> QuerySet:
    if not is_signed_in(viewer):
        return queryset.none()
    queryset = queryset.filter(is_active=True)
    if is_employee(viewer):
        return queryset
    fellow_members = Membership.objects.filter(group_id__in=member_group_ids(viewer)).values(
        "user_id"
    )
    return queryset.filter(Q(pk=viewer.pk) | Q(pk__in=fellow_members))


def can_edit_profile(viewer: Any, person: Any) -> bool:
    return is_signed_in(viewer) and (
        viewer.pk == person.pk or (is_employee(viewer) and viewer.is_staff)
    )
