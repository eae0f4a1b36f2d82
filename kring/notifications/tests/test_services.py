from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from kring.groups import services as group_services
from kring.notifications.models import Notification, NotificationPreference
from kring.notifications.services import notify
from kring.posts import services as post_services

Kind = Notification.Kind


def _notifications(user):
    return list(Notification.objects.filter(recipient=user).order_by("id"))


def test_notify_passes_if_committed_and_skips_the_actor(world, committed):
    post = world.posts["open"]
    with committed():
        notify(
            kind=Kind.MENTION,
            recipients=[world.admin, world.member.pk, world.outsider],
            actor=world.member,
            target=post,
        )
    assert [n.kind for n in _notifications(world.admin)] == ["mention"]
    assert [n.post_id for n in _notifications(world.outsider)] == [post.pk]
    assert _notifications(world.member) == []


def test_notify_creates_nothing_if_the_transaction_does_not_commit(world, committed):
    notify(
        kind=Kind.MENTION, recipients=[world.admin], actor=world.member, target=world.posts["open"]
    )
    assert _notifications(world.admin) == []


def test_notify_skips_recipients_who_may_not_see_the_target(world, committed):
    with committed():
        notify(
            kind=Kind.MENTION,
            recipients=[world.admin, world.outsider, world.guest, world.site_admin],
            actor=world.member,
            target=world.posts["closed"],
        )
    assert len(_notifications(world.admin)) == 1
    assert _notifications(world.outsider) == []
    assert _notifications(world.guest) == []
    assert _notifications(world.site_admin) == []


def test_notify_bumps_if_the_same_unread_one_is_less_than_an_hour_old(world, committed):
    post = world.posts["open"]
    for _ in range(3):
        with committed():
            notify(kind=Kind.MENTION, recipients=[world.admin], actor=world.member, target=post)
    (only,) = _notifications(world.admin)
    assert only.count == 3


def test_notify_adds_a_new_one_if_the_old_one_was_read_or_is_old(world, committed):
    post = world.posts["open"]
    with committed():
        notify(kind=Kind.MENTION, recipients=[world.admin], actor=world.member, target=post)
    Notification.objects.update(read_at=timezone.now())
    with committed():
        notify(kind=Kind.MENTION, recipients=[world.admin], actor=world.member, target=post)
    Notification.objects.filter(read_at__isnull=True).update(
        created_at=timezone.now() - timedelta(hours=2)
    )
    with committed():
        notify(kind=Kind.MENTION, recipients=[world.admin], actor=world.member, target=post)
    assert [n.count for n in _notifications(world.admin)] == [1, 1, 1]


def test_notify_fails_if_the_kind_or_target_is_unknown(world):
    with pytest.raises(ValueError):
        notify(kind="gossip", recipients=[world.admin], actor=None, target=world.posts["open"])
    with pytest.raises(TypeError):
        notify(kind=Kind.MENTION, recipients=[world.admin], actor=None, target=world.department)


def test_reply_create_notifies_the_author_and_the_others_in_the_thread(world, committed):
    post = world.posts["open"]  # written by member
    with committed():
        post_services.reply_create(actor=world.admin, post=post, body="Eerste reactie")
    with committed():
        post_services.reply_create(actor=world.outsider, post=post, body="Tweede reactie")
    assert [n.kind for n in _notifications(world.member)] == ["reply", "reply"]
    (thread_reply,) = _notifications(world.admin)
    assert thread_reply.kind == "thread_reply"
    assert thread_reply.reply.body == "Tweede reactie"
    assert _notifications(world.outsider) == []


def test_join_request_notifies_the_group_admins(world, committed):
    group = world.groups["closed"]
    with committed():
        group_services.join_request_create(actor=world.outsider, group=group)
    (request,) = _notifications(world.admin)
    assert (request.kind, request.group_id, request.actor_id) == (
        "join_request",
        group.pk,
        world.outsider.pk,
    )


def test_membership_add_notifies_the_new_member(world, committed):
    group = world.groups["secret"]
    with committed():
        group_services.membership_add(actor=world.admin, group=group, user=world.outsider)
    (invitation,) = _notifications(world.outsider)
    assert invitation.kind == "invitation" and invitation.group_id == group.pk


def test_email_at_once_passes_if_the_kind_is_set_to_email(world, committed):
    with committed():
        notify(
            kind=Kind.MENTION,
            recipients=[world.admin],
            actor=world.member,
            target=world.posts["open"],
        )
    (message,) = mail.outbox
    assert message.to == [world.admin.email]
    assert "Bram Jansen noemde je" in message.subject
    assert "Geheime tekst van de open groep" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    assert "/notifications/unsubscribe/" in message.extra_headers["List-Unsubscribe"]
    raw = message.message().as_string()
    assert "\nList-Unsubscribe: <http://" in raw  # the address itself, not RFC 2047 words
    assert "\nList-Unsubscribe-Post: List-Unsubscribe=One-Click" in raw
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "Geheime tekst van de open groep" in html
    assert Notification.objects.get(recipient=world.admin).emailed_at is not None


def test_email_at_once_is_in_the_recipients_language(world, committed):
    world.admin.language = "en"
    world.admin.save(update_fields=["language"])
    with committed():
        notify(
            kind=Kind.MENTION,
            recipients=[world.admin],
            actor=world.member,
            target=world.posts["open"],
        )
    assert "Bram Jansen mentioned you" in mail.outbox[0].subject
    assert "Read it in Kring" in mail.outbox[0].body


def test_email_at_once_is_not_sent_if_the_kind_goes_to_the_digest_or_in_app(world, committed):
    NotificationPreference.objects.create(user=world.admin, kind=Kind.MENTION, delivery="in_app")
    with committed():
        notify(
            kind=Kind.MENTION,
            recipients=[world.admin],
            actor=world.member,
            target=world.posts["open"],
        )
        notify(
            kind=Kind.REPLY,
            recipients=[world.admin],
            actor=world.member,
            target=world.posts["open"],
        )
    assert len(_notifications(world.admin)) == 2
    assert mail.outbox == []


def test_email_at_once_is_not_repeated_if_bumped(world, committed):
    for _ in range(2):
        with committed():
            notify(
                kind=Kind.MENTION,
                recipients=[world.admin],
                actor=world.member,
                target=world.posts["open"],
            )
    assert len(mail.outbox) == 1
