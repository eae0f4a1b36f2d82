"""The permission matrix on search (issue 5): the page, the API, counts and facets.

Every viewer searches for "marker", a word in every post, reply, answer and group of the
matrix: the results, the count and the facets must be exactly what the viewer may read,
and no marker of another space may appear anywhere in the answer.
"""

from types import SimpleNamespace

import pytest

from kring import access
from kring.access.tests.conftest import GROUP_SPACES, SPACES, VIEWERS, Matrix, marker
from kring.access.tests.expected import reads, sees_group
from kring.access.tests.surfaces import LOGIN_PATH, Expect, check, client_for, forbidden_markers
from kring.search.backends import backend
from kring.search.models import SearchDocument
from kring.search.query import query_plan
from kring.search.services import index_rebuild


def _unmarked(response) -> SimpleNamespace:
    """The response with the snippets' <mark> tags taken out, so markers read whole."""
    content = response.content.replace(b"<mark>", b"").replace(b"</mark>", b"")
    content = content.replace(b"\\u003cmark\\u003e", b"").replace(b"\\u003c/mark\\u003e", b"")
    return SimpleNamespace(status_code=response.status_code, content=content)


@pytest.fixture
def indexed(matrix: Matrix) -> Matrix:
    index_rebuild()
    return matrix


def _expected(viewer: str) -> tuple[tuple[str, ...], int, dict[str, int]]:
    """The markers the viewer must find, the count, and the count per kind."""
    readable = [space for space in SPACES if reads(viewer, space)]
    listed = [space for space in GROUP_SPACES if sees_group(viewer, space)]
    present = tuple(marker(s, kind) for s in readable for kind in ("post", "reply", "answer"))
    present += tuple(marker(s, "group") for s in listed)
    facets = {"post": len(readable), "reply": 2 * len(readable), "group": len(listed)}
    return present, 3 * len(readable) + len(listed), {k: n for k, n in facets.items() if n}


@pytest.mark.parametrize("viewer", VIEWERS)
def test_search_page_shows_and_counts_only_what_viewer_reads(indexed: Matrix, viewer: str):
    client = client_for(indexed, viewer)
    response = _unmarked(client.get("/search/", {"q": "marker"}))
    if viewer == "anonymous":
        assert response.status_code == 302
        assert LOGIN_PATH in client.get("/search/", {"q": "marker"})["Location"]
        return
    present, total, _facets = _expected(viewer)
    problems = check("search page", response, Expect((200,), present), forbidden_markers(viewer))
    body = response.content.decode()
    if f">{total} resultaten<" not in body.replace("\n", "") and f"{total} resultaten" not in body:
        problems.append(f"search page: count is not {total}")
    for kind in ("post", "reply", "group"):
        filtered = _unmarked(client.get("/search/", {"q": "marker", "kind": kind}))
        problems += check(
            f"search page kind={kind}", filtered, Expect((200,)), forbidden_markers(viewer)
        )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("viewer", VIEWERS)
def test_search_api_shows_and_counts_only_what_viewer_reads(indexed: Matrix, viewer: str):
    client = client_for(indexed, viewer)
    response = client.get("/api/v1/search", {"q": "marker"})
    if viewer == "anonymous":
        assert response.status_code == 401
        return
    present, total, facets = _expected(viewer)
    problems = check(
        "search API", _unmarked(response), Expect((200,), present), forbidden_markers(viewer)
    )
    data = response.json()
    assert data["total"] == total, problems
    assert {f["kind"]: f["count"] for f in data["facets"]} == facets
    for space in GROUP_SPACES:
        group = indexed.groups[space]
        in_group = client.get("/api/v1/search", {"q": "marker", "group": group.pk})
        assert in_group.status_code == 200
        problems += check(
            f"search API group={space}", in_group, Expect((200,)), forbidden_markers(viewer)
        )
        if not reads(viewer, space):
            expected_total = 1 if sees_group(viewer, space) else 0  # the group itself
            assert in_group.json()["total"] == expected_total, space
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("viewer", VIEWERS)
def test_search_documents_rule_agrees_with_can_view(indexed: Matrix, viewer: str):
    person = indexed.viewer(viewer)
    listed = set(access.visible(person, SearchDocument.objects.all()).values_list("pk", flat=True))
    for document in SearchDocument.objects.all():
        assert (document.pk in listed) == access.can_view(person, document), (
            f"{viewer}: {document.kind} {document.object_id}"
        )


