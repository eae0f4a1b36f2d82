"""The permission matrix for realtime: events and the endpoints an open page asks after one.

Every signed-in viewer kind has a stream open while a post, a reply and an answer are
written in every space. A viewer must get the events of exactly the spaces they may
read (never their own), and events carry ids, never content. The endpoints live.js
calls (new replies of a thread, new posts of a feed) answer like the pages they belong to.
"""

import json

import pytest

from kring.access.tests.conftest import SPACES, VIEWERS, Matrix, marker
from kring.access.tests.expected import reads, sees_group
from kring.access.tests.surfaces import (
    Expect,
    check,
    client_for,
    content_markers,
    forbidden_markers,
)
from kring.posts import services as post_services
from kring.realtime.bus import LocalBus, Message, bus
from kring.realtime.events import POST_CREATED, REPLY_CREATED

SIGNED_IN = [viewer for viewer in VIEWERS if viewer != "anonymous"]
AUTHOR = "group_admin"


def _write_everywhere(matrix: Matrix, capture) -> dict[str, dict[str, int]]:
    """A new post, reply and answer in every space; returns their ids per space."""
    written = {}
    author, member = matrix.users[AUTHOR], matrix.users["member"]
    for space in SPACES:
        with capture(execute=True):
            post = post_services.post_create(
                actor=author, group=matrix.group(space), body=f"Nieuw {marker(space, 'post')}"
            )
        with capture(execute=True):
            reply = post_services.reply_create(
                actor=member, post=post, body=f"Nieuw {marker(space, 'reply')}"
            )
        with capture(execute=True):
            answer = post_services.reply_create(
                actor=author, post=post, parent=reply, body=f"Nieuw {marker(space, 'answer')}"
            )
        written[space] = {"post": post.pk, "reply": reply.pk, "answer": answer.pk}
    return written


@pytest.fixture
def streams(matrix) -> dict[str, object]:
    """A stream open for every signed-in viewer kind, on this process's bus."""
    local: LocalBus = bus()
    subscriptions = {kind: local.subscribe(matrix.users[kind].pk) for kind in SIGNED_IN}
    yield subscriptions
    for subscription in subscriptions.values():
        local.unsubscribe(subscription)


def test_events_reach_exactly_the_viewers_who_may_read_the_space(
    matrix, streams, django_capture_on_commit_callbacks
):
    written = _write_everywhere(matrix, django_capture_on_commit_callbacks)
    problems = []
    for kind, subscription in streams.items():
        received: list[Message] = subscription.next(0)
        posts = {m.data["post_id"] for m in received if m.event == POST_CREATED}
        replies = {m.data["reply_id"] for m in received if m.event == REPLY_CREATED}
        for space in SPACES:
            ids = written[space]
            may = reads(kind, space)
            # The author's own writes are not echoed to them; the member wrote the replies.
            expect = {
                "post": may and kind != AUTHOR,
                "reply": may and kind != "member",
                "answer": may and kind != AUTHOR,
            }
            got = {
                "post": ids["post"] in posts,
                "reply": ids["reply"] in replies,
                "answer": ids["answer"] in replies,
            }
            for what in ("post", "reply", "answer"):
                if got[what] != expect[what]:
                    leak = "LEAK" if got[what] else "missing"
                    problems.append(f"{kind} x {space} {what}: {leak}")
        if "MARKER" in json.dumps([m.data for m in received]):
            problems.append(f"{kind}: content in an event (events carry ids only)")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("viewer_kind", VIEWERS)
def test_new_replies_endpoint_answers_like_the_thread_page_if_viewer(matrix, viewer_kind):
    client = client_for(matrix, viewer_kind)
    forbidden = forbidden_markers(viewer_kind)
    problems = []
    for space in SPACES:
        post = matrix.posts[space]
        readable = reads(viewer_kind, space)
        if viewer_kind == "anonymous":
            expect = Expect((302,))
        else:
            expect = Expect(
                (200,) if readable else (404,), content_markers(space)[1:] if readable else ()
            )
        response = client.get(f"/posts/{post.pk}/replies/new/?since=0")
        problems += check(f"new replies {space}", response, expect, forbidden)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("viewer_kind", VIEWERS)
def test_new_posts_endpoint_lists_exactly_the_readable_posts_if_viewer(matrix, viewer_kind):
    client = client_for(matrix, viewer_kind)
    problems = []
    for space in SPACES:
        post = matrix.posts[space]
        group = matrix.group(space)
        spaces = ["home"] + (["company"] if group is None else [str(group.pk)])
        for asked in spaces:
            response = client.get(f"/feed/new/?space={asked}&after=0")
            name = f"new posts {space} asked as {asked}"
            if viewer_kind == "anonymous":
                if response.status_code != 302:
                    problems.append(f"{name}: status {response.status_code}, expected 302")
                continue
            if group is not None and asked != "home" and not sees_group(viewer_kind, space):
                if response.status_code != 404:
                    problems.append(f"{name}: status {response.status_code}, expected 404")
                continue
            if response.status_code != 200:
                problems.append(f"{name}: status {response.status_code}, expected 200")
                continue
            listed = post.pk in response.json()["post_ids"]
            # A guest's home feed is their groups; the company space is for employees.
            if listed != reads(viewer_kind, space):
                problems.append(f"{name}: {'LEAK' if listed else 'missing'}")
    assert not problems, "\n".join(problems)
