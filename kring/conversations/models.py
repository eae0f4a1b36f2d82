"""Private conversations: messages between named colleagues, readable by participants only.

There is deliberately no admin registration: not even a site admin reads these through
Kring's pages (docs/decisions/0010-private-conversations.md).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from kring.posts.models import BODY_MAX_LENGTH

SUBJECT_MAX_LENGTH = 200


class Conversation(models.Model):
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="conversations_started",
    )
    subject = models.CharField(max_length=SUBJECT_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_message_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Conversation {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("conversations:detail", args=[self.pk])


class Participant(models.Model):
    """A person in a conversation.

    `last_message_at` copies the conversation's, so "my conversations by last activity"
    and "how many have news for me" are one index range on (user, last_message_at).
    `last_read_at` empty: nothing read yet (someone just added).
    """

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conversation_seats"
    )
    joined_at = models.DateTimeField(default=timezone.now)
    last_read_at = models.DateTimeField(null=True, blank=True)
    last_message_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "user"], name="participant_once_per_conversation"
            )
        ]
        indexes = [
            models.Index(fields=["user", "-last_message_at", "-id"], name="participant_activity")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.conversation_id}"


class Message(models.Model):
    """A message, or a note in the conversation that someone was added or left.

    Notes tell everyone in it who can read along; they are not counted as unread and do
    not move the conversation up.
    """

    class Kind(models.TextChoices):
        MESSAGE = "message"
        ADDED = "added"  # `author` added `person`
        LEFT = "left"  # `author` left

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.MESSAGE)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conversation_messages"
    )
    body = models.TextField(max_length=BODY_MAX_LENGTH)
    body_html = models.TextField(editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["conversation", "-created_at", "-id"], name="message_in_order")
        ]

    def __str__(self) -> str:
        return f"Message {self.pk} in {self.conversation_id}"

    def get_absolute_url(self) -> str:
        """The permalink: it finds the page of the conversation that shows this message."""
        return reverse("conversations:message_permalink", args=[self.pk])
