"""Live private conversations and reaction counts: one server process without Redis.

Two colleagues in their own browsers; what one writes or clicks shows on the other's open
page without a reload. LIVE_MS says "at once", it is no timing measurement.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from kring.conversations import services as conversation_services
from kring.posts import services as post_services
from kring.reactions import services as reaction_services
from kring.realtime.bus import bus
from tests.e2e.browser import sign_in

pytestmark = pytest.mark.e2e

LIVE_MS = 2000
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
}


def _axe_blocking(page: Page) -> list[str]:
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    return [v["id"] for v in violations if v["impact"] in {"serious", "critical"}]


def _open(new_page, username: str, path: str) -> Page:
    """Sign in, open `path` and wait until its live connection is open."""
    page = new_page()
    sign_in(page, username)
    page.goto(path)
    page.wait_for_selector("html[data-live='open']")
    return page


@pytest.fixture
def chat(person):
    anna = person("anna", last_name="de Vries")
    bram = person("bram", last_name="Jansen")
    conversation = conversation_services.conversation_start(
        actor=anna, participants=[bram], body="Zullen we morgen bellen?"
    )
    return anna, bram, conversation


def test_open_conversation_shows_the_others_message_live_and_reads_it(chat, new_page):
    _anna, _bram, conversation = chat
    reader = _open(new_page, "anna", conversation.get_absolute_url())
    reader.evaluate("window.notReloaded = true")
    writer = new_page()
    sign_in(writer, "bram")
    writer.goto(conversation.get_absolute_url())
    writer.get_by_label("Je bericht").fill("Prima, om tien uur.")
    writer.get_by_role("button", name="Versturen").click()

    messages = reader.locator("#message-list li.chat-message")
    expect(messages.last).to_contain_text("Prima, om tien uur.", timeout=LIVE_MS)
    expect(messages).to_have_count(2)
    expect(messages.last.locator("time")).to_have_text("nu")  # relative, as on a loaded page
    # The message is read where it shows: no badge, and no unread notification in the bell.
    expect(reader.locator(".sidenav [data-badge=messages]")).to_have_count(0)
    expect(reader.locator("#bell-count")).to_be_hidden()
    assert reader.evaluate("window.notReloaded === true"), "the page was reloaded"
    assert not _axe_blocking(reader), "axe on the conversation with a live message"


def test_messages_badge_and_bell_change_live_on_another_page(chat, new_page):
    anna, bram, conversation = chat
    reader = _open(new_page, "bram", "/")
    badge = reader.locator(".sidenav [data-badge=messages]")
    expect(badge).to_have_text(re.compile(r"^1"))
    other = conversation_services.conversation_start(
        actor=anna, participants=[bram], body="En nog iets anders"
    )
    expect(badge).to_have_text(re.compile(r"^2"), timeout=LIVE_MS)
    expect(reader.locator("#bell-count")).to_have_text("2", timeout=LIVE_MS)
    reader.goto(other.get_absolute_url())
    expect(reader.locator(".sidenav [data-badge=messages]")).to_have_text(re.compile(r"^1"))


def test_open_conversation_catches_up_if_the_connection_was_broken(chat, new_page):
    anna, _bram, conversation = chat
    reader = _open(new_page, "bram", conversation.get_absolute_url())
    bus().streams_end()  # as when the server restarts
    reader.wait_for_selector("html[data-live='closed']")
    conversation_services.message_send(
        actor=anna, conversation=conversation, body="Geschreven toen je weg was"
    )
    expect(reader.locator("#message-list")).to_contain_text(
        "Geschreven toen je weg was", timeout=10_000
    )
    expect(reader.locator("#message-list li.chat-message")).to_have_count(2)


def test_reaction_counts_change_live_on_an_open_thread(person, new_page):
    anna = person("anna", last_name="de Vries")
    bram = person("bram", last_name="Jansen")
    post = post_services.post_create(actor=anna, group=None, body="Nieuwe koffiemachine!")
    reply = post_services.reply_create(actor=anna, post=post, body="Hij staat op de tweede.")
    reader = _open(new_page, "anna", post.get_absolute_url())
    reaction_services.reaction_set(actor=bram, target=post, kind="celebrate", on=True)
    bar = reader.locator(f"#reactions-post-{post.pk}")
    expect(bar.locator(f"#react-post-{post.pk}-celebrate .reaction-count")).to_have_text(
        "1", timeout=LIVE_MS
    )
    # Anna's own reactions stay hers: the bar is fetched for her, not copied from Bram.
    expect(bar.locator(f"#react-post-{post.pk}-celebrate")).to_have_attribute(
        "aria-pressed", "false"
    )
    reaction_services.reaction_set(actor=bram, target=reply, kind="thanks", on=True)
    expect(
        reader.locator(
            f"#reactions-reply-{reply.pk} #react-reply-{reply.pk}-thanks .reaction-count"
        )
    ).to_have_text("1", timeout=LIVE_MS)
    assert not _axe_blocking(reader), "axe on the thread with live reaction bars"
    reaction_services.reaction_set(actor=bram, target=post, kind="celebrate", on=False)
    expect(bar.locator(f"#react-post-{post.pk}-celebrate .reaction-count")).to_have_count(
        0, timeout=LIVE_MS
    )


def test_conversation_list_moves_the_new_message_up_live(chat, new_page):
    anna, bram, conversation = chat
    conversation_services.conversation_start(
        actor=anna, participants=[bram], subject="Rooster", body="Kun jij zaterdag?"
    )
    reader = _open(new_page, "bram", "/messages/")
    rows = reader.locator("#conversation-list .conversation-row")
    expect(rows.first).to_contain_text("Rooster")
    conversation_services.message_send(
        actor=anna, conversation=conversation, body="Toch liever overmorgen"
    )
    expect(rows.first).to_contain_text("Toch liever overmorgen", timeout=LIVE_MS)
    expect(rows).to_have_count(2)
    expect(rows.nth(1)).to_contain_text("Rooster")  # still listed, now second
