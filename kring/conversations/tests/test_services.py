"""Starting, sending, adding, leaving: the rules and the bad input."""

import pytest

from kring import access
from kring.conversations import services
from kring.conversations.models import Conversation, Message, Participant
from kring.conversations.selectors import unread_conversation_count
from kring.core.errors import NotFound, ValidationFailed
from kring.people.models import User
from kring.posts.models import BODY_MAX_LENGTH


def _start(actor, *people, body="Hoi, zullen we even bellen?", subject=""):
    return services.conversation_start(actor=actor, participants=people, body=body, subject=subject)


def test_conversation_start_passes_if_colleagues_are_visible(world):
    conversation = _start(world.member, world.outsider, world.admin, subject="Rooster")
    assert set(conversation.participants.values_list("user_id", flat=True)) == {
        world.member.pk,
        world.outsider.pk,
        world.admin.pk,
    }
    assert conversation.messages.get().body_html == "<p>Hoi, zullen we even bellen?</p>\n"
    assert conversation.subject == "Rooster"


def test_conversation_start_collapses_duplicates_and_the_actor(world):
    conversation = _start(world.member, world.outsider, world.outsider, world.member)
    assert conversation.participants.count() == 2


@pytest.mark.parametrize("body", ["", "   \n ", "x" * (BODY_MAX_LENGTH + 1)])
def test_conversation_start_fails_if_body_is_empty_or_too_long(world, body):
    with pytest.raises(ValidationFailed) as error:
        _start(world.member, world.outsider, body=body)
    assert error.value.field == "body"
    assert not Conversation.objects.exists()


def test_conversation_start_fails_if_nobody_is_chosen(world):
    with pytest.raises(ValidationFailed) as error:
        _start(world.member, world.member)
    assert error.value.field == "participants"


def test_conversation_start_fails_if_person_is_deactivated(world):
    world.outsider.is_active = False
    world.outsider.save()
    with pytest.raises(NotFound):
        _start(world.member, world.outsider)
    assert not Conversation.objects.exists()


def test_conversation_start_fails_if_guest_writes_to_someone_they_cannot_see(world):
    with pytest.raises(NotFound):
        _start(world.guest, world.member)


def test_conversation_start_passes_if_guest_shares_a_group(world, make_user):
    from kring.groups import services as group_services

    group_services.membership_add(actor=world.admin, group=world.groups["open"], user=world.guest)
    guest = User.objects.get(pk=world.guest.pk)
    conversation = _start(guest, world.member)
    assert access.can_view(world.member, conversation)


def test_conversation_start_passes_if_employee_writes_to_a_guest(world):
    conversation = _start(world.member, world.guest)
    assert access.can_view(User.objects.get(pk=world.guest.pk), conversation)


def test_message_send_fails_if_actor_is_not_a_participant(world):
    conversation = _start(world.member, world.outsider)
    for intruder in (world.admin, world.site_admin, world.guest):
        with pytest.raises(NotFound):
            services.message_send(actor=intruder, conversation=conversation, body="Ik lees mee")
    assert conversation.messages.count() == 1


def test_message_send_marks_unread_for_the_others_only(world):
    conversation = _start(world.member, world.outsider)
    assert unread_conversation_count(world.outsider) == 1
    assert unread_conversation_count(world.member) == 0
    services.conversation_mark_read(actor=world.outsider, conversation=conversation)
    assert unread_conversation_count(world.outsider) == 0
    message = services.message_send(actor=world.outsider, conversation=conversation, body="Prima")
    assert unread_conversation_count(world.member) == 1
    assert unread_conversation_count(world.outsider) == 0
    assert services.message_recipients(message) == {world.member.pk}


def test_participant_add_passes_and_shows_the_history(world):
    conversation = _start(world.member, world.outsider)
    services.participant_add(actor=world.outsider, conversation=conversation, people=[world.admin])
    assert access.can_view(world.admin, conversation)
    assert access.can_view(world.admin, conversation.messages.get(kind="message"))
    assert unread_conversation_count(world.admin) == 1


def test_participant_add_fails_if_actor_is_not_in_it(world):
    conversation = _start(world.member, world.outsider)
    with pytest.raises(NotFound):
        services.participant_add(
            actor=world.site_admin, conversation=conversation, people=[world.site_admin]
        )
    assert not access.can_view(world.site_admin, conversation)


def test_participant_add_fails_if_everyone_is_in_already(world):
    conversation = _start(world.member, world.outsider)
    with pytest.raises(ValidationFailed):
        services.participant_add(
            actor=world.member, conversation=conversation, people=[world.outsider]
        )


def test_conversation_leave_takes_away_access_and_the_last_deletes_it(world):
    conversation = _start(world.member, world.outsider)
    services.conversation_leave(actor=world.outsider, conversation=conversation)
    assert not access.can_view(world.outsider, Conversation.objects.get(pk=conversation.pk))
    assert services.message_recipients(conversation.messages.get(kind="message")) == set()
    services.conversation_leave(actor=world.member, conversation=conversation)
    assert not Conversation.objects.exists()
    assert not Message.objects.exists()
    assert not Participant.objects.exists()


def test_audience_is_the_active_participants(world):
    conversation = _start(world.member, world.outsider, world.admin)
    world.admin.is_active = False
    world.admin.save()
    assert access.audience(conversation) == {world.member.pk, world.outsider.pk}


def test_participant_add_and_leave_leave_a_note_that_is_not_unread(world):
    conversation = _start(world.member, world.outsider, world.guest)
    services.conversation_mark_read(actor=world.outsider, conversation=conversation)
    services.participant_add(actor=world.member, conversation=conversation, people=[world.admin])
    services.conversation_leave(actor=world.guest, conversation=conversation)
    notes = list(conversation.messages.exclude(kind=Message.Kind.MESSAGE).order_by("id"))
    assert [(n.kind, n.author_id, n.person_id) for n in notes] == [
        (Message.Kind.ADDED, world.member.pk, world.admin.pk),
        (Message.Kind.LEFT, world.guest.pk, None),
    ]
    assert unread_conversation_count(world.outsider) == 0
