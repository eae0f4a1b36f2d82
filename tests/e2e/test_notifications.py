"""The bell: a reply to my post shows up in its count, the list opens, a click leads to the reply."""

import pytest
from playwright.sync_api import expect

from kring.groups import services as group_services
from kring.posts import services as post_services
from tests.e2e.browser import sign_in

pytestmark = pytest.mark.e2e


@pytest.fixture
def replied(person):
    anna = person("anna", last_name="de Vries")
    bram = person("bram", last_name="Jansen")
    group = group_services.group_create(actor=anna, name="Team Balie", visibility="closed")
    group_services.membership_add(actor=anna, group=group, user=bram)
    post = post_services.post_create(actor=anna, group=group, body="Wie heeft de sleutel?")
    # Committed at once (transactional_db): the delivery task runs, as the worker would.
    post_services.reply_create(actor=bram, post=post, body="Die ligt in de la.")
    return post


def test_bell_shows_the_count_and_opens_the_list_and_the_reply(replied, new_page):
    page = new_page()
    sign_in(page, "anna")
    bell = page.locator("#bell")
    expect(bell).to_have_attribute("aria-label", "Meldingen, 1 ongelezen")
    expect(page.locator("#bell-count")).to_have_text("1")
    bell.click()
    page.wait_for_url("**/notifications/")
    item = page.get_by_role("link", name="Bram Jansen reageerde op je bericht")
    expect(item).to_be_visible()
    expect(page.get_by_text("Die ligt in de la.")).to_be_visible()
    item.click()
    page.wait_for_url(f"**{replied.get_absolute_url()}**")
    expect(page.locator("#bell")).to_have_attribute("aria-label", "Meldingen, niets ongelezen")


def test_bell_list_works_by_keyboard_and_marks_all_read(replied, new_page):
    page = new_page()
    sign_in(page, "anna")
    page.goto("/notifications/")
    button = page.get_by_role("button", name="Alles als gelezen markeren")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Je hebt alles gelezen.")).to_be_visible()
    expect(page.locator("#bell")).to_have_attribute("aria-label", "Meldingen, niets ongelezen")
    page.goto("/notifications/preferences/")
    expect(page.get_by_role("group", name="Reacties op je berichten")).to_be_visible()
    expect(page.get_by_role("radio", name="In de samenvatting").first).to_be_visible()
