"""The permission matrix for questions and answers (issue 5): every viewer kind x every space.

Each space's post is a question asked by group_admin; member's reply is its answer.
Voting and accepting follow the post: whoever may not read it gets the same 404 as for a
missing post, whoever may read but not act a translated 403. The question lists (page
and API, overall and per group) show exactly the readable questions, and no response
carries a marker of anything the viewer may not see.
"""

import pytest

from kring import access
from kring.access.tests.conftest import GROUP_SPACES, SPACES, VIEWERS, Matrix, marker
from kring.access.tests.expected import CAN_ACCEPT, CAN_POST, reads, sees_group
from kring.access.tests.surfaces import (
    LOGIN_PATH,
    Expect,
    check,
    client_for,
    content_markers,
    forbidden_markers,
)
from kring.questions.models import AnswerVote, Question
from kring.questions.services import question_accept_answer, question_create
from kring.search.services import index_rebuild

CELLS = [(viewer, space) for viewer in VIEWERS for space in SPACES]
API = "/api/v1"
HTMX = {"HX-Request": "true"}


def _questions_everywhere(matrix: Matrix) -> None:
    for space in SPACES:
        question_create(
            actor=matrix.users["group_admin"],
            post=matrix.posts[space],
            title=f"Vraag {marker(space, 'post')}",
        )


@pytest.mark.parametrize(("viewer_kind", "space"), CELLS)
def test_question_rules_return_expected_if_cell(matrix, viewer_kind, space):
    _questions_everywhere(matrix)
    viewer = matrix.viewer(viewer_kind)
    post = matrix.posts[space]
    post.refresh_from_db()
    may_read = reads(viewer_kind, space) and viewer_kind != "anonymous"
    assert access.can_vote_answer(viewer, matrix.replies[space]) == may_read
    assert access.can_accept_answer(viewer, post) == (space in CAN_ACCEPT[viewer_kind])


@pytest.mark.parametrize(("viewer_kind", "space"), CELLS)
def test_voting_returns_404_if_unreadable_else_counts_if_cell(matrix, viewer_kind, space):
    _questions_everywhere(matrix)
    client = client_for(matrix, viewer_kind)
    reply = matrix.replies[space]
    readable = reads(viewer_kind, space)
    own = viewer_kind == "member"  # member wrote the answer
    attempts = {
        "page, htmx": client.post(f"/questions/answers/{reply.pk}/vote/", headers=HTMX),
        "api": client.post(f"{API}/answers/{reply.pk}/vote"),
    }
    problems = []
    for name, response in attempts.items():
        if viewer_kind == "anonymous":
            expected = (401,) if name == "api" else (302,)
        elif not readable:
            expected = (404,)
        elif own:
            expected = (403,)
        else:
            expected = (200,)
        problems += check(name, response, Expect(expected), forbidden_markers(viewer_kind))
    assert not problems, f"{viewer_kind} x {space}:\n" + "\n".join(problems)
    # Voted by htmx, taken back by the API: nothing stays, in any cell.
    assert not AnswerVote.objects.exists()


@pytest.mark.parametrize(("viewer_kind", "space"), CELLS)
def test_accepting_returns_404_or_403_unless_asker_or_admin_if_cell(matrix, viewer_kind, space):
    _questions_everywhere(matrix)
    client = client_for(matrix, viewer_kind)
    post, reply = matrix.posts[space], matrix.replies[space]
    readable = reads(viewer_kind, space)
    accepts = space in CAN_ACCEPT[viewer_kind]
    attempts = {
        "page, plain form": client.post(f"/questions/{post.pk}/accept/", {"reply": reply.pk}),
        "api": client.post(
            f"{API}/questions/{post.pk}/accept", {"reply": reply.pk}, "application/json"
        ),
    }
    problems = []
    for name, response in attempts.items():
        if viewer_kind == "anonymous":
            expected = (401,) if name == "api" else (302,)
        elif not readable:
            expected = (404,)
        elif not accepts:
            expected = (403,)
        else:
            expected = (200,) if name == "api" else (302,)
        problems += check(name, response, Expect(expected), forbidden_markers(viewer_kind))
    assert not problems, f"{viewer_kind} x {space}:\n" + "\n".join(problems)
    accepted = Question.objects.get(pk=post.pk).accepted_answer_id
    assert accepted == (reply.pk if accepts else None)


