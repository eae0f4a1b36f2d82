"""E-mail at once: one message per notification, in the recipient's language."""

import email.policy

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from kring import access
from kring.notifications.models import Notification
from kring.notifications.services import unsubscribe_token
from kring.notifications.wording import (
    notification_place,
    notification_sentence,
    notification_snippet,
)
from kring.people.models import User


def absolute(path: str) -> str:
    return settings.KRING_SITE_URL.rstrip("/") + path


def unsubscribe_url(user: User, kind: str | None) -> str:
    name = "notifications:digest_off" if kind is None else "notifications:unsubscribe"
    return absolute(reverse(name, args=[unsubscribe_token(user=user, kind=kind)]))


# Python's default policy folds a header longer than 78 characters; an unbreakable one (the
# unsubscribe address) it turns into RFC 2047 encoded words, which mail clients do not read
# as a List-Unsubscribe address. 998 is RFC 5322's hard limit for a line.
_LONG_HEADERS = email.policy.default.clone(max_line_length=998)


class _Message(EmailMultiAlternatives):
    def message(self, *, policy=_LONG_HEADERS):
        return super().message(policy=policy)


def mail_send(*, user: User, subject: str, text: str, html: str, unsubscribe: str) -> None:
    """Send one message with a List-Unsubscribe header (RFC 2369 and the one-click RFC 8058)."""
    message = _Message(
        subject,
        text,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    message.send()


def notification_email_send(notification: Notification) -> bool:
    """E-mail one notification unless it was mailed already or its target is out of sight now."""
    recipient = notification.recipient
    if not recipient.email or not access.can_view(recipient, notification):
        return False
    claimed = Notification.objects.filter(pk=notification.pk, emailed_at__isnull=True).update(
        emailed_at=timezone.now()
    )
    if not claimed:  # a retried task: mailed before
        return False
    with translation.override(recipient.language):
        unsubscribe = unsubscribe_url(recipient, notification.kind)
        context = {
            "user": recipient,
            "organisation": settings.KRING_ORGANISATION,
            "sentence": notification_sentence(notification),
            "place": notification_place(notification),
            "snippet": notification_snippet(notification, words=60),
            "link": absolute(reverse("notifications:open", args=[notification.pk])),
            "kind_label": Notification.Kind(notification.kind).label,
            "preferences": absolute(reverse("notifications:preferences")),
            "unsubscribe": unsubscribe,
        }
        subject = " ".join(
            render_to_string("notifications/email/notification_subject.txt", context).split()
        )
        context["title"] = subject  # the HTML's <title>: mail clients and screen readers show it
        text = render_to_string("notifications/email/notification.txt", context)
        html = render_to_string("notifications/email/notification.html", context)
    mail_send(
        user=recipient,
        subject=subject,
        text=text,
        html=html,
        unsubscribe=unsubscribe,
    )
    return True
