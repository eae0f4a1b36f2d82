"""What the services send after a commit: the event names and data live.js reads."""

import pytest

from kring.people.services import user_create
from kring.posts import services as post_services
from kring.realtime.bus import bus
from kring.realtime.events import notify_changed


@pytest.fixture
def ans_and_bas(db):
    return [
        user_create(username=name, email=f"{name}@example.org", password="x-Geheim-42")
        for name in ("ans", "bas")
    ]


@pytest.fixture
def listening(ans_and_bas):
    """Ans and Bas each have a page open."""
    subscriptions = [bus().subscribe(user.pk) for user in ans_and_bas]
    yield subscriptions
    for subscription in subscriptions:
        bus().unsubscribe(subscription)


def test_reply_created_carries_the_thread_place_and_count_if_a_colleague_replies(
    ans_and_bas, listening, django_capture_on_commit_callbacks
):
    ans, bas = ans_and_bas
    post = post_services.post_create(actor=ans, group=None, body="Wie heeft de sleutel?")
    with django_capture_on_commit_callbacks(execute=True):
        reply = post_services.reply_create(actor=bas, post=post, body="Ik!")
    # The post's author also hears that their notifications changed; this test is the reply.
    [event] = [e for e in listening[0].next(0) if e.event != "notifications.changed"]
    assert (event.event, event.data) == (
        "reply.created",
        {"post_id": post.pk, "reply_id": reply.pk, "path": reply.path, "reply_count": 1},
    )
    assert listening[1].next(0) == []  # the author's own pages already show it


def test_events_are_not_sent_if_the_transaction_rolls_back(
    ans_and_bas, listening, django_capture_on_commit_callbacks
):
    from django.db import transaction

    ans, _bas = ans_and_bas
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        post_services.post_create(actor=ans, group=None, body="Toch niet")
        raise RuntimeError
    assert callbacks == []
    assert listening[1].next(0) == []


def test_notify_changed_sends_each_user_their_own_count_if_counts_are_given(
    ans_and_bas, listening, django_capture_on_commit_callbacks
):
    ans, bas = ans_and_bas
    with django_capture_on_commit_callbacks(execute=True):
        notify_changed([ans.pk, bas.pk], unread={ans.pk: 3, bas.pk: 0})
    assert [(m.event, m.data) for m in listening[0].next(0)] == [
        ("notifications.changed", {"unread": 3})
    ]
    assert [(m.event, m.data) for m in listening[1].next(0)] == [
        ("notifications.changed", {"unread": 0})
    ]


def test_notify_changed_asks_the_page_to_fetch_if_no_count_is_given(
    ans_and_bas, listening, django_capture_on_commit_callbacks
):
    ans, _bas = ans_and_bas
    with django_capture_on_commit_callbacks(execute=True):
        notify_changed([ans.pk])
    assert [(m.event, m.data) for m in listening[0].next(0)] == [("notifications.changed", {})]
    assert listening[1].next(0) == []
