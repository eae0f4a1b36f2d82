"""What the API reads and returns; every object carries `url`, its absolute HTML permalink."""

from datetime import datetime
from typing import Annotated, Any

from django.utils.encoding import iri_to_uri
from ninja import Field, Schema

from kring import access
from kring.groups.models import Group, Membership
from kring.polls.schemas import PollIn, PollOut, poll_of
from kring.reactions.selectors import counts_by_kind, my_reactions_of

# Ids beyond a 64-bit integer can never exist; refusing them early keeps the database
# from raising an overflow error (a 500) on SQLite and PostgreSQL alike.
MAX_ID = 2**63 - 1
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


def absolute_url(context: dict[str, Any], path: str) -> str:
    """`path` on this site as a whole address, as `request.build_absolute_uri(path)` gives it.

    A page of posts holds some 50 addresses: the site's own address is asked once per
    response and kept in `context`, instead of splitting and checking every address.
    What Django would resolve (a "/./" or "/../" in it) still goes through Django."""
    if not path.startswith("/") or path.startswith("//") or "/./" in path or "/../" in path:
        return context["request"].build_absolute_uri(path)
    origin = context.get("origin")
    if origin is None:
        origin = context["origin"] = context["request"].build_absolute_uri("/")
    return iri_to_uri(origin + path[1:])


class Linked(Schema):
    url: str

    @staticmethod
    def resolve_url(obj: Any, context: dict[str, Any]) -> str:
        return absolute_url(context, obj.get_absolute_url())


class Message(Schema):
    """An error or a notice; `field` names the input it is about, when there is one."""

    message: str
    field: str | None = None


class ValidationErrors(Schema):
    message: str
    errors: list[dict[str, Any]]


class TokenIn(Schema):
    username: str = Field(description="Username or e-mail address.")
    password: str


class TokenOut(Schema):
    token: str = Field(description="Send it as `Authorization: Bearer <token>`. Shown once.")


class DepartmentOut(Schema):
    id: int
    name: str


class PersonSummary(Linked):
    id: int
    username: str
    name: str = Field(alias="display_name")


class PersonOut(PersonSummary):
    first_name: str
    last_name: str
    kind: str = Field(description="employee or guest")
    job_title: str
    department: DepartmentOut | None
    location: str
    phone: str
    about: str
    expertise: list[str]
    photo: str | None

    @staticmethod
    def resolve_expertise(obj: Any) -> list[str]:
        return [tag.name for tag in obj.expertise.all()]

    @staticmethod
    def resolve_photo(obj: Any, context: dict[str, Any]) -> str | None:
        return absolute_url(context, obj.photo.url) if obj.photo else None


class MeOut(PersonOut):
    email: str
    language: str
    is_site_admin: bool


class PersonPage(Schema):
    items: list[PersonOut]
    next_cursor: str | None


class GroupSummary(Linked):
    id: int
    name: str
    slug: str
    visibility: str


class GroupOut(GroupSummary):
    description: str
    member_count: int
    created_at: datetime
    role: str | None = Field(description="Your role: admin, member or null.")

    @staticmethod
    def resolve_role(obj: Group, context: dict[str, Any]) -> str | None:
        return access.role_in(context["request"].auth, obj)


class GroupPage(Schema):
    items: list[GroupOut]
    next_cursor: str | None


class GroupIn(Schema):
    name: str
    description: str = ""
    visibility: str = Field("open", json_schema_extra={"enum": list(Group.Visibility.values)})


class MemberIn(Schema):
    username: str
    role: str = Field(
        Membership.Role.MEMBER, json_schema_extra={"enum": list(Membership.Role.values)}
    )


class MembershipOut(Schema):
    group: GroupSummary
    person: PersonSummary = Field(alias="user")
    role: str


class JoinOut(Schema):
    status: str = Field(description="joined, or requested for a closed group")
    message: str
    group: GroupOut


class ReactionCounts(Schema):
    """How many people gave each reaction (issue 4)."""

    like: int
    thanks: int
    insightful: int
    celebrate: int


def _reaction_counts(obj: Any) -> dict[str, int]:
    return counts_by_kind(obj)


def _my_reactions(obj: Any, context: dict[str, Any]) -> list[str]:
    return my_reactions_of(context["request"].auth, obj)


class PostOut(Linked):
    id: int
    group: GroupSummary | None = Field(description="null: the company-wide space")
    author: PersonSummary
    body: str = Field(description="Markdown source")
    body_html: str = Field(description="Sanitised HTML")
    created_at: datetime
    edited_at: datetime | None
    last_activity_at: datetime
    reply_count: int
    is_announcement: bool = Field(description="Pinned and must-read (issue 4)")
    reactions: ReactionCounts
    my_reactions: list[str] = Field(description="The kinds of reaction you gave")
    poll: PollOut | None = Field(description="The post's poll (its body is the question)")

    @staticmethod
    def resolve_reactions(obj: Any) -> dict[str, int]:
        return _reaction_counts(obj)

    @staticmethod
    def resolve_my_reactions(obj: Any, context: dict[str, Any]) -> list[str]:
        return _my_reactions(obj, context)

    @staticmethod
    def resolve_poll(obj: Any, context: dict[str, Any]) -> Any:
        return poll_of(obj, context)


class PostPage(Schema):
    items: list[PostOut]
    next_cursor: str | None


class PostIn(Schema):
    group: Id | None = Field(None, description="A group id; null posts to the company space.")
    body: str = Field(description="Markdown, at most 10,000 characters.")
    is_announcement: bool = Field(
        False, description="Post as an announcement (leaders; group admins in their group)."
    )
    poll: PollIn | None = Field(None, description="A poll in the post (issue 4)")


class PostPatch(Schema):
    body: str


class ReplyOut(Linked):
    id: int
    post: int = Field(alias="post_id")
    parent: int | None = Field(alias="parent_id")
    depth: int = Field(description="0 answers the post, 1 answers a reply, ...")
    author: PersonSummary | None = Field(description="null for a removed reply")
    deleted: bool
    body: str
    body_html: str
    created_at: datetime
    edited_at: datetime | None
    reactions: ReactionCounts
    my_reactions: list[str] = Field(description="The kinds of reaction you gave")

    @staticmethod
    def resolve_author(obj: Any) -> Any:
        return None if obj.deleted_at else obj.author

    @staticmethod
    def resolve_reactions(obj: Any) -> dict[str, int]:
        return _reaction_counts(obj)

    @staticmethod
    def resolve_my_reactions(obj: Any, context: dict[str, Any]) -> list[str]:
        return _my_reactions(obj, context)

    @staticmethod
    def resolve_deleted(obj: Any) -> bool:
        return obj.deleted_at is not None

    @staticmethod
    def resolve_depth(obj: Any) -> int:
        return obj.depth - 1  # Reply.depth counts from 1 (it answers the post)


class ReplyList(Schema):
    items: list[ReplyOut]


class ReplyIn(Schema):
    body: str
    parent: Id | None = Field(None, description="The reply this answers; null answers the post.")
