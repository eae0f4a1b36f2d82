"""Posts and replies in search (registered with kring.search, decision 0020)."""

import re

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kring.core.compiled_sql import model_from_row
from kring.people.models import User
from kring.posts.models import Post, Reply
from kring.questions.models import Question
from kring.search.registry import Document, SearchKind, register

TITLE_LENGTH = 120


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`+|~~)")
_LINE_MARK = re.compile(r"^\s*(#{1,6}\s|>\s?|[-*+]\s|\d+\.\s)", re.MULTILINE)


def plain_text(body: str) -> str:
    """The Markdown body as a reader sees it, without the marks (for titles and snippets)."""
    return _EMPHASIS.sub("", _LINE_MARK.sub("", _LINK.sub(r"\1", body)))


def post_title(body: str) -> str:
    """A post has no title: its first line stands in for one."""
    text = plain_text(body)
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first[:TITLE_LENGTH]


def post_document(post: Post) -> Document | None:
    if post.is_question:
        return None  # found as a question instead (kring/questions/search.py)
    return Document(
        scope="space",
        title=post_title(post.body),
        text=plain_text(post.body),
        url=post.get_absolute_url(),
        created_at=post.created_at,
        updated_at=post.edited_at or post.created_at,
        group_id=post.group_id,
        author_id=post.author_id,
        language=post.author.language,
    )


def reply_document(reply: Reply) -> Document | None:
    if reply.deleted_at is not None:
        return None
    post = reply.post
    # An answer carries its question's title; a reply its post's first line.
    question = getattr(post, "question", None) if post.is_question else None
    return Document(
        scope="space",
        title=question.title if question is not None else post_title(post.body),
        text=plain_text(reply.body),
        url=reply.get_absolute_url(),
        created_at=reply.created_at,
        updated_at=reply.edited_at or reply.created_at,
        group_id=reply.post.group_id,
        author_id=reply.author_id,
        language=reply.author.language,
        parent_key=f"post:{reply.post_id}",
    )


# What the documents read, and no more: a rebuild loads three million posts and replies,
# and their rendered HTML, their authors' other columns and their counters cost more to
# load than to index. Single objects (indexing one, the access check) keep the querysets.
_POST_COLUMNS = ("id", "body", "created_at", "edited_at", "group_id", "author_id", "is_question")
_REPLY_COLUMNS = ("id", "body", "created_at", "edited_at", "deleted_at", "post_id", "author_id")
_THREAD_COLUMNS = ("body", "group_id", "is_question")


def _after(queryset: QuerySet, last: int | None, size: int, *columns: str) -> list[tuple]:
    if last is not None:
        queryset = queryset.filter(pk__gt=last)
    return list(queryset.order_by("pk").values_list(*columns)[:size])


def _author(author_id: int, language: str, db: str) -> User:
    return model_from_row(User, ("id", "language"), (author_id, language), db)


def _posts_for_rebuild(last: int | None, size: int) -> list[Post]:
    """The posts as `document` reads them, built from rows (their columns, the author's
    language): Model.__init__ for a million posts and their authors cost about a tenth of
    a rebuild's CPU (decision 0025)."""
    db = Post.objects.db
    posts = []
    for *values, language in _after(Post.objects, last, size, *_POST_COLUMNS, "author__language"):
        post = model_from_row(Post, _POST_COLUMNS, tuple(values), db)
        post._state.fields_cache["author"] = _author(post.author_id, language, db)
        posts.append(post)
    return posts


def _replies_for_rebuild(last: int | None, size: int) -> list[Reply]:
    """The replies as `document` reads them (with their post and its question), built from
    rows as the posts are."""
    db = Reply.objects.db
    thread = tuple(f"post__{name}" for name in _THREAD_COLUMNS)
    columns = (*_REPLY_COLUMNS, "author__language", *thread, "post__question__title")
    replies = []
    for row in _after(Reply.objects, last, size, *columns):
        reply = model_from_row(Reply, _REPLY_COLUMNS, row[:7], db)
        reply._state.fields_cache["author"] = _author(reply.author_id, row[7], db)
        post = model_from_row(Post, ("id", *_THREAD_COLUMNS), (reply.post_id, *row[8:11]), db)
        if post.is_question and row[11] is not None:
            question = model_from_row(Question, ("post_id", "title"), (post.pk, row[11]), db)
            post._state.fields_cache["question"] = question
        reply._state.fields_cache["post"] = post
        replies.append(reply)
    return replies


register(
    SearchKind(
        kind="post",
        label=_("Posts"),
        result_label=pgettext_lazy("search result", "Post"),
        model=Post,
        queryset=lambda: Post.objects.select_related("author"),
        document=post_document,
        order=10,
        rebuild_batch=_posts_for_rebuild,
    )
)
register(
    SearchKind(
        kind="reply",
        label=_("Replies"),
        result_label=pgettext_lazy("search result", "Reply"),
        model=Reply,
        queryset=lambda: Reply.objects.select_related("author", "post", "post__question"),
        document=reply_document,
        order=20,
        rebuild_batch=_replies_for_rebuild,
    )
)
