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


def test_admin_refuses_if_site_admin_sets_another_persons_password(world, client_for):
    """With someone else's password an admin could read their private conversations."""
    client = client_for(world.site_admin)
    other = reverse("admin:auth_user_password_change", args=[world.member.pk])
    assert client.get(other).status_code == 403
    response = client.post(other, {"password1": "Nieuw-Geheim-42", "password2": "Nieuw-Geheim-42"})
    assert response.status_code == 403
    world.member.refresh_from_db()
    assert not world.member.check_password("Nieuw-Geheim-42")
    page = client.get(reverse("admin:people_user_change", args=[world.member.pk]))
    assert b"/password/" not in page.content
    # Their own password they may change here.
    own = reverse("admin:auth_user_password_change", args=[world.site_admin.pk])
    assert client.get(own).status_code == 200


def test_admin_sends_a_reset_link_if_site_admin_asks_for_one(world, client_for, mailoutbox):
    client = client_for(world.site_admin)
    world.guest.email = ""
    world.guest.save(update_fields=["email"])
    response = client.post(
        reverse("admin:people_user_changelist"),
        {
            "action": "send_password_reset",
            "_selected_action": [world.member.pk, world.guest.pk],
        },
        follow=True,
    )
    assert [mail.to for mail in mailoutbox] == [[world.member.email]]
    assert "/accounts/password/reset/key/" in mailoutbox[0].body
    text = response.content.decode()
    assert "Een link om een nieuw wachtwoord te kiezen is gestuurd naar 1 persoon." in text
    assert "1 persoon kreeg geen link: uitgeschakeld of zonder e-mailadres." in text


def test_admin_keeps_another_persons_email_if_site_admin_changes_it(world, client_for):
    """With their own address on the account, an admin would receive its reset link."""
    client = client_for(world.site_admin)
    url = reverse("admin:people_user_change", args=[world.member.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert b'name="email"' not in page.content
    assert world.member.email.encode() in page.content  # shown, not editable
    form = {
        "username": world.member.username,
        "first_name": world.member.first_name,
        "last_name": world.member.last_name,
        "email": "beheerder@example.org",
        "kind": world.member.kind,
        "language": world.member.language,
        "is_active": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "09:00:00",
    }
    response = client.post(url, form)
    assert response.status_code == 302
    world.member.refresh_from_db()
    assert world.member.email != "beheerder@example.org"
    # Their own address they may change here.
    own = reverse("admin:people_user_change", args=[world.site_admin.pk])
    assert b'name="email"' in client.get(own).content
