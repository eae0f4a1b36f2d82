"""File libraries (issue 5): folders and files per group and in the company space (group NULL).

A file is a name in a library; its content lives in versions. Every upload is stored
under a generated name, never the uploader's, and is only ever served by the download
view after the access policy said yes.
"""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

NAME_MAX_LENGTH = 150


def _blob_path(instance: "FileVersion", filename: str) -> str:
    return f"files/{uuid.uuid4().hex}"


def _thumbnail_path(instance: "FileVersion", filename: str) -> str:
    return f"files/thumbnails/{uuid.uuid4().hex}.png"


class Folder(models.Model):
    group = models.ForeignKey(
        "groups.Group", null=True, blank=True, on_delete=models.CASCADE, related_name="folders"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    name = models.CharField(max_length=NAME_MAX_LENGTH)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class LibraryFile(models.Model):
    """One file in a library; `current` is its newest version."""

    group = models.ForeignKey(
        "groups.Group", null=True, blank=True, on_delete=models.CASCADE, related_name="files"
    )
    folder = models.ForeignKey(
        Folder, null=True, blank=True, on_delete=models.CASCADE, related_name="files"
    )
    name = models.CharField(max_length=NAME_MAX_LENGTH)
    # A knowledge page this file is attached to (it is in the page's library as well).
    page = models.ForeignKey(
        "knowledge.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attachments",
    )
    current = models.ForeignKey(
        "FileVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version_count = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["group", "folder", "name"], name="files_library_idx")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("files:detail", args=[self.pk])


class FileVersion(models.Model):
    class Extraction(models.TextChoices):
        PENDING = "pending", _("Waiting")
        DONE = "done", _("Done")
        NONE = "none", _("Nothing to extract")
        FAILED = "failed", _("Failed")

    file = models.ForeignKey(LibraryFile, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    name = models.CharField(max_length=NAME_MAX_LENGTH)
    kind = models.CharField(max_length=20)  # a key of kring.files.validation.KINDS
    content_type = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField()
    blob = models.FileField(upload_to=_blob_path, max_length=200)
    thumbnail = models.FileField(upload_to=_thumbnail_path, max_length=200, blank=True)
    # The extracted text, kept for search (issue 5: kring.search indexes it).
    text = models.TextField(blank=True)
    extraction = models.CharField(
        max_length=10, choices=Extraction.choices, default=Extraction.PENDING
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["file", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["file", "number"], name="file_version_number"),
        ]

    def __str__(self) -> str:
        return f"{self.name} (v{self.number})"

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")
