"""Questions and answers (issue 5): a post with a title, answered by its replies."""

from django.conf import settings
from django.db import models
from django.utils import timezone

TITLE_MAX_LENGTH = 200


class Question(models.Model):
    """The question part of one post; its key is the post's id.

    The post's body is the explanation; its top-level replies are the answers. At most one
    answer is accepted; `answered_at` says since when (an open question has none).
    """

    post = models.OneToOneField(
        "posts.Post", primary_key=True, on_delete=models.CASCADE, related_name="question"
    )
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    accepted_answer = models.ForeignKey(
        "posts.Reply", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["answered_at"], name="question_answered")]

    def __str__(self) -> str:
        return self.title


class AnswerVote(models.Model):
    """One person's up-vote of one answer; `Reply.vote_count` keeps the total."""

    reply = models.ForeignKey("posts.Reply", on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="answer_votes"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["reply", "user"], name="answer_vote_once"),
        ]
        indexes = [models.Index(fields=["user", "reply"], name="answer_vote_user")]

    def __str__(self) -> str:
        return f"Vote of {self.user_id} for {self.reply_id}"
