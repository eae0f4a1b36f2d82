"""Praise through the composer, its header on the card, and the profiles' Compliments."""

from django.urls import reverse

from kring.groups import services as group_services
from kring.posts.models import Post
from kring.reactions import services
from kring.reactions.models import Praise

HTMX = {"HTTP_HX_REQUEST": "true"}


def _compose(client, world, **extra):
    data = {
        "body": "Wat een klus!",
        "group": "company",
        "praised": [world.member.pk, world.outsider.pk],
        "praise_reason": "de verhuizing",
    }
    data.update(extra)
    return client.post(reverse("posts:create"), data)


def test_composer_creates_a_praise_post_with_its_header(world, client_for):
    client = client_for(world.admin)
    response = _compose(client, world)
    assert response.status_code == 302
    post = Post.objects.get(body="Wat een klus!")
    assert Praise.objects.filter(post=post).exists()
    html = client.get(post.get_absolute_url()).content.decode()
    assert "<strong>Anna de Vries</strong> bedankt" in html
    assert "Bram Jansen</a> en <a" in html and "voor de verhuizing" in html


def test_composer_keeps_what_was_typed_if_praise_reason_missing(world, client_for):
    response = _compose(client_for(world.admin), world, praise_reason="", **HTMX)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vertel waarvoor je het compliment geeft." in html
    assert "Wat een klus!" in html
    assert f'value="{world.member.pk}" checked' in html
    assert not Post.objects.filter(body="Wat een klus!").exists()


def test_composer_search_shows_matches_without_posting(world, client_for):
    response = client_for(world.admin).post(
        reverse("posts:create"),
        {"body": "Concept", "group": "company", "praise_q": "bram", "praise_search": "1"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f'name="praised" value="{world.member.pk}"' in html and "Concept" in html
    assert not Post.objects.filter(body="Concept").exists()


def test_praise_picker_lists_only_people_the_viewer_may_see(world, client_for):
    group_services.membership_add(actor=world.admin, group=world.groups["open"], user=world.guest)
    url = reverse("reactions:praise_people")
    as_guest = client_for(world.guest).get(url, {"praise_q": "a"}).content.decode()
    assert "Anna de Vries" in as_guest and "Carla Bakker" not in as_guest
    chosen = client_for(world.guest).get(url, {"praised": [world.outsider.pk]}).content.decode()
    assert "Carla Bakker" not in chosen


def test_profile_shows_praise_only_to_viewers_who_may_read_the_post(world, client_for):
    services.praise_create(
        actor=world.admin,
        group=world.groups["closed"],
        body="Topwerk in de besloten groep",
        praised_ids=[world.outsider.pk],
        reason="de inwerkdag",
    )
    profile = reverse("people:detail", args=[world.outsider.username])
    as_member = client_for(world.member).get(profile).content.decode()
    assert "Complimenten" in as_member and "Topwerk in de besloten groep" in as_member
    as_outsider = client_for(world.outsider).get(profile).content.decode()
    assert "Topwerk in de besloten groep" not in as_outsider
    assert "Complimenten" not in as_outsider
