"""The demo organisation, loaded once for this module and rolled back afterwards."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Max
from django.test import Client
from django.utils import timezone

from kring import access
from kring.cli import main
from kring.groups.models import Group, Membership
from kring.people.models import Department, User
from kring.polls.models import Poll, PollVote
from kring.posts.models import Post, Reply
from kring.questions.models import Question
from kring.seed import demo_data
from kring.seed.services import demo_logins


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Seed once (a few seconds); every test runs in a savepoint inside this transaction."""
    output = StringIO()
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed", "demo", stdout=output)
        yield output.getvalue()
        transaction.set_rollback(True)


def _counts() -> tuple[int, ...]:
    return (
        User.objects.count(),
        Department.objects.count(),
        Group.objects.count(),
        Membership.objects.count(),
        Post.objects.count(),
        Reply.objects.count(),
    )


def test_seed_demo_creates_the_organisation_if_database_is_empty(demo, db):
    assert 38 <= User.objects.count() <= 45
    assert User.objects.filter(kind=User.Kind.GUEST).count() >= 1
    assert Department.objects.count() == 6
    assert 8 <= Group.objects.count() <= 12
    assert set(Group.objects.values_list("visibility", flat=True)) == set(Group.Visibility.values)
    assert 140 <= Post.objects.count() + Reply.objects.count() <= 180
    assert Post.objects.filter(group=None).exists()
    assert Reply.objects.filter(parent__parent__isnull=False).exists()
    everyone_in = {slug: g["admins"] + g["members"] for slug, g in _groups().items()}
    for group in Group.objects.all():
        assert group.member_count == len(everyone_in[group.slug])
        assert group.memberships.count() == group.member_count


def _groups() -> dict[str, dict]:
    return {g["slug"]: g for g in demo_data.GROUPS}


def test_seed_demo_passes_if_run_twice(demo, db, capsys):
    before = _counts()

    assert main(["seed", "demo"]) == 0

    assert _counts() == before
    assert "already loaded" in capsys.readouterr().out


def test_seed_demo_returns_logins_that_sign_in(demo, db):
    logins = demo_logins()
    assert demo_data.DEMO_PASSWORD in demo
    assert len(logins) == 5
    for login in logins:
        assert login.username in demo
        assert Client().login(username=login.username, password=demo_data.DEMO_PASSWORD)
    admin, secretary, group_admin, employee, guest = (
        User.objects.get(username=login.username) for login in logins
    )
    assert admin.is_site_admin
    assert "gemeentesecretaris" in secretary.job_title.lower()
    assert Membership.objects.filter(
        user=group_admin, role=Membership.Role.ADMIN, group__visibility=Group.Visibility.CLOSED
    ).exists()
    assert not employee.is_staff and not employee.memberships.filter(role="admin").exists()
    assert guest.is_guest


def test_seed_demo_keeps_secret_posts_in_their_groups_only(demo, db):
    secret = Group.objects.filter(visibility=Group.Visibility.SECRET)
    kompas = Post.objects.filter(body__contains="Project Kompas")
    assert kompas.exists()
    assert set(kompas.values_list("group__visibility", flat=True)) == {"secret"}
    for post in Post.objects.filter(group__in=secret):
        expected = _groups()[post.group.slug]
        assert post.author.username in expected["admins"] + expected["members"]
        for reply in post.replies.select_related("author"):
            assert reply.author.username in expected["admins"] + expected["members"]


def test_seed_demo_shows_secret_posts_if_member(demo, db):
    group = Group.objects.filter(visibility=Group.Visibility.SECRET).first()
    member = group.memberships.first().user

    assert access.visible(member, Post.objects.filter(group=group)).count() > 0


def test_seed_demo_hides_secret_posts_if_not_member(demo, db):
    secret = Group.objects.filter(visibility=Group.Visibility.SECRET)
    outsider = User.objects.filter(kind=User.Kind.EMPLOYEE).exclude(memberships__group__in=secret)
    outsider = outsider.first()

    assert outsider is not None
    assert not access.visible(outsider, Post.objects.filter(group__in=secret)).exists()
    assert "Project Kompas" not in " ".join(
        access.visible(outsider, Post.objects.all()).values_list("body", flat=True)
    )


def test_seed_demo_shows_guests_only_their_group(demo, db):
    guest = User.objects.filter(kind=User.Kind.GUEST).first()
    own_groups = set(guest.memberships.values_list("group_id", flat=True))

    seen = set(access.visible(guest, Post.objects.all()).values_list("group_id", flat=True))

    assert seen and seen <= own_groups


def test_seed_demo_dates_posts_in_the_past_and_replies_after_what_they_answer(demo, db):
    now = timezone.now()
    oldest = Post.objects.order_by("created_at").first()
    assert now - oldest.created_at > timedelta(days=30)
    assert now - Post.objects.order_by("-created_at").first().created_at < timedelta(days=7)
    for reply in Reply.objects.select_related("post", "parent"):
        assert reply.created_at > reply.post.created_at
        if reply.parent is not None:
            assert reply.created_at > reply.parent.created_at
    for post in Post.objects.annotate(newest=Max("replies__created_at")):
        assert post.last_activity_at == (post.newest or post.created_at)


def test_seed_demo_creates_polls_with_votes_if_loaded(demo, db):
    assert Poll.objects.count() == len(demo_data.POLLS)
    assert PollVote.objects.count() == sum(
        len(chosen) for item in demo_data.POLLS for chosen in item["votes"].values()
    )
    assert Post.objects.filter(has_poll=True).count() == len(demo_data.POLLS)


def test_seed_demo_creates_questions_with_one_accepted_answer_if_loaded(demo, db):
    assert Question.objects.count() == len(demo_data.QUESTIONS)
    accepted = Question.objects.exclude(accepted_answer=None).select_related("accepted_answer")
    assert accepted.count() == 1
    assert accepted[0].accepted_answer.vote_count > 0
    assert Question.objects.filter(answered_at=None).count() == len(demo_data.QUESTIONS) - 1


def test_seed_demo_creates_knowledge_pages_with_one_past_review_if_loaded(demo, db):
    from kring.knowledge.models import Page

    pages = list(Page.objects.all())
    assert len(pages) == len(demo_data.KNOWLEDGE_PAGES)
    assert sum(page.is_stale for page in pages) == 1
    assert Page.objects.filter(version__gt=1).exists()
