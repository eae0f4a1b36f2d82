"""Database queries per page: each scenario rendered by Django's test client, queries counted.

`page_query_counts()` works on whatever database Django is connected to (the test suite
runs it on its test database). `kring bench queries` runs it once per database, each in a
process of its own, and lays the counts side by side: a page whose count differs between
the small and the large data set has a query that grows with the data.

A count may rightly differ with the situation (a guest reads a colleague's profile with
one query more than an employee; a post in a group loads its group), so every count is
labelled with its situation and only counts of the same situation are compared.
"""

import random
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from bench import MARKER, SCENARIOS
from bench.plan import pages_for, sample_users, session_end, session_for, shared_targets
from bench.searches import COUNTED_SEARCH
from kring import access
from kring.api.models import ApiToken
from kring.api.services import api_token_issue
from kring.feeds.foryou import PER_PAGE, ranking_for
from kring.groups.models import Group, Membership
from kring.people.models import User
from kring.people.selectors import recent_posts_of_for
from kring.posts.models import Post, Reply
from kring.posts.selectors import PAGE_SIZE
from kring.reactions.selectors import counts_of

CSRF = "b" * 32


class _Rollback(Exception):
    pass


def _count(request: Any) -> tuple[int, int]:
    """(queries, status) of a request, after one unmeasured request that warms caches.

    The fewer of two measured requests: a value kept for a minute (the header counts, the
    pinned announcements) can expire between the warm-up and the measurement, and asking
    for it again is not a query that grows with the data.
    """
    request()
    measured = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            response = request()
        measured.append((len(queries), response.status_code))
    return min(measured)


def _count_write(request: Any) -> tuple[int, int]:
    """Like _count, inside a transaction rolled back after: the data set stays as it was."""
    result: tuple[int, int] = (0, 0)
    try:
        with transaction.atomic():
            result = _count(request)
            raise _Rollback
    except _Rollback:
        pass
    return result


def _requests(client: Client, pages: dict[str, Any], token: str) -> dict[str, Any]:
    """A callable per scenario that sends the scenario's request (None: nothing fits)."""
    htmx = {"HTTP_HX_REQUEST": "true"}
    body = f"{MARKER} query count"
    calls: dict[str, Any] = {
        name: (lambda url=pages[name]: client.get(url)) if pages.get(name) else None
        for name in ("floor", "layout", "home", "company", "group", "thread", "profile")
    }
    calls["api"] = lambda: client.get(pages["api"], HTTP_AUTHORIZATION=f"Bearer {token}")
    calls["search"] = lambda: client.get(pages["search"], {"q": COUNTED_SEARCH})
    post_in, reply_url = pages.get("create_post"), pages.get("create_reply")
    calls["create_post"] = post_in and (
        lambda: client.post("/posts/new/", {"body": body, "group": post_in}, **htmx)
    )
    calls["create_reply"] = reply_url and (lambda: client.post(reply_url, {"body": body}, **htmx))
    return calls


def _situations(user: User, pages: dict[str, Any]) -> dict[str, str]:
    """What each scenario's count may rightly depend on, e.g. 'guest, post in a group'."""

    def space(url: str) -> str:
        post = Post.objects.select_related("group").get(pk=int(url.split("/")[2]))
        if post.group is None:
            return "post in the company space"
        return "post in a group" + ("" if access.is_member(user, post.group) else " not joined")

    who = "guest" if user.kind == User.Kind.GUEST else "employee"
    if not Membership.objects.filter(user=user).exists():  # a label only, no access decision
        who += " in no group"
    labels = dict.fromkeys(SCENARIOS, who)
    if pages.get("home"):
        labels["home"] += _home_label(user)
    if pages.get("group"):
        group = Group.objects.get(slug=pages["group"].strip("/").split("/")[-1])
        labels["group"] += ", member" if access.is_member(user, group) else ", not a member"
    if pages.get("thread"):
        labels["thread"] += ", " + space(pages["thread"]) + _reactions_label(pages["thread"])
    if pages.get("create_reply"):
        labels["create_reply"] += ", " + space(pages["create_reply"])
    if pages.get("profile"):
        person = User.objects.get(username=pages["profile"].strip("/").split("/")[-1])
        labels["profile"] += f", of a{'' if person.kind == User.Kind.GUEST else 'n'} {person.kind}"
        # Cards of posts in groups ask the reader's roles in those groups (one query).
        shown = recent_posts_of_for(user, person)
        labels["profile"] += ", showing group posts" if any(p.group_id for p in shown) else ""
        # The reader's own reactions are asked only for cards that have any.
        labels["profile"] += ", with reactions" if any(any(counts_of(p)) for p in shown) else ""
    if pages.get("create_post"):
        where = "the company space" if pages["create_post"] == "company" else "a group"
        labels["create_post"] += f", in {where}"
    return labels


