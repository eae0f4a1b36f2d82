"""Journeys: answering a reply shows it nested; "load more" works with and without JavaScript."""

import pytest
from playwright.sync_api import expect

from kring.posts import services as post_services
from tests.e2e.browser import sign_in

pytestmark = pytest.mark.e2e


def test_post_page_shows_reply_to_a_reply_nested_if_answered_in_the_browser(person, new_page):
    anna, bram = person("anna"), person("bram")
    post = post_services.post_create(actor=anna, group=None, body="Wie weet waar de beamer is?")
    reply = post_services.reply_create(actor=bram, post=post, body="Kast 3, tweede plank.")
    nested = post_services.reply_create(actor=anna, post=post, parent=reply, body="Welke kast 3?")
    later = post_services.reply_create(actor=bram, post=post, body="Of vraag het de balie.")

    page = new_page()
    sign_in(page, "anna")
    page.goto(f"/posts/{post.pk}/")
    page.evaluate("window.samePage = true")
    page.locator(f"#reply-{nested.pk} a[data-reply-to]").click()  # "Reply" under the nested reply
    form = page.locator(f"#reply-{nested.pk} #reply-form")  # the one form moved right under it
    assert form.count() == 1
    assert form.locator("#reply-form-to").inner_text().startswith("Je reageert op Anna")
    assert page.evaluate("document.activeElement.id") == "reply-form-body"
    form.locator("textarea").fill("Dank je, gevonden!")
    form.locator("button[type=submit]").click()

    answer = page.locator("#reply-list > li.reply", has_text="Dank je, gevonden!")
    answer.wait_for()
    assert page.evaluate("window.samePage") is True  # no reload
    ids = page.eval_on_selector_all("#reply-list > li.reply", "items => items.map(i => i.id)")
    new_id = answer.get_attribute("id")
    assert ids == [f"reply-{reply.pk}", f"reply-{nested.pk}", new_id, f"reply-{later.pk}"]
    assert "depth-3" in answer.get_attribute("class")
    assert page.locator("#replies-heading").inner_text() == "4 reacties"
    # The form is back at the end, empty, answering the post again.
    assert page.locator("#reply-form-home > #reply-form").count() == 1
    assert page.locator("#reply-form-body").input_value() == ""
    assert page.locator("#reply-form-parent").input_value() == ""
    # After a full reload the thread reads the same.
    page.reload()
    again = page.eval_on_selector_all("#reply-list > li.reply", "items => items.map(i => i.id)")
    assert again == ids


@pytest.fixture
def busy_company(person):
    """25 posts for everyone: one page of 20 and a second page of 5."""
    author = person("anna")
    person("bram")
    for n in range(1, 26):
        post_services.post_create(actor=author, group=None, body=f"Bericht nummer {n:02d}")


def test_load_more_adds_the_next_five_posts_if_javascript(busy_company, new_page):
    page = new_page()
    sign_in(page, "bram")
    page.goto("/")
    cards = page.locator("#feed article.post")
    assert cards.count() == 20
    page.locator("#load-more a").click()
    page.locator("#feed article.post", has_text="Bericht nummer 01").wait_for()
    assert cards.count() == 25
    assert "cursor" not in page.url  # swapped in place, not a new page
    assert page.locator("#load-more").count() == 0
    bodies = [
        text.strip() for text in page.locator("#feed article.post .post-body").all_inner_texts()
    ]
    assert bodies == [f"Bericht nummer {n:02d}" for n in range(25, 0, -1)]


def test_load_more_link_opens_the_next_page_if_no_javascript(busy_company, new_page):
    page = new_page(java_script_enabled=False)
    sign_in(page, "bram")  # the sign-in form works without JavaScript too
    page.goto("/")
    assert page.locator("#feed article.post").count() == 20
    page.locator("#load-more a").click()
    page.wait_for_url("**cursor=*")
    cards = page.locator("#feed article.post")
    assert cards.count() == 5
    assert "Bericht nummer 01" in cards.last.inner_text()
    assert page.locator("#load-more").count() == 0


def test_post_page_has_unique_element_ids_if_thread_is_nested(person, new_page):
    anna, bram = person("anna"), person("bram")
    post = post_services.post_create(actor=anna, group=None, body="Wie heeft de sleutel?")
    reply = post_services.reply_create(actor=bram, post=post, body="Ik niet.")
    post_services.reply_create(actor=anna, post=post, parent=reply, body="Jammer.")

    page = new_page()
    sign_in(page, "anna")
    page.goto(f"/posts/{post.pk}/")
    ids = page.eval_on_selector_all("[id]", "nodes => nodes.map(n => n.id)")
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert "" not in ids, "an element has an empty id (a reply form?)"
    assert not duplicates, f"ids used more than once: {duplicates}"
    # the one reply box has its label
    unlabeled = page.eval_on_selector_all(
        "textarea", "nodes => nodes.filter(n => !n.labels || n.labels.length === 0).map(n => n.id)"
    )
    assert not unlabeled, f"reply boxes without a label: {unlabeled}"


def test_post_is_sent_if_the_post_button_is_clicked_at_human_speed(person, new_page):
    """A person presses the button, and lets go a moment later. Pressing moves the focus out
    of the message box; the composer must not shrink under the pointer in that moment, or
    the release lands beside the button and nothing is sent (it did, at first)."""
    person("anna")
    page = new_page()
    sign_in(page, "anna")
    page.goto("/")
    page.fill("#composer-body", "Wie heeft de sleutel van de fietsenstalling?")
    # The box grows as it opens (a short transition); a person's pointer goes to the button
    # after typing, when it has: aim where the button is then.
    expect(page.locator("#composer-body")).to_have_css("min-height", "120px")
    button = page.locator("#composer").get_by_role("button", name="Plaatsen")
    box = button.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.wait_for_timeout(200)  # a person's press, not a measurement
    page.mouse.up()
    expect(page.locator("#feed .post").first).to_contain_text("sleutel van de fietsenstalling")
