"""Rules for colleagues' profiles."""

from typing import Any

from django.db.models import Q, QuerySet

from kring.access.groups import ReaderKind, reader_kind
from kring.access.viewers import group_roles, is_employee, is_signed_in, member_group_ids_of
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
    return visible_people_of(
        reader_kind(viewer), viewer.pk if viewer is not None else None, queryset
    )


def visible_people_of(kind: ReaderKind, viewer_id: int | None, queryset: QuerySet) -> QuerySet:
    """`visible_people` of a viewer given by their kind and id (one SQL text per kind)."""
    if kind is ReaderKind.NOBODY:
        return queryset.none()
    queryset = queryset.filter(is_active=True)
    if kind is ReaderKind.EMPLOYEE:
        return queryset
    fellow_members = Membership.objects.filter(group_id__in=member_group_ids_of(viewer_id)).values(
        "user_id"
    )
    return queryset.filter(Q(pk=viewer_id) | Q(pk__in=fellow_members))


def can_edit_profile(viewer: Any, person: Any) -> bool:
    return is_signed_in(viewer) and (
        viewer.pk == person.pk or (is_employee(viewer) and viewer.is_staff)
    )
