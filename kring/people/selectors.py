"""Reads of colleagues for a viewer; every list starts from the access policy."""

from typing import Any

from django.db.models import Count, Q, QuerySet

from kring import access
from kring.groups.models import Group
from kring.people.models import Department, Expertise, Invitation, User
from kring.posts.loading import posts_of_person_for
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


def groups_of_person_for(viewer: Any, person: User) -> QuerySet:
    """The groups `person` is in that the viewer may see (secret groups stay hidden)."""
    return access.visible(viewer, Group.objects.filter(memberships__user=person)).order_by("name")


def recent_posts_of_for(viewer: Any, person: User, *, limit: int = RECENT_POSTS) -> list[Post]:
    """The newest posts by `person` in spaces the viewer may read."""
    return posts_of_person_for(viewer, person, praised=False, limit=limit)


def open_invitations() -> QuerySet:
    """Invitations that were sent and not used yet, newest first (for the site admin's page)."""
    return Invitation.objects.filter(accepted_at__isnull=True).select_related("invited_by")
