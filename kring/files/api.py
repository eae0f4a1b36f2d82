"""File libraries in the API (issue 5): list a library, one file with its versions, download."""

from datetime import datetime
from typing import Annotated, Any

from django.http import FileResponse, Http404, HttpRequest
from django.urls import reverse
from ninja import Path, Router, Schema

from kring import access
from kring.api.paging import offset_page
from kring.api.schemas import MAX_ID, Message, absolute_url
from kring.core.pagination import Page
from kring.files import selectors
from kring.files.downloads import version_response
from kring.files.models import LibraryFile
from kring.groups.models import Group

router = Router(tags=["files"])

FileId = Annotated[int, Path(ge=1, le=MAX_ID)]
Number = Annotated[int, Path(ge=1, le=MAX_ID)]


class VersionOut(Schema):
    number: int
    name: str
    kind: str
    size: int
    created_at: datetime
    uploaded_by: str | None
    download_url: str

    @staticmethod
    def resolve_uploaded_by(obj: Any) -> str | None:
        return obj.uploaded_by.username if obj.uploaded_by else None

    @staticmethod
    def resolve_download_url(obj: Any, context: dict[str, Any]) -> str:
        path = reverse("api:file_download", kwargs={"file_id": obj.file_id, "number": obj.number})
        return absolute_url(context, path)


class FileOut(Schema):
    id: int
    url: str
    name: str
    group: str | None
    folder: int | None
    version_count: int
    updated_at: datetime
    current: VersionOut | None

    @staticmethod
    def resolve_url(obj: LibraryFile, context: dict[str, Any]) -> str:
        return absolute_url(context, obj.get_absolute_url())

    @staticmethod
    def resolve_group(obj: LibraryFile) -> str | None:
        return obj.group.slug if obj.group_id else None

    @staticmethod
    def resolve_folder(obj: LibraryFile) -> int | None:
        return obj.folder_id


class FileDetailOut(FileOut):
    versions: list[VersionOut]

    @staticmethod
    def resolve_versions(obj: LibraryFile) -> list:
        return selectors.file_versions(obj)


class FilePage(Schema):
    items: list[FileOut]
    next_cursor: str | None


@router.get("/files", response={200: FilePage, 404: Message}, summary="List a file library")
def file_list(
    request: HttpRequest, group: str = "", folder: int | None = None, cursor: str | None = None
) -> Page:
    """The files of one library level: `group` is a group's slug (empty: the company's),
    `folder` a folder id in it (empty: the top). A library you may not read is a 404."""
    space = access.get_or_404(request.auth, Group, group, field="slug") if group else None
    if not access.can_read_space(request.auth, space):
        raise Http404
    queryset = selectors.library_files_for(request.auth, space, folder_id=folder)
    return offset_page(queryset, cursor=cursor)


@router.get("/files/{file_id}", response={200: FileDetailOut, 404: Message}, summary="One file")
def file_detail(request: HttpRequest, file_id: FileId) -> LibraryFile:
    return access.get_or_404(request.auth, LibraryFile, file_id)


@router.get(
    "/files/{file_id}/versions/{number}/download",
    response={404: Message},
    url_name="file_download",
    summary="Download one version of a file",
)
def file_download(request: HttpRequest, file_id: FileId, number: Number) -> FileResponse:
    return version_response(selectors.file_version_of(request.auth, file_id, number))
