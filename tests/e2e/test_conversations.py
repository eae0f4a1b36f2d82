"""Private conversations in the browser: from a profile to a reply, and a third who is kept out."""

import re

import pytest
from playwright.sync_api import expect

from kring.conversations.models import Conversation
from tests.e2e.browser import sign_in

pytestmark = pytest.mark.e2e


def test_conversation_from_profile_passes_and_the_other_replies(person, new_page):
    person("anna", last_name="de Vries")
    person("bram", last_name="Jansen")
    person("carla", last_name="Bakker")

    anna = new_page()
    sign_in(anna, "anna")
    anna.goto("/people/bram/")
    anna.get_by_role("link", name="Stuur een bericht").click()
    expect(anna.get_by_role("checkbox", name="Bram Jansen")).to_be_checked()
    anna.get_by_label("Je bericht").fill("Hoi Bram, heb je de **cijfers** al?")
    anna.get_by_role("button", name="Versturen").click()
    expect(anna.locator("#message-list")).to_contain_text("Hoi Bram, heb je de cijfers al?")
    conversation_url = anna.url

    bram = new_page()
    sign_in(bram, "bram")
    badge = bram.locator(".sidenav [data-badge=messages]")
    expect(badge).to_have_text(re.compile(r"^1"))
    bram.locator(".sidenav").get_by_role("link", name=re.compile("Berichten")).click()
    row = bram.locator(".conversation-row.is-unread")
    expect(row).to_contain_text("Anna de Vries")
    row.get_by_role("link").click()
    expect(bram.locator("#message-list")).to_contain_text("heb je de cijfers al?")
    expect(bram.locator(".sidenav [data-badge=messages]")).to_have_count(0)
    bram.get_by_label("Je bericht").fill("Ja, staan in de map.")
    bram.get_by_role("button", name="Versturen").click()
    expect(bram.locator("#message-list li")).to_have_count(2)
    expect(bram.locator("#message-list li").last).to_contain_text("Ja, staan in de map.")
    expect(bram.get_by_label("Je bericht")).to_have_value("")

    anna.reload()
    expect(anna.locator("#message-list")).to_contain_text("Ja, staan in de map.")

    carla = new_page()
    sign_in(carla, "carla")
    response = carla.goto(conversation_url)
    assert response.status == 404
    expect(carla.locator("body")).not_to_contain_text("cijfers")
    assert Conversation.objects.count() == 1


def test_people_picker_passes_by_keyboard(person, new_page):
    person("anna", last_name="de Vries")
    person("bram", last_name="Jansen", job_title="Adviseur")
    page = new_page()
    sign_in(page, "anna")
    page.goto("/messages/new/")
    search = page.get_by_label("Collega's zoeken op naam")
    search.focus()
    page.keyboard.type("jan")
    checkbox = page.get_by_role("checkbox", name=re.compile("Bram Jansen"))
    expect(checkbox).to_be_visible()
    expect(page.locator(".picker-status")).to_contain_text("1 collega gevonden")
    checkbox.focus()
    page.keyboard.press("Space")
    expect(checkbox).to_be_checked()
    page.get_by_label("Je bericht").fill("Via het toetsenbord")
    page.get_by_role("button", name="Versturen").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#message-list")).to_contain_text("Via het toetsenbord")
    expect(page.locator(".side-card")).to_contain_text("Bram Jansen")
