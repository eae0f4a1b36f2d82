"""The "Voor jou" feed: stored inputs of a bounded set of candidates, ranked (decision 0017).

A page costs the same few queries whatever the number of posts: the viewer's follows
(one), their recent ties with colleagues (three small index look-ups), the candidates
(the newest visible posts; the newest posts of each kind followed, one index range per
kind, and their rows through the access filter), the followed topics among the
candidates, and the posts of the page. Nothing scans the posts table. An employee's
newest visible posts are mostly those every employee reads (the company space, open
groups): a web process reads those once for all of them (`_newest_for_every_employee`).
"""

import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from kring import access
from kring.core.kept import kept_get_many, kept_set
from kring.core.pagination import Page
from kring.feeds.kept import RANKING_SECONDS, mine_key, ranking_key
from kring.feeds.ranking import RankInputs, Reason, arrange
from kring.feeds.selectors import newest_keys
from kring.follows.selectors import followed_with_departments_of
from kring.groups.models import Group
from kring.posts.loading import posts_by_id_for
from kring.posts.models import Post, Reply
from kring.reactions.models import Reaction
from kring.topics.models import Topic, TopicUse

CANDIDATES = 400  # the newest visible posts that compete for a place
SHARED_SECONDS = 10  # a web process reuses the newest posts every employee reads this long
FOLLOWED_CANDIDATES = 100  # plus the newest posts of what the viewer follows
FOLLOWED_DAYS = 30
TIES_DAYS = 30  # replies and reactions older than this no longer make a tie
TIES_LIMIT = 100  # per kind of tie, the newest
TIES_FULL = 4  # this many recent exchanges with someone make the strongest tie
PER_PAGE = 20

_POST_FIELDS = (
    "id",
    "author_id",
    "group_id",
    "last_activity_at",
    "reply_count",
    "like_count",
    "thanks_count",
    "insightful_count",
    "celebrate_count",
    "is_announcement",
)
_FIELDS = (*_POST_FIELDS, "author__department_id")  # the ranking's fields of a candidate


@dataclass(frozen=True)
class RankedPage:
    page: Page
    reasons: dict[int, str]  # post id -> the one reason shown above its card
    newest_id: int = 0  # the newest candidate, shown or not: live.js counts new posts after it
    from_kept: bool = False  # ranked on an earlier visit: posts newer than it may be waiting


@dataclass(frozen=True)
class Ties:
    strength: dict[int, float]  # colleague id -> 0..1
    replied_posts: set[int]  # posts the viewer recently replied under


def ties_of(viewer: Any, now: datetime) -> Ties:
    """Whom the viewer talked with lately: replied to, reacted to, or got replies from.

    Three index look-ups of at most TIES_LIMIT rows each, none over the posts table.
    """
    since = now - timedelta(days=TIES_DAYS)
    counts: dict[int, int] = {}
    replied_posts: set[int] = set()
    mine = Reply.objects.filter(author_id=viewer.pk, created_at__gte=since).order_by("-id")
    for post_id, post_author, parent_author in mine.values_list(
        "post_id", "post__author_id", "parent__author_id"
    )[:TIES_LIMIT]:
        replied_posts.add(post_id)
        partner = parent_author or post_author
        counts[partner] = counts.get(partner, 0) + 1
    reacted = (
        Reaction.objects.filter(user_id=viewer.pk, created_at__gte=since)
        .order_by("-id")
        .values_list(Coalesce("post__author_id", "reply__author_id"), flat=True)[:TIES_LIMIT]
    )
    for partner in reacted:
        counts[partner] = counts.get(partner, 0) + 1
    # Their posts with the latest activity: those that were answered lately are among them.
    own_posts = Post.objects.filter(author_id=viewer.pk).order_by("-last_activity_at", "-id")
    own_posts = own_posts.values("id")[:TIES_LIMIT]
    answered_by = (
        Reply.objects.filter(post_id__in=own_posts, created_at__gte=since)
        .order_by("-id")
        .values_list("author_id", flat=True)[:TIES_LIMIT]
    )
    for partner in answered_by:
        counts[partner] = counts.get(partner, 0) + 1
    counts.pop(viewer.pk, None)
    counts.pop(None, None)
    strength = {pk: min(n / TIES_FULL, 1.0) for pk, n in counts.items()}
    return Ties(strength=strength, replied_posts=replied_posts)


