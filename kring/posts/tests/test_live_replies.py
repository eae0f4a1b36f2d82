"""The endpoint an open thread page calls after a `reply.created` event or a reconnect."""

import json
import re

from django.urls import reverse

from kring.posts import services
from kring.posts.selectors import LIVE_BATCH

REPLY_LI = re.compile(
    r'<li class="reply[^"]*" id="reply-(\d+)" data-path="([^"]+)"[^>]*data-after="([^"]*)"'
)


def _new(client, post, **query):
    url = reverse("posts:replies_new", args=[post.pk])
    return client.get(url, query, headers={"HX-Request": "true"})


def test_replies_new_returns_replies_after_since_in_reading_order_if_reader(world, client_for):
    post = world.posts["company"]
    first = services.reply_create(actor=world.member, post=post, body="Eerste")
    second = services.reply_create(actor=world.admin, post=post, body="Tweede")
    answer = services.reply_create(actor=world.outsider, post=post, parent=first, body="Antwoord")
    response = _new(client_for(world.outsider), post, since=first.pk)
    assert response.status_code == 200
    found = REPLY_LI.findall(response.content.decode())
    # Reading order (the answer under the first reply comes before the second reply), each
    # with the path of the reply before it, so thread.js can place it.
    assert [int(pk) for pk, _path, _after in found] == [answer.pk, second.pk]
    assert [after for _pk, _path, after in found] == [first.path, answer.path]
    assert "Eerste" not in response.content.decode()
    trigger = json.loads(response["HX-Trigger"])["kring:replies-since"]
    assert trigger == {"since": answer.pk, "count": 2, "more": False}  # the newest id
    assert 'id="replies-heading" hx-swap-oob="true"' in response.content.decode()


def test_replies_new_includes_the_named_reply_if_it_is_older_than_since(world, client_for):
    post = world.posts["company"]
    late = services.reply_create(actor=world.member, post=post, body="Laat gecommit")
    newer = services.reply_create(actor=world.admin, post=post, body="Nieuwer")
    response = _new(client_for(world.outsider), post, since=newer.pk, reply=late.pk)
    assert [int(pk) for pk, *_ in REPLY_LI.findall(response.content.decode())] == [late.pk]
    assert json.loads(response["HX-Trigger"])["kring:replies-since"]["since"] == newer.pk


def test_replies_new_says_more_wait_if_the_batch_is_full(world, client_for):
    post = world.posts["company"]
    for n in range(LIVE_BATCH + 1):
        services.reply_create(actor=world.member, post=post, body=f"Reactie {n}")
    response = _new(client_for(world.outsider), post, since=0)
    assert len(REPLY_LI.findall(response.content.decode())) == LIVE_BATCH
    assert json.loads(response["HX-Trigger"])["kring:replies-since"]["more"] is True


def test_replies_new_fails_with_404_if_the_thread_is_invisible(world, client_for):
    post = world.posts["secret"]
    services.reply_create(actor=world.member, post=post, body="Geheime reactie")
    response = _new(client_for(world.outsider), post, since=0)
    assert response.status_code == 404
    assert "Geheime reactie" not in response.content.decode()


def test_replies_new_fails_with_400_if_since_is_damaged(world, client_for):
    response = _new(client_for(world.outsider), world.posts["company"], since="abc")
    assert response.status_code == 400


def test_thread_page_tells_live_js_where_to_listen_from(world, client_for):
    post = world.posts["company"]
    reply = services.reply_create(actor=world.member, post=post, body="Eerste")
    page = client_for(world.outsider).get(post.get_absolute_url()).content.decode()
    assert f'data-live-post="{post.pk}" data-live-since="{reply.pk}"' in page
    assert reverse("posts:replies_new", args=[post.pk]) in page
