"""Rules for private conversations: only their participants, nobody else.

Not site admins, not staff, not group admins: a private conversation is readable by the
people in it and by no one else through Kring's pages, API, notifications or realtime
streams. There is no backdoor, as for secret groups (docs/decisions/0001 and 0010): the
messages are personal data between colleagues (AVG), and a reader they did not choose
would make them neither private nor trusted. Someone who leaves, or whose account is
deactivated, loses access.
"""

from typing import Any

from django.db.models import QuerySet

from kring.access.people import can_view_person
from kring.access.viewers import is_signed_in

_SEATS_CACHE = "_kring_participant_ids"


def participant_ids(conversation: Any) -> set[int]:
    """The ids of everyone in the conversation (active or not), read once per object."""
    ids = getattr(conversation, _SEATS_CACHE, None)
    if ids is None:
        ids = set(conversation.participants.values_list("user_id", flat=True))
        setattr(conversation, _SEATS_CACHE, ids)
    return ids


def forget_participants(conversation: Any) -> None:
    """Drop the cached participant ids after someone joined or left."""
    if hasattr(conversation, _SEATS_CACHE):
        delattr(conversation, _SEATS_CACHE)


def can_view_conversation(viewer: Any, conversation: Any) -> bool:
    """Only a signed-in, active participant; site admins and staff are no exception."""
    return is_signed_in(viewer) and viewer.pk in participant_ids(conversation)


def visible_conversations(viewer: Any, queryset: QuerySet) -> QuerySet:
    if not is_signed_in(viewer):
        return queryset.none()
    from kring.conversations.models import Participant

    mine = Participant.objects.filter(user_id=viewer.pk).values("conversation_id")
    return queryset.filter(pk__in=mine)


def can_view_message(viewer: Any, message: Any) -> bool:
    return can_view_conversation(viewer, message.conversation)


def visible_messages(viewer: Any, queryset: QuerySet) -> QuerySet:
    if not is_signed_in(viewer):
        return queryset.none()
    from kring.conversations.models import Participant

    mine = Participant.objects.filter(user_id=viewer.pk).values("conversation_id")
    return queryset.filter(conversation_id__in=mine)


def can_send_message(viewer: Any, conversation: Any) -> bool:
    return can_view_conversation(viewer, conversation)


def can_message(viewer: Any, person: Any) -> bool:
    """Whether the viewer may start a conversation with `person` or add them to one.

    The people rule decides: employees may write to every active colleague (guests
    included), a guest only to the people they can see (those in a group with them).
    Nobody writes to a deactivated account or to themselves.
    """
    return is_signed_in(viewer) and person.pk != viewer.pk and can_view_person(viewer, person)


def can_add_participant(viewer: Any, conversation: Any, person: Any) -> bool:
    """Any participant may add someone they may message; history is visible to them."""
    return can_view_conversation(viewer, conversation) and can_message(viewer, person)


def conversation_audience(conversation: Any) -> set[int]:
    """The ids of the active participants."""
    from kring.people.models import User

    return set(
        User.objects.filter(pk__in=participant_ids(conversation), is_active=True).values_list(
            "pk", flat=True
        )
    )
