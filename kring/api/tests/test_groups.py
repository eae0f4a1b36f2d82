from django.utils import translation
from django.utils.translation import gettext

from kring.groups.models import Group, JoinRequest, Membership

JSON = "application/json"


def _names(response) -> set[str]:
    return {g["name"] for g in response.json()["items"]}


def test_group_list_returns_open_and_closed_but_not_secret_if_outsider(world, api_for):
    response = api_for(world.outsider).get("/api/v1/groups")
    assert response.status_code == 200
    assert _names(response) == {"Groep open", "Groep closed"}


def test_group_list_returns_secret_group_if_member(world, api_for):
    names = _names(api_for(world.member).get("/api/v1/groups"))
    assert "Groep secret" in names


def test_group_list_returns_nothing_if_guest_in_no_group(world, api_for):
    assert _names(api_for(world.guest).get("/api/v1/groups")) == set()


def test_group_create_passes_and_makes_creator_admin(world, api_for):
    response = api_for(world.outsider).post(
        "/api/v1/groups",
        {"name": "Fietsclub", "description": "Samen naar het werk", "visibility": "closed"},
        content_type=JSON,
    )
    assert response.status_code == 201
    data = response.json()
    assert data["role"] == "admin"
    assert data["visibility"] == "closed"
    assert data["member_count"] == 1
    group = Group.objects.get(pk=data["id"])
    assert data["url"] == "http://testserver" + group.get_absolute_url()


def test_group_create_fails_if_visibility_is_unknown(world, api_for):
    response = api_for(world.outsider).post(
        "/api/v1/groups", {"name": "Fietsclub", "visibility": "geheimzinnig"}, content_type=JSON
    )
    assert response.status_code == 400
    assert response.json()["field"] == "visibility"


def test_group_create_fails_if_name_has_markup(world, api_for):
    response = api_for(world.outsider).post(
        "/api/v1/groups",
        {"name": "<script>alert(1)</script>", "visibility": "open"},
        content_type=JSON,
    )
    assert response.status_code == 400
    assert response.json()["field"] == "name"
    assert not Group.objects.filter(name__contains="script").exists()


def test_group_create_fails_if_guest(world, api_for):
    response = api_for(world.guest).post("/api/v1/groups", {"name": "Gasten"}, content_type=JSON)
    assert response.status_code == 403
    assert response.json()["message"]


def test_group_detail_returns_closed_group_if_outsider(world, api_for):
    group = world.groups["closed"]
    data = api_for(world.outsider).get(f"/api/v1/groups/{group.pk}").json()
    assert data["name"] == "Groep closed"
    assert data["role"] is None


def test_group_detail_fails_with_404_if_secret_and_outsider(world, api_for):
    group = world.groups["secret"]
    response = api_for(world.outsider).get(f"/api/v1/groups/{group.pk}")
    missing = api_for(world.outsider).get("/api/v1/groups/987654")
    assert response.status_code == missing.status_code == 404
    assert response.json() == missing.json()


def test_member_add_passes_if_group_admin(world, api_for):
    group = world.groups["closed"]
    response = api_for(world.admin).post(
        f"/api/v1/groups/{group.pk}/members", {"username": "carla"}, content_type=JSON
    )
    assert response.status_code == 201
    assert response.json()["person"]["username"] == "carla"
    assert response.json()["role"] == "member"
    assert Membership.objects.filter(group=group, user=world.outsider).exists()


def test_member_add_fails_with_403_if_not_group_admin(world, api_for):
    group = world.groups["closed"]
    response = api_for(world.member).post(
        f"/api/v1/groups/{group.pk}/members", {"username": "carla"}, content_type=JSON
    )
    assert response.status_code == 403
    assert response.json()["message"]
    assert not Membership.objects.filter(group=group, user=world.outsider).exists()


def test_member_add_fails_with_404_if_username_is_unknown(world, api_for):
    group = world.groups["closed"]
    response = api_for(world.admin).post(
        f"/api/v1/groups/{group.pk}/members", {"username": "niemand"}, content_type=JSON
    )
    assert response.status_code == 404
    assert response.json()["field"] == "username"


def test_member_remove_passes_if_group_admin_removes_member(world, api_for):
    group = world.groups["open"]
    response = api_for(world.admin).delete(f"/api/v1/groups/{group.pk}/members/bram")
    assert response.status_code == 204
    assert not Membership.objects.filter(group=group, user=world.member).exists()


def test_member_remove_fails_with_403_if_member_removes_someone_else(world, api_for):
    group = world.groups["open"]
    response = api_for(world.member).delete(f"/api/v1/groups/{group.pk}/members/anna")
    assert response.status_code == 403
    assert Membership.objects.filter(group=group, user=world.admin).exists()


def test_member_remove_passes_if_member_leaves(world, api_for):
    group = world.groups["secret"]
    response = api_for(world.member).delete(f"/api/v1/groups/{group.pk}/members/bram")
    assert response.status_code == 204
    assert not Membership.objects.filter(group=group, user=world.member).exists()


def test_member_remove_fails_with_400_if_last_admin_leaves(world, api_for):
    group = world.groups["open"]
    response = api_for(world.admin).delete(f"/api/v1/groups/{group.pk}/members/anna")
    assert response.status_code == 400
    with translation.override(world.admin.language):
        expected = gettext("A group needs at least one admin: make someone else admin first.")
    assert response.json()["message"] == expected
    assert Membership.objects.filter(group=group, user=world.admin).exists()


def test_group_join_passes_if_group_is_open(world, api_for):
    group = world.groups["open"]
    response = api_for(world.outsider).post(f"/api/v1/groups/{group.pk}/join")
    assert response.status_code == 200
    assert response.json()["status"] == "joined"
    assert response.json()["group"]["role"] == "member"
    assert Membership.objects.filter(group=group, user=world.outsider).exists()


def test_group_join_returns_202_request_if_group_is_closed(world, api_for):
    group = world.groups["closed"]
    response = api_for(world.outsider).post(f"/api/v1/groups/{group.pk}/join")
    assert response.status_code == 202
    assert response.json()["status"] == "requested"
    assert response.json()["message"]
    assert JoinRequest.objects.filter(group=group, user=world.outsider).exists()
    assert not Membership.objects.filter(group=group, user=world.outsider).exists()


def test_group_join_fails_with_404_if_group_is_secret(world, api_for):
    group = world.groups["secret"]
    response = api_for(world.outsider).post(f"/api/v1/groups/{group.pk}/join")
    assert response.status_code == 404
    assert not Membership.objects.filter(group=group, user=world.outsider).exists()


def test_group_join_fails_with_400_if_already_member(world, api_for):
    group = world.groups["open"]
    response = api_for(world.member).post(f"/api/v1/groups/{group.pk}/join")
    assert response.status_code == 400
    assert response.json()["message"]
