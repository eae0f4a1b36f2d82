"""Following colleagues, groups and topics: services, buttons, the following list."""

import pytest

from kring.core.errors import NotFound
from kring.follows.models import Follow
from kring.follows.selectors import followed_ids_of
from kring.follows.services import follow_add, follow_remove
from kring.posts import services as post_services
from kring.topics.models import Topic


def test_follow_add_follows_open_group_if_not_a_member(world):
    follow_add(actor=world.outsider, target=world.groups["open"])
    assert followed_ids_of(world.outsider) == (set(), {world.groups["open"].pk}, set())


@pytest.mark.parametrize("visibility", ["closed", "secret"])
def test_follow_add_fails_if_group_not_readable(world, visibility):
    with pytest.raises(NotFound):
        follow_add(actor=world.outsider, target=world.groups[visibility])
    assert not Follow.objects.exists()


def test_follow_add_fails_if_person_invisible_to_guest(world):
    with pytest.raises(NotFound):
        follow_add(actor=world.guest, target=world.outsider)


def test_follow_add_is_idempotent_and_remove_undoes_it(world):
    follow_add(actor=world.outsider, target=world.member)
    follow_add(actor=world.outsider, target=world.member)
    assert Follow.objects.count() == 1
    follow_remove(actor=world.outsider, target=world.member)
    assert not Follow.objects.exists()


def test_followed_ids_of_returns_every_kind_in_one_query(world, django_assert_num_queries):
    topic = Topic.objects.create(name="Inkoop", key="inkoop")
    follow_add(actor=world.member, target=world.outsider)
    follow_add(actor=world.member, target=world.groups["secret"])
    follow_add(actor=world.member, target=topic)
    with django_assert_num_queries(1):
        ids = followed_ids_of(world.member)
    assert ids == ({world.outsider.pk}, {world.groups["secret"].pk}, {topic.pk})


