"""experts_for: who knows about a search or a topic, counted over what the viewer may see."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kring.experts.selectors import answered_questions_of_for, experts_for, pages_owned_by_for
from kring.experts.tests.helpers import answered_question
from kring.knowledge.services import page_create
from kring.people.models import User
from kring.posts import services as post_services
from kring.posts.models import Post
from kring.search.services import index_rebuild
from kring.topics.models import Topic


def _table(experts) -> list[tuple[str, list[str]]]:
    return [(expert.person.username, expert.reasons) for expert in experts]


def test_experts_for_returns_ranked_people_with_reasons_if_query_matches(knowledge):
    experts = experts_for(knowledge.erik, query="inkoop")
    assert _table(experts) == [
        ("bram", ["2 geaccepteerde antwoorden", "Schreef 2 berichten over “inkoop”"]),
        ("carla", ["Eigenaar van 1 kennispagina", "Expertise: inkoop"]),
        ("dirk", ["Schreef 3 berichten over “inkoop”"]),
    ]
    assert [expert.score for expert in experts] == [8, 4, 3]


def test_experts_for_returns_ranked_people_with_reasons_if_topic(knowledge):
    topic = Topic.objects.get(key="inkoop")
    experts = experts_for(knowledge.erik, topic=topic)
    assert _table(experts) == [
        ("bram", ["2 geaccepteerde antwoorden"]),
        ("carla", ["Eigenaar van 1 kennispagina", "Expertise: inkoop"]),
        ("dirk", ["Schreef 3 berichten over #inkoop"]),
    ]


def test_experts_for_passes_if_member_sees_secret_answers_counted(knowledge):
    experts = {e.person.username: e for e in experts_for(knowledge.fien, query="inkoop")}
    assert experts["bram"].reasons[0] == "3 geaccepteerde antwoorden"
    topic = Topic.objects.get(key="inkoop")
    assert "Fien" not in [e.person.display_name for e in experts_for(knowledge.fien, topic=topic)]
    by_anna = {e.person.username: e for e in experts_for(knowledge.anna, topic=topic)}
    assert by_anna["fien"].reasons == ["1 geaccepteerd antwoord", "Schreef 1 bericht over #inkoop"]


def test_experts_for_fails_if_outsider_would_see_secret_answers_counted(knowledge):
    for experts in (
        experts_for(knowledge.erik, query="inkoop"),
        experts_for(knowledge.erik, topic=Topic.objects.get(key="inkoop")),
    ):
        names = [expert.person.username for expert in experts]
        assert "fien" not in names
        assert experts[0].reasons[0] == "2 geaccepteerde antwoorden"
    assert experts_for(knowledge.erik, query="directieauto") == []
    assert experts_for(knowledge.erik, query="fusie") == []


def test_experts_for_returns_nobody_if_deactivated_or_guest_out_of_reach(knowledge, people):
    User.objects.filter(pk=people.bram.pk).update(is_active=False)
    names = [e.person.username for e in experts_for(people.erik, query="inkoop")]
    assert names == ["carla", "dirk"]
    guest = User.objects.create_user(username="gast", password="x", kind=User.Kind.GUEST)
    assert experts_for(guest, query="inkoop") == []


def test_experts_for_returns_nobody_if_viewer_is_the_only_one_or_nothing_matches(knowledge):
    names = [e.person.username for e in experts_for(knowledge.dirk, query="inkoop")]
    assert "dirk" not in names
    assert experts_for(knowledge.erik, query="zwembad") == []
    assert experts_for(knowledge.erik, query="   ") == []
    assert experts_for(knowledge.erik, query='"OR NEAR( *') == []
    assert experts_for(knowledge.erik, topic=Topic(name="leeg", key="leeg")) == []


def test_experts_for_returns_at_most_limit_if_many_know(knowledge):
    assert [e.person.username for e in experts_for(knowledge.erik, query="inkoop", limit=2)] == [
        "bram",
        "carla",
    ]


def _queries(callable_) -> int:
    with CaptureQueriesContext(connection) as captured:
        callable_()
    return len(captured.captured_queries)


def test_experts_for_passes_if_query_count_does_not_grow_with_people(knowledge, people):
    topic = Topic.objects.get(key="inkoop")
    few_query = _queries(lambda: experts_for(people.erik, query="inkoop"))
    few_topic = _queries(lambda: experts_for(people.erik, topic=topic))
    for number in range(6):
        someone = User.objects.create_user(username=f"extra{number}", password="x")
        answered_question(
            asker=people.anna,
            answerer=someone,
            group=None,
            title=f"Nog een inkoop vraag {number}?",
            answer="Zo.",
        )
        post_services.post_create(actor=someone, group=None, body="Ook iets over #inkoop.")
    index_rebuild()
    assert len(experts_for(people.erik, query="inkoop", limit=20)) == 9
    assert _queries(lambda: experts_for(people.erik, query="inkoop", limit=20)) == few_query
    assert _queries(lambda: experts_for(people.erik, topic=topic, limit=20)) == few_topic
    assert few_query <= 13 and few_topic <= 13  # incl. the reader's groups for search


def test_answered_questions_of_for_returns_only_visible_if_outsider_or_member(knowledge):
    seen_by_outsider = answered_questions_of_for(knowledge.erik, knowledge.bram)
    assert seen_by_outsider.total == 2
    assert not any("directieauto" in q.title for q in seen_by_outsider.items)
    seen_by_member = answered_questions_of_for(knowledge.fien, knowledge.bram)
    assert seen_by_member.total == 3
    assert answered_questions_of_for(knowledge.erik, knowledge.fien).total == 0
    assert answered_questions_of_for(knowledge.anna, knowledge.fien).total == 1


def test_pages_owned_by_for_returns_few_and_the_total_if_many(knowledge):
    for number in range(6):
        page_create(actor=knowledge.carla, group=None, title=f"Pagina {number}", body="Tekst")
    owned = pages_owned_by_for(knowledge.erik, knowledge.carla, limit=5)
    assert (len(owned.items), owned.total, owned.more) == (5, 7, 2)


def test_experts_for_returns_nobody_for_activity_if_older_than_a_year(knowledge):
    Post.objects.filter(author=knowledge.dirk).update(
        created_at=timezone.now() - timedelta(days=400)
    )
    index_rebuild()
    topic = Topic.objects.get(key="inkoop")
    for experts in (
        experts_for(knowledge.erik, query="inkoop"),
        experts_for(knowledge.erik, topic=topic),
    ):
        assert "dirk" not in [expert.person.username for expert in experts]
