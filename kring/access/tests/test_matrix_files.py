"""The permission matrix for file libraries (issue 5): every viewer kind x every space.

Listing, downloading (newest and older versions, thumbnails), uploading and adding a
version follow the space's reading and posting rules. A file the viewer may not read is
the same 404 as a missing one, also when its id is guessed, and no response carries the
marker of a file (its name and content) the viewer may not see.
"""

import pytest
from django.http import HttpResponse
from django.urls import reverse

from kring import access
from kring.access.tests.conftest import SPACES, VIEWERS, Matrix, marker
from kring.access.tests.expected import CAN_MANAGE_FILES, CAN_POST, reads, sees_group
from kring.access.tests.surfaces import Expect, check, client_for, forbidden_markers
from kring.files import services
from kring.files.models import FileVersion, Folder, LibraryFile
from kring.files.tests.samples import png_bytes, upload

CELLS = [(viewer, space) for viewer in VIEWERS for space in SPACES]


def _library_url(matrix: Matrix, space: str) -> str:
    group = matrix.group(space)
    return reverse("files:group", args=[group.slug]) if group else reverse("files:company")


@pytest.fixture
def libraries(matrix, django_capture_on_commit_callbacks) -> dict[str, LibraryFile]:
    """In each space a folder, a text file with two versions and an image, by group_admin."""
    admin, files = matrix.users["group_admin"], {}
    with django_capture_on_commit_callbacks(execute=True):
        for space in SPACES:
            group = matrix.group(space)
            folder = services.folder_create(
                actor=admin, group=group, name=f"Map {marker(space, 'post')}"
            )
            file = services.file_upload(
                actor=admin,
                group=group,
                folder=folder,
                upload=upload(f"Bestand {marker(space, 'post')}.txt", b"eerste versie"),
            )
            services.file_version_add(
                actor=admin,
                file=file,
                upload=upload(
                    f"Bestand {marker(space, 'post')}.txt", marker(space, "reply").encode()
                ),
            )
            services.file_upload(
                actor=admin,
                group=group,
                upload=upload(f"Foto {marker(space, 'answer')}.png", png_bytes()),
            )
            files[space] = file
    return files


def _refusal(viewer_kind: str, space: str, *, api: bool = False) -> tuple[int, ...]:
    """The answer for a page of a space the viewer may not read."""
    if viewer_kind == "anonymous":
        return (302,)
    if space != "company" and sees_group(viewer_kind, space):
        return (403,)  # the group exists for them; its files do not
    return (404,)


@pytest.mark.parametrize(("viewer_kind", "space"), CELLS)
def test_library_list_shows_files_only_if_readable_if_cell(matrix, libraries, viewer_kind, space):
    client = client_for(matrix, viewer_kind)
    forbidden = forbidden_markers(viewer_kind)
    url = _library_url(matrix, space)
    folder = Folder.objects.get(group=matrix.group(space))
    problems = []
    if reads(viewer_kind, space):
        present = (f"Foto {marker(space, 'answer')}.png", f"Map {marker(space, 'post')}")
        problems += check("list", client.get(url), Expect((200,), present), forbidden)
        inside = (f"Bestand {marker(space, 'post')}.txt",)
        response = client.get(f"{url}?folder={folder.pk}")
        problems += check("folder", response, Expect((200,), inside), forbidden)
    else:
        expected = Expect(_refusal(viewer_kind, space))
        problems += check("list", client.get(url), expected, forbidden)
        problems += check("folder", client.get(f"{url}?folder={folder.pk}"), expected, forbidden)
    assert not problems, f"{viewer_kind} x {space}:\n" + "\n".join(problems)


@pytest.mark.parametrize(("viewer_kind", "space"), CELLS)
def test_download_returns_404_if_unreadable_also_by_guessed_id_if_cell(
    matrix, libraries, viewer_kind, space
):
    client = client_for(matrix, viewer_kind)
    forbidden = forbidden_markers(viewer_kind)
    file = libraries[space]
    image = LibraryFile.objects.get(group=matrix.group(space), folder__isnull=True)
    urls = {
        "detail": reverse("files:detail", args=[file.pk]),
        "newest": reverse("files:download", args=[file.pk]),
        "version 1": reverse("files:download_version", args=[file.pk, 1]),
        "version 2": reverse("files:download_version", args=[file.pk, 2]),
        "thumbnail": reverse("files:thumbnail", args=[image.pk, 1]),
        "image": reverse("files:download", args=[image.pk]),
    }
    readable = reads(viewer_kind, space)
    problems = []
    for name, url in urls.items():
        response = client.get(url)
        if viewer_kind == "anonymous":
            expected = Expect((302,))
        elif readable:
            present = (marker(space, "reply"),) if name in ("newest", "version 2") else ()
            expected = Expect((200,), present)
        else:
            expected = Expect((404,))
        if response.streaming:  # a file: check its bytes like any page
            response = HttpResponse(b"".join(response.streaming_content), status=200)
        problems += check(name, response, expected, forbidden)
    assert not problems, f"{viewer_kind} x {space}:\n" + "\n".join(problems)


