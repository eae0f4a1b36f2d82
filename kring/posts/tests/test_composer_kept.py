"""The empty composer of feed pages is rendered once per writer and page and kept
(posts_tags.composer); what makes it differ must still show, and its form must work."""

import re

from django.test import Client
from django.urls import reverse

from kring.groups import services as group_services
from kring.groups.models import Group
from kring.posts.models import Post

COMPOSER = re.compile(r'<form id="composer".*?</form>', re.S)
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _composer(client, url: str = "/") -> str:
    response = client.get(url)
    assert response.status_code == 200
    return COMPOSER.search(response.content.decode()).group(0)


def test_composer_posts_with_the_readers_own_token_if_it_was_kept(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.member)
    _composer(client)  # rendered and kept
    for body in ("Eerste bericht", "Tweede bericht"):
        token = TOKEN.search(_composer(client)).group(1)
        assert "standin" not in token
        response = client.post(
            reverse("posts:create"),
            {"csrfmiddlewaretoken": token, "body": body, "group": "company", "next": "/"},
        )
        assert response.status_code == 302, response.status_code
    assert (
        Post.objects.filter(
            author=world.member, body__in=["Eerste bericht", "Tweede bericht"]
        ).count()
        == 2
    )


def test_composer_shows_each_writers_own_groups_if_kept_for_another(world, client_for):
    secret = world.groups["secret"]
    member = client_for(world.member)
    assert secret.name in _composer(member)
    outsider = client_for(world.outsider)
    html = _composer(outsider)
    assert secret.name not in html
    assert f'data-hue="{world.member.pk}"' in _composer(member)  # each their own avatar
    assert f'data-hue="{world.outsider.pk}"' in html
    # Joining a group changes the list at once.
    group_services.membership_add(actor=world.admin, group=secret, user=world.outsider)
    assert secret.name in _composer(outsider)


def test_composer_opens_the_question_part_if_asked_for_with_ask(world, client_for):
    client = client_for(world.member)
    assert not re.search(r'<details class="question-picker"[^>]* open', _composer(client))
    assert re.search(r'<details class="question-picker"[^>]* open', _composer(client, "/?ask=1"))


def test_composer_offers_an_announcement_in_a_group_if_the_writer_administers_it(world, client_for):
    group: Group = world.groups["open"]
    assert 'name="announcement"' in _composer(client_for(world.admin), group.get_absolute_url())
    assert 'name="announcement"' not in _composer(
        client_for(world.member), group.get_absolute_url()
    )


def test_composer_comes_back_with_the_chosen_group_and_own_avatar_if_the_post_fails(
    world, client_for
):
    secret = world.groups["secret"]
    client = client_for(world.member)
    _composer(client)  # an empty one kept first: the one coming back must not be it
    response = client.post(
        reverse("posts:create"),
        {"body": "   ", "group": str(secret.pk), "next": "/"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert f'<option value="{secret.pk}" selected>' in html
    assert 'value="company" selected' not in html
    assert f'data-hue="{world.member.pk}"' in html
    assert "kring:composer" not in html  # no slot left unfilled


def test_composer_fills_the_writers_groups_and_avatar_into_a_page_kept_for_everyone(
    world, client_for
):
    for writer in (world.member, world.outsider, world.member):
        html = _composer(client_for(writer))
        assert html.count(f'data-hue="{writer.pk}"') == 1
        assert "kring:composer" not in html
