"""`visible_of(kind, id, queryset)` selects exactly what `visible(viewer, queryset)` does.

Pages compile their queries once per kind of reader with `visible_of` (kring/posts/loading.py,
kring/experts/selectors.py, kring/people/selectors.py): for every viewer of the matrix and
every model with an id-only rule, the two must agree row for row.
"""

import pytest

from kring import access
from kring.access.tests.conftest import VIEWERS, Matrix
from kring.access.tests.test_matrix_knowledge import knowledge  # noqa: F401 (a fixture)
from kring.access.tests.test_matrix_questions import _questions_everywhere
from kring.groups.models import Group
from kring.knowledge.models import Folder, Page, Revision
from kring.people.models import User
from kring.posts.models import Post, Reply
from kring.questions.models import Question

MODELS = (Group, Post, Reply, Question, User, Folder, Page, Revision)


def _viewer(matrix: Matrix, kind: str):
    if kind != "deactivated":
        return matrix.viewer(kind)
    viewer = matrix.viewer("member")
    User.objects.filter(pk=viewer.pk).update(is_active=False)
    viewer.refresh_from_db()
    return viewer


@pytest.mark.django_db
@pytest.mark.parametrize("viewer_kind", (*VIEWERS, "deactivated"))
def test_visible_of_selects_what_visible_does_for_every_model(
    matrix: Matrix,
    knowledge,  # noqa: F811 (the fixture imported above)
    viewer_kind: str,
):
    _questions_everywhere(matrix)
    viewer = _viewer(matrix, viewer_kind)
    kind, viewer_id = access.reader_kind(viewer), viewer.pk
    for model in MODELS:
        everything = model._default_manager.all()
        expected = set(access.visible(viewer, everything).values_list("pk", flat=True))
        got = set(access.visible_of(kind, viewer_id, everything).values_list("pk", flat=True))
        assert got == expected, (viewer_kind, model.__name__)


@pytest.mark.django_db
def test_visible_of_tells_readers_apart_and_refuses_models_without_an_id_only_rule(
    matrix: Matrix,
    knowledge,  # noqa: F811
):
    """Not vacuous: a member sees more of every model than a guest in no group."""
    _questions_everywhere(matrix)
    member, guest = matrix.viewer("member"), matrix.viewer("guest")
    for model in MODELS:
        everything = model._default_manager.all()
        of_member = access.visible_of(access.reader_kind(member), member.pk, everything)
        of_guest = access.visible_of(access.reader_kind(guest), guest.pk, everything)
        assert set(of_guest.values_list("pk", flat=True)) < set(
            of_member.values_list("pk", flat=True)
        ), model.__name__
    from kring.notifications.models import Notification

    with pytest.raises(TypeError, match="no id-only rule for Notification"):
        access.visible_of(access.reader_kind(member), member.pk, Notification.objects.all())


@pytest.mark.django_db
@pytest.mark.parametrize("viewer_kind", (*VIEWERS, "deactivated"))
def test_visible_people_ids_names_whom_visible_people_shows(matrix: Matrix, viewer_kind: str):
    """The "Voor jou" reasons name people by these ids (kring/feeds/foryou.py)."""
    viewer = _viewer(matrix, viewer_kind)
    people = list(User.objects.order_by("pk").values_list("pk", flat=True))
    expected = set(access.visible(viewer, User.objects.all()).values_list("pk", flat=True))
    for ids in (people, people[:1], people[1:4], [*people, *people]):
        assert access.visible_people_ids(viewer, ids) == expected & set(ids), (viewer_kind, ids)
    assert access.visible_people_ids(viewer, []) == set()
