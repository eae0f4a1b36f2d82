"""Library pages (a group's and the company's), one file with its versions, and downloads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kring import access
from kring.core.errors import ApplicationError
from kring.core.htmx import HtmxHttpRequest
from kring.files import selectors, services
from kring.files.downloads import version_response
from kring.files.models import Folder, LibraryFile
from kring.files.validation import allowed_summary, upload_max_mb
from kring.groups.models import Group
from kring.groups.views import refuse
from kring.knowledge.models import Page


def _space(request: HtmxHttpRequest, slug: str | None) -> Group | None:
    return None if slug is None else access.get_or_404(request.user, Group, slug, field="slug")


def _library_url(group: Group | None, folder_id: int | None = None) -> str:
    url = reverse("files:group", args=[group.slug]) if group else reverse("files:company")
    return f"{url}?folder={folder_id}" if folder_id else url


def _render_library(
    request, group, *, status=200, errors=(), folder_name="", folder_id=None, rename_value=None
) -> HttpResponse:
    folder_id = folder_id or request.GET.get("folder")
    library = selectors.library_for(request.user, group, folder_id=folder_id)
    here = library.folder
    context = {
        "library": library,
        "group": group,
        "can_upload": access.can_upload_file(request.user, group),
        "can_manage_folder": here is not None and access.can_manage_file(request.user, here),
        "rename_value": here.name if here is not None and rename_value is None else rename_value,
        "errors": errors,
        "folder_name": folder_name,
        "allowed": allowed_summary(),
        "max_mb": upload_max_mb(),
        "here": _library_url(group, library.folder.pk if library.folder else None),
    }
    return render(request, "files/library.html", context, status=status)


def _upload_each(request: HtmxHttpRequest, uploads, **target) -> tuple[list[str], str | None]:
    """Upload every file to `target` (group, and folder or page), with a message for each
    one added. Returns the reasons files were refused, and the message of a refusal to
    upload at all (403; the rest is not tried then)."""
    errors = []
    for upload in uploads:
        try:
            file = services.file_upload(actor=request.user, upload=upload, **target)
        except ApplicationError as error:
            if error.status == 403:
                return errors, error.message
            errors.append(error.message)
        else:
            messages.success(request, _("“%(name)s” was added.") % {"name": file.name})
    return errors, None


@login_required
def library(request: HtmxHttpRequest, slug: str | None = None) -> HttpResponse:
    """GET: one level of the library. POST: upload files (or add a folder) to that level."""
    group = _space(request, slug)
    if not access.can_read_space(request.user, group):
        if group is None:
            raise Http404
        return refuse(request, _("This group is closed. Ask to join to see its files."))
    if request.method != "POST":
        return _render_library(request, group)
    folder = selectors.folder_in(request.user, group, request.GET.get("folder"))
    if request.POST.get("action") == "folder":
        name = request.POST.get("name", "")
        try:
            made = services.folder_create(actor=request.user, group=group, parent=folder, name=name)
        except ApplicationError as error:
            return _render_library(
                request, group, status=error.status, errors=[error.message], folder_name=name
            )
        return redirect(_library_url(group, made.pk))
    uploads = request.FILES.getlist("upload")
    if not uploads:
        return _render_library(request, group, status=400, errors=[_("Choose a file first.")])
    errors, refused = _upload_each(request, uploads, group=group, folder=folder)
    if refused:
        return refuse(request, refused)
    if errors:
        return _render_library(request, group, status=400, errors=errors)
    return redirect(_library_url(group, folder.pk if folder else None))


def _render_detail(
    request: HtmxHttpRequest, file: LibraryFile, *, status: int = 200, errors=(), name=None
) -> HttpResponse:
    can_manage = access.can_manage_file(request.user, file)
    context = {
        "file": file,
        "group": file.group,
        "trail": selectors.folder_trail(file.folder),
        "versions": selectors.file_versions(file),
        "can_upload": access.can_upload_file(request.user, file.group),
        "can_manage": can_manage,
        "folders": selectors.folder_choices(request.user, file.group) if can_manage else [],
        "new_name": file.name if name is None else name,
        "errors": errors,
        "allowed": allowed_summary(),
        "max_mb": upload_max_mb(),
        "library_url": _library_url(file.group, file.folder_id),
    }
    return render(request, "files/detail.html", context, status=status)


@login_required
def file_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """GET: the file with its versions. POST: upload a new version."""
    file = access.get_or_404(request.user, LibraryFile, pk)
    if request.method != "POST":
        return _render_detail(request, file)
    upload = request.FILES.get("upload")
    if upload is None:
        return _render_detail(request, file, status=400, errors=[_("Choose a file first.")])
    try:
        version = services.file_version_add(actor=request.user, file=file, upload=upload)
    except ApplicationError as error:
        if error.status == 403:
            return refuse(request, error.message)
        return _render_detail(request, file, status=error.status, errors=[error.message])
    messages.success(request, _("Version %(number)s was added.") % {"number": version.number})
    return redirect(file)


@login_required
@require_POST
def file_change(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Rename a file (`name`) or move it to another folder of its library (`folder`)."""
    file = access.get_or_404(request.user, LibraryFile, pk)
    moving = request.POST.get("action") == "move"
    name = request.POST.get("name", "")
    try:
        if moving:
            folder = selectors.folder_in(request.user, file.group, request.POST.get("folder"))
            services.file_move(actor=request.user, file=file, folder=folder)
            where = folder.name if folder else _("All files")
            messages.success(request, _("Moved to “%(folder)s”.") % {"folder": where})
        else:
            services.file_rename(actor=request.user, file=file, name=name)
            messages.success(request, _("The file is now called “%(name)s”.") % {"name": file.name})
    except ApplicationError as error:
        if error.status == 403:
            return refuse(request, error.message)
        file.refresh_from_db()
        kept = None if moving else name
        return _render_detail(request, file, status=error.status, errors=[error.message], name=kept)
    return redirect(file)