@dataclass(frozen=True)
class _Shared:
    rows: list[tuple]  # the newest posts every employee may read, newest first (_FIELDS)
    newest_id: int  # the newest post anywhere when they were read
    until: float  # time.monotonic() after which they are read again


_shared: _Shared | None = None


def _newest_for_every_employee() -> list[tuple]:
    """The CANDIDATES newest posts any employee may read, shared by the employees of this
    process for SHARED_SECONDS (their order moves as replies come in; so does a kept
    ranking's). A newer post anywhere reads them again at once, so a post just written is
    a candidate on the next ranking: that costs one look at the primary key's end.
    """
    global _shared
    newest_id = Post.objects.order_by("-id").values_list("id", flat=True).first() or 0
    kept, moment = _shared, time.monotonic()
    if kept is not None and kept.newest_id == newest_id and kept.until > moment:
        return kept.rows
    posts = access.posts_every_employee_reads(Post.objects.all())
    rows = list(posts.order_by("-last_activity_at", "-id").values_list(*_FIELDS)[:CANDIDATES])
    _shared = _Shared(rows=rows, newest_id=newest_id, until=moment + SHARED_SECONDS)
    return rows


def shared_candidates_forget() -> None:
    """Read the shared candidates again on the next ranking (tests: ids are reused)."""
    global _shared
    _shared = None


def _newest_for_employee(viewer: Any) -> list[tuple]:
    """The CANDIDATES newest posts the employee may read, newest first.

    The shared newest posts, and from the viewer's closed and secret groups those that
    are newer than the last shared one: together exactly the newest of what they read.
    """
    shared = _newest_for_every_employee()
    beyond = access.groups_beyond_every_employee(viewer)
    if not beyond:
        return shared
    own = access.visible(viewer, Post.objects.filter(group_id__in=beyond))
    if len(shared) == CANDIDATES:
        own = own.filter(last_activity_at__gte=shared[-1][3])
    own_rows = own.order_by("-last_activity_at", "-id").values_list(*_FIELDS)[:CANDIDATES]
    merged = sorted([*shared, *own_rows], key=lambda row: (row[3], row[0]), reverse=True)
    return merged[:CANDIDATES]


def _candidate_rows(viewer: Any, people, groups, topics, now: datetime) -> list[tuple]:
    """(field values) of the newest visible posts and of the newest visible posts followed."""
    if access.is_employee(viewer):
        newest = _newest_for_employee(viewer)
    else:
        # A guest reads a few groups: their own group indexes, not the organisation's.
        # Each readable group's own index, merged, as the guest's Newest tab does.
        readable = [
            g
            for g in access.visible(viewer, Group.objects.all())
            if access.can_read_space(viewer, g)
        ]
        per_group = [
            Post.objects.filter(group=g)
            .order_by("-last_activity_at", "-id")
            .values_list("last_activity_at", "id")[:CANDIDATES]
            for g in readable
        ]
        keys = newest_keys(per_group, limit=CANDIDATES) if per_group else []
        visible = access.visible(viewer, Post.objects.all())
        newest = visible.filter(pk__in=[pk for _moment, pk in keys]).values_list(*_FIELDS)
    rows = {row[0]: row for row in newest}
    for row in _followed_rows(viewer, people, groups, topics, now):
        rows.setdefault(row[0], row)
    return list(rows.values())


