"""The permission matrix for reactions and praise (issue 4): every viewer kind x every space.

Reacting, the who-reacted lists and the praise on profiles follow the post they belong
to: whoever may not read it gets the same 404 as for a missing post (or no praise at
all), and no response carries a marker of anything the viewer may not see.
"""

import pytest

from kring import access
from kring.access.tests.conftest import SPACES, VIEWERS, Matrix, marker
from kring.access.tests.expected import PROFILE_OF_MEMBER_VISIBLE, reads
from kring.access.tests.surfaces import LOGIN_PATH, Expect, check, client_for, forbidden_markers
from kring.reactions import services
from kring.reactions.models import Reaction
from kring.realtime.bus import bus
from kring.realtime.events import REACTION_CHANGED

CELLS = [(viewer, space) for viewer in VIEWERS for space in SPACES]
API = "/api/v1"
HTMX = {"HX-Request": "true"}


@pytest.mark.parametrize(("viewer_kind", "space"), CELLS)
def test_can_react_returns_expected_if_cell(matrix, viewer_kind, space):
    viewer = matrix.viewer(viewer_kind)
    for target in (matrix.posts[space], matrix.replies[space], matrix.answers[space]):
        assert access.can_react(viewer, target) == reads(viewer_kind, space), target


@pytest.mark.parametrize(("viewer_kind", "space"), CELLS)
def test_reacting_returns_404_if_unreadable_else_succeeds_if_cell(matrix, viewer_kind, space):
    client = client_for(matrix, viewer_kind)
    forbidden = forbidden_markers(viewer_kind)
    post, reply = matrix.posts[space], matrix.replies[space]
    attempts = {
        "page, htmx": client.post(f"/posts/{post.pk}/react/", {"kind": "like"}, headers=HTMX),
        "page, plain form": client.post(f"/posts/replies/{reply.pk}/react/", {"kind": "thanks"}),
        "api, post": client.post(f"{API}/posts/{post.pk}/reactions/celebrate"),
        "api, reply": client.post(f"{API}/replies/{reply.pk}/reactions/insightful"),
    }
    readable = reads(viewer_kind, space)
    problems = []
    for name, response in attempts.items():
        if viewer_kind == "anonymous":
            expected = (401,) if name.startswith("api") else (302, 401, 403)
        elif readable:
            expected = (302,) if name == "page, plain form" else (200,)
        else:
            expected = (404,)
        problems += check(name, response, Expect(expected), forbidden)
    assert not problems, f"{viewer_kind} x {space}:\n" + "\n".join(problems)
    assert Reaction.objects.count() == (4 if readable and viewer_kind != "anonymous" else 0)


def _react_everywhere(matrix: Matrix) -> None:
    for space in SPACES:
        for target in (matrix.posts[space], matrix.replies[space]):
            services.reaction_toggle(actor=matrix.users["member"], target=target, kind="like")


@pytest.mark.parametrize(("viewer_kind", "space"), CELLS)
def test_who_reacted_returns_404_if_unreadable_and_leaks_nothing_if_cell(
    matrix, viewer_kind, space
):
    _react_everywhere(matrix)
    client = client_for(matrix, viewer_kind)
    forbidden = forbidden_markers(viewer_kind)
    readable = reads(viewer_kind, space)
    problems = []
    for name, url in (
        ("post reactions", f"/posts/{matrix.posts[space].pk}/reactions/"),
        ("reply reactions", f"/posts/replies/{matrix.replies[space].pk}/reactions/"),
    ):
        response = client.get(url)
        if viewer_kind == "anonymous":
            expect = Expect((302,))
            if not response["Location"].startswith(LOGIN_PATH):
                problems.append(f"{name}: anonymous not sent to {LOGIN_PATH}")
        else:
            expect = Expect((200,) if readable else (404,), ("Member",) if readable else ())
        problems += check(f"{name} {url}", response, expect, forbidden)
    assert not problems, f"{viewer_kind} x {space}:\n" + "\n".join(problems)


def _praise_everywhere(matrix: Matrix) -> None:
    for space in SPACES:
        services.praise_create(
            actor=matrix.users["group_admin"],
            group=matrix.group(space),
            body=f"Compliment {marker(space, 'post')}",
            praised_ids=[matrix.users["member"].pk],
            reason=f"hulp in {space}",
        )


@pytest.mark.parametrize("viewer_kind", VIEWERS)
def test_profile_praise_shows_only_readable_posts_if_viewer(matrix, viewer_kind):
    _praise_everywhere(matrix)
    response = client_for(matrix, viewer_kind).get(f"/people/{matrix.users['member'].username}/")
    if viewer_kind == "anonymous" or not PROFILE_OF_MEMBER_VISIBLE[viewer_kind]:
        assert response.status_code in (302, 404)
        return
    present = tuple(f"Compliment {marker(s, 'post')}" for s in SPACES if reads(viewer_kind, s))
    problems = check("profile", response, Expect((200,), present), forbidden_markers(viewer_kind))
    assert not problems, f"{viewer_kind}:\n" + "\n".join(problems)


@pytest.fixture
def streams(matrix):
    """A stream open for every signed-in viewer kind on this process's bus."""
    local = bus()
    subscriptions = {
        kind: local.subscribe(matrix.users[kind].pk) for kind in VIEWERS if kind != "anonymous"
    }
    yield subscriptions
    for subscription in subscriptions.values():
        local.unsubscribe(subscription)


def test_reaction_events_reach_exactly_the_readers_but_the_reactor(
    matrix, streams, django_capture_on_commit_callbacks
):
    actor = matrix.users["group_admin"]
    for space in SPACES:
        with django_capture_on_commit_callbacks(execute=True):
            services.reaction_set(actor=actor, target=matrix.posts[space], kind="like", on=True)
            services.reaction_set(actor=actor, target=matrix.replies[space], kind="thanks", on=True)
    problems = []
    for kind, subscription in streams.items():
        events = [e.data for e in subscription.next(0) if e.event == REACTION_CHANGED]
        for space in SPACES:
            for key, target in (
                ("post_id", matrix.posts[space]),
                ("reply_id", matrix.replies[space]),
            ):
                got = {key: target.pk} in events
                expected = reads(kind, space) and kind != "group_admin"
                if got != expected:
                    problems.append(f"{kind} x {space} {key}: {'LEAK' if got else 'missing'}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("viewer_kind", "space"), CELLS)
def test_reaction_bar_fragment_answers_like_the_post_if_cell(matrix, viewer_kind, space):
    client = client_for(matrix, viewer_kind)
    post, reply = matrix.posts[space], matrix.replies[space]
    services.reaction_set(actor=matrix.users["member"], target=post, kind="like", on=True)
    readable = reads(viewer_kind, space)
    if viewer_kind == "anonymous":
        expect = Expect((302,))
    else:
        expect = Expect((200,) if readable else (404,))
    problems = []
    for name, url in (
        ("post bar", f"/posts/{post.pk}/reactions/bar/"),
        ("reply bar", f"/posts/replies/{reply.pk}/reactions/bar/"),
    ):
        problems += check(name, client.get(url), expect, forbidden_markers(viewer_kind))
    if readable and viewer_kind != "anonymous":
        body = client.get(f"/posts/{post.pk}/reactions/bar/").content.decode()
        assert f'id="reactions-post-{post.pk}"' in body and "reaction-count" in body
    assert not problems, f"{viewer_kind} x {space}:\n" + "\n".join(problems)
