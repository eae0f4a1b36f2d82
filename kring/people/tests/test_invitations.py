"""Site admins invite people by e-mail; the invitee sets up an account from the link."""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from kring.people.models import Invitation, User
from kring.people.services import invitation_create
from kring.people.tests.helpers import dutch

INVITE = reverse("people:invite")
NEW_PASSWORD = "Welkom-bij-de-gemeente-9"


def _link_path(body: str) -> str:
    link = re.search(r"https?://\S+/invitation/\S+/", body).group(0)
    return re.sub(r"^https?://[^/]+", "", link)


def _accept_post(**changes) -> dict:
    values = {
        "first_name": "Noor",
        "last_name": "Visser",
        "username": "noor",
        "password": NEW_PASSWORD,
    }
    values.update(changes)
    return values


def test_invite_page_returns_form_to_a_site_admin(world, client_for):
    response = client_for(world.site_admin).get(INVITE)
    assert response.status_code == 200
    assert 'name="email"' in response.content.decode()
    assert 'value="guest"' in response.content.decode()


def test_invite_page_fails_if_viewer_is_not_a_site_admin(world, client_for):
    for viewer in (world.admin, world.guest):
        client = client_for(viewer)
        assert client.get(INVITE).status_code == 403
        response = client.post(INVITE, {"email": "x@example.org", "kind": "employee"})
        assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_invitation_passes_end_to_end_from_mail_to_signed_in(
    world, client_for, client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(world.site_admin).post(
            INVITE, {"email": "Noor@Example.org", "kind": "guest"}
        )
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["noor@example.org"]
    assert "Kring" in mail.subject
    path = _link_path(mail.body)

    page = client.get(path)
    assert page.status_code == 200
    assert "noor@example.org" in page.content.decode()
    assert page["Referrer-Policy"] == "same-origin"

    response = client.post(path, _accept_post())
    assert response.status_code == 302 and response["Location"] == reverse("people:edit")
    noor = User.objects.get(username="noor")
    assert noor.email == "noor@example.org" and noor.is_guest and noor.check_password(NEW_PASSWORD)
    assert client.session["_auth_user_id"] == str(noor.pk)

    client.post(reverse("account_logout"))
    used = client.get(path)
    assert used.status_code == 404
    assert dutch("This invitation no longer works") in used.content.decode()


def test_invite_fails_if_email_already_has_an_account(world, client_for):
    response = client_for(world.site_admin).post(
        INVITE, {"email": "bram@example.org", "kind": "employee"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert dutch("An account with this e-mail address already exists.") in html
    assert 'value="bram@example.org"' in html


def test_invite_fails_if_email_is_not_an_address(world, client_for):
    response = client_for(world.site_admin).post(INVITE, {"email": "geen adres", "kind": "guest"})
    assert response.status_code == 400
    assert 'value="geen adres"' in response.content.decode()
    assert not Invitation.objects.exists()


def test_invitation_accept_returns_friendly_page_if_expired(world, client):
    _invitation, token = invitation_create(actor=world.site_admin, email="laat@example.org")
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    url = reverse("people:invitation_accept", args=[token])
    response = client.get(url)
    assert response.status_code == 404
    assert dutch("This invitation no longer works") in response.content.decode()
    client.post(url, _accept_post(username="laat"))
    assert not User.objects.filter(username="laat").exists()


def test_invitation_accept_returns_friendly_page_if_token_is_unknown(db, client):
    response = client.get(reverse("people:invitation_accept", args=["verzonnen"]))
    assert response.status_code == 404
    assert dutch("This invitation no longer works") in response.content.decode()


def test_invitation_accept_fails_if_password_is_weak_and_keeps_the_name(world, client):
    _invitation, token = invitation_create(actor=world.site_admin, email="noor@example.org")
    url = reverse("people:invitation_accept", args=[token])
    response = client.post(url, _accept_post(password="12345678"))
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_password_error"' in html
    assert 'value="Noor"' in html and 'value="noor"' in html
    assert not User.objects.filter(username="noor").exists()


def test_invitation_accept_fails_if_username_is_taken(world, client):
    _invitation, token = invitation_create(actor=world.site_admin, email="noor@example.org")
    url = reverse("people:invitation_accept", args=[token])
    response = client.post(url, _accept_post(username="Bram"))
    assert response.status_code == 400
    assert dutch("This username is taken.") in response.content.decode()
    assert Invitation.objects.get().accepted_at is None


def test_invitation_accept_fails_if_name_has_markup(world, client):
    _invitation, token = invitation_create(actor=world.site_admin, email="noor@example.org")
    url = reverse("people:invitation_accept", args=[token])
    response = client.post(url, _accept_post(first_name="<b>Noor</b>"))
    assert response.status_code == 400
    assert not User.objects.filter(username="noor").exists()


def test_invitation_accept_returns_sign_out_choice_if_already_signed_in(world, client_for):
    _invitation, token = invitation_create(actor=world.site_admin, email="noor@example.org")
    url = reverse("people:invitation_accept", args=[token])
    response = client_for(world.member).get(url)
    assert response.status_code == 200
    assert dutch("You are already signed in") in response.content.decode()
