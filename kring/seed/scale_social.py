"""Reactions and follows for `seed scale` (issue 4): who appreciates what, who follows whom.

Reactions are drawn while the posts are written (scale_threads.py asks `reactions_for`
for each post and reply), so their counts go into the same rows and no second pass over
millions of rows is needed. A generator of its own keeps the posts the same as without.
Follows are a phase of their own: colleagues follow a few people, mostly from their own
department, and a few open groups they are not in.
"""

import random
from typing import TYPE_CHECKING

from tqdm import tqdm

from kring.follows.models import Follow
from kring.groups.models import Group
from kring.reactions.models import KINDS
from kring.seed.bulk import TableWriter, epoch, next_id

if TYPE_CHECKING:
    from kring.seed.scale import World

REACTION_FIELDS = ("id", "user_id", "post_id", "reply_id", "kind", "created_at")
FOLLOW_FIELDS = ("id", "follower_id", "person_id", "group_id", "created_at")
# like, thanks, insightful, celebrate (kring.reactions.models.KINDS order)
KIND_WEIGHTS = (0.6, 0.2, 0.12, 0.08)
NO_REACTION_POST = 0.45
NO_REACTION_REPLY = 0.85
MOST_REACTIONS = 60


def reactions_for(
    rng: random.Random,
    pick: "callable",
    people: int,
    *,
    post_id: int | None,
    reply_id: int | None,
    author: int,
    created: float,
    now: float,
) -> tuple[list[tuple], tuple[int, int, int, int]]:
    """(reaction rows, counts per kind) for one post or reply; `pick` draws a colleague."""
    if rng.random() < (NO_REACTION_POST if reply_id is None else NO_REACTION_REPLY):
        return [], (0, 0, 0, 0)
    wanted = min(int(rng.paretovariate(1.3)), MOST_REACTIONS, max(0, people - 1))
    reactors = {pick(rng) for _ in range(wanted)} - {author}
    counts = [0, 0, 0, 0]
    rows = []
    for user in sorted(reactors):
        kind = rng.choices(range(len(KINDS)), KIND_WEIGHTS)[0]
        counts[kind] += 1
        moment = min(now, created + rng.lognormvariate(8.0, 1.5))
        rows.append((user, post_id, reply_id, KINDS[kind], epoch(moment)))
    return rows, (counts[0], counts[1], counts[2], counts[3])


class ReactionWriter:
    """Numbers the reaction rows (the seed gives every row its id) and writes them."""

    def __init__(self) -> None:
        from kring.reactions.models import Reaction

        self.writer = TableWriter(Reaction, REACTION_FIELDS)
        self.next = next_id(Reaction)

    def write(self, rows: list[tuple]) -> None:
        self.writer.write((self.next + n, *row) for n, row in enumerate(rows))
        self.next += len(rows)

    @property
    def written(self) -> int:
        return self.writer.written


def follows_write(world: "World", bar: tqdm) -> dict[str, int]:
    """Each employee follows 0-8 colleagues (mostly of their department) and 0-3 open groups."""
    rng = world.rng("follows")
    writer, first = TableWriter(Follow, FOLLOW_FIELDS), next_id(Follow)
    department_of = {u: d for d, people in enumerate(world.by_department) for u in people}
    member_of: dict[int, set[int]] = {}
    for group in world.groups:
        for user in group.members:
            member_of.setdefault(user, set()).add(group.id)
    open_groups = [g.id for g in world.groups if g.visibility == Group.Visibility.OPEN]
    rows: list[tuple] = []
    for user in world.employees:
        moment = epoch(rng.uniform(world.start, world.now))
        department = world.by_department[department_of[user]] if user in department_of else []
        people: set[int] = set()
        for _ in range(rng.choice((0, 0, 1, 2, 3, 4, 5, 8))):
            pool = department if department and rng.random() < 0.7 else world.employees
            people.add(rng.choice(pool))
        people.discard(user)
        rows.extend((0, user, person, None, moment) for person in sorted(people))
        if open_groups:
            groups = {rng.choice(open_groups) for _ in range(rng.choice((0, 0, 1, 1, 2, 3)))}
            groups -= member_of.get(user, set())
            rows.extend((0, user, None, group, moment) for group in sorted(groups))
        if len(rows) > 20_000:
            first += writer.write((first + n, *row[1:]) for n, row in enumerate(rows))
            rows = []
        bar.update(1)
    writer.write((first + n, *row[1:]) for n, row in enumerate(rows))
    return {"follows": writer.written}
