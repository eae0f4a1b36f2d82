"""Journeys through a group's files: upload with the picker, a new version, download; a fake
image is refused with a message; files dropped on the form are uploaded too."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from kring.files.models import FileVersion, LibraryFile
from kring.groups import services as group_services
from tests.e2e.browser import sign_in

pytestmark = pytest.mark.e2e


@pytest.fixture
def team(person):
    anna = person("anna", last_name="de Vries")
    group = group_services.group_create(
        actor=anna, name="Team Balie", description="De balie.", visibility="closed"
    )
    return {"anna": anna, "group": group}


def _open_files(page: Page, team) -> None:
    page.goto(team["group"].get_absolute_url())
    page.get_by_role("navigation", name="Onderdelen van de groep").get_by_role(
        "link", name="Bestanden"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bestanden van Team Balie")
    # files.js binds the drop zone on DOMContentLoaded; the heading can show before that.
    page.wait_for_load_state("load")


def test_file_uploaded_with_picker_gets_new_version_and_downloads(team, new_page):
    page = new_page()
    sign_in(page, "anna")
    _open_files(page, team)
    expect(page.get_by_text("Nog geen bestanden. Voeg het eerste toe!")).to_be_visible()
    page.set_input_files(
        "#upload-input",
        files=[{"name": "werkinstructie.md", "mimeType": "text/markdown",
                "buffer": b"# Balie openen\n\nEerst de kassa."}],
    )  # fmt: skip
    page.get_by_role("button", name="Uploaden").click()
    expect(page.locator("main")).to_contain_text("„werkinstructie.md” is toegevoegd.")
    row = page.locator(".file-table tbody tr", has_text="werkinstructie.md")
    expect(row).to_contain_text("Anna de Vries")
    expect(row.locator("td").last).to_have_text("1")

    row.get_by_role("link", name="werkinstructie.md").click()
    page.set_input_files(
        "#upload-input",
        files=[{"name": "werkinstructie.md", "mimeType": "text/markdown",
                "buffer": b"# Balie openen\n\nEerst de kassa, dan de deur."}],
    )  # fmt: skip
    page.get_by_role("button", name="Nieuwe versie uploaden").click()
    expect(page.locator("body")).to_contain_text("Versie 2 is toegevoegd.")
    expect(page.locator(".file-table tbody tr")).to_have_count(2)

    with page.expect_download() as newest:
        page.get_by_role("link", name="Downloaden", exact=True).click()
    assert newest.value.suggested_filename == "werkinstructie.md"
    assert "dan de deur" in Path(newest.value.path()).read_text(encoding="utf-8")
    with page.expect_download() as first:
        page.get_by_role("link", name="Downloaden versie 1").click()
    assert "dan de deur" not in Path(first.value.path()).read_text(encoding="utf-8")
    version = FileVersion.objects.get(file__name="werkinstructie.md", number=2)
    assert "dan de deur" in version.text  # kept for search


def test_fake_image_is_refused_with_message(team, new_page):
    page = new_page()
    sign_in(page, "anna")
    _open_files(page, team)
    page.set_input_files(
        "#upload-input",
        files=[{"name": "foto.jpg", "mimeType": "image/jpeg", "buffer": b"%PDF-1.4 geen foto"}],
    )
    page.get_by_role("button", name="Uploaden").click()
    expect(page.get_by_role("alert")).to_contain_text("„foto.jpg” is niet wat de naam zegt")
    assert not LibraryFile.objects.exists()


def test_file_dropped_on_form_is_uploaded(team, new_page):
    page = new_page()
    sign_in(page, "anna")
    _open_files(page, team)
    zone = page.locator("[data-drop-zone]")
    transfer = page.evaluate_handle(
        """() => {
            const transfer = new DataTransfer();
            transfer.items.add(new File(["naam;telefoon\\nAnna;06"], "lijst.csv", {type: "text/csv"}));
            return transfer;
        }"""
    )
    zone.dispatch_event("dragenter", {"dataTransfer": transfer})
    expect(zone).to_have_class("drop-zone is-over")
    zone.dispatch_event("drop", {"dataTransfer": transfer})
    expect(page.locator(".file-table")).to_contain_text("lijst.csv")


def test_file_uploaded_is_found_by_word_inside_then_renamed_moved_and_deleted(team, new_page):
    from kring.files.tests.samples import docx_with_text

    page = new_page()
    sign_in(page, "anna")
    _open_files(page, team)
    page.get_by_label("Nieuwe map").fill("Procedures")
    page.get_by_role("button", name="Map toevoegen").click()
    expect(page.get_by_role("navigation", name="Mappen")).to_contain_text("Procedures")
    page.get_by_role("link", name="Alle bestanden").click()
    page.set_input_files(
        "#upload-input",
        files=[{"name": "sluiten.docx", "mimeType": "application/octet-stream", "buffer": docx_with_text(
            "Bij het sluiten van de balie tellen we de kassalades samen.")}],
    )  # fmt: skip
    page.get_by_role("button", name="Uploaden").click()
    expect(page.locator("main")).to_contain_text("„sluiten.docx” is toegevoegd.")

    # Found by a word that is only inside the document, in another form ("kassalade").
    page.get_by_role("searchbox").first.fill("kassalade")
    page.keyboard.press("Enter")
    result = page.get_by_role("link", name="sluiten.docx")
    expect(result).to_be_visible()
    result.click()

    page.get_by_label("Naam", exact=True).fill("Balie sluiten")
    page.get_by_role("button", name="Naam wijzigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Balie sluiten.docx")
    page.get_by_label("Map", exact=True).select_option(label="Procedures")
    page.get_by_role("button", name="Verplaatsen").click()
    expect(page.locator("main")).to_contain_text("Verplaatst naar „Procedures”.")
    page.get_by_role("link", name="Bestand verwijderen").click()
    page.get_by_role("button", name="Bestand verwijderen").click()
    expect(page.locator("main")).to_contain_text("„Balie sluiten.docx” is verwijderd.")
    expect(page.get_by_text("Deze map is leeg.")).to_be_visible()
    assert not LibraryFile.objects.exists()
