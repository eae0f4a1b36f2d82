"""The search index: one document per searchable object, the vocabulary and the synonyms."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """What search knows about one object (kind + object id), kept by the indexing task.

    `scope` names the access rule the document follows (see kring.access.search); `group`
    is the space it lives in, joined live, so a group that turns secret hides its
    documents at once. On SQLite the FTS5 tables follow this table by triggers; on
    PostgreSQL a trigger keeps the `search_vector` column (both made in migration 0002).
    """

    class Scope(models.TextChoices):
        SPACE = "space"  # content of a group or the company space (posts, replies, ...)
        GROUP = "group"  # the group itself: listed like kring.access visible_groups
        PERSON = "person"  # a colleague's profile
        SIGNED_IN = "signed_in"  # for every signed-in viewer (topics)

    kind = models.CharField(max_length=20)
    object_id = models.PositiveBigIntegerField()
    scope = models.CharField(max_length=10, choices=Scope.choices)
    group = models.ForeignKey(
        "groups.Group", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # Removing a parent (a post) removes the documents of its children (its replies).
    parent_key = models.CharField(max_length=40, blank=True, db_index=True)
    title = models.CharField(max_length=300, blank=True)
    text = models.TextField(blank=True)
    url = models.CharField(max_length=300)
    language = models.CharField(max_length=5, default="nl")
    # The stemmed words of title and text, for SQLite's FTS5 (empty on PostgreSQL).
    title_terms = models.TextField(blank=True)
    text_terms = models.TextField(blank=True)
    boost = models.FloatField(default=1.0)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_object")
        ]
        indexes = [
            models.Index(fields=["-created_at"], name="search_document_created"),
            # A guest's documents, found by the spaces they may read (backends/postgres.py).
            models.Index(fields=["scope", "group"], name="search_document_reach"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"


class SearchTerm(models.Model):
    """A word seen in the index (lower case, without accents): typos and compounds look here."""

    term = models.CharField(max_length=40, unique=True)

    def __str__(self) -> str:
        return self.term


class Synonym(models.Model):
    """Words that mean the same here, e.g. "vrij vragen, verlof aanvragen" (site admins edit them)."""

    phrases = models.CharField(
        _("phrases"),
        max_length=500,
        help_text=_("Words or phrases that mean the same, separated by commas."),
    )

    class Meta:
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")

    def __str__(self) -> str:
        return self.phrases

    def phrase_list(self) -> list[str]:
        return [p.strip() for p in self.phrases.split(",") if p.strip()]