def _followed_rows(viewer: Any, people, groups, topics, now: datetime) -> list[tuple]:
    """(field values) of the newest visible posts of each kind followed: one index range per
    kind, read with the fields the ranking needs (also when they are among the newest
    already: the same queries for every page). A followed topic's posts are found by id
    first, through the topic's index of uses, then read.

    Visible before the limit: posts the viewer may not read (a followed colleague's
    activity in a secret group) must not take the places of those they may read."""
    readable = access.visible(viewer, Post.objects.all())
    rows: list[tuple] = []
    if topics:
        uses = TopicUse.objects.filter(topic_id__in=topics, post__in=readable.values("pk"))
        uses = uses.order_by("-post_id").values_list("post_id", flat=True)
        rows.extend(readable.filter(pk__in=list(uses[:FOLLOWED_CANDIDATES])).values_list(*_FIELDS))
    if people:
        # By activity, not id: PostgreSQL then reads the authors' index and sorts their
        # posts, instead of walking the primary key backwards over everyone's.
        # Their departments come with the follows: joined here, PostgreSQL would hash
        # every colleague's row to find a few.
        by_people = readable.filter(author_id__in=list(people))
        by_people = by_people.order_by("-last_activity_at", "-id").values_list(*_POST_FIELDS)
        rows.extend((*row, people[row[1]]) for row in by_people[:FOLLOWED_CANDIDATES])
    if groups:
        since = now - timedelta(days=FOLLOWED_DAYS)
        in_groups = readable.filter(group_id__in=groups, last_activity_at__gte=since)
        in_groups = in_groups.order_by("-last_activity_at", "-id")
        rows.extend(in_groups.values_list(*_FIELDS)[:FOLLOWED_CANDIDATES])
    return rows


def rank_inputs_for(viewer: Any, now: datetime) -> list[RankInputs]:
    """The stored inputs of every candidate post for the viewer's "Voor jou" feed."""
    people, groups, topics = followed_with_departments_of(viewer)
    ties = ties_of(viewer, now)
    rows = _candidate_rows(viewer, people, groups, topics, now)
    followed_topic: dict[int, int] = {}
    if topics and rows:
        uses = TopicUse.objects.filter(
            post_id__in=[row[0] for row in rows], topic_id__in=topics
        ).values_list("post_id", "topic_id")
        for post_id, topic_id in uses.order_by("topic_id"):
            followed_topic.setdefault(post_id, topic_id)
    own_department = getattr(viewer, "department_id", None)
    inputs = []
    for pk, author, group, moment, replies, *reactions, announcement, department in rows:
        inputs.append(
            RankInputs(
                post_id=pk,
                last_activity_at=moment,
                replies=replies,
                reactions=sum(reactions),
                is_announcement=announcement,
                author_id=author,
                group_id=group,
                followed_person=author in people,
                followed_group=group in groups,
                followed_topic_id=followed_topic.get(pk),
                took_part=pk in ties.replied_posts and author != viewer.pk,
                interaction=ties.strength.get(author, 0.0),
                other_department_id=(
                    department
                    if department and own_department and department != own_department
                    else None
                ),
            )
        )
    return inputs


def _offset(cursor: str | None) -> int:
    """A ranked page's cursor is its place in the ranking; anything else means the start."""
    if cursor and cursor.isdigit() and len(cursor) < 6:
        return int(cursor)
    return 0


# The ranking's first places are kept per reader for five minutes (decision 0017): "load
# more" pages come from the same order (no post twice), the feed does not reshuffle while
# a reader goes back and forth between it and threads, and they do not wait for 400 posts
# to be ranked on every visit. Their follows and groups drop it at once
# (kept.for_you_forget); their own new post goes first in it (kept.for_you_put_first). A
# page from a kept ranking asks at once for the posts that came after it (live.js), and
# the "new posts" bar, whose click ranks afresh, shows them.
RANKING_KEPT = 200


@dataclass(frozen=True)
class Ranking:
    entries: list[tuple[int, tuple[Reason, ...]]]  # (post id, its reasons), best first
    total: int  # candidates ranked; more than len(entries) when not all are kept
    newest_id: int


def ranking_for(viewer: Any, now: datetime, *, kept: bool, whole: bool = False) -> Ranking:
    """The viewer's ranked candidates; the kept ones if `kept` and there are any.

    `whole` ranks afresh and returns every place (for pages past the kept ones).
    """
    ranking, _from_kept = _ranking(viewer, now, kept=kept, whole=whole)
    return ranking


def _ranking(viewer: Any, now: datetime, *, kept: bool, whole: bool) -> tuple[Ranking, bool]:
    """ranking_for, and whether the ranking was kept from an earlier visit."""
    key = ranking_key(viewer.pk)
    if kept and not whole:
        mine = mine_key(viewer.pk)
        found = kept_get_many([key, mine])
        if key in found:
            return _mine_first(found[key], found.get(mine, ())), True
    ranked = arrange(rank_inputs_for(viewer, now), now)
    ranking = Ranking(
        entries=[(s.inputs.post_id, s.reasons) for s in ranked],
        total=len(ranked),
        newest_id=max((s.inputs.post_id for s in ranked), default=0),
    )
    kept_part = Ranking(ranking.entries[:RANKING_KEPT], ranking.total, ranking.newest_id)
    kept_set(key, kept_part, RANKING_SECONDS)
    return (ranking if whole else kept_part), False


