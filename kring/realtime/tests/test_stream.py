"""GET /events/: a signed-in colleague's stream carries their events, and nobody else's."""

import pytest
from asgiref.sync import sync_to_async
from django.db import connection
from django.test import Client

from kring.groups import services as group_services
from kring.people.services import user_create
from kring.posts import services as post_services
from kring.realtime.bus import bus
from kring.realtime.tests.asgi_stream import open_stream, run_async
from kring.realtime.views import HELLO

SILENCE = 0.3  # how long a test listens to show that an event does NOT come


@pytest.fixture
def colleagues(db):
    return {
        name: user_create(username=name, email=f"{name}@example.org", password="x-Geheim-42")
        for name in ("ans", "bas", "cor")
    }


def _cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def test_events_refuses_if_signed_out(db):
    async def run():
        async with open_stream(None) as stream:
            await stream.read_for(0)
            return stream.status, stream.headers

    status, headers = run_async(run)
    assert status == 403
    assert not headers["content-type"].startswith("text/event-stream")


def test_events_streams_with_sse_headers_if_signed_in(colleagues):
    cookie = _cookie(colleagues["ans"])

    async def run():
        async with open_stream(cookie) as stream:
            assert await stream.read_until(": connected")
            return stream.status, stream.headers

    status, headers = run_async(run)
    assert status == 200
    assert headers["content-type"].startswith("text/event-stream")
    assert headers["x-accel-buffering"] == "no"  # nginx passes events on at once
    assert "no-cache" in headers["cache-control"]


def test_events_passes_only_the_viewers_own_events(colleagues):
    ans, bas = colleagues["ans"], colleagues["bas"]
    cookie = _cookie(ans)

    async def run():
        async with open_stream(cookie) as stream:
            assert await stream.read_until(": connected")
            bus().publish([bas.pk], "post.created", {"post_id": 1})
            bus().publish([ans.pk], "post.created", {"post_id": 2})
            assert await stream.read_until('"post_id":2')
            return stream.body

    body = run_async(run)
    assert 'event: post.created\ndata: {"post_id":2}\n\n' in body
    assert '"post_id":1' not in body


def test_events_forgets_the_stream_if_the_browser_leaves(colleagues):
    cookie = _cookie(colleagues["ans"])

    async def run():
        async with open_stream(cookie) as stream:
            assert await stream.read_until(": connected")
            assert colleagues["ans"].pk in bus().connected_user_ids()

    run_async(run)
    assert colleagues["ans"].pk not in bus().connected_user_ids()


def _write(django_capture_on_commit_callbacks, write):
    """Run a service call as a request would: its on_commit side effects run after it."""

    def run():
        with django_capture_on_commit_callbacks(execute=True):
            return write()

    return sync_to_async(run)()


def test_events_carries_a_new_post_if_the_viewer_may_read_it(
    colleagues, django_capture_on_commit_callbacks
):
    ans, bas = colleagues["ans"], colleagues["bas"]
    cookie = _cookie(ans)

    async def run():
        async with open_stream(cookie) as stream:
            assert await stream.read_until(": connected")
            post = await _write(
                django_capture_on_commit_callbacks,
                lambda: post_services.post_create(actor=bas, group=None, body="Koffie?"),
            )
            assert await stream.read_until("post.created")
            return post, stream.body

    post, body = run_async(run)
    assert f'"post_id":{post.pk},"group_id":null' in body
    assert "Koffie" not in body  # ids only: the page fetches the post itself


def test_events_carries_nothing_if_the_post_is_in_a_secret_group_of_others(
    colleagues, django_capture_on_commit_callbacks
):
    ans, bas, cor = colleagues["ans"], colleagues["bas"], colleagues["cor"]
    secret = group_services.group_create(
        actor=bas, name="Vertrouwelijk", description="", visibility="secret"
    )
    group_services.membership_add(actor=bas, group=secret, user=cor)
    cookies = {name: _cookie(colleagues[name]) for name in ("ans", "cor")}

    async def run():
        async with open_stream(cookies["ans"]) as outsider, open_stream(cookies["cor"]) as member:
            assert await outsider.read_until(": connected")
            assert await member.read_until(": connected")
            await _write(
                django_capture_on_commit_callbacks,
                lambda: post_services.post_create(actor=bas, group=secret, body="Geheim"),
            )
            assert await member.read_until("post.created")  # it was sent…
            return await outsider.read_for(SILENCE)  # …but not to the outsider

    assert "post.created" not in run_async(run)
    assert ans.pk != cor.pk


def test_events_carries_nothing_if_the_viewer_left_the_group(
    colleagues, django_capture_on_commit_callbacks
):
    ans, bas = colleagues["ans"], colleagues["bas"]
    closed = group_services.group_create(
        actor=bas, name="Teamleiders", description="", visibility="closed"
    )
    group_services.membership_add(actor=bas, group=closed, user=ans)
    post = post_services.post_create(actor=bas, group=closed, body="Agenda")
    group_services.membership_remove(actor=ans, group=closed, user=ans)
    cookie = _cookie(ans)

    async def run():
        async with open_stream(cookie) as stream:
            assert await stream.read_until(": connected")
            await _write(
                django_capture_on_commit_callbacks,
                lambda: post_services.reply_create(actor=bas, post=post, body="Punt 2"),
            )
            await _write(  # a sign that events flow: the company space is still Ans's
                django_capture_on_commit_callbacks,
                lambda: post_services.post_create(actor=bas, group=None, body="Lunch"),
            )
            assert await stream.read_until("post.created")
            return stream.body

    assert "reply.created" not in run_async(run)


def test_events_releases_the_database_connection_if_the_stream_is_open(transactional_db):
    if connection.vendor == "sqlite":
        pytest.skip("in-memory SQLite keeps its one connection open on purpose")
    # Committed data, no test transaction around the request: as in production.
    ans = user_create(username="ans", email="ans@example.org", password="x-Geheim-42")
    cookie = _cookie(ans)

    async def run():
        async with open_stream(cookie) as stream:
            assert await stream.read_until(": connected")
            return connection.connection is None

    assert run_async(run)


def test_events_streams_under_wsgi_if_served_by_runserver(colleagues):
    ans = colleagues["ans"]
    client = Client()
    client.force_login(ans)
    response = client.get("/events/")
    chunks = iter(response.streaming_content)
    try:
        assert next(chunks) == HELLO
        bus().publish([ans.pk], "reply.created", {"post_id": 1, "reply_id": 2})
        assert next(chunks).startswith(b"event: reply.created\n")
    finally:
        response.close()
    assert ans.pk not in bus().connected_user_ids()
