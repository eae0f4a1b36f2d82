"""Background work for notifications: delivering them, and the digests."""

from django.tasks import task

from kring.notifications.digests import digests_send_due
from kring.notifications.emails import notification_email_send
from kring.notifications.models import Delivery, Notification
from kring.notifications.selectors import LINE_RELATED
from kring.notifications.services import TARGETS, deliveries_for, notifications_create
from kring.people.models import User
from kring.realtime.events import notify_changed


@task
def notifications_deliver(
    *, kind: str, recipient_ids: list[int], actor_id: int | None, target: str, target_id: int
) -> int:
    """Create the notifications of one event and e-mail those who want it at once.

    Idempotent enough to run twice: the second run bumps the unread ones instead of adding,
    and a notification is e-mailed at most once. A target deleted meanwhile means nothing.
    """
    model = TARGETS[target]
    obj = model.objects.filter(pk=target_id).first()
    if obj is None:
        return 0
    actor = User.objects.filter(pk=actor_id).first() if actor_id else None
    created = notifications_create(kind=kind, recipient_ids=recipient_ids, actor=actor, target=obj)
    notify_changed({n.recipient_id for n in created})  # their open pages ask for the bell
    deliveries = deliveries_for([n.recipient_id for n in created], kind)
    to_mail = [n.pk for n in created if deliveries[n.recipient_id] == Delivery.EMAIL]
    for notification in Notification.objects.filter(pk__in=to_mail).select_related(
        "recipient", *LINE_RELATED
    ):
        notification_email_send(notification)
    return len(created)


@task
def send_digests() -> int:
    """Send the digests that are due (the worker enqueues this every hour)."""
    return digests_send_due()
