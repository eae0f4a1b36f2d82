"""Posts and replies for `seed scale`: three years of conversations, most short, a few long.

Times grow denser as the network catches on and fall mostly on working days in office
hours. Reply counts are heavy-tailed (about 40 % of posts get none, a few get hundreds).
Authors may always write where they do: employees in the company space, members in
their groups (and, now and then, any employee replying in an open group).
"""

import bisect
import itertools
import math
import random
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from django.conf import settings
from tqdm import tqdm

from kring.core.markdown import render_markdown
from kring.groups.models import Group
from kring.posts.models import Post, Reply, reply_path
from kring.seed import scale_social as social
from kring.seed import scale_text as text
from kring.seed.bulk import TableWriter, epoch, next_id
from kring.seed.scale_groups import SETTLING

if TYPE_CHECKING:
    from kring.seed.scale import World

DAY = 86_400
COMPANY_SHARE = 0.2  # of all posts, in the company-wide space
FRESHEST = 300  # the newest post is five minutes old
CHUNK = 5_000  # posts (with their replies) per write
MAX_DEPTH = 3  # replies to replies to replies, no deeper
GROWTH = 0.3  # activity at launch relative to the growth since (density a + x on [0, 1])
# Local hours 0..23: quiet at night, busy in office hours, a dip at lunch.
HOUR_WEIGHTS = (1, 0, 0, 0, 0, 1, 2, 8, 20, 26, 26, 22, 14, 22, 24, 22, 16, 8, 4, 4, 4, 3, 2, 1)
HOURS_CUM = list(itertools.accumulate(HOUR_WEIGHTS))
COUNTS = ("like_count", "thanks_count", "insightful_count", "celebrate_count")
POST_FIELDS = ("id", "author_id", "group_id", "body", "body_html", "created_at", "edited_at",
               "last_activity_at", "reply_count", *COUNTS)  # fmt: skip
REPLY_FIELDS = ("id", "post_id", "parent_id", "author_id", "body", "body_html", "created_at",
                "path", *COUNTS)  # fmt: skip


class _Pool:
    """People who may write in one space, picked in proportion to how active they are."""

    def __init__(self, world: "World", ids: list[int]):
        self.ids = ids
        self.cum = list(itertools.accumulate(world.activity[u] for u in ids))
        self.total = self.cum[-1]

    def pick(self, rng: random.Random) -> int:
        return self.ids[min(bisect.bisect(self.cum, rng.random() * self.total), len(self.ids) - 1)]


