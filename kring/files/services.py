"""Writes of the file libraries: uploading a file, a new version of it, folders, and renaming,
moving and deleting them."""

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from kring import access
from kring.core.errors import PermissionDenied, ValidationFailed
from kring.files.models import FileVersion, Folder, LibraryFile
from kring.files.names import extension_of, name_clean
from kring.files.validation import KINDS, CheckedUpload, upload_check
from kring.groups.models import Group
from kring.knowledge.models import Page
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
    *,
    actor: User,
    group: Group | None,
    upload: UploadedFile,
    folder: Folder | None = None,
    page: Page | None = None,
) -> LibraryFile:
    """Add a file to a library (None: the company's), attached to knowledge `page` if given;
    raises ValidationFailed for a refused upload and PermissionDenied for a viewer who may
    read but not add (or not edit the page). Extraction of text and thumbnail runs as a
    task after commit."""
    _may_upload(actor, group)
    _folder_in(folder, group)
    if page is not None:
        if page.group_id != (group.pk if group else None):
            raise ValidationFailed(_("That page is not in this library."))
        if not access.can_edit_page(actor, page):
            raise PermissionDenied(_("You cannot edit this page."))
    checked = upload_check(upload)
    with transaction.atomic():
        file = LibraryFile.objects.create(
            group=group, folder=folder, page=page, name=checked.name, created_by=actor
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


def _may_manage(actor: User, item: LibraryFile | Folder) -> None:
    if not access.can_manage_file(actor, item):
        raise PermissionDenied(_("Only who added it and the group's admins can change this."))


def _name_given(name: str, *, message: str) -> str:
    clean = name_clean(name) if name.strip() else ""
    if not clean:
        raise ValidationFailed(message, field="name")
    return clean


def _file_name_for(file: LibraryFile, name: str) -> str:
    """A new name for `file` that keeps saying what it is: the ending of its newest version's
    kind is added when left out, and another kind's ending is refused."""
    clean = _name_given(name, message=_("Give the file a name."))
    kind = KINDS.get(file.current.kind) if file.current else None
    if kind is None:
        return clean
    extension = extension_of(clean)
    if not extension:
        return name_clean(f"{clean}.{kind.extensions[0]}")
    if extension not in kind.extensions:
        raise ValidationFailed(
            _("“%(name)s” would not say what the file is: it is a %(kind)s. "
              "Keep the ending .%(ending)s.")
            % {"name": clean, "kind": kind.label, "ending": kind.extensions[0]},
            field="name",
        )  # fmt: skip
    return clean


@transaction.atomic
def file_rename(*, actor: User, file: LibraryFile, name: str) -> LibraryFile:
    """Give a file a new name (the versions keep the names they were uploaded with)."""
    _may_manage(actor, file)
    file.name = _file_name_for(file, name)
    file.save(update_fields=["name"])
    index_later("file", file.pk)
    return file


@transaction.atomic
def file_move(*, actor: User, file: LibraryFile, folder: Folder | None) -> LibraryFile:
    """Move a file to another folder of its library (None: the top)."""
    _may_manage(actor, file)
    _folder_in(folder, file.group)
    file.folder = folder
    file.save(update_fields=["folder"])
    return file


@transaction.atomic
def file_delete(*, actor: User, file: LibraryFile) -> None:
    """Delete a file with every version; the stored content goes once the delete commits."""
    _may_manage(actor, file)
    stored = []
    for version in file.versions.all():
        stored += [field for field in (version.blob, version.thumbnail) if field]
    names = [(field.storage, field.name) for field in stored]
    file_id = file.pk
    file.delete()
    index_later("file", file_id)  # a gone object's document is removed
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in names])


@transaction.atomic
def folder_create(
    *, actor: User, group: Group | None, name: str, parent: Folder | None = None
) -> Folder:
    _may_upload(actor, group)
    _folder_in(parent, group)
    clean = _name_given(name, message=_("Give the folder a name."))
    return Folder.objects.create(group=group, parent=parent, name=clean, created_by=actor)


@transaction.atomic
def folder_rename(*, actor: User, folder: Folder, name: str) -> Folder:
    _may_manage(actor, folder)
    folder.name = _name_given(name, message=_("Give the folder a name."))
    folder.save(update_fields=["name"])
    return folder


@transaction.atomic
def folder_delete(*, actor: User, folder: Folder) -> None:
    """Delete an empty folder; one with files or folders in it is refused, so that nothing
    disappears that its owner did not see go."""
    _may_manage(actor, folder)
    if folder.children.exists() or folder.files.exists():
        raise ValidationFailed(
            _("“%(name)s” is not empty. Move or delete what is in it first.")
            % {"name": folder.name}
        )
    folder.delete()


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
