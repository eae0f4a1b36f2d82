"""The API of conversations: list, messages, send, start; 404 for everyone outside."""

import json

from kring.conversations import services
from kring.conversations.models import Conversation


def _post(client, url, data):
    return client.post(url, data=json.dumps(data), content_type="application/json")


def test_api_start_passes_and_lists_the_conversation(world, client_for):
    client = client_for(world.member)
    response = _post(
        client,
        "/api/v1/conversations",
        {"participants": [world.outsider.username], "body": "Via de API", "subject": "Test"},
    )
    assert response.status_code == 201
    started = response.json()
    assert {p["username"] for p in started["participants"]} == {"bram", "carla"}
    listed = client_for(world.outsider).get("/api/v1/conversations").json()
    assert listed["items"][0]["id"] == started["id"]
    assert listed["items"][0]["unread"] == 1
    assert listed["items"][0]["last_message"] == "Via de API"


def test_api_start_fails_with_404_if_a_person_is_invisible(world, client_for):
    response = _post(
        client_for(world.guest),
        "/api/v1/conversations",
        {"participants": [world.member.username], "body": "Hallo"},
    )
    assert response.status_code == 404
    assert not Conversation.objects.exists()


def test_api_send_passes_and_fails_on_empty_body(world, client_for):
    conversation = services.conversation_start(
        actor=world.member, participants=[world.outsider], body="Eerste"
    )
    client = client_for(world.outsider)
    url = f"/api/v1/conversations/{conversation.pk}/messages"
    assert _post(client, url, {"body": "Tweede"}).status_code == 201
    empty = _post(client, url, {"body": "  "})
    assert empty.status_code == 400 and empty.json()["field"] == "body"
    bodies = [m["body"] for m in client.get(url).json()["items"]]
    assert bodies == ["Eerste", "Tweede"]


def test_api_messages_fail_with_404_for_a_site_admin(world, client_for):
    conversation = services.conversation_start(
        actor=world.member, participants=[world.outsider], body="Privé"
    )
    response = client_for(world.site_admin).get(f"/api/v1/conversations/{conversation.pk}/messages")
    assert response.status_code == 404
    assert "Privé" not in response.content.decode()
