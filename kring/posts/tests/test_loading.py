"""Posts loaded by id for a reader (kring.posts.loading)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kring import access
from kring.posts import services
from kring.posts.loading import posts_by_id_for, posts_newest_for, posts_of_person_for
from kring.posts.models import Post


@pytest.mark.parametrize("viewer", ["admin", "member", "outsider", "guest", "site_admin", None])
def test_posts_by_id_for_returns_what_the_access_query_returns_for_every_viewer(world, viewer):
    reader = getattr(world, viewer) if viewer else None
    ids = [post.pk for post in world.posts.values()] + [10**9]  # and one that does not exist
    expected = set(
        access.visible(reader, Post.objects.filter(pk__in=ids)).values_list("pk", flat=True)
    )
    assert set(posts_by_id_for(reader, ids)) == expected


def test_posts_by_id_for_fails_to_return_a_secret_groups_post_if_outsider(world):
    secret = world.posts["secret"]
    assert secret.pk not in posts_by_id_for(world.outsider, [secret.pk])
    assert secret.pk in posts_by_id_for(world.member, [secret.pk])


def test_posts_by_id_for_returns_posts_with_author_department_and_group_in_one_query(world):
    ids = [world.posts["open"].pk, world.posts["company"].pk]
    posts_by_id_for(world.member, ids)
    with CaptureQueriesContext(connection) as queries:
        posts = posts_by_id_for(world.member, ids)
        shown = {
            pk: (post.body_html, post.author.display_name, post.author.department.name,
                 post.group.name if post.group else None, post.created_at)
            for pk, post in posts.items()
        }  # fmt: skip
    assert len(queries.captured_queries) == 1
    for pk, values in shown.items():
        orm = Post.objects.select_related("author__department", "group").get(pk=pk)
        assert values == (
            orm.body_html, orm.author.display_name, orm.author.department.name,
            orm.group.name if orm.group else None, orm.created_at,
        )  # fmt: skip


def test_posts_by_id_for_returns_every_readable_post_if_given_many_ids(world):
    many = [
        services.post_create(actor=world.member, group=None, body=f"Bericht {n}").pk
        for n in range(70)
    ]
    posts = posts_by_id_for(world.outsider, [*many, *many[:5]])
    assert sorted(posts) == sorted(many)
    assert all(post.body_html.startswith("<p>Bericht ") for post in posts.values())


def test_thread_page_fails_with_404_if_the_address_names_no_post(world, client_for):
    client = client_for(world.member)
    for number in ("999999999", "9223372036854775808", "99999999999999999999999"):
        assert client.get(f"/posts/{number}/").status_code == 404
    secret = world.posts["secret"]
    assert client_for(world.outsider).get(f"/posts/{secret.pk}/").status_code == 404
    assert client.get(f"/posts/{secret.pk}/").status_code == 200


def _newest_by_orm(reader, space) -> list[int]:
    posts = Post.objects.all()
    if space == "company":
        posts = posts.filter(group__isnull=True)
    elif space != "home":
        posts = posts.filter(group=space)
    posts = access.visible(reader, posts).order_by("-last_activity_at", "-id")
    return list(posts.values_list("pk", flat=True)[:3])


@pytest.mark.parametrize("viewer", ["admin", "member", "outsider", "guest", "site_admin", None])
def test_posts_newest_for_returns_what_the_access_query_returns_for_every_viewer(world, viewer):
    reader = getattr(world, viewer) if viewer else None
    for n in range(3):  # more than the limit in each space
        for group in [None, *world.groups.values()]:
            services.post_create(actor=world.admin, group=group, body=f"Nieuw {n}")
    for space in ["home", "company", *world.groups.values()]:
        newest = [post.pk for post in posts_newest_for(reader, space=space, limit=3)]
        assert newest == _newest_by_orm(reader, space), (viewer, space)


def test_posts_newest_for_fails_to_return_a_secret_groups_posts_if_outsider(world):
    secret = world.groups["secret"]
    assert posts_newest_for(world.outsider, space=secret, limit=5) == []
    assert world.posts["secret"].pk not in {
        post.pk for post in posts_newest_for(world.outsider, space="home", limit=50)
    }
    shown = posts_newest_for(world.member, space=secret, limit=5)
    assert [post.pk for post in shown] == [world.posts["secret"].pk]
    assert shown[0].group.name == "Groep secret" and shown[0].author.username == "bram"


@pytest.mark.parametrize("viewer", ["admin", "member", "outsider", "guest", "site_admin", None])
def test_posts_of_person_for_returns_what_the_access_query_returns_for_every_viewer(world, viewer):
    from kring.reactions.services import praise_create

    reader = getattr(world, viewer) if viewer else None
    for group in [None, *world.groups.values()]:
        praise_create(actor=world.admin, group=group, body="Dank!", praised_ids=[world.member.pk],
                      reason="Hulp bij de verhuizing")  # fmt: skip
    for praised in (False, True):
        posts = (
            Post.objects.filter(praise__praised=world.member)
            if praised
            else Post.objects.filter(author=world.member)
        )
        expected = access.visible(reader, posts).order_by("-created_at", "-id")
        shown = posts_of_person_for(reader, world.member, praised=praised, limit=3)
        assert [post.pk for post in shown] == list(expected.values_list("pk", flat=True)[:3])
