"""The permission matrix on the knowledge base (issue 5): pages, their history and diffs,
folders, the space pages, review reminders, and who may write or arrange.

Every space gets a folder, a page whose first version and current version carry their
own markers; a viewer must find them exactly where they read the space, and nowhere else.
"""

import pytest
from django.utils import timezone

from kring import access
from kring.access.tests.conftest import SPACES, VIEWERS, Matrix, marker
from kring.access.tests.expected import CAN_MANAGE_FOLDERS, CAN_POST, reads
from kring.access.tests.surfaces import LOGIN_PATH, Expect, check, client_for, forbidden_markers
from kring.knowledge import services
from kring.knowledge.models import Folder, Page, Revision
from kring.notifications.models import Notification


def _knowledge_markers(space: str) -> tuple[str, ...]:
    return marker(space, "page"), marker(space, "revision"), marker(space, "folder")


def _forbidden(viewer: str) -> list[str]:
    forbidden = forbidden_markers(viewer)
    for space in SPACES:
        if not reads(viewer, space):
            forbidden += _knowledge_markers(space)
    return forbidden


@pytest.fixture
def knowledge(matrix: Matrix) -> dict[str, Page]:
    pages = {}
    for space in SPACES:
        group = matrix.group(space)
        mover = matrix.users["site_admin" if space == "company" else "group_admin"]
        folder = services.folder_create(
            actor=mover, group=group, name=f"Map {marker(space, 'folder')}", parent=None
        )
        author = matrix.users["member"]
        page = services.page_create(
            actor=author,
            group=group,
            title=f"Pagina {marker(space, 'page')}",
            body=f"Eerst {marker(space, 'revision')}",
            folder=folder,
            is_onboarding=True,
        )
        services.page_update(
            actor=author,
            page=page,
            base_version=1,
            title=page.title,
            body="Nu anders",
            folder=folder,
            kind=page.kind,
            is_onboarding=True,
        )
        pages[space] = page
    return pages


def _space_path(matrix: Matrix, space: str) -> str:
    return (
        "/knowledge/" if space == "company" else f"/knowledge/groups/{matrix.groups[space].slug}/"
    )


@pytest.mark.parametrize("viewer", VIEWERS)
def test_knowledge_pages_answer_only_viewers_who_read_the_space(
    matrix: Matrix, knowledge, viewer: str
):
    client = client_for(matrix, viewer)
    forbidden = _forbidden(viewer)
    problems = []
    for space, page in knowledge.items():
        paths = {
            "space": _space_path(matrix, space),
            "page": f"/knowledge/pages/{page.pk}/",
            "history": f"/knowledge/pages/{page.pk}/history/",
            "diff": f"/knowledge/pages/{page.pk}/diff/?from=1&to=2",
        }
        for name, path in paths.items():
            response = client.get(path)
            if viewer == "anonymous":
                if response.status_code != 302 or LOGIN_PATH not in response["Location"]:
                    problems.append(f"{name} {space}: anonymous not sent to sign in")
                continue
            present = {
                "space": (marker(space, "page"), marker(space, "folder")),
                "page": (marker(space, "page"),),
                "history": (),
                "diff": (marker(space, "revision"),),
            }[name]
            expect = Expect((200,), present) if reads(viewer, space) else Expect((404,))
            problems += check(f"{name} {space}", response, expect, forbidden)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("viewer", VIEWERS)
def test_knowledge_can_view_and_visible_agree(matrix: Matrix, knowledge, viewer: str):
    person = matrix.viewer(viewer)
    for model in (Page, Folder, Revision):
        listed = set(access.visible(person, model.objects.all()).values_list("pk", flat=True))
        one_by_one = {obj.pk for obj in model.objects.all() if access.can_view(person, obj)}
        assert listed == one_by_one, model.__name__
    expected = {knowledge[space].pk for space in SPACES if reads(viewer, space)}
    assert set(access.visible(person, Page.objects.all()).values_list("pk", flat=True)) == expected


@pytest.mark.parametrize("space", SPACES)
def test_knowledge_audience_is_who_reads_the_space(matrix: Matrix, knowledge, space: str):
    expected = {matrix.users[v].pk for v in VIEWERS if v != "anonymous" and reads(v, space)}
    assert access.audience(knowledge[space]) == expected


@pytest.mark.parametrize("viewer", VIEWERS)
def test_knowledge_writes_follow_can_post_and_folders_follow_moderation(
    matrix: Matrix, knowledge, viewer: str
):
    person = matrix.viewer(viewer)
    client = client_for(matrix, viewer)
    problems = []
    for space, page in knowledge.items():
        may_write = space in CAN_POST[viewer]
        if access.can_write_knowledge_in(person, matrix.group(space)) != may_write:
            problems.append(f"write {space}: expected {may_write}")
        if access.can_manage_folders_in(person, matrix.group(space)) != (
            space in CAN_MANAGE_FOLDERS[viewer]
        ):
            problems.append(f"folders {space}: expected {space in CAN_MANAGE_FOLDERS[viewer]}")
        if viewer == "anonymous":
            continue
        response = client.get(f"/knowledge/pages/{page.pk}/edit/")
        expect = Expect((200,) if may_write else (404,))
        problems += check(f"edit {space}", response, expect, _forbidden(viewer))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("viewer", [v for v in VIEWERS if v != "anonymous"])
def test_page_review_notifications_show_only_readable_pages(matrix: Matrix, knowledge, viewer: str):
    """Reminders are checked again at delivery: planted for everyone, shown where one reads."""
    user = matrix.users[viewer]
    for page in knowledge.values():
        Notification.objects.create(
            recipient=user, kind="page_review", page=page, created_at=timezone.now()
        )
    client = client_for(matrix, viewer)
    response = client.get("/notifications/")
    present = tuple(marker(s, "page") for s in SPACES if reads(viewer, s))
    problems = check("notifications", response, Expect((200,), present), _forbidden(viewer))
    visible = access.visible(user, Notification.objects.filter(kind="page_review")).count()
    if visible != len(present):
        problems.append(f"notification count {visible}, expected {len(present)}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("viewer", VIEWERS)
def test_knowledge_api_answers_only_viewers_who_read_the_space(
    matrix: Matrix, knowledge, viewer: str
):
    client = client_for(matrix, viewer)
    forbidden = _forbidden(viewer)
    readable = tuple(marker(s, "page") for s in SPACES if reads(viewer, s))
    if viewer == "anonymous":
        assert client.get("/api/v1/knowledge/pages").status_code == 401
        return
    problems = check(
        "API list", client.get("/api/v1/knowledge/pages"), Expect((200,), readable), forbidden
    )
    for space, page in knowledge.items():
        ok = reads(viewer, space)
        for name, path, present in (
            ("API page", f"/api/v1/knowledge/pages/{page.pk}", (marker(space, "page"),)),
            (
                "API revisions",
                f"/api/v1/knowledge/pages/{page.pk}/revisions",
                (marker(space, "revision"),),
            ),
        ):
            expect = Expect((200,), present) if ok else Expect((404,))
            problems += check(f"{name} {space}", client.get(path), expect, forbidden)
    assert not problems, "\n".join(problems)
