"""How a notification reads in the list, the bell, the e-mail and the digest."""

import html

from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from kring.notifications.models import Notification

Kind = Notification.Kind

_SENTENCES = {
    Kind.MENTION: lambda: _("%(actor)s mentioned you"),
    Kind.REPLY: lambda: _("%(actor)s replied to your post"),
    Kind.THREAD_REPLY: lambda: _("%(actor)s replied in a conversation you take part in"),
    Kind.REACTION: lambda: _("%(actor)s reacted to your post"),
    Kind.PRAISE: lambda: _("%(actor)s praised you"),
    Kind.JOIN_REQUEST: lambda: _("%(actor)s asks to join %(group)s"),
    Kind.INVITATION: lambda: _("%(actor)s added you to %(group)s"),
    Kind.ANNOUNCEMENT: lambda: _("%(actor)s posted an announcement"),
    Kind.MESSAGE: lambda: _("%(actor)s sent you a message"),
    Kind.ANSWER_ACCEPTED: lambda: _("%(actor)s accepted your answer"),
    Kind.PAGE_REVIEW: lambda: _("A knowledge page of yours is due for review"),
}


def notification_sentence(notification: Notification) -> str:
    """One line: who did what ("Anna de Vries replied to your post")."""
    actor = (
        notification.actor.display_name
        if notification.actor_id
        else pgettext("notification actor", "Someone")
    )
    group = notification.group.name if notification.group_id else ""
    sentence = _SENTENCES[Kind(notification.kind)]() % {"actor": actor, "group": group}
    if notification.count > 1:
        sentence += " " + _("(%(count)s times)") % {"count": notification.count}
    return sentence


def notification_place(notification: Notification) -> str:
    """Where it happened: the group's name, or the company-wide space (a group names itself)."""
    if notification.post_id is not None:
        post_group = notification.post.group
        return post_group.name if post_group is not None else _("Everyone")
    if notification.conversation_id is not None:
        return notification.conversation.subject or _("Private conversation")
    if notification.page_id is not None:
        page_group = notification.page.group
        return page_group.name if page_group is not None else _("Everyone")
    return ""


def notification_snippet(notification: Notification, *, words: int = 24) -> str:
    """The start of the reply, post or (latest) message it is about, as plain text."""
    if notification.page_id is not None:
        return notification.page.title
    if notification.message_id is not None:
        item = notification.message
    else:
        item = notification.reply if notification.reply_id else notification.post
    if item is None or not item.body_html:
        return ""
    # body_html is sanitised HTML: its entities ("P&amp;O") become characters again here,
    # and the template escapes them once.
    return Truncator(html.unescape(strip_tags(item.body_html)).strip()).words(words)


def notification_target_url(notification: Notification) -> str:
    """Where the target lives (the open view goes there after marking it read)."""
    if notification.reply_id is not None:
        return notification.reply.get_absolute_url()
    if notification.post_id is not None:
        return notification.post.get_absolute_url()
    if notification.message_id is not None:
        return notification.message.get_absolute_url()
    if notification.conversation_id is not None:
        return notification.conversation.get_absolute_url()
    if notification.page_id is not None:
        return notification.page.get_absolute_url()
    if notification.kind == Kind.JOIN_REQUEST:
        return reverse("groups:members", args=[notification.group.slug])
    return notification.group.get_absolute_url()