@pytest.mark.parametrize("viewer_kind", VIEWERS)
def test_question_lists_show_exactly_the_readable_questions_if_viewer(matrix, viewer_kind):
    _questions_everywhere(matrix)
    client = client_for(matrix, viewer_kind)
    forbidden = forbidden_markers(viewer_kind)
    present = tuple(f"Vraag {marker(s, 'post')}" for s in SPACES if reads(viewer_kind, s))
    problems = []
    for name, url in (
        ("page, open", "/questions/"),
        ("page, all", "/questions/?show=all"),
        ("api", f"{API}/questions?show=all"),
    ):
        response = client.get(url)
        if viewer_kind == "anonymous":
            expect = Expect((401,) if name == "api" else (302,))
            if name != "api" and not response["Location"].startswith(LOGIN_PATH):
                problems.append(f"{name}: anonymous not sent to {LOGIN_PATH}")
        else:
            expect = Expect((200,), present)
        problems += check(name, response, expect, forbidden)
    assert not problems, f"{viewer_kind}:\n" + "\n".join(problems)


@pytest.mark.parametrize(("viewer_kind", "space"), [(v, s) for v in VIEWERS for s in GROUP_SPACES])
def test_group_question_list_returns_404_if_group_unseen_and_leaks_nothing_if_cell(
    matrix, viewer_kind, space
):
    _questions_everywhere(matrix)
    client = client_for(matrix, viewer_kind)
    group = matrix.groups[space]
    title = f"Vraag {marker(space, 'post')}"
    problems = []
    for name, url in (
        ("page", f"/questions/?show=all&group={group.pk}"),
        ("api", f"{API}/questions?show=all&group={group.pk}"),
    ):
        if viewer_kind == "anonymous":
            expect = Expect((401,) if name == "api" else (302,))
        elif not sees_group(viewer_kind, space):
            expect = Expect((404,))
        else:
            expect = Expect((200,), (title,) if reads(viewer_kind, space) else ())
        problems += check(name, client.get(url), expect, forbidden_markers(viewer_kind))
    assert not problems, f"{viewer_kind} x {space}:\n" + "\n".join(problems)


@pytest.mark.parametrize("viewer_kind", VIEWERS)
def test_question_suggestions_show_only_readable_questions_if_viewer(matrix, viewer_kind):
    """ "Ask before you post": the suggestions for a title offer exactly the readable questions."""
    _questions_everywhere(matrix)
    index_rebuild()
    client = client_for(matrix, viewer_kind)
    response = client.get(
        "/questions/suggestions/", {"question_title": "Vraag marker"}, headers=HTMX
    )
    if viewer_kind == "anonymous":
        assert response.status_code == 302 and LOGIN_PATH in response["Location"]
        return
    present = tuple(marker(space, "post") for space in SPACES if reads(viewer_kind, space))
    problems = check(
        "question suggestions", response, Expect((200,), present), forbidden_markers(viewer_kind)
    )
    assert not problems, f"{viewer_kind}:\n" + "\n".join(problems)


@pytest.mark.parametrize("viewer_kind", VIEWERS)
def test_best_practice_from_answer_only_for_readers_who_write_there_if_viewer(matrix, viewer_kind):
    """ "Bewaar als best practice" on an accepted answer: the button and the editor for
    readers who may write in the space; a 404 (and no button) for everyone else."""
    _questions_everywhere(matrix)
    client = client_for(matrix, viewer_kind)
    problems = []
    for space in SPACES:
        post = matrix.posts[space]
        question_accept_answer(
            actor=matrix.users["group_admin"], post=post, reply_id=matrix.replies[space].pk
        )
        url = f"/knowledge/from-answer/{post.pk}/"
        response = client.get(url)
        if viewer_kind == "anonymous":
            if response.status_code != 302 or LOGIN_PATH not in response["Location"]:
                problems.append(f"editor {space}: status {response.status_code}")
            continue
        may_save = reads(viewer_kind, space) and space in CAN_POST[viewer_kind]
        expect = Expect((200,), content_markers(space)[:2]) if may_save else Expect((404,))
        problems += check(f"editor {space}", response, expect, forbidden_markers(viewer_kind))
        if (
            reads(viewer_kind, space)
            and (url in client.get(post.get_absolute_url()).content.decode()) != may_save
        ):
            problems.append(f"button {space}: expected {may_save}")
    assert not problems, f"{viewer_kind}:\n" + "\n".join(problems)
