"""The permission matrix on the REST API: every viewer kind x every space x every endpoint.

Signed in through the session (force_login) and, for one viewer, through a personal token.
Invisible objects are 404; a marker of anything the viewer may not read never appears.
"""

import pytest
from django.test import Client

from kring.access.tests.conftest import PASSWORD, SPACES, VIEWERS, Matrix, marker
from kring.access.tests.expected import PROFILE_OF_MEMBER_VISIBLE, reads, sees_group
from kring.access.tests.surfaces import (
    Expect,
    check,
    client_for,
    forbidden_markers,
)

CELLS = [(viewer, space) for viewer in VIEWERS for space in SPACES]
API = "/api/v1"


def api_expectations(matrix: Matrix, viewer: str, space: str) -> list[tuple[str, str, Expect]]:
    """The endpoints to call for one cell, each with what it must answer for this viewer."""
    readable, listed = reads(viewer, space), sees_group(viewer, space)
    post_text = (marker(space, "post"),) if readable else ()
    calls = []
    group = matrix.group(space)
    if group is not None:
        shown = (marker(space, "group"),) if listed else ()
        calls += [
            ("group list", f"{API}/groups", Expect((200,), shown)),
            ("group search", f"{API}/groups?q=MARKER", Expect((200,), shown)),
            (
                "group detail",
                f"{API}/groups/{group.pk}",
                Expect((200,) if listed else (404,), shown),
            ),
            (
                "group feed",
                f"{API}/posts?group={group.pk}",
                # a listed closed group may refuse its feed; an invisible one is always 404
                Expect((200,) if readable else (200, 403, 404) if listed else (404,), post_text),
            ),
        ]
    post = matrix.posts[space]
    replies = (marker(space, "reply"), marker(space, "answer")) if readable else ()
    calls += [
        ("home feed", f"{API}/posts?feed=home", Expect((200,), post_text)),
        (
            "company feed",
            f"{API}/posts?feed=company",
            Expect(
                (200, 403, 404) if not reads(viewer, "company") else (200,),
                post_text if space == "company" else (),
            ),
        ),
        (
            "post detail",
            f"{API}/posts/{post.pk}",
            Expect((200,) if readable else (404,), post_text),
        ),
        (
            "replies",
            f"{API}/posts/{post.pk}/replies",
            Expect((200,) if readable else (404,), replies),
        ),
        ("people", f"{API}/people", Expect((200,))),
        ("people search", f"{API}/people?q=member", Expect((200,))),
        (
            "a member of every group",
            f"{API}/people/{matrix.users['member'].pk}",
            Expect((200,) if PROFILE_OF_MEMBER_VISIBLE[viewer] else (404,)),
        ),
        ("me", f"{API}/me", Expect((200,))),
    ]
    return calls


@pytest.mark.parametrize(("viewer_kind", "space"), CELLS)
def test_api_returns_expected_and_leaks_nothing_if_cell(matrix, viewer_kind, space):
    client = client_for(matrix, viewer_kind)
    forbidden = forbidden_markers(viewer_kind)
    problems = []
    for name, url, expect in api_expectations(matrix, viewer_kind, space):
        if viewer_kind == "anonymous":
            expect = Expect((401,))  # never content, never a hint of what exists
        response = client.get(url)
        problems += check(f"{name} {url}", response, expect, forbidden)
        if response.status_code < 500 and not response["Content-Type"].startswith(
            "application/json"
        ):
            problems.append(f"{name}: answered {response['Content-Type']}, not JSON")
    assert not problems, f"{viewer_kind} x {space}:\n" + "\n".join(problems)


def test_api_returns_same_404_if_post_missing_or_invisible(matrix):
    client = client_for(matrix, "outsider")
    hidden = client.get(f"{API}/posts/{matrix.posts['closed'].pk}")
    missing = client.get(f"{API}/posts/999999")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json()


@pytest.mark.parametrize("viewer_kind", ["guest_member", "outsider", "site_admin"])
def test_api_hides_forbidden_content_if_signed_in_with_token(matrix, viewer_kind):
    anonymous = Client()
    answer = anonymous.post(
        f"{API}/auth/token",
        {"username": matrix.users[viewer_kind].username, "password": PASSWORD},
        content_type="application/json",
    )
    assert answer.status_code in (200, 201), answer.content
    headers = {"Authorization": f"Bearer {answer.json()['token']}"}
    forbidden = forbidden_markers(viewer_kind)
    problems = []
    for space in SPACES:
        for name, url, expect in api_expectations(matrix, viewer_kind, space):
            response = anonymous.get(url, headers=headers)
            problems += check(f"{name} {url}", response, expect, forbidden)
    assert not problems, "\n".join(problems)
