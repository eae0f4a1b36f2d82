"""The Django admin: site admins manage people and departments, never groups or posts."""

from django.contrib import admin
from django.urls import reverse

from kring.groups.models import Group, Membership
from kring.people.models import Department, Invitation, User
from kring.posts.models import Post, Reply


def test_admin_passes_if_site_admin_adds_a_department(world, client_for):
    client = client_for(world.site_admin)
    response = client.post(
        reverse("admin:people_department_add"), {"name": "Sociaal domein", "slug": "sociaal"}
    )
    assert response.status_code == 302
    assert Department.objects.filter(slug="sociaal").exists()


def test_admin_passes_if_site_admin_opens_people_and_invitations(world, client_for):
    client = client_for(world.site_admin)
    assert client.get(reverse("admin:people_user_changelist")).status_code == 200
    assert (
        client.get(reverse("admin:people_user_change", args=[world.member.pk])).status_code == 200
    )
    assert client.get(reverse("admin:people_user_add")).status_code == 200
    assert client.get(reverse("admin:people_invitation_changelist")).status_code == 200


def test_admin_fails_if_viewer_is_not_a_site_admin(world, client_for):
    response = client_for(world.admin).get(reverse("admin:people_department_changelist"))
    assert response.status_code == 302


def test_admin_returns_no_way_into_groups_or_posts(db):
    for model in (Group, Membership, Post, Reply):
        assert not admin.site.is_registered(model)
    for model in (User, Department, Invitation):
        assert admin.site.is_registered(model)
