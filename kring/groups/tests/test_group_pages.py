"""The group directory and the group page, per viewer kind."""

import pytest
from django.test import Client
from django.urls import reverse

from kring.core.testing import page_without_tokens
from kring.follows.services import follow_add
from kring.groups import services
from kring.groups.models import Group
from kring.people.services import profile_update


def _directory(client, **params) -> str:
    response = client.get(reverse("groups:list"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_group_list_returns_open_and_closed_but_not_secret_if_outsider(world, client_for):
    body = _directory(client_for(world.outsider))
    assert "Groep open" in body
    assert "Groep closed" in body
    assert "Groep secret" not in body


@pytest.mark.parametrize("viewer", ["site_admin", "guest"])
def test_group_list_fails_to_show_secret_group_if_not_member(world, client_for, viewer):
    assert "Groep secret" not in _directory(client_for(getattr(world, viewer)))


def test_group_list_returns_secret_group_if_member(world, client_for):
    assert "Groep secret" in _directory(client_for(world.member))


def test_group_list_returns_only_own_groups_if_guest(world, client_for):
    body = _directory(client_for(world.guest))
    assert "Groep open" not in body and "Groep closed" not in body
    assert "New group" not in body
    services.membership_add(actor=world.admin, group=world.groups["closed"], user=world.guest)
    body = _directory(client_for(world.guest))
    assert "Groep closed" in body and "Groep open" not in body


def test_group_list_returns_join_button_and_states_if_employee(world, client_for):
    body = _directory(client_for(world.outsider))
    assert reverse("groups:join", args=[world.groups["open"].slug]) in body
    assert reverse("groups:request", args=[world.groups["closed"].slug]) in body
    assert "New group" in body
    services.join_request_create(actor=world.outsider, group=world.groups["closed"])
    assert "Request sent" in _directory(client_for(world.outsider))
    admin_body = _directory(client_for(world.admin))
    assert (
        "Admin" in admin_body
        and reverse("groups:join", args=[world.groups["open"].slug]) not in admin_body
    )


def test_group_list_returns_matches_only_if_searched(world, client_for):
    body = _directory(client_for(world.outsider), q="open")
    assert "Groep open" in body and "Groep closed" not in body
    assert "No groups match" in _directory(client_for(world.outsider), q="niets-zoals-dit")


def test_group_list_returns_own_groups_if_mine_tab(world, client_for):
    body = _directory(client_for(world.outsider), show="mine")
    assert "Groep open" not in body
    assert "You are not in any group yet" in body
    assert "Groep secret" in _directory(client_for(world.member), show="mine")


def test_group_list_returns_fragment_if_htmx_search(world, client_for):
    response = client_for(world.outsider).get(
        reverse("groups:list"),
        {"q": "closed"},
        headers={"HX-Request": "true", "HX-Target": "group-results"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Groep closed" in body and "<html" not in body


def test_group_list_fails_if_anonymous(client_for, db):
    assert client_for(None).get(reverse("groups:list")).status_code == 302


def test_group_detail_returns_posts_and_composer_if_member(world, client_for):
    group = world.groups["closed"]
    body = client_for(world.member).get(group.get_absolute_url()).content.decode()
    assert "Geheime tekst van de closed groep" in body
    assert 'id="composer"' in body and f'name="group" value="{group.pk}"' in body
    assert "Leave group" in body


def test_group_detail_hides_content_if_outsider_of_closed_group(world, client_for):
    response = client_for(world.outsider).get(world.groups["closed"].get_absolute_url())
    body = response.content.decode()
    assert response.status_code == 200
    assert "Groep closed" in body
    assert "This group is closed. Ask to join to read and take part." in body
    assert "Geheime tekst van de closed groep" not in body
    assert 'id="composer"' not in body
    assert "bram" not in body.lower()  # not even who the members are


def test_group_detail_returns_posts_without_composer_if_outsider_of_open_group(world, client_for):
    body = client_for(world.outsider).get(world.groups["open"].get_absolute_url()).content.decode()
    assert "Geheime tekst van de open groep" in body
    assert 'id="composer"' not in body
    assert reverse("groups:join", args=[world.groups["open"].slug]) in body


@pytest.mark.parametrize("viewer", ["outsider", "guest", "site_admin"])
def test_group_detail_fails_with_same_404_if_secret_and_not_member(world, client_for, viewer):
    client = client_for(getattr(world, viewer))
    hidden = client.get(world.groups["secret"].get_absolute_url())
    missing = client.get(reverse("groups:detail", args=["bestaat-niet"]))
    assert hidden.status_code == missing.status_code == 404
    assert page_without_tokens(hidden.content) == page_without_tokens(missing.content)
    assert "Groep secret" not in hidden.content.decode()


def test_group_detail_fails_if_guest_outside_closed_group(world, client_for):
    assert client_for(world.guest).get(world.groups["closed"].get_absolute_url()).status_code == 404


def test_group_detail_returns_manage_menu_if_admin(world, client_for):
    group = world.groups["closed"]
    services.join_request_create(actor=world.outsider, group=group)
    body = client_for(world.admin).get(group.get_absolute_url()).content.decode()
    assert reverse("groups:edit", args=[group.slug]) in body
    assert 'class="count-dot">1' in body
    assert reverse("groups:edit", args=[group.slug]) not in (
        client_for(world.member).get(group.get_absolute_url()).content.decode()
    )


def test_group_detail_returns_next_page_fragment_if_htmx_cursor(world, client_for):
    from kring.posts import services as post_services

    group = world.groups["open"]
    for n in range(21):
        post_services.post_create(actor=world.member, group=group, body=f"Bericht {n}")
    client = client_for(world.member)
    first = client.get(group.get_absolute_url())
    cursor = first.context["page"].next_cursor
    assert cursor
    response = client.get(
        group.get_absolute_url(), {"cursor": cursor}, headers={"HX-Request": "true"}
    )
    body = response.content.decode()
    assert "<html" not in body and "Geheime tekst van de open groep" in body


def test_group_detail_renders_description_markdown_safely(world, client_for):
    group = services.group_create(
        actor=world.admin, name="Markdown", description="**vet** <script>alert(1)</script>"
    )
    body = client_for(world.admin).get(group.get_absolute_url()).content.decode()
    assert "<strong>vet</strong>" in body
    assert "<script>alert(1)" not in body


def test_members_page_returns_members_if_reader(world, client_for):
    body = (
        client_for(world.outsider)
        .get(reverse("groups:members", args=[world.groups["open"].slug]))
        .content.decode()
    )
    assert "Bram Jansen" in body and "Teamleider" in body and "Group admin" in body
    assert "Make admin" not in body and "Add a colleague" not in body


def test_members_page_fails_if_outsider_of_closed_group(world, client_for):
    response = client_for(world.outsider).get(
        reverse("groups:members", args=[world.groups["closed"].slug])
    )
    assert response.status_code == 403
    assert "Bram" not in response.content.decode()


def test_members_page_returns_tools_if_admin(world, client_for):
    services.join_request_create(
        actor=world.outsider, group=world.groups["closed"], message="Mag ik?"
    )
    body = (
        client_for(world.admin)
        .get(reverse("groups:members", args=[world.groups["closed"].slug]))
        .content.decode()
    )
    assert "Make admin" in body and "Remove" in body
    assert "Mag ik?" in body and "Approve" in body
    assert '<option value="carla">' in body  # the outsider can be picked
    assert '<option value="bram">' not in body  # already a member


def test_group_pages_return_no_secret_group_in_navigation_if_outsider(world, client_for):
    assert Group.objects.filter(visibility="secret").exists()
    body = client_for(world.outsider).get(world.groups["open"].get_absolute_url()).content.decode()
    assert "Groep secret" not in body


def test_group_list_returns_in_constant_queries_if_many_groups(
    world, client_for, django_assert_max_num_queries
):
    client = client_for(world.member)
    client.get(reverse("groups:list"))  # warm the session and the user
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("groups:list"))
    for n in range(15):
        services.group_create(actor=world.admin, name=f"Extra {n}", visibility="open")
    with django_assert_max_num_queries(len(few.captured_queries)):
        body = client.get(reverse("groups:list")).content.decode()
    assert "Extra 14" in body


def test_group_page_shows_the_twelve_newest_members_newest_first(world, client_for, make_user):
    group = world.groups["open"]
    newcomers = [make_user(f"nieuw{n:02d}", last_name="Lid") for n in range(14)]
    for person in newcomers:
        services.membership_add(actor=world.admin, group=group, user=person)
    body = client_for(world.outsider).get(group.get_absolute_url()).content.decode()
    preview = body.split("Newest members", 1)[1].split("</ul>", 1)[0]
    shown = [p.display_name for p in newcomers if f">{p.display_name}<" in preview]
    assert shown == [p.display_name for p in newcomers[2:]]
    positions = [preview.index(f">{name}<") for name in shown]
    assert positions == sorted(positions, reverse=True), "newest first"


def test_group_page_shows_its_active_admins_by_name_with_job_title(world, client_for, make_user):
    group = world.groups["open"]
    services.membership_set_role(actor=world.admin, group=group, user=world.member, role="admin")
    gone = make_user("aart", last_name="Weg")
    services.membership_add(actor=world.admin, group=group, user=gone)
    services.membership_set_role(actor=world.admin, group=group, user=gone, role="admin")
    gone.is_active = False
    gone.save(update_fields=["is_active"])
    body = client_for(world.outsider).get(group.get_absolute_url()).content.decode()
    side = body.split("Admins</h2>", 1)[1].split("</ul>", 1)[0]
    assert side.index("Anna de Vries") < side.index("Bram Jansen"), "by first name"
    assert "Teamleider" in side
    assert world.admin.get_absolute_url() in side
    assert "Aart Weg" not in side and "Aart Weg" not in body


def test_group_page_side_shows_people_as_they_are_now_after_it_was_kept(
    world, client_for, make_user
):
    """The side's people cards are kept as one fragment: a changed name, job title or
    newcomer gives another fragment, never the kept one."""
    group = world.groups["open"]
    client = client_for(world.outsider)
    before = client.get(group.get_absolute_url()).content.decode()
    assert "Anna de Vries" in before.split("Admin</h2>", 1)[1]
    profile_update(actor=world.admin, person=world.admin, first_name="Annemiek", job_title="Hoofd")
    renamed = client.get(group.get_absolute_url()).content.decode()
    side = renamed.split("Admin</h2>", 1)[1]
    assert "Annemiek de Vries" in side and "Hoofd" in side and "Anna de Vries" not in side
    newcomer = make_user("nieuweling", last_name="Nieuw")
    services.membership_add(actor=world.admin, group=group, user=newcomer)
    side = client.get(group.get_absolute_url()).content.decode().split("Admin</h2>", 1)[1]
    preview = side.split("Newest members", 1)[1].split("</ul>", 1)[0]
    assert f">{newcomer.display_name}<" in preview
    group.refresh_from_db()
    assert f"See all {group.member_count} members" in side
    profile_update(actor=world.member, person=world.member, language="nl")
    reader = Client()  # not client_for: it makes its readers English
    reader.force_login(world.member)
    dutch = reader.get(group.get_absolute_url()).content.decode()
    assert "Nieuwste leden" in dutch and "Newest members" not in dutch


def test_group_page_header_follows_the_reader_after_it_was_kept(world, client_for):
    """The header is kept as a fragment: joining, following and a new name each give the
    reader another header, and its forms carry the reader's own CSRF token."""
    group = world.groups["open"]
    profile_update(actor=world.outsider, person=world.outsider, language="en")
    client = Client(enforce_csrf_checks=True)  # the join form must carry a token that works
    client.force_login(world.outsider)

    def header() -> str:
        body = client.get(group.get_absolute_url()).content.decode()
        return body.split('class="card group-head"', 1)[1].split("</section>", 1)[0]

    first = header()
    assert "/join/" in first and "You are a member" not in first
    token = first.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    assert "kringcsrfstandin" not in token
    join = f"/groups/{group.slug}/join/"
    assert client.post(join, {"csrfmiddlewaretoken": token}).status_code == 302
    joined = header()
    assert "You are a member" in joined and "/leave/" in joined and "/join/" not in joined
    follow_add(actor=world.outsider, target=group)
    assert 'aria-pressed="true"' in header()
    services.membership_set_role(actor=world.admin, group=group, user=world.outsider, role="admin")
    assert "You are an admin" in header()  # the same group, members and address: new rights
    services.group_update(
        actor=world.admin,
        group=group,
        name="Groep hernoemd",
        description=group.description,
        visibility=group.visibility,
    )
    assert "Groep hernoemd" in header()
