"""Writing private conversations: start, send, add someone, leave, mark read."""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kring import access
from kring.access.conversations import forget_participants, participant_ids
from kring.conversations.models import SUBJECT_MAX_LENGTH, Conversation, Message, Participant
from kring.core.errors import NotFound, PermissionDenied, ValidationFailed
from kring.core.markdown import render_markdown
from kring.notifications.header import header_counts_forget
from kring.notifications.models import Notification
from kring.notifications.services import notifications_mark_conversation_read, notify
from kring.people.models import User
from kring.posts.services import body_clean
from kring.realtime.events import message_created_publish, notify_changed

MAX_PARTICIPANTS = 50


def _not_found() -> NotFound:
    return NotFound(_("That conversation does not exist."))


def _people_clean(actor: User, people: Iterable[User], *, already: set[int]) -> list[User]:
    """The people to add, each once, without the actor and those already in.

    Someone the actor may not message (invisible, deactivated) gives the same answer as
    someone who does not exist, so the error confirms nothing.
    """
    chosen: dict[int, User] = {}
    for person in people:
        if person.pk == actor.pk or person.pk in already:
            continue
        if not access.can_message(actor, person):
            raise NotFound(
                _("We cannot find one of the colleagues you chose."), field="participants"
            )
        chosen[person.pk] = person
    if len(chosen) + len(already) > MAX_PARTICIPANTS:
        raise ValidationFailed(
            _("A conversation can have at most %(limit)s people.") % {"limit": MAX_PARTICIPANTS},
            field="participants",
        )
    return list(chosen.values())


def _subject_clean(subject: str | None) -> str:
    subject = " ".join((subject or "").split())
    if len(subject) > SUBJECT_MAX_LENGTH:
        raise ValidationFailed(
            _("A subject can be at most %(limit)s characters.") % {"limit": SUBJECT_MAX_LENGTH},
            field="subject",
        )
    return subject


@transaction.atomic
def conversation_start(
    *, actor: User, participants: Iterable[User], body: str, subject: str = ""
) -> Conversation:
    """Start a conversation between the actor and `participants` with a first message."""
    body = body_clean(body)
    subject = _subject_clean(subject)
    if not access.is_signed_in(actor):
        raise PermissionDenied(_("Sign in to write to colleagues."))
    people = _people_clean(actor, participants, already=set())
    if not people:
        raise ValidationFailed(
            _("Choose at least one colleague to write to."), field="participants"
        )
    now = timezone.now()
    conversation = Conversation.objects.create(
        created_by=actor, subject=subject, created_at=now, last_message_at=now
    )
    Participant.objects.bulk_create(
        [
            Participant(
                conversation=conversation,
                user=actor,
                joined_at=now,
                last_read_at=now,
                last_message_at=now,
            )
        ]
        + [
            Participant(conversation=conversation, user=p, joined_at=now, last_message_at=now)
            for p in people
        ]
    )
    message = Message.objects.create(
        conversation=conversation,
        author=actor,
        body=body,
        body_html=render_markdown(body),
        created_at=now,
    )
    header_counts_forget(person.pk for person in people)
    _message_announce(message)
    return conversation


@transaction.atomic
def message_send(*, actor: User, conversation: Conversation, body: str) -> Message:
    """Add the actor's message to a conversation they are in; it is read for them."""
    if not access.can_send_message(actor, conversation):
        raise _not_found()
    body = body_clean(body)
    now = timezone.now()
    message = Message.objects.create(
        conversation=conversation,
        author=actor,
        body=body,
        body_html=render_markdown(body),
        created_at=now,
    )
    Conversation.objects.filter(pk=conversation.pk).update(last_message_at=now)
    conversation.last_message_at = now
    Participant.objects.filter(conversation=conversation).update(last_message_at=now)
    Participant.objects.filter(conversation=conversation, user=actor).update(last_read_at=now)
    header_counts_forget(participant_ids(conversation))
    _message_announce(message)
    return message


def message_recipients(message: Message) -> set[int]:
    """The ids to notify of a new message: every active participant but its author."""
    return access.audience(message.conversation) - {message.author_id}


def _message_announce(message: Message) -> None:
    """After the commit: a notification for the others, and a live event for their open pages."""
    notify(
        kind=Notification.Kind.MESSAGE,
        recipients=message_recipients(message),
        actor=message.author,
        target=message,
    )
    message_created_publish(message.pk)


@transaction.atomic
def participant_add(
    *, actor: User, conversation: Conversation, people: Iterable[User]
) -> list[User]:
    """Add people to a conversation the actor is in; they can read all of its history."""
    if not access.can_view_conversation(actor, conversation):
        raise _not_found()
    added = _people_clean(actor, people, already=participant_ids(conversation))
    if not added:
        raise ValidationFailed(_("Choose at least one colleague to add."), field="participants")
    now = timezone.now()
    Participant.objects.bulk_create(
        [
            Participant(
                conversation=conversation,
                user=person,
                joined_at=now,
                last_message_at=conversation.last_message_at,
            )
            for person in added
        ]
    )
    Message.objects.bulk_create(
        [
            Message(
                conversation=conversation,
                author=actor,
                kind=Message.Kind.ADDED,
                person=person,
                created_at=now,
            )
            for person in added
        ]
    )
    forget_participants(conversation)
    header_counts_forget(person.pk for person in added)
    return added


@transaction.atomic
def conversation_leave(*, actor: User, conversation: Conversation) -> None:
    """Take the actor out of a conversation; the last one out deletes it."""
    if not access.can_view_conversation(actor, conversation):
        raise _not_found()
    Participant.objects.filter(conversation=conversation, user=actor).delete()
    forget_participants(conversation)
    header_counts_forget([actor.pk])
    if not Participant.objects.filter(conversation=conversation).exists():
        conversation.delete()
        return
    Message.objects.create(conversation=conversation, author=actor, kind=Message.Kind.LEFT)


@transaction.atomic
def conversation_mark_read(*, actor: User, conversation: Conversation) -> None:
    """Mark everything in the conversation read for the actor, its notifications included.

    Two UPDATEs in one transaction, the seat first: the worker writing a message's
    notification locks the seats (`have_read`), so it either sees this read or has
    committed its notification before the second UPDATE looks. The notifications are
    marked even when the seat had no news: the worker may have been first.
    """
    changed = (
        Participant.objects.filter(conversation=conversation, user=actor)
        .filter(Q(last_read_at__isnull=True) | Q(last_read_at__lt=F("last_message_at")))
        .update(last_read_at=timezone.now())
    )
    marked = notifications_mark_conversation_read(actor=actor, conversation_id=conversation.pk)
    if changed or marked:
        header_counts_forget([actor.pk])
    if marked:
        notify_changed([actor.pk])  # the bell in their other tabs
