"""Writing polls and votes."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kring import access
from kring.core.errors import NotFound, PermissionDenied, ValidationFailed
from kring.people.models import User
from kring.polls.models import (
    OPTION_MAX_LENGTH,
    OPTIONS_MAX,
    OPTIONS_MIN,
    Poll,
    PollOption,
    PollVote,
)
from kring.posts.models import Post


@dataclass(frozen=True)
class PollDraft:
    """What the composer or the API asks for; `poll_create` checks it."""

    options: list[str] = field(default_factory=list)
    multiple: bool = False
    closes_at: datetime | None = None


def poll_options_clean(options: Iterable[str]) -> list[str]:
    """Return the filled-in options, trimmed; refuse too few, too many, too long or twice the same.

    Empty rows are skipped: the composer shows more rows than most polls need.
    """
    texts = [" ".join((text or "").split()) for text in options]
    texts = [text for text in texts if text]
    if len(texts) < OPTIONS_MIN:
        raise ValidationFailed(
            _("A poll needs at least two options. Fill in two or more."), field="poll_options"
        )
    if len(texts) > OPTIONS_MAX:
        raise ValidationFailed(
            _("A poll can have at most %(limit)s options.") % {"limit": OPTIONS_MAX},
            field="poll_options",
        )
    seen: set[str] = set()
    for text in texts:
        if len(text) > OPTION_MAX_LENGTH:
            raise ValidationFailed(
                _("An option can be at most %(limit)s characters.") % {"limit": OPTION_MAX_LENGTH},
                field="poll_options",
            )
        if text.casefold() in seen:
            raise ValidationFailed(
                _("Each option can be there only once: “%(option)s” is there twice.")
                % {"option": text},
                field="poll_options",
            )
        seen.add(text.casefold())
    return texts


@transaction.atomic
def poll_create(*, actor: User, post: Post, draft: PollDraft) -> Poll:
    """Add a poll to the actor's own new post (the post's body is the question).

    Called in the same transaction as the post's creation, so a refused poll leaves no post.
    """
    if not access.can_edit_post(actor, post):
        raise PermissionDenied(_("Only the author can add a poll to this message."))
    texts = poll_options_clean(draft.options)
    closes_at = draft.closes_at
    if closes_at is not None and timezone.is_naive(closes_at):
        closes_at = timezone.make_aware(closes_at)  # in the site's time zone
    if closes_at is not None and closes_at <= timezone.now():
        raise ValidationFailed(
            _("That closing time has passed already. Choose a moment in the future."),
            field="poll_closes_at",
        )
    if Poll.objects.filter(post=post).exists():
        raise ValidationFailed(_("This message has a poll already."), field="poll_options")
    poll = Poll.objects.create(post=post, multiple=draft.multiple, closes_at=closes_at)
    PollOption.objects.bulk_create(
        PollOption(poll=poll, text=text, position=index) for index, text in enumerate(texts)
    )
    Post.objects.filter(pk=post.pk).update(has_poll=True)
    post.has_poll = True
    return poll


def _option_ids(values: Iterable[object]) -> list[int]:
    ids = []
    for value in values:
        try:
            number = int(str(value))
        except ValueError:
            raise ValidationFailed(
                _("That option is not part of this poll."), field="option"
            ) from None
        ids.append(number)
    return ids


@transaction.atomic
def poll_vote(*, actor: User, post: Post, option_ids: Iterable[object]) -> Poll:
    """Record the actor's choice, replacing an earlier one, while the poll is open.

    Refuses (never stores) a choice of nothing, of an option of another poll, of the same
    option twice, or of several options in a single-choice poll; the unique constraints
    refuse whatever a simultaneous second request would add.
    """
    if not access.can_vote(actor, post):
        raise NotFound(_("This message is not there (any more)."))
    poll = Poll.objects.select_for_update().filter(post=post).first()
    if poll is None:
        raise NotFound(_("This message has no poll (any more)."))
    if poll.is_closed():
        raise ValidationFailed(_("This poll is closed; votes are no longer counted."), status=409)
    ids = _option_ids(option_ids)
    if not ids:
        raise ValidationFailed(_("Choose an option first."), field="option")
    if len(set(ids)) != len(ids):
        raise ValidationFailed(
            _("You chose the same option twice; it counts once."), field="option"
        )
    if not poll.multiple and len(ids) > 1:
        raise ValidationFailed(_("Choose one option in this poll."), field="option")
    known = set(PollOption.objects.filter(poll=poll, pk__in=ids).values_list("pk", flat=True))
    if known != set(ids):
        raise ValidationFailed(_("That option is not part of this poll."), field="option")
    PollVote.objects.filter(poll=poll, user=actor).delete()
    try:
        with transaction.atomic():
            PollVote.objects.bulk_create(
                PollVote(poll=poll, option_id=pk, user=actor, slot=pk if poll.multiple else 0)
                for pk in ids
            )
    except IntegrityError:
        raise ValidationFailed(
            _("Your vote was counted already; it counts once."), field="option", status=409
        ) from None
    return poll