@pytest.mark.parametrize(("viewer_kind", "space"), CELLS)
def test_upload_and_new_version_succeed_only_if_may_post_if_cell(
    matrix, libraries, viewer_kind, space
):
    client = client_for(matrix, viewer_kind)
    forbidden = forbidden_markers(viewer_kind)
    readable = reads(viewer_kind, space)
    may_upload = readable and space in CAN_POST[viewer_kind]
    before = LibraryFile.objects.count(), FileVersion.objects.count()
    problems = []
    new_file = client.post(
        _library_url(matrix, space), {"action": "upload", "upload": upload("nieuw.txt", b"x")}
    )
    new_version = client.post(
        reverse("files:detail", args=[libraries[space].pk]),
        {"upload": upload("v3.txt", b"derde versie")},
    )
    folder = client.post(_library_url(matrix, space), {"action": "folder", "name": "Nieuwe map"})
    if may_upload:
        expected = Expect((302,))
    elif readable:
        expected = Expect((403,))
    else:
        expected = Expect(_refusal(viewer_kind, space))
    for name, response in (("upload", new_file), ("folder", folder)):
        problems += check(name, response, expected, forbidden)
    version_expected = expected if readable or viewer_kind == "anonymous" else Expect((404,))
    problems += check("new version", new_version, version_expected, forbidden)
    after = LibraryFile.objects.count(), FileVersion.objects.count()
    grew = (after[0] - before[0], after[1] - before[1])
    assert grew == ((1, 2) if may_upload else (0, 0)), (viewer_kind, space, grew)
    assert not problems, f"{viewer_kind} x {space}:\n" + "\n".join(problems)


@pytest.mark.parametrize(("viewer_kind", "space"), CELLS)
def test_rename_move_delete_succeed_only_if_may_manage_if_cell(
    matrix, libraries, viewer_kind, space
):
    client = client_for(matrix, viewer_kind)
    forbidden = forbidden_markers(viewer_kind)
    group = matrix.group(space)
    file = libraries[space]
    image = LibraryFile.objects.get(group=group, folder__isnull=True)
    folder = Folder.objects.get(group=group)
    answers = {
        "rename": client.post(reverse("files:change", args=[file.pk]), {"name": "Nieuw"}),
        "move": client.post(
            reverse("files:change", args=[file.pk]), {"action": "move", "folder": ""}
        ),
        "rename folder": client.post(
            reverse("files:folder_change", args=[folder.pk]), {"name": "Nieuw"}
        ),
        "delete page": client.get(reverse("files:delete", args=[image.pk])),
        "delete": client.post(reverse("files:delete", args=[image.pk])),
    }
    may_manage = space in CAN_MANAGE_FILES[viewer_kind]
    if viewer_kind == "anonymous":
        expected = Expect((302,))
    elif may_manage:
        expected = None
    elif reads(viewer_kind, space):
        expected = Expect((403,))
    else:
        expected = Expect((404,))
    problems = []
    for name, response in answers.items():
        if expected is None:
            wanted = Expect((200,)) if name == "delete page" else Expect((302,))
        else:
            wanted = expected
        problems += check(name, response, wanted, forbidden)
    file.refresh_from_db()
    folder.refresh_from_db()
    changed = (
        file.name == "Nieuw.txt",
        file.folder_id is None,
        folder.name == "Nieuw",
        not LibraryFile.objects.filter(pk=image.pk).exists(),
    )
    assert changed == (may_manage,) * 4, (viewer_kind, space, changed)
    assert not problems, f"{viewer_kind} x {space}:\n" + "\n".join(problems)


@pytest.mark.parametrize("viewer_kind", VIEWERS)
def test_visible_agrees_with_can_view_for_files_if_viewer(matrix, libraries, viewer_kind):
    viewer = matrix.viewer(viewer_kind)
    for model in (LibraryFile, FileVersion, Folder):
        objects = list(model.objects.all())
        listed = set(access.visible(viewer, model.objects.all()).values_list("pk", flat=True))
        allowed = {obj.pk for obj in objects if access.can_view(viewer, obj)}
        assert listed == allowed, model.__name__
    expected = {space for space in SPACES if reads(viewer_kind, space)}
    seen = {
        "company" if f.group_id is None else f.group.visibility
        for f in access.visible(viewer, LibraryFile.objects.select_related("group"))
    }
    assert seen == expected


def test_file_audience_is_group_audience_if_any_space(matrix, libraries):
    for space in SPACES:
        file = libraries[space]
        group_audience = access.audience(matrix.group(space))
        assert access.audience(file) == group_audience
        assert access.audience(file.current) == group_audience


@pytest.mark.parametrize(("viewer_kind", "space"), CELLS)
def test_api_files_answer_only_if_readable_if_cell(matrix, libraries, viewer_kind, space):
    client = client_for(matrix, viewer_kind)
    forbidden = forbidden_markers(viewer_kind)
    file, group = libraries[space], matrix.group(space)
    params = {"group": group.slug} if group else {}
    folder = Folder.objects.get(group=group)
    answers = {
        "list": client.get("/api/v1/files", params),
        "folder": client.get("/api/v1/files", {**params, "folder": folder.pk}),
        "detail": client.get(f"/api/v1/files/{file.pk}"),
        "download": client.get(f"/api/v1/files/{file.pk}/versions/2/download"),
    }
    problems = []
    for name, response in answers.items():
        if viewer_kind == "anonymous":
            expected = Expect((401,))
        elif reads(viewer_kind, space):
            present = {
                "list": (f"Foto {marker(space, 'answer')}.png",),
                "folder": (f"Bestand {marker(space, 'post')}.txt",),
                "detail": (f"Bestand {marker(space, 'post')}.txt",),
                "download": (marker(space, "reply"),),
            }[name]
            expected = Expect((200,), present)
        else:
            expected = Expect((404,))
        if response.streaming:
            response = HttpResponse(b"".join(response.streaming_content), status=200)
        problems += check(f"api {name}", response, expected, forbidden)
    assert not problems, f"{viewer_kind} x {space}:\n" + "\n".join(problems)
