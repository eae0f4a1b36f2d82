"""Renaming, moving and deleting files and folders: by who added them or who moderates."""

import pytest
from django.urls import reverse

from kring.core.errors import PermissionDenied, ValidationFailed
from kring.files import services
from kring.files.models import FileVersion, Folder, LibraryFile
from kring.files.tests.samples import pdf_with_text, upload
from kring.search.models import SearchDocument


def test_file_rename_keeps_ending_if_left_out(world, add_file):
    file = add_file(world.member, None, "plan.pdf", pdf_with_text("Het plan"))
    services.file_rename(actor=world.member, file=file, name="Jaarplan 2027")
    file.refresh_from_db()
    assert file.name == "Jaarplan 2027.pdf"
    assert FileVersion.objects.get(pk=file.current_id).name == "plan.pdf"


def test_file_rename_fails_if_ending_says_another_kind(world, add_file):
    file = add_file(world.member, None, "plan.pdf", pdf_with_text("Het plan"))
    with pytest.raises(ValidationFailed, match=r"\.pdf"):
        services.file_rename(actor=world.member, file=file, name="plan.docx")
    with pytest.raises(ValidationFailed):
        services.file_rename(actor=world.member, file=file, name="   ")
    assert LibraryFile.objects.get(pk=file.pk).name == "plan.pdf"


def test_file_rename_fails_if_colleague_did_not_add_it(world, add_file):
    file = add_file(world.member, None, "plan.txt", b"Het plan")
    with pytest.raises(PermissionDenied):
        services.file_rename(actor=world.outsider, file=file, name="van mij.txt")


def test_file_rename_passes_if_group_admin_renames_member_file(world, add_file):
    file = add_file(world.member, world.groups["secret"], "plan.txt", b"Het plan")
    services.file_rename(actor=world.admin, file=file, name="Ons plan")
    assert LibraryFile.objects.get(pk=file.pk).name == "Ons plan.txt"


def test_file_rename_is_found_by_search_if_new_name(
    world, add_file, django_capture_on_commit_callbacks
):
    file = add_file(world.member, None, "plan.txt", b"Het plan")
    with django_capture_on_commit_callbacks(execute=True):
        services.file_rename(actor=world.member, file=file, name="Kerstrooster.txt")
    assert SearchDocument.objects.get(kind="file", object_id=file.pk).title == "Kerstrooster.txt"


def test_file_move_fails_if_folder_of_other_library(world, add_file):
    file = add_file(world.member, None, "plan.txt", b"Het plan")
    elsewhere = services.folder_create(actor=world.member, group=world.groups["secret"], name="X")
    with pytest.raises(ValidationFailed):
        services.file_move(actor=world.member, file=file, folder=elsewhere)
    here = services.folder_create(actor=world.member, group=None, name="Plannen")
    services.file_move(actor=world.member, file=file, folder=here)
    assert LibraryFile.objects.get(pk=file.pk).folder == here


def test_file_delete_removes_versions_content_and_search_document(
    world, add_file, django_capture_on_commit_callbacks
):
    file = add_file(world.member, None, "plan.txt", b"Het plan over pompen")
    services.file_version_add(actor=world.member, file=file, upload=upload("plan.txt", b"twee"))
    blobs = [v.blob for v in FileVersion.objects.filter(file=file)]
    storage = blobs[0].storage
    assert all(storage.exists(blob.name) for blob in blobs)
    with django_capture_on_commit_callbacks(execute=True):
        services.file_delete(actor=world.member, file=file)
    assert not LibraryFile.objects.exists() and not FileVersion.objects.exists()
    assert not any(storage.exists(blob.name) for blob in blobs)
    assert not SearchDocument.objects.filter(kind="file").exists()


def test_file_delete_fails_if_guest_or_outsider(world, add_file):
    file = add_file(world.member, world.groups["closed"], "plan.txt", b"Het plan")
    for actor in (world.outsider, world.guest):
        with pytest.raises(PermissionDenied):
            services.file_delete(actor=actor, file=file)
    assert LibraryFile.objects.filter(pk=file.pk).exists()


def test_folder_delete_fails_if_not_empty_and_passes_if_empty(world, add_file):
    folder = services.folder_create(actor=world.member, group=None, name="Plannen")
    add_file(world.member, None, "plan.txt", b"Het plan", folder=folder)
    with pytest.raises(ValidationFailed, match="Plannen"):
        services.folder_delete(actor=world.member, folder=folder)
    services.file_delete(actor=world.member, file=LibraryFile.objects.get())
    services.folder_delete(actor=world.member, folder=folder)
    assert not Folder.objects.exists()


def test_folder_rename_passes_if_site_admin_and_fails_if_other_member(world):
    folder = services.folder_create(actor=world.member, group=None, name="Plannen")
    with pytest.raises(PermissionDenied):
        services.folder_rename(actor=world.outsider, folder=folder, name="Weg")
    services.folder_rename(actor=world.site_admin, folder=folder, name="Plannen 2027")
    assert Folder.objects.get().name == "Plannen 2027"


# Pages -----------------------------------------------------------------------------------


