"""The library pages: upload by a plain form, errors in words, downloads with safe headers."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kring.files.models import LibraryFile
from kring.files.tests.samples import pdf_with_text, png_bomb, png_bytes, upload


def test_library_upload_adds_file_if_plain_form_post(world, client_for):
    client = client_for(world.member)
    url = reverse("files:group", args=[world.groups["closed"].slug])
    response = client.post(url, {"action": "upload", "upload": upload("plan.txt", b"Het plan")})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "plan.txt" in page and "Bram" in page


def test_library_upload_shows_message_if_file_lies_about_type(world, client_for):
    client = client_for(world.member)
    fake = upload("vakantie.jpg", pdf_with_text("geen foto"))
    response = client.post(reverse("files:company"), {"action": "upload", "upload": fake})
    assert response.status_code == 400
    assert "vakantie.jpg" in response.content.decode()
    assert not LibraryFile.objects.exists()


def test_library_upload_shows_message_if_bomb_or_empty(world, client_for):
    client = client_for(world.member)
    files = [upload("bom.png", png_bomb()), upload("leeg.txt", b""), upload("goed.txt", b"ok")]
    response = client.post(reverse("files:company"), {"action": "upload", "upload": files})
    body = response.content.decode()
    assert response.status_code == 400 and "bom.png" in body and "leeg.txt" in body
    assert list(LibraryFile.objects.values_list("name", flat=True)) == ["goed.txt"]


def test_library_returns_400_if_nothing_chosen(world, client_for):
    response = client_for(world.member).post(reverse("files:company"), {"action": "upload"})
    assert response.status_code == 400


def test_library_folder_keeps_typed_name_if_refused(world, client_for):
    client = client_for(world.member)
    response = client.post(reverse("files:company"), {"action": "folder", "name": "   "})
    assert response.status_code == 400
    response = client.post(reverse("files:company"), {"action": "folder", "name": "Formulieren"})
    assert response.status_code == 302
    listing = client.get(response["Location"]).content.decode()
    assert '<span aria-current="page">Formulieren</span>' in listing


def test_download_sends_attachment_with_clean_name_if_document(world, client_for, add_file):
    file = add_file(world.member, None, "..\\Jaar\x07plan.pdf", pdf_with_text("Plan"))
    response = client_for(world.outsider).get(reverse("files:download", args=[file.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="Jaar plan.pdf"' in response["Content-Disposition"]
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_download_shows_image_inline_if_reencoded_image(world, client_for, add_file):
    file = add_file(world.member, None, "foto.png", png_bytes())
    response = client_for(world.member).get(reverse("files:download", args=[file.pk]))
    assert response["Content-Disposition"].startswith("inline;")
    assert response["Content-Type"] == "image/png"


def test_download_returns_old_version_if_number_given(world, client_for, add_file):
    from kring.files import services

    file = add_file(world.member, None, "plan.txt", b"oud")
    services.file_version_add(actor=world.member, file=file, upload=upload("plan.txt", b"nieuw"))
    client = client_for(world.member)
    old = client.get(reverse("files:download_version", args=[file.pk, 1]))
    new = client.get(reverse("files:download", args=[file.pk]))
    assert b"".join(old.streaming_content) == b"oud"
    assert b"".join(new.streaming_content) == b"nieuw"
    assert client.get(reverse("files:download_version", args=[file.pk, 3])).status_code == 404


def test_media_url_returns_404_if_someone_guesses_the_stored_name(world, client_for, add_file):
    file = add_file(world.member, world.groups["secret"], "geheim.txt", b"geheim")
    blob = file.current.blob.name
    assert client_for(world.member).get(f"/media/{blob}").status_code == 404


def test_library_query_count_does_not_grow_if_more_files(world, client_for, add_file):
    client = client_for(world.member)
    url = reverse("files:group", args=[world.groups["open"].slug])

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    add_file(world.member, world.groups["open"], "een.png", png_bytes())
    count()  # the first visit fills the layout's per-user caches
    few = count()
    assert few <= 8
    for n in range(6):
        add_file(world.admin, world.groups["open"], f"bestand {n}.txt", b"tekst")
    assert count() == few


def test_group_page_shows_files_tab_if_reader_only(world, client_for):
    closed = world.groups["closed"]
    files_url = reverse("files:group", args=[closed.slug])
    assert files_url in client_for(world.member).get(closed.get_absolute_url()).content.decode()
    assert (
        files_url not in client_for(world.outsider).get(closed.get_absolute_url()).content.decode()
    )


def test_company_page_links_files_if_employee(world, client_for):
    page = client_for(world.outsider).get(reverse("feeds:company")).content.decode()
    assert reverse("files:company") in page


def test_library_returns_404_if_folder_of_other_library(world, client_for):
    from kring.files import services

    folder = services.folder_create(actor=world.member, group=world.groups["secret"], name="Geheim")
    client = client_for(world.member)
    url = f"{reverse('files:company')}?folder={folder.pk}"
    assert client.get(url).status_code == 404
    response = client.post(url, {"action": "upload", "upload": upload("a.txt", b"x")})
    assert response.status_code == 404 and not LibraryFile.objects.exists()


def test_extraction_task_returns_same_result_if_run_twice(world, add_file):
    from kring.files.models import FileVersion
    from kring.files.tasks import file_version_extract

    file = add_file(world.member, None, "plan.pdf", pdf_with_text("Tweede keer"))
    assert file_version_extract.call(version_id=file.current_id) == "done"
    assert "Tweede keer" in FileVersion.objects.get(pk=file.current_id).text
