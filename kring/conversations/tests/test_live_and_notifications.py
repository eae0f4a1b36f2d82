"""A new message: the notification (bumped, e-mailed once, per preference), the live endpoints."""

import pytest
from django.core import mail

from kring.conversations import services
from kring.notifications.models import Notification, NotificationPreference

Kind = Notification.Kind


@pytest.fixture
def chat(world, django_capture_on_commit_callbacks):
    """Bram wrote to Carla; the notification of that first message is there."""
    with django_capture_on_commit_callbacks(execute=True):
        conversation = services.conversation_start(
            actor=world.member, participants=[world.outsider], body="Heb je even tijd?"
        )
    return conversation


def test_message_notification_passes_by_mail_at_once_with_the_message(world, chat):
    notification = Notification.objects.get()
    assert (notification.recipient, notification.kind) == (world.outsider, Kind.MESSAGE)
    assert notification.conversation == chat
    (message,) = mail.outbox
    assert message.to == [world.outsider.email]
    assert "Bram Jansen stuurde je een bericht" in message.subject + message.body
    assert "Heb je even tijd?" in message.body


def test_message_notification_is_bumped_to_the_latest_message_and_mailed_once(
    world, chat, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        latest = services.message_send(actor=world.member, conversation=chat, body="Of morgen?")
    notification = Notification.objects.get()
    assert (notification.count, notification.message) == (2, latest)
    assert len(mail.outbox) == 1


def test_message_notification_stays_in_app_if_the_colleague_chose_so(
    world, django_capture_on_commit_callbacks
):
    NotificationPreference.objects.create(user=world.outsider, kind=Kind.MESSAGE, delivery="in_app")
    with django_capture_on_commit_callbacks(execute=True):
        services.conversation_start(actor=world.member, participants=[world.outsider], body="Hoi")
    assert Notification.objects.filter(recipient=world.outsider).exists()
    assert mail.outbox == []


def test_conversation_page_marks_its_notifications_read(world, chat, client_for):
    client = client_for(world.outsider)
    assert client.get(chat.get_absolute_url()).status_code == 200
    assert Notification.objects.get().read_at is not None


def test_notification_open_passes_to_the_message(world, chat, client_for):
    notification = Notification.objects.get()
    response = client_for(world.outsider).get(f"/notifications/{notification.pk}/")
    assert response.status_code == 302
    assert response.url == chat.messages.get().get_absolute_url()


def test_new_messages_returns_only_those_after_the_last_shown_and_marks_them_read(
    world, chat, client_for
):
    first = chat.messages.get()
    second = services.message_send(actor=world.member, conversation=chat, body="Tweede bericht")
    client = client_for(world.outsider)
    body = client.get(f"{chat.get_absolute_url()}new/?after={first.pk}").content.decode()
    assert f'id="message-{second.pk}"' in body and "Tweede bericht" in body
    assert f'id="message-{first.pk}"' not in body
    assert client.get("/messages/badge/").content.decode().count('nav-badge"') == 0
    assert Notification.objects.get().read_at is not None


@pytest.mark.parametrize("after", ["abc", "-5", "99999999999999999999999"])
def test_new_messages_passes_if_after_is_nonsense(world, chat, client_for, after):
    response = client_for(world.outsider).get(f"{chat.get_absolute_url()}new/?after={after}")
    assert response.status_code == 200


def test_badge_returns_the_unread_count_if_a_message_waits(world, chat, client_for):
    body = client_for(world.outsider).get("/messages/badge/").content.decode()
    assert 'data-badge-slot="messages"' in body
    assert 'data-badge="messages">1<' in body


def test_message_notification_is_not_made_if_the_page_showed_the_message_first(world, chat):
    """With a worker the notification comes a moment later; the open page was quicker."""
    from kring.notifications.tasks import notifications_deliver

    Notification.objects.all().delete()
    mail.outbox.clear()
    message = services.message_send(actor=world.member, conversation=chat, body="Ben je er?")
    services.conversation_mark_read(actor=world.outsider, conversation=chat)
    notifications_deliver.call(
        kind="message",
        recipient_ids=[world.outsider.pk],
        actor_id=world.member.pk,
        target="conversations.message",
        target_id=message.pk,
    )
    assert not Notification.objects.exists()
    assert mail.outbox == []