def _mine_first(ranking: Ranking, mine: Iterable[int]) -> Ranking:
    """The kept ranking with the reader's own posts newer than it first (newest first).

    The rest keeps its order, and the newest id stays: the page still asks for what
    others posted since the ranking (live.js), and the "new posts" bar offers it.
    """
    newer = [post_id for post_id in mine if post_id > ranking.newest_id]
    if not newer:
        return ranking
    entries = [(post_id, ()) for post_id in newer] + ranking.entries
    return Ranking(entries, ranking.total + len(newer), ranking.newest_id)


def feed_for_you(
    viewer: Any, *, cursor: str | None = None, per_page: int = PER_PAGE, kept: bool = False
) -> RankedPage:
    """One page of the ranked feed and the reason for each post on it.

    With `kept` the page comes from the viewer's kept ranking (see RANKING_SECONDS);
    without, the ranking is computed afresh (and kept for the next pages). Every post is
    checked against the access policy again as the page is loaded.
    """
    now = timezone.now()
    start = _offset(cursor)
    ranking, from_kept = _ranking(viewer, now, kept=kept, whole=False)
    if start + per_page > len(ranking.entries) and ranking.total > len(ranking.entries):
        ranking, from_kept = _ranking(viewer, now, kept=False, whole=True)
    chosen = ranking.entries[start : start + per_page]
    ids = [post_id for post_id, _reasons in chosen]
    loaded = posts_by_id_for(viewer, ids)
    posts = [loaded[pk] for pk in ids if pk in loaded]
    more = start + per_page < ranking.total
    page = Page(items=posts, next_cursor=str(start + per_page) if more else None)
    return RankedPage(
        page=page,
        reasons=reason_texts(viewer, chosen, loaded),
        newest_id=ranking.newest_id,
        from_kept=from_kept,
    )


def reason_texts(
    viewer: Any, chosen: list[tuple[int, tuple[Reason, ...]]], posts: dict[int, Post]
) -> dict[int, str]:
    """The strongest reason of each post that names nothing the viewer may not see.

    The post itself is visible, so its group is; a topic page is open to everyone; a person
    is named only if the viewer may see them (one query for the page).
    """
    named_people = {
        r.ident for _pk, reasons in chosen for r in reasons if r.kind in ("person", "interaction")
    }
    topic_ids = {r.ident for _pk, reasons in chosen for r in reasons if r.kind == "topic"}
    seen_people: set[int] = set()
    if named_people:
        seen_people = access.visible_people_ids(viewer, sorted(named_people))
    topics = Topic.objects.in_bulk(topic_ids) if topic_ids else {}
    texts = {}
    for post_id, reasons in chosen:
        post = posts.get(post_id)
        if post is None:
            continue
        for reason in reasons:
            text = _reason_text(reason, post, seen_people, topics)
            if text:
                texts[post.pk] = text
                break
    return texts


def _reason_text(
    reason: Reason, post: Post, seen_people: set[int], topics: dict[int, Topic]
) -> str:
    kind = reason.kind
    if kind == "announcement":
        return _("Announcement")
    if kind == "topic" and reason.ident in topics:
        return _("Because you follow #%(topic)s") % {"topic": topics[reason.ident].name}
    if kind == "group" and post.group is not None:
        return _("Because you follow %(group)s") % {"group": post.group.name}
    if kind in ("person", "interaction") and post.author_id in seen_people:
        name = post.author.display_name
        if kind == "person":
            return _("Because you follow %(name)s") % {"name": name}
        return _("You often talk with %(name)s") % {"name": name}
    if kind == "took_part":
        return _("You replied to this")
    if kind == "popular_department" and post.author.department_id:
        return _("Popular in %(department)s") % {"department": post.author.department.name}
    if kind == "popular":
        return _("Much discussed")
    return ""
