"""Topics (#hashtags) and @mentions written in posts and replies."""

import unicodedata

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kring.core.markdown import TAG_MAX_LENGTH


def topic_key(name: str) -> str:
    """The one spelling of a topic for look-ups and URLs: NFC-normalised and case-folded."""
    return unicodedata.normalize("NFC", name).casefold()


class Topic(models.Model):
    """A subject named by a hashtag; `#Inkoop` and `#inkoop` are the same topic."""

    name = models.CharField(_("name"), max_length=TAG_MAX_LENGTH)  # as first written
    key = models.CharField(_("key"), max_length=TAG_MAX_LENGTH * 3, unique=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_from"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["key"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return f"#{self.name}"

    def get_absolute_url(self) -> str:
        return reverse("topics:detail", args=[self.key])


class TopicUse(models.Model):
    """A topic written in a post (`reply` empty) or in one of its replies."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="uses")
    post = models.ForeignKey("posts.Post", on_delete=models.CASCADE, related_name="topic_uses")
    reply = models.ForeignKey(
        "posts.Reply", null=True, blank=True, on_delete=models.CASCADE, related_name="topic_uses"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["topic", "post"], condition=Q(reply__isnull=True), name="topic_use_post"
            ),
            models.UniqueConstraint(
                fields=["topic", "reply"], condition=Q(reply__isnull=False), name="topic_use_reply"
            ),
        ]
        indexes = [models.Index(fields=["topic", "post"], name="topic_use_topic_post")]

    def __str__(self) -> str:
        return f"{self.topic_id} in {self.post_id}/{self.reply_id}"


class Mention(models.Model):
    """A colleague or a group mentioned in a post (`reply` empty) or a reply."""

    post = models.ForeignKey("posts.Post", on_delete=models.CASCADE, related_name="mentions")
    reply = models.ForeignKey(
        "posts.Reply", null=True, blank=True, on_delete=models.CASCADE, related_name="mentions"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="mentioned_in",
    )
    group = models.ForeignKey(
        "groups.Group", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=True) ^ Q(group__isnull=True),
                name="mention_one_target",
            ),
        ]
        indexes = [models.Index(fields=["post", "reply"], name="mention_item")]

    def __str__(self) -> str:
        return f"mention of {self.person_id or self.group_id} in {self.post_id}/{self.reply_id}"
