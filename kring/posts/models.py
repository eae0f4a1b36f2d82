from django.conf import settings
from django.db import models
from django.utils import timezone

from kring.core.links import link

BODY_MAX_LENGTH = 10_000
# A reply's place in its thread is the ids of its ancestors and itself, each padded to
# PATH_DIGITS digits and joined by "/": sorting by it gives depth-first reading order,
# oldest first at every level (ids grow with time). Every segment has the same width, so
# any collation that orders digits gives that order, also one that skips punctuation.
# Ten digits last for ten billion replies.
PATH_DIGITS = 10
PATH_MAX_DEPTH = 100
PATH_MAX_LENGTH = PATH_MAX_DEPTH * (PATH_DIGITS + 1) - 1


class Post(models.Model):
    """A message in a group, or in the company-wide space when `group` is empty."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="posts",
        db_index=False,  # post_author_activity starts with it
    )
    group = models.ForeignKey(
        "groups.Group", null=True, blank=True, on_delete=models.CASCADE, related_name="posts"
    )
    body = models.TextField(max_length=BODY_MAX_LENGTH)
    body_html = models.TextField(editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    last_activity_at = models.DateTimeField(default=timezone.now)
    reply_count = models.PositiveIntegerField(default=0)
    # How many people reacted, per kind (kring.reactions keeps them right): a feed page
    # shows the counts without a query per card.
    like_count = models.PositiveIntegerField(default=0)
    thanks_count = models.PositiveIntegerField(default=0)
    insightful_count = models.PositiveIntegerField(default=0)
    celebrate_count = models.PositiveIntegerField(default=0)
    # An announcement is pinned and must be read (kring.announcements); the ranked feed
    # lifts it too, so the flag lives on the post itself.
    is_announcement = models.BooleanField(default=False)
    # Whether kring.polls has a poll for this post: a feed page without polls costs no
    # query for them, and the cached card knows whether to leave room for one.
    has_poll = models.BooleanField(default=False)
    # Whether kring.questions has a question (title, accepted answer) for this post: the
    # same reason as has_poll, and the question lists filter on it.
    is_question = models.BooleanField(default=False)
    # Whether kring.reactions has praise (the people it thanks, and for what) on this post:
    # a feed page without praise posts asks nothing about praise.
    has_praise = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(fields=["-last_activity_at", "-id"], name="post_activity"),
            models.Index(fields=["group", "-last_activity_at", "-id"], name="post_group_activity"),
            # Someone's posts with the latest activity first ("Voor jou": the reader's own
            # and those of colleagues they follow) from the index alone.
            models.Index(
                fields=["author", "-last_activity_at", "-id"], name="post_author_activity"
            ),
            # Someone's newest posts (their profile): walked newest first and stopped at
            # the few shown, instead of reading and sorting all they ever wrote.
            models.Index(fields=["author", "-created_at", "-id"], name="post_author_newest"),
        ]

    def __str__(self) -> str:
        return f"Post {self.pk}"

    def get_absolute_url(self) -> str:
        return link("posts:detail", self.pk)


class Reply(models.Model):
    """An answer to a post, or to another reply when `parent` is set."""

    post = models.ForeignKey(
        Post,
        on_delete=models.CASCADE,
        related_name="replies",
        # reply_thread_order starts with it. With an index on the post alone too,
        # PostgreSQL read a page of a long thread through that one: every reply, sorted.
        db_index=False,
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="replies",
        db_index=False,  # reply_author_recent starts with it
    )
    body = models.TextField(max_length=BODY_MAX_LENGTH)
    body_html = models.TextField(editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    path = models.CharField(max_length=PATH_MAX_LENGTH, editable=False)
    like_count = models.PositiveIntegerField(default=0)
    thanks_count = models.PositiveIntegerField(default=0)
    insightful_count = models.PositiveIntegerField(default=0)
    celebrate_count = models.PositiveIntegerField(default=0)
    # Up-votes of this reply as an answer to a question (kring.questions keeps it right).
    vote_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name_plural = "replies"
        indexes = [
            models.Index(fields=["post", "path"], name="reply_thread_order"),
            # Someone's recent replies ("Voor jou" ties) without reading all their old ones.
            models.Index(fields=["author", "created_at"], name="reply_author_recent"),
            # Who answered these posts lately ("Voor jou" ties), without reading their old
            # replies from the table.
            models.Index(fields=["post", "created_at"], name="reply_post_recent"),
        ]

    def __str__(self) -> str:
        return f"Reply {self.pk} on {self.post_id}"

    def get_absolute_url(self) -> str:
        """The permalink: it finds the page of the thread that shows this reply."""
        return link("posts:reply_permalink", self.pk)

    @property
    def depth(self) -> int:
        """1 answers the post, 2 answers a reply, and so on."""
        return self.path.count("/") + 1


def reply_path(reply_id: int, parent_path: str | None) -> str:
    """The path of reply `reply_id` under a parent with `parent_path` (None: it answers the post)."""
    segment = f"{reply_id:0{PATH_DIGITS}d}"
    return f"{parent_path}/{segment}" if parent_path else segment
