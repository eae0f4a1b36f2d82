"""Replies come from the fragment cache, yet every change to what a reply shows is shown at once."""

import re
import uuid
from unittest.mock import PropertyMock, patch

import pytest
from django.core.cache import caches

from kring.groups import services as group_services
from kring.groups.models import Membership
from kring.people.models import Department, User
from kring.posts import services
from kring.posts.models import Reply
from kring.posts.selectors import ThreadPage
from kring.realtime.tests.conftest import REDIS_URL, needs_redis


@pytest.fixture(autouse=True)
def _empty_fragment_cache():
    caches["fragments"].clear()
    yield
    caches["fragments"].clear()


@pytest.fixture
def thread(world):
    """In the open group: Bram's question, Anna's answer to it; Carla (an employee) reads."""
    post = world.posts["open"]
    question = services.reply_create(actor=world.member, post=post, body="Waar is de sleutel?")
    answer = services.reply_create(
        actor=world.admin, post=post, parent=question, body="In de kast."
    )
    return post, question, answer


def reply_html(page: str, reply: Reply) -> str:
    """The `<li>` of one reply in a thread page."""
    start = page.index(f'id="reply-{reply.pk}"')
    return page[page.rindex("<li", 0, start) : page.index("</li>", start)]


def read(client, post, reply: Reply) -> str:
    response = client.get(post.get_absolute_url())
    assert response.status_code == 200
    return reply_html(response.content.decode(), reply)


def test_thread_page_shows_the_edit_if_reply_body_changes(world, thread, client_for):
    post, question, _answer = thread
    client = client_for(world.outsider)
    assert "Waar is de sleutel?" in read(client, post, question)

    services.reply_update(actor=world.member, reply=question, body="Waar is de **bus**?")

    shown = read(client, post, question)
    assert "<strong>bus</strong>" in shown and "sleutel" not in shown
    assert 'class="edited"' in shown


def test_thread_page_shows_the_new_name_if_author_is_renamed(world, thread, client_for):
    post, question, answer = thread
    client = client_for(world.outsider)
    read(client, post, question)

    User.objects.filter(pk=world.member.pk).update(first_name="Bram-Willem")

    assert "Bram-Willem Jansen" in read(client, post, question)
    # the answer names whom it answers, for screen readers: that changes too
    assert "antwoord op Bram-Willem Jansen" in read(client, post, answer)


def test_thread_page_shows_the_photo_if_author_sets_one(world, thread, client_for):
    post, question, _answer = thread
    client = client_for(world.outsider)
    assert "<img" not in read(client, post, question)

    User.objects.filter(pk=world.member.pk).update(photo="photos/" + "a" * 32 + ".jpg")
    first = read(client, post, question)
    User.objects.filter(pk=world.member.pk).update(photo="photos/" + "b" * 32 + ".jpg")
    second = read(client, post, question)

    assert "<img" in first and "a" * 32 in first
    assert "b" * 32 in second and "a" * 32 not in second


def test_thread_page_shows_the_new_job_title_and_department(world, thread, client_for):
    post, question, _answer = thread
    client = client_for(world.outsider)
    assert "Teamleider" not in read(client, post, question)

    User.objects.filter(pk=world.member.pk).update(job_title="Teamleider")
    assert "Teamleider, Burgerzaken" in read(client, post, question)

    Department.objects.filter(pk=world.department.pk).update(name="Publiekszaken")
    assert "Teamleider, Publiekszaken" in read(client, post, question)

    other = Department.objects.create(name="ICT", slug="ict")
    User.objects.filter(pk=world.member.pk).update(department=other)
    assert "Teamleider, ICT" in read(client, post, question)


def test_thread_page_shows_guest_badge_if_author_becomes_a_guest(world, thread, client_for):
    post, question, _answer = thread
    client = client_for(world.admin)
    assert "Gast" not in read(client, post, question)

    User.objects.filter(pk=world.member.pk).update(kind=User.Kind.GUEST)

    assert "Gast" in read(client, post, question)