def test_follow_button_follows_topic_by_htmx(world, client_for):
    post_services.post_create(actor=world.member, group=None, body="#inkoop")
    client = client_for(world.outsider)
    response = client.post(
        "/follows/topic/inkoop/", {"action": "follow"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert 'aria-pressed="true"' in response.content.decode()
    assert Follow.objects.filter(follower=world.outsider, topic__key="inkoop").exists()
    page = client.get("/topics/inkoop/").content.decode()
    assert 'aria-pressed="true"' in page


def test_follow_button_follows_unused_topic_if_valid_name(world, client_for):
    response = client_for(world.outsider).post("/follows/topic/nieuw/", {"action": "follow"})
    assert response.status_code == 302
    assert Topic.objects.get(key="nieuw").followers.count() == 1


def test_follow_button_fails_if_topic_name_invalid(world, client_for):
    assert client_for(world.outsider).post("/follows/topic/123/").status_code == 404


@pytest.mark.parametrize("visibility", ["closed", "secret"])
def test_follow_button_returns_404_if_group_not_readable(world, client_for, visibility):
    slug = world.groups[visibility].slug
    response = client_for(world.outsider).post(f"/follows/group/{slug}/", {"action": "follow"})
    assert response.status_code == 404
    missing = client_for(world.outsider).post("/follows/group/bestaat-niet/", {"action": "follow"})
    assert missing.status_code == 404


def test_follow_button_shown_on_profile_and_open_group_not_on_closed(world, client_for):
    client = client_for(world.outsider)
    assert "/follows/person/bram/" in client.get("/people/bram/").content.decode()
    assert "/follows/person/carla/" not in client.get("/people/carla/").content.decode()
    open_slug, closed_slug = world.groups["open"].slug, world.groups["closed"].slug
    assert f"/follows/group/{open_slug}/" in client.get(f"/groups/{open_slug}/").content.decode()
    assert (
        f"/follows/group/{closed_slug}/"
        not in client.get(f"/groups/{closed_slug}/").content.decode()
    )


def _follow_button_state(page: str, kind: str, ident: str) -> str:
    """ "pressed" or "not pressed": the follow button for kind/ident on the page."""
    form = page.split(f'action="/follows/{kind}/{ident}/"', 1)[1].split("</form>", 1)[0]
    return "pressed" if 'aria-pressed="true"' in form else "not pressed"


def test_follow_button_on_profile_and_group_page_says_whether_you_follow(world, client_for):
    group = world.groups["open"]
    client = client_for(world.outsider)
    assert _follow_button_state(client.get("/people/bram/").content.decode(), "person", "bram") == (
        "not pressed"
    )
    group_page = client.get(f"/groups/{group.slug}/").content.decode()
    assert _follow_button_state(group_page, "group", group.slug) == "not pressed"
    follow_add(actor=world.outsider, target=world.member)
    follow_add(actor=world.outsider, target=group)
    assert _follow_button_state(client.get("/people/bram/").content.decode(), "person", "bram") == (
        "pressed"
    )
    group_page = client.get(f"/groups/{group.slug}/").content.decode()
    assert _follow_button_state(group_page, "group", group.slug) == "pressed"
    # Someone else's follows are not yours.
    other = client_for(world.admin).get("/people/bram/").content.decode()
    assert _follow_button_state(other, "person", "bram") == "not pressed"


def test_following_list_shows_what_you_follow(world, client_for):
    follow_add(actor=world.outsider, target=world.member)
    follow_add(actor=world.outsider, target=world.groups["open"])
    follow_add(actor=world.outsider, target=Topic.objects.create(name="Café", key="café"))
    page = client_for(world.outsider).get("/people/carla/following/").content.decode()
    assert "Bram Jansen" in page and world.groups["open"].name in page and "#Café" in page


def test_following_list_hides_group_if_no_longer_readable(world, client_for):
    from kring.groups import services as group_services

    group = world.groups["closed"]
    group_services.membership_add(actor=world.admin, group=group, user=world.outsider)
    follow_add(actor=world.outsider, target=group)
    group_services.membership_remove(actor=world.admin, group=group, user=world.outsider)
    page = client_for(world.outsider).get("/people/carla/following/").content.decode()
    assert group.name not in page


def test_following_list_fails_if_someone_else(world, client_for):
    assert client_for(world.outsider).get("/people/bram/following/").status_code == 404


def test_api_follows_add_list_and_remove(world, client_for):
    client = client_for(world.outsider)
    response = client.post(
        "/api/v1/follows", {"kind": "topic", "id": "#Inkoop"}, content_type="application/json"
    )
    assert response.status_code == 201
    assert [t["key"] for t in response.json()["topics"]] == ["inkoop"]
    client.post(
        "/api/v1/follows", {"kind": "person", "id": "bram"}, content_type="application/json"
    )
    listed = client.get("/api/v1/follows").json()
    assert [p["username"] for p in listed["people"]] == ["bram"]
    assert client.delete("/api/v1/follows/topic/inkoop").status_code == 204
    assert client.get("/api/v1/follows").json()["topics"] == []


def test_api_follows_add_returns_404_if_secret_group(world, client_for):
    response = client_for(world.outsider).post(
        "/api/v1/follows",
        {"kind": "group", "id": world.groups["secret"].slug},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert not Follow.objects.exists()


def _queries_for_following(client) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/people/carla/following/")  # warm: the header's counts are kept
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/people/carla/following/").status_code == 200
    return len(queries)


def test_following_list_query_count_does_not_grow_with_follows(world, client_for, make_user):
    client = client_for(world.outsider)
    follow_add(actor=world.outsider, target=world.member)
    follow_add(actor=world.outsider, target=world.groups["open"])
    follow_add(actor=world.outsider, target=Topic.objects.create(name="a", key="a"))
    few = _queries_for_following(client)
    for number in range(6):
        follow_add(actor=world.outsider, target=make_user(f"extra{number}"))
        follow_add(
            actor=world.outsider, target=Topic.objects.create(name=f"t{number}", key=f"t{number}")
        )
    assert _queries_for_following(client) == few
