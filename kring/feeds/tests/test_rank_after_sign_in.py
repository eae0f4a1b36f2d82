"""Signing in ranks the colleague's "Voor jou" feed in the worker, so the home page they
land on reads a kept ranking (kring/feeds/tasks.py)."""

from django.core.cache import cache
from django.urls import reverse

from conftest import PASSWORD
from kring.feeds.kept import ranking_key
from kring.posts import services


def _sign_in(client, capture, username: str, password: str = PASSWORD):
    # The task is enqueued after the commit; the tests' task backend then runs it at once,
    # as the worker would moments later.
    with capture(execute=True):
        return client.post(reverse("account_login"), {"login": username, "password": password})


def test_sign_in_keeps_a_ranking_that_the_first_home_page_shows(
    world, client, django_capture_on_commit_callbacks
):
    newest = services.post_create(actor=world.admin, group=None, body="Welkom terug")
    assert cache.get(ranking_key(world.member.pk)) is None
    response = _sign_in(client, django_capture_on_commit_callbacks, "bram")
    assert response.status_code == 302
    kept = cache.get(ranking_key(world.member.pk))
    assert kept is not None
    ranked = [post_id for post_id, _reasons in kept.entries]
    assert newest.pk in ranked
    # Bram's own posts in the secret group are his to read; nothing he may not read is kept.
    assert world.posts["secret"].pk in ranked
    home = client.get(reverse("feeds:home")).content.decode()
    assert "Welkom terug" in home


def test_failed_sign_in_ranks_nothing(world, client, django_capture_on_commit_callbacks):
    response = _sign_in(client, django_capture_on_commit_callbacks, "bram", "fout")
    assert response.status_code == 200
    assert cache.get(ranking_key(world.member.pk)) is None


def test_sign_in_of_outsider_keeps_no_secret_post(
    world, client, django_capture_on_commit_callbacks
):
    _sign_in(client, django_capture_on_commit_callbacks, "carla")
    kept = cache.get(ranking_key(world.outsider.pk))
    ranked = {post_id for post_id, _reasons in kept.entries}
    assert world.posts["secret"].pk not in ranked and world.posts["closed"].pk not in ranked
    assert world.posts["company"].pk in ranked
