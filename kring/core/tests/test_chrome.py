"""What every page has around its content: top bar, navigation, bottom bar (kring/core/chrome.py)."""

import re

from django.core.cache import caches
from django.urls import reverse

from kring.groups import services as group_services
from kring.notifications.models import Notification


def _page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def _current(html: str) -> list[str]:
    """The addresses the side and bottom navigation mark as the current page."""
    navs = re.findall(r'<nav class="(?:sidenav|bottombar)".*?</nav>', html, re.S)
    return re.findall(r'<a href="([^"]+)" aria-current="page">', "".join(navs))


def test_navigation_marks_the_current_page_in_the_side_and_bottom_bar(world, client_for):
    client = client_for(world.member)
    groups_url = reverse("groups:list")
    assert _current(_page(client, groups_url)) == [groups_url, groups_url]
    assert _current(_page(client, reverse("feeds:home"))) == [reverse("feeds:home")] * 2


def test_navigation_lists_the_readers_groups_and_marks_the_one_shown(world, client_for):
    client = client_for(world.member)
    secret = world.groups["secret"]
    html = _page(client, secret.get_absolute_url())
    nav = html[html.index('class="nav-list nav-groups"') :]
    for group in world.groups.values():
        assert f"<span>{group.name}</span>" in nav
    assert _current(html) == [secret.get_absolute_url()]
    outsider = _page(client_for(world.outsider), reverse("feeds:home"))
    assert "nav-groups" not in outsider
    assert secret.name not in outsider


def test_menu_offers_site_administration_to_site_admins_only(world, client_for):
    admin_url = reverse("admin:index")
    assert f'href="{admin_url}"' in _page(client_for(world.site_admin), reverse("feeds:home"))
    assert f'href="{admin_url}"' not in _page(client_for(world.member), reverse("feeds:home"))


def test_everyone_and_knowledge_base_are_offered_to_employees_only(world, client_for):
    company = f'href="{reverse("feeds:company")}"'
    assert company in _page(client_for(world.member), reverse("groups:list"))
    assert company not in _page(client_for(world.guest), reverse("groups:list"))


def test_search_box_keeps_the_query_on_the_search_page_only(world, client_for):
    client = client_for(world.member)
    box = re.compile(r'id="topbar-search-input" name="q" value="([^"]*)"')
    search = _page(client, reverse("search:page") + "?q=%3Cb%3Ezorg")
    assert box.search(search).group(1) == "&lt;b&gt;zorg"  # escaped, as typed
    assert box.search(_page(client, reverse("groups:list") + "?q=zorg")).group(1) == ""


def test_bell_shows_the_unread_count_in_the_top_bar(world, client_for):
    Notification.objects.create(
        recipient=world.member, kind=Notification.Kind.MENTION, post=world.posts["open"]
    )
    html = _page(client_for(world.member), reverse("groups:list"))
    assert 'aria-label="Meldingen, 1 ongelezen"' in html
    assert re.search(r'<span id="bell-count" class="bell-count" aria-hidden="true">1</span>', html)


def test_bell_speaks_each_readers_language_if_the_same_count_was_shown_in_another(
    world, client_for
):
    world.outsider.language = "en"
    world.outsider.save(update_fields=["language"])
    for reader in (world.member, world.outsider):
        Notification.objects.create(
            recipient=reader, kind=Notification.Kind.MENTION, post=world.posts["open"]
        )
    dutch, english = client_for(world.member), client_for(world.outsider)
    for _round in range(2):  # the bell of each language is kept: both stay right
        assert 'aria-label="Meldingen, 1 ongelezen"' in _page(dutch, reverse("groups:list"))
        assert 'aria-label="Notifications, 1 unread"' in _page(english, reverse("groups:list"))


def test_signed_out_page_has_the_skip_link_but_no_navigation(client):
    html = _page(client, reverse("account_login"))
    assert '<a class="skip-link" href="#main">Naar de inhoud</a>' in html
    assert "sidenav" not in html and "bottombar" not in html and 'id="bell"' not in html


def _tokens(html: str) -> set[str]:
    """Every CSRF token on a page: the body's htmx header and each form's hidden field."""
    header = re.findall(r'hx-headers=\'\{"X-CSRFToken": "([^"]+)"\}\'', html)
    fields = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    return set(header + fields)


def test_kept_parts_carry_this_requests_token_and_nonce_if_the_page_is_opened_again(
    world, client_for
):
    client = client_for(world.member)
    pages = [client.get(reverse("feeds:home")) for _ in range(2)]
    nonces = []
    for response in pages:
        html = response.content.decode()
        nonce = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"])[1]
        scripts = re.findall(r"<script [^>]*>", html)
        assert len(scripts) >= 4
        assert all(f'nonce="{nonce}"' in script for script in scripts)
        tokens = _tokens(html)
        assert len(tokens) == 1 and "standin" not in next(iter(tokens))
        nonces.append(nonce)
    assert nonces[0] != nonces[1]


def test_kept_parts_show_each_reader_their_own_name_and_groups_if_both_open_a_page(
    world, client_for
):
    member = _page(client_for(world.member), reverse("groups:list"))
    outsider = _page(client_for(world.outsider), reverse("groups:list"))
    assert f'href="{world.member.get_absolute_url()}"' in member
    assert f'href="{world.outsider.get_absolute_url()}"' in outsider
    assert world.member.get_absolute_url() not in outsider
    assert "nav-groups" in member and "nav-groups" not in outsider


def test_kept_parts_show_a_new_group_and_count_at_once_if_they_change(world, client_for):
    client = client_for(world.outsider)
    before = _page(client, reverse("groups:list"))
    assert "nav-groups" not in before
    group_services.membership_add(
        actor=world.admin, group=world.groups["open"], user=world.outsider
    )
    Notification.objects.create(
        recipient=world.outsider, kind=Notification.Kind.MENTION, post=world.posts["open"]
    )
    after = _page(client, reverse("groups:list"))
    assert f"<span>{world.groups['open'].name}</span>" in after
    assert 'aria-label="Meldingen, 1 ongelezen"' in after


def test_a_page_the_navigation_does_not_link_marks_nothing_after_one_it_does(world, client_for):
    client = client_for(world.member)
    assert _current(_page(client, reverse("feeds:home"))) == [reverse("feeds:home")] * 2
    assert _current(_page(client, world.posts["open"].get_absolute_url())) == []
    assert _current(_page(client, world.member.get_absolute_url())) == []


def test_pages_the_navigation_does_not_link_share_one_kept_top_bar(world, client_for):
    """A reader's threads and profiles keep one top bar between them, not one per address:
    the per-process cache holds many more cards and replies that way."""
    local = caches["fragments"]
    local.clear()
    client = client_for(world.member)
    _page(client, world.posts["open"].get_absolute_url())
    before = set(local._cache)
    assert any(":chrome:" in key for key in before)
    _page(client, world.posts["secret"].get_absolute_url())
    _page(client, world.outsider.get_absolute_url())
    assert [key for key in set(local._cache) - before if ":chrome:" in key] == []
