"""`seed scale`: a large, believable Dutch organisation, written with bulk inserts.

This module runs the phases in one transaction: scale_people.py (departments, people,
expertise), scale_groups.py (groups, memberships), scale_threads.py (posts, replies);
the words come from scale_text.py, the inserts go through bulk.py (COPY on PostgreSQL).
Everything comes from one seed (random.Random per phase), so the same seed and the same
`now` give the same database. Reactions are drawn with the posts and replies, follows
are a phase after them (scale_social.py).
"""

import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import TextIO

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from tqdm import tqdm

from kring.core.errors import ValidationFailed
from kring.follows.models import Follow
from kring.groups.models import Group, Membership
from kring.people.models import Department, Expertise, User
from kring.posts.models import Post, Reply
from kring.reactions.models import Reaction
from kring.search.services import index_rebuild
from kring.seed import scale_groups, scale_people, scale_social, scale_threads
from kring.seed.bulk import analyse, checks_immediate, sequences_reset
from kring.seed.services import Login

SCALE_PASSWORD = "kring-scale-2026"
DAY = 86_400
YEARS = 3
TABLES = (
    Department, Expertise, User, User.expertise.through, Group, Membership, Post, Reply,
    Reaction, Follow,
)  # fmt: skip


@dataclass(frozen=True)
class ScaleSize:
    users: int
    groups: int
    posts: int


PRESETS = {
    "small": ScaleSize(users=300, groups=20, posts=5_000),
    "medium": ScaleSize(users=2_000, groups=100, posts=100_000),
    "large": ScaleSize(users=10_000, groups=500, posts=1_000_000),
}


@dataclass
class World:
    """What one phase leaves for the next: ids, memberships and the time frame."""

    rng_seed: int
    now: float
    start: float
    usernames: dict[int, str] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)
    employees: list[int] = field(default_factory=list)
    guests: list[int] = field(default_factory=list)
    by_department: list[list[int]] = field(default_factory=list)
    department_names: list[str] = field(default_factory=list)
    activity: dict[int, float] = field(default_factory=dict)
    site_admin: int = 0
    groups: list[scale_groups.GroupPlan] = field(default_factory=list)
    password_hash: str = ""

    def rng(self, phase: str) -> random.Random:
        """A generator of its own per phase, so changing one phase leaves the others alone."""
        return random.Random(f"{self.rng_seed}:{phase}")


@dataclass
class ScaleReport:
    counts: dict[str, int]
    seconds: dict[str, float]
    logins: list[Login]


def scale_blockers() -> dict[str, int]:
    """Return {table: rows} for the tables that must be empty before `scale_load`."""
    tables = {
        "accounts": User,
        "departments": Department,
        "expertise tags": Expertise,
        "groups": Group,
        "posts": Post,
    }
    found = {name: model.objects.count() for name, model in tables.items()}
    return {name: count for name, count in found.items() if count}


def scale_check(size: ScaleSize) -> None:
    """Raise ValidationFailed unless the database is empty and `size` makes sense."""
    if blockers := scale_blockers():
        found = ", ".join(f"{name}: {count}" for name, count in blockers.items())
        raise ValidationFailed(
            _(
                "The database is not empty (%(found)s). The scale data only goes into an "
                "empty database: create a new one, or empty this one with `kring manage flush`."
            )
            % {"found": found}
        )
    if size.users < 10 or size.groups < 1 or size.posts < 1:
        raise ValidationFailed(_("Ask for at least 10 people, 1 group and 1 post."))


def scale_load(
    *,
    size: ScaleSize,
    seed: int = 1,
    now: datetime | None = None,
    progress_file: TextIO | None = None,
    index: bool = True,
) -> ScaleReport:
    """Fill an empty database with `size` people, groups and posts in one transaction,
    then (if `index`) build the search index.

    All or nothing for the data: a failure or Ctrl-C leaves the database empty. Refuses a
    non-empty one. The index is built after the commit, in batches; if it is interrupted,
    `kring manage reindex` finishes it.
    """
    scale_check(size)
    now_ts = (now or timezone.now()).timestamp()
    world = World(rng_seed=seed, now=now_ts, start=now_ts - YEARS * 365 * DAY)
    seconds: dict[str, float] = {}
    counts: dict[str, int] = {}

    @contextmanager
    def phase(name: str, total: int, unit: str) -> Iterator[tqdm]:
        started = time.perf_counter()
        with tqdm(
            total=total, desc=f"{name:<8}", unit=unit, file=progress_file,
            disable=progress_file is None, mininterval=0.5,
        ) as bar:  # fmt: skip
            yield bar
        seconds[name] = round(time.perf_counter() - started, 1)

    with transaction.atomic():
        checks_immediate()
        with phase("people", size.users, " people") as bar:
            # One hash for everyone: hashing 10,000 passwords would take half an hour.
            world.password_hash = make_password(SCALE_PASSWORD)
            counts |= scale_people.people_write(world, size.users, bar)
        with phase("groups", size.groups, " groups") as bar:
            counts |= scale_groups.groups_write(world, size.groups, bar)
        with phase("posts", size.posts, " posts") as bar:
            counts |= scale_threads.threads_write(world, size.posts, bar)
        with phase("follows", len(world.employees), " people") as bar:
            counts |= scale_social.follows_write(world, bar)
        sequences_reset(TABLES)
        committing = time.perf_counter()
    seconds["commit"] = round(time.perf_counter() - committing, 1)
    with phase("analyse", len(TABLES), " tables") as bar:
        analyse(TABLES)
        bar.update(len(TABLES))
    if index:
        with phase("index", 0, " objects") as bar:
            counts["search documents"] = index_rebuild(
                progress=lambda done, total: _bar_to(bar, done, total)
            )
    return ScaleReport(counts=counts, seconds=seconds, logins=scale_logins(world))


def _bar_to(bar: tqdm, done: int, total: int) -> None:
    bar.total = total
    bar.update(done - bar.n)


def scale_logins(world: World) -> list[Login]:
    """Accounts worth trying: a site admin, admins of a big and a secret group, a member, a guest."""
    biggest = max(world.groups, key=lambda g: len(g.members))
    admins = {uid for g in world.groups for uid in g.members[: g.admins]}
    member_of: dict[int, int] = {}
    for group in world.groups:
        for uid in group.members:
            member_of[uid] = member_of.get(uid, 0) + 1
    employee = max(
        (u for u in world.employees if u not in admins and u != world.site_admin),
        key=lambda u: (member_of.get(u, 0) in range(3, 8), -u),
        default=world.employees[-1],
    )
    rows = [("Site admin", world.site_admin)]
    rows.append(
        (f"Group admin of {biggest.name} ({len(biggest.members):,} members)", biggest.members[0])
    )
    secret = next((g for g in world.groups if g.visibility == Group.Visibility.SECRET), None)
    if secret is not None:
        rows.append((f"Group admin of {secret.name} (secret)", secret.members[0]))
    rows.append((f"Employee in {member_of.get(employee, 0)} groups", employee))
    if world.guests:
        rows.append(("External guest", world.guests[0]))
    return [Login(role=role, username=world.usernames[u], name=world.names[u]) for role, u in rows]
