"""The reaction bar on the pages: htmx and plain form posts, who-reacted lists, freshness."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kring.groups import services as group_services
from kring.posts import services as post_services
from kring.posts.models import Post, Reply
from kring.reactions import services
from kring.reactions.models import Reaction

HTMX = {"HTTP_HX_REQUEST": "true"}


def bar_of(html: str, target: str, pk: int) -> str:
    """The reaction bar of one post or reply in a page ("" when the page has none)."""
    found = re.search(
        rf'<form class="reaction-bar" id="reactions-{target}-{pk}".*?</form>', html, re.S
    )
    return found.group(0) if found else ""


def pressed(bar: str, kind: str) -> bool:
    button = re.search(rf'<button[^>]*value="{kind}"[^>]*>', bar)
    assert button, f"no {kind} button in {bar!r}"
    return 'aria-pressed="true"' in button.group(0)


def count(bar: str, kind: str) -> int:
    found = re.search(
        rf'value="{kind}".*?(?:<span class="reaction-count">(\d+)</span>)?</button>', bar, re.S
    )
    return int(found.group(1) or 0) if found else 0


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_htmx_react_returns_the_bar_pressed_with_its_count(world, client_for):
    post = world.posts["company"]
    response = client_for(world.outsider).post(
        reverse("reactions:post_react", args=[post.pk]), {"kind": "thanks"}, **HTMX
    )
    assert response.status_code == 200
    bar = response.content.decode()
    assert pressed(bar, "thanks") and count(bar, "thanks") == 1
    assert not pressed(bar, "like")
    assert 'name="csrfmiddlewaretoken"' in bar


def test_plain_react_redirects_back_to_the_card_if_no_javascript(world, client_for):
    post = world.posts["company"]
    client = client_for(world.outsider)
    response = client.post(
        reverse("reactions:post_react", args=[post.pk]),
        {"kind": "like"},
        HTTP_REFERER="http://testserver/company/?x=1",
    )
    assert response.status_code == 302
    assert response["Location"] == f"http://testserver/company/?x=1#post-{post.pk}"
    assert Reaction.objects.filter(user=world.outsider, post=post, kind="like").exists()


def test_plain_react_does_not_redirect_elsewhere_if_referer_foreign(world, client_for):
    post = world.posts["company"]
    response = client_for(world.outsider).post(
        reverse("reactions:post_react", args=[post.pk]),
        {"kind": "like"},
        HTTP_REFERER="https://evil.example/",
    )
    assert response["Location"] == f"/posts/{post.pk}/#post-{post.pk}"


def test_feed_card_has_a_working_csrf_field_in_its_reaction_form(world, client_for):
    client = client_for(world.outsider)
    client.handler.enforce_csrf_checks = True
    html = _page(client, reverse("feeds:company"))
    post = world.posts["company"]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', bar_of(html, "post", post.pk))
    assert token
    response = client.post(
        reverse("reactions:post_react", args=[post.pk]),
        {"kind": "like", "csrfmiddlewaretoken": token.group(1)},
    )
    assert response.status_code == 302


def test_react_returns_404_if_post_unreadable_page_and_htmx(world, client_for):
    closed = world.posts["closed"]
    client = client_for(world.outsider)
    url = reverse("reactions:post_react", args=[closed.pk])
    assert client.post(url, {"kind": "like"}).status_code == 404
    htmx = client.post(url, {"kind": "like"}, **HTMX)
    assert htmx.status_code == 404
    assert "Geheime tekst" not in htmx.content.decode()
    assert not Reaction.objects.exists()


def test_react_returns_404_if_post_was_deleted(world, client_for):
    post = world.posts["company"]
    url = reverse("reactions:post_react", args=[post.pk])
    post_services.post_delete(actor=world.member, post=post)
    response = client_for(world.outsider).post(url, {"kind": "like"}, **HTMX)
    assert response.status_code == 404
    assert "Dit bericht is er niet (meer)." in response.content.decode()


def _removed_reply(world) -> Reply:
    post = world.posts["company"]
    reply = post_services.reply_create(actor=world.admin, post=post, body="Weg ermee")
    post_services.reply_create(actor=world.member, post=post, parent=reply, body="Antwoord")
    post_services.reply_delete(actor=world.admin, reply=reply)
    return reply


def test_react_returns_409_with_message_if_reply_removed(world, client_for):
    reply = _removed_reply(world)
    client = client_for(world.outsider)
    url = reverse("reactions:reply_react", args=[reply.pk])
    htmx = client.post(url, {"kind": "like"}, **HTMX)
    assert htmx.status_code == 409
    assert "Deze reactie is verwijderd" in htmx.content.decode()
    page = client.post(url, {"kind": "like"})
    assert page.status_code == 409
    assert "Deze reactie is verwijderd" in page.content.decode()
    assert not Reaction.objects.exists()


def test_feed_card_shows_new_and_removed_reactions_and_each_viewers_own(world, client_for):
    post = world.posts["company"]
    url = reverse("feeds:company")
    outsider, admin = client_for(world.outsider), client_for(world.admin)
    assert count(bar_of(_page(outsider, url), "post", post.pk), "like") == 0  # fills the cache
    services.reaction_toggle(actor=world.outsider, target=post, kind="like")
    mine = bar_of(_page(outsider, url), "post", post.pk)
    assert count(mine, "like") == 1 and pressed(mine, "like")
    theirs = bar_of(_page(admin, url), "post", post.pk)
    assert count(theirs, "like") == 1 and not pressed(theirs, "like")
    services.reaction_toggle(actor=world.outsider, target=post, kind="like")
    again = bar_of(_page(outsider, url), "post", post.pk)
    assert count(again, "like") == 0 and not pressed(again, "like")


def test_thread_reply_shows_new_and_removed_reactions_and_each_viewers_own(world, client_for):
    post = world.posts["company"]
    reply = post_services.reply_create(actor=world.admin, post=post, body="Goed idee")
    url = post.get_absolute_url()
    outsider, member = client_for(world.outsider), client_for(world.member)
    assert count(bar_of(_page(outsider, url), "reply", reply.pk), "celebrate") == 0
    services.reaction_toggle(actor=world.outsider, target=reply, kind="celebrate")
    mine = bar_of(_page(outsider, url), "reply", reply.pk)
    assert count(mine, "celebrate") == 1 and pressed(mine, "celebrate")
    theirs = bar_of(_page(member, url), "reply", reply.pk)
    assert count(theirs, "celebrate") == 1 and not pressed(theirs, "celebrate")
    services.reaction_toggle(actor=world.outsider, target=reply, kind="celebrate")
    assert count(bar_of(_page(outsider, url), "reply", reply.pk), "celebrate") == 0


def test_removed_reply_shows_no_reaction_bar(world, client_for):
    reply = _removed_reply(world)
    html = _page(client_for(world.outsider), reply.post.get_absolute_url())
    assert bar_of(html, "reply", reply.pk) == ""


def _posts_with_reactions(world, how_many: int) -> None:
    for number in range(how_many):
        post = post_services.post_create(actor=world.member, group=None, body=f"Bericht {number}")
        services.reaction_toggle(actor=world.outsider, target=post, kind="like")
        services.reaction_toggle(actor=world.admin, target=post, kind="thanks")


def _queries(client, url: str) -> int:
    client.get(url)  # the header's counts are kept after the first visit (warm, as in use)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_feed_page_queries_do_not_grow_with_reacted_posts(world, client_for):
    client = client_for(world.outsider)
    _posts_with_reactions(world, 2)
    few = _queries(client, reverse("feeds:company"))
    _posts_with_reactions(world, 12)
    assert _queries(client, reverse("feeds:company")) == few


def test_thread_page_queries_do_not_grow_with_reacted_replies(world, client_for):
    post = world.posts["company"]
    client = client_for(world.outsider)

    def add(how_many: int) -> None:
        for number in range(how_many):
            reply = post_services.reply_create(actor=world.admin, post=post, body=f"R {number}")
            services.reaction_toggle(actor=world.outsider, target=reply, kind="like")

    add(2)
    few = _queries(client, post.get_absolute_url())
    add(12)
    assert _queries(client, post.get_absolute_url()) == few


def test_thread_page_shows_own_reactions_on_post_and_replies_from_one_query(world, client_for):
    post = world.posts["company"]
    first = post_services.reply_create(actor=world.admin, post=post, body="Eerste")
    second = post_services.reply_create(actor=world.admin, post=post, body="Tweede")
    services.reaction_toggle(actor=world.outsider, target=post, kind="thanks")
    services.reaction_toggle(actor=world.outsider, target=second, kind="like")
    services.reaction_toggle(actor=world.member, target=first, kind="celebrate")  # not theirs
    client = client_for(world.outsider)
    html = _page(client, post.get_absolute_url())
    assert pressed(bar_of(html, "post", post.pk), "thanks")
    assert pressed(bar_of(html, "reply", second.pk), "like")
    first_bar = bar_of(html, "reply", first.pk)
    assert count(first_bar, "celebrate") == 1 and not pressed(first_bar, "celebrate")
    with CaptureQueriesContext(connection) as queries:
        client.get(post.get_absolute_url())
    own = [q["sql"] for q in queries if 'FROM "reactions_reaction"' in q["sql"]]
    assert len(own) == 1


def test_who_reacted_lists_only_people_the_viewer_may_see(world, client_for):
    post = world.posts["open"]
    group_services.membership_add(actor=world.admin, group=world.groups["open"], user=world.guest)
    services.reaction_toggle(actor=world.admin, target=post, kind="like")  # in the open group
    services.reaction_toggle(actor=world.outsider, target=post, kind="thanks")  # in no group
    url = reverse("reactions:post_reactors", args=[post.pk])
    as_guest = _page(client_for(world.guest), url)
    assert "Anna de Vries" in as_guest and "Carla Bakker" not in as_guest
    as_employee = _page(client_for(world.site_admin), url)
    assert "Anna de Vries" in as_employee and "Carla Bakker" in as_employee
    only_thanks = _page(client_for(world.site_admin), url + "?kind=thanks")
    assert "Anna de Vries" not in only_thanks and "Carla Bakker" in only_thanks


def test_who_reacted_returns_404_if_post_unreadable(world, client_for):
    closed = world.posts["closed"]
    services.reaction_toggle(actor=world.member, target=closed, kind="like")
    client = client_for(world.outsider)
    assert client.get(reverse("reactions:post_reactors", args=[closed.pk])).status_code == 404
    reply = post_services.reply_create(actor=world.member, post=closed, body="Intern")
    assert client.get(reverse("reactions:reply_reactors", args=[reply.pk])).status_code == 404


def test_who_reacted_pages_through_long_lists(world, client_for, make_user):
    post = world.posts["company"]
    for number in range(55):
        person = make_user(f"collega{number:02d}", first_name="Collega", last_name=f"{number:02d}")
        services.reaction_toggle(actor=person, target=post, kind="like")
    url = reverse("reactions:post_reactors", args=[post.pk])
    first = _page(client_for(world.admin), url)
    assert first.count('class="reactor-kind"') == 50 and 'rel="next"' in first
    second = _page(client_for(world.admin), url + "?page=2")
    assert second.count('class="reactor-kind"') == 5 and 'rel="prev"' in second


def test_reply_reactors_page_lists_reply_reactions(world, client_for):
    reply = post_services.reply_create(actor=world.admin, post=world.posts["company"], body="Top")
    services.reaction_toggle(actor=world.outsider, target=reply, kind="insightful")
    html = _page(client_for(world.member), reverse("reactions:reply_reactors", args=[reply.pk]))
    assert "Carla Bakker" in html


def test_post_detail_card_shows_counts_to_a_reader_who_may_not_react(world, client_for):
    post = world.posts["company"]
    services.reaction_toggle(actor=world.outsider, target=post, kind="like")
    assert Post.objects.get(pk=post.pk).like_count == 1


def test_bars_that_look_alike_keep_their_own_reply_and_form_if_rendered_once(world, client_for):
    post = world.posts["company"]
    first, second = (
        post_services.reply_create(actor=world.admin, post=post, body=f"Antwoord {n}")
        for n in (1, 2)
    )
    page = _page(client_for(world.outsider), post.get_absolute_url())
    for reply in (first, second):
        bar = bar_of(page, "reply", reply.pk)
        assert reverse("reactions:reply_react", args=[reply.pk]) in bar
        assert f'id="react-reply-{reply.pk}-like"' in bar
        assert 'name="csrfmiddlewaretoken"' in bar
    assert "987654321098765" not in page


def test_bar_rendered_once_shows_pressed_only_to_who_pressed_it(world, client_for):
    post = world.posts["company"]
    reply = post_services.reply_create(actor=world.admin, post=post, body="Antwoord")
    services.reaction_toggle(actor=world.member, target=reply, kind="like")
    other = post_services.reply_create(actor=world.admin, post=post, body="Nog een")
    services.reaction_toggle(actor=world.outsider, target=other, kind="like")
    # Same counts on both replies: one look for those who pressed nothing, one for who did.
    member_page = _page(client_for(world.member), post.get_absolute_url())
    outsider_page = _page(client_for(world.outsider), post.get_absolute_url())
    assert pressed(bar_of(member_page, "reply", reply.pk), "like")
    assert not pressed(bar_of(member_page, "reply", other.pk), "like")
    assert pressed(bar_of(outsider_page, "reply", other.pk), "like")
    assert not pressed(bar_of(outsider_page, "reply", reply.pk), "like")
