"""Reading announcements for a viewer: the pinned block and the read receipts."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from kring import access
from kring.access.viewers import member_group_ids
from kring.announcements.models import Announcement, AnnouncementRead
from kring.core.kept import kept_forget, kept_get, kept_set
from kring.groups.models import Group
from kring.people.models import User
from kring.posts.models import Post

PINNED_LIMIT = 5
NAMES_LIMIT = 500
PINNED_KEY = "announcements:pinned"
PINNED_KEPT_SECONDS = 60


def pinned_ids() -> list[int]:
    """The ids of every post pinned now, site-wide, whoever may read them.

    Every feed page asks; most of the time the answer is "none", and then no feed needs
    the viewer's query. Kept in the default cache (not by viewer: ids only, the access
    policy comes after) with each one's end, so an announcement leaves on time;
    `pinned_ids_forget` drops the kept list when one is published or unpinned.
    """
    now = timezone.now()
    kept = kept_get(PINNED_KEY)
    if kept is None:
        kept = list(
            Announcement.objects.filter(pinned_until__gt=now).values_list("post_id", "pinned_until")
        )
        kept_set(PINNED_KEY, kept, PINNED_KEPT_SECONDS)
    return [post_id for post_id, until in kept if until > now]


def pinned_ids_forget() -> None:
    kept_forget([PINNED_KEY])


def pinned_for(viewer: Any, *, space: Group | str) -> list[Post]:
    """The announcements still pinned for the viewer on top of a feed, newest first.

    `space` is "home" (the company space and the viewer's own groups), "company" or a
    group. Pinned means: visible to the viewer, not theirs, not read yet, and younger
    than its `pinned_until`. One query, whatever the number of posts; none while nothing
    is pinned anywhere (`pinned_ids`).
    """
    if not access.is_signed_in(viewer):
        return []
    pinned = pinned_ids()
    if not pinned:
        return []
    read = AnnouncementRead.objects.filter(post_id=OuterRef("pk"), user_id=viewer.pk)
    posts = access.visible(viewer, Post.objects.filter(pk__in=pinned))
    if space == "home":
        posts = posts.filter(Q(group__isnull=True) | Q(group_id__in=member_group_ids(viewer)))
    elif space == "company":
        posts = posts.filter(group__isnull=True)
    else:
        posts = posts.filter(group=space)
    posts = posts.exclude(author_id=viewer.pk).exclude(Exists(read))
    return list(
        posts.select_related("author", "author__department", "group").order_by(
            "-created_at", "-id"
        )[:PINNED_LIMIT]
    )


def is_pinned(post: Post) -> bool:
    return Announcement.objects.filter(post=post, pinned_until__gt=timezone.now()).exists()


def has_read(viewer: Any, post: Post) -> bool:
    return (
        access.is_signed_in(viewer)
        and AnnouncementRead.objects.filter(post=post, user_id=viewer.pk).exists()
    )


@dataclass(frozen=True)
class ReadSummary:
    """How many of the announcement's readers (its audience, the author left out) read it."""

    read: int
    audience: int


def _readers(post: Post) -> tuple[set[int], dict[int, Any]]:
    """The audience's ids (author left out) and {reader id: read_at} among them."""
    audience = access.audience(post) - {post.author_id}
    reads = dict(AnnouncementRead.objects.filter(post=post).values_list("user_id", "read_at"))
    return audience, {pk: moment for pk, moment in reads.items() if pk in audience}


def read_summary(post: Post) -> ReadSummary:
    """Two queries. Someone who read it and then left a secret group no longer counts."""
    audience, reads = _readers(post)
    return ReadSummary(read=len(reads), audience=len(audience))


@dataclass(frozen=True)
class ReadLists:
    readers: list[tuple[User, Any]]  # (colleague, read_at), last read first
    waiting: list[User]  # by name
    read_count: int
    waiting_count: int


def read_lists(post: Post, *, limit: int = NAMES_LIMIT) -> ReadLists:
    """Who read the announcement and who not yet, each at most `limit` names."""
    audience, reads = _readers(post)
    waiting_ids = sorted(audience - reads.keys())
    reader_ids = sorted(reads, key=lambda pk: reads[pk], reverse=True)[:limit]
    people = User.objects.select_related("department")
    by_id = {u.pk: u for u in people.filter(pk__in=reader_ids)}
    waiting = list(people.filter(pk__in=waiting_ids[:limit]).order_by("first_name", "last_name"))
    return ReadLists(
        readers=[(by_id[pk], reads[pk]) for pk in reader_ids if pk in by_id],
        waiting=waiting,
        read_count=len(reads),
        waiting_count=len(waiting_ids),
    )


def leaders() -> list[User]:
    return list(
        User.objects.filter(leader_role__isnull=False)
        .select_related("department", "leader_role")
        .order_by("first_name", "last_name")
    )
