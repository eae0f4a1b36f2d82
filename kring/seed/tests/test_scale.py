"""`seed scale`, run once small for this module (rolled back afterwards)."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Count, Max
from django.test import Client
from django.utils import timezone

from kring import access
from kring.core.markdown import render_markdown
from kring.groups.models import Group, Membership
from kring.people.models import User
from kring.posts.models import Post, Reply, reply_path
from kring.seed import demo_data
from kring.seed.scale import SCALE_PASSWORD

SIZE = ("--users", "60", "--groups", "6", "--posts", "400")


@pytest.fixture(scope="module")
def scale(django_db_setup, django_db_blocker):
    """Seed once (well under a second); every test runs in a savepoint inside this transaction."""
    output = StringIO()
    with django_db_blocker.unblock(), transaction.atomic():
        started = timezone.now()
        call_command("seed", "scale", *SIZE, "--seed", "7", stdout=output)
        yield {"output": output.getvalue(), "started": started}
        transaction.set_rollback(True)


def test_seed_scale_creates_the_requested_counts_if_database_is_empty(scale, db):
    assert User.objects.count() == 60
    assert User.objects.filter(kind=User.Kind.GUEST).exists()
    assert User.objects.filter(is_staff=True).count() == 1
    assert Group.objects.count() == 6
    assert set(Group.objects.values_list("visibility", flat=True)) == set(Group.Visibility.values)
    assert Post.objects.count() == 400
    assert Post.objects.filter(group=None).count() > 40
    assert Reply.objects.count() > 400
    for line in ("posts", "replies", "Seconds per phase", "total"):
        assert line in scale["output"]


def test_seed_scale_keeps_counters_consistent_if_loaded(scale, db):
    posts = Post.objects.annotate(replies_found=Count("replies"), newest=Max("replies__created_at"))
    for post in posts:
        assert post.reply_count == post.replies_found
        assert post.last_activity_at == (post.newest or post.created_at)
    for group in Group.objects.annotate(found=Count("memberships")):
        assert group.member_count == group.found


def test_seed_scale_gives_every_group_an_employee_admin_if_loaded(scale, db):
    for group in Group.objects.all():
        admins = group.memberships.filter(role=Membership.Role.ADMIN).select_related("user")
        assert admins.exists()
        assert all(m.user.is_employee for m in admins)
        assert group.created_by_id in {m.user_id for m in admins}


def test_seed_scale_lets_authors_write_only_where_they_may_if_loaded(scale, db):
    people = {u.pk: u for u in User.objects.all()}  # one object each: roles are cached on it
    for post in Post.objects.select_related("group"):
        assert access.can_post_in(people[post.author_id], post.group), post.pk
    for reply in Reply.objects.select_related("post__group"):
        assert access.can_reply(people[reply.author_id], reply.post), reply.pk


def test_seed_scale_keeps_secret_conversations_among_members_if_loaded(scale, db):
    secret = Group.objects.filter(visibility=Group.Visibility.SECRET)
    assert Post.objects.filter(group__in=secret).exists()
    members = set(Membership.objects.filter(group__in=secret).values_list("group", "user"))
    for group_id, author_id in Post.objects.filter(group__in=secret).values_list("group", "author"):
        assert (group_id, author_id) in members
    for group_id, author_id in Reply.objects.filter(post__group__in=secret).values_list(
        "post__group", "author"
    ):
        assert (group_id, author_id) in members
    assert not Membership.objects.filter(group__in=secret, user__kind=User.Kind.GUEST).exists()


def test_seed_scale_hides_secret_posts_if_not_member(scale, db):
    group = Group.objects.filter(visibility=Group.Visibility.SECRET).first()
    outsider = User.objects.filter(kind=User.Kind.EMPLOYEE).exclude(memberships__group=group)[0]
    member = group.memberships.first().user

    assert access.visible(member, Post.objects.filter(group=group)).exists()
    assert not access.visible(outsider, Post.objects.filter(group=group)).exists()


def test_seed_scale_dates_everything_in_three_years_and_replies_after_what_they_answer(scale, db):
    oldest_allowed = scale["started"] - timedelta(days=3 * 365 + 1)
    assert Post.objects.filter(created_at__lt=oldest_allowed).count() == 0
    assert Post.objects.filter(created_at__gt=timezone.now()).count() == 0
    assert Reply.objects.filter(created_at__gt=timezone.now()).count() == 0
    assert Post.objects.filter(created_at__lt=scale["started"] - timedelta(days=700)).exists()
    for reply in Reply.objects.select_related("post", "parent"):
        assert reply.created_at > reply.post.created_at
        if reply.parent is not None:
            assert reply.parent.post_id == reply.post_id
            assert reply.created_at > reply.parent.created_at
    for post in Post.objects.select_related("group"):
        if post.group is not None:
            assert post.created_at > post.group.created_at


def test_seed_scale_spreads_replies_with_a_heavy_tail_if_loaded(scale, db):
    counts = sorted(Post.objects.values_list("reply_count", flat=True))
    assert counts[len(counts) // 2] <= 3  # most threads are short
    assert counts[-1] >= 100  # and some are very long
    assert Reply.objects.filter(parent__isnull=False).exists()
    assert not Reply.objects.filter(parent__parent__parent__isnull=False).exists()


def test_seed_scale_renders_bodies_as_the_posts_service_would_if_loaded(scale, db):
    for post in Post.objects.all()[:200]:
        assert post.body_html == render_markdown(post.body)
    for reply in Reply.objects.all()[:200]:
        assert reply.body_html == render_markdown(reply.body)
    assert Post.objects.filter(body__contains="\n- ").exists()  # some have lists


def test_seed_scale_returns_logins_that_sign_in(scale, db):
    lines = scale["output"].splitlines()
    table = lines[next(i for i, line in enumerate(lines) if line.strip().startswith("---")) + 1 :]
    rows = [re.split(r"\s{2,}", line.strip()) for line in table[: table.index("")]]

    assert f"password: {SCALE_PASSWORD}" in scale["output"]
    assert [row[0] for row in rows][:1] == ["Site admin"]
    assert any(row[0] == "External guest" for row in rows)
    assert len(rows) >= 4
    for _role, username, _name in rows:
        assert Client().login(username=username, password=SCALE_PASSWORD)
    assert User.objects.get(username=rows[0][1]).is_site_admin


def test_seed_demo_fails_if_scale_data_is_loaded(scale, db):
    with pytest.raises(CommandError, match="other data"):
        call_command("seed", "demo", verbosity=0)

    assert not User.objects.filter(username__in=[p["username"] for p in demo_data.PEOPLE]).exists()


def test_seed_scale_writes_reply_paths_as_the_posts_service_would_if_loaded(scale, db):
    paths = dict(Reply.objects.values_list("pk", "path"))
    for pk, parent_id in Reply.objects.values_list("pk", "parent_id"):
        expected = reply_path(pk, paths[parent_id] if parent_id else None)
        assert paths[pk] == expected, pk


def test_seed_scale_keeps_reaction_counts_equal_to_the_reactions_if_loaded(scale, db):
    from kring.reactions.models import Reaction

    assert Reaction.objects.filter(post__isnull=False).exists()
    assert Reaction.objects.filter(reply__isnull=False).exists()
    for model, field in ((Post, "post"), (Reply, "reply")):
        for kind in ("like", "thanks", "insightful", "celebrate"):
            found = dict(
                Reaction.objects.filter(kind=kind, **{f"{field}__isnull": False})
                .values_list(f"{field}_id")
                .annotate(n=Count("id"))
            )
            stored = dict(
                model.objects.filter(**{f"{kind}_count__gt": 0}).values_list("pk", f"{kind}_count")
            )
            assert stored == found, (model.__name__, kind)


def test_seed_scale_lets_people_react_only_where_they_may_read_if_loaded(scale, db):
    from kring.reactions.models import Reaction

    for reaction in Reaction.objects.select_related("user", "post", "reply__post")[:300]:
        post = reaction.post or reaction.reply.post
        assert access.can_view(reaction.user, post)
        assert reaction.user_id != (reaction.post or reaction.reply).author_id


def test_seed_scale_follows_only_visible_people_and_groups_if_loaded(scale, db):
    from kring.follows.models import Follow

    follows = list(Follow.objects.select_related("follower", "person", "group"))
    assert any(f.person_id for f in follows) and any(f.group_id for f in follows)
    for follow in follows:
        target = follow.person or follow.group
        assert access.can_view(follow.follower, target)
        assert follow.person_id != follow.follower_id
