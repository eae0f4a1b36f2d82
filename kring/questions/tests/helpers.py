"""Building questions with answers for the tests."""

from kring.posts import services as post_services
from kring.posts.models import Post, Reply
from kring.questions.services import question_create


def ask(
    actor, group=None, *, title="Hoe vraag ik verlof aan?", body="Ik wil een cursus doen."
) -> Post:
    post = post_services.post_create(actor=actor, group=group, body=body)
    question_create(actor=actor, post=post, title=title)
    return post


def answer(actor, post: Post, body: str, parent: Reply | None = None) -> Reply:
    return post_services.reply_create(actor=actor, post=post, parent=parent, body=body)
