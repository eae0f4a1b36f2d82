"""Announcements (pinned, must-read posts), who read them, and the leaders who may post them.

The post itself carries `Post.is_announcement` (the card and the ranked feed read it);
this app keeps what only announcements have: how long one stays pinned, the read
receipts, and the leader role.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# An unread announcement stays on top of the feeds this long (docs/decisions/0015).
PINNED_FOR = timedelta(days=14)


class Announcement(models.Model):
    """What makes a post an announcement: it is pinned until `pinned_until`."""

    post = models.OneToOneField(
        "posts.Post", primary_key=True, on_delete=models.CASCADE, related_name="announcement"
    )
    created_at = models.DateTimeField(default=timezone.now)
    pinned_until = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["-pinned_until"], name="announcement_pinned")]

    def __str__(self) -> str:
        return f"Announcement {self.post_id}"


class AnnouncementRead(models.Model):
    """A colleague marked an announcement as read ("Gelezen")."""

    post = models.ForeignKey("posts.Post", on_delete=models.CASCADE, related_name="reads")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="announcement_reads"
    )
    read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user"], name="announcement_read_once")
        ]
        indexes = [models.Index(fields=["user", "post"], name="announcement_read_mine")]

    def __str__(self) -> str:
        return f"{self.user_id} read {self.post_id}"


class Leader(models.Model):
    """A colleague with the leader role ("leidinggevende"): may post announcements."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="leader_role",
        verbose_name=_("colleague"),
    )
    appointed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("appointed by"),
    )
    appointed_at = models.DateTimeField(_("appointed at"), default=timezone.now)

    class Meta:
        verbose_name = _("leader")
        verbose_name_plural = _("leaders")

    def __str__(self) -> str:
        return str(self.user)
