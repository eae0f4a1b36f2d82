"""The permission matrix for writing: posting and replying through the pages and the API.

Writing where one may not see gives the same 404 as a missing object (so a write never
confirms that a secret group exists); seeing but not being allowed gives 403; a refused
write changes nothing.
"""

import pytest

from kring.access.tests.conftest import SPACES, VIEWERS, Matrix
from kring.access.tests.expected import CAN_POST, reads, sees_group
from kring.access.tests.surfaces import LOGIN_PATH, client_for
from kring.posts.models import Post, Reply

CELLS = [(viewer, space) for viewer in VIEWERS for space in SPACES]
API = "/api/v1"


def _post_status(viewer: str, space: str, *, allowed: int, signed_out: int) -> int:
    if viewer == "anonymous":
        return signed_out
    if space in CAN_POST[viewer]:
        return allowed
    if space != "company" and not sees_group(viewer, space):
        return 404
    return 403


def _group_id(matrix: Matrix, space: str) -> int | None:
    group = matrix.group(space)
    return None if group is None else group.pk


@pytest.mark.parametrize(("viewer_kind", "space"), CELLS)
def test_api_post_create_returns_expected_status_if_cell(matrix, viewer_kind, space):
    before = Post.objects.count()
    response = client_for(matrix, viewer_kind).post(
        f"{API}/posts",
        {"group": _group_id(matrix, space), "body": "Nieuw bericht via de API"},
        content_type="application/json",
    )
    expected = _post_status(viewer_kind, space, allowed=201, signed_out=401)
    assert response.status_code == expected, response.content
    assert Post.objects.count() == before + (1 if expected == 201 else 0)


@pytest.mark.parametrize(("viewer_kind", "space"), CELLS)
def test_page_post_create_returns_expected_status_if_cell(matrix, viewer_kind, space):
    before = Post.objects.count()
    group = _group_id(matrix, space)
    response = client_for(matrix, viewer_kind).post(
        "/posts/new/", {"group": "company" if group is None else group, "body": "Nieuw bericht"}
    )
    expected = _post_status(viewer_kind, space, allowed=302, signed_out=302)
    assert response.status_code == expected
    if viewer_kind == "anonymous":
        assert response["Location"].startswith(LOGIN_PATH)
    assert Post.objects.count() == before + (
        1 if expected == 302 and viewer_kind != "anonymous" else 0
    )


@pytest.mark.parametrize(("viewer_kind", "space"), CELLS)
def test_replying_returns_404_if_unreadable_else_succeeds_if_cell(matrix, viewer_kind, space):
    client = client_for(matrix, viewer_kind)
    post, reply = matrix.posts[space], matrix.replies[space]
    before = Reply.objects.count()
    api = client.post(
        f"{API}/posts/{post.pk}/replies",
        {"body": "Antwoord via de API", "parent": reply.pk},
        content_type="application/json",
    )
    page = client.post(f"/posts/{post.pk}/replies/", {"body": "Antwoord", "parent": reply.pk})
    if viewer_kind == "anonymous":
        assert api.status_code == 401
        assert page.status_code == 302 and page["Location"].startswith(LOGIN_PATH)
        created = 0
    elif reads(viewer_kind, space):
        assert api.status_code == 201, api.content
        assert page.status_code == 302
        created = 2
    else:
        assert api.status_code == 404, api.content
        assert page.status_code == 404
        created = 0
    assert Reply.objects.count() == before + created
