"""Questions in the API: lists, accepting, voting, and the refusals."""

from kring.questions.models import Question
from kring.questions.services import question_accept_answer
from kring.questions.tests.helpers import answer, ask

API = "/api/v1"


def test_api_question_list_returns_open_questions_if_no_filter(world, api_for):
    open_question = ask(world.outsider, title="Open vraag")
    answered = ask(world.outsider, title="Klaar")
    question_accept_answer(
        actor=world.outsider, post=answered, reply_id=answer(world.member, answered, "Zo.").pk
    )
    ask(world.member, world.groups["secret"], title="Geheim")
    body = api_for(world.outsider).get(f"{API}/questions").json()
    assert [item["title"] for item in body["items"]] == ["Open vraag"]
    assert body["items"][0]["id"] == open_question.pk
    body = api_for(world.outsider).get(f"{API}/questions", {"show": "all"}).json()
    assert {item["title"] for item in body["items"]} == {"Open vraag", "Klaar"}


def test_api_question_list_returns_404_if_group_invisible_and_400_if_show_unknown(world, api_for):
    client = api_for(world.outsider)
    secret = world.groups["secret"].pk
    assert client.get(f"{API}/questions", {"group": secret}).status_code == 404
    assert client.get(f"{API}/questions", {"show": "everything"}).status_code in (400, 422)


def test_api_accept_passes_if_asker_and_fails_if_not(world, api_for):
    post = ask(world.outsider)
    reply = answer(world.member, post, "Zo.")
    url = f"{API}/questions/{post.pk}/accept"
    assert (
        api_for(world.member).post(url, {"reply": reply.pk}, "application/json").status_code == 403
    )
    response = api_for(world.outsider).post(url, {"reply": reply.pk}, "application/json")
    assert response.status_code == 200 and response.json()["accepted_answer"] == reply.pk
    assert api_for(world.outsider).delete(url).json()["accepted_answer"] is None
    assert Question.objects.get(pk=post.pk).accepted_answer_id is None


def test_api_accept_returns_404_if_reply_of_another_post(world, api_for):
    post = ask(world.outsider)
    other = answer(world.member, world.posts["company"], "Elders")
    url = f"{API}/questions/{post.pk}/accept"
    response = api_for(world.outsider).post(url, {"reply": other.pk}, "application/json")
    assert response.status_code == 404 and response.json()["message"]


def test_api_vote_toggles_and_refuses_own_answer(world, api_for):
    post = ask(world.outsider)
    reply = answer(world.member, post, "Zo.")
    url = f"{API}/answers/{reply.pk}/vote"
    assert api_for(world.outsider).post(url).json() == {"voted": True, "votes": 1}
    assert api_for(world.outsider).post(url).json() == {"voted": False, "votes": 0}
    assert api_for(world.member).post(url).status_code == 403
