"""Writing notifications: `notify()` for every other app, reading and preferences for the owner.

The contract other apps call::

    from kring.notifications.services import notify
    notify(*, kind: str, recipients: Iterable[int | User], actor: User | None,
           target: Model, group: Group | None = None) -> None

- `kind` is a `Notification.Kind` value (mention, reply, thread_reply, reaction, praise,
  join_request, invitation, announcement, message); an unknown kind raises ValueError.
- `target` is a Post, Reply, Group or conversation Message (the kinds in `TARGETS`;
  a message points the notification at its conversation); another model raises
  TypeError until it is added there and to `kring.access.notifications`.
- `group` is accepted for callers that know the space; posts, replies and groups name
  their own, so it is not stored for them.
- Cheap inside the caller's transaction: it registers one `transaction.on_commit` that
  enqueues ONE task (`tasks.notifications_deliver`). That task leaves out the actor and
  every recipient the access policy does not let see the target, bumps an unread
  notification of the same kind and target from the last hour instead of adding one, and
  e-mails those who chose "e-mail at once" for this kind.
"""

from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.core import signing
from django.db import transaction
from django.db.models import F, Model
from django.utils import timezone
from django.utils.translation import gettext as _

from kring import access
from kring.conversations.models import Message
from kring.conversations.selectors import have_read
from kring.core.errors import NotFound, ValidationFailed
from kring.groups.models import Group
from kring.knowledge.models import Page
from kring.notifications.header import header_counts_forget
from kring.notifications.models import (
    DEFAULT_DELIVERY,
    Delivery,
    DigestSettings,
    Notification,
    NotificationPreference,
)
from kring.people.models import User
from kring.posts.models import Post, Reply

Kind = Notification.Kind
TARGETS: dict[str, type[Model]] = {
    "posts.post": Post,
    "posts.reply": Reply,
    "groups.group": Group,
    "conversations.message": Message,
    "knowledge.page": Page,  # issue 5: review reminders
}
# The keys that say what a notification is about; an unread one with the same keys is bumped.
# (A conversation's notification is bumped by every new message and points at the latest.)
SAME_TARGET = ("reply_id", "post_id", "group_id", "conversation_id", "page_id")
DEDUPE_WINDOW = timedelta(hours=1)
UNSUBSCRIBE_SALT = "kring.notifications.unsubscribe"
DIGEST_OFF_SALT = "kring.notifications.digest-off"
UNSUBSCRIBE_MAX_AGE = timedelta(days=90)


def notify(
    *,
    kind: str,
    recipients: Iterable[int | User],
    actor: User | None,
    target: Model,
    group: Group | None = None,
) -> None:
    """Notify `recipients` about `target` once the caller's transaction commits."""
    from kring.notifications.tasks import notifications_deliver

    kind = Kind(kind)
    label = target._meta.label_lower
    if label not in TARGETS:
        raise TypeError(f"Notifications cannot point at {type(target).__name__}")
    actor_id = actor.pk if actor is not None else None
    ids = sorted({r if isinstance(r, int) else r.pk for r in recipients} - {actor_id})
    if not ids:
        return
    target_id = target.pk
    transaction.on_commit(
        lambda: notifications_deliver.enqueue(
            kind=kind.value,
            recipient_ids=ids,
            actor_id=actor_id,
            target=label,
            target_id=target_id,
        )
    )


def target_fields(target: Model) -> dict[str, int]:
    """The foreign keys that point a notification at `target`."""
    if isinstance(target, Reply):
        return {"reply_id": target.pk, "post_id": target.post_id}
    if isinstance(target, Post):
        return {"post_id": target.pk}
    if isinstance(target, Group):
        return {"group_id": target.pk}
    if isinstance(target, Message):
        return {"conversation_id": target.conversation_id, "message_id": target.pk}
    if isinstance(target, Page):
        return {"page_id": target.pk}
    raise TypeError(f"Notifications cannot point at {type(target).__name__}")


def _allowed(recipient_ids: list[int], target: Model) -> list[int]:
    """The recipients who may see `target`: the policy's audience, or one check each for groups."""
    active = User.objects.filter(pk__in=recipient_ids, is_active=True)
    if isinstance(target, Group):
        return [user.pk for user in active if access.can_view(user, target)]
    return sorted(set(active.values_list("pk", flat=True)) & access.audience(target))


