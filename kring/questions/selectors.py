"""Reads of questions and answers for a viewer; every list starts from access.visible()."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Case, IntegerField, QuerySet, Value, When

from kring import access
from kring.core.pagination import Page, paginate_newest_first
from kring.groups.models import Group
from kring.posts.models import Post, Reply
from kring.questions.models import AnswerVote, Question

SHOW_OPEN, SHOW_ALL, SHOW_MINE = "open", "all", "mine"
SHOWS = (SHOW_OPEN, SHOW_ALL, SHOW_MINE)
PER_PAGE = 20
ANSWERS_SHOWN = 50  # a question page lists at most this many answers; the thread has all


@dataclass(frozen=True)
class CardQuestion:
    """What a post card shows of its question: shared by every reader, part of the card's key."""

    title: str
    answered: bool

    @property
    def key_parts(self) -> tuple[str, bool]:
        return (self.title, self.answered)


def card_questions(posts: Sequence[Post]) -> dict[int, CardQuestion]:
    """{post id: CardQuestion} for the questions among `posts`; no query when there are none."""
    ids = [post.pk for post in posts if post.is_question]
    if not ids:
        return {}
    rows = Question.objects.filter(post_id__in=ids).values_list("post_id", "title", "answered_at")
    return {pk: CardQuestion(title=title, answered=at is not None) for pk, title, at in rows}


def questions_for(
    viewer: Any,
    *,
    show: str = SHOW_OPEN,
    group: Group | None = None,
    cursor: str | None = None,
    per_page: int = PER_PAGE,
) -> Page:
    """One page of the questions the viewer may read, newest first; one query.

    `show`: open (no accepted answer), all, or mine (asked by the viewer). `group` narrows
    to one group the caller has checked the viewer may see.
    """
    posts: QuerySet = access.visible(viewer, Post.objects.filter(is_question=True))
    if show == SHOW_OPEN:
        posts = posts.filter(question__answered_at__isnull=True)
    elif show == SHOW_MINE:
        posts = posts.filter(author_id=viewer.pk)
    if group is not None:
        posts = posts.filter(group=group)
    posts = posts.select_related("author", "author__department", "group", "question").defer(
        "body", "author__about"
    )
    return paginate_newest_first(posts, field="created_at", cursor=cursor, per_page=per_page)


@dataclass(frozen=True)
class AnswerView:
    """One answer as a reader sees it on the question's page."""

    reply: Reply
    accepted: bool
    voted: bool
    may_vote: bool


def answers_for(viewer: Any, post: Post, question: Question) -> list[AnswerView]:
    """The answers of a question the viewer may read: accepted first, then votes, then time.

    Two queries (the answers, the viewer's votes among them), whatever their number.
    """
    if not access.can_view(viewer, post):
        return []
    accepted_id = question.accepted_answer_id or 0
    replies = list(
        Reply.objects.filter(post=post, parent=None, deleted_at=None)
        .select_related("author", "author__department")
        .defer("body", "author__about")
        .annotate(
            accepted_first=Case(
                When(pk=accepted_id, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("accepted_first", "-vote_count", "created_at", "id")[:ANSWERS_SHOWN]
    )
    for reply in replies:
        reply.post = post
    voted = votes_of(viewer, [reply.pk for reply in replies])
    return [
        AnswerView(
            reply=reply,
            accepted=reply.pk == accepted_id,
            voted=reply.pk in voted,
            may_vote=access.can_vote_answer(viewer, reply) and reply.author_id != viewer.pk,
        )
        for reply in replies
    ]


def votes_of(viewer: Any, reply_ids: Iterable[int]) -> set[int]:
    """The ids among `reply_ids` the viewer voted for (no query for nobody or nothing)."""
    ids = list(reply_ids)
    if not ids or not access.is_signed_in(viewer):
        return set()
    return set(
        AnswerVote.objects.filter(user=viewer, reply_id__in=ids).values_list("reply_id", flat=True)
    )


def question_for(viewer: Any, post: Post) -> Question | None:
    """The question of a post the viewer may read, or None."""
    if not post.is_question or not access.can_view(viewer, post):
        return None
    try:
        return post.question  # loaded once per request: the page's title reads it too
    except Question.DoesNotExist:
        return None
