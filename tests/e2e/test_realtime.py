"""Live updates in the browser, one server process without Redis (the tests' live server).

Two colleagues, each in their own browser: what one writes appears on the other's open
page without a reload. The bounds (LIVE_MS) say "without a reload, at once"; they are
not timing measurements.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from kring.groups import services as group_services
from kring.posts import services as post_services
from kring.realtime.bus import bus
from tests.e2e.browser import sign_in

pytestmark = pytest.mark.e2e

LIVE_MS = 2000
BLOCKING = {"serious", "critical"}
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
}


@pytest.fixture
def colleagues(person):
    anna = person("anna", last_name="de Vries")
    bram = person("bram", last_name="Jansen")
    post = post_services.post_create(actor=anna, group=None, body="Wie komt er vrijdag?")
    return anna, bram, post


def _open(new_page, username: str, path: str) -> Page:
    """Sign in, open `path` and wait until its live connection is open."""
    page = new_page()
    sign_in(page, username)
    page.goto(path)
    page.wait_for_selector("html[data-live='open']")
    return page


def _write_post(page: Page, text: str) -> None:
    page.goto("/")
    page.locator("#composer-body, textarea[name=body]").first.fill(text)
    page.locator("form.composer button[type=submit], #composer button[type=submit]").first.click()
    expect(page.locator("#feed").get_by_text(text)).to_be_visible()


def _axe_blocking(page: Page) -> list[dict]:
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    return [v for v in violations if v["impact"] in BLOCKING]


def test_home_feed_shows_new_posts_bar_if_a_colleague_posts(colleagues, new_page):
    reader = _open(new_page, "anna", "/")
    writer = new_page()
    sign_in(writer, "bram")
    _write_post(writer, "Taart in de kantine!")

    bar = reader.locator("#feed-live-bar")
    expect(bar).to_be_visible(timeout=LIVE_MS)
    expect(bar).to_have_text("1 nieuw bericht")
    assert reader.locator("#feed").get_by_text("Taart in de kantine!").count() == 0
    assert not _axe_blocking(reader), "axe on the feed with the bar"

    _write_post(writer, "En koffie.")
    expect(bar).to_have_text("2 nieuwe berichten", timeout=LIVE_MS)

    bar.click()
    expect(reader.locator("#feed").get_by_text("Taart in de kantine!")).to_be_visible()
    expect(reader.locator("#feed").get_by_text("En koffie.")).to_be_visible()
    expect(bar).to_be_hidden()
    # Focus goes to the newest post, so a keyboard user reads on from there.
    assert reader.evaluate("document.activeElement.matches('article.post')")


def test_home_feed_shows_the_bar_at_once_if_a_colleague_posted_since_the_last_visit(
    colleagues, new_page
):
    """ "Voor jou" keeps a reader's ranking for some minutes; coming back to it, the bar
    says at once what was posted since, and its click ranks afresh."""
    anna, bram, _post = colleagues
    reader = _open(new_page, "anna", "/")
    reader.goto("/people/")  # away from the feed, while a colleague posts
    post_services.post_create(actor=bram, group=None, body="Wie heeft mijn paraplu?")
    reader.goto("/")

    bar = reader.locator("#feed-live-bar")
    expect(bar).to_have_text("1 nieuw bericht", timeout=LIVE_MS)
    assert reader.locator("#feed").get_by_text("Wie heeft mijn paraplu?").count() == 0
    bar.click()
    expect(reader.locator("#feed").get_by_text("Wie heeft mijn paraplu?")).to_be_visible()
    expect(bar).to_be_hidden()


def test_group_page_shows_no_bar_if_the_post_is_in_another_space(colleagues, new_page):
    anna, bram, _post = colleagues
    group = group_services.group_create(
        actor=anna, name="Team Balie", description="", visibility="open"
    )
    reader = _open(new_page, "anna", group.get_absolute_url())
    post_services.post_create(actor=bram, group=None, body="Alleen voor iedereen")
    # A sign that events do arrive on this page: a post in the group itself.
    group_services.group_join(actor=bram, group=group)
    post_services.post_create(actor=bram, group=group, body="Voor de balie")
    expect(reader.locator("#feed-live-bar")).to_have_text("1 nieuw bericht", timeout=LIVE_MS)


def test_thread_shows_a_colleagues_reply_if_it_is_open(colleagues, new_page):
    _anna, _bram, post = colleagues
    reader = _open(new_page, "anna", f"/posts/{post.pk}/")
    writer = new_page()
    sign_in(writer, "bram")
    writer.goto(f"/posts/{post.pk}/")
    writer.fill("#reply-form-body", "Ik kom, met taart.")
    writer.locator("#reply-form button[type=submit]").click()

    reply = reader.locator("#replies li.reply").filter(has_text="Ik kom, met taart.")
    expect(reply).to_be_visible(timeout=LIVE_MS)
    expect(reader.locator("#replies-heading")).to_have_text("1 reactie")
    expect(reader.locator(f'[data-reply-count="{post.pk}"]')).to_have_text("1 reactie")
    expect(reader.locator("#live-announcer")).to_have_text("Nieuwe reactie")
    assert reader.locator("#replies li.reply").count() == 1  # not twice
    assert not _axe_blocking(reader), "axe on the thread with a live reply"


def test_feed_card_shows_the_new_reply_count_if_a_colleague_replies(colleagues, new_page):
    _anna, bram, post = colleagues
    reader = _open(new_page, "anna", "/")
    post_services.reply_create(actor=bram, post=post, body="Ja!")
    expect(reader.locator(f'[data-reply-count="{post.pk}"]')).to_have_text(
        "1 reactie", timeout=LIVE_MS
    )


def test_thread_catches_up_if_the_connection_was_broken(colleagues, new_page):
    _anna, bram, post = colleagues
    reader = _open(new_page, "anna", f"/posts/{post.pk}/")
    bus().streams_end()  # as when the server restarts
    reader.wait_for_selector("html[data-live='closed']")
    post_services.reply_create(actor=bram, post=post, body="Geschreven toen je weg was")
    # No stream was open for its event: the page asks what it missed once it is back.
    expect(reader.get_by_text("Geschreven toen je weg was")).to_be_visible(timeout=10_000)


def test_bell_shows_the_new_count_if_notifications_change(colleagues, new_page):
    anna, bram, post = colleagues
    reader = _open(new_page, "anna", "/")
    expect(reader.locator("#bell-count")).to_be_hidden()
    # Bram answers Anna's post: the notification is made (and the page told) on commit.
    post_services.reply_create(actor=bram, post=post, body="Ik kijk er morgen naar.")
    expect(reader.locator("#bell-count")).to_have_text("1", timeout=LIVE_MS)
    expect(reader.locator("#bell")).to_have_attribute("aria-label", "Meldingen, 1 ongelezen")
