"""Counts stay right when people react to the same post at the same moment (PostgreSQL)."""

import threading

import pytest
from django.db import connection, connections

from kring.posts import services as post_services
from kring.posts.models import Post
from kring.reactions import services
from kring.reactions.models import Reaction

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite runs one write transaction at a time"
)


@pytest.mark.django_db(transaction=True)
def test_reaction_counts_stay_right_if_two_people_click_at_once(make_user):
    author, one, two = make_user("auteur"), make_user("een"), make_user("twee")
    post = post_services.post_create(actor=author, group=None, body="Tegelijk")
    start = threading.Barrier(2)
    failures: list[BaseException] = []

    def click(person, times: int) -> None:
        try:
            start.wait()
            for _ in range(times):
                services.reaction_toggle(
                    actor=person, target=Post.objects.get(pk=post.pk), kind="like"
                )
                services.reaction_set(
                    actor=person, target=Post.objects.get(pk=post.pk), kind="thanks", on=True
                )
        except BaseException as error:  # noqa: BLE001 (reported below)
            failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=click, args=(p, n)) for p, n in ((one, 7), (two, 4))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    post.refresh_from_db()
    assert post.like_count == Reaction.objects.filter(post=post, kind="like").count() == 1
    assert post.thanks_count == Reaction.objects.filter(post=post, kind="thanks").count() == 2
