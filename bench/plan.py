"""Who the simulated colleagues are, what each reads and writes, and cleaning up after.

Runs in the harness process with the server's settings and database. Sessions are made
directly with the session engine (no password hashing, no sign-in page in the hot path).
"""

import random
from dataclasses import dataclass, field
from datetime import datetime
from importlib import import_module
from typing import Any

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Count, Max
from django.middleware.csrf import CSRF_SESSION_KEY
from django.utils.crypto import get_random_string

from bench import MARKER, BenchError
from kring import access
from kring.api.models import ApiToken
from kring.api.services import api_token_issue
from kring.feeds.kept import for_you_forget
from kring.feeds.selectors import feed_home_for
from kring.groups.models import Group
from kring.groups.selectors import groups_postable_for
from kring.people.models import User
from kring.posts.models import Post, Reply

LONG_THREAD = 50
THREAD_SAMPLE = 400
SEED_HINT = "kring seed scale --preset small"


@dataclass
class Dataset:
    """What the database holds, for the report."""

    vendor: str
    server_version: str
    users: int
    groups: int
    posts: int
    replies: int


def check_database() -> Dataset:
    """Return the data set's size; raise BenchError if the database is missing or empty."""
    where = settings.DATABASES["default"].get("NAME")
    try:
        connection.ensure_connection()
    except DatabaseError as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
        raise BenchError(
            f"Cannot reach the database {where!s}: {first_line}\n"
            "Start PostgreSQL, or point DATABASE_URL (or --database-url) at a seeded database. "
            "To make one: createdb kring_scale, then with "
            "DATABASE_URL=postgres://USER@HOST/kring_scale run `kring manage migrate` and "
            "`kring seed scale --preset large` (about 15 minutes; --preset small: seconds)."
        ) from None
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise BenchError(
            f"The database {where!s} is not (fully) migrated. Run `kring manage migrate`, "
            f"then `{SEED_HINT}` with the same DATABASE_URL."
        )
    dataset = Dataset(
        vendor=connection.vendor,
        server_version=_server_version(),
        users=User.objects.filter(is_active=True).count(),
        groups=Group.objects.count(),
        posts=Post.objects.count(),
        replies=Reply.objects.count(),
    )
    if dataset.users < 2 or dataset.posts == 0:
        raise BenchError(
            f"The database {where!s} has {dataset.users} active users and {dataset.posts} posts: "
            f"seed it first, e.g. `{SEED_HINT}` (or `kring seed demo`)."
        )
    return dataset


def _server_version() -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0]}"
        if connection.vendor == "sqlite":
            cursor.execute("SELECT sqlite_version()")
            return f"SQLite {cursor.fetchone()[0]}"
    return connection.vendor


@dataclass
class Targets:
    """Data the per-colleague choices share: groups by size and long threads."""

    groups_by_posts: list[Group]
    threads: list[int]
    thread_note: str
    user_ids: list[int]


