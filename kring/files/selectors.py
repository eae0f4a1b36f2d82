"""Reads of the file libraries for a viewer; every list starts from the access policy."""

from dataclasses import dataclass

from django.http import Http404

from kring import access
from kring.files.models import FileVersion, Folder, LibraryFile
from kring.groups.models import Group

FOLDER_DEPTH_MAX = 20


@dataclass
class Library:
    group: Group | None
    folder: Folder | None
    trail: list[Folder]  # from the root down to `folder`
    folders: list[Folder]
    files: list[LibraryFile]


def _in_space(queryset, group: Group | None):
    return queryset.filter(group__isnull=True) if group is None else queryset.filter(group=group)


def folder_in(viewer, group: Group | None, folder_id) -> Folder | None:
    """The folder with this id in this library (None for no id); any other is a 404."""
    if not folder_id:
        return None
    folder = access.get_or_404(viewer, Folder, folder_id)
    if folder.group_id != (group.pk if group else None):
        raise Http404
    return folder


def _files_in(viewer, group: Group | None, folder: Folder | None):
    return (
        _in_space(access.visible(viewer, LibraryFile.objects.all()), group)
        .filter(folder=folder)
        .select_related("current", "current__uploaded_by")
    )


def library_files_for(viewer, group: Group | None, *, folder_id=None):
    """The files of one level of a library, as a query (for paging)."""
    return _files_in(viewer, group, folder_in(viewer, group, folder_id)).select_related("group")


def library_for(viewer, group: Group | None, *, folder_id: str | None = None) -> Library:
    """One level of a library: its folders and files (a folder of another space is a 404)."""
    folder = folder_in(viewer, group, folder_id)
    folders = _in_space(access.visible(viewer, Folder.objects.all()), group).filter(parent=folder)
    files = _files_in(viewer, group, folder)
    return Library(group, folder, folder_trail(folder), list(folders), list(files))


def folder_trail(folder: Folder | None) -> list[Folder]:
    trail = []
    while folder is not None and len(trail) < FOLDER_DEPTH_MAX:
        trail.append(folder)
        folder = folder.parent
    return trail[::-1]


def file_versions(file: LibraryFile) -> list[FileVersion]:
    """The versions of a file the caller already may see (checked with access.get_or_404)."""
    return list(file.versions.select_related("uploaded_by"))


def file_version_of(viewer, file_id: int, number: int) -> FileVersion:
    file = access.get_or_404(viewer, LibraryFile, file_id)
    version = file.versions.filter(number=number).first()
    if version is None:
        raise Http404
    version.file = file
    return version


def folder_choices(viewer, group: Group | None) -> list[tuple[int, str]]:
    """Every folder of a library as (id, "Parent / Child" path), in path order, for a
    "move to" list; one query whatever the depth."""
    folders = {
        folder.pk: folder
        for folder in _in_space(access.visible(viewer, Folder.objects.all()), group)
    }

    def path(folder: Folder) -> str:
        names, seen = [], set()
        while folder is not None and folder.pk not in seen and len(names) < FOLDER_DEPTH_MAX:
            seen.add(folder.pk)
            names.append(folder.name)
            folder = folders.get(folder.parent_id)
        return " / ".join(reversed(names))

    return sorted(((pk, path(folder)) for pk, folder in folders.items()), key=lambda c: c[1])
