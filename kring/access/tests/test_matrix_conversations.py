"""The permission matrix for private conversations: participants, and nobody else.

A conversation between `member` and `outsider` carries unique markers in its subject,
its messages and the name of a third participant. Every viewer kind asks for it through
every surface (pages, htmx fragments, permalinks, writes, the API); only the two
participants get it. Everyone else, the site admin included, gets a 404 that looks
exactly like a missing conversation, and no marker anywhere.
"""

import json

import pytest
from django.test import Client

from kring import access
from kring.access.tests.conftest import VIEWERS, Matrix, _user
from kring.access.tests.surfaces import Expect, check, client_for
from kring.conversations import services
from kring.conversations.models import Conversation, Message
from kring.core.pagination import encode_cursor
from kring.core.testing import page_without_tokens
from kring.notifications.models import Notification
from kring.realtime.bus import bus
from kring.realtime.events import MESSAGE_CREATED

SUBJECT = "MARKER-conv-subject-5e1d"
BODY = "MARKER-conv-body-5e1d"
REPLY = "MARKER-conv-reply-5e1d"
PERSON = "MARKER-conv-person-5e1d"
ALL_MARKERS = (SUBJECT, BODY, REPLY, PERSON)
PARTICIPANTS = {"member", "outsider"}


@pytest.fixture
def conversation(matrix: Matrix) -> Conversation:
    third = _user("derde_deelnemer")
    third.first_name = PERSON
    third.save()
    conversation = services.conversation_start(
        actor=matrix.users["member"],
        participants=[matrix.users["outsider"], third],
        subject=SUBJECT,
        body=f"Vraag {BODY}",
    )
    services.message_send(
        actor=matrix.users["outsider"], conversation=conversation, body=f"Antwoord {REPLY}"
    )
    return conversation


def _surfaces(conversation: Conversation, viewer: str) -> list[tuple[str, str, dict, Expect]]:
    """(name, url, extra request arguments, expectation) for one viewer."""
    inside = viewer in PARTICIPANTS
    first = conversation.messages.order_by("id").first()
    url = conversation.get_absolute_url()
    earlier = f"{url}?before={encode_cursor(first.created_at, first.pk + 1)}"
    htmx = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "messages-earlier"}
    shown = ALL_MARKERS if inside else ()
    hidden = (404,) if viewer != "anonymous" else (302,)
    api_hidden = (404,) if viewer != "anonymous" else (401,)
    return [
        (
            "list page",
            "/messages/",
            {},
            # the list previews the latest message only
            Expect(
                (200,) if viewer != "anonymous" else (302,),
                (SUBJECT, REPLY, PERSON) if inside else (),
            ),
        ),
        ("conversation page", url, {}, Expect((200,) if inside else hidden, shown)),
        (
            "earlier page",
            earlier,
            {},
            Expect((200,) if inside else hidden, (BODY,) if inside else ()),
        ),
        (
            "earlier fragment",
            earlier,
            htmx,
            Expect((200,) if inside else hidden, (BODY,) if inside else ()),
        ),
        ("message permalink", first.get_absolute_url(), {}, Expect((302,) if inside else hidden)),
        ("leave page", f"{url}leave/", {}, Expect((200,) if inside else hidden)),
        (
            "api list",
            "/api/v1/conversations",
            {},
            Expect(
                (200,) if viewer != "anonymous" else (401,), (SUBJECT, PERSON) if inside else ()
            ),
        ),
        (
            "api messages",
            f"/api/v1/conversations/{conversation.pk}/messages",
            {},
            Expect((200,) if inside else api_hidden, (BODY, REPLY) if inside else ()),
        ),
    ]


@pytest.mark.parametrize("viewer_kind", VIEWERS)
def test_conversation_surfaces_return_expected_and_leak_nothing_if_viewer(
    matrix, conversation, viewer_kind
):
    client = client_for(matrix, viewer_kind)
    forbidden = [] if viewer_kind in PARTICIPANTS else list(ALL_MARKERS)
    problems = []
    for name, url, extra, expect in _surfaces(conversation, viewer_kind):
        problems += check(name, client.get(url, **extra), expect, forbidden)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("viewer_kind", sorted(set(VIEWERS) - PARTICIPANTS))
def test_conversation_writes_fail_if_not_a_participant(matrix, conversation, viewer_kind):
    client = client_for(matrix, viewer_kind)
    url = conversation.get_absolute_url()
    before = Message.objects.count()
    expected = 302 if viewer_kind == "anonymous" else 404
    problems = []
    for name, response in [
        ("send", client.post(f"{url}send/", {"body": "Ik lees mee"})),
        ("send htmx", client.post(f"{url}send/", {"body": "Ik lees mee"}, HTTP_HX_REQUEST="true")),
        ("add self", client.post(f"{url}add/", {"to": [viewer_kind]})),
        ("leave", client.post(f"{url}leave/")),
    ]:
        problems += check(name, response, Expect((expected,)), list(ALL_MARKERS))
    api = client.post(
        f"/api/v1/conversations/{conversation.pk}/messages",
        data=json.dumps({"body": "Ik lees mee"}),
        content_type="application/json",
    )
    problems += check(
        "api send", api, Expect((401 if viewer_kind == "anonymous" else 404,)), list(ALL_MARKERS)
    )
    assert not problems, "\n".join(problems)
    assert Message.objects.count() == before
    assert conversation.participants.count() == 3


