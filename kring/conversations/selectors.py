"""Reads of private conversations for a viewer; every one starts from the access policy."""

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.db.models import Count, F, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from kring import access
from kring.conversations.models import Conversation, Message, Participant
from kring.core.errors import NotFound
from kring.core.pagination import Page, decode_cursor, encode_cursor, paginate_newest_first
from kring.people.models import User
from kring.people.selectors import people_directory_for

CONVERSATIONS_PER_PAGE = 20
MESSAGES_PER_PAGE = 50
PICKER_RESULTS = 8
PREVIEW_LENGTH = 140
_NEVER = datetime(2000, 1, 1, tzinfo=UTC)


def unread_conversation_count(viewer: Any) -> int:
    """How many of the viewer's conversations have a message they have not read (one query)."""
    if not access.is_signed_in(viewer):
        return 0
    return (
        Participant.objects.filter(user_id=viewer.pk)
        .filter(Q(last_read_at__isnull=True) | Q(last_read_at__lt=F("last_message_at")))
        .count()
    )


def _unread_messages() -> Subquery:
    """Messages of the row's conversation by others since the row's last read (a subquery)."""
    newer = Message.objects.filter(
        conversation_id=OuterRef("conversation_id"), kind=Message.Kind.MESSAGE
    ).exclude(author_id=OuterRef("user_id"))
    newer = newer.filter(created_at__gt=OuterRef("read_until"))
    return Subquery(
        newer.order_by().values("conversation_id").annotate(n=Count("id")).values("n")[:1]
    )


def conversations_for(viewer: Any, *, cursor: str | None = None) -> Page:
    """The viewer's conversations, newest activity first, as `Participant` rows (their seat).

    Each row carries `unread`, `last_body` and `last_author_id`; `row.conversation.people`
    are the other participants. Three queries per page, whatever the numbers.
    """
    if not access.is_signed_in(viewer):
        return Page(items=[], next_cursor=None)
    latest = Message.objects.filter(
        conversation_id=OuterRef("conversation_id"), kind=Message.Kind.MESSAGE
    ).order_by("-created_at", "-id")
    others = Participant.objects.exclude(user_id=viewer.pk).select_related("user").order_by("id")
    rows = (
        Participant.objects.filter(user_id=viewer.pk)
        .select_related("conversation")
        .prefetch_related(Prefetch("conversation__participants", queryset=others, to_attr="others"))
        .annotate(read_until=Coalesce("last_read_at", Value(_NEVER)))
        .annotate(
            unread=Coalesce(_unread_messages(), 0),
            last_body=Subquery(latest.values("body")[:1]),
            last_author_id=Subquery(latest.values("author_id")[:1]),
        )
    )
    page = paginate_newest_first(
        rows, field="last_message_at", cursor=cursor, per_page=CONVERSATIONS_PER_PAGE
    )
    for row in page.items:
        row.conversation.others = [seat.user for seat in row.conversation.others]
        body = " ".join((row.last_body or "").split())
        row.preview = body if len(body) <= PREVIEW_LENGTH else f"{body[:PREVIEW_LENGTH]}…"
    return page


@dataclass(frozen=True)
class MessagePage:
    """Messages oldest first; `earlier` is the cursor for the messages before them, if any."""

    messages: list[Message]
    earlier: str | None


def messages_page_for(
    viewer: Any, conversation: Conversation, *, before: str | None = None
) -> MessagePage:
    """The newest `MESSAGES_PER_PAGE` messages before `before` (None: the latest), oldest first."""
    if not access.can_view(viewer, conversation):
        return MessagePage(messages=[], earlier=None)
    queryset = Message.objects.filter(conversation=conversation).select_related(
        "author", "author__department", "person"
    )
    page = paginate_newest_first(
        queryset, field="created_at", cursor=before, per_page=MESSAGES_PER_PAGE
    )
    messages = list(reversed(page.items))
    for message in messages:
        message.conversation = conversation
    return MessagePage(messages=messages, earlier=page.next_cursor)


