"""Questions in the API: the lists, accepting an answer, voting for one."""

from datetime import datetime
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema

from kring import access
from kring.api.schemas import MAX_ID, Message, absolute_url
from kring.core.errors import ValidationFailed
from kring.core.pagination import Page
from kring.groups.models import Group
from kring.posts.models import Post, Reply
from kring.questions import services
from kring.questions.selectors import SHOW_OPEN, SHOWS, questions_for

router = Router(tags=["questions"])

ObjectId = Annotated[int, Path(ge=1, le=MAX_ID)]
ERRORS = {400: Message, 403: Message, 404: Message}


class QuestionOut(Schema):
    id: int = Field(description="The id of the question's post")
    title: str
    url: str
    group: int | None = Field(description="The group's id; null: the company space")
    author: int
    created_at: datetime
    replies: int
    accepted_answer: int | None = Field(description="The id of the accepted reply, if any")
    answered_at: datetime | None

    @staticmethod
    def resolve_id(post: Post) -> int:
        return post.pk

    @staticmethod
    def resolve_title(post: Post) -> str:
        return post.question.title

    @staticmethod
    def resolve_url(post: Post, context: dict[str, Any]) -> str:
        return absolute_url(context, post.get_absolute_url())

    @staticmethod
    def resolve_group(post: Post) -> int | None:
        return post.group_id

    @staticmethod
    def resolve_author(post: Post) -> int:
        return post.author_id

    @staticmethod
    def resolve_replies(post: Post) -> int:
        return post.reply_count

    @staticmethod
    def resolve_accepted_answer(post: Post) -> int | None:
        return post.question.accepted_answer_id

    @staticmethod
    def resolve_answered_at(post: Post) -> datetime | None:
        return post.question.answered_at


class QuestionPage(Schema):
    items: list[QuestionOut]
    next_cursor: str | None


class AcceptIn(Schema):
    reply: int = Field(ge=1, le=MAX_ID, description="The id of the answer (a reply to the post)")


class VoteOut(Schema):
    voted: bool = Field(description="Whether you vote for this answer now")
    votes: int


@router.get("/questions", response={200: QuestionPage, **ERRORS}, summary="Questions")
def question_list(
    request: HttpRequest,
    show: Annotated[str, Query(description="open (default), all or mine", enum=list(SHOWS))] = (
        SHOW_OPEN
    ),
    group: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Only this group")] = None,
    cursor: str | None = None,
) -> Page:
    """Questions you may read, newest first, 20 per page; pass `next_cursor` as `cursor`."""
    if show not in SHOWS:
        raise ValidationFailed(_("Choose show=open, show=all or show=mine."), field="show")
    space = access.get_or_404(request.auth, Group, group) if group is not None else None
    return questions_for(request.auth, show=show, group=space, cursor=cursor)


def _question_out(post: Post) -> Post:
    return Post.objects.select_related("question").get(pk=post.pk)


@router.post(
    "/questions/{post_id}/accept",
    response={200: QuestionOut, **ERRORS},
    summary="Accept an answer",
)
def answer_accept(request: HttpRequest, post_id: ObjectId, data: AcceptIn) -> Post:
    """The asker, a group admin or a site admin who can read it marks one answer as accepted."""
    post = access.get_or_404(request.auth, Post, post_id)
    services.question_accept_answer(actor=request.auth, post=post, reply_id=data.reply)
    return _question_out(post)


@router.delete(
    "/questions/{post_id}/accept",
    response={200: QuestionOut, **ERRORS},
    summary="Unmark the accepted answer",
)
def answer_unaccept(request: HttpRequest, post_id: ObjectId) -> Post:
    post = access.get_or_404(request.auth, Post, post_id)
    services.question_unaccept_answer(actor=request.auth, post=post)
    return _question_out(post)


@router.post("/answers/{reply_id}/vote", response={200: VoteOut, **ERRORS}, summary="Vote")
def answer_vote(request: HttpRequest, reply_id: ObjectId) -> dict[str, Any]:
    """Vote for an answer, or take your vote back (a toggle); not for your own answer (403)."""
    reply = access.get_or_404(request.auth, Reply, reply_id)
    voted = services.answer_vote_toggle(actor=request.auth, reply=reply)
    reply.refresh_from_db(fields=["vote_count"])
    return {"voted": voted, "votes": reply.vote_count}