# Questions, knowledge pages and files (issue 5): each space gets one of each, all with
# the word "sleutelwoord", so only these are found and the counts are exact.
NEW_KINDS = ("question", "page", "file")


@pytest.fixture
def indexed_kinds(matrix: Matrix, django_capture_on_commit_callbacks) -> Matrix:
    from kring.files.services import file_upload
    from kring.files.tests.samples import upload
    from kring.knowledge.services import page_create
    from kring.posts.services import post_create
    from kring.questions.services import question_create

    admin = matrix.users["group_admin"]
    with django_capture_on_commit_callbacks(execute=True):
        for space in SPACES:
            group = matrix.group(space)
            post = post_create(actor=admin, group=group, body="Wie weet het sleutelwoord?")
            question_create(
                actor=admin, post=post, title=f"Vraag {marker(space, 'question')} sleutelwoord"
            )
            page_create(
                actor=admin,
                group=group,
                title=f"Pagina {marker(space, 'page')}",
                body="Over het sleutelwoord.",
            )
            text = f"Bestand over het sleutelwoord {marker(space, 'file')}".encode()
            file_upload(actor=admin, group=group, upload=upload(f"{space}.txt", text, "text/plain"))
    return matrix


def _expected_kinds(viewer: str) -> tuple[tuple[str, ...], list[str], dict[str, int]]:
    readable = [space for space in SPACES if reads(viewer, space)]
    present = tuple(marker(s, kind) for s in readable for kind in NEW_KINDS)
    hidden = [marker(s, kind) for s in SPACES if s not in readable for kind in NEW_KINDS]
    facets = {kind: len(readable) for kind in NEW_KINDS if readable}
    return present, hidden + forbidden_markers(viewer), facets


@pytest.mark.parametrize("viewer", VIEWERS)
def test_search_finds_and_counts_questions_pages_files_only_if_viewer_reads(
    indexed_kinds: Matrix, viewer: str
):
    client = client_for(indexed_kinds, viewer)
    response = client.get("/api/v1/search", {"q": "sleutelwoord"})
    if viewer == "anonymous":
        assert response.status_code == 401
        assert client.get("/search/", {"q": "sleutelwoord"}).status_code == 302
        return
    present, forbidden, facets = _expected_kinds(viewer)
    problems = check("search API", _unmarked(response), Expect((200,), present), forbidden)
    data = response.json()
    assert data["total"] == sum(facets.values()), problems
    assert {f["kind"]: f["count"] for f in data["facets"]} == facets
    page = _unmarked(client.get("/search/", {"q": "sleutelwoord"}))
    problems += check("search page", page, Expect((200,), present), forbidden)
    for kind in NEW_KINDS:
        filtered = _unmarked(client.get("/search/", {"q": "sleutelwoord", "kind": kind}))
        problems += check(f"search page kind={kind}", filtered, Expect((200,)), forbidden)
    for space in GROUP_SPACES:
        in_group = client.get(
            "/api/v1/search", {"q": "sleutelwoord", "group": indexed_kinds.groups[space].pk}
        )
        problems += check(f"search API group={space}", in_group, Expect((200,)), forbidden)
        if not reads(viewer, space):
            assert in_group.json()["total"] == 0, space
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("viewer", VIEWERS)
def test_search_documents_of_new_kinds_rule_agrees_with_can_view(
    indexed_kinds: Matrix, viewer: str
):
    person = indexed_kinds.viewer(viewer)
    documents = SearchDocument.objects.filter(kind__in=NEW_KINDS)
    assert documents.count() == len(NEW_KINDS) * len(SPACES)
    listed = set(access.visible(person, documents).values_list("pk", flat=True))
    for document in documents:
        assert (document.pk in listed) == access.can_view(person, document), (
            f"{viewer}: {document.kind} {document.object_id}"
        )