def shared_targets(rng: random.Random) -> Targets:
    """Find the busiest groups and a sample of long threads once, for everyone."""
    posts_per_group = dict(
        Post.objects.filter(group__isnull=False)
        .values_list("group")
        .annotate(n=Count("pk"))
        .values_list("group", "n")
    )
    groups = sorted(
        Group.objects.filter(pk__in=posts_per_group), key=lambda g: -posts_per_group[g.pk]
    )
    threads = list(
        Post.objects.filter(reply_count__gte=LONG_THREAD)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    note = f"threads with {LONG_THREAD}+ replies"
    if not threads:
        longest = Post.objects.aggregate(n=Max("reply_count"))["n"] or 0
        threads = list(
            Post.objects.order_by("-reply_count", "pk").values_list("pk", flat=True)[:THREAD_SAMPLE]
        )
        note = f"no thread has {LONG_THREAD}+ replies here: the longest ones (up to {longest})"
    if len(threads) > THREAD_SAMPLE:
        threads = rng.sample(threads, THREAD_SAMPLE)
    ids = list(User.objects.filter(is_active=True).order_by("pk").values_list("pk", flat=True))
    return Targets(groups, threads, note, ids)


def pages_for(user: User, shared: Targets, rng: random.Random) -> dict[str, Any]:
    """What this colleague reads and writes in each scenario; None where nothing fits."""
    pages: dict[str, Any] = {"floor": "/bench/floor/", "layout": "/bench/layout/", "home": "/"}
    pages["company"] = "/company/" if access.can_read_space(user, None) else None
    busiest = next((g for g in shared.groups_by_posts if access.can_read_space(user, g)), None)
    pages["group"] = busiest.get_absolute_url() if busiest else None
    # Ordered, so that the same seed and data choose the same pages.
    threads = list(
        access.visible(user, Post.objects.filter(pk__in=shared.threads))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    pages["thread"] = f"/posts/{rng.choice(threads)}/" if threads else None
    others = rng.sample(shared.user_ids, min(20, len(shared.user_ids)))
    people = list(
        access.visible(user, User.objects.filter(pk__in=others).exclude(pk=user.pk))
        .order_by("pk")
        .values_list("username", flat=True)
    )
    pages["profile"] = f"/people/{rng.choice(people)}/" if people else None
    pages["api"] = "/api/v1/posts?feed=home"
    pages["search"] = "/search/"  # every signed-in colleague may search; the query varies
    if access.can_post_in(user, None):
        pages["create_post"] = "company"
    else:
        postable = groups_postable_for(user)
        pages["create_post"] = str(postable[0].pk) if postable else None
    answerable = [p for p in feed_home_for(user).items if access.can_reply(user, p)]
    pages["create_reply"] = f"/posts/{rng.choice(answerable).pk}/replies/" if answerable else None
    return pages


def session_for(user: User, csrf_secret: str) -> str:
    """Sign `user` in the way django.contrib.auth.login does, and return the session key."""
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = user._meta.pk.value_to_string(user)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    if settings.CSRF_USE_SESSIONS:
        store[CSRF_SESSION_KEY] = csrf_secret
    store.create()
    return store.session_key


def session_end(session_key: str) -> None:
    import_module(settings.SESSION_ENGINE).SessionStore(session_key=session_key).delete()


def sample_users(count: int, rng: random.Random, user_ids: list[int]) -> list[User]:
    """`count` distinct active colleagues, the same ones for the same seed and data."""
    chosen = rng.sample(user_ids, min(count, len(user_ids)))
    by_id = User.objects.in_bulk(chosen)
    return [by_id[pk] for pk in chosen if pk in by_id]


@dataclass
class Plan:
    """The colleagues for locust (`identities`) and what to undo afterwards."""

    identities: list[dict[str, Any]]
    thread_note: str
    session_keys: list[str] = field(default_factory=list)
    token_keys: list[str] = field(default_factory=list)
    user_ids: list[int] = field(default_factory=list)
    last_post: int = 0
    last_reply: int = 0
    reply_targets: dict[int, tuple[int, datetime]] = field(default_factory=dict)

    def for_locust(self) -> dict[str, Any]:
        return {
            "session_cookie": settings.SESSION_COOKIE_NAME,
            "csrf_cookie": settings.CSRF_COOKIE_NAME,
            "identities": self.identities,
        }


def plan_create(*, users: int, seed: int) -> Plan:
    """Sign in `users` colleagues (sessions and API tokens) and choose their pages."""
    rng = random.Random(seed)
    shared = shared_targets(rng)
    plan = Plan(identities=[], thread_note=shared.thread_note)
    plan.last_post = Post.objects.aggregate(n=Max("pk"))["n"] or 0
    plan.last_reply = Reply.objects.aggregate(n=Max("pk"))["n"] or 0
    chosen = sample_users(users, rng, shared.user_ids)
    # Rankings kept by an earlier run (five minutes, kring/feeds/foryou.py) would make this
    # run's first home visits cheaper than the last run's: every run starts without them.
    for_you_forget(user.pk for user in chosen)
    for user in chosen:
        csrf = get_random_string(32)
        identity = pages_for(user, shared, rng)
        identity.update(user=user.username, csrf=csrf, session=session_for(user, csrf))
        identity["token"] = api_token_issue(user=user)
        plan.session_keys.append(identity["session"])
        plan.token_keys.append(identity["token"])
        plan.user_ids.append(user.pk)
        plan.identities.append(identity)
    threads = [int(i["thread"].split("/")[2]) for i in plan.identities if i["thread"]]
    lengths = sorted(Post.objects.filter(pk__in=set(threads)).values_list("reply_count", flat=True))
    if lengths:
        plan.thread_note += (
            f" ({len(lengths)} different threads; replies: fewest {lengths[0]}, "
            f"median {lengths[len(lengths) // 2]}, most {lengths[-1]})"
        )
    targets = {int(i["create_reply"].split("/")[2]) for i in plan.identities if i["create_reply"]}
    plan.reply_targets = {
        pk: (n, at)
        for pk, n, at in Post.objects.filter(pk__in=targets).values_list(
            "pk", "reply_count", "last_activity_at"
        )
    }
    return plan


def writes_undo(plan: Plan) -> int:
    """Remove what the write scenarios made and restore the posts they replied to."""
    posts = Post.objects.filter(
        pk__gt=plan.last_post, author_id__in=plan.user_ids, body__startswith=MARKER
    )
    replies = Reply.objects.filter(
        pk__gt=plan.last_reply, author_id__in=plan.user_ids, body__startswith=MARKER
    )
    removed = posts.count() + replies.count()
    replies.delete()
    posts.delete()
    for pk, (reply_count, last_activity_at) in plan.reply_targets.items():
        Post.objects.filter(pk=pk).update(
            reply_count=reply_count, last_activity_at=last_activity_at
        )
    return removed


def plan_end(plan: Plan) -> None:
    """Undo the writes and sign everyone out again: the data set is left as it was."""
    writes_undo(plan)
    for key in plan.session_keys:
        session_end(key)
    ApiToken.objects.filter(key_hash__in=[ApiToken.hash(k) for k in plan.token_keys]).delete()
