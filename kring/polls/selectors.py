"""Reading polls for a viewer: what a card or the API shows of each poll."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Count
from django.utils import timezone

from kring import access
from kring.polls.models import PollOption, PollVote
from kring.posts.models import Post


@dataclass(frozen=True)
class OptionView:
    id: int
    text: str
    chosen: bool
    votes: int | None  # None: the viewer may not see the results (yet)
    percent: int | None


@dataclass(frozen=True)
class PollView:
    post_id: int
    multiple: bool
    closes_at: datetime | None
    closed: bool
    voted: bool
    may_vote: bool
    shows_results: bool
    voters: int | None  # None: hidden with the results
    options: list[OptionView]


def poll_views_for(viewer: Any, posts: Iterable[Post]) -> dict[int, PollView]:
    """The poll of each post that has one, by post id, as the viewer may see it.

    Precondition: the viewer may read every post (the feed or page checked). Three
    queries for any number of polls (options with counts, voters, own votes); none when
    no post has a poll.
    """
    posts = [post for post in posts if post.has_poll]
    if not posts:
        return {}
    ids = [post.pk for post in posts]
    rows = (
        PollOption.objects.filter(poll_id__in=ids)
        .select_related("poll")
        .annotate(vote_count=Count("votes"))
        .order_by("poll_id", "position")
    )
    options_of: dict[int, list[PollOption]] = defaultdict(list)
    for option in rows:
        options_of[option.poll_id].append(option)
    voters_of = dict(
        PollVote.objects.filter(poll_id__in=ids)
        .values("poll_id")
        .annotate(people=Count("user_id", distinct=True))
        .values_list("poll_id", "people")
    )
    mine: set[int] = set()
    if access.is_signed_in(viewer):
        mine = set(
            PollVote.objects.filter(poll_id__in=ids, user=viewer).values_list(
                "option_id", flat=True
            )
        )
    now = timezone.now()
    views = {}
    for post in posts:
        options = options_of.get(post.pk)
        if not options:
            continue
        poll = options[0].poll
        closed = poll.is_closed(now)
        voted = any(option.pk in mine for option in options)
        shows = access.can_see_poll_results(viewer, post, voted=voted, closed=closed)
        voters = voters_of.get(post.pk, 0)
        views[post.pk] = PollView(
            post_id=post.pk,
            multiple=poll.multiple,
            closes_at=poll.closes_at,
            closed=closed,
            voted=voted,
            may_vote=not closed and access.can_vote(viewer, post),
            shows_results=shows,
            voters=voters if shows else None,
            options=[
                OptionView(
                    id=option.pk,
                    text=option.text,
                    chosen=option.pk in mine,
                    votes=option.vote_count if shows else None,
                    percent=(round(100 * option.vote_count / voters) if voters else 0)
                    if shows
                    else None,
                )
                for option in options
            ],
        )
    return views


def poll_view_for(viewer: Any, post: Post) -> PollView | None:
    """The poll of one readable post, or None when it has none."""
    return poll_views_for(viewer, [post]).get(post.pk)