@pytest.mark.parametrize("viewer_kind", VIEWERS)
def test_other_pages_never_show_the_conversation_if_viewer(matrix, conversation, viewer_kind):
    """The feed, profiles, the directory and the picker do not mention it to anyone."""
    client = client_for(matrix, viewer_kind)
    member = matrix.users["member"]
    problems = []
    for name, url in [
        ("home", "/"),
        ("profile", f"/people/{member.username}/"),
        ("directory", "/people/"),
        ("posts api", "/api/v1/posts"),
    ]:
        problems += check(
            name, client.get(url), Expect((200, 302, 401, 404)), [SUBJECT, BODY, REPLY]
        )
    assert not problems, "\n".join(problems)


def test_conversation_page_returns_same_404_if_missing_or_invisible(matrix, conversation):
    client = client_for(matrix, "site_admin")
    hidden = client.get(conversation.get_absolute_url())
    missing_id = Conversation.objects.order_by("-pk").first().pk + 1000
    missing = client.get(f"/messages/{missing_id}/")
    assert hidden.status_code == missing.status_code == 404
    assert page_without_tokens(hidden.content) == page_without_tokens(missing.content)
    api_hidden = client.get(f"/api/v1/conversations/{conversation.pk}/messages")
    api_missing = client.get(f"/api/v1/conversations/{missing_id}/messages")
    assert api_hidden.content == api_missing.content


@pytest.mark.parametrize("viewer_kind", VIEWERS)
def test_rule_and_filter_agree_if_viewer(matrix, conversation, viewer_kind):
    viewer = matrix.viewer(viewer_kind)
    may_view = access.can_view(viewer, conversation)
    assert may_view == (viewer_kind in PARTICIPANTS)
    listed = access.visible(viewer, Conversation.objects.all()).filter(pk=conversation.pk).exists()
    assert listed == may_view
    for message in conversation.messages.all():
        assert access.can_view(viewer, message) == may_view
    messages = access.visible(viewer, Message.objects.filter(conversation=conversation))
    assert messages.count() == (2 if may_view else 0)


def test_audience_is_exactly_the_participants(matrix, conversation):
    ids = {matrix.users[kind].pk for kind in PARTICIPANTS}
    assert ids < access.audience(conversation)
    assert matrix.users["site_admin"].pk not in access.audience(conversation)
    assert len(access.audience(conversation)) == 3


def test_session_of_a_site_admin_is_no_backdoor_through_the_django_admin(matrix, conversation):
    client = Client()
    client.force_login(matrix.users["site_admin"])
    for path in ("/admin/conversations/conversation/", "/admin/conversations/message/"):
        assert client.get(path).status_code == 404
    assert SUBJECT not in client.get("/admin/").content.decode()


# --- Notifications and live events of a new message: the other participants, nobody else.


@pytest.fixture
def streams(matrix):
    """A stream open for every signed-in viewer kind (and the third participant) on this bus."""
    local = bus()
    kinds = [kind for kind in VIEWERS if kind != "anonymous"]
    subscriptions = {kind: local.subscribe(matrix.users[kind].pk) for kind in kinds}
    yield subscriptions
    for subscription in subscriptions.values():
        local.unsubscribe(subscription)


def test_new_message_notifies_and_signals_exactly_the_other_participants(
    matrix, conversation, streams, django_capture_on_commit_callbacks
):
    Notification.objects.all().delete()
    for subscription in streams.values():
        subscription.next(0)
    with django_capture_on_commit_callbacks(execute=True):
        message = services.message_send(
            actor=matrix.users["member"], conversation=conversation, body="Nog iets MARKER-x"
        )
    third = conversation.participants.exclude(
        user__in=[matrix.users[k] for k in PARTICIPANTS]
    ).get()
    notified = set(Notification.objects.values_list("recipient_id", "kind", "message_id"))
    assert notified == {
        (matrix.users["outsider"].pk, "message", message.pk),
        (third.user_id, "message", message.pk),
    }
    problems = []
    for kind, subscription in streams.items():
        events = [e for e in subscription.next(0) if e.event == MESSAGE_CREATED]
        expected = kind == "outsider"  # the author (member) hears nothing of their own message
        if bool(events) != expected:
            problems.append(f"{kind}: {'LEAK' if events else 'missing'}")
        for event in events:
            assert event.data == {"conversation_id": conversation.pk, "message_id": message.pk}
    assert not problems, "\n".join(problems)


def test_new_message_reaches_nobody_who_left(
    matrix, conversation, streams, django_capture_on_commit_callbacks
):
    services.conversation_leave(actor=matrix.users["outsider"], conversation=conversation)
    Notification.objects.all().delete()
    for subscription in streams.values():
        subscription.next(0)
    with django_capture_on_commit_callbacks(execute=True):
        services.message_send(actor=matrix.users["member"], conversation=conversation, body="Hoi")
    assert not Notification.objects.filter(recipient=matrix.users["outsider"]).exists()
    assert not [e for e in streams["outsider"].next(0) if e.event == MESSAGE_CREATED]


@pytest.mark.parametrize("viewer_kind", VIEWERS)
def test_live_endpoints_answer_like_the_conversation_page_if_viewer(
    matrix, conversation, viewer_kind
):
    client = client_for(matrix, viewer_kind)
    inside = viewer_kind in PARTICIPANTS
    forbidden = [] if inside else list(ALL_MARKERS)
    hidden = (404,) if viewer_kind != "anonymous" else (302,)
    url = f"{conversation.get_absolute_url()}new/?after=0"
    problems = check(
        "new messages",
        client.get(url),
        Expect((200,) if inside else hidden, (BODY, REPLY) if inside else ()),
        forbidden,
    )
    badge = client.get("/messages/badge/")
    problems += check(
        "badge", badge, Expect((200,) if viewer_kind != "anonymous" else (302,)), forbidden
    )
    assert not problems, "\n".join(problems)
