"""Reactions on posts and replies, and praise: a post that thanks named colleagues."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

PRAISE_REASON_MAX_LENGTH = 200
PRAISE_MAX_PEOPLE = 10


class Kind(models.TextChoices):
    """The four reactions, in the order the reaction bar shows them."""

    LIKE = "like", pgettext_lazy("reaction", "Like")
    THANKS = "thanks", pgettext_lazy("reaction", "Thanks")
    INSIGHTFUL = "insightful", pgettext_lazy("reaction", "Insightful")
    CELEBRATE = "celebrate", pgettext_lazy("reaction", "Celebrate")


KINDS: tuple[str, ...] = tuple(Kind.values)


def count_field(kind: str) -> str:
    """The column on Post and Reply that counts reactions of `kind`."""
    return f"{kind}_count"


class Reaction(models.Model):
    """One person's reaction of one kind on a post or on a reply (exactly one of the two)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reactions",
        db_index=False,  # reaction_user_recent starts with it
    )
    post = models.ForeignKey(
        "posts.Post", null=True, blank=True, on_delete=models.CASCADE, related_name="reactions"
    )
    reply = models.ForeignKey(
        "posts.Reply", null=True, blank=True, on_delete=models.CASCADE, related_name="reactions"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        # Someone's recent reactions ("Voor jou" ties) without reading all their old ones.
        indexes = [models.Index(fields=["user", "created_at"], name="reaction_user_recent")]
        constraints = [
            models.CheckConstraint(
                condition=Q(post__isnull=False, reply__isnull=True)
                | Q(post__isnull=True, reply__isnull=False),
                name="reaction_post_xor_reply",
            ),
            models.CheckConstraint(condition=Q(kind__in=KINDS), name="reaction_kind_known"),
            models.UniqueConstraint(
                fields=["post", "user", "kind"],
                condition=Q(post__isnull=False),
                name="reaction_once_per_post",
            ),
            models.UniqueConstraint(
                fields=["reply", "user", "kind"],
                condition=Q(reply__isnull=False),
                name="reaction_once_per_reply",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} by {self.user_id} on {self.target_label}"

    @property
    def target_label(self) -> str:
        return f"post {self.post_id}" if self.post_id else f"reply {self.reply_id}"


class Praise(models.Model):
    """A post that thanks named colleagues for something; shown on their profiles."""

    post = models.OneToOneField("posts.Post", on_delete=models.CASCADE, related_name="praise")
    reason = models.CharField(_("for"), max_length=PRAISE_REASON_MAX_LENGTH)
    praised = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="praises_received")

    def __str__(self) -> str:
        return f"Praise on post {self.post_id}"
