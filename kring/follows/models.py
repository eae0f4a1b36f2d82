"""Who follows which colleague, group or topic (inputs of the "Voor jou" feed)."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class Follow(models.Model):
    """`follower` follows exactly one of: a person, a group, a topic."""

    follower = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="followers",
    )
    group = models.ForeignKey(
        "groups.Group", null=True, blank=True, on_delete=models.CASCADE, related_name="followers"
    )
    topic = models.ForeignKey(
        "topics.Topic", null=True, blank=True, on_delete=models.CASCADE, related_name="followers"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(person__isnull=False, group__isnull=True, topic__isnull=True)
                    | Q(person__isnull=True, group__isnull=False, topic__isnull=True)
                    | Q(person__isnull=True, group__isnull=True, topic__isnull=False)
                ),
                name="follow_one_target",
            ),
            models.UniqueConstraint(
                fields=["follower", "person"],
                condition=Q(person__isnull=False),
                name="follow_person",
            ),
            models.UniqueConstraint(
                fields=["follower", "group"], condition=Q(group__isnull=False), name="follow_group"
            ),
            models.UniqueConstraint(
                fields=["follower", "topic"], condition=Q(topic__isnull=False), name="follow_topic"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.follower_id} follows {self.person_id or self.group_id or self.topic_id}"

    @property
    def target(self):
        return self.person or self.group or self.topic
