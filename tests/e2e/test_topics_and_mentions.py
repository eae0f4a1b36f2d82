"""Journeys: mention a colleague with the keyboard; follow a topic (issue 4)."""

import pytest

from kring.follows.models import Follow
from kring.posts import services as post_services
from kring.posts.models import Post
from tests.e2e.browser import sign_in

pytestmark = pytest.mark.e2e


def test_composer_mentions_colleague_picked_with_keyboard(person, new_page):
    person("anna", last_name="de Vries")
    person("karin", last_name="Bos")
    person("kees", last_name="Smit")
    page = new_page()
    sign_in(page, "anna")
    page.goto("/")
    box = page.locator("#composer-body")
    box.click()
    box.press_sequentially("Vraag het @ke")
    listbox = page.get_by_role("listbox")
    listbox.wait_for()
    page.wait_for_function(
        "() => document.querySelectorAll('#mention-listbox [data-handle]').length == 1"
    )
    assert "@kees" in listbox.get_by_role("option").first.inner_text()
    box.press("Backspace")  # "@k": both
    page.wait_for_function(
        "() => document.querySelectorAll('#mention-listbox [data-handle]').length == 2"
    )
    assert box.get_attribute("aria-activedescendant") == "mention-option-1"
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == "mention-option-2"
    chosen = page.locator("#mention-option-2").get_attribute("data-handle")
    box.press("Enter")
    assert box.input_value() == f"Vraag het @{chosen} "
    assert listbox.is_hidden()
    box.press_sequentially("even, #inkoop")
    page.locator("#composer button[type=submit]").click()
    link = page.locator(f"#feed a.mention[href='/people/{chosen}/']")
    link.wait_for()
    assert link.inner_text() == f"@{chosen}"
    assert page.locator("#feed a.hashtag[href='/topics/inkoop/']").count() == 1
    assert Post.objects.get().body == f"Vraag het @{chosen} even, #inkoop"


def test_composer_closes_mention_list_on_escape(person, new_page):
    person("anna")
    person("karin")
    page = new_page()
    sign_in(page, "anna")
    page.goto("/")
    box = page.locator("#composer-body")
    box.click()
    box.press_sequentially("@ka")
    page.get_by_role("listbox").wait_for()
    box.press("Escape")
    assert page.get_by_role("listbox").is_hidden()
    box.press("Enter")
    assert box.input_value() == "@ka\n"


def test_topic_page_follow_button_shows_its_state(person, new_page):
    anna = person("anna")
    bram = person("bram")
    post_services.post_create(actor=anna, group=None, body="Nieuwe leverancier voor #Inkoop")
    page = new_page()
    sign_in(page, "bram")
    page.goto("/")
    page.locator("#feed a.hashtag").click()
    page.wait_for_url("**/topics/inkoop/")
    assert page.locator("h1").inner_text() == "#Inkoop"
    button = page.locator(".follow-button")
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    page.wait_for_selector(".follow-button[aria-pressed='true']")
    assert "Volgend" in page.locator(".follow-button").inner_text()
    assert Follow.objects.filter(follower=bram, topic__key="inkoop").exists()
    page.reload()
    assert page.locator(".follow-button").get_attribute("aria-pressed") == "true"
    page.goto("/people/bram/following/")
    assert page.locator(".following-list a", has_text="#Inkoop").count() == 1


def test_reply_form_mentions_colleague_picked_with_keyboard(person, new_page):
    anna = person("anna")
    person("karin", last_name="Bos")
    post = post_services.post_create(actor=anna, group=None, body="Wie kent de nieuwe balie?")
    page = new_page()
    sign_in(page, "anna")
    page.goto(f"/posts/{post.pk}/")
    box = page.locator("#reply-form-body")
    box.click()
    box.press_sequentially("Vraag @kar")
    page.wait_for_function(
        "() => document.querySelectorAll('#mention-listbox [data-handle]').length == 1"
    )
    box.press("Enter")
    assert box.input_value() == "Vraag @karin "
    page.locator("#reply-form button[type=submit]").click()
    page.locator("#reply-list a.mention[href='/people/karin/']").wait_for()
