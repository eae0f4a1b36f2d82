"""Uploading, versions, folders and the text kept for search."""

import pytest

from kring.core.errors import PermissionDenied, ValidationFailed
from kring.files import services
from kring.files.models import FileVersion, LibraryFile
from kring.files.tests.samples import docx_with_text, pdf_with_text, png_bytes, upload


def test_file_upload_stores_under_generated_name_if_user_name_is_hostile(world, add_file):
    file = add_file(world.member, world.groups["secret"], "../../etc/passwd.txt", b"root:x:0:0\n")
    version = file.current
    assert file.name == "passwd.txt" and version.name == "passwd.txt"
    assert version.blob.name.startswith("files/") and "passwd" not in version.blob.name
    assert version.blob.read() == b"root:x:0:0\n"


def test_file_upload_extracts_text_if_pdf(world, add_file):
    file = add_file(world.member, None, "plan.pdf", pdf_with_text("Vergaderingen over pompen"))
    version = FileVersion.objects.get(pk=file.current_id)
    assert version.extraction == FileVersion.Extraction.DONE
    assert "Vergaderingen over pompen" in version.text


def test_file_upload_extracts_text_if_docx_or_markdown(world, add_file):
    word = add_file(world.member, None, "instructie.docx", docx_with_text("Kassa openen om acht"))
    notes = add_file(world.member, None, "notities.md", b"# Afspraken\nKoffie om tien")
    assert "Kassa openen om acht" in FileVersion.objects.get(pk=word.current_id).text
    assert "Koffie om tien" in FileVersion.objects.get(pk=notes.current_id).text


def test_file_upload_keeps_file_and_marks_failed_if_pdf_is_broken(world, add_file):
    broken = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer <<>>\n%%EOF"
    file = add_file(world.member, None, "kapot.pdf", broken)
    version = FileVersion.objects.get(pk=file.current_id)
    assert version.extraction == FileVersion.Extraction.FAILED and version.text == ""
    assert LibraryFile.objects.filter(pk=file.pk).exists()


def test_file_upload_makes_thumbnail_if_image(world, add_file):
    file = add_file(world.member, None, "foto.png", png_bytes((800, 600)))
    version = FileVersion.objects.get(pk=file.current_id)
    assert version.thumbnail and version.extraction == FileVersion.Extraction.DONE


def test_file_upload_fails_if_outsider_uploads_to_closed_group(world):
    with pytest.raises(PermissionDenied):
        services.file_upload(
            actor=world.outsider, group=world.groups["closed"], upload=upload("a.txt", b"hoi")
        )


def test_file_upload_fails_if_guest_uploads_to_company(world):
    with pytest.raises(PermissionDenied):
        services.file_upload(actor=world.guest, group=None, upload=upload("a.txt", b"hoi"))


def test_file_version_add_keeps_history_if_new_version(
    world, add_file, django_capture_on_commit_callbacks
):
    file = add_file(world.member, None, "plan.txt", b"versie een")
    with django_capture_on_commit_callbacks(execute=True):
        services.file_version_add(
            actor=world.admin, file=file, upload=upload("plan v2.txt", b"twee")
        )
    file.refresh_from_db()
    versions = list(file.versions.all())
    assert [v.number for v in versions] == [2, 1]
    assert file.version_count == 2 and file.current == versions[0] and file.name == "plan v2.txt"
    assert versions[1].blob.read() == b"versie een"


def test_folder_create_fails_if_parent_in_other_library(world):
    elsewhere = services.folder_create(actor=world.member, group=None, name="Algemeen")
    with pytest.raises(ValidationFailed):
        services.folder_create(
            actor=world.member, group=world.groups["open"], name="Sub", parent=elsewhere
        )


def test_folder_create_fails_if_name_is_empty(world):
    with pytest.raises(ValidationFailed):
        services.folder_create(actor=world.member, group=None, name="   ")


def test_file_is_found_by_a_word_of_its_name_if_name_has_dashes(world, add_file):
    from kring.search.selectors import SearchFilters, search_for

    add_file(world.member, None, "foto-wombatkoor_2026.png", png_bytes())
    results = search_for(world.outsider, query="wombatkoor", filters=SearchFilters()).results
    assert [r.title for r in results] == ["foto-wombatkoor_2026.png"]