def have_read(message: Message, user_ids: list[int]) -> set[int]:
    """Which of `user_ids` have read the conversation up to `message` already (one query).

    The open page reads a live message before the worker gets to its notification. Call it
    in the transaction that writes the notifications: it locks the participants' seats, so
    an open page marking the conversation read (`conversation_mark_read`, which updates the
    seat first) either is seen here or waits and then marks the new notification read too.
    """
    seats = Participant.objects.select_for_update().filter(
        conversation_id=message.conversation_id, user_id__in=user_ids
    )
    return {
        user_id
        for user_id, last_read_at in seats.values_list("user_id", "last_read_at")
        if last_read_at is not None and last_read_at >= message.created_at
    }


def messages_after_for(viewer: Any, conversation: Conversation, *, after: int) -> list[Message]:
    """Up to MESSAGES_PER_PAGE messages with an id above `after`, oldest first (live.js)."""
    if not access.can_view(viewer, conversation):
        return []
    messages = list(
        Message.objects.filter(conversation=conversation, pk__gt=after)
        .select_related("author", "author__department", "person")
        .order_by("created_at", "id")[:MESSAGES_PER_PAGE]
    )
    for message in messages:
        message.conversation = conversation
    return messages


def message_page_before(message: Message) -> str | None:
    """The `before` cursor of the conversation page that shows `message` (None: the latest).

    Pages are counted from the newest message, as "Earlier messages" walks them, so a
    permalink opens the same page one would reach by scrolling back.
    """
    newer = Message.objects.filter(conversation_id=message.conversation_id).filter(
        Q(created_at__gt=message.created_at) | Q(created_at=message.created_at, id__gt=message.pk)
    )
    skipped = (newer.count() // MESSAGES_PER_PAGE) * MESSAGES_PER_PAGE
    if not skipped:
        return None
    edge = newer.order_by("-created_at", "-id").values("created_at", "id")[skipped - 1]
    return encode_cursor(edge["created_at"], edge["id"])


def cursor_is_valid(cursor: str) -> bool:
    return decode_cursor(cursor) is not None


def participants_of(conversation: Conversation) -> list[User]:
    """Everyone in a conversation the viewer may read, by name; each with `joined_at`."""
    seats = Participant.objects.filter(conversation=conversation).select_related(
        "user", "user__department"
    )
    people = []
    for seat in seats:
        seat.user.joined_at = seat.joined_at
        people.append(seat.user)
    return sorted(people, key=lambda p: (p.first_name, p.last_name, p.username))


def people_to_message(viewer: Any, *, query: str, exclude: set[int] | None = None) -> list[User]:
    """Up to PICKER_RESULTS people the viewer may write to whose name matches `query`."""
    if not query.strip():
        return []
    people = people_directory_for(viewer, query=query).exclude(pk=viewer.pk)
    if exclude:
        people = people.exclude(pk__in=exclude)
    return list(people[:PICKER_RESULTS])


def people_by_username_for(viewer: Any, usernames: list[str]) -> list[User]:
    """The people named, each once; one the viewer may not write to is a NotFound, like a typo."""
    names = list(dict.fromkeys(name.strip() for name in usernames if name.strip()))[:100]
    if not names:
        return []
    found = {
        person.username: person
        for person in access.visible(
            viewer, User.objects.filter(username__in=names)
        ).select_related("department")
    }
    if len(found) != len(names):
        raise NotFound(_("We cannot find one of the colleagues you chose."), field="participants")
    return [found[name] for name in names]


def conversation_between(viewer: Any, person: User) -> Conversation | None:
    """The latest conversation of just the viewer and `person`, if there is one (one query)."""
    if not access.is_signed_in(viewer):
        return None
    theirs = Participant.objects.filter(user_id=person.pk).values("conversation_id")
    return (
        access.visible(viewer, Conversation.objects.filter(pk__in=theirs))
        .annotate(size=Count("participants"))
        .filter(size=2)
        .order_by("-last_message_at", "-id")
        .first()
    )