def test_thread_page_shows_placeholder_if_reply_with_answers_is_removed(world, thread, client_for):
    post, question, answer = thread
    client = client_for(world.outsider)
    read(client, post, question)
    read(client, post, answer)

    services.reply_delete(actor=world.member, reply=question)

    shown = read(client, post, question)
    assert "verwijderd" in shown and "Waar is de sleutel?" not in shown
    assert "Reageren" not in shown  # a removed reply cannot be answered
    assert "antwoord op een verwijderde reactie" in read(client, post, answer)


def test_thread_page_drops_reply_if_removed_without_answers(world, thread, client_for):
    post, _question, answer = thread
    client = client_for(world.outsider)
    read(client, post, answer)

    services.reply_delete(actor=world.admin, reply=answer)

    assert f'id="reply-{answer.pk}"' not in client.get(post.get_absolute_url()).content.decode()


def test_thread_page_shows_edit_and_delete_only_while_viewer_has_the_rights(
    world, thread, client_for
):
    post, question, _answer = thread
    client = client_for(world.outsider)
    delete_link = f'href="/posts/replies/{question.pk}/delete/"'
    assert delete_link not in read(client, post, question)

    group_services.membership_add(
        actor=world.admin, group=post.group, user=world.outsider, role=Membership.Role.ADMIN
    )
    assert delete_link in read(client, post, question)  # a group admin moderates

    group_services.membership_remove(actor=world.admin, group=post.group, user=world.outsider)
    assert delete_link not in read(client, post, question)

    own = client_for(world.member)
    shown = read(own, post, question)
    assert f'href="/posts/replies/{question.pk}/edit/"' in shown and delete_link in shown


def test_thread_page_shows_reply_in_the_readers_language(world, thread, client_for):
    post, question, _answer = thread
    client = client_for(world.outsider)
    assert "Reageren" in read(client, post, question)

    User.objects.filter(pk=world.outsider.pk).update(language="en")

    shown = read(client, post, question)
    assert re.search(r"\bReply\b", shown) and "Reageren" not in shown


def test_thread_page_shows_the_edit_if_another_process_shared_the_old_reply(
    world, thread, client_for, settings
):
    # With Redis the rendered replies are shared by all web processes (kring/core/fragments.py):
    # an edit must still show at once in every one of them.
    needs_redis()
    settings.CACHES = {
        **settings.CACHES,
        "fragments_shared": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"kring-test-{uuid.uuid4().hex[:12]}",
            "TIMEOUT": 60,  # never clear(): that empties the whole Redis database
        },
    }
    post, question, _answer = thread
    client = client_for(world.outsider)
    assert "Waar is de sleutel?" in read(client, post, question)
    caches["fragments"].clear()  # another process: the reply comes from Redis
    assert "Waar is de sleutel?" in read(client, post, question)
    services.reply_update(actor=world.member, reply=question, body="Waar is de **bus**?")
    caches["fragments"].clear()
    shown = read(client, post, question)
    assert "<strong>bus</strong>" in shown and "sleutel" not in shown


def test_thread_page_replies_come_as_one_kept_list_to_readers_with_the_same_rights(
    world, thread, client_for, make_user
):
    post, question, _answer = thread
    edit_link = f'href="/posts/replies/{question.pk}/edit/"'
    first = client_for(world.outsider).get(post.get_absolute_url()).content.decode()
    colleague = make_user("dirk", first_name="Dirk", last_name="Smit")  # an employee, as Carla

    with patch.object(ThreadPage, "replies", new_callable=PropertyMock) as built:
        second = client_for(colleague).get(post.get_absolute_url()).content.decode()
    assert not built.called  # no reply built, no reply's key made: the list was kept
    token = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    theirs, mine = (
        token.findall(reply_html(first, question)),
        token.findall(reply_html(second, question)),
    )
    assert mine and set(mine).isdisjoint(theirs)  # the reaction forms carry each reader's token
    assert token.sub("", reply_html(second, question)) == token.sub("", reply_html(first, question))
    assert edit_link not in second

    # The question's author may edit it: their rights make another list.
    own = read(client_for(world.member), post, question)
    assert edit_link in own
