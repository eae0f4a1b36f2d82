"""The events open pages receive, and who receives them.

Services call these inside their transaction; the event leaves after the commit, to the
users in `access.audience(...)` of the object *as it is then* (the policy is asked again
at publish time: someone who left the group meanwhile gets nothing). Events carry ids and
counts only; the browser fetches what it shows through the ordinary, access-checked pages.

| event                   | data                                           | live.js          |
| ----------------------- | ---------------------------------------------- | ---------------- |
| `post.created`          | post_id, group_id (null: company space), url   | "N new posts" bar |
| `reply.created`         | post_id, reply_id, path, reply_count           | thread, counts   |
| `notifications.changed` | unread (a number, or absent: ask the server)   | `#bell-count`    |
| `message.created`       | conversation_id, message_id                    | chat, badge      |
| `reaction.changed`      | post_id or reply_id                            | reaction bar     |
"""

from collections.abc import Iterable, Mapping
from functools import partial

from django.db import transaction

from kring import access
from kring.conversations.models import Message
from kring.posts.models import Post, Reply
from kring.realtime.bus import bus, publish

POST_CREATED = "post.created"
REPLY_CREATED = "reply.created"
NOTIFICATIONS_CHANGED = "notifications.changed"
MESSAGE_CREATED = "message.created"
REACTION_CHANGED = "reaction.changed"


def post_created_publish(post_id: int) -> None:
    """After the commit, tell everyone who may read the post, but its author, that it is there."""
    transaction.on_commit(partial(_post_created, post_id), robust=True)


def _post_created(post_id: int) -> None:
    if not bus().may_reach_anyone():  # e.g. a seed or import run: skip the audience query
        return
    post = Post.objects.select_related("group").filter(pk=post_id).first()
    if post is None:  # deleted right after
        return
    data = {"post_id": post.pk, "group_id": post.group_id, "url": post.get_absolute_url()}
    publish(access.audience(post) - {post.author_id}, POST_CREATED, data)


def reply_created_publish(reply_id: int) -> None:
    """After the commit, tell everyone who may read the reply, but its author, that it is there."""
    transaction.on_commit(partial(_reply_created, reply_id), robust=True)


def _reply_created(reply_id: int) -> None:
    if not bus().may_reach_anyone():
        return
    reply = (
        Reply.objects.select_related("post", "post__group")
        .filter(pk=reply_id, deleted_at__isnull=True)
        .first()
    )
    if reply is None:
        return
    data = {
        "post_id": reply.post_id,
        "reply_id": reply.pk,
        "path": reply.path,
        "reply_count": reply.post.reply_count,
    }
    publish(access.audience(reply) - {reply.author_id}, REPLY_CREATED, data)


def notify_changed(user_ids: Iterable[int], *, unread: Mapping[int, int] | None = None) -> None:
    """After the commit, tell these users' open pages that their notifications changed.

    With `unread` ({user id: count}) each page shows its new count at once; without it
    the page asks the server (live.js follows `#bell-count[data-refresh-url]`). The event
    holds nothing but the user's own count, so nobody else's access is involved.
    """
    ids = sorted({int(uid) for uid in user_ids})
    counts = dict(unread) if unread is not None else None
    transaction.on_commit(partial(_notify_changed, ids, counts), robust=True)


def _notify_changed(user_ids: list[int], unread: dict[int, int] | None) -> None:
    if unread is None:
        publish(user_ids, NOTIFICATIONS_CHANGED, {})
        return
    by_count: dict[int, list[int]] = {}
    for user_id in user_ids:
        if user_id in unread:
            by_count.setdefault(int(unread[user_id]), []).append(user_id)
        else:
            by_count.setdefault(-1, []).append(user_id)
    for count, users in by_count.items():
        publish(users, NOTIFICATIONS_CHANGED, {} if count < 0 else {"unread": count})


def message_created_publish(message_id: int) -> None:
    """After the commit, tell the other participants of the conversation that a message is there."""
    transaction.on_commit(partial(_message_created, message_id), robust=True)


def _message_created(message_id: int) -> None:
    if not bus().may_reach_anyone():
        return
    message = Message.objects.select_related("conversation").filter(pk=message_id).first()
    if message is None:  # the last participant left meanwhile
        return
    data = {"conversation_id": message.conversation_id, "message_id": message.pk}
    publish(access.audience(message.conversation) - {message.author_id}, MESSAGE_CREATED, data)


def reaction_changed_publish(target: Post | Reply, *, actor_id: int) -> None:
    """After the commit, tell the open pages of those who may read the target its counts changed."""
    key = "reply_id" if isinstance(target, Reply) else "post_id"
    model = type(target)
    transaction.on_commit(partial(_reaction_changed, model, key, target.pk, actor_id), robust=True)


def _reaction_changed(model: type[Post | Reply], key: str, target_id: int, actor_id: int) -> None:
    if not bus().may_reach_anyone():
        return
    related = ("post", "post__group") if model is Reply else ("group",)
    target = model.objects.select_related(*related).filter(pk=target_id).first()
    if target is None:
        return
    publish(access.audience(target) - {actor_id}, REACTION_CHANGED, {key: target_id})
