"""Journeys on a long thread: reading on page by page, answering with and without JavaScript."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from kring.posts import services as post_services
from kring.posts.models import Reply
from tests.e2e.browser import sign_in

pytestmark = pytest.mark.e2e

LIST_IDS = "items => items.map(i => i.id)"
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
}


def _thread(post, people, count: int) -> list[Reply]:
    """`count` replies; every fourth answers the reply before it."""
    replies: list[Reply] = []
    for n in range(count):
        parent = replies[-1] if n % 4 == 3 else None
        replies.append(
            post_services.reply_create(
                actor=people[n % 2], post=post, parent=parent, body=f"Reactie nummer {n:03d}"
            )
        )
    return replies


def _reading_order(post) -> list[str]:
    ids = Reply.objects.filter(post=post).order_by("path").values_list("pk", flat=True)
    return [f"reply-{pk}" for pk in ids]


@pytest.fixture
def long_thread(person):
    anna, bram = person("anna", last_name="de Vries"), person("bram", last_name="Jansen")
    post = post_services.post_create(actor=anna, group=None, body="Hoe regelen we de roosters?")
    return post, _thread(post, [anna, bram], 120)


def test_thread_page_loads_the_next_replies_in_place_if_javascript(long_thread, new_page):
    post, _replies = long_thread
    page = new_page()
    sign_in(page, "bram")
    page.goto(f"/posts/{post.pk}/")
    items = page.locator("#reply-list > li.reply")
    assert items.count() == 50

    page.locator("#replies-more a").click()
    items.nth(99).wait_for()
    first_loaded = items.nth(50).get_attribute("id")
    page.wait_for_function(f"document.activeElement.id === '{first_loaded}'")
    page.locator("#replies-more a").click()
    items.nth(119).wait_for()

    assert page.locator("#replies-more").count() == 0
    assert "after" not in page.url  # swapped in place, not a new page
    assert page.eval_on_selector_all("#reply-list > li.reply", LIST_IDS) == _reading_order(post)


def test_thread_page_answers_a_reply_on_a_later_page_if_no_javascript(long_thread, new_page):
    post, replies = long_thread
    target = replies[103]  # on the third page, answers the reply before it, no answers yet
    page = new_page(java_script_enabled=False)
    sign_in(page, "anna")
    page.goto(target.get_absolute_url())
    assert page.locator(f"#reply-{target.pk}").count() == 1
    assert page.locator(".thread-earlier a", has_text="Eerdere reacties").count() == 1

    page.locator(f"#reply-{target.pk} a[data-reply-to]").click()
    page.wait_for_url(f"**reply_to={target.pk}*")
    to = page.locator("#reply-form-to").inner_text()
    assert to.startswith(f"Je reageert op {target.author.display_name}")
    page.fill("#reply-form-body", "Zonder JavaScript erop")
    page.locator("#reply-form button[type=submit]").click()

    answer = Reply.objects.get(body="Zonder JavaScript erop")
    page.wait_for_url(f"**#reply-{answer.pk}")
    ids = page.eval_on_selector_all("#reply-list > li.reply", LIST_IDS)
    assert ids.index(f"reply-{answer.pk}") == ids.index(f"reply-{target.pk}") + 1
    assert "depth-3" in page.locator(f"#reply-{answer.pk}").get_attribute("class")


def test_reply_form_goes_back_to_the_end_if_answering_is_cancelled(long_thread, new_page):
    post, replies = long_thread
    target = replies[10]
    page = new_page()
    sign_in(page, "anna")
    page.goto(f"/posts/{post.pk}/")
    link = page.locator(f"#reply-{target.pk} a[data-reply-to]")

    link.click()
    assert page.locator(f"#reply-{target.pk} #reply-form").count() == 1
    assert page.locator("#reply-form-parent").input_value() == str(target.pk)
    blocking = [
        v
        for v in Axe().run(page, options=AXE_OPTIONS).response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not blocking, blocking
    page.locator("#reply-form-cancel").click()

    assert page.locator("#reply-form-home > #reply-form").count() == 1
    assert page.locator("#reply-form-parent").input_value() == ""
    assert page.locator("#reply-form-to").is_hidden()
    focused = page.evaluate("document.activeElement.dataset.replyTo")
    assert focused == str(target.pk)  # back on the "Reply" link it came from

    link.click()
    page.keyboard.press("Escape")
    assert page.locator("#reply-form-home > #reply-form").count() == 1


def test_new_reply_waits_below_the_list_until_the_replies_before_it_are_loaded(
    long_thread, new_page
):
    post, _replies = long_thread
    page = new_page()
    sign_in(page, "anna")
    page.goto(f"/posts/{post.pk}/")
    page.fill("#reply-form-body", "Helemaal aan het eind")
    page.locator("#reply-form button[type=submit]").click()

    waiting = page.locator("#replies-sent > li.reply", has_text="Helemaal aan het eind")
    waiting.wait_for()
    assert page.locator("#replies-heading").inner_text() == "121 reacties"
    assert page.locator("#reply-list > li.reply").count() == 50

    page.locator("#replies-more a").click()
    page.locator("#reply-list > li.reply").nth(99).wait_for()
    assert waiting.count() == 1  # still after the list: replies before it are not loaded yet
    page.locator("#replies-more a").click()
    page.locator("#reply-list > li.reply").nth(120).wait_for()

    waiting.wait_for(state="detached")  # its copy below the list made way for its real place
    assert page.eval_on_selector_all("#reply-list > li.reply", LIST_IDS) == _reading_order(post)
    ids = page.eval_on_selector_all("[id]", "nodes => nodes.map(n => n.id)")
    assert len(ids) == len(set(ids))
