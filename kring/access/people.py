"""Rules for colleagues' profiles."""

from collections.abc import Iterable
from functools import cache
from typing import Any

from django.db.models import Q, QuerySet

from kring.access.groups import ReaderKind, reader_kind
from kring.access.viewers import group_roles, is_employee, is_signed_in, member_group_ids_of
from kring.core.compiled_sql import PADDED_LENGTHS, CompiledSelect, padded
from kring.groups.models import Membership
from kring.people.models import User


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


@cache
def _visible_ids_query(kind: ReaderKind, length: int) -> CompiledSelect:
    """Which of `length` people a reader of `kind` may see: compiled once per kind and
    length (kring/core/compiled_sql.py). An employee's rule does not name the employee."""

    def build(viewer_id: int | None, *ids: int) -> QuerySet:
        people = visible_people_of(kind, viewer_id, User.objects.filter(pk__in=ids))
        return people.values_list("pk")

    if kind is ReaderKind.EMPLOYEE:
        return CompiledSelect(lambda *ids: build(None, *ids), slots=(int,) * length)
    return CompiledSelect(build, slots=(int,) * (1 + length))


def visible_people_ids(viewer: Any, ids: Iterable[int]) -> set[int]:
    """The ones among `ids` of the people the viewer may see: `visible_people` of them, from
    SQL compiled once per kind of reader and padded number of ids."""
    kind = reader_kind(viewer)
    ids = list(dict.fromkeys(ids))
    if kind is ReaderKind.NOBODY or not ids:
        return set()
    if len(ids) > PADDED_LENGTHS[-1]:
        people = visible_people_of(kind, viewer.pk, User.objects.filter(pk__in=ids))
        return set(people.values_list("pk", flat=True))
    values = padded(ids)
    viewer_ids = () if kind is ReaderKind.EMPLOYEE else (viewer.pk,)
    rows = _visible_ids_query(kind, len(values)).rows(*viewer_ids, *values, using=User.objects.db)
    return {pk for (pk,) in rows}


def can_edit_profile(viewer: Any, person: Any) -> bool:
    return is_signed_in(viewer) and (
        viewer.pk == person.pk or (is_employee(viewer) and viewer.is_staff)
    )
