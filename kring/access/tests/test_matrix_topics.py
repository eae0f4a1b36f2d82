"""The permission matrix on topic pages, the topic API and mentions (issue 4).

Every space gets a post tagged #matrixonderwerp and a reply tagged #matrixreactie; a topic
page and its count must show exactly the spaces the viewer reads, and never a marker of
another space. Mentions of every viewer in every space reach only those who read it.
"""

import pytest

from kring.access.tests.conftest import SPACES, VIEWERS, Matrix, marker
from kring.access.tests.expected import reads
from kring.access.tests.surfaces import LOGIN_PATH, Expect, check, client_for, forbidden_markers
from kring.posts import services as post_services
from kring.topics.services import body_prepare, body_tags_record


@pytest.fixture
def tagged(matrix: Matrix) -> Matrix:
    for space in SPACES:
        post = post_services.post_create(
            actor=matrix.users["group_admin"],
            group=matrix.group(space),
            body=f"#MatrixOnderwerp {marker(space, 'post')} (getagd)",
        )
        post_services.reply_create(
            actor=matrix.users["member"], post=matrix.posts[space], body="Ook #matrixreactie"
        )
        matrix.posts[f"tagged-{space}"] = post
    return matrix


@pytest.mark.parametrize("viewer", VIEWERS)
def test_topic_pages_show_only_readable_spaces(tagged: Matrix, viewer: str):
    client = client_for(tagged, viewer)
    forbidden = forbidden_markers(viewer)
    readable = [space for space in SPACES if reads(viewer, space)]
    problems = []
    for key in ("matrixonderwerp", "matrixreactie"):
        response = client.get(f"/topics/{key}/")
        if viewer == "anonymous":
            assert response.status_code == 302 and LOGIN_PATH in response["Location"]
            continue
        present = tuple(marker(space, "post") for space in readable)
        problems += check(f"topic {key}", response, Expect((200,), present), forbidden)
        count = f"{len(readable)} bericht"
        if count not in response.content.decode():
            problems.append(f"topic {key}: count is not {len(readable)}")
        api = client.get(f"/api/v1/topics/{key}/posts")
        problems += check(f"API topic {key}", api, Expect((200,), present), forbidden)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("space", SPACES)
def test_mentions_reach_only_viewers_who_read_the_space(matrix: Matrix, space: str):
    author = matrix.users["group_admin"]
    names = " ".join(f"@{u.username}" for u in matrix.people)
    post = matrix.posts[space]
    recipients = body_tags_record(item=post, prepared=body_prepare(author=author, body=names))
    expected = {
        matrix.users[v].pk
        for v in VIEWERS
        if v not in ("anonymous", "group_admin") and reads(v, space)
    }
    assert recipients == expected


@pytest.mark.parametrize("viewer", VIEWERS)
def test_follow_group_answers_404_unless_viewer_reads_it(matrix: Matrix, viewer: str):
    from kring.follows.models import Follow

    client = client_for(matrix, viewer)
    forbidden = forbidden_markers(viewer)
    problems = []
    for space in ("open", "closed", "secret"):
        slug = matrix.groups[space].slug
        response = client.post(
            f"/follows/group/{slug}/", {"action": "follow"}, headers={"HX-Request": "true"}
        )
        if viewer == "anonymous":
            assert response.status_code == 302 and LOGIN_PATH in response["Location"]
            continue
        expect = Expect((200,) if reads(viewer, space) else (404,))
        problems += check(f"follow {space} group", response, expect, forbidden)
        followed = Follow.objects.filter(follower=matrix.users[viewer], group__slug=slug).exists()
        if followed != reads(viewer, space):
            problems.append(f"follow {space} group: stored {followed}")
    assert not problems, "\n".join(problems)


# Audit of issue 5: for a site admin who does not read the space, a tag used only there
# must look like one nobody wrote: no merge link, no merge page, no "exists" as a target.
def test_topic_merge_returns_not_found_if_tag_used_only_where_site_admin_cannot_read(
    matrix: Matrix,
):
    post_services.post_create(
        actor=matrix.users["group_admin"], group=matrix.group("secret"), body="#verborgentag"
    )
    post_services.post_create(
        actor=matrix.users["group_admin"], group=matrix.group("open"), body="#zichtbaretag"
    )
    assert not reads("site_admin", "secret")
    client = client_for(matrix, "site_admin")
    hidden = client.get("/topics/verborgentag/").content.decode()
    unused = client.get("/topics/nooitgeschreven/").content.decode()
    assert "/topics/verborgentag/merge/" not in hidden
    assert "/merge/" not in unused
    assert "/topics/zichtbaretag/merge/" in client.get("/topics/zichtbaretag/").content.decode()
    assert client.get("/topics/verborgentag/merge/").status_code == 404
    assert client.get("/topics/nooitgeschreven/merge/").status_code == 404
    into_hidden = client.post("/topics/zichtbaretag/merge/", {"target": "verborgentag"})
    into_unused = client.post("/topics/zichtbaretag/merge/", {"target": "nooitgeschreven"})
    assert into_hidden.status_code == into_unused.status_code == 400
    assert "#verborgentag" in into_hidden.content.decode()
