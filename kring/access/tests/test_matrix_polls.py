"""The permission matrix for polls (issue 4): every viewer kind x every space.

Voting and seeing results follow the post the poll is in: whoever may not read it gets
the same 404 as for a missing post, and no response carries a marker (the options carry
the post's marker) of anything the viewer may not see. Results show only after voting,
to the post's author, or once the poll closed.
"""

import pytest
from django.utils import timezone

from kring import access
from kring.access.tests.conftest import SPACES, VIEWERS, Matrix, marker
from kring.access.tests.expected import reads
from kring.access.tests.surfaces import Expect, check, client_for, forbidden_markers
from kring.polls.models import Poll, PollVote
from kring.polls.selectors import poll_view_for
from kring.polls.services import PollDraft, poll_create, poll_vote

CELLS = [(viewer, space) for viewer in VIEWERS for space in SPACES]
API = "/api/v1"
HTMX = {"HX-Request": "true"}


def _polls_everywhere(matrix: Matrix) -> dict[str, list[int]]:
    """A poll on each space's post (by group_admin, its author); member voted in each."""
    options = {}
    for space in SPACES:
        post = matrix.posts[space]
        draft = PollDraft([f"Ja {marker(space, 'post')}", f"Nee {marker(space, 'post')}"])
        poll = poll_create(actor=matrix.users["group_admin"], post=post, draft=draft)
        options[space] = list(poll.options.values_list("pk", flat=True))
        poll_vote(actor=matrix.users["member"], post=post, option_ids=options[space][:1])
    return options


@pytest.mark.parametrize(("viewer_kind", "space"), CELLS)
def test_can_vote_returns_expected_if_cell(matrix, viewer_kind, space):
    viewer = matrix.viewer(viewer_kind)
    assert access.can_vote(viewer, matrix.posts[space]) == reads(viewer_kind, space)


@pytest.mark.parametrize(("viewer_kind", "space"), CELLS)
def test_voting_returns_404_if_unreadable_else_succeeds_if_cell(matrix, viewer_kind, space):
    options = _polls_everywhere(matrix)
    post = matrix.posts[space]
    client = client_for(matrix, viewer_kind)
    forbidden = forbidden_markers(viewer_kind)
    yes, no = options[space]
    attempts = {
        "page, htmx": client.post(f"/posts/{post.pk}/poll/vote/", {"option": yes}, headers=HTMX),
        "page, plain form": client.post(f"/posts/{post.pk}/poll/vote/", {"option": no}),
        "api": client.post(
            f"{API}/posts/{post.pk}/poll/vote", {"options": [yes]}, "application/json"
        ),
    }
    readable = reads(viewer_kind, space)
    problems = []
    for name, response in attempts.items():
        if viewer_kind == "anonymous":
            expected = (401,) if name == "api" else (302,)
        elif readable:
            expected = (302,) if name == "page, plain form" else (200,)
        else:
            expected = (404,)
        problems += check(name, response, Expect(expected), forbidden)
    assert not problems, f"{viewer_kind} x {space}:\n" + "\n".join(problems)
    viewer = matrix.users[viewer_kind]
    own = PollVote.objects.filter(user=viewer, poll_id=post.pk).count() if viewer else 0
    assert own == (1 if readable else 0)  # one vote, replaced by every later one


@pytest.mark.parametrize(("viewer_kind", "space"), CELLS)
def test_poll_results_show_only_if_voted_or_author_and_leak_nothing_if_cell(
    matrix, viewer_kind, space
):
    _polls_everywhere(matrix)
    post = matrix.posts[space]
    client = client_for(matrix, viewer_kind)
    forbidden = forbidden_markers(viewer_kind)
    readable = reads(viewer_kind, space)
    sees_results = readable and viewer_kind in ("member", "group_admin")  # voted / author
    problems = []
    block = client.get(f"/posts/{post.pk}/poll/", headers=HTMX)
    detail = client.get(f"{API}/posts/{post.pk}")
    feed = client.get("/")
    if viewer_kind == "anonymous":
        problems += check("block", block, Expect((302,)), forbidden)
        problems += check("api", detail, Expect((401,)), forbidden)
    elif not readable:
        problems += check("block", block, Expect((404,)), forbidden)
        problems += check("api", detail, Expect((404,)), forbidden)
        problems += check("feed", feed, Expect((200,)), forbidden)
    else:
        present = (f"Ja {marker(space, 'post')}",)
        problems += check("block", block, Expect((200,), present), forbidden)
        problems += check("api", detail, Expect((200,), present), forbidden)
        problems += check("feed", feed, Expect((200,)), forbidden)
        html = block.content.decode()
        if ("100%" in html) != sees_results:
            problems.append(f"block: results shown={('100%' in html)}, expected {sees_results}")
        poll = detail.json()["poll"]
        if poll["shows_results"] != sees_results or (poll["voters"] is not None) != sees_results:
            problems.append(f"api: shows_results={poll['shows_results']}, expected {sees_results}")
    assert not problems, f"{viewer_kind} x {space}:\n" + "\n".join(problems)


@pytest.mark.parametrize("viewer_kind", VIEWERS)
def test_closed_poll_shows_results_to_every_reader_if_viewer(matrix, viewer_kind):
    _polls_everywhere(matrix)
    Poll.objects.update(closes_at=timezone.now())
    viewer = matrix.viewer(viewer_kind)
    for space in SPACES:
        post = matrix.posts[space]
        if not reads(viewer_kind, space):
            continue
        poll = poll_view_for(viewer, post)
        assert poll.closed and poll.shows_results and not poll.may_vote, (viewer_kind, space)
