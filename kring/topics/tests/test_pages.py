"""The topic page, merging from the page, and the @mention autocomplete."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from kring.follows.models import Follow
from kring.posts import services as post_services
from kring.topics.models import Topic


def _tag_everywhere(world, body: str) -> None:
    for visibility, group in world.groups.items():
        post_services.post_create(
            actor=world.member, group=group, body=f"{body} {visibility}-tekst"
        )
    post_services.post_create(actor=world.member, group=None, body=f"{body} bedrijf-tekst")


def test_topic_page_lists_readable_posts_only_if_outsider(world, client_for):
    _tag_everywhere(world, "#inkoop")
    page = client_for(world.outsider).get("/topics/inkoop/").content.decode()
    assert "open-tekst" in page and "bedrijf-tekst" in page
    assert "closed-tekst" not in page and "secret-tekst" not in page
    assert "2 berichten die je kunt lezen" in page


def test_topic_page_counts_every_post_if_member(world, client_for):
    _tag_everywhere(world, "#inkoop")
    page = client_for(world.member).get("/topics/inkoop/").content.decode()
    assert "secret-tekst" in page and "4 berichten die je kunt lezen" in page


def test_topic_page_is_empty_if_topic_only_used_where_viewer_cannot_read(world, client_for):
    post_services.post_create(actor=world.member, group=world.groups["secret"], body="#geheim x")
    hidden = client_for(world.outsider).get("/topics/geheim/")
    unused = client_for(world.outsider).get("/topics/nooitgebruikt/")
    assert hidden.status_code == unused.status_code == 200
    assert "0 berichten die je kunt lezen" in hidden.content.decode()
    assert "0 berichten die je kunt lezen" in unused.content.decode()


def test_topic_page_lists_post_if_a_reply_uses_the_topic(world, client_for):
    post_services.reply_create(actor=world.outsider, post=world.posts["company"], body="#inkoop!")
    page = client_for(world.outsider).get("/topics/inkoop/").content.decode()
    assert "Tekst voor iedereen" in page


def test_topic_page_redirects_if_written_in_other_case(world, client_for):
    post_services.post_create(actor=world.member, group=None, body="#Inkoop")
    response = client_for(world.outsider).get("/topics/Inkoop/")
    assert response.status_code == 302 and response["Location"] == "/topics/inkoop/"


def test_topic_page_fails_if_key_is_no_hashtag(world, client_for):
    assert client_for(world.outsider).get("/topics/12/").status_code == 404
    assert client_for(world.outsider).get("/topics/a%20b/").status_code == 404


def test_topic_page_fails_if_anonymous(world, client_for):
    response = client_for(None).get("/topics/inkoop/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_topic_merge_page_moves_topic_if_site_admin(world, client_for):
    post_services.post_create(actor=world.member, group=None, body="#inkopen #inkoop")
    client = client_for(world.site_admin)
    response = client.post("/topics/inkopen/merge/", {"target": "#Inkoop"})
    assert response.status_code == 302 and response["Location"] == "/topics/inkoop/"
    moved = client_for(world.outsider).get("/topics/inkopen/")
    assert moved.status_code == 302 and moved["Location"] == "/topics/inkoop/"


def test_topic_merge_page_fails_if_not_site_admin(world, client_for):
    post_services.post_create(actor=world.member, group=None, body="#inkopen #inkoop")
    response = client_for(world.admin).post("/topics/inkopen/merge/", {"target": "inkoop"})
    assert response.status_code == 404
    assert not Topic.objects.filter(merged_into__isnull=False).exists()


def test_topic_merge_page_keeps_input_if_target_unknown(world, client_for):
    post_services.post_create(actor=world.member, group=None, body="#inkopen")
    response = client_for(world.site_admin).post("/topics/inkopen/merge/", {"target": "onbekend"})
    assert response.status_code == 400
    assert 'value="onbekend"' in response.content.decode()


def _queries_for_topic_page(client) -> int:
    client.get("/topics/inkoop/")  # warm: the header's counts are kept after a first visit
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/topics/inkoop/").status_code == 200
    return len(queries)


def test_topic_page_query_count_does_not_grow_with_posts(world, client_for):
    client = client_for(world.outsider)
    _tag_everywhere(world, "#inkoop")
    Follow.objects.create(follower=world.outsider, topic=Topic.objects.get(key="inkoop"))
    few = _queries_for_topic_page(client)
    for round_ in range(5):
        _tag_everywhere(world, f"#inkoop ronde{round_}")
    post_services.post_create(actor=world.admin, group=None, body="#inkoop van een ander")
    assert _queries_for_topic_page(client) == few


def test_autocomplete_lists_visible_people_only_if_guest(world, client_for):
    from kring.groups import services as group_services

    group_services.membership_add(actor=world.admin, group=world.groups["open"], user=world.guest)
    page = client_for(world.guest).get("/people/autocomplete/?q=b").content.decode()
    assert "@bram" in page
    page = client_for(world.guest).get("/people/autocomplete/?q=c").content.decode()
    assert "@carla" not in page  # an employee in none of the guest's groups


def test_autocomplete_lists_people_and_postable_groups_if_employee(world, client_for):
    page = client_for(world.member).get("/people/autocomplete/?q=car").content.decode()
    assert "@carla" in page
    secret = world.groups["secret"]
    assert (
        f"@{secret.slug}"
        in client_for(world.member).get(f"/people/autocomplete/?q={secret.slug}").content.decode()
    )
    assert (
        f"@{secret.slug}"
        not in client_for(world.outsider)
        .get(f"/people/autocomplete/?q={secret.slug}")
        .content.decode()
    )


def test_autocomplete_returns_at_most_eight(world, client_for, make_user):
    for number in range(12):
        make_user(f"kees{number}")
    page = client_for(world.member).get("/people/autocomplete/?q=kees").content.decode()
    assert page.count('role="option"') == 8
