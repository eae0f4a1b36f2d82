"""The permission matrix for notifications: the policy, notify(), and every delivery surface.

Each viewer gets a notification about every post, reply and answer of every space (and
about every group), written straight into the table as if it had been delivered before
they lost access. Whatever they may not read must then be absent from the list page, the
bell count, the API, the e-mail and the digest; and notify() must not create it at all.
"""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail

from kring import access
from kring.access.tests.conftest import GROUP_SPACES, SPACES, VIEWERS, Matrix, marker
from kring.access.tests.expected import reads, sees_group
from kring.access.tests.surfaces import client_for, forbidden_markers
from kring.api.services import api_token_issue
from kring.notifications.digests import digests_send_due
from kring.notifications.emails import notification_email_send
from kring.notifications.models import Notification, NotificationPreference
from kring.notifications.selectors import LINE_RELATED
from kring.notifications.services import notify

WEDNESDAY = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
SIGNED_IN = [kind for kind in VIEWERS if kind != "anonymous"]
Kind = Notification.Kind


def _plant(matrix: Matrix, viewer_kind: str) -> dict[str, list[tuple[Notification, bool]]]:
    """Notifications for the viewer on everything, each with whether they may see it."""
    user = matrix.users[viewer_kind]
    author = matrix.users["group_admin"] if viewer_kind != "group_admin" else matrix.users["member"]
    planted: dict[str, list[tuple[Notification, bool]]] = {}
    for space in SPACES:
        items = []
        for target in (matrix.posts[space], matrix.replies[space], matrix.answers[space]):
            fields = (
                {"post": target}
                if target is matrix.posts[space]
                else {"post": target.post, "reply": target}
            )
            items.append(
                (
                    Notification.objects.create(
                        recipient=user, kind=Kind.MENTION, actor=author, **fields
                    ),
                    reads(viewer_kind, space),
                )
            )
        if space in GROUP_SPACES:
            group = matrix.groups[space]
            items.append(
                (
                    Notification.objects.create(
                        recipient=user, kind=Kind.INVITATION, actor=author, group=group
                    ),
                    sees_group(viewer_kind, space),
                )
            )
        planted[space] = items
    return planted


@pytest.mark.parametrize("viewer_kind", SIGNED_IN)
def test_notification_can_view_and_visible_agree_and_return_expected_if_viewer(matrix, viewer_kind):
    planted = _plant(matrix, viewer_kind)
    someone_else = Notification.objects.create(
        recipient=matrix.users["outsider" if viewer_kind != "outsider" else "member"],
        kind=Kind.MENTION,
        post=matrix.posts["open"],
    )
    viewer = matrix.viewer(viewer_kind)
    listed = set(access.visible(viewer, Notification.objects.all()).values_list("pk", flat=True))
    problems = []
    for space, items in planted.items():
        for notification, expected in items:
            one = access.can_view(viewer, notification)
            if one != (notification.pk in listed) or one != expected:
                problems.append(
                    f"{space} {notification.target}: can_view={one}, expected {expected}"
                )
            assert access.audience(notification) <= {viewer.pk}
    assert someone_else.pk not in listed and not access.can_view(viewer, someone_else)
    assert not problems, f"{viewer_kind}: " + "; ".join(problems)


def test_notification_is_invisible_to_anonymous(matrix):
    _plant(matrix, "member")
    assert not access.visible(matrix.viewer("anonymous"), Notification.objects.all()).exists()


@pytest.mark.parametrize("space", SPACES)
def test_notify_creates_notifications_only_for_readers_if_space(
    matrix, space, django_capture_on_commit_callbacks
):
    actor = matrix.users["group_admin"]
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            kind=Kind.MENTION, recipients=matrix.people, actor=actor, target=matrix.replies[space]
        )
    got = set(Notification.objects.values_list("recipient_id", flat=True))
    expected = {
        matrix.users[kind].pk for kind in SIGNED_IN if kind != "group_admin" and reads(kind, space)
    }
    assert got == expected
    mailed = {address for message in mail.outbox for address in message.to}
    assert mailed == {
        matrix.users[kind].email for kind in SIGNED_IN if matrix.users[kind].pk in expected
    }


@pytest.mark.parametrize("viewer_kind", SIGNED_IN)
def test_notification_surfaces_leak_nothing_if_viewer(matrix, viewer_kind):
    """List page, bell count, bell endpoint, API, e-mail at once and digest for one viewer."""
    planted = _plant(matrix, viewer_kind)
    visible_count = sum(expected for items in planted.values() for _, expected in items)
    forbidden = forbidden_markers(viewer_kind)
    readable = [marker(s, "reply") for s in SPACES if reads(viewer_kind, s)]
    client = client_for(matrix, viewer_kind)
    bodies = {
        "list page": client.get("/notifications/").content.decode(),
        "bell": client.get("/notifications/bell/").content.decode(),
        "API": client.get(
            "/api/v1/notifications",
            headers={"authorization": f"Bearer {api_token_issue(user=matrix.users[viewer_kind])}"},
        ).content.decode(),
    }
    # Replies go to the digest by default; a Wednesday, the digest the day after.
    Notification.objects.update(kind=Kind.REPLY, created_at=WEDNESDAY)
    for items in planted.values():
        for notification, _ in items:
            notification_email_send(
                Notification.objects.select_related(
                    "recipient", "post", "post__group", "reply", "group", "actor"
                ).get(pk=notification.pk)
            )
    bodies["e-mail at once"] = "\n".join(m.body + m.alternatives[0][0] for m in mail.outbox)
    assert len(mail.outbox) == visible_count
    mail.outbox.clear()
    digests_send_due(now=WEDNESDAY + timedelta(days=1))
    bodies["digest"] = "\n".join(
        m.body + m.alternatives[0][0]
        for m in mail.outbox
        if matrix.users[viewer_kind].email in m.to
    )
    problems = [
        f"{name}: LEAK of {text}"
        for name, body in bodies.items()
        for text in forbidden
        if text in body
    ]
    for name in ("list page", "API", "digest"):
        problems += [f"{name}: {text} missing" for text in readable if text not in bodies[name]]
    count = re.search(r'id="bell-count"[^>]*>(\d+)<', bodies["bell"]).group(1)
    if int(count) != visible_count:
        problems.append(f"bell: count {count}, expected {visible_count}")
    assert not problems, f"{viewer_kind}: " + "; ".join(problems)


