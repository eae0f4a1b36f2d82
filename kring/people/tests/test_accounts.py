"""Signing in and out, signing up and resetting a password (django-allauth in Kring's pages)."""

import re

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from conftest import PASSWORD
from kring.people.models import User
from kring.people.tests.helpers import dutch

LOGIN = reverse("account_login")


def _signed_in_username(client: Client) -> str | None:
    user_id = client.session.get("_auth_user_id")
    return User.objects.get(pk=user_id).username if user_id else None


def test_login_page_returns_kring_card_with_labelled_fields(db, client):
    response = client.get(LOGIN)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="card auth-card"' in html
    assert 'class="auth-brand"' in html
    assert '<label for="id_login">' in html and '<label for="id_password">' in html
    assert reverse("account_reset_password") in html


def test_login_passes_if_username_and_password_match(world, client):
    response = client.post(LOGIN, {"login": "bram", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("feeds:home")
    assert _signed_in_username(client) == "bram"


def test_login_passes_if_email_and_password_match(world, client):
    response = client.post(LOGIN, {"login": "Bram@Example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert _signed_in_username(client) == "bram"


def test_login_fails_if_password_is_wrong_and_keeps_the_username(world, client):
    response = client.post(LOGIN, {"login": "bram", "password": "not-the-password"})
    html = response.content.decode()
    assert _signed_in_username(client) is None
    assert dutch("The username and/or password you specified are not correct.") in html
    assert 'role="alert"' in html
    assert 'name="login" id="id_login" value="bram"' in html
    assert 'value="not-the-password"' not in html


def test_login_fails_if_account_is_switched_off(world, client):
    User.objects.filter(pk=world.member.pk).update(is_active=False)
    client.post(LOGIN, {"login": "bram", "password": PASSWORD})
    assert _signed_in_username(client) is None


def test_logout_page_returns_confirmation_and_post_signs_out(world, client_for):
    client = client_for(world.member)
    page = client.get(reverse("account_logout"))
    assert page.status_code == 200
    assert f'action="{reverse("account_logout")}"' in page.content.decode()
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert _signed_in_username(client) is None


def test_pages_return_redirect_to_sign_in_if_anonymous(world, client):
    response = client.get(reverse("people:list"))
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_signup_returns_closed_page_if_no_domains_are_set(db, client, settings):
    settings.KRING_SIGNUP_DOMAINS = []
    response = client.get(reverse("account_signup"))
    assert dutch("Sign-up is closed") in response.content.decode()
    response = client.post(
        reverse("account_signup"),
        {
            "email": "nieuw@example.org",
            "username": "nieuw",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert not User.objects.filter(username="nieuw").exists()


def test_login_page_returns_invitation_hint_if_signup_is_closed(db, client, settings):
    settings.KRING_SIGNUP_DOMAINS = []
    html = client.get(LOGIN).content.decode()
    assert reverse("account_signup") not in html


@override_settings(KRING_SIGNUP_DOMAINS=["gemeente.nl"])
def test_signup_passes_if_email_domain_is_allowed(db, client):
    page = client.get(reverse("account_signup"))
    assert 'name="password1"' in page.content.decode()
    assert "@gemeente.nl" in page.content.decode()
    response = client.post(
        reverse("account_signup"),
        {
            "email": "fleur@gemeente.nl",
            "username": "fleur",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    fleur = User.objects.get(username="fleur")
    assert fleur.is_employee
    assert _signed_in_username(client) == "fleur"


@override_settings(KRING_SIGNUP_DOMAINS=["gemeente.nl"])
def test_signup_fails_if_email_domain_is_not_allowed(db, client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "fleur@elders.nl",
            "username": "fleur",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    html = response.content.decode()
    assert not User.objects.filter(username="fleur").exists()
    assert (
        dutch("Only addresses ending in %(domains)s can sign up here.", domains="@gemeente.nl")
        in html
    )
    assert 'value="fleur@elders.nl"' in html and 'value="fleur"' in html


def test_password_reset_passes_and_sends_a_mail_with_a_working_link(world, client, mailoutbox):
    response = client.post(reverse("account_reset_password"), {"email": "bram@example.org"})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")
    assert client.get(response["Location"]).status_code == 200
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["bram@example.org"]
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+", mailoutbox[0].body).group(0)
    path = re.sub(r"^https?://[^/]+", "", link)
    form_page = client.get(path, follow=True)
    assert 'name="password1"' in form_page.content.decode()
    new_password = "Nieuw-wachtwoord-77"
    done = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else path,
        {"password1": new_password, "password2": new_password},
        follow=True,
    )
    assert done.status_code == 200
    assert User.objects.get(username="bram").check_password(new_password)


def test_password_reset_returns_friendly_page_if_link_is_broken(world, client):
    response = client.get(
        reverse("account_reset_password_from_key", kwargs={"uidb36": "zz", "key": "nonsense"})
    )
    assert dutch("This link no longer works") in response.content.decode()


@pytest.mark.parametrize(
    "name",
    [
        "account_login",
        "account_reset_password",
        "account_reset_password_done",
        "account_reset_password_from_key_done",
        "account_signup",
        "account_inactive",
    ],
)
def test_signed_out_pages_return_kring_layout(db, client, name):
    response = client.get(reverse(name))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="main-solo"' in html and 'class="auth-brand"' in html
    assert html.count("<h1") == 1


def test_password_change_page_returns_kring_layout(world, client_for):
    response = client_for(world.member).get(reverse("account_change_password"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="sidenav"' in html and '<label for="id_oldpassword">' in html


def test_email_page_adds_an_address_if_a_colleague_asks_from_their_menu(
    world, client_for, mailoutbox
):
    """Changing one's own address is the colleague's own step (decision 0028)."""
    client = client_for(world.member)
    home = client.get("/").content.decode()
    assert 'href="/accounts/email/">E-mailadres</a>' in home
    response = client.post(
        "/accounts/email/", {"action_add": "", "email": "bram.nieuw@example.org"}, follow=True
    )
    assert response.status_code == 200
    assert "bram.nieuw@example.org" in response.content.decode()
    assert [mail.to for mail in mailoutbox] == [["bram.nieuw@example.org"]]


def test_email_page_confirms_the_new_address_if_the_link_in_the_mail_is_followed(
    world, client_for, mailoutbox, settings
):
    settings.KRING_ORGANISATION = "Gemeente Zaanstad"
    client = client_for(world.member)
    client.post("/accounts/email/", {"action_add": "", "email": "bram.nieuw@example.org"})
    mail = mailoutbox[0].body
    assert "Bram Jansen" in mail
    assert mail.rstrip().endswith("Gemeente Zaanstad")
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+)", mail).group(1)
    page = client.get(link).content.decode()
    assert "Bevestig je e-mailadres" in page
    client.post(link)
    page = client.get("/accounts/email/").content.decode()
    assert "Bevestigd" in page


def test_email_page_says_so_if_the_confirmation_link_is_not_valid(world, client_for):
    page = client_for(world.member).get("/accounts/confirm-email/verzonnen/").content.decode()
    assert "Deze link is verlopen of niet geldig." in page


def test_email_page_keeps_what_was_typed_if_the_address_is_not_valid(world, client_for):
    response = client_for(world.member).post(
        "/accounts/email/", {"action_add": "", "email": "bram.nieuw@"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="bram.nieuw@"' in page
    assert 'aria-invalid="true"' in page
    assert "Voer een geldig e-mailadres in." in page
