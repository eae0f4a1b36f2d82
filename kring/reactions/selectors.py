"""Reads of reactions and praise for a viewer."""

import operator
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, reduce
from typing import Any, NamedTuple

from django.db.models import Q, QuerySet

from kring import access
from kring.core.compiled_sql import PADDED_LENGTHS, CompiledSelect, padded
from kring.core.icons import icon_html
from kring.people.models import User
from kring.posts.loading import posts_of_person_for
from kring.posts.models import Post, Reply
from kring.reactions.models import KINDS, Kind, Praise, Reaction, count_field

ICONS = {
    Kind.LIKE: "thumbs-up",
    Kind.THANKS: "thanks",
    Kind.INSIGHTFUL: "lightbulb",
    Kind.CELEBRATE: "celebrate",
}
PEOPLE_PER_PAGE = 50


def counts_of(target: Post | Reply) -> tuple[int, ...]:
    """The reaction counts of a post or reply, in the order of KINDS."""
    return tuple(getattr(target, count_field(kind)) for kind in KINDS)


def counts_by_kind(target: Post | Reply) -> dict[str, int]:
    return dict(zip(KINDS, counts_of(target), strict=True))


# The reader's own reactions on a page's posts and replies, every page with a feed or a
# thread: compiled once per padded number of each (kring/core/compiled_sql.py).
@cache
def _reactions_query(posts: int, replies: int) -> CompiledSelect:
    def build(user_id: int, *ids: int) -> QuerySet:
        on = [Q(post_id__in=ids[:posts])] if posts else []
        on += [Q(reply_id__in=ids[posts:])] if replies else []
        rows = Reaction.objects.filter(reduce(operator.or_, on), user_id=user_id)
        return rows.values_list("post_id", "reply_id", "kind")

    return CompiledSelect(build, slots=(int,) * (1 + posts + replies))


def _reactions_of(user_id: int, post_ids: list[int], reply_ids: list[int]) -> list[tuple]:
    """(post id, reply id, kind) of the user's reactions on these posts and replies."""
    limit = PADDED_LENGTHS[-1]
    if len(post_ids) > limit or len(reply_ids) > limit:  # longer than any page: the ORM
        on = Q(post_id__in=post_ids) | Q(reply_id__in=reply_ids)
        return list(
            Reaction.objects.filter(on, user_id=user_id).values_list("post_id", "reply_id", "kind")
        )
    posts = padded(post_ids) if post_ids else []
    replies = padded(reply_ids) if reply_ids else []
    if not posts and not replies:
        return []
    query = _reactions_query(len(posts), len(replies))
    return query.rows(user_id, *posts, *replies, using=Reaction.objects.db)


def _kinds_given(
    user_id: int, post_ids: list[int], reply_ids: list[int]
) -> dict[tuple[bool, int], set[str]]:
    """{(is a reply, id): kinds} the user gave on these posts and replies; no query for none."""
    kinds: dict[tuple[bool, int], set[str]] = defaultdict(set)
    if post_ids or reply_ids:
        for post_id, reply_id, kind in _reactions_of(user_id, post_ids, reply_ids):
            kinds[(True, reply_id) if reply_id else (False, post_id)].add(kind)
    return kinds


def my_reactions_attach(viewer: Any, targets: Iterable[Post | Reply]) -> None:
    """Set `my_reactions` (sorted kinds) on each target, posts and replies alike (a list in
    the API, a thread page with its post): one query, none when nobody reacted to any."""
    targets = list(targets)
    if not access.is_signed_in(viewer):
        return
    reacted = [target for target in targets if any(counts_of(target))]
    post_ids = [target.pk for target in reacted if isinstance(target, Post)]
    reply_ids = [target.pk for target in reacted if isinstance(target, Reply)]
    kinds = _kinds_given(viewer.pk, post_ids, reply_ids)
    for target in targets:
        target.my_reactions = sorted(kinds.get((isinstance(target, Reply), target.pk), ()))


def my_reactions_on_thread(viewer: Any, post: Post, replies: Iterable[Any]) -> dict[int, frozenset]:
    """The kinds the viewer gave on a thread page: on the post, set as `my_reactions` (as
    my_reactions_attach does), and on each of `replies` (ReplyFacts of the page's rows),
    returned by reply id. One query, none when nobody reacted to any of them."""
    if not access.is_signed_in(viewer):
        return {}
    reply_ids = [reply.pk for reply in replies if any(reply.counts)]
    post_ids = [post.pk] if any(counts_of(post)) else []
    kinds = _kinds_given(viewer.pk, post_ids, reply_ids)
    post.my_reactions = sorted(kinds.get((False, post.pk), ()))
    return {pk: frozenset(given) for (is_reply, pk), given in kinds.items() if is_reply}


def my_reactions_of(viewer: Any, target: Post | Reply) -> list[str]:
    """The kinds the viewer gave on one target (attached by my_reactions_attach, or read)."""
    attached = getattr(target, "my_reactions", None)
    if attached is not None:
        return attached
    return sorted(my_reaction_kinds(viewer, [target]).get(target.pk, ()))


