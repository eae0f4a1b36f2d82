"""Joining, leaving, requests and the admin tools, through the pages."""

from django.urls import reverse

from kring import access
from kring.groups import services
from kring.groups.models import JoinRequest, Membership


def _url(name: str, group, *args) -> str:
    return reverse(f"groups:{name}", args=[group.slug, *args])


def test_group_join_passes_if_employee_and_open(world, client_for):
    group = world.groups["open"]
    response = client_for(world.outsider).post(_url("join", group), follow=True)
    assert response.status_code == 200
    assert Membership.objects.filter(group=group, user=world.outsider).exists()
    body = response.content.decode()
    assert "Welcome to Groep open" in body and "Leave group" in body


def test_group_join_fails_if_closed(world, client_for):
    group = world.groups["closed"]
    response = client_for(world.outsider).post(_url("join", group))
    assert response.status_code == 403
    assert "ask to join" in response.content.decode()
    assert not Membership.objects.filter(group=group, user=world.outsider).exists()


def test_group_join_fails_with_404_if_secret(world, client_for):
    response = client_for(world.outsider).post(_url("join", world.groups["secret"]))
    assert response.status_code == 404


def test_group_join_returns_to_directory_if_next_given(world, client_for):
    response = client_for(world.outsider).post(
        _url("join", world.groups["open"]), {"next": reverse("groups:list")}
    )
    assert response.status_code == 302 and response.url == reverse("groups:list")
    evil = client_for(world.site_admin).post(
        _url("join", world.groups["open"]), {"next": "https://evil.example/"}
    )
    assert evil.url == world.groups["open"].get_absolute_url()


def test_group_leave_passes_if_member(world, client_for):
    group = world.groups["open"]
    response = client_for(world.member).post(_url("leave", group), follow=True)
    assert "You left Groep open" in response.content.decode()
    assert not Membership.objects.filter(group=group, user=world.member).exists()


def test_group_leave_goes_to_directory_if_secret(world, client_for):
    response = client_for(world.member).post(_url("leave", world.groups["secret"]))
    assert response.status_code == 302 and response.url == reverse("groups:list")


def test_group_leave_fails_if_last_admin(world, client_for):
    group = world.groups["open"]
    response = client_for(world.admin).post(_url("leave", group))
    assert response.status_code == 400
    assert "at least one admin" in response.content.decode()
    assert access.is_group_admin(world.admin, group)


def test_join_request_passes_and_shows_request_sent_if_closed(world, client_for):
    group = world.groups["closed"]
    client = client_for(world.outsider)
    response = client.post(
        _url("request", group), {"message": "Ik werk aan dit project"}, follow=True
    )
    body = response.content.decode()
    assert "Your request is sent" in body and "Request sent" in body
    assert (
        JoinRequest.objects.get(group=group, user=world.outsider).message
        == "Ik werk aan dit project"
    )
    again = client.post(_url("request", group))
    assert again.status_code == 400 and "already asked" in again.content.decode()


def test_join_request_fails_if_message_too_long(world, client_for):
    response = client_for(world.outsider).post(
        _url("request", world.groups["closed"]), {"message": "x" * 501}
    )
    assert response.status_code == 400
    assert 'id="request-message-error"' in response.content.decode()
    assert not JoinRequest.objects.exists()


def test_join_request_decide_passes_if_admin_approves(world, client_for):
    group = world.groups["closed"]
    join_request = services.join_request_create(actor=world.outsider, group=group)
    response = client_for(world.admin).post(
        _url("request_decide", group, join_request.pk), {"decision": "approve"}, follow=True
    )
    assert "Carla Bakker is now a member" in response.content.decode()
    assert Membership.objects.filter(group=group, user=world.outsider).exists()
    body = client_for(world.outsider).get(group.get_absolute_url()).content.decode()
    assert "Geheime tekst van de closed groep" in body


def test_join_request_decide_passes_if_admin_declines(world, client_for):
    group = world.groups["closed"]
    join_request = services.join_request_create(actor=world.outsider, group=group)
    response = client_for(world.admin).post(
        _url("request_decide", group, join_request.pk), {"decision": "decline"}, follow=True
    )
    assert "You declined the request of Carla Bakker" in response.content.decode()
    assert not JoinRequest.objects.exists()
    assert not Membership.objects.filter(group=group, user=world.outsider).exists()


def test_join_request_decide_fails_if_member_not_admin(world, client_for):
    group = world.groups["closed"]
    join_request = services.join_request_create(actor=world.outsider, group=group)
    response = client_for(world.member).post(
        _url("request_decide", group, join_request.pk), {"decision": "approve"}
    )
    assert response.status_code == 403
    assert "Only group admins can decide on requests." in response.content.decode()
    assert JoinRequest.objects.filter(pk=join_request.pk).exists()


