"""Journeys: react with the keyboard without a reload; praise a colleague from the composer."""

import pytest
from playwright.sync_api import Page, expect

from kring.groups import services as group_services
from kring.posts import services as post_services
from tests.e2e.browser import sign_in

pytestmark = pytest.mark.e2e


def _tab_to(page: Page, element_id: str, max_presses: int = 60) -> None:
    """Press Tab until the element has focus; fail if it is not reachable."""
    for _ in range(max_presses):
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"#{element_id} cannot be reached with Tab")


@pytest.fixture
def conversation(person):
    anna = person("anna", last_name="de Vries")
    bram = person("bram", last_name="Jansen")
    group = group_services.group_create(
        actor=anna, name="Team Balie", description="De balie.", visibility="open"
    )
    group_services.membership_add(actor=anna, group=group, user=bram)
    post = post_services.post_create(actor=anna, group=group, body="Wie helpt zaterdag mee?")
    reply = post_services.reply_create(actor=bram, post=post, body="Ik kan wel.")
    return {"post": post, "reply": reply}


def _htmx_idle(page) -> None:
    """Wait until htmx has swapped and processed what it loaded: a key pressed on a button
    it has not processed yet would submit the plain form and reload the page."""
    expect(page.locator(".htmx-request, .htmx-swapping, .htmx-settling")).to_have_count(0)


def test_reacting_with_the_keyboard_changes_count_and_pressed_state_without_reload(
    conversation, new_page
):
    post, reply = conversation["post"], conversation["reply"]
    page = new_page()
    sign_in(page, "bram")
    page.goto(post.get_absolute_url())
    page.evaluate("window.notReloaded = true; document.activeElement.blur()")
    like = f"react-post-{post.pk}-like"
    _tab_to(page, like)
    _htmx_idle(page)
    page.keyboard.press("Enter")
    button = page.locator(f"#{like}")
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(button.locator(".reaction-count")).to_have_text("1")
    expect(page.locator(f"#reactions-post-{post.pk} .reaction-who")).to_contain_text("1")
    # Focus stays on the button after the swap, so a second key press takes it back.
    assert page.evaluate("document.activeElement.id") == like
    _htmx_idle(page)
    page.keyboard.press("Space")
    expect(button).to_have_attribute("aria-pressed", "false")
    expect(button.locator(".reaction-count")).to_have_count(0)

    thanks = f"react-reply-{reply.pk}-thanks"
    _tab_to(page, thanks)
    _htmx_idle(page)
    page.keyboard.press("Enter")
    expect(page.locator(f"#{thanks}")).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("window.notReloaded === true"), "the page was reloaded"


def test_praising_a_colleague_from_the_composer_shows_the_praise_header(conversation, new_page):
    page = new_page()
    sign_in(page, "anna")
    page.goto("/")
    page.locator(".praise-picker summary").click()
    page.fill("#composer-body", "Dank je voor het meedenken!")
    page.locator("#praise-q").press_sequentially("bra")
    option = page.get_by_role("checkbox", name="Bram Jansen")
    expect(option).to_be_visible()
    option.focus()
    page.keyboard.press("Space")
    expect(option).to_be_checked()
    page.fill("#praise-reason", "de planning van zaterdag")
    page.get_by_role("button", name="Plaatsen").click()
    header = page.locator(".praise-header").first
    expect(header).to_contain_text(
        "Anna de Vries bedankt Bram Jansen voor de planning van zaterdag"
    )
