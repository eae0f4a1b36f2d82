"""The permission matrix for announcements (issue 4): every viewer kind x every space.

Who may announce, the pinned block on every feed, marking read, the who-read page and
the announcement notifications (bell, list, digest): whoever may not read the space gets
nothing of it, and no response carries a marker of anything the viewer may not see.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from kring import access
from kring.access.tests.conftest import GROUP_SPACES, SPACES, VIEWERS, Matrix, marker
from kring.access.tests.expected import (
    CAN_ANNOUNCE,
    CAN_POST,
    MEMBER_OF,
    READS_VISIBLE,
    reads,
    sees_group,
)
from kring.access.tests.surfaces import LOGIN_PATH, Expect, check, client_for, forbidden_markers
from kring.announcements import services
from kring.announcements.selectors import pinned_for
from kring.core.errors import ValidationFailed
from kring.notifications.digests import digest_content_for
from kring.notifications.models import Notification
from kring.posts.models import Post

CELLS = [(viewer, space) for viewer in VIEWERS for space in SPACES]


def _announcement_marker(space: str) -> str:
    return f"Aankondiging {marker(space, 'post')}"


@pytest.fixture
def announcements(matrix: Matrix, django_capture_on_commit_callbacks) -> dict[str, Post]:
    """The group admin, made a leader by the site admin, announces in every space."""
    admin = matrix.users["group_admin"]
    services.leader_appoint(actor=matrix.users["site_admin"], user=admin)
    posts = {}
    with django_capture_on_commit_callbacks(execute=True):
        for space in SPACES:
            posts[space] = services.announcement_create(
                actor=admin, group=matrix.group(space), body=_announcement_marker(space)
            )
    return posts


@pytest.mark.parametrize(("viewer_kind", "space"), CELLS)
def test_can_announce_in_returns_expected_if_cell(matrix, viewer_kind, space):
    viewer = matrix.viewer(viewer_kind)
    group = matrix.group(space)
    assert access.can_announce_in(viewer, group) == (space in CAN_ANNOUNCE[viewer_kind])


@pytest.mark.parametrize("viewer_kind", VIEWERS)
def test_can_announce_in_follows_can_post_if_viewer_is_made_leader(matrix, viewer_kind):
    user = matrix.users[viewer_kind]
    if user is not None:
        try:
            services.leader_appoint(actor=matrix.users["site_admin"], user=user)
        except ValidationFailed:
            assert user.is_guest
    viewer = matrix.viewer(viewer_kind)
    expected = CAN_POST[viewer_kind] if viewer_kind not in ("guest", "guest_member") else set()
    expected = expected | CAN_ANNOUNCE[viewer_kind]
    for space in SPACES:
        assert access.can_announce_in(viewer, matrix.group(space)) == (space in expected), space


def _pinned_spaces(viewer, space_of: dict[int, str], **where) -> set[str]:
    return {space_of[post.pk] for post in pinned_for(viewer, **where)}


@pytest.mark.parametrize("viewer_kind", VIEWERS)
def test_pinned_block_holds_only_readable_announcements_if_viewer(
    matrix, announcements, viewer_kind
):
    viewer = matrix.viewer(viewer_kind)
    space_of = {post.pk: space for space, post in announcements.items()}
    authored = viewer_kind == "group_admin"  # one's own announcements are never pinned
    home = {
        s
        for s in SPACES
        if reads(viewer_kind, s) and (s == "company" or s in MEMBER_OF[viewer_kind])
    }
    assert _pinned_spaces(viewer, space_of, space="home") == (set() if authored else home)
    company = {"company"} if reads(viewer_kind, "company") and not authored else set()
    assert _pinned_spaces(viewer, space_of, space="company") == company
    for space in GROUP_SPACES:
        expected = {space} if reads(viewer_kind, space) and not authored else set()
        assert _pinned_spaces(viewer, space_of, space=matrix.groups[space]) == expected


@pytest.mark.parametrize("viewer_kind", VIEWERS)
def test_feed_pages_leak_no_announcement_if_viewer(matrix, announcements, viewer_kind):
    client = client_for(matrix, viewer_kind)
    forbidden = forbidden_markers(viewer_kind)
    urls = ["/", "/company/"] + [
        matrix.groups[s].get_absolute_url() for s in GROUP_SPACES if sees_group(viewer_kind, s)
    ]
    problems = []
    for url in urls:
        response = client.get(url)
        statuses = (302,) if viewer_kind == "anonymous" else (200,)
        problems += check(url, response, Expect(statuses), forbidden)
    assert not problems, f"{viewer_kind}:\n" + "\n".join(problems)


@pytest.mark.parametrize(("viewer_kind", "space"), CELLS)
def test_mark_read_returns_404_if_unreadable_else_succeeds_if_cell(
    matrix, announcements, viewer_kind, space
):
    post = announcements[space]
    response = client_for(matrix, viewer_kind).post(f"/announcements/{post.pk}/read/")
    if viewer_kind == "anonymous":
        assert response.status_code == 302 and response["Location"].startswith(LOGIN_PATH)
    elif reads(viewer_kind, space):
        assert response.status_code == 302
        assert post.reads.filter(user=matrix.users[viewer_kind]).exists()
    else:
        assert response.status_code == 404
        assert not post.reads.exists()


@pytest.mark.parametrize(("viewer_kind", "space"), CELLS)
def test_reads_page_returns_expected_if_cell(matrix, announcements, viewer_kind, space):
    services.announcement_read(actor=matrix.users["member"], post=announcements[space])
    url = f"/announcements/{announcements[space].pk}/reads/"
    response = client_for(matrix, viewer_kind).get(url)
    forbidden = forbidden_markers(viewer_kind)
    if viewer_kind == "anonymous":
        problems = check(url, response, Expect((302,)), forbidden)
    elif space in READS_VISIBLE[viewer_kind]:
        problems = check(url, response, Expect((200,), ("Member", "Gelezen door 1")), forbidden)
    elif reads(viewer_kind, space):
        problems = check(url, response, Expect((403,)), forbidden)
    else:
        problems = check(url, response, Expect((404,)), forbidden)
    assert access.can_view_reads(matrix.viewer(viewer_kind), announcements[space]) == (
        space in READS_VISIBLE[viewer_kind]
    )
    assert not problems, f"{viewer_kind} x {space}:\n" + "\n".join(problems)


@pytest.mark.parametrize("viewer_kind", VIEWERS)
def test_announcement_notifications_reach_only_readers_if_viewer(
    matrix, announcements, viewer_kind
):
    user = matrix.users[viewer_kind]
    if user is None:
        assert access.visible(AnonymousUser(), Notification.objects.all()).count() == 0
        return
    expected = {
        s for s in SPACES if reads(viewer_kind, s) and viewer_kind != "group_admin"
    }  # the author is not notified of their own announcement
    space_of = {post.pk: space for space, post in announcements.items()}
    stored = Notification.objects.filter(recipient=user, kind="announcement")
    assert {space_of[n.post_id] for n in stored} == expected
    digest = digest_content_for(user, since=timezone.now() - timedelta(days=7))
    in_digest = {space_of[n.post_id] for n in digest.notifications if n.kind == "announcement"}
    assert in_digest == expected
    response = client_for(matrix, viewer_kind).get("/notifications/")
    problems = check("notifications", response, Expect((200,)), forbidden_markers(viewer_kind))
    assert not problems, f"{viewer_kind}:\n" + "\n".join(problems)