# --- Private messages: a notification about a conversation is for its participants only.

MESSAGE_MARKER = "MARKER-message-note-3d6f"
SUBJECT_MARKER = "MARKER-message-subject-3d6f"
PARTICIPANTS = {"member", "outsider"}


@pytest.fixture
def conversation(matrix):
    from kring.conversations import services as conversation_services

    return conversation_services.conversation_start(
        actor=matrix.users["member"],
        participants=[matrix.users["outsider"]],
        subject=SUBJECT_MARKER,
        body=f"Vraag {MESSAGE_MARKER}",
    )


def _plant_message(matrix, conversation, viewer_kind: str) -> Notification:
    """A message notification for the viewer, as if delivered before they left or never was."""
    return Notification.objects.create(
        recipient=matrix.users[viewer_kind],
        kind=Kind.MESSAGE,
        actor=matrix.users["member"],
        conversation=conversation,
        message=conversation.messages.first(),
    )


@pytest.mark.parametrize("viewer_kind", SIGNED_IN)
def test_message_notification_rule_and_filter_agree_if_viewer(matrix, conversation, viewer_kind):
    notification = _plant_message(matrix, conversation, viewer_kind)
    viewer = matrix.viewer(viewer_kind)
    expected = viewer_kind in PARTICIPANTS
    listed = access.visible(viewer, Notification.objects.filter(pk=notification.pk)).exists()
    assert access.can_view(viewer, notification) == listed == expected
    assert access.audience(notification) == ({viewer.pk} if expected else set())


@pytest.mark.parametrize("viewer_kind", SIGNED_IN)
def test_message_notification_surfaces_leak_nothing_if_viewer(matrix, conversation, viewer_kind):
    """List page, bell, API, e-mail at once and digest: participants only, nobody else."""
    Notification.objects.all().delete()
    notification = _plant_message(matrix, conversation, viewer_kind)
    inside = viewer_kind in PARTICIPANTS
    client = client_for(matrix, viewer_kind)
    token = api_token_issue(user=matrix.users[viewer_kind])
    bodies = {
        "list page": client.get("/notifications/").content.decode(),
        "API": client.get(
            "/api/v1/notifications", headers={"authorization": f"Bearer {token}"}
        ).content.decode(),
    }
    count = re.search(
        r'id="bell-count"[^>]*>(\d+)<', client.get("/notifications/bell/").content.decode()
    ).group(1)
    assert int(count) == int(inside)
    notification_email_send(
        Notification.objects.select_related("recipient", *LINE_RELATED).get(pk=notification.pk)
    )
    assert len(mail.outbox) == int(inside)
    bodies["e-mail at once"] = "\n".join(m.body + m.alternatives[0][0] for m in mail.outbox)
    mail.outbox.clear()
    Notification.objects.update(created_at=WEDNESDAY, emailed_at=None)
    NotificationPreference.objects.create(
        user=matrix.users[viewer_kind], kind=Kind.MESSAGE, delivery="digest"
    )
    digests_send_due(now=WEDNESDAY + timedelta(days=1))
    bodies["digest"] = "\n".join(
        m.body + m.alternatives[0][0]
        for m in mail.outbox
        if matrix.users[viewer_kind].email in m.to
    )
    for name, body in bodies.items():
        for text in (MESSAGE_MARKER, SUBJECT_MARKER):
            assert (text in body) == inside, f"{viewer_kind} {name}: {text} shown={not inside}"


def test_message_notification_is_gone_everywhere_after_leaving(matrix, conversation):
    from kring.conversations import services as conversation_services

    outsider = matrix.users["outsider"]
    notification = _plant_message(matrix, conversation, "outsider")
    conversation_services.conversation_leave(actor=outsider, conversation=conversation)
    client = client_for(matrix, "outsider")
    assert MESSAGE_MARKER not in client.get("/notifications/").content.decode()
    assert client.get(f"/notifications/{notification.pk}/").status_code == 404
    assert not access.can_view(matrix.viewer("outsider"), notification)
    fresh = Notification.objects.select_related("recipient", *LINE_RELATED).get(pk=notification.pk)
    assert notification_email_send(fresh) is False
    assert mail.outbox == []