def test_file_page_renames_and_download_uses_new_name_if_owner(world, add_file, client_for):
    file = add_file(world.member, None, "plan.txt", b"Het plan")
    client = client_for(world.member)
    page = client.get(file.get_absolute_url()).content.decode()
    assert "Naam en plaats" in page and "Bestand verwijderen" in page
    response = client.post(reverse("files:change", args=[file.pk]), {"name": "Het plan"})
    assert response.status_code == 302
    download = client.get(reverse("files:download", args=[file.pk]))
    assert 'filename="Het plan.txt"' in download["Content-Disposition"]


def test_file_page_keeps_typed_name_and_says_why_if_wrong_ending(world, add_file, client_for):
    file = add_file(world.member, None, "plan.pdf", pdf_with_text("Het plan"))
    client = client_for(world.member)
    response = client.post(reverse("files:change", args=[file.pk]), {"name": "plan.exe"})
    body = response.content.decode()
    assert response.status_code == 400
    assert 'value="plan.exe"' in body and ".pdf" in body


def test_file_page_hides_manage_and_refuses_if_colleague(world, add_file, client_for):
    file = add_file(world.member, None, "plan.txt", b"Het plan")
    client = client_for(world.outsider)
    assert "Naam en plaats" not in client.get(file.get_absolute_url()).content.decode()
    assert client.post(reverse("files:change", args=[file.pk]), {"name": "x"}).status_code == 403
    assert client.post(reverse("files:delete", args=[file.pk])).status_code == 403
    assert LibraryFile.objects.get(pk=file.pk).name == "plan.txt"


def test_file_delete_asks_first_then_returns_to_folder(world, add_file, client_for):
    folder = services.folder_create(actor=world.member, group=None, name="Plannen")
    file = add_file(world.member, None, "plan.txt", b"Het plan", folder=folder)
    client = client_for(world.member)
    url = reverse("files:delete", args=[file.pk])
    assert "niet ongedaan maken" in client.get(url).content.decode()
    assert LibraryFile.objects.exists()
    response = client.post(url)
    assert response.status_code == 302 and response["Location"].endswith(f"?folder={folder.pk}")
    assert not LibraryFile.objects.exists()


def test_file_move_page_lists_folders_by_path_and_moves(world, add_file, client_for):
    top = services.folder_create(actor=world.member, group=None, name="Beleid")
    sub = services.folder_create(actor=world.member, group=None, name="2027", parent=top)
    file = add_file(world.member, None, "plan.txt", b"Het plan")
    client = client_for(world.member)
    assert "Beleid / 2027" in client.get(file.get_absolute_url()).content.decode()
    client.post(reverse("files:change", args=[file.pk]), {"action": "move", "folder": sub.pk})
    assert LibraryFile.objects.get(pk=file.pk).folder == sub


def test_folder_page_says_why_if_delete_of_full_folder(world, add_file, client_for):
    folder = services.folder_create(actor=world.member, group=None, name="Plannen")
    add_file(world.member, None, "plan.txt", b"Het plan", folder=folder)
    client = client_for(world.member)
    url = reverse("files:folder_change", args=[folder.pk])
    response = client.post(url, {"action": "delete"})
    assert response.status_code == 400 and "niet leeg" in response.content.decode()
    response = client.post(url, {"name": ""})
    assert response.status_code == 400 and Folder.objects.get().name == "Plannen"
    assert client.post(url, {"name": "Plannen 2027"}).status_code == 302
    assert Folder.objects.get().name == "Plannen 2027"


# API -------------------------------------------------------------------------------------


def test_api_file_upload_adds_file_and_version_if_member(world, api_for):
    client = api_for(world.member)
    secret = world.groups["secret"]
    response = client.post(
        "/api/v1/files", {"upload": upload("plan.txt", b"een"), "group": secret.slug}
    )
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["name"] == "plan.txt" and created["group"] == secret.slug
    response = client.post(
        f"/api/v1/files/{created['id']}/versions", {"upload": upload("plan.txt", b"twee")}
    )
    assert response.status_code == 201
    assert [v["number"] for v in response.json()["versions"]] == [2, 1]


def test_api_file_upload_returns_400_with_reason_if_file_lies(world, api_for):
    fake = upload("vakantie.jpg", pdf_with_text("geen foto"))
    response = api_for(world.member).post("/api/v1/files", {"upload": fake})
    assert response.status_code == 400 and "vakantie.jpg" in response.json()["message"]
    assert not LibraryFile.objects.exists()


def test_api_file_upload_returns_404_if_secret_group_of_outsider(world, api_for, add_file):
    client = api_for(world.outsider)
    secret = world.groups["secret"]
    response = client.post("/api/v1/files", {"upload": upload("a.txt", b"x"), "group": secret.slug})
    assert response.status_code == 404
    file = add_file(world.member, secret, "plan.txt", b"een")
    response = client.post(f"/api/v1/files/{file.pk}/versions", {"upload": upload("a.txt", b"x")})
    assert response.status_code == 404 and FileVersion.objects.count() == 1


def test_api_file_upload_returns_403_if_reader_may_not_post(world, api_for):
    # A site admin reads an open group without being in it, but does not post there.
    open_group = world.groups["open"]
    client = api_for(world.site_admin)
    response = client.post(
        "/api/v1/files", {"upload": upload("a.txt", b"x"), "group": open_group.slug}
    )
    assert response.status_code == 403 and "message" in response.json()
    response = api_for(world.guest).post("/api/v1/files", {"upload": upload("a.txt", b"x")})
    assert response.status_code == 404  # a guest does not read the company library
    assert not LibraryFile.objects.exists()
