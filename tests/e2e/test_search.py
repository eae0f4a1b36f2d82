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


def test_search_finds_answered_question_by_word_form_if_asked_answered_accepted(person, new_page):
    from kring.posts.models import Post

    anna = person("anna", last_name="de Vries")
    person("bram", last_name="Jansen")
    group = group_services.group_create(
        actor=anna, name="Team Balie", description="De balie.", visibility="open"
    )
    page = new_page()
    sign_in(page, "anna")
    page.goto(group.get_absolute_url())
    page.get_by_text("Stel een vraag").click()
    page.get_by_label("Je vraag in één zin").fill("Hoe vraag ik verlof aan voor een cursus?")
    page.fill("#composer-body", "Ik wil in maart een cursus schrijven doen.")
    page.get_by_role("button", name="Plaatsen").click()
    expect(page.locator("#feed .post").first).to_contain_text("verlof aan voor een cursus")
    post = Post.objects.get(is_question=True)

    bram = new_page()
    sign_in(bram, "bram")
    bram.goto(post.get_absolute_url())
    bram.fill("#reply-form-body", "Via het HR-portaal, onder Verlof.")
    bram.locator("#reply-form button[type=submit]").click()
    expect(bram.locator("#replies")).to_contain_text("Via het HR-portaal")

    page.goto(post.get_absolute_url())
    page.locator("#answers .answer").first.get_by_role(
        "button", name="Accepteer dit antwoord"
    ).click()
    expect(page.locator("#answers")).to_contain_text("Het antwoord is geaccepteerd.")

    # Bram finds it with another word form: the question first, then its answer (which
    # carries the question's title); the kind filter says "Vragen".
    bram.goto("/search/?q=cursussen")
    results = bram.locator(".search-result")
    expect(results).to_have_count(2)
    expect(results.nth(1)).to_contain_text("Via het HR-portaal")
    expect(results.first.locator(".search-result-kind")).to_contain_text("Vraag")
    expect(results.first.locator(".search-result-title")).to_have_text(
        "Hoe vraag ik verlof aan voor een cursus?"
    )
    expect(bram.locator(".search-facets")).to_contain_text("Vragen")
    results.first.locator(".search-result-title a").click()
    expect(bram).to_have_url(re.compile(rf"/{post.pk}"))
