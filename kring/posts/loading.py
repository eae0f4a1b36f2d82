"""Posts loaded by id for a reader, with what a card shows, from SQL compiled once.

The "Voor jou" feed knows which posts it shows by id. Loading twenty of them through
`access.visible(...)` with their authors, departments and groups cost 1.8 ms of CPU:
the SQL with the reader's access rule compiled anew, and four objects per row built by
the ORM (bench/README.md, tenth session). Here the query takes only ids, so it is
compiled once per number of ids (kring/core/compiled_sql.py); the objects are made from
the rows, and each post passes the access policy's per-object rule (`access.can_view`,
which kring/access/tests keep equal to the query rule) before anyone sees it.
"""

from collections.abc import Callable, Iterable, Mapping
from functools import cache
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
_POST_END = len(POST_COLUMNS)  # then the author's, the department's and the group's columns
_GROUP_START = _POST_END + len(AUTHOR_COLUMNS) + len(DEPARTMENT_COLUMNS)
_LARGEST_ID = 2**63 - 1  # a bigint; a larger number from an address names no post
# Extra columns: (name, function making its expression), made only when compiling.
type Columns = tuple[tuple[str, Callable[[], Expression]], ...]


@cache
def _query(size: int, columns: Columns) -> CompiledSelect:
    """Posts by id: compiled once per padded number of ids and set of extra columns."""
    return CompiledSelect(
        lambda *ids: (
            Post.objects.filter(pk__in=ids)
            .annotate(**{name: make() for name, make in columns})
            .values_list(*_COLUMNS, *(name for name, _make in columns))
        ),
        slots=(int,) * size,
    )


def author_from_row(values: tuple, db: str, names: tuple[str, ...] = AUTHOR_COLUMNS) -> User:
    """An author from the values of `names` and then DEPARTMENT_COLUMNS, department loaded."""
    author = model_from_row(User, names, values[: len(names)], db)
    department = values[len(names) :]
    author._state.fields_cache["department"] = (
        model_from_row(Department, DEPARTMENT_COLUMNS, department, db) if department[0] else None
    )
    return author


def _post_from(row: tuple, db: str, columns: tuple[str, ...]) -> Post:
    if columns:
        row, extra = row[: -len(columns)], row[-len(columns) :]
    post = model_from_row(Post, POST_COLUMNS, row[:_POST_END], db)
    group = row[_GROUP_START:]
    post._state.fields_cache["author"] = author_from_row(row[_POST_END:_GROUP_START], db)
    post._state.fields_cache["group"] = (
        model_from_row(Group, GROUP_COLUMNS, group, db) if group[0] else None
    )
    if columns:
        post.__dict__.update(zip(columns, extra, strict=True))
    return post


def posts_by_id_for(
    viewer: object,
    ids: Iterable[int],
    *,
    columns: Mapping[str, Callable[[], Expression]] | None = None,
) -> dict[int, Post]:
    """The posts among `ids` that the viewer may read, by id, each with its author (and
    their department) and its group loaded. Missing and unreadable ones are left out.

    `columns` adds annotations to the same query: {name: function returning its
    expression}, called only when the query is compiled.
    """
    extra: Columns = tuple((columns or {}).items())
    names = tuple(name for name, _make in extra)
    wanted = list(dict.fromkeys(pk for pk in map(int, ids) if 0 < pk <= _LARGEST_ID))
    db = Post.objects.db
    posts: dict[int, Post] = {}
    while wanted:
        # Compiled once per padded number of ids (kring/core/compiled_sql.py).
        chunk, wanted = wanted[: PADDED_LENGTHS[-1]], wanted[PADDED_LENGTHS[-1] :]
        values = padded(chunk)
        for row in _query(len(values), extra).rows(*values, using=db):
            post = _post_from(row, db, names)
            if access.can_view(viewer, post):
                posts[post.pk] = post
    return posts


SPACES = ("home", "company")


@cache
def _newest_query(kind: access.ReaderKind, space: str, limit: int) -> CompiledSelect:
    """The newest posts of a space for a reader: compiled once per kind of reader, kind of
    space and length (`access.visible_of` is the same rule as `access.visible`)."""

    def build(viewer_id: int) -> QuerySet:
        posts = Post.objects.all()
        if space == "company":
            posts = posts.filter(group__isnull=True)
        posts = access.visible_of(kind, viewer_id, posts)
        return posts.order_by("-last_activity_at", "-id").values_list(*_COLUMNS)[:limit]

    return CompiledSelect(build, slots=(int,))


def posts_newest_for(viewer: Any, *, space: str | Group, limit: int) -> list[Post]:
    """The `limit` most recently active posts the viewer may read in `space`, newest first:
    "home" (every space), "company" or a group; each with author, department and group.

    The access rule is in the query; each post also passes `access.can_view`.
    """
    kind = access.reader_kind(viewer)
    if kind is access.ReaderKind.NOBODY:
        return []
    if isinstance(space, Group):
        return _group_newest_for(viewer, kind, space, limit)
    if space not in SPACES:
        raise ValueError(f"Unknown space {space!r}: one of {SPACES} or a group.")
    db = Post.objects.db
    rows = _newest_query(kind, space, limit).rows(viewer.pk, using=db)
    posts = [_post_from(row, db, ()) for row in rows]
    return [post for post in posts if access.can_view(viewer, post)]


@cache
def _group_newest_ids_query(kind: access.ReaderKind, limit: int) -> CompiledSelect:
    """A group's newest post ids for a reader: compiled once per kind of reader and length."""

    def build(viewer_id: int, group_id: int) -> QuerySet:
        posts = access.visible_of(kind, viewer_id, Post.objects.filter(group_id=group_id))
        return posts.order_by("-last_activity_at", "-id").values_list("id")[:limit]

    return CompiledSelect(build, slots=(int, int))


def _group_newest_for(viewer: Any, kind: access.ReaderKind, group: Group, limit: int) -> list:
    """A group's newest posts in two short queries: the ids, then the posts by id.

    One query joining the posts' authors and groups was planned anew on every group page:
    how many posts a group has (a few in most, a hundred thousand in the largest) changes
    its best plan, so PostgreSQL never keeps a generic one for it, and planning the join
    cost it more than running it (bench/README.md, twelfth session). The ids alone are
    cheap to plan; the posts by id are planned once per connection.
    """
    rows = _group_newest_ids_query(kind, limit).rows(viewer.pk, group.pk, using=Post.objects.db)
    ids = [pk for (pk,) in rows]
    by_id = posts_by_id_for(viewer, ids)
    return [by_id[pk] for pk in ids if pk in by_id]


@cache
def _of_person_query(kind: access.ReaderKind, praised: bool, limit: int) -> CompiledSelect:
    """A colleague's own posts, or the praise posts thanking them (their profile), for a
    reader: compiled once per kind of reader, kind of post and length."""

    def build(viewer_id: int, person_id: int) -> QuerySet:
        if praised:
            posts = Post.objects.filter(praise__praised=person_id)
        else:
            posts = Post.objects.filter(author_id=person_id)
        posts = access.visible_of(kind, viewer_id, posts)
        return posts.order_by("-created_at", "-id").values_list(*_COLUMNS)[:limit]

    return CompiledSelect(build, slots=(int, int))


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
