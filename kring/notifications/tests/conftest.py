"""Helpers for notification tests: run on-commit work (the immediate task backend runs the task)."""

import pytest

from kring.notifications.models import Notification
from kring.notifications.services import notifications_create


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed(): ...` runs what the block registered for after commit, like a real commit."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


@pytest.fixture
def make_notification():
    """Create notifications right away, bypassing `notify()`'s on-commit step."""

    def make(*, recipient, target, kind=Notification.Kind.MENTION, actor=None) -> Notification:
        created = notifications_create(
            kind=kind, recipient_ids=[recipient.pk], actor=actor, target=target
        )
        assert created, "the recipient may not see the target"
        return created[0]

    return make
