"""Reacting to posts and replies, and writing praise posts.

The per-kind counts on Post and Reply move only here, with F() in the same transaction as
the reaction row: an insert that loses a race against the unique constraint, or a delete
that finds nothing, changes no count, so concurrent clicks never leave a wrong number.
"""

from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from kring import access
from kring.core.errors import NotFound, PermissionDenied, ValidationFailed
from kring.groups.models import Group
from kring.notifications.models import Notification
from kring.notifications.services import notify
from kring.people.models import User
from kring.posts import services as post_services
from kring.posts.models import Post, Reply
from kring.reactions.models import (
    KINDS,
    PRAISE_MAX_PEOPLE,
    PRAISE_REASON_MAX_LENGTH,
    Praise,
    Reaction,
    count_field,
)
from kring.realtime.events import reaction_changed_publish

Target = Post | Reply


def _target_filter(target: Target) -> dict[str, Target]:
    return {"reply": target} if isinstance(target, Reply) else {"post": target}


def _check_may_react(actor: User, target: Target, kind: str) -> None:
    if kind not in KINDS:
        raise ValidationFailed(_("That reaction does not exist."), field="kind")
    if not access.can_view(actor, target):
        raise NotFound(_("Not found"))
    if isinstance(target, Reply) and target.deleted_at is not None:
        raise ValidationFailed(
            _("This reply was removed, so you can no longer react to it."), status=409
        )
    if not access.can_react(actor, target):
        raise PermissionDenied(_("Sign in to react."))


def _count_add(target: Target, kind: str, delta: int) -> None:
    field = count_field(kind)
    type(target).objects.filter(pk=target.pk).update(**{field: F(field) + delta})


@transaction.atomic
def reaction_set(*, actor: User, target: Target, kind: str, on: bool) -> bool:
    """Give (`on`) or take back the actor's reaction `kind` on a post or reply.

    Idempotent: returns whether anything changed. Raises NotFound for a target the actor
    may not read, ValidationFailed (409) for a removed reply. Refreshes the target's counts.
    """
    _check_may_react(actor, target, kind)
    mine = Reaction.objects.filter(user=actor, kind=kind, **_target_filter(target))
    changed = False
    if on:
        try:
            with transaction.atomic():
                reaction = Reaction.objects.create(user=actor, kind=kind, **_target_filter(target))
        except IntegrityError:
            pass  # already given (perhaps by a second click a moment ago)
        else:
            _count_add(target, kind, +1)
            changed = True
            notify(
                kind=Notification.Kind.REACTION,
                recipients=reaction_recipients(reaction),
                actor=actor,
                target=target,
            )
    else:
        removed, _by_model = mine.delete()
        if removed:
            _count_add(target, kind, -1)
            changed = True
    target.refresh_from_db(fields=[count_field(k) for k in KINDS])
    if changed:
        reaction_changed_publish(target, actor_id=actor.pk)
    return changed


def reaction_toggle(*, actor: User, target: Target, kind: str) -> bool:
    """Give the reaction if the actor has not given it yet, else take it back; return it is on."""
    _check_may_react(actor, target, kind)
    given = Reaction.objects.filter(user=actor, kind=kind, **_target_filter(target)).exists()
    reaction_set(actor=actor, target=target, kind=kind, on=not given)
    return not given


# --- Who hears of it (kring.notifications.notify checks their access again) -------------


def reaction_recipients(reaction: Reaction) -> set[int]:
    """Who hears of a reaction: the author of the post or reply, unless it is the reactor."""
    target = reaction.reply if reaction.reply_id else reaction.post
    if target is None or target.author_id == reaction.user_id:
        return set()
    if not access.can_view(target.author, target):
        return set()
    return {target.author_id}


def praise_recipients(post: Post) -> set[int]:
    """Who hears of a praise post: the praised colleagues who may read it, not its author."""
    praised = set(
        Praise.praised.through.objects.filter(praise__post=post).values_list("user_id", flat=True)
    )
    return (praised & access.audience(post)) - {post.author_id}


# --- Praise -----------------------------------------------------------------------------


def _praised_clean(actor: User, praised_ids: Iterable[int | str]) -> list[User]:
    ids: set[int] = set()
    for value in praised_ids:
        try:
            ids.add(int(value))
        except (TypeError, ValueError):
            raise ValidationFailed(_("Choose colleagues from the list."), field="praised") from None
    if not ids:
        raise ValidationFailed(_("Choose at least one colleague to praise."), field="praised")
    if len(ids) > PRAISE_MAX_PEOPLE:
        raise ValidationFailed(
            _("You can praise at most %(limit)s colleagues in one post.")
            % {"limit": PRAISE_MAX_PEOPLE},
            field="praised",
        )
    if actor.pk in ids:
        raise ValidationFailed(
            _("Praise someone else: you cannot praise yourself."), field="praised"
        )
    people = list(access.visible(actor, User.objects.filter(pk__in=ids)))
    if len(people) != len(ids):
        raise ValidationFailed(_("Choose colleagues from the list."), field="praised")
    return people


def _reason_clean(reason: str | None) -> str:
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationFailed(_("Say what you praise them for."), field="reason")
    if len(reason) > PRAISE_REASON_MAX_LENGTH:
        raise ValidationFailed(
            _("Keep the reason short: at most %(limit)s characters.")
            % {"limit": PRAISE_REASON_MAX_LENGTH},
            field="reason",
        )
    return reason


@transaction.atomic
def praise_create(
    *,
    actor: User,
    group: Group | None,
    body: str,
    praised_ids: Iterable[int | str],
    reason: str,
) -> Post:
    """Write a post in `group` that praises colleagues the actor can see, for `reason`."""
    people = _praised_clean(actor, praised_ids)
    reason = _reason_clean(reason)
    post = post_services.post_create(actor=actor, group=group, body=body)
    praise = Praise.objects.create(post=post, reason=reason)
    praise.praised.set(people)
    Post.objects.filter(pk=post.pk).update(has_praise=True)
    post.has_praise = True
    notify(
        kind=Notification.Kind.PRAISE, recipients=praise_recipients(post), actor=actor, target=post
    )
    return post
