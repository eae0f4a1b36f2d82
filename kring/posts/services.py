"""Writing posts and replies."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from kring import access
from kring.core.errors import PermissionDenied, ValidationFailed
from kring.feeds.kept import for_you_let_go, for_you_put_first
from kring.groups.models import Group
from kring.notifications.models import Notification
from kring.notifications.services import notify
from kring.people.models import User
from kring.posts.models import BODY_MAX_LENGTH, PATH_MAX_DEPTH, Post, Reply, reply_path
from kring.realtime.events import post_created_publish, reply_created_publish
from kring.search.services import index_later  # issue 5: search
from kring.topics import services as tags  # issue 4: hashtags and mentions


def body_clean(body: str | None) -> str:
    """Return the body without outer whitespace; refuse an empty or too long one."""
    body = (body or "").strip()
    if not body:
        raise ValidationFailed(_("Write something first: the message is empty."), field="body")
    if len(body) > BODY_MAX_LENGTH:
        raise ValidationFailed(
            _("A message can be at most %(limit)s characters; this one has %(length)s.")
            % {
                "limit": f"{BODY_MAX_LENGTH:,}".replace(",", "."),
                "length": f"{len(body):,}".replace(",", "."),
            },
            field="body",
        )
    return body


@transaction.atomic
def post_create(*, actor: User, group: Group | None, body: str) -> Post:
    """Create a post in `group` (None: the company space) if the actor may post there."""
    body = body_clean(body)
    if group is not None and not access.can_view(actor, group):
        raise ValidationFailed(_("That group does not exist."), field="group", status=404)
    if not access.can_post_in(actor, group):
        if group is None:
            raise PermissionDenied(_("Only colleagues can post in the company-wide space."))
        raise PermissionDenied(_("Join this group to post in it."), field="group")
    now = timezone.now()
    prepared = tags.body_prepare(author=actor, body=body)
    post = Post.objects.create(
        author=actor,
        group=group,
        body=body,
        body_html=prepared.html,
        created_at=now,
        last_activity_at=now,
    )
    mentioned = tags.body_tags_record(item=post, prepared=prepared, fresh=True)
    notify(kind=Notification.Kind.MENTION, recipients=mentioned, actor=actor, target=post)
    post_created_publish(post.pk)  # realtime, after the commit
    for_you_put_first(actor.pk, post.pk)  # their own post heads their "Voor jou" at once
    index_later("post", post.pk)
    return post


@transaction.atomic
def post_update(*, actor: User, post: Post, body: str) -> Post:
    """Replace the body of the actor's own post and mark it edited."""
    if not access.can_edit_post(actor, post):
        raise PermissionDenied(_("Only the author can edit this message."))
    post.body = body_clean(body)
    prepared = tags.body_prepare(author=actor, body=post.body)
    post.body_html = prepared.html
    post.edited_at = timezone.now()
    post.save(update_fields=["body", "body_html", "edited_at"])
    mentioned = tags.body_tags_record(item=post, prepared=prepared)  # only new mentions
    notify(kind=Notification.Kind.MENTION, recipients=mentioned, actor=actor, target=post)
    index_later("post", post.pk)
    if post.is_question:
        index_later("question", post.pk)  # its text is the question's text
    return post


@transaction.atomic
def post_delete(*, actor: User, post: Post) -> None:
    """Delete a post with its replies: by its author, a group admin or a site admin."""
    if not access.can_delete_post(actor, post):
        raise PermissionDenied(_("You may not delete this message."))
    index_later("post", post.pk)  # removes its document and its replies' documents
    for_you_let_go(post.author_id, post.pk)
    post.delete()


