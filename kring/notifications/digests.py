"""Digests: one calm e-mail per day or week with what the colleague missed.

`digests_send_due` runs every hour (the worker enqueues `tasks.send_digests`, see
kring/core/worker.py; `kring manage send_digests` does the same by hand or from cron).
A digest is due once the site's local time has passed KRING_DIGEST_HOUR on the first day
of the colleague's period (every day, or Monday). A `Digest` row per (colleague, period),
created in the same transaction as the sending, makes it go out once even when the task
runs twice or on two workers at once.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from kring import access
from kring.follows.models import Follow
from kring.groups.models import Membership
from kring.notifications.emails import absolute, mail_send, unsubscribe_url
from kring.notifications.models import (
    DEFAULT_DELIVERY,
    Delivery,
    Digest,
    DigestSettings,
    Notification,
    NotificationPreference,
)
from kring.notifications.selectors import unread_for_digest
from kring.notifications.wording import (
    notification_place,
    notification_sentence,
    notification_snippet,
)
from kring.people.models import User
from kring.posts.models import Post
from kring.topics.models import TopicUse

Frequency = DigestSettings.Frequency
LENGTH = {Frequency.DAILY: timedelta(days=1), Frequency.WEEKLY: timedelta(days=7)}
POPULAR_LIMIT = 5


@dataclass
class DigestContent:
    notifications: list[Notification] = field(default_factory=list)
    popular: list[Post] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.notifications) + len(self.popular)


def period_of(frequency: str, now: datetime) -> tuple[str, datetime]:
    """Return the period key and the local moment the digest of that period is due."""
    local = timezone.localtime(now)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    hour = timedelta(hours=settings.KRING_DIGEST_HOUR)
    if frequency == Frequency.DAILY:
        return f"day:{local.date().isoformat()}", midnight + hour
    year, week, weekday = local.isocalendar()
    return f"week:{year}-W{week:02d}", midnight - timedelta(days=weekday - 1) + hour


def digest_sources(user: User) -> Q:
    """Where popular posts come from: the colleague's groups, followed groups and topics.

    A post is under a followed topic when it or one of its replies uses the topic. Only a
    filter of candidates: `popular_posts_for` keeps what the policy lets the user see now.
    """
    follows = Follow.objects.filter(follower_id=user.pk)
    followed_topics = follows.filter(topic__isnull=False).values("topic_id")
    return (
        Q(group_id__in=Membership.objects.filter(user=user).values("group_id"))
        | Q(group_id__in=follows.filter(group__isnull=False).values("group_id"))
        | Q(pk__in=TopicUse.objects.filter(topic_id__in=followed_topics).values("post_id"))
    )


def popular_posts_for(user: User, *, since: datetime) -> list[Post]:
    """The most-replied posts since `since` in the digest sources that the colleague may see."""
    posts = access.visible(user, Post.objects.filter(digest_sources(user)))
    return list(
        posts.filter(created_at__gte=since, reply_count__gt=0)
        .exclude(author=user)
        .select_related("author", "group")
        .order_by("-reply_count", "-created_at")[:POPULAR_LIMIT]
    )


# Kinds a digest repeats while unread even if they were e-mailed at once: a mention still
# unread days later is what matters most (issue 4; docs/decisions/0026-*.md). Only
# "in Kring only" keeps them out of e-mail altogether.
REMINDED_IF_UNREAD = {Notification.Kind.MENTION}


def digest_kinds(user: User) -> list[str]:
    """The kinds the colleague wants in the digest, and unread mentions unless in-app only."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "delivery"))
    return [
        kind
        for kind, default in DEFAULT_DELIVERY.items()
        if chosen.get(kind, default) == Delivery.DIGEST
        or (kind in REMINDED_IF_UNREAD and chosen.get(kind, default) == Delivery.EMAIL)
    ]


