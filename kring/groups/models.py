from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kring.core.links import link_text
from kring.core.validators import validate_no_markup


class Group(models.Model):
    class Visibility(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        SECRET = "secret", _("Secret")

    name = models.CharField(_("name"), max_length=80, validators=[validate_no_markup])
    slug = models.SlugField(_("short name"), max_length=90, unique=True)
    description = models.TextField(_("description"), max_length=1000, blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    member_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["name"]
        verbose_name = _("group")
        verbose_name_plural = _("groups")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        # Every page links the reader's groups (navigation, sidebar): one reverse() per
        # URL name, not per link (kring/core/links.py).
        return link_text("groups:detail", self.slug)


class Membership(models.Model):
    class Role(models.TextChoices):
        ADMIN = "admin", _("Group admin")
        MEMBER = "member", _("Member")

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["group", "user"], name="membership_once")]
        indexes = [
            models.Index(fields=["user", "group"]),
            # The group page: its admins, and its newest members, without sorting them all.
            models.Index(fields=["group", "role"], name="membership_group_role"),
            models.Index(fields=["group", "-created_at"], name="membership_group_newest"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.group_id} ({self.role})"


class JoinRequest(models.Model):
    """A colleague's request to join a closed group, waiting for a group admin."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="join_requests")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="join_requests"
    )
    message = models.CharField(_("message"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [models.UniqueConstraint(fields=["group", "user"], name="join_request_once")]

    def __str__(self) -> str:
        return f"{self.user_id} asks {self.group_id}"