@transaction.atomic
def notifications_create(
    *, kind: str, recipient_ids: list[int], actor: User | None, target: Model
) -> list[Notification]:
    """Create (or bump) the notifications; return the new ones (bumped ones are not e-mailed again)."""
    fields = target_fields(target)
    allowed = [pk for pk in _allowed(recipient_ids, target) if actor is None or pk != actor.pk]
    if allowed and isinstance(target, Message):  # nothing to say about what they saw already
        seen = have_read(target, allowed)
        allowed = [pk for pk in allowed if pk not in seen]
    if not allowed:
        return []
    now = timezone.now()
    exact_target = {key: fields.get(key) for key in SAME_TARGET}
    recent = Notification.objects.filter(
        recipient_id__in=allowed,
        kind=kind,
        read_at__isnull=True,
        created_at__gte=now - DEDUPE_WINDOW,
        **exact_target,  # None matches IS NULL
    )
    header_counts_forget(allowed)
    bumped = set(recent.values_list("recipient_id", flat=True))
    if bumped:
        latest = {"message_id": fields["message_id"]} if "message_id" in fields else {}
        recent.update(count=F("count") + 1, created_at=now, actor=actor, **latest)
    return Notification.objects.bulk_create(
        Notification(recipient_id=pk, kind=kind, actor=actor, created_at=now, **fields)
        for pk in allowed
        if pk not in bumped
    )


def deliveries_for(user_ids: Iterable[int], kind: str) -> dict[int, str]:
    """Return {user id: delivery} for one kind, defaults filled in."""
    user_ids = list(user_ids)
    chosen = dict(
        NotificationPreference.objects.filter(user_id__in=user_ids, kind=kind).values_list(
            "user_id", "delivery"
        )
    )
    default = DEFAULT_DELIVERY[Kind(kind)]
    return {pk: chosen.get(pk, default) for pk in user_ids}


def notification_open(*, actor: User, notification_id: Any) -> Notification:
    """Mark one of the actor's notifications read; 404 when it or its target is out of sight."""
    notification = access.get_or_404(actor, Notification, notification_id)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
        header_counts_forget([actor.pk])
    return notification


def notifications_mark_conversation_read(*, actor: User, conversation_id: int) -> int:
    """Mark the actor's unread notifications of one conversation read (they are reading it)."""
    return Notification.objects.filter(
        recipient=actor, conversation_id=conversation_id, read_at__isnull=True
    ).update(read_at=timezone.now())


def notifications_mark_all_read(*, actor: User) -> int:
    """Mark every unread notification of the actor read; return how many."""
    header_counts_forget([actor.pk])
    return Notification.objects.filter(recipient=actor, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def preferences_update(*, actor: User, deliveries: dict[str, str], frequency: str) -> None:
    """Store the actor's delivery per kind and digest frequency; unknown values are refused."""
    for kind, delivery in deliveries.items():
        if kind not in Kind.values or delivery not in Delivery.values:
            raise ValidationFailed(_("Choose one of the options for each kind."), field=kind)
    if frequency not in DigestSettings.Frequency.values:
        raise ValidationFailed(_("Choose how often you want the digest."), field="frequency")
    for kind, delivery in deliveries.items():
        NotificationPreference.objects.update_or_create(
            user=actor, kind=kind, defaults={"delivery": delivery}
        )
    DigestSettings.objects.update_or_create(user=actor, defaults={"frequency": frequency})


def digest_frequency_of(user: User) -> str:
    settings_row = DigestSettings.objects.filter(user=user).first()
    return settings_row.frequency if settings_row else DigestSettings.Frequency.WEEKLY


def unsubscribe_token(*, user: User, kind: str | None) -> str:
    """A signed token that switches `kind` to in-app only (None: the digest off)."""
    if kind is None:
        return signing.dumps({"u": user.pk}, salt=DIGEST_OFF_SALT, compress=True)
    return signing.dumps({"u": user.pk, "k": kind}, salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe(*, token: str, digest: bool) -> tuple[User, str | None]:
    """Apply a signed unsubscribe link; return the user and the kind (None: the digest).

    Raises NotFound for a tampered, expired or unknown link.
    """
    salt = DIGEST_OFF_SALT if digest else UNSUBSCRIBE_SALT
    try:
        data = signing.loads(token, salt=salt, max_age=UNSUBSCRIBE_MAX_AGE)
        user = User.objects.get(pk=int(data["u"]), is_active=True)
        kind = None if digest else Kind(data["k"])
    except (signing.BadSignature, KeyError, TypeError, ValueError, User.DoesNotExist):
        raise NotFound(_("This link has expired or is not valid.")) from None
    if kind is None:
        DigestSettings.objects.update_or_create(
            user=user, defaults={"frequency": DigestSettings.Frequency.NEVER}
        )
    else:
        NotificationPreference.objects.update_or_create(
            user=user, kind=kind, defaults={"delivery": Delivery.IN_APP}
        )
    return user, kind