@transaction.atomic
def reply_create(*, actor: User, post: Post, body: str, parent: Reply | None = None) -> Reply:
    """Reply to a post, or to one of its replies, and move the post up in the feeds.

    The reply's path (its place in reading order) needs its id, so it is set right after
    the insert, in the same transaction.
    """
    body = body_clean(body)
    if not access.can_reply(actor, post):
        raise PermissionDenied(_("Join this group to reply."))
    if parent is not None and (parent.post_id != post.pk or parent.deleted_at is not None):
        raise ValidationFailed(_("The reply you answer is no longer there."), field="parent")
    if parent is not None and parent.depth >= PATH_MAX_DEPTH:
        raise ValidationFailed(
            _("This conversation cannot go any deeper here; answer a reply higher up."),
            field="parent",
        )
    now = timezone.now()
    prepared = tags.body_prepare(author=actor, body=body)
    reply = Reply.objects.create(
        post=post,
        parent=parent,
        author=actor,
        body=body,
        body_html=prepared.html,
        created_at=now,
    )
    reply.path = reply_path(reply.pk, parent.path if parent is not None else None)
    reply.save(update_fields=["path"])
    mentioned = tags.body_tags_record(item=reply, prepared=prepared, fresh=True)
    notify(kind=Notification.Kind.MENTION, recipients=mentioned, actor=actor, target=reply)
    Post.objects.filter(pk=post.pk).update(reply_count=F("reply_count") + 1, last_activity_at=now)
    _reply_notify(actor=actor, post=post, reply=reply)
    reply_created_publish(reply.pk)  # realtime, after the commit
    index_later("reply", reply.pk)
    return reply


def _reply_notify(*, actor: User, post: Post, reply: Reply) -> None:
    """The post's author hears of a reply; the others who replied in the thread too (on commit)."""
    notify(kind=Notification.Kind.REPLY, recipients=[post.author_id], actor=actor, target=reply)
    participants = set(
        Reply.objects.filter(post=post, deleted_at__isnull=True)
        .values_list("author_id", flat=True)
        .distinct()
    )
    participants -= {post.author_id}
    notify(kind=Notification.Kind.THREAD_REPLY, recipients=participants, actor=actor, target=reply)


@transaction.atomic
def reply_update(*, actor: User, reply: Reply, body: str) -> Reply:
    if not access.can_edit_reply(actor, reply):
        raise PermissionDenied(_("Only the author can edit this reply."))
    reply.body = body_clean(body)
    prepared = tags.body_prepare(author=actor, body=reply.body)
    reply.body_html = prepared.html
    reply.edited_at = timezone.now()
    reply.save(update_fields=["body", "body_html", "edited_at"])
    mentioned = tags.body_tags_record(item=reply, prepared=prepared)  # only new mentions
    notify(kind=Notification.Kind.MENTION, recipients=mentioned, actor=actor, target=reply)
    index_later("reply", reply.pk)
    return reply


@transaction.atomic
def reply_delete(*, actor: User, reply: Reply) -> None:
    """Remove a reply; its answers stay, under a "removed" placeholder.

    A placeholder lives only while it has answers below it: removing the last answer
    under one also removes the placeholders it leaves without answers.
    """
    if not access.can_delete_reply(actor, reply):
        raise PermissionDenied(_("You may not delete this reply."))
    index_later("reply", reply.pk)
    if reply.children.exists():
        reply.body = ""
        reply.body_html = ""
        reply.deleted_at = timezone.now()
        reply.save(update_fields=["body", "body_html", "deleted_at"])
        reply.topic_uses.all().delete()  # issue 4: a removed reply no longer tags its post
    else:
        parent_id = reply.parent_id
        reply.delete()
        _placeholders_prune(parent_id)
    Post.objects.filter(pk=reply.post_id).update(reply_count=F("reply_count") - 1)


def _placeholders_prune(reply_id: int | None) -> None:
    """Delete the removed reply `reply_id` and its removed ancestors while they have no answers.

    They were taken out of the reply count when they were removed.
    """
    while reply_id is not None:
        orphan = (
            Reply.objects.filter(pk=reply_id, deleted_at__isnull=False, children__isnull=True)
            .values("parent_id")
            .first()
        )
        if orphan is None:
            return
        Reply.objects.filter(pk=reply_id).delete()
        reply_id = orphan["parent_id"]
