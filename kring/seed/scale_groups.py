"""Groups and memberships for `seed scale`: a few huge groups, many small ones.

Visibility is about 60 % open, 30 % closed, 10 % secret. Every group has an employee as
its first admin (and creator); guests are members of one or two open or closed groups.
"""

import math
import random
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.text import slugify
from tqdm import tqdm

from kring.groups.models import Group, Membership
from kring.seed import scale_text as text
from kring.seed.bulk import TableWriter, epoch, next_id

if TYPE_CHECKING:
    from kring.seed.scale import World

DAY = 86_400
OPEN, CLOSED, SECRET = Group.Visibility.OPEN, Group.Visibility.CLOSED, Group.Visibility.SECRET
# Members settle in during the group's first days; posts start after that.
SETTLING = 2 * DAY


@dataclass
class GroupPlan:
    id: int
    name: str
    visibility: str
    kind: str  # huge, large, team, secret, closed or open
    created: float
    members: list[int]  # admins first
    admins: int
    slug: str
    description: str


def _subject(topic: str) -> str:
    """'de begroting' -> 'begroting': group names do without the article."""
    for article in ("de ", "het "):
        if topic.startswith(article):
            return topic[len(article) :]
    return topic


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]


class _Names:
    """Unique group names (case-insensitive, as group_create demands) and slugs."""

    def __init__(self, rng: random.Random):
        self.rng, self.names, self.slugs = rng, set(), set()

    def take(self, candidates: list[str]) -> tuple[str, str]:
        for attempt in range(40):
            name = self.rng.choice(candidates)
            if attempt >= 20:  # the lists are used up: make the name local
                name = f"{name} {self.rng.choice(text.NEIGHBOURHOODS)}"
            if attempt >= 30:
                name = f"{name} {self.rng.randint(2, 999)}"
            if name.lower() not in self.names:
                break
        self.names.add(name.lower())
        slug, n = slugify(name)[:80], 1
        while slug in self.slugs:
            n += 1
            slug = f"{slugify(name)[:80]}-{n}"
        self.slugs.add(slug)
        return _capitalised(name), slug


def _topic_names(patterns: tuple[str, ...]) -> list[str]:
    return [p.format(t=_subject(t)) for p in patterns for t in text.TOPICS]


def _small(rng: random.Random, median: float, low: int, high: int) -> int:
    return max(low, min(high, round(math.exp(math.log(median) + 0.7 * rng.gauss(0, 1)))))


def _plans(world: "World", rng: random.Random, count: int) -> list[tuple[str, str, list[str], int]]:
    """Return (kind, visibility, candidate names, size) per group; a team's size is its department."""
    people = len(world.employees)
    secret, closed = round(count * 0.1), round(count * 0.3)
    open_ = count - secret - closed
    huge = min(open_, max(1, round(count * 0.006)))
    large = min(open_ - huge, round(count * 0.04))
    teams = min(closed, len(text.DEPARTMENTS), round(count * 0.04))
    plans = [
        ("huge", OPEN, list(text.HUGE_GROUPS), int(people * rng.uniform(0.25, 0.6)))
        for _ in range(huge)
    ]
    plans += [
        ("large", OPEN, _topic_names(text.OPEN_PATTERNS[:2]) + text.SOCIAL_GROUPS,
         int(people * rng.uniform(0.03, 0.1)))
        for _ in range(large)
    ]  # fmt: skip
    biggest = sorted(range(len(text.DEPARTMENTS)), key=lambda d: -len(world.by_department[d]))
    plans += [("team", CLOSED, [f"Team {world.department_names[d]}"], d) for d in biggest[:teams]]
    plans += [
        ("secret", SECRET, list(text.SECRET_FIXED) + _topic_names(text.SECRET_PATTERNS),
         _small(rng, 8, 3, 40))
        for _ in range(secret)
    ]  # fmt: skip
    closed_names = _topic_names(text.CLOSED_PATTERNS) + [f"WE-learning: {c}" for c in text.COURSES]
    closed_names += [f"Wijkteam {n}" for n in text.NEIGHBOURHOODS]
    plans += [("closed", CLOSED, closed_names, _small(rng, 15, 3, 150)) for _ in range(closed - teams)]  # fmt: skip
    open_names = _topic_names(text.OPEN_PATTERNS) + text.SOCIAL_GROUPS
    plans += [("open", OPEN, open_names, _small(rng, 20, 3, 400)) for _ in range(open_ - huge - large)]  # fmt: skip
    return plans