class _Bodies:
    """Markdown blocks rendered once; a message is a few of them, its HTML their HTML joined.

    render_markdown takes ~0.5 ms, i.e. half an hour for three million messages. Blocks
    separated by a blank line render independently, so joining their HTML gives exactly
    what render_markdown would give (test_scale checks this), as long as two lists never
    touch (they would merge into one).
    """

    def __init__(self, rng: random.Random, size: int):
        def rendered(maker, count: int) -> list[tuple[str, str]]:
            blocks = {maker(rng)[0] for _ in range(count)}
            return [(b, render_markdown(b)) for b in sorted(blocks)]

        self.paragraphs = rendered(lambda r: _until(r, list_=False), size)
        self.lists = rendered(lambda r: _until(r, list_=True), max(10, size // 10))
        self.replies = rendered(text.reply_paragraph, size)

    def post(self, rng: random.Random) -> tuple[str, str]:
        blocks = [rng.choice(self.paragraphs) for _ in range(rng.choice((1, 1, 1, 2, 2, 3)))]
        if rng.random() < 0.1:
            blocks.append(rng.choice(self.lists))
        return "\n\n".join(b[0] for b in blocks), "".join(b[1] for b in blocks)

    def reply(self, rng: random.Random) -> tuple[str, str]:
        if rng.random() < 0.8:
            return rng.choice(self.replies)
        first, second = rng.choice(self.replies), rng.choice(self.replies)
        return f"{first[0]}\n\n{second[0]}", first[1] + second[1]


def _until(rng: random.Random, *, list_: bool) -> tuple[str, bool]:
    while True:
        block, is_list = text.post_paragraph(rng)
        if is_list == list_:
            return block, is_list


class _Clock:
    """Post times: denser as the network grows, on working days in office hours (local time)."""

    def __init__(self, world: "World"):
        zone = ZoneInfo(settings.TIME_ZONE)
        first = datetime.fromtimestamp(world.start, zone).date()
        days = (datetime.fromtimestamp(world.now, zone).date() - first).days + 1
        self.midnights = [
            datetime.combine(first + timedelta(days=d), datetime.min.time(), zone).timestamp()
            for d in range(days)
        ]
        self.first_weekday = first.weekday()
        self.start, self.span = world.start, world.now - world.start

    def _share(self, moment: float) -> float:
        x = (moment - self.start) / self.span
        return (GROWTH * x + x * x / 2) / (GROWTH + 0.5)

    def sample(self, rng: random.Random, low: float, high: float) -> float:
        share = rng.uniform(self._share(low), self._share(high))
        x = -GROWTH + math.sqrt(GROWTH**2 + 2 * share * (GROWTH + 0.5))
        moment = self.start + x * self.span
        day = min(int((moment - self.midnights[0]) // DAY), len(self.midnights) - 1)
        weekday = (self.first_weekday + day) % 7
        if weekday >= 5 and rng.random() < 0.85:  # Saturday to Friday, Sunday to Monday
            day = max(0, min(len(self.midnights) - 1, day + (-1 if weekday == 5 else 1)))
        hour = bisect.bisect(HOURS_CUM, rng.random() * HOURS_CUM[-1])
        moment = self.midnights[day] + (hour + rng.random()) * 3600
        return moment if low <= moment <= high else rng.uniform(low, high)


def _reply_count(rng: random.Random) -> int:
    """Heavy-tailed: 42 % none, nine in ten at most three, a few hundred at most 600."""
    if rng.random() < 0.42:
        return 0
    return min(int(rng.paretovariate(1.25)), 600)


def threads_write(world: "World", posts: int, bar: tqdm) -> dict[str, int]:
    """Write `posts` posts, oldest first, each with its replies."""
    rng = world.rng("posts")
    bodies = _Bodies(world.rng("bodies"), max(100, min(2_000, posts // 200)))
    clock, newest = _Clock(world), world.now - FRESHEST
    groups = world.groups
    employees = _Pool(world, world.employees)
    # Space 0 is the company-wide space, space i is groups[i - 1].
    writers = [employees] + [_Pool(world, g.members) for g in groups]
    opens = [False] + [g.visibility == Group.Visibility.OPEN for g in groups]
    lows = [world.start] + [g.created + SETTLING for g in groups]
    weights = [1.0] + [
        rng.lognormvariate(0, 1) * len(g.members) ** 0.75 * (world.now - g.created) / clock.span
        for g in groups
    ]
    weights[0] = COMPANY_SHARE / (1 - COMPANY_SHARE) * sum(weights[1:])
    spaces = rng.choices(range(len(weights)), weights, k=posts)
    # Sorted by time, so ids grow with time as on a real site.
    plan = sorted((clock.sample(rng, min(lows[s], newest), newest), s) for s in spaces)
    famous = _famous(rng, plan, groups, world.now)

    post_writer, reply_writer = TableWriter(Post, POST_FIELDS), TableWriter(Reply, REPLY_FIELDS)
    reaction_writer, liking = social.ReactionWriter(), world.rng("reactions")
    first_post, next_reply = next_id(Post), next_id(Reply)
    stats = {"company posts": 0, "longest thread": 0, "threads with 50+ replies": 0}
    stats["nested replies"] = 0
    for chunk_start in range(0, posts, CHUNK):
        post_rows, reply_rows, reaction_rows = [], [], []
        for index in range(chunk_start, min(posts, chunk_start + CHUNK)):
            created, space = plan[index]
            post_id, pool = first_post + index, writers[space]
            author = pool.pick(rng)
            body, html = bodies.post(rng)
            wanted = famous.get(index) or min(_reply_count(rng), 20 * len(pool.ids))
            moment, depths, parents, paths = created, [], [], []
            last = created  # the post's last activity: its newest reply, or itself
            for n in range(wanted):
                moment += max(1.0, rng.lognormvariate(7.9 if n == 0 else 7.1, 1.6))
                if moment > world.now:
                    break  # the conversation is still going on
                roll = rng.random()
                if roll < 0.2:
                    replier = author
                elif opens[space] and roll > 0.9:
                    replier = employees.pick(rng)
                else:
                    replier = pool.pick(rng)
                parent = None
                if n and rng.random() < 0.35:  # answers a reply, mostly a recent one
                    parent = n - 1 - min(n - 1, int(rng.expovariate(0.4)))
                    while depths[parent] >= MAX_DEPTH - 1:
                        parent = parents[parent]
                depths.append(0 if parent is None else depths[parent] + 1)
                parents.append(parent)
                paths.append(reply_path(next_reply + n, None if parent is None else paths[parent]))
                reply_body, reply_html = bodies.reply(rng)
                given, counts = social.reactions_for(
                    liking, pool.pick, len(pool.ids), post_id=None, reply_id=next_reply + n,
                    author=replier, created=moment, now=world.now,
                )  # fmt: skip
                reaction_rows += given
                reply_rows.append((
                    next_reply + n, post_id, None if parent is None else next_reply + parent,
                    replier, reply_body, reply_html, epoch(moment), paths[n], *counts,
                ))  # fmt: skip
                last = moment
            replies = len(depths)
            next_reply += replies
            edited = created + rng.uniform(60, 7_200) if rng.random() < 0.03 else None
            edited = epoch(edited) if edited is not None and edited < world.now else None
            group_id = groups[space - 1].id if space else None
            given, counts = social.reactions_for(
                liking, pool.pick, len(pool.ids), post_id=post_id, reply_id=None,
                author=author, created=created, now=world.now,
            )  # fmt: skip
            reaction_rows += given
            post_rows.append((post_id, author, group_id, body, html, epoch(created), edited,
                              epoch(last), replies, *counts))  # fmt: skip
            stats["company posts"] += not space
            stats["longest thread"] = max(stats["longest thread"], replies)
            stats["threads with 50+ replies"] += replies >= 50
            stats["nested replies"] += sum(d > 0 for d in depths)
        post_writer.write(post_rows)
        reply_writer.write(reply_rows)
        reaction_writer.write(reaction_rows)
        bar.update(len(post_rows))
    stats["reactions"] = reaction_writer.written
    return {"posts": post_writer.written, "replies": reply_writer.written, **stats}


def _famous(rng: random.Random, plan: list, groups: list, now: float) -> dict[int, int]:
    """Pick a few older posts in big spaces for threads of hundreds of replies."""
    big = {0} | {i + 1 for i, g in enumerate(groups) if g.kind == "huge"}
    old = [i for i, (moment, space) in enumerate(plan) if space in big and moment < now - 60 * DAY]
    wanted = min(len(old), max(1, len(plan) // 20_000))
    return {i: rng.randint(150, 500) for i in sorted(rng.sample(old, wanted))}