# Topics (audit of issue 5): a hashtag is a search document too. One written only in a
# space the viewer cannot read must not be found, listed or counted: its name would tell
# that hidden posts exist (decision 0012), and the name itself is the group's content.
def _topic_name(space: str) -> str:
    return f"geheimtag{space}"


@pytest.fixture
def tagged_topics(matrix: Matrix, django_capture_on_commit_callbacks) -> Matrix:
    from kring.posts.services import post_create

    with django_capture_on_commit_callbacks(execute=True):
        for space in SPACES:
            post_create(
                actor=matrix.users["group_admin"],
                group=matrix.group(space),
                body=f"Over #{_topic_name(space)}",
            )
    index_rebuild()
    return matrix


@pytest.mark.parametrize("viewer", [v for v in VIEWERS if v != "anonymous"])
def test_search_returns_topic_only_if_viewer_reads_a_post_using_it(
    tagged_topics: Matrix, viewer: str
):
    client = client_for(tagged_topics, viewer)
    problems = []
    for space in SPACES:
        name = _topic_name(space)
        api = client.get("/api/v1/search", {"q": name}).json()
        page = _unmarked(client.get("/search/", {"q": name, "kind": "topic"}))
        found = f"/topics/{name}/" in page.content.decode()
        topics = [r for r in api["results"] if r["kind"] == "topic"]
        if reads(viewer, space) != bool(topics) or reads(viewer, space) != found:
            problems.append(f"#{name}: found={bool(topics)}/{found}, reads={reads(viewer, space)}")
        if not reads(viewer, space) and api["total"] != 0:
            problems.append(f"#{name}: counted {api['total']} for a viewer who reads nothing")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("viewer", VIEWERS)
def test_search_topic_documents_rule_agrees_with_can_view(tagged_topics: Matrix, viewer: str):
    person = tagged_topics.viewer(viewer)
    documents = SearchDocument.objects.filter(kind="topic")
    assert documents.count() >= len(SPACES)
    listed = set(access.visible(person, documents).values_list("pk", flat=True))
    for document in documents:
        assert (document.pk in listed) == access.can_view(person, document), (
            f"{viewer}: topic {document.object_id}"
        )


@pytest.mark.parametrize("viewer", VIEWERS)
def test_document_reach_rule_changes_nothing_visible_if_viewer(indexed: Matrix, viewer: str):
    # The literal ids search adds for the planner must never widen nor narrow the rule.
    who = indexed.viewer(viewer)
    documents = SearchDocument.objects.all()
    visible = set(access.visible(who, documents).values_list("pk", flat=True))
    reached = set(documents.filter(access.document_reach_rule(who)).values_list("pk", flat=True))
    narrowed = access.visible(who, documents).filter(access.document_reach_rule(who))
    assert set(narrowed.values_list("pk", flat=True)) == visible
    assert visible <= reached


@pytest.mark.parametrize("viewer", [viewer for viewer in VIEWERS if viewer != "anonymous"])
def test_search_hits_are_the_same_if_searched_from_viewers_reach(indexed: Matrix, viewer: str):
    # Guests search from what they may read (the `narrow` plan hint, backends/postgres.py):
    # a hint for the database, so both ways must find exactly the same documents.
    who = indexed.viewer(viewer)
    documents = access.visible(who, SearchDocument.objects.all())
    engine = backend()
    plan = query_plan("marker geheim open", engine)
    wide = [(hit.id, hit.score) for hit in engine.hits(documents, plan, narrow=False)]
    narrow = [(hit.id, hit.score) for hit in engine.hits(documents, plan, narrow=True)]
    assert narrow == wide
    assert access.document_reach_is_narrow(who) == (viewer in ("guest", "guest_member"))