def _members(world: "World", rng: random.Random, kind: str, size: int) -> list[int]:
    """Pick members: whole departments for teams, mostly one department for small groups."""
    everyone = world.employees
    if kind == "team":
        department = world.by_department[size]
        return list(department) or rng.sample(everyone, min(3, len(everyone)))
    size = max(1, min(size, len(everyone)))
    if kind == "huge":
        return rng.sample(everyone, size)
    home = rng.choice([d for d in world.by_department if d] or [everyone])
    chosen, seen = [], set()
    for _ in range(size * 5):
        if len(chosen) == size:
            break
        uid = rng.choice(home if rng.random() < 0.7 else everyone)
        if uid not in seen:
            seen.add(uid)
            chosen.append(uid)
    return chosen


def groups_write(world: "World", count: int, bar: tqdm) -> dict[str, int]:
    """Write `count` groups with their memberships; every group gets at least one admin."""
    rng, names = world.rng("groups"), _Names(world.rng("group names"))
    first_group = next_id(Group)
    launch, latest = world.start, world.now - 30 * DAY
    for i, (kind, visibility, candidates, size) in enumerate(_plans(world, rng, count)):
        name, slug = names.take(candidates)
        if kind in ("huge", "large", "team") or rng.random() < 0.35:
            created = launch + rng.uniform(0, 14 * DAY)  # there from the start
        else:
            created = launch + (latest - launch) * rng.random() ** 1.3
        members = _members(world, rng, kind, size)
        admins = min(len(members), 1 + (len(members) > 30) + (len(members) > 500))
        world.groups.append(
            GroupPlan(
                first_group + i, name, visibility, kind, created, members, admins, slug,
                _description(rng),
            )
        )  # fmt: skip
        bar.update(1)
    _guests_join(world, rng)

    writer = TableWriter(Group, ("id", "name", "slug", "description", "visibility",
                                 "created_by_id", "created_at", "member_count"))  # fmt: skip
    writer.write(
        (g.id, g.name, g.slug, g.description, g.visibility, g.members[0], epoch(g.created),
         len(g.members))
        for g in world.groups
    )  # fmt: skip
    memberships = TableWriter(Membership, ("id", "group_id", "user_id", "role", "created_at"))
    admin, member = Membership.Role.ADMIN, Membership.Role.MEMBER
    rows = [
        (g.id, uid, admin if n < g.admins else member, epoch(g.created + rng.uniform(0, SETTLING)))
        for g in world.groups
        for n, uid in enumerate(g.members)
    ]
    first_membership = next_id(Membership)
    memberships.write((first_membership + n, *row) for n, row in enumerate(rows))
    by_visibility = {
        v: sum(g.visibility == v for g in world.groups) for v in (OPEN, CLOSED, SECRET)
    }
    return {
        "groups": len(world.groups),
        **{f"{v} groups": n for v, n in by_visibility.items()},
        "memberships": memberships.written,
    }


def _description(rng: random.Random) -> str:
    return rng.choice(text.DESCRIPTIONS).format(
        t=rng.choice(text.TOPICS), p=rng.choice(text.PARTNERS)
    )


def _guests_join(world: "World", rng: random.Random) -> None:
    """Guests work with the organisation in one or two closed or small open groups."""
    places = [g for g in world.groups if g.kind in ("closed", "open")]
    # The huge groups are open, so there is always somewhere to go.
    places = places or [g for g in world.groups if g.visibility != SECRET]
    for guest in world.guests:
        for group in rng.sample(places, min(len(places), rng.choice((1, 1, 2)))):
            group.members.append(guest)
