"""The permission matrix for "who knows this" (issue 5): every viewer kind x every space.

In each space group_admin asks a question about "fietsplan" and accepts member's reply.
Member's accepted answers are counted, and their questions listed on member's profile,
exactly for the spaces the viewer may read; nobody sees member who may not see them.
"""

import pytest

from kring import access
from kring.access.tests.conftest import SPACES, VIEWERS, Matrix, marker
from kring.access.tests.expected import reads
from kring.access.tests.surfaces import Expect, check, client_for, forbidden_markers
from kring.experts.selectors import experts_for
from kring.questions.services import question_accept_answer, question_create
from kring.search.services import index_rebuild


def _answered_everywhere(matrix: Matrix) -> None:
    for space in SPACES:
        post = matrix.posts[space]
        question_create(
            actor=matrix.users["group_admin"],
            post=post,
            title=f"Fietsplan {marker(space, 'post')}",
        )
        question_accept_answer(
            actor=matrix.users["group_admin"], post=post, reply_id=matrix.replies[space].pk
        )
    index_rebuild()


@pytest.mark.parametrize("viewer_kind", VIEWERS)
def test_experts_for_returns_answers_counted_only_in_readable_spaces_if_viewer(matrix, viewer_kind):
    _answered_everywhere(matrix)
    viewer = matrix.viewer(viewer_kind)
    member = matrix.users["member"]
    found = {e.person.pk: e for e in experts_for(viewer, query="fietsplan")}
    readable = [space for space in SPACES if reads(viewer_kind, space)]
    shows_member = (
        viewer_kind not in ("anonymous", "member")
        and access.can_view(viewer, member)
        and bool(readable)
    )
    assert (member.pk in found) == shows_member
    if shows_member:
        assert found[member.pk].accepted == len(readable)


@pytest.mark.parametrize("viewer_kind", VIEWERS)
def test_who_knows_surfaces_return_no_hidden_marker_if_viewer(matrix, viewer_kind):
    _answered_everywhere(matrix)
    client = client_for(matrix, viewer_kind)
    member = matrix.users["member"]
    readable = [space for space in SPACES if reads(viewer_kind, space)]
    sees_profile = viewer_kind != "anonymous" and access.can_view(
        matrix.viewer(viewer_kind), member
    )
    if viewer_kind == "anonymous":
        profile, block = Expect((302,)), Expect((302,))
    elif sees_profile:
        profile = Expect((200,), tuple(marker(space, "post") for space in readable))
        block = Expect((200,))
    else:
        profile, block = Expect((404,)), Expect((200,))
    forbidden = forbidden_markers(viewer_kind)
    problems = check("profile", client.get(member.get_absolute_url()), profile, forbidden)
    problems += check("block", client.get("/experts/", {"q": "fietsplan"}), block, forbidden)
    problems += check("topic page", client.get("/topics/fietsplan/"), block, forbidden)
    assert not problems, f"{viewer_kind}:\n" + "\n".join(problems)


# Audit of issue 5: a topic page for a tag nobody wrote shows no block (decision 0023). A
# tag written only where the viewer cannot read must look the same, or the block's
# presence tells that hidden posts use it (decision 0012).
@pytest.mark.parametrize("viewer_kind", [v for v in VIEWERS if v != "anonymous"])
def test_topic_page_returns_who_knows_block_only_if_viewer_reads_a_use_of_the_tag(
    matrix, viewer_kind
):
    from kring.posts.services import post_create

    post_create(
        actor=matrix.users["group_admin"], group=matrix.group("secret"), body="Over #fietsplan"
    )
    _answered_everywhere(matrix)
    response = client_for(matrix, viewer_kind).get("/topics/fietsplan/")
    assert response.status_code == 200
    shows_block = 'id="who-knows-title"' in response.content.decode()
    if not reads(viewer_kind, "secret"):
        assert not shows_block
    if viewer_kind == "group_admin":
        assert shows_block
