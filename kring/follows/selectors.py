"""Reads of follows: what someone follows, for buttons, their list and the "Voor jou" feed."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef
from django.http import Http404

from kring import access
from kring.core.compiled_sql import CompiledSelect
from kring.follows.models import Follow
from kring.follows.services import Target, target_field
from kring.groups.models import Group
from kring.people.models import User
from kring.topics.models import Topic

# A colleague or group loaded with this column (`followed_by_column_of`) says whether
# the viewer follows it, and its follow button asks nothing more (follows_tags).
FOLLOWED_BY_VIEWER = "followed_by_viewer"


def is_following(viewer: Any, target: Target) -> bool:
    if not access.is_signed_in(viewer) or target.pk is None:
        return False
    known = getattr(target, FOLLOWED_BY_VIEWER, None)
    if known is not None:
        return known
    return Follow.objects.filter(follower=viewer, **{target_field(target): target}).exists()


def followed_by_column_of(viewer_id: int | None, kind: str) -> Exists:
    """For a query of colleagues (`kind` "person") or groups ("group"): whether the viewer
    with this id follows each, as the column FOLLOWED_BY_VIEWER of the same query."""
    return Exists(Follow.objects.filter(follower_id=viewer_id, **{kind: OuterRef("pk")}))


class OneWithFollowed:
    """The page of one colleague (`kind` "person") or group ("group") by a text `field`
    (username, slug): its `columns` and whether the reader follows it, in one query
    compiled once (kring/core/compiled_sql.py)."""

    def __init__(self, model: type, field: str, kind: str, columns: tuple[str, ...]) -> None:
        self._model = model
        self._query = CompiledSelect(
            lambda viewer_id, text: (
                model.objects.filter(**{field: text})
                .annotate(**{FOLLOWED_BY_VIEWER: followed_by_column_of(viewer_id, kind)})
                .values_list(*columns, FOLLOWED_BY_VIEWER)
            ),
            slots=(int, str),
        )

    def get_or_404(self, viewer: Any, text: str, make: Callable[[tuple, str], Any]) -> Any:
        """The object `make(values, db)` builds from the columns' values, with
        FOLLOWED_BY_VIEWER set; a missing and an invisible one raise the same Http404."""
        if not access.is_signed_in(viewer):
            raise Http404
        db = self._model.objects.db
        rows = self._query.rows(viewer.pk, text, using=db)
        if not rows:
            raise Http404
        *values, followed = rows[0]
        target = make(tuple(values), db)
        setattr(target, FOLLOWED_BY_VIEWER, followed)
        if not access.can_view(viewer, target):
            raise Http404
        return target


def followed_ids_of(user: Any) -> tuple[set[int], set[int], set[int]]:
    """(person ids, group ids, topic ids) that `user` follows, in one query.

    Raw inputs for ranking: a feed still filters what it shows through kring.access.
    """
    people, groups, topics = followed_with_departments_of(user)
    return set(people), groups, topics


def followed_with_departments_of(user: Any) -> tuple[dict[int, int | None], set[int], set[int]]:
    """({person id: their department id}, group ids, topic ids) that `user` follows, in
    one query. The "Voor jou" ranking needs each candidate's author's department; for the
    posts of followed people it reads it here instead of joining every post to its author
    (PostgreSQL hashed the whole people table for that: 4 ms on 10,000 colleagues).
    """
    people: dict[int, int | None] = {}
    groups, topics = set(), set()
    if not access.is_signed_in(user):
        return people, groups, topics
    rows = Follow.objects.filter(follower_id=user.pk).values_list(
        "person_id", "group_id", "topic_id", "person__department_id"
    )
    for person_id, group_id, topic_id, department_id in rows:
        if person_id:
            people[person_id] = department_id
        elif group_id:
            groups.add(group_id)
        else:
            topics.add(topic_id)
    return people, groups, topics


@dataclass(frozen=True)
class Following:
    people: list[User]
    groups: list[Group]
    topics: list[Topic]


def following_of(viewer: Any) -> Following:
    """What the viewer follows and may still see or read, each kind by name (three queries)."""
    people_ids, group_ids, topic_ids = followed_ids_of(viewer)
    people = access.visible(
        viewer, User.objects.filter(pk__in=people_ids).select_related("department")
    ).order_by("first_name", "last_name", "username")
    groups = [
        g
        for g in access.visible(viewer, Group.objects.filter(pk__in=group_ids)).order_by("name")
        if access.can_read_space(viewer, g)
    ]
    topics = Topic.objects.filter(pk__in=topic_ids).order_by("key")
    return Following(people=list(people), groups=groups, topics=list(topics))
