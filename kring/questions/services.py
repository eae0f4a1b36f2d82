"""Writing questions, accepted answers and votes."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from kring import access
from kring.core.errors import NotFound, PermissionDenied, ValidationFailed
from kring.notifications.models import Notification
from kring.notifications.services import notify
from kring.people.models import User
from kring.posts.models import Post, Reply
from kring.questions.models import TITLE_MAX_LENGTH, AnswerVote, Question
from kring.search.services import index_later  # issue 5: search


def question_title_clean(title: str) -> str:
    """Return the title trimmed to single spaces; refuse an empty or too long one."""
    text = " ".join((title or "").split())
    if not text:
        raise ValidationFailed(_("Give your question a title."), field="question_title")
    if len(text) > TITLE_MAX_LENGTH:
        raise ValidationFailed(
            _("A title can be at most %(limit)s characters.") % {"limit": TITLE_MAX_LENGTH},
            field="question_title",
        )
    return text


@transaction.atomic
def question_create(*, actor: User, post: Post, title: str) -> Question:
    """Make the actor's own new post a question with this title.

    Called in the same transaction as the post's creation, so a refused title leaves no post.
    """
    if not access.can_edit_post(actor, post):
        raise PermissionDenied(_("Only the author can make this message a question."))
    text = question_title_clean(title)
    if Question.objects.filter(post=post).exists():
        raise ValidationFailed(_("This message is a question already."), field="question_title")
    question = Question.objects.create(post=post, title=text)
    Post.objects.filter(pk=post.pk).update(is_question=True)
    post.is_question = True
    index_later("post", post.pk)  # found as the question from now on, not as a post
    index_later("question", question.pk)
    return question


def _question_of(post: Post, *, lock: bool = False) -> Question:
    questions = Question.objects.filter(post=post)
    if lock:
        questions = questions.select_for_update()
    question = questions.first()
    if question is None:
        raise NotFound(_("This message is not a question."))
    return question


def _answer_of(question: Question, reply_id: object) -> Reply:
    """The answer (a top-level reply that is still there) of this question, or NotFound."""
    try:
        pk = int(str(reply_id))
    except ValueError:
        pk = 0
    reply = (
        Reply.objects.select_related("post", "post__group", "author")
        .filter(pk=pk, post_id=question.post_id, parent=None, deleted_at=None)
        .first()
        if 0 < pk < 2**63
        else None
    )
    if reply is None:
        raise NotFound(_("That answer is not part of this question (any more)."))
    return reply


@transaction.atomic
def question_accept_answer(*, actor: User, post: Post, reply_id: object) -> Question:
    """Mark one answer of the question as the accepted one (replacing an earlier choice).

    Refuses an answer of another post, a reply to a reply or a removed one (404), and
    anyone but the asker, a group admin or a site admin who can read it (403). The
    answer's author is notified, unless they accept their own.
    """
    if not access.can_view(actor, post):
        raise NotFound(_("This message is not there (any more)."))
    question = _question_of(post, lock=True)
    if not access.can_accept_answer(actor, post):
        raise PermissionDenied(_("Only the asker or a group admin can accept an answer."))
    reply = _answer_of(question, reply_id)
    if question.accepted_answer_id == reply.pk:
        return question
    question.accepted_answer = reply
    question.answered_at = timezone.now()
    question.save(update_fields=["accepted_answer", "answered_at"])
    index_later("question", question.pk)  # an accepted answer lifts it in search
    notify(
        kind=Notification.Kind.ANSWER_ACCEPTED,
        recipients=[reply.author_id],
        actor=actor,
        target=reply,
    )
    return question


@transaction.atomic
def question_unaccept_answer(*, actor: User, post: Post) -> Question:
    """Make the question open again: no accepted answer."""
    if not access.can_view(actor, post):
        raise NotFound(_("This message is not there (any more)."))
    question = _question_of(post, lock=True)
    if not access.can_accept_answer(actor, post):
        raise PermissionDenied(_("Only the asker or a group admin can accept an answer."))
    question.accepted_answer = None
    question.answered_at = None
    question.save(update_fields=["accepted_answer", "answered_at"])
    index_later("question", question.pk)
    return question


@transaction.atomic
def answer_vote_toggle(*, actor: User, reply: Reply) -> bool:
    """Vote for an answer, or take the vote back; return whether the actor votes for it now.

    Only top-level replies of a question are answers. Voting for one's own answer is
    refused (403). The count moves with F() in the vote's transaction, and only when a
    row was really added or removed, so concurrent clicks cannot make it drift.
    """
    if not access.can_vote_answer(actor, reply):
        raise NotFound(_("That answer is not there (any more)."))
    if reply.parent_id is not None or not reply.post.is_question:
        raise ValidationFailed(_("Only answers to a question can get votes."), field="reply")
    if reply.author_id == actor.pk:
        raise PermissionDenied(_("You cannot vote for your own answer."))
    removed, _rows = AnswerVote.objects.filter(reply=reply, user=actor).delete()
    if removed:
        Reply.objects.filter(pk=reply.pk).update(vote_count=F("vote_count") - 1)
        return False
    try:
        with transaction.atomic():
            AnswerVote.objects.create(reply=reply, user=actor)
    except IntegrityError:
        return True  # a simultaneous click counted it already
    Reply.objects.filter(pk=reply.pk).update(vote_count=F("vote_count") + 1)
    return True
