"""The "Voor jou" tab of the home feed: ranked, with a reason, bounded in queries."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kring.feeds.foryou import feed_for_you
from kring.feeds.kept import for_you_forget
from kring.follows.models import Follow
from kring.follows.services import follow_add
from kring.groups import services as group_services
from kring.groups.models import Membership
from kring.people.models import Department
from kring.posts import services
from kring.posts.models import Post
from kring.reactions.services import reaction_set
from kring.topics.models import Topic


def _age(post: Post, hours: float) -> None:
    """Make `post` look `hours` old (its last activity too)."""
    moment = timezone.now() - timedelta(hours=hours)
    Post.objects.filter(pk=post.pk).update(created_at=moment, last_activity_at=moment)


def _home(client, query: str = "") -> str:
    response = client.get(reverse("feeds:home") + query)
    assert response.status_code == 200
    return response.content.decode()


def test_for_you_returns_followed_topic_first_with_reason_if_older(world, client_for):
    tagged = services.post_create(actor=world.admin, group=None, body="Nieuwe regels #inkoop")
    _age(tagged, 20)
    for i in range(5):
        services.post_create(actor=world.admin, group=None, body=f"Vers nieuws {i}")
    follow_add(actor=world.outsider, target=Topic.objects.get(key="inkoop"))
    ranked = feed_for_you(world.outsider)
    assert ranked.page.items[0] == tagged
    body = _home(client_for(world.outsider))
    assert 'aria-current="page">Voor jou' in body
    first_reason = re.search(r'class="feed-reason" id="reason-(\d+)">([^<]*)<', body)
    assert first_reason.groups() == (str(tagged.pk), "Omdat je #inkoop volgt")
    assert body.index(f'id="reason-{tagged.pk}"') < body.index(f'id="post-{tagged.pk}"')


def test_for_you_returns_followed_person_reason_if_colleague_followed(world):
    post = services.post_create(actor=world.admin, group=None, body="Van Anna")
    follow_add(actor=world.outsider, target=world.admin)
    assert feed_for_you(world.outsider).reasons[post.pk] == "Omdat je Anna de Vries volgt"


def test_for_you_returns_announcement_reason_if_announced(world):
    post = services.post_create(actor=world.admin, group=None, body="Let op")
    Post.objects.filter(pk=post.pk).update(is_announcement=True)
    ranked = feed_for_you(world.outsider)
    assert ranked.page.items[0].pk == post.pk
    assert ranked.reasons[post.pk] == "Aankondiging"


def test_for_you_returns_took_part_reason_if_viewer_replied(world):
    post = services.post_create(actor=world.admin, group=None, body="Wie weet dit?")
    services.reply_create(actor=world.outsider, post=post, body="Ik!")
    assert feed_for_you(world.outsider).reasons[post.pk] == "Je reageerde hierop"


def test_for_you_returns_followed_group_reason_if_group_followed_not_joined(world):
    post = services.post_create(actor=world.member, group=world.groups["open"], body="Open dag")
    follow_add(actor=world.outsider, target=world.groups["open"])
    assert feed_for_you(world.outsider).reasons[post.pk] == "Omdat je Groep open volgt"


def test_for_you_returns_interaction_reason_if_viewer_often_talks_with_the_author(world):
    for i in range(4):
        earlier = services.post_create(actor=world.admin, group=None, body=f"Vraag {i}")
        services.reply_create(actor=world.outsider, post=earlier, body="Antwoord")
    post = services.post_create(actor=world.admin, group=None, body="Nog een vraag")
    assert feed_for_you(world.outsider).reasons[post.pk] == "Je praat vaak met Anna de Vries"


def test_for_you_returns_popular_department_reason_if_busy_elsewhere(world, make_user):
    finance = Department.objects.create(name="Financiën", slug="financien")
    world.outsider.department = finance
    world.outsider.save(update_fields=["department"])
    post = services.post_create(actor=world.member, group=None, body="Begroting?")
    for i in range(5):
        fan = make_user(f"fan{i}")
        reaction_set(actor=fan, target=post, kind="like", on=True)
    assert feed_for_you(world.outsider).reasons[post.pk] == "Populair bij Burgerzaken"


def test_for_you_returns_no_person_reason_if_author_no_longer_visible(world, make_user):
    group = world.groups["closed"]
    group_services.membership_add(actor=world.admin, group=group, user=world.guest)
    author = make_user("petra")
    group_services.membership_add(actor=world.admin, group=group, user=author)
    post = services.post_create(actor=author, group=group, body="Van Petra")
    for i in range(4):
        services.reply_create(actor=world.guest, post=post, body=f"Dank {i}")
    Follow.objects.create(follower=world.guest, person=author)
    assert "Petra" in feed_for_you(world.guest).reasons[post.pk]
    group_services.membership_remove(actor=world.admin, group=group, user=author)
    reasons = feed_for_you(world.guest).reasons
    assert "Petra" not in reasons.get(post.pk, "")


def test_for_you_returns_no_invisible_post_if_following_its_topic_and_group(world):
    hidden = services.post_create(
        actor=world.member, group=world.groups["secret"], body="Geheim #inkoop"
    )
    Follow.objects.create(follower=world.outsider, group=world.groups["secret"])
    Follow.objects.create(follower=world.outsider, topic=Topic.objects.get(key="inkoop"))
    Follow.objects.create(follower=world.outsider, person=world.member)
    ranked = feed_for_you(world.outsider)
    shown = {p.pk for p in ranked.page.items}
    assert hidden.pk not in shown and world.posts["closed"].pk not in shown
    assert world.posts["company"].pk in shown


def test_for_you_paginates_every_candidate_once_if_followed_through(world, client_for):
    for i in range(45):
        services.post_create(actor=world.admin, group=None, body=f"Bericht {i}")
    seen, cursor = [], None
    while True:
        page = feed_for_you(world.outsider, cursor=cursor).page
        seen.extend(p.pk for p in page.items)
        if not page.next_cursor:
            break
        cursor = page.next_cursor
    visible = Post.objects.exclude(group__visibility__in=["closed", "secret"])
    assert sorted(seen) == sorted(visible.values_list("pk", flat=True))


def test_for_you_load_more_returns_fragment_if_htmx(world, client_for):
    for i in range(25):
        services.post_create(actor=world.admin, group=None, body=f"Bulk {i}")
    client = client_for(world.outsider)
    first = _home(client)
    more_url = re.search(r'hx-get="([^"]+)"', first.split('id="load-more"')[1]).group(1)
    more = client.get(more_url.replace("&amp;", "&"), HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in more and 'class="card post"' in more


def test_newest_tab_returns_newest_first_without_reasons(world, client_for):
    follow_add(actor=world.outsider, target=world.admin)
    services.post_create(actor=world.admin, group=None, body="Van Anna")
    body = _home(client_for(world.outsider), "?tab=newest")
    assert 'aria-current="page">Nieuwste' in body
    assert "feed-reason" not in body


def test_unknown_tab_returns_for_you(world, client_for):
    assert 'aria-current="page">Voor jou' in _home(client_for(world.outsider), "?tab=<x>")


def _queries_for_you(client) -> int:
    with CaptureQueriesContext(connection) as context:
        _home(client)
    return len(context.captured_queries)


def _busy_world(world, make_user, posts: int) -> None:
    """Follows, ties, tags, reactions and announcements: every input of the ranking in use."""
    colleague = make_user("petra", department=Department.objects.create(name="ICT", slug="ict"))
    follow_add(actor=world.member, target=world.admin)
    follow_add(actor=world.member, target=world.groups["open"])
    group_services.membership_add(actor=world.admin, group=world.groups["open"], user=colleague)
    for i in range(posts):
        group = [None, world.groups["open"], world.groups["secret"]][i % 3]
        author = [world.outsider, colleague, world.admin][i % 3]
        post = services.post_create(actor=author, group=group, body=f"Bericht {i} #thema{i % 4}")
        if i % 5 == 0:
            services.reply_create(actor=world.member, post=post, body="Goed punt")
        if i % 7 == 0:
            reaction_set(actor=world.member, target=post, kind="thanks", on=True)
        if i % 11 == 0:
            Post.objects.filter(pk=post.pk).update(is_announcement=True)
    follow_add(actor=world.member, target=Topic.objects.get(key="thema1"))


@pytest.mark.parametrize("posts", [30, 300])
def test_for_you_query_count_returns_same_if_30_or_300_posts(world, client_for, make_user, posts):
    _busy_world(world, make_user, posts)
    client = client_for(world.member)
    _home(client)  # warm the per-process caches
    for_you_forget([world.member.pk])
    assert _queries_for_you(client) == EXPECTED_QUERIES  # ranked afresh
    assert _queries_for_you(client) == EXPECTED_QUERIES_KEPT  # the kept ranking


# Ranked afresh: session, user; follows, three ties, the newest post's id (are the
# process's shared candidates still current?) and the newest posts of the viewer's
# closed and secret groups, the followed topics' newest post ids and their rows, the
# followed people's and groups' newest rows, the followed topics among the candidates;
# the page's posts, named people, topic names; the viewer's groups with their roles and
# whether they are a leader (the layout, the composer and the access checks, one query); the
# reader's reactions and polls of the cards. No query for pinned announcements (none is
# pinned, and the site-wide list of pinned ids is kept) nor for praise (no praise post).
EXPECTED_QUERIES = 18
# The same page a moment later: the ranking is kept (kring/feeds/kept.py), the rest is
# the page's posts and what the cards and the layout need.
EXPECTED_QUERIES_KEPT = 7


def test_for_you_returns_newest_id_if_newest_post_is_not_on_the_page(world, client_for):
    follow_add(actor=world.outsider, target=world.admin)
    followed = services.post_create(actor=world.admin, group=None, body="Van Anna")
    _age(followed, 2)
    newest = services.post_create(actor=world.member, group=None, body="Net geplaatst")
    ranked = feed_for_you(world.outsider, per_page=1)
    assert ranked.page.items == [followed]
    assert ranked.newest_id == newest.pk
    body = _home(client_for(world.outsider), "?tab=foryou")
    assert f'data-live-after="{newest.pk}"' in body


def test_for_you_returns_followed_post_if_older_than_the_newest_candidates(world):
    from kring.feeds.foryou import CANDIDATES

    tagged = services.post_create(actor=world.admin, group=None, body="Oud maar #inkoop")
    _age(tagged, 30)
    follow_add(actor=world.outsider, target=Topic.objects.get(key="inkoop"))
    now = timezone.now()
    Post.objects.bulk_create(
        Post(author=world.member, body=f"Vulsel {i}", body_html=f"<p>Vulsel {i}</p>",
             created_at=now - timedelta(minutes=i), last_activity_at=now - timedelta(minutes=i))
        for i in range(CANDIDATES + 10)
    )  # fmt: skip
    ranked = feed_for_you(world.outsider)
    assert ranked.page.items[0] == tagged
    assert ranked.reasons[tagged.pk] == "Omdat je #inkoop volgt"


def test_for_you_returns_a_followed_topic_first_if_followed_after_the_ranking_was_kept(
    world, client_for
):
    client = client_for(world.outsider)
    tagged = services.post_create(actor=world.admin, group=None, body="Over #inkoop")
    _age(tagged, 3)
    for number in range(3):
        services.post_create(actor=world.member, group=None, body=f"Nieuw {number}")
    _home(client)  # ranked and kept without the follow
    follow_add(actor=world.outsider, target=Topic.objects.get(key="inkoop"))
    body = _home(client)
    assert body.index(f'id="post-{tagged.pk}"') < body.index("Nieuw 2")


def test_for_you_shows_no_longer_visible_post_if_kept_ranking_names_it(world, client_for):
    client = client_for(world.member)
    secret = services.post_create(actor=world.admin, group=world.groups["secret"], body="Geheim")
    assert f'id="post-{secret.pk}"' in _home(client)  # ranked and kept while a member
    Membership.objects.filter(user=world.member, group=world.groups["secret"]).delete()
    # Left without the service (so nothing dropped the kept ranking): the id is checked.
    assert f'id="post-{secret.pk}"' not in _home(client)


def test_for_you_keeps_followed_persons_readable_posts_if_they_write_much_in_a_secret_group(
    world, client_for
):
    from kring.feeds import foryou

    follow_add(actor=world.outsider, target=world.admin)
    readable = services.post_create(actor=world.admin, group=None, body="Voor iedereen")
    _age(readable, 24 * 40)  # older than the newest-candidates window
    for number in range(foryou.FOLLOWED_CANDIDATES + 5):
        services.post_create(actor=world.admin, group=world.groups["secret"], body=f"G {number}")
    for number in range(foryou.CANDIDATES + 5):
        services.post_create(actor=world.member, group=world.groups["open"], body=f"N {number}")
    ids = {inputs.post_id for inputs in foryou.rank_inputs_for(world.outsider, timezone.now())}
    assert readable.pk in ids


@pytest.mark.parametrize("candidates", [2, 3, 400])
def test_for_you_candidates_are_each_employees_newest_if_shared_between_them(
    world, monkeypatch, candidates
):
    """Shared newest posts plus the viewer's closed and secret groups' newer ones: exactly
    the newest posts the viewer reads, whatever the number kept."""
    from kring import access
    from kring.feeds import foryou

    monkeypatch.setattr(foryou, "CANDIDATES", candidates)
    for hours, post in zip((30, 3, 20, 0.5), world.posts.values(), strict=True):
        _age(post, hours)  # open 30 h, closed 3 h, secret 20 h, company 0.5 h
    for hours in (10, 5, 1):
        _age(services.post_create(actor=world.admin, group=None, body=f"{hours} uur"), hours)
    secret_new = services.post_create(actor=world.member, group=world.groups["secret"], body="Nu")
    for viewer in (world.admin, world.member, world.outsider, world.site_admin):
        expected = access.visible(viewer, Post.objects.all()).order_by("-last_activity_at", "-id")
        expected = list(expected.values_list(*foryou._FIELDS)[:candidates])
        assert foryou._newest_for_employee(viewer) == expected, viewer
    assert foryou._newest_for_employee(world.member)[0][0] == secret_new.pk
    assert secret_new.pk not in [row[0] for row in foryou._newest_for_employee(world.outsider)]


def test_for_you_ranks_a_post_written_after_the_shared_candidates_were_read(world):
    feed_for_you(world.outsider)  # the process reads the shared candidates
    fresh = services.post_create(actor=world.admin, group=None, body="Net geschreven")
    for_you_forget([world.outsider.pk])
    assert fresh in feed_for_you(world.outsider).page.items


def test_home_asks_for_newer_posts_at_once_if_its_ranking_was_kept(
    world, client_for, django_capture_on_commit_callbacks
):
    """A ranking is kept five minutes: a page from it has live.js ask what came since."""
    services.post_create(actor=world.admin, group=None, body="Eerste bericht")
    client = client_for(world.member)
    first = _home(client, "")
    assert "data-live-catch-up" not in first  # ranked now: nothing to ask
    assert "{#" not in first and "live.js shows" not in first  # no template comment leaks
    later = services.post_create(actor=world.admin, group=None, body="Net geplaatst")
    body = _home(client, "")
    assert "data-live-catch-up" in body  # the kept ranking, which does not know `later`
    assert "Net geplaatst" not in body
    # The "new posts" bar reloads the feed with htmx: ranked afresh, `later` is there.
    fresh = client.get("/?tab=foryou", headers={"HX-Request": "true", "HX-Target": "feed"})
    assert f'id="post-{later.pk}"' in fresh.content.decode()
    # Writing puts one's own post first in the kept ranking: it shows on the next visit.
    with django_capture_on_commit_callbacks(execute=True):
        mine = services.post_create(actor=world.member, group=None, body="Van mij")
    body = _home(client, "")
    assert f'id="post-{mine.pk}"' in body


def _card_ids(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'<article class="card post" id="post-(\d+)"', html)]


def test_own_new_post_heads_the_kept_ranking_and_the_rest_keeps_its_order(
    world, client_for, django_capture_on_commit_callbacks
):
    for hours, post in zip((30, 3, 20, 0.5), world.posts.values(), strict=True):
        _age(post, hours)
    client = client_for(world.member)
    before = _card_ids(_home(client))
    assert len(before) >= 3
    others = services.post_create(actor=world.admin, group=None, body="Tussendoor")
    with django_capture_on_commit_callbacks(execute=True):
        mine = services.post_create(actor=world.member, group=world.groups["open"], body="V")
    body = _home(client)
    after = _card_ids(body)
    assert after[0] == mine.pk
    assert after[1:] == before[: len(after) - 1]  # not ranked again: the same order
    # What others posted meanwhile is not in the kept ranking: the page asks for it
    # (live.js) and the "new posts" bar offers it.
    assert others.pk not in after
    assert "data-live-catch-up" in body
    news = client.get(reverse("feeds:news"), {"space": "home", "after": before and max(before)})
    assert others.pk in news.json()["post_ids"]


def test_forgetting_a_ranking_also_forgets_the_own_posts_remembered_for_it(
    world, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    from kring.feeds.kept import mine_key, ranking_key

    feed_for_you(world.member)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_create(actor=world.member, group=None, body="Een")
    assert cache.get(mine_key(world.member.pk))
    for_you_forget([world.member.pk])
    assert cache.get(ranking_key(world.member.pk)) is None
    assert cache.get(mine_key(world.member.pk)) is None


def test_posting_twice_puts_each_own_post_first_once(
    world, client_for, django_capture_on_commit_callbacks
):
    client = client_for(world.member)
    _home(client)
    with django_capture_on_commit_callbacks(execute=True):
        first = services.post_create(actor=world.member, group=None, body="Een")
    with django_capture_on_commit_callbacks(execute=True):
        second = services.post_create(actor=world.member, group=None, body="Twee")
    after = _card_ids(_home(client))
    assert after[:2] == [second.pk, first.pk]
    assert len(after) == len(set(after))


def test_own_post_deleted_soon_after_leaves_no_gap_in_the_kept_ranking(
    world, django_capture_on_commit_callbacks
):
    """Its place at the head of the kept ranking goes with it: a page keeps its cards."""
    for hours, post in zip((30, 3, 20, 0.5), world.posts.values(), strict=True):
        _age(post, hours)
    before = feed_for_you(world.member, per_page=2, kept=True).page.items
    assert len(before) == 2
    with django_capture_on_commit_callbacks(execute=True):
        mine = services.post_create(actor=world.member, group=None, body="Toch niet")
    with django_capture_on_commit_callbacks(execute=True):
        services.post_delete(actor=world.member, post=mine)
    assert feed_for_you(world.member, per_page=2, kept=True).page.items == before


def test_followed_people_candidates_carry_their_authors_department(world):
    """Followed people's posts are read without joining their authors; the department the
    ranking needs ("Populair bij …") comes with the follows and must be the author's."""
    from kring import access
    from kring.feeds import foryou
    from kring.follows.selectors import followed_with_departments_of

    finance = Department.objects.create(name="Financiën", slug="financien")
    world.admin.department = finance
    world.admin.save(update_fields=["department"])
    for body in ("Begroting", "Kwartaal"):
        services.post_create(actor=world.admin, group=None, body=body)
    services.post_create(actor=world.member, group=None, body="Van Burgerzaken")
    follow_add(actor=world.outsider, target=world.admin)
    follow_add(actor=world.outsider, target=world.member)

    people, groups, topics = followed_with_departments_of(world.outsider)
    assert people == {world.admin.pk: finance.pk, world.member.pk: world.member.department_id}
    rows = foryou._followed_rows(world.outsider, people, groups, topics, timezone.now())
    joined = access.visible(world.outsider, Post.objects.filter(author_id__in=people))
    assert sorted(rows) == sorted(joined.values_list(*foryou._FIELDS))
    assert {row[-1] for row in rows} == {finance.pk, world.member.department_id}
