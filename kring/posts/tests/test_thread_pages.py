"""The thread page: 50 replies at a time in reading order, one reply form, whatever the length."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kring.people.models import User
from kring.posts import services
from kring.posts.models import Reply
from kring.posts.selectors import PAGE_SIZE

REPLY_ID = re.compile(r'<li class="reply[^"]*" id="reply-(\d+)"')
MORE_LINK = re.compile(r'<div class="load-more" id="replies-more">\s*<a [^>]*href="([^"]+)"')


def thread_of(post, people, count: int) -> list[Reply]:
    """`count` replies: every third answers the reply before it, every fifth the one before that."""
    replies: list[Reply] = []
    for n in range(count):
        parent = None
        if n % 3 == 2:
            parent = replies[-1]
        elif n % 5 == 4 and len(replies) > 1:
            parent = replies[-2]
        author = people[n % len(people)]
        replies.append(
            services.reply_create(actor=author, post=post, parent=parent, body=f"Reactie {n}")
        )
    return replies


def reading_order(replies: list[Reply]) -> list[int]:
    """Depth first, oldest first at every level, worked out from the parents alone."""
    children: dict[int | None, list[int]] = {}
    for reply in sorted(replies, key=lambda r: (r.created_at, r.pk)):
        children.setdefault(reply.parent_id, []).append(reply.pk)
    order: list[int] = []

    def walk(parent_id: int | None) -> None:
        for pk in children.get(parent_id, []):
            order.append(pk)
            walk(pk)

    walk(None)
    return order


def shown(page: str) -> list[int]:
    return [int(pk) for pk in REPLY_ID.findall(page)]


def more_href(page: str) -> str | None:
    found = MORE_LINK.search(page)
    return found.group(1).replace("&amp;", "&") if found else None


@pytest.fixture
def long_thread(world):
    post = world.posts["company"]
    people = [world.member, world.outsider, world.admin]
    return post, thread_of(post, people, 130)


def test_post_detail_returns_answer_right_after_what_it_answers_if_nested(world, client_for):
    post = world.posts["closed"]
    first = services.reply_create(actor=world.admin, post=post, body="Eerste niveau")
    second = services.reply_create(actor=world.member, post=post, body="Ander onderwerp")
    answer = services.reply_create(actor=world.member, post=post, parent=first, body="Daarop")

    page = client_for(world.member).get(post.get_absolute_url()).content.decode()

    assert shown(page) == [first.pk, answer.pk, second.pk]
    assert page.count('<ol class="replies thread-replies" id="reply-list">') == 1
    assert f'class="reply depth-2" id="reply-{answer.pk}"' in page
    assert f'class="reply depth-1" id="reply-{first.pk}"' in page
    nested = page[page.index(f'id="reply-{answer.pk}"') : page.index("Daarop")]
    assert "antwoord op Anna de Vries" in nested  # screen readers hear whom it answers


def test_post_detail_returns_same_query_count_if_thread_has_5_60_or_200_replies(world, client_for):
    post = world.posts["open"]
    people = [world.member, world.outsider, world.admin]
    client = client_for(world.outsider)
    counts = {}
    for count in (5, 60, 200):
        thread_of(post, people, count - Reply.objects.filter(post=post).count())
        client.get(post.get_absolute_url())  # the same warm session and caches each time
        with CaptureQueriesContext(connection) as queries:
            response = client.get(post.get_absolute_url())
        assert response.status_code == 200
        assert len(shown(response.content.decode())) == min(count, PAGE_SIZE)
        counts[count] = len(queries)
    assert counts[5] == counts[60] == counts[200], counts


def test_post_detail_next_pages_continue_where_the_page_before_ended(
    long_thread, client_for, world
):
    post, replies = long_thread
    client = client_for(world.outsider)
    seen: list[int] = []
    url = post.get_absolute_url()
    pages = 0
    while url:
        page = client.get(url).content.decode()
        pages += 1
        seen += shown(page)
        url = more_href(page)
        if url:
            assert "Eerdere reacties" not in page or pages > 1
    assert pages == 3
    assert seen == reading_order(replies)  # none twice, none missing, nesting kept


def test_post_detail_returns_next_replies_for_htmx_load_more(long_thread, client_for, world):
    post, replies = long_thread
    client = client_for(world.outsider)
    first = client.get(post.get_absolute_url()).content.decode()
    headers = {"HX-Request": "true", "HX-Target": "replies-more"}

    response = client.get(more_href(first), headers=headers)

    page = response.content.decode()
    assert response.status_code == 200
    assert '<ol hx-swap-oob="beforeend:#reply-list">' in page
    assert "<html" not in page and 'id="reply-form"' not in page
    assert shown(page) == reading_order(replies)[PAGE_SIZE : 2 * PAGE_SIZE]
    assert more_href(page) is not None  # 130 replies: a third page follows


@pytest.mark.parametrize(
    "after",
    ["abc", "1", "0000000001/", "0000000001//0000000002", "0000000001/" * 120, "'; drop", "٠" * 10],
)
def test_post_detail_fails_with_400_and_shows_first_page_if_after_is_damaged(
    long_thread, client_for, world, after
):
    post, replies = long_thread
    client = client_for(world.outsider)

    page = client.get(post.get_absolute_url(), {"after": after})
    fragment = client.get(
        post.get_absolute_url(),
        {"after": after},
        headers={"HX-Request": "true", "HX-Target": "replies-more"},
    )

    assert page.status_code == 400
    assert "beschadigd" in page.content.decode()
    assert shown(page.content.decode()) == reading_order(replies)[:PAGE_SIZE]
    assert fragment.status_code == 400
    assert "beschadigd" in fragment.content.decode()


def test_reply_permalink_opens_a_page_that_shows_the_reply_if_beyond_the_first_page(
    long_thread, client_for, world
):
    post, replies = long_thread
    target = replies[119]
    client = client_for(world.outsider)

    response = client.get(reverse("posts:reply_permalink", args=[target.pk]), follow=True)

    page = response.content.decode()
    assert response.status_code == 200
    assert target.pk in shown(page)
    assert response.redirect_chain[-1][0].endswith(f"#reply-{target.pk}")
    top_level = Reply.objects.get(path=target.path.split("/")[0])
    assert shown(page)[0] == top_level.pk  # the conversation it is part of, from its start
    assert f'href="{post.get_absolute_url()}#replies">Eerdere reacties</a>' in page
    assert target.get_absolute_url() == reverse("posts:reply_permalink", args=[target.pk])


def test_reply_permalink_opens_the_first_page_if_reply_is_on_it(long_thread, client_for, world):
    post, replies = long_thread
    response = client_for(world.outsider).get(replies[3].get_absolute_url())
    assert response["Location"] == f"{post.get_absolute_url()}#reply-{replies[3].pk}"


def test_post_detail_has_one_reply_form_and_reply_links_if_viewer_may_reply(
    long_thread, client_for, world
):
    post, replies = long_thread
    page = client_for(world.outsider).get(post.get_absolute_url()).content.decode()
    assert page.count('<form class="reply-form"') == 1
    assert page.count('<textarea id="reply-form-body"') == 1
    first = replies[0]
    assert f'href="{post.get_absolute_url()}?reply_to={first.pk}#reply-form"' in page


def test_post_detail_answers_the_reply_if_reply_to_given_without_javascript(
    long_thread, client_for, world
):
    post, replies = long_thread
    target = replies[119]
    page = client_for(world.member).get(post.get_absolute_url(), {"reply_to": target.pk})
    html = page.content.decode()
    assert page.status_code == 200
    assert target.pk in shown(html)
    assert f'name="parent" id="reply-form-parent" value="{target.pk}"' in html
    assert f"Je reageert op {target.author.display_name}" in html
    assert 'id="reply-form-to" hidden' not in html


@pytest.mark.parametrize("value", ["abc", "-1", "99999999999999999999999", "0"])
def test_post_detail_ignores_reply_to_if_it_is_not_a_reply_of_this_post(world, client_for, value):
    post = world.posts["company"]
    page = client_for(world.member).get(post.get_absolute_url(), {"reply_to": value})
    assert page.status_code == 200
    assert 'name="parent" id="reply-form-parent" value=""' in page.content.decode()


def test_reply_create_answers_a_nested_reply_if_posted_without_javascript(
    long_thread, client_for, world
):
    post, replies = long_thread
    nested = next(r for r in replies[100:] if r.parent_id)
    client = client_for(world.member)

    response = client.post(
        reverse("posts:reply", args=[post.pk]), {"body": "Zonder JS erop", "parent": nested.pk}
    )

    new = Reply.objects.get(body="Zonder JS erop")
    assert new.parent_id == nested.pk and new.depth == nested.depth + 1
    assert response.status_code == 302
    assert response["Location"].endswith(f"#reply-{new.pk}")
    page = client.get(response["Location"]).content.decode()
    order = shown(page)
    assert order.index(new.pk) > order.index(nested.pk)


def test_reply_create_returns_only_the_new_reply_and_the_count_if_htmx(
    long_thread, client_for, world
):
    post, replies = long_thread
    parent = replies[0]
    before = reading_order(replies)
    client = client_for(world.member)

    response = client.post(
        reverse("posts:reply", args=[post.pk]),
        {"body": "Via htmx erop", "parent": parent.pk},
        headers={"HX-Request": "true"},
    )

    page = response.content.decode()
    new = Reply.objects.get(body="Via htmx erop")
    assert response.status_code == 200
    assert shown(page) == [new.pk]
    assert '<ol hx-swap-oob="beforeend:#replies-sent">' in page
    # the reply before it in reading order: the last one below the reply it answers
    preceding = Reply.objects.get(pk=before[before.index(replies[1].pk) - 1])
    assert f'data-after="{preceding.path}"' in page
    assert '<h2 id="replies-heading" hx-swap-oob="true">131 reacties</h2>' in page
    assert 'data-sent="1"' in page and 'value=""' in page  # a fresh form, answering the post
    assert "Via htmx erop" not in page.split("<textarea")[1].split("</textarea>")[0]


def test_reply_create_keeps_text_and_reply_answered_if_htmx_and_too_long(world, client_for):
    post = world.posts["company"]
    parent = services.reply_create(actor=world.member, post=post, body="Vraag")
    text = "lang " * 2_500

    response = client_for(world.outsider).post(
        reverse("posts:reply", args=[post.pk]),
        {"body": text, "parent": parent.pk},
        headers={"HX-Request": "true"},
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert text.strip()[:200] in page and "10.000" in page
    assert f'id="reply-form-parent" value="{parent.pk}"' in page
    assert "Je reageert op Bram Jansen" in page and "data-sent" not in page


def test_reply_create_keeps_text_but_answers_the_post_if_the_reply_was_removed(world, client_for):
    post = world.posts["company"]
    parent = services.reply_create(actor=world.member, post=post, body="Vraag")
    parent_id = parent.pk
    services.reply_delete(actor=world.member, reply=parent)

    for headers in ({"HX-Request": "true"}, {}):
        response = client_for(world.outsider).post(
            reverse("posts:reply", args=[post.pk]),
            {"body": "Mijn antwoord", "parent": parent_id},
            headers=headers,
        )
        page = response.content.decode()
        assert response.status_code == 400
        assert "Mijn antwoord" in page and "niet meer" in page
        assert 'id="reply-form-parent" value=""' in page
    assert not Reply.objects.filter(body="Mijn antwoord").exists()


def test_post_detail_fails_with_404_for_later_pages_and_permalinks_if_outsider_of_closed_group(
    world, client_for
):
    post = world.posts["closed"]
    replies = thread_of(post, [world.member, world.admin], 60)
    client = client_for(world.outsider)
    after = reading_order(replies)[PAGE_SIZE - 1]
    after_path = Reply.objects.get(pk=after).path
    for response in (
        client.get(post.get_absolute_url(), {"after": after_path}),
        client.get(
            post.get_absolute_url(),
            {"after": after_path},
            headers={"HX-Request": "true", "HX-Target": "replies-more"},
        ),
        client.get(replies[55].get_absolute_url()),
        client.get(post.get_absolute_url(), {"reply_to": replies[55].pk}),
    ):
        assert response.status_code == 404
        assert "Reactie 5" not in response.content.decode()


def test_reply_permalink_starts_at_the_reply_if_its_conversation_is_longer_than_a_page(
    world, client_for
):
    post = world.posts["company"]
    opening = services.reply_create(actor=world.member, post=post, body="Begin")
    answers = [
        services.reply_create(actor=world.outsider, post=post, parent=opening, body=f"Op {n}")
        for n in range(PAGE_SIZE + 20)
    ]
    target = answers[PAGE_SIZE + 10]

    response = client_for(world.outsider).get(target.get_absolute_url(), follow=True)

    assert shown(response.content.decode())[0] == target.pk


def test_thread_page_replies_equal_what_the_orm_loads_if_built_from_rows(world):
    """The page builds its reply objects from rows; they must read as Django's own."""
    from kring.people.models import Department
    from kring.posts.selectors import thread_page_for

    post = world.posts["open"]
    world.member.department = Department.objects.create(name="Sociaal domein", slug="sd")
    world.member.job_title = "Consulent"
    world.member.photo = "photos/anna-1a2b3c.jpg"
    world.member.save()
    first = services.reply_create(actor=world.member, post=post, body="Eerste")
    nested = services.reply_create(actor=world.outsider, post=post, parent=first, body="Erop")
    services.reply_delete(actor=world.member, reply=first)  # a placeholder: it has an answer

    with CaptureQueriesContext(connection) as queries:
        page = thread_page_for(world.member, post)
        built = {reply.pk: reply for reply in page.replies}
        for reply in page.replies:  # everything a reply's <li> reads, without a query
            parts = (reply.author.fragment_parts(), reply.author.display_name, reply.depth)
            assert all(parts)
            assert reply.post is post
    assert len(queries) == 1
    for orm in Reply.objects.filter(post=post).select_related("author", "author__department"):
        row = built[orm.pk]
        for field in Reply._meta.concrete_fields:
            if field.attname != "body":
                assert getattr(row, field.attname) == getattr(orm, field.attname), field
        assert row.author.fragment_parts() == orm.author.fragment_parts()
        assert row.author.photo.name == orm.author.photo.name
        assert row.author.is_guest == orm.author.is_guest
        assert row.body == orm.body  # left out of the page's query: read when asked
    assert built[nested.pk].parent_author_first_name == world.member.first_name
    assert built[nested.pk].parent_deleted_at is not None


