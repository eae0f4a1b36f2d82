"""The composer option, marking read (htmx and plain), the who-read page and the leaders page."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from kring.announcements import services
from kring.announcements.models import AnnouncementRead, Leader
from kring.posts.models import Post

HTMX = {"HX-Request": "true"}


def test_composer_offers_announcement_if_group_admin_on_own_group_page(world, client_for):
    page = client_for(world.admin).get(world.groups["open"].get_absolute_url())
    assert "Als aankondiging plaatsen" in page.content.decode()


def test_composer_offers_no_announcement_if_ordinary_member(world, client_for):
    for url in (world.groups["open"].get_absolute_url(), "/", "/company/"):
        assert "Als aankondiging plaatsen" not in client_for(world.member).get(url).content.decode()


def test_composer_offers_announcement_on_company_page_if_leader(world, leader, client_for):
    assert "Als aankondiging plaatsen" in client_for(leader).get("/company/").content.decode()


def test_composer_offers_announcement_if_leader_in_groups_read_with_their_memberships(
    world, client_for
):
    services.leader_appoint(actor=world.site_admin, user=world.member)  # Bram is in groups
    with CaptureQueriesContext(connection) as queries:
        home = client_for(world.member).get("/").content.decode()
    assert "Als aankondiging plaatsen" in home
    on_its_own = [
        q["sql"]
        for q in queries.captured_queries
        if '"announcements_leader"' in q["sql"] and '"groups_membership"' not in q["sql"]
    ]
    assert on_its_own == []  # the role came with the memberships the page reads anyway
    services.leader_dismiss(actor=world.site_admin, user=world.member)
    assert "Als aankondiging plaatsen" not in client_for(world.member).get("/").content.decode()


def test_post_create_returns_403_message_and_keeps_text_if_crafted_by_member(world, client_for):
    before = Post.objects.count()
    response = client_for(world.member).post(
        "/posts/new/",
        {"body": "Iedereen moet dit lezen", "group": "company", "announcement": "on"},
        headers=HTMX,
    )
    body = response.content.decode()
    assert response.status_code == 403
    assert "Alleen leidinggevenden en de beheerders van de groep" in body
    assert "Iedereen moet dit lezen" in body
    assert Post.objects.count() == before


def test_post_create_makes_an_announcement_if_group_admin_posts_plain_form(world, client_for):
    group = world.groups["closed"]
    response = client_for(world.admin).post(
        "/posts/new/", {"body": "Verplichte training", "group": group.pk, "announcement": "on"}
    )
    assert response.status_code == 302
    post = Post.objects.get(body="Verplichte training")
    assert post.is_announcement and post.group == group


def test_group_page_pins_unread_announcement_with_must_read_if_member(world, announce, client_for):
    post = announce(world.admin, world.groups["closed"])
    body = client_for(world.member).get(world.groups["closed"].get_absolute_url()).content.decode()
    pinned = body[body.index('class="pinned"') : body.index('id="feed"')]
    assert f'id="pin-{post.pk}"' in pinned
    assert "Moet je lezen" in pinned and "Gelezen" in pinned


def test_mark_read_by_htmx_swaps_status_and_unpins(world, announce, client_for):
    post = announce(world.admin, world.groups["open"])
    client = client_for(world.member)
    response = client.post(f"/announcements/{post.pk}/read/", headers=HTMX)
    assert response.status_code == 200
    assert "Gelezen. Dank je!" in response.content.decode()
    assert f'id="pin-{post.pk}"' not in client.get("/").content.decode()


def test_mark_read_by_plain_form_goes_back_to_the_page(world, announce, client_for):
    post = announce(world.admin, world.groups["open"])
    response = client_for(world.member).post(
        f"/announcements/{post.pk}/read/", {"next": "/company/"}
    )
    assert response.status_code == 302 and response["Location"] == "/company/"
    assert AnnouncementRead.objects.filter(post=post, user=world.member).exists()


def test_mark_read_returns_404_if_post_is_no_announcement(world, client_for):
    response = client_for(world.member).post(f"/announcements/{world.posts['open'].pk}/read/")
    assert response.status_code == 404


def test_post_page_shows_read_count_to_author(world, announce, client_for):
    post = announce(world.admin, world.groups["secret"])
    client_for(world.member).post(f"/announcements/{post.pk}/read/")
    body = client_for(world.admin).get(post.get_absolute_url()).content.decode()
    assert "Gelezen door 1 van 1" in body
    assert f"/announcements/{post.pk}/reads/" in body


def test_post_page_shows_each_reader_their_own_state_from_one_cached_card(
    world, announce, client_for
):
    post = announce(world.admin, world.groups["open"])
    client_for(world.member).post(f"/announcements/{post.pk}/read/")
    read = client_for(world.member).get(post.get_absolute_url()).content.decode()
    unread = client_for(world.outsider).get(post.get_absolute_url()).content.decode()
    assert "Je hebt dit gelezen" in read and "Moet je lezen" not in read
    assert "Moet je lezen" in unread and "Je hebt dit gelezen" not in unread
    assert "Aankondiging" in read and "Aankondiging" in unread  # the shared card's badge


def test_reads_page_lists_who_read_and_who_not_yet_if_author(world, announce, client_for):
    post = announce(world.admin, world.groups["open"])
    client_for(world.member).post(f"/announcements/{post.pk}/read/")
    body = client_for(world.admin).get(f"/announcements/{post.pk}/reads/").content.decode()
    read_part, waiting_part = body.split("Gelezen (1)")[1], body.split("Gelezen (1)")[0]
    assert "Bram Jansen" in read_part
    assert "Nog niet gelezen (2)" in waiting_part
    assert "Carla Bakker" in waiting_part and "Sita Beheer" in waiting_part
    assert "Gijs" not in body  # a guest cannot read an open group's posts


def test_reads_page_returns_403_if_reader_is_not_author_or_admin(world, announce, client_for):
    post = announce(world.admin, world.groups["open"])
    response = client_for(world.member).get(f"/announcements/{post.pk}/reads/")
    assert response.status_code == 403
    assert "Alleen de schrijver en de beheerders" in response.content.decode()


def test_leaders_page_appoints_and_dismisses_if_site_admin(world, client_for):
    client = client_for(world.site_admin)
    assert client.post("/announcements/leaders/", {"username": "carla"}).status_code == 302
    assert Leader.objects.filter(user=world.outsider).exists()
    assert "Carla Bakker" in client.get("/announcements/leaders/").content.decode()
    client.post("/announcements/leaders/", {"username": "carla", "action": "dismiss"})
    assert not Leader.objects.exists()


def test_leaders_page_keeps_typed_name_and_explains_if_unknown(world, client_for):
    response = client_for(world.site_admin).post("/announcements/leaders/", {"username": "nobody"})
    body = response.content.decode()
    assert response.status_code == 400
    assert "Er is geen collega met die gebruikersnaam." in body and 'value="nobody"' in body


def test_leaders_page_returns_403_if_not_site_admin(world, client_for):
    assert client_for(world.admin).get("/announcements/leaders/").status_code == 403
    assert (
        client_for(world.admin).post("/announcements/leaders/", {"username": "bram"}).status_code
        == 403
    )
    assert not Leader.objects.exists()


def test_cached_card_gains_announcement_badge_if_post_becomes_announcement(world, client_for):
    post = world.posts["company"]
    client = client_for(world.outsider)
    assert "badge-announcement" not in client.get("/company/").content.decode()  # now cached
    services.leader_appoint(actor=world.site_admin, user=world.member)
    services.announcement_publish(actor=world.member, post=post)
    assert "badge-announcement" in client.get("/company/").content.decode()


def test_mark_read_by_htmx_keeps_the_count_if_site_admin(world, leader, announce, client_for):
    post = announce(leader, None)
    response = client_for(world.site_admin).post(f"/announcements/{post.pk}/read/", headers=HTMX)
    assert "Gelezen door 1 van" in response.content.decode()
