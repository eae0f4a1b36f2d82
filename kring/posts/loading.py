"""Posts loaded by id for a reader, with what a card shows, from SQL compiled once.

The "Voor jou" feed knows which posts it shows by id. Loading twenty of them through
`access.visible(...)` with their authors, departments and groups cost 1.8 ms of CPU:
the SQL with the reader's access rule compiled anew, and four objects per row built by
the ORM (bench/README.md, tenth session). Here the query takes only ids, so it is
compiled once per number of ids (kring/core/compiled_sql.py); the objects are made from
the rows, and each post passes the access policy's per-object rule (`access.can_view`,
which kring/access/tests keep equal to the query rule) before anyone sees it.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from django.db.models import Expression, QuerySet

from kring import access
from kring.core.compiled_sql import PADDED_LENGTHS, CompiledSelect, model_from_row, padded
from kring.groups.models import Group
from kring.people.models import Department, User
from kring.posts.models import Post

POST_COLUMNS = tuple(field.attname for field in Post._meta.concrete_fields)
# A card names its author with their picture (User.fragment_parts); the password and the
# about text are never shown next to a post.
AUTHOR_COLUMNS = tuple(
    field.attname for field in User._meta.concrete_fields if field.name not in ("password", "about")
)
DEPARTMENT_COLUMNS = ("id", "name")
GROUP_COLUMNS = tuple(field.attname for field in Group._meta.concrete_fields)
_COLUMNS = (
    *POST_COLUMNS,
    *(f"author__{name}" for name in AUTHOR_COLUMNS),
    *(f"author__department__{name}" for name in DEPARTMENT_COLUMNS),
    *(f"group__{name}" for name in GROUP_COLUMNS),
)
_ENDS = tuple(
    sum(len(columns) for columns in parts)
    for parts in (
        (POST_COLUMNS,),
        (POST_COLUMNS, AUTHOR_COLUMNS),
        (POST_COLUMNS, AUTHOR_COLUMNS, DEPARTMENT_COLUMNS),
    )
)
_QUERIES: dict[tuple[int, tuple[str, ...]], CompiledSelect] = {}
_LARGEST_ID = 2**63 - 1  # a bigint; a larger number from an address names no post


def _query(size: int, columns: Mapping[str, Expression]) -> CompiledSelect:
    shape = (size, tuple(columns))
    query = _QUERIES.get(shape)
    if query is None:
        query = CompiledSelect(
            lambda *ids: (
                Post.objects.filter(pk__in=ids).annotate(**columns).values_list(*_COLUMNS, *columns)
            ),
            slots=(int,) * size,
        )
        _QUERIES[shape] = query
    return query


def _post_from(row: tuple, db: str, columns: tuple[str, ...]) -> Post:
    post_end, author_end, department_end = _ENDS
    if columns:
        row, extra = row[: -len(columns)], row[-len(columns) :]
    post = model_from_row(Post, POST_COLUMNS, row[:post_end], db)
    author = model_from_row(User, AUTHOR_COLUMNS, row[post_end:author_end], db)
    department = row[author_end:department_end]
    author._state.fields_cache["department"] = (
        model_from_row(Department, DEPARTMENT_COLUMNS, department, db) if department[0] else None
    )
    group = row[department_end:]
    post._state.fields_cache["author"] = author
    post._state.fields_cache["group"] = (
        model_from_row(Group, GROUP_COLUMNS, group, db) if group[0] else None
    )
    if columns:
        post.__dict__.update(zip(columns, extra, strict=True))
    return post


def posts_by_id_for(
    viewer: object, ids: Iterable[int], *, columns: Mapping[str, Expression] | None = None
) -> dict[int, Post]:
    """The posts among `ids` that the viewer may read, by id, each with its author (and
    their department) and its group loaded. Missing and unreadable ones are left out.

    `columns` adds annotations to the same query, as `annotate(**columns)` would; a name
    must always stand for the same expression (the SQL is compiled once per name).
    """
    columns = columns or {}
    wanted = list(dict.fromkeys(pk for pk in map(int, ids) if 0 < pk <= _LARGEST_ID))
    db = Post.objects.db
    posts: dict[int, Post] = {}
    while wanted:
        # Compiled once per padded number of ids (kring/core/compiled_sql.py).
        chunk, wanted = wanted[: PADDED_LENGTHS[-1]], wanted[PADDED_LENGTHS[-1] :]
        values = padded(chunk)
        for row in _query(len(values), columns).rows(*values, using=db):
            post = _post_from(row, db, tuple(columns))
            if access.can_view(viewer, post):
                posts[post.pk] = post
    return posts


# The newest posts of a space for a reader: compiled once per kind of reader, kind of
# space and length (`access.visible_posts_of` is the same rule as `access.visible`).
_NEWEST: dict[tuple[str, str, int], CompiledSelect] = {}
SPACES = ("home", "company", "group")


def _newest_query(kind: access.ReaderKind, space: str, limit: int) -> CompiledSelect:
    shape = (kind, space, limit)
    query = _NEWEST.get(shape)
    if query is None:

        def build(viewer_id: int, *group_id: int) -> QuerySet:
            posts = Post.objects.all()
            if space == "group":
                posts = posts.filter(group_id=group_id[0])
            elif space == "company":
                posts = posts.filter(group__isnull=True)
            posts = access.visible_posts_of(kind, viewer_id, posts)
            return posts.order_by("-last_activity_at", "-id").values_list(*_COLUMNS)[:limit]

        slots = (int, int) if space == "group" else (int,)
        query = _NEWEST[shape] = CompiledSelect(build, slots=slots)
    return query


def posts_newest_for(viewer: Any, *, space: str | Group, limit: int) -> list[Post]:
    """The `limit` most recently active posts the viewer may read in `space`, newest first:
    "home" (every space), "company" or a group; each with author, department and group.

    The access rule is in the query; each post also passes `access.can_view`.
    """
    kind = access.reader_kind(viewer)
    if kind is access.ReaderKind.NOBODY:
        return []
    values = (viewer.pk,)
    if isinstance(space, Group):
        space, values = "group", (viewer.pk, space.pk)
    if space not in SPACES:
        raise ValueError(f"Unknown space {space!r}: one of {SPACES} or a group.")
    db = Post.objects.db
    rows = _newest_query(kind, space, limit).rows(*values, using=db)
    posts = [_post_from(row, db, ()) for row in rows]
    return [post for post in posts if access.can_view(viewer, post)]


# A colleague's own posts, or the praise posts thanking them (their profile), for a reader.
_OF_PERSON: dict[tuple[str, bool, int], CompiledSelect] = {}


def _of_person_query(kind: access.ReaderKind, praised: bool, limit: int) -> CompiledSelect:
    shape = (kind, praised, limit)
    query = _OF_PERSON.get(shape)
    if query is None:

        def build(viewer_id: int, person_id: int) -> QuerySet:
            if praised:
                posts = Post.objects.filter(praise__praised=person_id)
            else:
                posts = Post.objects.filter(author_id=person_id)
            posts = access.visible_posts_of(kind, viewer_id, posts)
            return posts.order_by("-created_at", "-id").values_list(*_COLUMNS)[:limit]

        query = _OF_PERSON[shape] = CompiledSelect(build, slots=(int, int))
    return query


def posts_of_person_for(viewer: Any, person: Any, *, praised: bool, limit: int) -> list[Post]:
    """The `limit` newest posts by `person` (`praised`: that thank them) that the viewer
    may read, newest first; each with author, department and group."""
    kind = access.reader_kind(viewer)
    if kind is access.ReaderKind.NOBODY:
        return []
    db = Post.objects.db
    rows = _of_person_query(kind, praised, limit).rows(viewer.pk, person.pk, using=db)
    posts = [_post_from(row, db, ()) for row in rows]
    return [post for post in posts if access.can_view(viewer, post)]