def test_member_add_passes_if_admin(world, client_for):
    group = world.groups["secret"]
    response = client_for(world.admin).post(
        _url("member_add", group), {"username": "carla"}, follow=True
    )
    assert "Carla Bakker is now a member of the group" in response.content.decode()
    assert client_for(world.outsider).get(group.get_absolute_url()).status_code == 200


def test_member_add_fails_if_not_admin(world, client_for):
    group = world.groups["open"]
    response = client_for(world.member).post(_url("member_add", group), {"username": "carla"})
    assert response.status_code == 403
    assert "Only group admins can add members." in response.content.decode()
    assert not Membership.objects.filter(group=group, user=world.outsider).exists()


def test_member_add_fails_with_message_if_unknown_or_already_member(world, client_for):
    client = client_for(world.admin)
    group = world.groups["open"]
    unknown = client.post(_url("member_add", group), {"username": "niemand"})
    assert unknown.status_code == 400
    body = unknown.content.decode()
    assert "We could not find a colleague" in body and 'value="niemand"' in body
    already = client.post(_url("member_add", group), {"username": "bram"})
    assert already.status_code == 400 and "is already a member" in already.content.decode()
    empty = client.post(_url("member_add", group), {"username": ""})
    assert empty.status_code == 400 and "Type the username" in empty.content.decode()


def test_member_remove_passes_if_admin(world, client_for):
    group = world.groups["closed"]
    response = client_for(world.admin).post(_url("member_remove", group, "bram"), follow=True)
    assert "Bram Jansen is no longer a member" in response.content.decode()
    assert not Membership.objects.filter(group=group, user=world.member).exists()


def test_member_remove_fails_if_not_admin(world, client_for):
    group = world.groups["closed"]
    response = client_for(world.member).post(_url("member_remove", group, "anna"))
    assert response.status_code == 403
    assert "Only group admins can remove members." in response.content.decode()
    assert Membership.objects.filter(group=group, user=world.admin).exists()


def test_member_role_passes_if_admin_promotes_and_then_steps_down(world, client_for):
    group = world.groups["open"]
    client = client_for(world.admin)
    promoted = client.post(_url("member_role", group, "bram"), {"role": "admin"}, follow=True)
    assert "Bram Jansen is now a group admin" in promoted.content.decode()
    demoted = client.post(_url("member_role", group, "anna"), {"role": "member"}, follow=True)
    assert "is now a member" in demoted.content.decode()
    assert Membership.objects.get(group=group, user=world.member).role == "admin"
    assert Membership.objects.get(group=group, user=world.admin).role == "member"


def test_member_role_fails_if_last_admin_demotes_self(world, client_for):
    group = world.groups["open"]
    response = client_for(world.admin).post(_url("member_role", group, "anna"), {"role": "member"})
    assert response.status_code == 400
    assert "at least one admin" in response.content.decode()
    assert Membership.objects.get(group=group, user=world.admin).role == "admin"


def test_member_role_fails_if_not_admin(world, client_for):
    group = world.groups["open"]
    response = client_for(world.member).post(_url("member_role", group, "bram"), {"role": "admin"})
    assert response.status_code == 403
    assert "Only group admins can change roles." in response.content.decode()


def test_member_actions_fail_with_404_if_secret_and_outsider(world, client_for):
    client = client_for(world.outsider)
    group = world.groups["secret"]
    assert client.post(_url("member_add", group), {"username": "carla"}).status_code == 404
    assert client.post(_url("member_remove", group, "bram")).status_code == 404


def test_group_actions_redirect_if_get(world, client_for):
    response = client_for(world.outsider).get(_url("join", world.groups["open"]))
    assert response.status_code == 302
    assert not Membership.objects.filter(user=world.outsider).exists()


def test_post_create_passes_through_group_composer_if_member(world, client_for):
    group = world.groups["closed"]
    response = client_for(world.member).post(
        reverse("posts:create"),
        {
            "body": "Nieuw in de groep",
            "group": group.pk,
            "fixed": group.pk,
            "next": group.get_absolute_url(),
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == group.get_absolute_url()
    assert "Nieuw in de groep" in response.content.decode()


def test_post_create_fails_through_group_composer_if_not_member_of_open_group(world, client_for):
    group = world.groups["open"]
    response = client_for(world.outsider).post(
        reverse("posts:create"),
        {
            "body": "Mag ik meedoen?",
            "group": group.pk,
            "fixed": group.pk,
            "next": group.get_absolute_url(),
        },
    )
    assert response.status_code == 403
    body = response.content.decode()
    assert "Join this group to post in it." in body
    assert "Mag ik meedoen?" in body
