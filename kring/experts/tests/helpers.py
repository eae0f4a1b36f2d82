"""Test data for who knows what."""

from kring.posts import services as post_services
from kring.questions.services import question_accept_answer, question_create


def answered_question(*, asker, answerer, group, title: str, answer: str):
    """A question by `asker` in `group` (None: everyone) with `answerer`'s accepted answer."""
    post = post_services.post_create(actor=asker, group=group, body=f"{title} Wie helpt?")
    question = question_create(actor=asker, post=post, title=title)
    reply = post_services.reply_create(actor=answerer, post=post, body=answer)
    question_accept_answer(actor=asker, post=post, reply_id=reply.pk)
    return question
