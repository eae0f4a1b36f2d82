"""The permission matrix at policy level: one rule, two faces, one expectation table.

For every viewer kind and every space, `can_view` (one object) and `visible` (the query
filter) must give the same answer, and that answer must be the one written out in
`expected.py`. `audience` must name exactly the viewers for whom `can_view` is true.
"""

import pytest

from kring import access
from kring.access.tests.conftest import GROUP_SPACES, SPACES, VIEWERS
from kring.access.tests.expected import reads, sees_group
from kring.groups.models import Group
from kring.people.models import User
from kring.posts.models import Post, Reply

CELLS = [(viewer, space) for viewer in VIEWERS for space in SPACES]


def _faces(viewer, obj) -> tuple[bool, bool]:
    """Return (can_view, obj is in visible(...)) for one object."""
    in_list = access.visible(viewer, type(obj).objects.all()).filter(pk=obj.pk).exists()
    return access.can_view(viewer, obj), in_list


@pytest.mark.parametrize(("viewer_kind", "space"), CELLS)
def test_can_view_and_visible_agree_and_return_expected_if_cell(matrix, viewer_kind, space):
    viewer = matrix.viewer(viewer_kind)
    checks = []
    group = matrix.group(space)
    if group is not None:
        checks.append(("group", group, sees_group(viewer_kind, space)))
    checks += [
        ("post", matrix.posts[space], reads(viewer_kind, space)),
        ("reply", matrix.replies[space], reads(viewer_kind, space)),
        ("reply to a reply", matrix.answers[space], reads(viewer_kind, space)),
    ]
    problems = []
    for label, obj, expected in checks:
        one, many = _faces(viewer, obj)
        if one != many:
            problems.append(f"{label}: can_view={one} but in visible()={many}")
        if one != expected:
            problems.append(f"{label}: can_view={one}, expected {expected}")
    assert not problems, f"{viewer_kind} x {space}: " + "; ".join(problems)


@pytest.mark.parametrize("viewer_kind", VIEWERS)
def test_visible_returns_exactly_expected_objects_if_viewer(matrix, viewer_kind):
    viewer = matrix.viewer(viewer_kind)
    groups = set(access.visible(viewer, Group.objects.all()).values_list("pk", flat=True))
    posts = set(access.visible(viewer, Post.objects.all()).values_list("pk", flat=True))
    replies = set(access.visible(viewer, Reply.objects.all()).values_list("pk", flat=True))
    assert groups == {matrix.groups[s].pk for s in GROUP_SPACES if sees_group(viewer_kind, s)}
    assert posts == {matrix.posts[s].pk for s in SPACES if reads(viewer_kind, s)}
    assert replies == {
        r.pk
        for s in SPACES
        if reads(viewer_kind, s)
        for r in (matrix.replies[s], matrix.answers[s])
    }


@pytest.mark.parametrize("viewer_kind", VIEWERS)
def test_can_view_and_visible_agree_if_person(matrix, viewer_kind):
    viewer = matrix.viewer(viewer_kind)
    listed = set(access.visible(viewer, User.objects.all()).values_list("pk", flat=True))
    for person in matrix.people:
        assert access.can_view(viewer, person) == (person.pk in listed), person.username


@pytest.mark.parametrize("space", SPACES)
def test_audience_returns_exactly_the_viewers_who_can_view_if_space(matrix, space):
    fixture_ids = {u.pk for u in matrix.people}
    for obj in (matrix.posts[space], matrix.replies[space], matrix.answers[space]):
        readers = {
            matrix.users[kind].pk
            for kind in VIEWERS
            if kind != "anonymous" and access.can_view(matrix.viewer(kind), obj)
        }
        assert access.audience(obj) & fixture_ids == readers
        assert readers == {
            matrix.users[k].pk for k in VIEWERS if k != "anonymous" and reads(k, space)
        }


@pytest.mark.parametrize("space", SPACES)
def test_get_or_404_fails_alike_if_missing_or_invisible(matrix, space):
    from django.http import Http404

    post = matrix.posts[space]
    for kind in VIEWERS:
        viewer = matrix.viewer(kind)
        if reads(kind, space):
            assert access.get_or_404(viewer, Post, post.pk) == post
            continue
        with pytest.raises(Http404):
            access.get_or_404(viewer, Post, post.pk)
    with pytest.raises(Http404):
        access.get_or_404(matrix.viewer("member"), Post, 10**9)
