"""The bell and the messages badge are kept per reader and change with what changes them."""

import re

from kring.conversations import services as conversation_services
from kring.groups import services as group_services
from kring.notifications.models import Notification
from kring.notifications.services import notifications_create, notifications_mark_all_read

HOME = "/"


def _bell(client) -> int:
    found = re.search(r'id="bell-count"[^>]*>\s*(\d+)', client.get(HOME).content.decode())
    return int(found.group(1)) if found else 0


def _badge(client) -> int:
    found = re.search(r'data-badge="messages">(\d+)', client.get(HOME).content.decode())
    return int(found.group(1)) if found else 0


def test_header_counts_cost_no_query_if_the_reader_saw_them_a_moment_ago(
    world, client_for, django_assert_max_num_queries
):
    client = client_for(world.member)
    client.get(HOME)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as first:
        client.get("/people/")
    client_for(world.outsider).get("/people/")  # someone else's counts are kept apart
    with CaptureQueriesContext(connection) as again:
        client.get("/people/")
    assert len(again) == len(first)
    assert not any("notifications_notification" in q["sql"] for q in again.captured_queries)


def test_bell_passes_if_a_new_notification_arrives_after_the_count_was_kept(world, client_for):
    client = client_for(world.admin)
    assert _bell(client) == 0
    notifications_create(
        kind="mention",
        recipient_ids=[world.admin.pk],
        actor=world.member,
        target=world.posts["open"],
    )
    assert _bell(client) == 1
    notifications_mark_all_read(actor=world.admin)
    assert _bell(client) == 0


def test_bell_passes_if_leaving_a_group_drops_its_notifications_from_the_count(world, client_for):
    client = client_for(world.member)
    notifications_create(
        kind="mention",
        recipient_ids=[world.member.pk],
        actor=world.admin,
        target=world.posts["secret"],
    )
    assert _bell(client) == 1
    group_services.membership_remove(
        actor=world.member, group=world.groups["secret"], user=world.member
    )
    assert _bell(client) == 0
    assert Notification.objects.filter(recipient=world.member).count() == 1  # kept, not counted


def test_badge_passes_if_a_message_arrives_and_is_read(world, client_for):
    client = client_for(world.outsider)
    assert _badge(client) == 0
    conversation = conversation_services.conversation_start(
        actor=world.member, participants=[world.outsider], body="Hoi Carla"
    )
    assert _badge(client) == 1
    conversation_services.conversation_mark_read(actor=world.outsider, conversation=conversation)
    assert _badge(client) == 0