def my_reaction_kinds(viewer: Any, targets: Iterable[Post | Reply]) -> dict[int, frozenset[str]]:
    """The kinds the viewer gave on each of `targets` (all posts or all replies), by id.

    One query for all of them, none when nobody reacted to any (the counts say so) or
    when my_reactions_attach read them already (`my_reactions` on the target).
    """
    targets = list(targets)
    if not access.is_signed_in(viewer):
        return {}
    found: dict[int, frozenset[str]] = {}
    ids = []
    for target in targets:
        attached = getattr(target, "my_reactions", None)
        if attached is not None:
            if attached:
                found[target.pk] = frozenset(attached)
        elif any(counts_of(target)):
            ids.append(target.pk)
    if not ids:
        return found
    replies = isinstance(targets[0], Reply)
    rows = _reactions_of(viewer.pk, [] if replies else ids, ids if replies else [])
    kinds: dict[int, set[str]] = defaultdict(set)
    for post_id, reply_id, kind in rows:
        kinds[reply_id if replies else post_id].add(kind)
    found.update((target_id, frozenset(given)) for target_id, given in kinds.items())
    return found


@dataclass(frozen=True)
class ReactionButton:
    kind: str
    label: str
    icon: str  # the SVG markup
    count: int
    pressed: bool


@dataclass(frozen=True)
class ReactionBar:
    """What the reaction bar under a post or reply shows (reactions/partials/bar.html)."""

    target: str  # "post" or "reply"
    target_id: int
    buttons: tuple[ReactionButton, ...]
    total: int
    may_react: bool


def _labels() -> tuple[str, ...]:
    """The kinds' labels in the current language, in KINDS order."""
    return tuple(str(Kind(kind).label) for kind in KINDS)


def reaction_bar(
    target: Post | Reply,
    mine: frozenset[str],
    *,
    may_react: bool,
) -> ReactionBar:
    buttons = tuple(
        ReactionButton(
            kind=kind,
            label=label,
            icon=icon_html(ICONS[kind]),
            count=count,
            pressed=kind in mine,
        )
        for kind, label, count in zip(KINDS, _labels(), counts_of(target), strict=True)
    )
    return ReactionBar(
        target="reply" if isinstance(target, Reply) else "post",
        target_id=target.pk,
        buttons=buttons,
        total=sum(button.count for button in buttons),
        may_react=may_react,
    )


class BarLook(NamedTuple):
    """What a reaction bar shows, without building it: a page's fragments are keyed by
    their bars' looks, and only a fragment that is not kept yet builds its bar."""

    counts: tuple[int, ...]  # in KINDS order
    mine: frozenset[str]
    may_react: bool

    @property
    def key_parts(self) -> tuple:
        """Everything the bar's HTML depends on, for the key of the fragment it is in."""
        return (self.may_react, *self.counts, *sorted(self.mine))

    def bar(self, target: Post | Reply) -> ReactionBar:
        return reaction_bar(target, self.mine, may_react=self.may_react)


def reaction_looks(viewer: Any, targets: list[Post | Reply]) -> dict[int, BarLook]:
    """The looks of the bars of `targets` (all posts or all replies, visible to the viewer),
    by id: no query when my_reactions_attach read the reader's own reactions already."""
    mine = my_reaction_kinds(viewer, targets)
    may_react = access.can_react_to_each(viewer, targets)
    none: frozenset[str] = frozenset()
    return {
        target.pk: BarLook(counts_of(target), mine.get(target.pk, none), may_react[target.pk])
        for target in targets
    }


def reactors_for(viewer: Any, target: Post | Reply, *, kind: str | None = None) -> QuerySet:
    """The reactions on a post or reply (readable by the viewer) by people the viewer may see.

    Newest first, with the person loaded; `kind` narrows to one kind.
    """
    field = "reply" if isinstance(target, Reply) else "post"
    visible_people = access.visible(viewer, User.objects.all())
    reactions = Reaction.objects.filter(**{field: target}, user__in=visible_people)
    if kind is not None:
        reactions = reactions.filter(kind=kind)
    return reactions.select_related("user", "user__department").order_by("-created_at", "-id")


@dataclass(frozen=True)
class PraiseHeader:
    """The line above a praise post: whom it thanks (those the viewer may see) and for what."""

    reason: str
    praised: tuple[User, ...]

    @property
    def key_parts(self) -> tuple:
        return (self.reason, *(part for person in self.praised for part in person.fragment_parts()))


def praise_headers(viewer: Any, posts: Iterable[Post]) -> dict[int, PraiseHeader]:
    """The praise headers of those of `posts` that are praise posts, by post id.

    A page without praise posts (`Post.has_praise`) costs no query; one with them, one.
    """
    post_ids = [post.pk for post in posts if post.has_praise]
    if not post_ids:
        return {}
    links = (
        Praise.praised.through.objects.filter(
            praise__post_id__in=post_ids,
            user__in=access.visible(viewer, User.objects.all()),
        )
        .select_related("praise", "user", "user__department")
        .order_by("praise_id", "user__first_name", "user__last_name", "user_id")
    )
    reasons: dict[int, str] = {}
    praised: dict[int, list[User]] = defaultdict(list)
    for link in links:
        reasons[link.praise.post_id] = link.praise.reason
        praised[link.praise.post_id].append(link.user)
    return {
        post_id: PraiseHeader(reason=reason, praised=tuple(praised[post_id]))
        for post_id, reason in reasons.items()
    }


def praise_posts_of_for(viewer: Any, person: User, *, limit: int = 10) -> list[Post]:
    """The latest praise posts that thank `person` and that the viewer may read."""
    return posts_of_person_for(viewer, person, praised=True, limit=limit)
