"""Writing questions, accepting answers and voting: the rules a colleague notices."""

import pytest

from kring.core.errors import NotFound, PermissionDenied, ValidationFailed
from kring.notifications.models import Notification
from kring.posts import services as post_services
from kring.posts.models import Reply
from kring.questions.models import AnswerVote, Question
from kring.questions.services import (
    answer_vote_toggle,
    question_accept_answer,
    question_create,
    question_unaccept_answer,
)
from kring.questions.tests.helpers import answer, ask


def test_question_create_passes_if_author_gives_title(world):
    post = ask(world.outsider, title="  Waar   vind ik  het declaratieformulier? ")
    post.refresh_from_db()
    assert post.is_question
    assert Question.objects.get(pk=post.pk).title == "Waar vind ik het declaratieformulier?"


@pytest.mark.parametrize("title", ["", "   ", "x" * 201])
def test_question_create_fails_if_title_empty_or_too_long(world, title):
    post = post_services.post_create(actor=world.outsider, group=None, body="Uitleg")
    with pytest.raises(ValidationFailed) as error:
        question_create(actor=world.outsider, post=post, title=title)
    assert error.value.field == "question_title"
    assert not Question.objects.exists()


def test_question_create_fails_if_actor_is_not_the_author(world):
    post = post_services.post_create(actor=world.outsider, group=None, body="Uitleg")
    with pytest.raises(PermissionDenied):
        question_create(actor=world.member, post=post, title="Van mij?")


def test_question_accept_answer_passes_if_asker_and_notifies_author(
    world, django_capture_on_commit_callbacks
):
    post = ask(world.outsider)
    reply = answer(world.member, post, "Via het HR-portaal.")
    with django_capture_on_commit_callbacks(execute=True):
        question = question_accept_answer(actor=world.outsider, post=post, reply_id=reply.pk)
    assert question.accepted_answer_id == reply.pk and question.answered_at is not None
    note = Notification.objects.get(recipient=world.member)
    assert note.kind == "answer_accepted" and note.reply_id == reply.pk


def test_question_accept_answer_passes_if_group_admin(world):
    post = ask(world.member, world.groups["closed"])
    reply = answer(world.member, post, "Zelf gevonden.")
    question = question_accept_answer(actor=world.admin, post=post, reply_id=reply.pk)
    assert question.accepted_answer_id == reply.pk


def test_question_accept_answer_passes_if_site_admin_reads_the_space(world):
    post = ask(world.outsider)
    reply = answer(world.member, post, "Zo.")
    question_accept_answer(actor=world.site_admin, post=post, reply_id=reply.pk)
    assert Question.objects.get(pk=post.pk).accepted_answer_id == reply.pk


def test_question_accept_answer_fails_if_actor_is_another_colleague(world):
    post = ask(world.outsider)
    reply = answer(world.member, post, "Zo.")
    with pytest.raises(PermissionDenied):
        question_accept_answer(actor=world.member, post=post, reply_id=reply.pk)
    assert Question.objects.get(pk=post.pk).accepted_answer_id is None


def test_question_accept_answer_fails_if_site_admin_cannot_read_the_group(world):
    post = ask(world.member, world.groups["secret"])
    reply = answer(world.member, post, "Zo.")
    with pytest.raises(NotFound):
        question_accept_answer(actor=world.site_admin, post=post, reply_id=reply.pk)


def test_question_accept_answer_fails_if_reply_belongs_to_another_post(world):
    post = ask(world.outsider)
    other = answer(world.member, world.posts["company"], "Elders.")
    with pytest.raises(NotFound):
        question_accept_answer(actor=world.outsider, post=post, reply_id=other.pk)


@pytest.mark.parametrize("value", ["", "abc", "-1", str(2**70)])
def test_question_accept_answer_fails_if_reply_id_is_garbage(world, value):
    post = ask(world.outsider)
    with pytest.raises(NotFound):
        question_accept_answer(actor=world.outsider, post=post, reply_id=value)


def test_question_accept_answer_fails_if_reply_answers_a_reply(world):
    post = ask(world.outsider)
    top = answer(world.member, post, "Antwoord")
    below = answer(world.admin, post, "Aanvulling", parent=top)
    with pytest.raises(NotFound):
        question_accept_answer(actor=world.outsider, post=post, reply_id=below.pk)


def test_question_accept_answer_fails_if_post_is_no_question(world):
    reply = answer(world.outsider, world.posts["company"], "Hoi")
    with pytest.raises(NotFound):
        question_accept_answer(actor=world.member, post=world.posts["company"], reply_id=reply.pk)


def test_question_unaccept_answer_passes_if_asker(world):
    post = ask(world.outsider)
    reply = answer(world.member, post, "Zo.")
    question_accept_answer(actor=world.outsider, post=post, reply_id=reply.pk)
    question = question_unaccept_answer(actor=world.outsider, post=post)
    assert question.accepted_answer_id is None and question.answered_at is None


def test_question_accept_answer_does_not_notify_if_asker_accepts_own_answer(
    world, django_capture_on_commit_callbacks
):
    post = ask(world.outsider)
    reply = answer(world.outsider, post, "Zelf opgelost.")
    with django_capture_on_commit_callbacks(execute=True):
        question_accept_answer(actor=world.outsider, post=post, reply_id=reply.pk)
    assert not Notification.objects.exists()


def test_answer_vote_toggle_counts_once_and_takes_back_if_clicked_twice(world):
    post = ask(world.outsider)
    reply = answer(world.member, post, "Zo.")
    assert answer_vote_toggle(actor=world.outsider, reply=reply) is True
    assert Reply.objects.get(pk=reply.pk).vote_count == 1
    assert answer_vote_toggle(actor=world.outsider, reply=reply) is False
    assert Reply.objects.get(pk=reply.pk).vote_count == 0
    assert not AnswerVote.objects.exists()


def test_answer_vote_toggle_fails_if_own_answer(world):
    post = ask(world.outsider)
    reply = answer(world.member, post, "Zo.")
    with pytest.raises(PermissionDenied):
        answer_vote_toggle(actor=world.member, reply=reply)
    assert Reply.objects.get(pk=reply.pk).vote_count == 0


def test_answer_vote_toggle_fails_if_reply_is_no_answer(world):
    plain = answer(world.member, world.posts["company"], "Gewone reactie")
    post = ask(world.outsider)
    nested = answer(world.admin, post, "Aanvulling", parent=answer(world.member, post, "Zo."))
    for reply in (plain, nested):
        with pytest.raises(ValidationFailed):
            answer_vote_toggle(actor=world.outsider, reply=reply)


def test_answer_vote_toggle_fails_if_viewer_cannot_read(world):
    post = ask(world.member, world.groups["closed"])
    reply = answer(world.admin, post, "Zo.")
    with pytest.raises(NotFound):
        answer_vote_toggle(actor=world.outsider, reply=reply)
