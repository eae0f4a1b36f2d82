"""Questions in search (decision 0020): kind "question", the question's title as title.

A question is a post with a Question row. Its post has no "post" document of its own
(kring/posts/search.py leaves question posts out), so the kind filter shows questions
under "Questions" and a question is never found twice. The document hangs under its post
(`parent_key`), so deleting the post removes it too. An accepted answer lifts it.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kring.posts.search import plain_text
from kring.questions.models import Question
from kring.search.registry import Document, SearchKind, register

ACCEPTED_BOOST = 1.5


def question_document(question: Question) -> Document:
    post = question.post
    return Document(
        scope="space",
        title=question.title,
        text=plain_text(post.body),
        url=post.get_absolute_url(),
        created_at=post.created_at,
        updated_at=question.answered_at or post.edited_at or post.created_at,
        group_id=post.group_id,
        author_id=post.author_id,
        language=post.author.language,
        boost=ACCEPTED_BOOST if question.accepted_answer_id else 1.0,
        parent_key=f"post:{post.pk}",
    )


register(
    SearchKind(
        kind="question",
        label=_("Questions"),
        result_label=pgettext_lazy("search result", "Question"),
        model=Question,
        queryset=lambda: Question.objects.select_related("post", "post__author"),
        document=question_document,
        order=15,
    )
)
