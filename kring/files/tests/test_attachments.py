"""Files attached to knowledge pages: shown on the page, kept in the page's library."""

import pytest
from django.urls import reverse

from kring.core.errors import ValidationFailed
from kring.files import services
from kring.files.models import LibraryFile
from kring.files.tests.samples import upload
from kring.knowledge import services as knowledge_services


def _page(owner, group=None):
    return knowledge_services.page_create(
        actor=owner, group=group, title="Balie sluiten", body="Eerst de kassa.", folder=None
    )


def test_page_attach_shows_file_on_page_and_in_library_if_editor(world, client_for):
    page = _page(world.member, world.groups["closed"])
    client = client_for(world.member)
    response = client.post(
        reverse("files:attach", args=[page.pk]), {"upload": upload("checklist.txt", b"1. kassa")}
    )
    assert response.status_code == 302 and response["Location"].endswith("#attachments")
    html = client.get(page.get_absolute_url()).content.decode()
    assert "Bijlagen" in html and "checklist.txt" in html
    file = LibraryFile.objects.get()
    assert file.page == page and file.group == world.groups["closed"]
    library = client.get(reverse("files:group", args=[world.groups["closed"].slug]))
    assert "checklist.txt" in library.content.decode()


def test_page_attach_returns_404_if_outsider_and_403_if_reader_who_may_not_edit(world, client_for):
    secret = _page(world.member, world.groups["secret"])
    sent = {"upload": upload("x.txt", b"x")}
    response = client_for(world.outsider).post(reverse("files:attach", args=[secret.pk]), sent)
    assert response.status_code == 404
    open_page = _page(world.member, world.groups["open"])
    sent = {"upload": upload("x.txt", b"x")}
    response = client_for(world.site_admin).post(reverse("files:attach", args=[open_page.pk]), sent)
    assert response.status_code == 403
    assert not LibraryFile.objects.exists()


def test_page_attach_says_why_if_file_is_refused(world, client_for):
    page = _page(world.member)
    client = client_for(world.member)
    response = client.post(
        reverse("files:attach", args=[page.pk]), {"upload": upload("leeg.txt", b"")}, follow=True
    )
    assert "leeg.txt" in response.content.decode() and not LibraryFile.objects.exists()


def test_page_attachments_hide_upload_form_if_reader_may_not_edit(world, client_for, add_file):
    open_group = world.groups["open"]
    page = _page(world.member, open_group)
    services.file_upload(
        actor=world.member, group=open_group, upload=upload("checklist.txt", b"1"), page=page
    )
    # A site admin reads an open group without being in it, but does not write there.
    html = client_for(world.site_admin).get(page.get_absolute_url()).content.decode()
    assert "checklist.txt" in html and 'name="upload"' not in html


def test_page_attachments_show_nothing_if_none_and_reader_may_not_edit(world, client_for):
    page = _page(world.member, world.groups["open"])
    html = client_for(world.site_admin).get(page.get_absolute_url()).content.decode()
    assert "Bijlagen" not in html


def test_file_upload_fails_if_page_is_in_another_space(world):
    page = _page(world.member, world.groups["secret"])
    with pytest.raises(ValidationFailed):
        services.file_upload(
            actor=world.member, group=None, upload=upload("a.txt", b"x"), page=page
        )
