"""The permission matrix on the HTML pages: every viewer kind x every space x every page.

A page passes when its status is the expected one, the content the viewer may read is
there, and no marker of anything the viewer may not see appears anywhere in the body.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from kring.access.tests.conftest import SPACES, VIEWERS, Matrix, marker
from kring.access.tests.expected import PROFILE_OF_MEMBER_VISIBLE, reads, sees_group
from kring.access.tests.surfaces import (
    LOGIN_PATH,
    Expect,
    check,
    client_for,
    content_markers,
    forbidden_markers,
)
from kring.core.pagination import encode_cursor
from kring.core.testing import page_without_tokens

CELLS = [(viewer, space) for viewer in VIEWERS for space in SPACES]
# Before every reply path: a "next page" of a thread from here holds all its replies.
FIRST_PATH = "0" * 10
EMPLOYEES = {"outsider", "member", "group_admin", "site_admin"}


def page_expectations(matrix: Matrix, viewer: str, space: str) -> list[tuple[str, str, Expect]]:
    """The pages to fetch for one cell, each with what it must answer for this viewer."""
    readable, listed = reads(viewer, space), sees_group(viewer, space)
    post_text = (marker(space, "post"),) if readable else ()
    pages = []
    group = matrix.group(space)
    if group is not None:
        shown = (marker(space, "group"),) if listed else ()
        pages += [
            (
                "group page",
                group.get_absolute_url(),
                Expect((200,) if listed else (404,), shown + post_text),
            ),
            (
                "group members page",
                f"/groups/{group.slug}/members/",
                # a closed group's members may be listed or refused; invisible is always 404
                Expect((200,) if readable else (200, 403) if listed else (404,)),
            ),
            ("group directory", "/groups/", Expect((200,), shown)),
        ]
    post, reply, answer = matrix.posts[space], matrix.replies[space], matrix.answers[space]
    thread = content_markers(space) if readable else ()
    pages += [
        ("post permalink", f"/posts/{post.pk}/", Expect((200,) if readable else (404,), thread)),
        (
            "reply permalink",
            f"/posts/replies/{reply.pk}/",
            Expect((200,) if readable else (404,), thread),
        ),
        (
            "answer permalink",
            f"/posts/replies/{answer.pk}/",
            Expect((200,) if readable else (404,), thread),
        ),
        (
            "post page, later replies",
            f"/posts/{post.pk}/?after={FIRST_PATH}",
            Expect((200,) if readable else (404,), thread),
        ),
        (
            "post page, answering a reply",
            f"/posts/{post.pk}/?reply_to={answer.pk}",
            Expect((200,) if readable else (404,), thread),
        ),
        ("home feed", "/", Expect((200,), post_text)),
        (
            "company feed",
            "/company/",
            Expect(
                (200,) if viewer in EMPLOYEES else (200, 403, 404),
                post_text if space == "company" else (),
            ),
        ),
        ("people directory", "/people/", Expect((200,))),
        (
            "profile of a member of every group",
            f"/people/{matrix.users['member'].username}/",
            Expect((200,) if PROFILE_OF_MEMBER_VISIBLE[viewer] else (404,)),
        ),
    ]
    return pages


def fragment_expectations(matrix: Matrix, viewer: str, space: str) -> list[tuple[str, str, Expect]]:
    """The htmx fragments ("load more", directory search) that must follow the same rules."""
    readable, listed = reads(viewer, space), sees_group(viewer, space)
    post_text = (marker(space, "post"),) if readable else ()
    # a cursor from tomorrow: the "next page" then holds every post
    cursor = encode_cursor(timezone.now() + timedelta(days=1), 10**9)
    fragments = [
        ("home feed, next page", f"/?cursor={cursor}", Expect((200,), post_text)),
        (
            "company feed, next page",
            f"/company/?cursor={cursor}",
            Expect(
                (200,) if viewer in EMPLOYEES else (200, 403, 404),
                post_text if space == "company" else (),
            ),
        ),
        ("people search", "/people/?q=MARKER", Expect((200,))),
        (
            "thread, next page",
            f"/posts/{matrix.posts[space].pk}/?after={FIRST_PATH}",
            Expect((200,) if readable else (404,), content_markers(space)[1:] if readable else ()),
        ),
    ]
    group = matrix.group(space)
    if group is not None:
        fragments += [
            (
                "group feed, next page",
                f"{group.get_absolute_url()}?cursor={cursor}",
                Expect((200,) if listed else (404,), post_text),
            ),
            (
                "group directory search",
                "/groups/?q=MARKER",
                Expect((200,), (marker(space, "group"),) if listed else ()),
            ),
        ]
    return fragments


@pytest.mark.parametrize(("viewer_kind", "space"), CELLS)
def test_pages_return_expected_and_leak_nothing_if_cell(matrix, viewer_kind, space):
    client = client_for(matrix, viewer_kind)
    forbidden = forbidden_markers(viewer_kind)
    problems = []
    for name, url, expect in page_expectations(matrix, viewer_kind, space):
        response = client.get(url, follow=True)
        if viewer_kind == "anonymous":
            # the signed-out visitor is sent to sign in, whatever exists behind the url
            expect = Expect((200,))
            if not response.request["PATH_INFO"].startswith(LOGIN_PATH):
                problems.append(f"{name}: anonymous not sent to {LOGIN_PATH}")
        problems += check(f"{name} {url}", response, expect, forbidden)
    assert not problems, f"{viewer_kind} x {space}:\n" + "\n".join(problems)


@pytest.mark.parametrize(("viewer_kind", "space"), CELLS)
def test_htmx_fragments_return_expected_and_leak_nothing_if_cell(matrix, viewer_kind, space):
    client = client_for(matrix, viewer_kind)
    forbidden = forbidden_markers(viewer_kind)
    problems = []
    for name, url, expect in fragment_expectations(matrix, viewer_kind, space):
        target = "people-results"
        if url.startswith("/groups/?"):
            target = "group-results"
        elif url.startswith("/posts/"):
            target = "replies-more"
        headers = {"HX-Request": "true", "HX-Target": target}
        response = client.get(url, headers=headers)
        if viewer_kind == "anonymous":
            expect = Expect((302, 401, 403))  # never content, whatever the fragment
        problems += check(f"{name} {url}", response, expect, forbidden)
    assert not problems, f"{viewer_kind} x {space}:\n" + "\n".join(problems)


@pytest.mark.parametrize("viewer_kind", sorted(EMPLOYEES))
def test_company_feed_shows_no_group_post_if_employee(matrix, viewer_kind):
    body = client_for(matrix, viewer_kind).get("/company/").content.decode()
    for space in ("open", "closed", "secret"):
        assert marker(space, "post") not in body
    assert marker("company", "post") in body


def test_post_page_returns_same_404_if_missing_or_invisible(matrix):
    client = client_for(matrix, "outsider")
    hidden = client.get(f"/posts/{matrix.posts['secret'].pk}/")
    missing = client.get("/posts/999999/")
    assert hidden.status_code == missing.status_code == 404
    assert page_without_tokens(hidden.content) == page_without_tokens(missing.content)