def test_later_page_names_whom_a_reply_answers_if_that_reply_is_on_an_earlier_page(
    world, client_for
):
    post = world.posts["company"]
    opening = services.reply_create(actor=world.admin, post=post, body="Begin")
    removed = services.reply_create(actor=world.admin, post=post, body="Weg")
    for n in range(PAGE_SIZE):
        services.reply_create(actor=world.outsider, post=post, parent=opening, body=f"Op {n}")
    late = services.reply_create(actor=world.outsider, post=post, parent=removed, body="Laat")
    services.reply_delete(actor=world.admin, reply=removed)  # kept: it has an answer
    client = client_for(world.member)

    first = client.get(post.get_absolute_url()).content.decode()
    second = client.get(more_href(first)).content.decode()

    assert opening.pk in shown(first) and opening.pk not in shown(second)
    on_second = shown(second)
    assert len(on_second) == 3 and on_second[-1] == late.pk  # two answers to the opening
    answer_to_opening = second[second.index(f'id="reply-{on_second[0]}"') :]
    assert "antwoord op Anna de Vries" in answer_to_opening[: answer_to_opening.index("</li>")]
    answer_to_removed = second[second.index(f'id="reply-{late.pk}"') :]
    assert "antwoord op een verwijderde reactie" in answer_to_removed


