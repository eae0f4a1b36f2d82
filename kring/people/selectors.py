"""Reads of colleagues for a viewer; every list starts from the access policy."""

from functools import cache
from typing import Any

from django.db.models import Count, Q, QuerySet

from kring import access
from kring.core.compiled_sql import CompiledSelect, model_from_row
from kring.follows.selectors import OneWithFollowed
from kring.groups.models import Group
from kring.people.models import Department, Expertise, Invitation, User
from kring.posts.loading import GROUP_COLUMNS, posts_of_person_for
from kring.posts.models import Post

RECENT_POSTS = 10


def people_directory_for(
    viewer: Any,
    *,
    query: str = "",
    department: Department | None = None,
    expertise: str = "",
) -> QuerySet:
    """The colleagues the viewer may see, narrowed by name words, department and expertise tag."""
    people = access.visible(viewer, User.objects.select_related("department"))
    # Every word must match some part of the name, so "anna vries" finds Anna de Vries.
    for word in query.split()[:8]:
        people = people.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(username__icontains=word)
        )
    if department is not None:
        people = people.filter(department=department)
    if expertise.strip():
        people = people.filter(expertise__name=expertise.strip().lower())
    return people.order_by("first_name", "last_name", "username")


def expertise_names_for(viewer: Any) -> list[str]:
    """Expertise tags of the people the viewer may see, for the filter's suggestions."""
    people = access.visible(viewer, User.objects.all())
    return list(
        Expertise.objects.filter(people__in=people).distinct().values_list("name", flat=True)
    )


def departments_for(viewer: Any) -> list[dict]:
    """Departments with how many of their people the viewer may see, for the directory's side card."""
    people = access.visible(viewer, User.objects.filter(department__isnull=False))
    return list(
        people.values("department__slug", "department__name")
        .annotate(people=Count("id"))
        .order_by("department__name")
    )


# A profile shows everything of its colleague but their password; compiled once, with
# whether the reader follows them (kring/core/compiled_sql.py).
_PERSON_COLUMNS = tuple(f.attname for f in User._meta.concrete_fields if f.name != "password")
_DEPARTMENT_COLUMNS = tuple(f.attname for f in Department._meta.concrete_fields)
_PERSON = OneWithFollowed(
    User,
    "username",
    "person",
    (*_PERSON_COLUMNS, *(f"department__{name}" for name in _DEPARTMENT_COLUMNS)),
)


def _person_from(values: tuple, db: str) -> User:
    person = model_from_row(User, _PERSON_COLUMNS, values[: len(_PERSON_COLUMNS)], db)
    department = values[len(_PERSON_COLUMNS) :]
    person._state.fields_cache["department"] = (
        model_from_row(Department, _DEPARTMENT_COLUMNS, department, db) if department[0] else None
    )
    return person


def person_or_404(viewer: Any, username: str) -> User:
    """The colleague with this username, with their department and whether the viewer
    follows them; a missing and an invisible colleague raise the same Http404."""
    return _PERSON.get_or_404(viewer, username, _person_from)


_EXPERTISE = CompiledSelect(
    lambda person_id: Expertise.objects.filter(people=person_id).values_list("id", "name"),
    slots=(int,),
)


def expertise_of(person: User) -> list[Expertise]:
    """The colleague's expertise tags, by name (their profile: "Vraag mij over")."""
    db = Expertise.objects.db
    return [
        model_from_row(Expertise, ("id", "name"), row, db)
        for row in _EXPERTISE.rows(person.pk, using=db)
    ]


@cache
def _groups_of_person_query(kind: access.ReaderKind) -> CompiledSelect:
    """A colleague's groups that a reader may see: compiled once per kind of reader."""

    def build(viewer_id: int, person_id: int) -> QuerySet:
        groups = Group.objects.filter(memberships__user_id=person_id)
        groups = access.visible_of(kind, viewer_id, groups)
        return groups.order_by("name", "pk").values_list(*GROUP_COLUMNS)

    return CompiledSelect(build, slots=(int, int))


def groups_of_person_for(viewer: Any, person: User) -> list[Group]:
    """The groups `person` is in that the viewer may see (secret groups stay hidden), by name."""
    kind = access.reader_kind(viewer)
    if kind is access.ReaderKind.NOBODY:
        return []
    db = Group.objects.db
    rows = _groups_of_person_query(kind).rows(viewer.pk, person.pk, using=db)
    groups = [model_from_row(Group, GROUP_COLUMNS, row, db) for row in rows]
    return [group for group in groups if access.can_view(viewer, group)]


def recent_posts_of_for(viewer: Any, person: User, *, limit: int = RECENT_POSTS) -> list[Post]:
    """The newest posts by `person` in spaces the viewer may read."""
    return posts_of_person_for(viewer, person, praised=False, limit=limit)


def open_invitations() -> QuerySet:
    """Invitations that were sent and not used yet, newest first (for the site admin's page)."""
    return Invitation.objects.filter(accepted_at__isnull=True).select_related("invited_by")
