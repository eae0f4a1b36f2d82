"""Post cards come from the fragment cache: every change anyone can see must show at once.

Each test first renders the feed (filling the cache), changes one thing the card shows,
and renders again: a stale card would still show the old state.
"""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from kring.groups import services as group_services
from kring.people.services import profile_photo_set
from kring.posts import services as post_services


@pytest.fixture
def feed(world, client_for):
    """GET a feed page as a user and return its HTML (the company feed by default)."""

    def get(user, url=None) -> str:
        response = client_for(user).get(url or reverse("feeds:company"))
        assert response.status_code == 200
        return response.content.decode()

    return get


def _company_post(world):
    return world.posts["company"]


def test_an_edited_post_shows_its_new_text(world, feed):
    post = _company_post(world)
    assert "Tekst voor iedereen" in feed(world.outsider)
    post_services.post_update(actor=world.member, post=post, body="Bijgewerkte tekst")
    page = feed(world.outsider)
    assert "Bijgewerkte tekst" in page and "Tekst voor iedereen" not in page


def test_a_new_reply_changes_the_count_on_the_card(world, feed):
    assert "0 reacties" in feed(world.outsider)
    post_services.reply_create(actor=world.admin, post=_company_post(world), body="Eens!")
    page = feed(world.outsider)
    assert "1 reactie" in page and "0 reacties" not in page


def test_the_authors_new_name_job_and_department_show(world, feed):
    assert "Bram Jansen" in feed(world.outsider)
    member = world.member
    member.first_name, member.last_name, member.job_title = "Bram", "Hendriks", "Adviseur"
    member.save()
    world.department.name = "Publiekszaken"
    world.department.save()
    page = feed(world.outsider)
    assert "Bram Hendriks" in page and "Bram Jansen" not in page
    assert "Adviseur, Publiekszaken" in page


def test_the_authors_new_photo_shows(world, feed):
    assert "avatar-initials" in feed(world.outsider).split('id="post-')[1]
    image = BytesIO()
    Image.new("RGB", (64, 64), "teal").save(image, "PNG")
    photo = SimpleUploadedFile("me.png", image.getvalue(), content_type="image/png")
    profile_photo_set(actor=world.member, person=world.member, upload=photo)
    card = feed(world.outsider).split('id="post-')[1]
    assert reverse("people:photo", args=[world.member.username]) in card


def test_a_renamed_group_shows_on_its_cards(world, feed):
    group = world.groups["open"]
    assert "Groep open" in feed(world.member, reverse("feeds:home"))
    group_services.group_update(
        actor=world.admin,
        group=group,
        name="Groep buitenspel",
        description=group.description,
        visibility=group.visibility,
    )
    assert "Groep buitenspel" in feed(world.member, reverse("feeds:home"))


def test_rights_on_a_card_are_the_readers_own(world, feed):
    """The author sees Edit on the card another reader got from the cache just before."""
    edit_url = reverse("posts:edit", args=[_company_post(world).pk])
    assert edit_url not in feed(world.outsider)
    assert edit_url in feed(world.member)
    assert edit_url not in feed(world.outsider)


def test_each_reader_gets_the_card_in_their_language(world, feed):
    world.outsider.language = "en"
    world.outsider.save()
    assert "0 reacties" in feed(world.member)
    page = feed(world.outsider)
    assert "0 replies" in page and "0 reacties" not in page
    assert "0 reacties" in feed(world.member)
