"""Writes of the file libraries: uploading a file, a new version of it, and folders."""

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from kring import access
from kring.core.errors import PermissionDenied, ValidationFailed
from kring.files.models import FileVersion, Folder, LibraryFile
from kring.files.names import name_clean
from kring.files.validation import CheckedUpload, upload_check
from kring.groups.models import Group
from kring.people.models import User
from kring.search.services import index_later  # issue 5: search


def _may_upload(actor: User, group: Group | None) -> None:
    if not access.can_upload_file(actor, group):
        raise PermissionDenied(_("Only members can add files here."))


def _folder_in(folder: Folder | None, group: Group | None) -> None:
    if folder is not None and folder.group_id != (group.pk if group else None):
        raise ValidationFailed(_("That folder is not in this library."), field="folder")


def _version_store(*, actor: User, file: LibraryFile, checked: CheckedUpload) -> FileVersion:
    version = FileVersion(
        file=file,
        number=file.version_count + 1,
        name=checked.name,
        kind=checked.kind,
        content_type=checked.content_type,
        size=checked.size,
        uploaded_by=actor,
    )
    # The storage name comes from upload_to (a random one); the user's name is only data.
    version.blob.save("upload", checked.content, save=False)
    version.save()
    LibraryFile.objects.filter(pk=file.pk).update(
        current=version,
        version_count=F("version_count") + 1,
        name=checked.name,
        updated_at=version.created_at,
    )
    file.refresh_from_db()
    _extraction_enqueue(version.pk)
    index_later("file", file.pk)  # its name now; its text once extracted
    return version


def _extraction_enqueue(version_id: int) -> None:
    from kring.files.tasks import file_version_extract

    transaction.on_commit(lambda: file_version_extract.enqueue(version_id=version_id))


def file_upload(
    *, actor: User, group: Group | None, upload: UploadedFile, folder: Folder | None = None
) -> LibraryFile:
    """Add a file to a library (None: the company's); raises ValidationFailed for a refused
    upload and PermissionDenied for a viewer who may read but not add. Extraction of text
    and thumbnail runs as a task after commit."""
    _may_upload(actor, group)
    _folder_in(folder, group)
    checked = upload_check(upload)
    with transaction.atomic():
        file = LibraryFile.objects.create(
            group=group, folder=folder, name=checked.name, created_by=actor
        )
        _version_store(actor=actor, file=file, checked=checked)
    return file


def file_version_add(*, actor: User, file: LibraryFile, upload: UploadedFile) -> FileVersion:
    """Upload a new version of a file; the older ones stay downloadable."""
    _may_upload(actor, file.group)
    checked = upload_check(upload)
    with transaction.atomic():
        LibraryFile.objects.select_for_update().filter(pk=file.pk).first()
        file.refresh_from_db()
        return _version_store(actor=actor, file=file, checked=checked)


@transaction.atomic
def folder_create(
    *, actor: User, group: Group | None, name: str, parent: Folder | None = None
) -> Folder:
    _may_upload(actor, group)
    _folder_in(parent, group)
    clean = name_clean(name) if name.strip() else ""
    if not clean:
        raise ValidationFailed(_("Give the folder a name."), field="name")
    return Folder.objects.create(group=group, parent=parent, name=clean, created_by=actor)


def version_text_store(*, version_id: int, text: str, state: str, thumbnail=None) -> None:
    """Keep what the extraction task found (idempotent: a second run overwrites)."""
    version = FileVersion.objects.filter(pk=version_id).first()
    if version is None:
        return
    version.text, version.extraction = text, state
    fields = ["text", "extraction"]
    if thumbnail is not None:
        old = version.thumbnail.name if version.thumbnail else ""
        version.thumbnail.save("thumbnail.png", thumbnail, save=False)
        fields.append("thumbnail")
        if old:
            version.thumbnail.storage.delete(old)
    version.save(update_fields=fields)
    index_later("file", version.file_id)