def digest_content_for(user: User, *, since: datetime) -> DigestContent:
    """What goes in the colleague's digest, every item checked against the policy now."""
    return DigestContent(
        notifications=unread_for_digest(user, kinds=digest_kinds(user), since=since),
        popular=popular_posts_for(user, since=since),
    )


def digest_render(user: User, content: DigestContent, frequency: str) -> tuple[str, str, str, str]:
    """Return subject, plain text, HTML and the unsubscribe address, in the user's language."""
    with translation.override(user.language):
        unsubscribe = unsubscribe_url(user, None)
        context = {
            "user": user,
            "organisation": settings.KRING_ORGANISATION,
            "daily": frequency == Frequency.DAILY,
            "items": [
                {
                    "sentence": notification_sentence(n),
                    "place": notification_place(n),
                    "snippet": notification_snippet(n),
                    "link": absolute(reverse("notifications:open", args=[n.pk])),
                }
                for n in content.notifications
            ],
            "popular": [
                {
                    "post": post,
                    "snippet": notification_snippet_of_post(post),
                    "link": absolute(post.get_absolute_url()),
                }
                for post in content.popular
            ],
            "home": absolute(reverse("notifications:list")),
            "preferences": absolute(reverse("notifications:preferences")),
            "unsubscribe": unsubscribe,
        }
        subject = " ".join(
            render_to_string("notifications/email/digest_subject.txt", context).split()
        )
        context["title"] = subject  # the HTML's <title>: mail clients and screen readers show it
        text = render_to_string("notifications/email/digest.txt", context)
        html = render_to_string("notifications/email/digest.html", context)
    return subject, text, html, unsubscribe


def notification_snippet_of_post(post: Post) -> str:
    stand_in = Notification(post=post)
    return notification_snippet(stand_in)


def digest_send(*, user: User, frequency: str, now: datetime | None = None) -> Digest | None:
    """Handle this period's digest for `user` once: send it if there is anything to say.

    Returns the new Digest record, or None when this period was handled already.
    """
    now = now or timezone.now()
    period, _due = period_of(frequency, now)
    latest = Digest.objects.filter(user=user).order_by("-created_at").first()
    since = max(latest.created_at, now - LENGTH[frequency]) if latest else now - LENGTH[frequency]
    try:
        with transaction.atomic():
            digest = Digest.objects.create(user=user, period=period, created_at=now)
            content = digest_content_for(user, since=since)
            if content:
                subject, text, html, unsubscribe = digest_render(user, content, frequency)
                mail_send(user=user, subject=subject, text=text, html=html, unsubscribe=unsubscribe)
                Notification.objects.filter(pk__in=[n.pk for n in content.notifications]).update(
                    digested_at=now
                )
                digest.item_count, digest.sent_at = len(content), now
                digest.save(update_fields=["item_count", "sent_at"])
    except IntegrityError:
        return None
    return digest


def _due_users(frequency: str, now: datetime) -> QuerySet:
    period, due_at = period_of(frequency, now)
    if timezone.localtime(now) < due_at:
        return User.objects.none()
    people = User.objects.filter(is_active=True).exclude(email="")
    if frequency == Frequency.WEEKLY:  # the default: no settings row means weekly
        people = people.filter(
            Q(digest_settings__isnull=True) | Q(digest_settings__frequency=Frequency.WEEKLY)
        )
    else:
        people = people.filter(digest_settings__frequency=frequency)
    handled = Digest.objects.filter(period=period).values("user_id")
    return people.exclude(pk__in=handled).order_by("pk")


def digests_send_due(*, now: datetime | None = None) -> int:
    """Send every digest that is due now; return how many e-mails went out."""
    now = now or timezone.now()
    sent = 0
    for frequency in (Frequency.DAILY, Frequency.WEEKLY):
        for user in _due_users(frequency, now).iterator():
            digest = digest_send(user=user, frequency=frequency, now=now)
            sent += bool(digest and digest.sent_at)
    return sent
