"""Journeys: find a post by another word form from the top bar, with the keyboard (issue 5)."""

import re

import pytest
from playwright.sync_api import expect

from kring.groups import services as group_services
from kring.posts import services as post_services
from tests.e2e.browser import sign_in

pytestmark = pytest.mark.e2e


def test_search_finds_post_by_word_form_if_slash_focuses_the_box(person, new_page):
    anna = person("anna", last_name="de Vries")
    person("otto", last_name="Buiten")
    post_services.post_create(
        actor=anna, group=None, body="De vergadering over het rooster is verplaatst."
    )
    secret = group_services.group_create(actor=anna, name="Directie", visibility="secret")
    post_services.post_create(actor=anna, group=secret, body="Geheime vergadering <b>budget</b>")
    page = new_page()
    sign_in(page, "otto")
    page.goto("/")
    page.keyboard.press("/")
    box = page.locator("#topbar-search-input")
    expect(box).to_be_focused()
    box.press_sequentially("vergaderingen")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=vergaderingen$"))
    results = page.locator(".search-result")
    expect(results).to_have_count(1)
    expect(results.first.locator("mark")).to_have_text("vergadering")
    expect(page.locator(".results-count")).to_contain_text("1")
    assert "Geheime" not in page.content()
    # A filter swaps the results in place (htmx); the page's form still works without it.
    page.select_option("#id_kind", "person")
    expect(page.locator(".empty-state")).to_be_visible()
    expect(page).to_have_url(re.compile(r"kind=person"))
