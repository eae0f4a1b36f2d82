"""Creating and editing groups through the pages: good input, and bad input kept with a message."""

import pytest
from django.urls import reverse

from kring.groups.models import Group


def _create(client, **data):
    return client.post(reverse("groups:create"), {"visibility": "open", **data})


def test_group_create_passes_and_opens_group_page(world, client_for):
    response = _create(
        client_for(world.outsider),
        name="Fietsen naar het werk",
        description="**Samen** fietsen",
        visibility="closed",
    )
    group = Group.objects.get(name="Fietsen naar het werk")
    assert response.status_code == 302 and response.url == group.get_absolute_url()
    assert group.visibility == "closed" and group.member_count == 1
    body = client_for(world.outsider).get(group.get_absolute_url()).content.decode()
    assert "<strong>Samen</strong>" in body and "You are an admin" in body


def test_group_create_returns_form_with_three_visibility_cards(world, client_for):
    body = client_for(world.outsider).get(reverse("groups:create")).content.decode()
    assert body.count('name="visibility"') == 3
    assert "Every colleague can read and join." in body
    assert "Only members know it exists; invitation only." in body


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Give the group a name."),
        ("   ", "Give the group a name."),
        ("Groep open", "A group with this name already exists."),
        ("groep OPEN", "A group with this name already exists."),
        ("<script>alert(1)</script>", "Please leave out HTML code"),
        ('Leuk <img src=x onerror="alert(1)">', "Please leave out HTML code"),
        ("x" * 81, "at most 80 characters"),
    ],
)
def test_group_create_fails_with_message_if_bad_name(world, client_for, name, message):
    response = _create(client_for(world.outsider), name=name, description="Mijn beschrijving")
    body = response.content.decode()
    assert response.status_code == 400
    assert message in body
    assert 'id="group-name-error"' in body and 'aria-describedby="group-name-error"' in body
    assert "Mijn beschrijving" in body  # input kept
    assert "<script>alert(1)</script>" not in body
    assert Group.objects.count() == 3


def test_group_create_fails_if_visibility_unknown(world, client_for):
    response = _create(client_for(world.outsider), name="Nieuw", visibility="public")
    assert response.status_code == 400
    assert 'id="group-visibility-error"' in response.content.decode()


def test_group_create_fails_if_guest(world, client_for):
    client = client_for(world.guest)
    assert client.get(reverse("groups:create")).status_code == 403
    assert _create(client, name="Gastgroep").status_code == 403
    assert not Group.objects.filter(name="Gastgroep").exists()


def test_group_create_avoids_reserved_slug(world, client_for):
    _create(client_for(world.outsider), name="New")
    group = Group.objects.get(name="New")
    assert group.slug != "new"
    assert client_for(world.outsider).get(group.get_absolute_url()).status_code == 200


def test_group_edit_passes_if_admin(world, client_for):
    group = world.groups["open"]
    form = client_for(world.admin).get(reverse("groups:edit", args=[group.slug]))
    assert form.status_code == 200 and 'value="Groep open"' in form.content.decode()
    response = client_for(world.admin).post(
        reverse("groups:edit", args=[group.slug]),
        {"name": "Groep open (nieuw)", "description": "Anders", "visibility": "closed"},
    )
    assert response.status_code == 302
    group.refresh_from_db()
    assert (group.name, group.visibility) == ("Groep open (nieuw)", "closed")


def test_group_edit_fails_if_not_admin(world, client_for):
    group = world.groups["open"]
    client = client_for(world.member)
    assert client.get(reverse("groups:edit", args=[group.slug])).status_code == 403
    response = client.post(
        reverse("groups:edit", args=[group.slug]), {"name": "Gekaapt", "visibility": "open"}
    )
    assert response.status_code == 403
    group.refresh_from_db()
    assert group.name == "Groep open"


def test_group_edit_fails_with_message_if_duplicate_name(world, client_for):
    group = world.groups["open"]
    response = client_for(world.admin).post(
        reverse("groups:edit", args=[group.slug]), {"name": "Groep closed", "visibility": "open"}
    )
    assert response.status_code == 400
    assert "A group with this name already exists." in response.content.decode()
    assert 'value="Groep closed"' in response.content.decode()


def test_group_create_service_fails_if_markup_in_name(world):
    from kring.core.errors import ValidationFailed
    from kring.groups import services

    with pytest.raises(ValidationFailed) as failure:
        services.group_create(actor=world.admin, name="<b>vet</b>")
    assert failure.value.field == "name"
