"""Following and unfollowing colleagues, groups and topics."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from kring import access
from kring.core.errors import NotFound
from kring.feeds.kept import for_you_forget
from kring.follows.models import Follow
from kring.groups.models import Group
from kring.people.models import User
from kring.topics.models import Topic

Target = User | Group | Topic


def target_field(target: Target) -> str:
    """The Follow field that points at this kind of target."""
    if isinstance(target, User):
        return "person"
    if isinstance(target, Group):
        return "group"
    if isinstance(target, Topic):
        return "topic"
    raise TypeError(f"Nothing of kind {type(target).__name__} can be followed")


def _check(actor: User, target: Target) -> None:
    # Following what you may not see or read is "not found": never a hint that it exists.
    if not access.can_follow(actor, target):
        raise NotFound(_("There is nothing to follow here."))


def follow_add(*, actor: User, target: Target) -> Follow:
    """Follow `target` (idempotent); NotFound when the actor may not see or read it."""
    _check(actor, target)
    if isinstance(target, Topic) and target.merged_into_id:
        target = target.merged_into
    field = target_field(target)
    try:
        with transaction.atomic():
            follow, _created = Follow.objects.get_or_create(follower=actor, **{field: target})
    except IntegrityError:  # a double click raced us to it
        follow = Follow.objects.get(follower=actor, **{field: target})
    for_you_forget([actor.pk])  # what they follow now ranks higher at once
    return follow


@transaction.atomic
def follow_remove(*, actor: User, target: Target) -> None:
    """Stop following `target` (idempotent); NotFound when the actor may not see it."""
    _check(actor, target)
    Follow.objects.filter(follower=actor, **{target_field(target): target}).delete()
    for_you_forget([actor.pk])
