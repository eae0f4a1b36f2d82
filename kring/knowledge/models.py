"""The knowledge base: folders and pages per space (a group, or the company space), with
every save kept as a revision.

A page's `version` is the number of its latest revision: an edit names the version it
started from, and a save on top of a newer one is refused as a conflict (nothing is lost:
the form comes back with the typed text).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TITLE_MAX_LENGTH = 160
BODY_MAX_LENGTH = 100_000


class Folder(models.Model):
    """A folder in a space's knowledge base; `parent` empty means the top level."""

    group = models.ForeignKey(
        "groups.Group", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    name = models.CharField(_("name"), max_length=80)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["group", "parent"], name="folder_space")]

    def __str__(self) -> str:
        return self.name


class Page(models.Model):
    class Kind(models.TextChoices):
        PAGE = "page", _("Page")
        BEST_PRACTICE = "best_practice", _("Best practice")
        TIP = "tip", _("Tip")
        TOOL = "tool", _("Tool")
        FINDING = "finding", _("Finding")
        PROCEDURE = "procedure", _("Procedure")

    group = models.ForeignKey(
        "groups.Group", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    folder = models.ForeignKey(
        Folder, null=True, blank=True, on_delete=models.SET_NULL, related_name="pages"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PAGE)
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    body = models.TextField(_("text"), max_length=BODY_MAX_LENGTH, blank=True)
    body_html = models.TextField(editable=False, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    review_by = models.DateField(_("review by"))
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # The review date its owner was last reminded of: one reminder per date, however often
    # the hourly task runs.
    reminded_for = models.DateField(null=True, blank=True)
    is_onboarding = models.BooleanField(_("onboarding reading"), default=False)
    # The thread it was saved from ("Bewaar als best practice"); the post shows the page.
    source_post = models.ForeignKey(
        "posts.Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    # Files (kring/files) attach to a page through their own foreign key to it; this model
    # needs nothing for that (see templates/knowledge/page.html, the attachments hook).

    class Meta:
        ordering = ["title", "pk"]
        indexes = [
            models.Index(fields=["group", "folder"], name="page_space"),
            models.Index(fields=["review_by"], name="page_review_by"),
            models.Index(fields=["source_post"], name="page_source_post"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:page", args=[self.pk])

    @property
    def is_stale(self) -> bool:
        """Past its review date: shown as "mogelijk verouderd"."""
        return self.review_by < timezone.localdate()


class Revision(models.Model):
    """One save of a page: its title and text as they were then."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    body = models.TextField(blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # "Restored from revision 3" and the like, shown in the history.
    note = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["page", "number"], name="revision_number_once")
        ]

    def __str__(self) -> str:
        return f"{self.page_id} r{self.number}"
