"""Polls in posts (issue 4): a question (the post's body) with 2..10 options."""

from django.conf import settings
from django.db import models
from django.utils import timezone

OPTIONS_MIN = 2
OPTIONS_MAX = 10
OPTION_MAX_LENGTH = 200


class Poll(models.Model):
    """The poll of one post; its key is the post's id."""

    post = models.OneToOneField(
        "posts.Post", primary_key=True, on_delete=models.CASCADE, related_name="poll"
    )
    multiple = models.BooleanField(default=False)
    closes_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Poll on post {self.post_id}"

    def is_closed(self, now=None) -> bool:
        return self.closes_at is not None and self.closes_at <= (now or timezone.now())


class PollOption(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="options")
    text = models.CharField(max_length=OPTION_MAX_LENGTH)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["poll", "position"]
        constraints = [
            models.UniqueConstraint(fields=["poll", "position"], name="poll_option_position"),
        ]

    def __str__(self) -> str:
        return self.text


class PollVote(models.Model):
    """One person's choice of one option.

    `slot` makes the database refuse a second choice in a single-choice poll: it is 0
    there (so (poll, user, slot) allows one vote) and the option's id in a
    multiple-choice poll (one vote per option, which (option, user) also says).
    """

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="votes")
    option = models.ForeignKey(PollOption, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="poll_votes"
    )
    slot = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["option", "user"], name="poll_vote_once_per_option"),
            models.UniqueConstraint(fields=["poll", "user", "slot"], name="poll_vote_one_slot"),
        ]
        indexes = [models.Index(fields=["user", "poll"], name="poll_vote_user")]

    def __str__(self) -> str:
        return f"Vote of {self.user_id} for {self.option_id}"
