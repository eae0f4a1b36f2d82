"""A message read on the open page while the worker writes its notification (PostgreSQL)."""

import threading
import time

import pytest
from django.db import connection, connections
from django.utils import timezone

from kring.conversations import selectors
from kring.conversations import services as conversation_services
from kring.conversations.models import Message, Participant
from kring.notifications import services as notification_services
from kring.notifications.models import Notification
from kring.notifications.selectors import unread_count_for

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite runs one write transaction at a time"
)


def _waiting_on_a_lock() -> bool:
    with connections["default"].cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0] > 0


@pytest.mark.django_db(transaction=True)
def test_the_page_reading_a_message_meanwhile_leaves_no_unread_notification(make_user, monkeypatch):
    anna, bram = make_user("anna"), make_user("bram")
    conversation = conversation_services.conversation_start(
        actor=anna, participants=[bram], body="Zullen we morgen bellen?"
    )
    now = timezone.now()
    message = Message.objects.create(
        conversation=conversation,
        author=bram,
        body="Prima",
        body_html="<p>Prima</p>",
        created_at=now,
    )
    Participant.objects.filter(conversation=conversation).update(last_message_at=now)
    failures: list[BaseException] = []

    def anna_reads() -> None:  # live.js fetching the message on Anna's open page
        try:
            conversation_services.conversation_mark_read(actor=anna, conversation=conversation)
        except BaseException as error:  # noqa: BLE001 (reported below)
            failures.append(error)
        finally:
            connections.close_all()

    reader = threading.Thread(target=anna_reads)
    real_have_read = selectors.have_read

    def have_read_then_anna_reads(target, user_ids):
        # The worker has looked: Anna has not read it. Now her page reads the conversation,
        # before the worker writes the notification.
        seen = real_have_read(target, user_ids)
        reader.start()
        give_up = time.monotonic() + 10
        while reader.is_alive() and not _waiting_on_a_lock() and time.monotonic() < give_up:
            time.sleep(0.01)
        return seen

    monkeypatch.setattr(notification_services, "have_read", have_read_then_anna_reads)
    notification_services.notifications_create(
        kind=Notification.Kind.MESSAGE, recipient_ids=[anna.pk], actor=bram, target=message
    )
    reader.join()

    assert not failures
    assert unread_count_for(anna) == 0
