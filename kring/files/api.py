"""File libraries in the API (issue 5): list a library, one file with its versions, download,
upload a file or a new version."""

from datetime import datetime
from typing import Annotated, Any

from django.http import FileResponse, Http404, HttpRequest
from django.urls import reverse
from ninja import File, Form, Path, Router, Schema, Status
from ninja.files import UploadedFile

from kring import access
from kring.api.paging import offset_page
from kring.api.schemas import MAX_ID, Message, absolute_url
from kring.core.pagination import Page
from kring.files import selectors, services
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


@router.post(
    "/files",
    response={201: FileDetailOut, 400: Message, 403: Message, 404: Message},
    summary="Upload a file",
)
def file_upload(
    request: HttpRequest,
    upload: File[UploadedFile],
    group: Form[str] = "",
    folder: Form[int | None] = None,
) -> Status:
    """Add a file (multipart form field `upload`) to a library: `group` a group's slug (empty:
    the company's), `folder` a folder id in it. The same checks as the page: size, type from
    the content, images re-encoded; a refusal is a 400 with the reason."""
    space = access.get_or_404(request.auth, Group, group, field="slug") if group else None
    if not access.can_read_space(request.auth, space):
        raise Http404
    target = selectors.folder_in(request.auth, space, folder)
    file = services.file_upload(actor=request.auth, group=space, folder=target, upload=upload)
    return Status(201, file)


@router.post(
    "/files/{file_id}/versions",
    response={201: FileDetailOut, 400: Message, 403: Message, 404: Message},
    summary="Upload a new version of a file",
)
def file_version_add(request: HttpRequest, file_id: FileId, upload: File[UploadedFile]) -> Status:
    file = access.get_or_404(request.auth, LibraryFile, file_id)
    services.file_version_add(actor=request.auth, file=file, upload=upload)
    return Status(201, file)
