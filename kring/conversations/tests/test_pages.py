"""The pages: list, new, conversation, send, add, leave; bad input keeps what was typed."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from kring.conversations import services
from kring.conversations.models import Conversation, Message
from kring.conversations.selectors import MESSAGES_PER_PAGE


def _start(actor, *people, body="Eerste bericht"):
    return services.conversation_start(actor=actor, participants=people, body=body)


def test_profile_passes_if_it_offers_a_message_button(world, client_for):
    page = client_for(world.member).get(f"/people/{world.outsider.username}/")
    assert f"/messages/new/?to={world.outsider.username}" in page.content.decode()
    own = client_for(world.member).get(f"/people/{world.member.username}/")
    assert "/messages/new/?to=" not in own.content.decode()


def test_new_page_ticks_the_person_from_the_profile(world, client_for):
    page = client_for(world.member).get(f"/messages/new/?to={world.outsider.username}")
    assert page.status_code == 200
    assert (
        f'value="{world.outsider.username}" id="to-{world.outsider.pk}" checked'
        in page.content.decode()
    )


def test_new_page_drops_a_person_the_viewer_cannot_see(world, client_for):
    page = client_for(world.guest).get(f"/messages/new/?to={world.member.username}")
    assert world.member.username not in page.content.decode()


def test_people_search_passes_if_it_finds_only_visible_people(world, client_for):
    found = client_for(world.member).get("/messages/people/?q=carla", HTTP_HX_REQUEST="true")
    assert world.outsider.username in found.content.decode()
    hidden = client_for(world.guest).get("/messages/people/?q=bram", HTTP_HX_REQUEST="true")
    assert world.member.username not in hidden.content.decode()


def test_start_passes_and_opens_the_conversation(world, client_for):
    client = client_for(world.member)
    response = client.post(
        "/messages/new/", {"to": [world.outsider.username], "body": "Koffie om 3?", "send": "1"}
    )
    conversation = Conversation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == conversation.get_absolute_url()
    page = client_for(world.outsider).get(conversation.get_absolute_url())
    assert "Koffie om 3?" in page.content.decode()


def test_start_fails_and_keeps_the_text_if_nobody_is_chosen(world, client_for):
    response = client_for(world.member).post("/messages/new/", {"body": "Mijn lange tekst"})
    assert response.status_code == 400
    assert "Mijn lange tekst" in response.content.decode()
    assert not Conversation.objects.exists()


def test_start_fails_with_404_if_a_person_is_invisible(world, client_for):
    response = client_for(world.guest).post(
        "/messages/new/", {"to": [world.member.username], "body": "Hallo"}
    )
    missing = client_for(world.guest).post(
        "/messages/new/", {"to": ["bestaat-niet"], "body": "Hallo"}
    )
    assert response.status_code == missing.status_code == 404
    assert "Hallo" in response.content.decode()
    assert not Conversation.objects.exists()


def test_search_button_without_javascript_keeps_the_text(world, client_for):
    response = client_for(world.member).post(
        "/messages/new/", {"q": "carla", "search": "1", "body": "Concept"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert world.outsider.username in body and "Concept" in body


def test_send_passes_with_htmx_and_returns_the_message_item(world, client_for):
    conversation = _start(world.member, world.outsider)
    response = client_for(world.outsider).post(
        f"/messages/{conversation.pk}/send/", {"body": "Antwoord"}, HTTP_HX_REQUEST="true"
    )
    message = Message.objects.latest("id")
    assert response.status_code == 200
    assert f'id="message-{message.pk}"' in response.content.decode()


def test_send_fails_and_keeps_the_text_if_too_long(world, client_for):
    conversation = _start(world.member, world.outsider)
    text = "lang " * 2100
    response = client_for(world.member).post(f"/messages/{conversation.pk}/send/", {"body": text})
    assert response.status_code == 400
    assert text.strip() in response.content.decode()
    assert conversation.messages.count() == 1


def test_conversation_page_marks_read_and_badge_disappears(world, client_for):
    conversation = _start(world.member, world.outsider)
    client = client_for(world.outsider)
    assert 'data-badge="messages"' in client.get("/messages/").content.decode()
    client.get(conversation.get_absolute_url())
    assert 'data-badge="messages"' not in client.get("/messages/").content.decode()


def test_conversation_page_shows_the_last_50_and_earlier_messages(world, client_for):
    conversation = _start(world.member, world.outsider, body="Bericht nummer 0")
    for number in range(1, 60):
        services.message_send(
            actor=world.member, conversation=conversation, body=f"Bericht nummer {number}"
        )
    client = client_for(world.outsider)
    page = client.get(conversation.get_absolute_url()).content.decode()
    assert "Bericht nummer 59" in page and "Bericht nummer 10<" in page
    assert "Bericht nummer 9<" not in page
    assert page.index("Bericht nummer 10<") < page.index("Bericht nummer 59")
    first = Message.objects.get(body="Bericht nummer 0")
    permalink = client.get(first.get_absolute_url())
    assert permalink.status_code == 302 and "before=" in permalink["Location"]
    earlier = client.get(permalink["Location"]).content.decode()
    assert "Bericht nummer 0<" in earlier and "Bericht nummer 9<" in earlier
    assert "Bericht nummer 10<" not in earlier
    fragment = client.get(
        permalink["Location"], HTTP_HX_REQUEST="true", HTTP_HX_TARGET="messages-earlier"
    )
    assert "Bericht nummer 0<" in fragment.content.decode()
    assert MESSAGES_PER_PAGE == 50


def test_add_passes_and_the_added_person_reads_the_history(world, client_for):
    conversation = _start(world.member, world.outsider, body="Oude geschiedenis")
    response = client_for(world.member).post(
        f"/messages/{conversation.pk}/add/", {"to": [world.admin.username], "add": "1"}
    )
    assert response.status_code == 302
    assert (
        "Oude geschiedenis"
        in client_for(world.admin).get(conversation.get_absolute_url()).content.decode()
    )


def test_leave_passes_and_the_page_is_gone(world, client_for):
    conversation = _start(world.member, world.outsider)
    client = client_for(world.outsider)
    assert client.get(f"/messages/{conversation.pk}/leave/").status_code == 200
    assert client.post(f"/messages/{conversation.pk}/leave/").status_code == 302
    assert client.get(conversation.get_absolute_url()).status_code == 404


def test_admin_site_does_not_register_conversations():
    from django.contrib import admin

    from kring.conversations.models import Participant

    for model in (Conversation, Message, Participant):
        assert not admin.site.is_registered(model)


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_list_page_queries_do_not_grow_with_conversations(world, client_for, make_user):
    colleagues = [make_user(f"collega{n}") for n in range(3)]
    client = client_for(world.member)

    def add(n):
        for _ in range(n):
            conversation = _start(world.outsider, world.member, *colleagues)
            services.message_send(actor=world.member, conversation=conversation, body="Ja")

    add(5)
    few = _queries(client, "/messages/")
    add(55)
    many = _queries(client, "/messages/")
    assert few == many


def test_conversation_page_queries_do_not_grow_with_messages(world, client_for):
    conversation = _start(world.member, world.outsider, world.admin)
    client = client_for(world.outsider)
    for number in range(4):
        services.message_send(actor=world.admin, conversation=conversation, body=f"Nr {number}")
    few = _queries(client, conversation.get_absolute_url())
    for number in range(55):
        services.message_send(actor=world.member, conversation=conversation, body=f"Nr {number}")
    many = _queries(client, conversation.get_absolute_url())
    assert few == many


def test_unread_badge_costs_one_query(world, django_assert_num_queries):
    from kring.conversations.selectors import unread_conversation_count

    _start(world.member, world.outsider)
    _start(world.admin, world.outsider)
    with django_assert_num_queries(1):
        assert unread_conversation_count(world.outsider) == 2


def test_add_picker_leaves_out_who_is_in_already(world, client_for):
    conversation = _start(world.member, world.outsider)
    client = client_for(world.member)
    url = f"/messages/people/?q=carla&in={conversation.pk}"
    assert world.outsider.username not in client.get(url).content.decode()
    assert world.outsider.username in client.get("/messages/people/?q=carla").content.decode()
    # someone outside the conversation learns nothing from naming it
    stranger = client_for(world.admin).get(f"/messages/people/?q=carla&in={conversation.pk}")
    assert world.outsider.username in stranger.content.decode()
    damaged = client.get(f"/messages/people/?q=carla&in={2**70}")
    assert damaged.status_code == 200


def test_new_page_drops_a_deactivated_person(world, client_for):
    world.outsider.is_active = False
    world.outsider.save()
    page = client_for(world.member).get(f"/messages/new/?to={world.outsider.username}")
    assert f'value="{world.outsider.username}"' not in page.content.decode()


def test_new_page_offers_the_existing_conversation_with_one_person(world, client_for):
    conversation = _start(world.member, world.outsider)
    _start(world.member, world.outsider, world.admin)
    client = client_for(world.member)
    page = client.get(f"/messages/new/?to={world.outsider.username}").content.decode()
    assert f'href="{conversation.get_absolute_url()}"' in page
    other = client_for(world.admin).get(f"/messages/new/?to={world.outsider.username}")
    assert f'href="{conversation.get_absolute_url()}"' not in other.content.decode()


def test_message_item_renders_alone_for_live_updates(world):
    from django.template.loader import render_to_string

    conversation = _start(world.member, world.outsider, body="Los *bericht*")
    message = conversation.messages.get()
    html = render_to_string(
        "conversations/partials/message.html", {"message": message, "user": world.outsider}
    )
    assert html.startswith(f'<li class="chat-message" id="message-{message.pk}">')
    assert "Los <em>bericht</em>" in html


def test_conversation_page_shows_who_was_added_and_who_left(world, client_for):
    conversation = _start(world.member, world.outsider, world.guest)
    services.participant_add(actor=world.member, conversation=conversation, people=[world.admin])
    services.conversation_leave(actor=world.guest, conversation=conversation)
    page = client_for(world.outsider).get(conversation.get_absolute_url()).content.decode()
    assert "Bram Jansen heeft Anna de Vries toegevoegd" in page
    assert "Gijs Extern heeft het gesprek verlaten." in page
    listed = client_for(world.outsider).get("/messages/").content.decode()
    assert "Eerste bericht" in listed