@login_required
def file_delete(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """GET: ask to be sure. POST: delete the file with all its versions."""
    file = access.get_or_404(request.user, LibraryFile, pk)
    if not access.can_manage_file(request.user, file):
        return refuse(request, _("Only who added it and the group's admins can change this."))
    back = _library_url(file.group, file.folder_id)
    if request.method != "POST":
        context = {"file": file, "cancel_url": file.get_absolute_url()}
        return render(request, "files/confirm_delete.html", context)
    name = file.name
    services.file_delete(actor=request.user, file=file)
    messages.success(request, _("“%(name)s” was deleted.") % {"name": name})
    return redirect(back)


@login_required
def folder_change(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """POST `name`: rename the folder. POST action "delete": delete it when it is empty."""
    folder = access.get_or_404(request.user, Folder, pk)
    here = _library_url(folder.group, folder.pk)
    if request.method != "POST":
        return redirect(here)
    deleting = request.POST.get("action") == "delete"
    try:
        if deleting:
            services.folder_delete(actor=request.user, folder=folder)
        else:
            services.folder_rename(
                actor=request.user, folder=folder, name=request.POST.get("name", "")
            )
    except ApplicationError as error:
        if error.status == 403:
            return refuse(request, error.message)
        return _render_library(
            request,
            folder.group,
            status=error.status,
            errors=[error.message],
            folder_id=folder.pk,
            rename_value=None if deleting else request.POST.get("name", ""),
        )
    if deleting:
        messages.success(request, _("The folder “%(name)s” was deleted.") % {"name": folder.name})
        return redirect(_library_url(folder.group, folder.parent_id))
    messages.success(request, _("The folder is now called “%(name)s”.") % {"name": folder.name})
    return redirect(here)


@login_required
@require_POST
def page_attach(request: HtmxHttpRequest, page_pk: int) -> HttpResponse:
    """Attach uploaded files to a knowledge page (they join the page's library too)."""
    page = access.get_or_404(request.user, Page, page_pk)
    uploads = request.FILES.getlist("upload")
    if not uploads:
        messages.error(request, _("Choose a file first."))
    errors, refused = _upload_each(request, uploads, group=page.group, page=page)
    if refused:
        return refuse(request, refused)
    for error in errors:
        messages.error(request, error)
    return redirect(f"{page.get_absolute_url()}#attachments")


@login_required
@require_GET
def download(request: HtmxHttpRequest, pk: int, number: int | None = None) -> FileResponse:
    """The file's newest version, or version `number`; only ever through the access policy."""
    if number is None:
        file = access.get_or_404(request.user, LibraryFile, pk)
        if file.current is None:
            raise Http404
        version = file.current
        version.file = file
        # The newest version goes out under the file's name, also after a rename.
        return version_response(version, name=file.name)
    version = selectors.file_version_of(request.user, pk, number)
    return version_response(version)


@login_required
@require_GET
def thumbnail(request: HtmxHttpRequest, pk: int, number: int) -> FileResponse:
    version = selectors.file_version_of(request.user, pk, number)
    if not version.thumbnail:
        raise Http404
    return version_response(version, thumbnail=True)