def _home_label(user: User) -> str:
    """Whether "Voor jou" gives a colleague as the reason for a post on its first page: which
    of them the reader may see is asked then (one query, feeds.foryou.reason_texts); and
    whether any card on it has reactions: the reader's own are asked only then."""
    entries = ranking_for(user, timezone.now(), kept=True).entries[:PER_PAGE]
    kinds = {reason.kind for _post_id, reasons in entries for reason in reasons}
    label = ", reasons name colleagues" if kinds & {"person", "interaction"} else ""
    cards = Post.objects.filter(pk__in=[post_id for post_id, _reasons in entries])
    return label + (", with reactions" if any(any(counts_of(p)) for p in cards) else "")


def _reactions_label(thread_url: str) -> str:
    """Whether the post and its first page of replies have reactions: the reader's own are
    asked (one query each) only where there are any (reactions.selectors)."""
    post = Post.objects.get(pk=int(thread_url.split("/")[2]))
    replies = Reply.objects.filter(post=post).order_by("path")[:PAGE_SIZE]
    on_post = "reactions on the post" if any(counts_of(post)) else "none on the post"
    on_replies = (
        "some on its replies" if any(any(counts_of(r)) for r in replies) else "none on its replies"
    )
    return f", {on_post}, {on_replies}"


def _colleagues(samples: int, rng: random.Random) -> list[User]:
    """Mostly employees and a few guests, in the same mix on any data set."""
    active = User.objects.filter(is_active=True).order_by("pk")
    guests = list(active.filter(kind=User.Kind.GUEST).values_list("pk", flat=True))
    employees = list(active.exclude(kind=User.Kind.GUEST).values_list("pk", flat=True))
    some_guests = min(max(1, samples // 4), len(guests), samples - 1)
    return sample_users(samples - some_guests, rng, employees) + sample_users(
        some_guests, rng, guests
    )


def page_query_counts(*, samples: int = 12, seed: int = 7) -> dict[str, list[list[Any]]]:
    """For `samples` colleagues, [queries, status, situation] of every scenario's request.

    Writes run in a transaction that is rolled back, so their counts include the
    SAVEPOINT and RELEASE of the view's own transaction.
    """
    rng = random.Random(seed)
    shared = shared_targets(rng)
    try:
        reverse("bench_floor")
    except NoReverseMatch:  # the floor is mounted only with KRING_BENCH=1
        floor_mounted = False
    else:
        floor_mounted = True
    counts: dict[str, list[list[Any]]] = {name: [] for name in SCENARIOS}
    for user in _colleagues(samples, rng):
        pages = pages_for(user, shared, rng)
        if not floor_mounted:
            pages["floor"] = None
        situations = _situations(user, pages)
        client = Client(HTTP_HOST=_host())
        session = session_for(user, CSRF)
        client.cookies[_cookie_name()] = session
        token = api_token_issue(user=user)
        try:
            for name, call in _requests(client, pages, token).items():
                if call:
                    measure = _count_write if name.startswith("create_") else _count
                    counts[name].append([*measure(call), situations[name]])
        finally:
            session_end(session)
            ApiToken.objects.filter(key_hash=ApiToken.hash(token)).delete()
    return counts


def _cookie_name() -> str:
    return settings.SESSION_COOKIE_NAME


def _host() -> str:
    """A host name the settings accept, for the test client's requests."""
    fixed = [h for h in settings.ALLOWED_HOSTS if h != "*" and not h.startswith(".")]
    return fixed[0] if fixed else "localhost"
