"""Notifications, the per-kind delivery choice, the digest settings and the digests sent.

A notification points at its target with explicit nullable foreign keys (post, reply,
group, conversation with its latest message), not a GenericForeignKey: the delivery-time access check must be a query filter
(the bell count is one COUNT, the list a constant number of queries), and a join on a
real foreign key composes with `access.visible(...)`; a generic key cannot be joined.
Deleting the target deletes its notifications. A new target kind adds one nullable key
here and one clause in `kring.access.notifications` (as the conversation did).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    class Kind(models.TextChoices):
        MENTION = "mention", _("Mentions of you")
        REPLY = "reply", _("Replies to your posts")
        THREAD_REPLY = "thread_reply", _("Replies in conversations you take part in")
        REACTION = "reaction", _("Reactions to your posts")
        PRAISE = "praise", _("Praise for you")
        JOIN_REQUEST = "join_request", _("Requests to join your groups")
        INVITATION = "invitation", _("Being added to a group")
        ANNOUNCEMENT = "announcement", _("Announcements")
        MESSAGE = "message", _("Private messages")
        ANSWER_ACCEPTED = "answer_accepted", _("Your answers being accepted")  # issue 5
        PAGE_REVIEW = "page_review", _("Knowledge pages of yours to review")  # issue 5

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The target: `reply` (with its `post`), or `post`, or `group`, or `conversation` (with
    # `message`, its latest message: a bumped notification points at the newest one).
    post = models.ForeignKey("posts.Post", null=True, blank=True, on_delete=models.CASCADE)
    reply = models.ForeignKey("posts.Reply", null=True, blank=True, on_delete=models.CASCADE)
    group = models.ForeignKey("groups.Group", null=True, blank=True, on_delete=models.CASCADE)
    conversation = models.ForeignKey(
        "conversations.Conversation", null=True, blank=True, on_delete=models.CASCADE
    )
    message = models.ForeignKey(
        "conversations.Message", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # issue 5: a knowledge page (its review reminder)
    page = models.ForeignKey(
        "knowledge.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # How many events this notification stands for (an unread one is bumped, not repeated).
    count = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    digested_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["recipient", "-created_at", "-id"], name="notification_mine"),
            models.Index(
                fields=["recipient", "-created_at", "-id"],
                condition=Q(read_at__isnull=True),
                name="notification_unread",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.recipient_id}"

    @property
    def target(self) -> models.Model | None:
        return (
            self.reply or self.post or self.group or self.message or self.conversation or self.page
        )

    @property
    def is_unread(self) -> bool:
        return self.read_at is None


class Delivery(models.TextChoices):
    IN_APP = "in_app", _("Only in Kring")
    EMAIL = "email", _("E-mail at once")
    DIGEST = "digest", _("In the digest")


# A calm default: what someone waits for personally comes at once, the rest waits for the
# digest (docs/decisions/0009-notifications.md).
DEFAULT_DELIVERY = {
    Notification.Kind.MENTION: Delivery.EMAIL,
    Notification.Kind.MESSAGE: Delivery.EMAIL,
    Notification.Kind.JOIN_REQUEST: Delivery.EMAIL,
    Notification.Kind.REPLY: Delivery.DIGEST,
    Notification.Kind.THREAD_REPLY: Delivery.DIGEST,
    Notification.Kind.REACTION: Delivery.IN_APP,
    Notification.Kind.PRAISE: Delivery.DIGEST,
    Notification.Kind.INVITATION: Delivery.DIGEST,
    Notification.Kind.ANNOUNCEMENT: Delivery.DIGEST,
    Notification.Kind.ANSWER_ACCEPTED: Delivery.IN_APP,
    Notification.Kind.PAGE_REVIEW: Delivery.DIGEST,
}


class NotificationPreference(models.Model):
    """A colleague's own choice for one kind; without a row the default applies."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=20, choices=Notification.Kind.choices)
    delivery = models.CharField(max_length=10, choices=Delivery.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notification_preference_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}: {self.delivery}"


class DigestSettings(models.Model):
    """How often a colleague gets the digest; kept here, not on people.User."""

    class Frequency(models.TextChoices):
        DAILY = "daily", _("Every day")
        WEEKLY = "weekly", _("Every week")
        NEVER = "never", _("Never")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_settings"
    )
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)

    def __str__(self) -> str:
        return f"{self.user_id}: {self.frequency}"


class Digest(models.Model):
    """One digest period handled for one colleague: the record that makes sending idempotent."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    period = models.CharField(max_length=20)  # "day:2026-11-30" or "week:2026-W49"
    created_at = models.DateTimeField(default=timezone.now)
    item_count = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "period"], name="digest_once")]
        indexes = [models.Index(fields=["user", "-created_at"], name="digest_latest")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.period}"