def test_later_page_names_the_new_name_if_whom_a_reply_answers_on_an_earlier_page_is_renamed(
    world, client_for
):
    """The answer's own row does not change, only the earlier page's: yet it shows at once."""
    post = world.posts["company"]
    opening = services.reply_create(actor=world.admin, post=post, body="Begin")
    for n in range(PAGE_SIZE + 1):
        services.reply_create(actor=world.outsider, post=post, parent=opening, body=f"Op {n}")
    client = client_for(world.member)
    later = more_href(client.get(post.get_absolute_url()).content.decode())
    last = shown(client.get(later).content.decode())[-1]

    def answers_on_second_page() -> str:
        page = client.get(later).content.decode()
        reply = page[page.index(f'id="reply-{last}"') :]
        return reply[: reply.index("</li>")]

    assert "antwoord op Anna de Vries" in answers_on_second_page()
    User.objects.filter(pk=world.admin.pk).update(first_name="Annemarie")
    assert "antwoord op Annemarie de Vries" in answers_on_second_page()


REPLY_FORM = re.compile(r'<form class="reply-form".*?</form>', re.S)
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def test_kept_thread_section_shows_each_readers_token_and_the_count(world, client_for):
    """The section around the replies is kept (posts/views.py _thread_section): the form
    still posts with each reader's own token, and the count follows every new reply."""
    post = world.posts["open"]
    for n, author in enumerate((world.member, world.admin, world.member)):
        client = Client(enforce_csrf_checks=True)
        client.force_login(author)
        page = client.get(post.get_absolute_url()).content.decode()
        assert f"{n} reacties" in page or (n == 1 and "1 reactie" in page)
        token = TOKEN.search(REPLY_FORM.search(page).group(0)).group(1)
        assert "standin" not in token
        response = client.post(
            reverse("posts:reply", args=[post.pk]), {"csrfmiddlewaretoken": token, "body": "Ja"}
        )
        assert response.status_code == 302, response.status_code
    assert Reply.objects.filter(post=post, body="Ja").count() == 3
    outsider = client_for(world.outsider)
    page = outsider.get(post.get_absolute_url()).content.decode()
    assert '<h2 id="replies-heading">3 reacties</h2>' in page and REPLY_FORM.search(page)
    # A removed reply without answers goes; the newest reply, which the section names
    # as where the page's live updates start, stays the same.
    first = Reply.objects.filter(post=post, body="Ja").order_by("pk").first()
    services.reply_delete(actor=world.member, reply=first)
    page = outsider.get(post.get_absolute_url()).content.decode()
    assert '<h2 id="replies-heading">2 reacties</h2>' in page
