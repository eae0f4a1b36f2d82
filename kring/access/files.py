"""Rules for file libraries (issue 5): a file is read by whoever may read its space.

A group's library is its conversation: members (and, for an open group, every employee)
read it; the company library is for employees. Uploading follows posting. A version,
its download and its thumbnail follow their file. Renaming, moving and deleting belong to
who added the file or folder (while they may still add there) and to who moderates the
space.
"""

from typing import Any

from django.db.models import QuerySet

from kring.access.groups import can_moderate_in, can_post_in, can_read_space, space_rule
from kring.files.models import FileVersion, Folder, LibraryFile


def can_view_file(viewer: Any, item: LibraryFile | Folder) -> bool:
    return can_read_space(viewer, item.group)


def can_view_file_version(viewer: Any, version: FileVersion) -> bool:
    return can_read_space(viewer, version.file.group)


def visible_files(viewer: Any, queryset: QuerySet, *, prefix: str = "") -> QuerySet:
    """The query form of `can_view_file` (for versions: prefix "file__")."""
    rule = space_rule(viewer, prefix)
    return queryset.none() if rule is None else queryset.filter(rule)


def can_upload_file(viewer: Any, group) -> bool:
    """Upload to a library (None: the company's), add a version or a folder: whoever may post there."""
    return can_read_space(viewer, group) and can_post_in(viewer, group)


def can_manage_file(viewer: Any, item: LibraryFile | Folder) -> bool:
    """Rename, move or delete a file or folder: who added it, or who moderates its space."""
    if not can_read_space(viewer, item.group):
        return False
    added_it = item.created_by_id is not None and item.created_by_id == viewer.pk
    if added_it and can_upload_file(viewer, item.group):
        return True
    return can_moderate_in(viewer, item.group)
