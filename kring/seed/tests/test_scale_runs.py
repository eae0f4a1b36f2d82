"""`seed scale` run by run: the same seed gives the same data, a full database is refused."""

from datetime import UTC, datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from kring.groups.models import Group, Membership
from kring.people.models import User
from kring.posts.models import Post, Reply
from kring.search.models import SearchDocument
from kring.seed.scale import ScaleSize, scale_load

SIZE = ScaleSize(users=40, groups=4, posts=150)
NOW = datetime(2026, 3, 2, 10, 30, tzinfo=UTC)


def _snapshot() -> tuple:
    return (
        list(User.objects.order_by("pk").values_list(
            "pk", "username", "first_name", "last_name", "job_title", "department__name", "kind",
            "date_joined",
        )),
        list(Group.objects.order_by("pk").values_list(
            "pk", "slug", "name", "visibility", "member_count", "created_at", "created_by",
        )),
        list(Membership.objects.order_by("pk").values_list("group", "user", "role")),
        list(Post.objects.order_by("pk").values_list(
            "pk", "author", "group", "body", "created_at", "last_activity_at", "reply_count",
        )),
        list(Reply.objects.order_by("pk").values_list(
            "pk", "post", "parent", "author", "body", "created_at",
        )),
    )  # fmt: skip


def _load(seed: int) -> tuple:
    with transaction.atomic():
        scale_load(size=SIZE, seed=seed, now=NOW)
        snapshot = _snapshot()
        transaction.set_rollback(True)
    return snapshot


def test_seed_scale_returns_the_same_data_if_seed_is_the_same(db):
    first = _load(seed=3)

    assert first == _load(seed=3)
    assert first != _load(seed=4)


def test_seed_scale_fails_if_database_has_accounts(make_user):
    make_user("iemand")

    with pytest.raises(CommandError, match="not empty|niet leeg"):
        call_command("seed", "scale", "--users", "20", "--posts", "10", stdout=StringIO())

    assert User.objects.count() == 1
    assert not Group.objects.exists() and not Post.objects.exists()


def test_seed_scale_fails_if_sizes_are_too_small(db):
    with pytest.raises(CommandError, match="at least|minstens"):
        call_command("seed", "scale", "--users", "3", stdout=StringIO())

    assert not User.objects.exists()


def test_seed_demo_fails_if_given_scale_options(db):
    with pytest.raises(CommandError, match="seed scale"):
        call_command("seed", "demo", "--preset", "small", stdout=StringIO())


def test_seed_scale_returns_searchable_data_if_indexed(db):
    out = StringIO()
    call_command("seed", "scale", "--users", "20", "--groups", "2", "--posts", "30", stdout=out)

    documents = SearchDocument.objects
    assert documents.filter(kind="post").count() == Post.objects.count() == 30
    assert documents.filter(kind="reply").count() == Reply.objects.count()
    assert documents.filter(kind="person").count() == User.objects.filter(is_active=True).count()
    assert "search documents" in out.getvalue()


def test_seed_scale_leaves_index_empty_if_no_index(db):
    out = StringIO()
    call_command(
        "seed", "scale", "--users", "20", "--posts", "10", "--no-index", verbosity=0, stdout=out
    )

    assert Post.objects.count() == 10
    assert not SearchDocument.objects.exists()
    assert "kring manage reindex" in out.getvalue()
