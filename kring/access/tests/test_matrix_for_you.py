"""The permission matrix on the "Voor jou" feed and the Ontdekken page (issue 4).

Every viewer follows everything, also what they may not read (a follow kept after
leaving a group), and has replied and reacted in every space. The ranked feed, its next
page and its reasons must still show only the spaces the viewer reads; Ontdekken counts
only readable posts, so a topic used only in a hidden space never trends for them.
"""

import pytest

from kring.access.tests.conftest import SPACES, VIEWERS, Matrix, marker
from kring.access.tests.expected import reads
from kring.access.tests.surfaces import LOGIN_PATH, Expect, check, client_for, forbidden_markers
from kring.follows.models import Follow
from kring.posts import services as post_services
from kring.posts.models import Post
from kring.reactions.models import Reaction
from kring.topics.models import Topic


def trend(space: str) -> str:
    """A topic used only in `space`: its name must not reach who cannot read the space."""
    return f"Trend{space.capitalize()}{marker(space, 'topic')[-4:]}x"


@pytest.fixture
def followed(matrix: Matrix) -> Matrix:
    for space in SPACES:
        post = post_services.post_create(
            actor=matrix.users["group_admin"],
            group=matrix.group(space),
            body=f"#{trend(space)} #matrixvoorjou {marker(space, 'post')} (gevolgd)",
        )
        Post.objects.filter(pk=post.pk).update(is_announcement=True, like_count=9)
        matrix.posts[f"followed-{space}"] = post
    for kind in VIEWERS:
        viewer = matrix.users[kind]
        if viewer is None:
            continue
        for group in matrix.groups.values():
            Follow.objects.get_or_create(follower=viewer, group=group)
        for topic in Topic.objects.all():
            Follow.objects.get_or_create(follower=viewer, topic=topic)
        Follow.objects.get_or_create(follower=viewer, person=matrix.users["group_admin"])
        for space in SPACES:  # ties and took-part, written past the policy on purpose
            Reaction.objects.get_or_create(user=viewer, post=matrix.posts[space], kind="like")
    return matrix


@pytest.mark.parametrize("viewer", VIEWERS)
def test_for_you_feed_shows_only_readable_spaces_if_following_all(followed: Matrix, viewer):
    client = client_for(followed, viewer)
    forbidden = forbidden_markers(viewer) + [
        trend(space) for space in SPACES if not reads(viewer, space)
    ]
    present = tuple(marker(space, "post") for space in SPACES if reads(viewer, space))
    problems = []
    pages = [("for you", "/", {}), ("for you, next page", "/?tab=foryou&cursor=1", {})]
    pages.append(("for you, htmx", "/?tab=foryou&cursor=0", {"HX-Request": "true"}))
    pages.append(("newest", "/?tab=newest", {}))
    for name, url, headers in pages:
        response = client.get(url, headers=headers)
        if viewer == "anonymous":
            assert response.status_code == 302 and LOGIN_PATH in response["Location"]
            continue
        expect = Expect((200,), present if name != "for you, next page" else ())
        problems += check(f"{name} {url}", response, expect, forbidden)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("viewer", VIEWERS)
def test_discover_shows_only_readable_topics_and_groups(followed: Matrix, viewer):
    client = client_for(followed, viewer)
    forbidden = forbidden_markers(viewer) + [
        trend(space) for space in SPACES if not reads(viewer, space)
    ]
    response = client.get("/discover/")
    if viewer == "anonymous":
        assert response.status_code == 302 and LOGIN_PATH in response["Location"]
        return
    present = tuple(trend(space) for space in SPACES if reads(viewer, space))
    present += tuple(
        marker(space, "group") for space in ("open", "closed", "secret") if reads(viewer, space)
    )
    problems = check("discover", response, Expect((200,), present), forbidden)
    assert not problems, "\n".join(problems)
