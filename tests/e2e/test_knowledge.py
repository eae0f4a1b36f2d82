"""Journeys in the knowledge base: write a page, edit it twice, compare, restore; confirm a
stale page with the keyboard; save a thread as a best practice."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from kring.groups import services as group_services
from kring.knowledge import services as knowledge_services
from kring.knowledge.models import Page as KnowledgePage
from kring.posts import services as post_services
from tests.e2e.browser import sign_in

pytestmark = pytest.mark.e2e


@pytest.fixture
def team(person):
    anna = person("anna", last_name="de Vries")
    bram = person("bram", last_name="Jansen")
    group = group_services.group_create(
        actor=anna, name="Team Zorg", description="De afdeling.", visibility="closed"
    )
    group_services.membership_add(actor=anna, group=group, user=bram)
    return {"anna": anna, "bram": bram, "group": group}


def _tab_to(page: Page, locator, max_presses: int = 60) -> None:
    """Press Tab until `locator` has focus; fail if the keyboard cannot reach it."""
    handle = locator.element_handle()
    for _ in range(max_presses):
        if page.evaluate("(el) => document.activeElement === el", handle):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{locator} cannot be reached with Tab")


def _save_edit(page: Page, body: str) -> None:
    page.get_by_role("link", name="Bewerken").click()
    page.get_by_label("Tekst", exact=True).fill(body)
    page.get_by_role("button", name="Pagina opslaan").click()
    expect(page.get_by_text("De pagina is opgeslagen.")).to_be_visible()


def test_page_written_edited_twice_compared_and_restored(team, new_page):
    page = new_page()
    sign_in(page, "bram")
    page.goto(team["group"].get_absolute_url())
    page.get_by_role("link", name="Kennisbank").last.click()
    page.get_by_role("link", name="Werkwijze").click()
    expect(page.get_by_label("Tekst", exact=True)).to_have_value(
        "## Doel\n\n## Stappen\n\n## Wie is verantwoordelijk\n\n## Bijbehorende documenten\n"
    )
    page.get_by_label("Titel").fill("Infuuspomp klaarzetten")
    page.get_by_label("Tekst", exact=True).fill("## Stappen\n\nPomp pakken.\nLijn vullen.")
    page.get_by_role("button", name="Pagina opslaan").click()
    expect(page.get_by_role("heading", name="Infuuspomp klaarzetten")).to_be_visible()

    _save_edit(page, "## Stappen\n\nPomp pakken.\nLijn vullen.\nAlarm testen.")
    _save_edit(page, "## Stappen\n\nPomp uit de kast pakken.\nLijn vullen.\nAlarm testen.")
    expect(page.get_by_text("3 versies")).to_be_visible()

    page.get_by_role("link", name="Geschiedenis").click()
    page.get_by_label("Vergelijk versie").select_option("1")
    page.get_by_label("met versie").select_option("3")
    page.get_by_role("button", name="Toon wijzigingen").click()
    table = page.get_by_role("table")
    expect(table.locator("del")).to_have_text(["Pomp pakken."])
    expect(table.locator("ins")).to_have_text(["Pomp uit de kast pakken.", "Alarm testen."])

    page.get_by_role("button", name="Versie 1 terugzetten").click()
    expect(page.get_by_text("Versie 1 staat terug")).to_be_visible()
    expect(page.locator(".post-body")).not_to_contain_text("Alarm testen.")
    expect(page.get_by_text("4 versies")).to_be_visible()


def test_stale_page_confirmed_by_its_owner_with_the_keyboard(team, new_page):
    stale = knowledge_services.page_create(
        actor=team["bram"],
        group=team["group"],
        title="Rooster wisselen",
        body="Vraag het aan de planner.",
        review_by=timezone.localdate() - timedelta(days=10),
    )
    page = new_page()
    sign_in(page, "bram")
    page.goto(f"/knowledge/groups/{team['group'].slug}/")
    expect(page.get_by_text("mogelijk verouderd")).to_be_visible()
    page.goto(stale.get_absolute_url())
    expect(page.get_by_text("Mogelijk verouderd.")).to_be_visible()
    _tab_to(page, page.get_by_role("button", name="Nog actueel"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").filter(has_text="Bedankt!")).to_be_visible()
    stale.refresh_from_db()
    assert not stale.is_stale


def test_thread_saved_as_best_practice_links_both_ways(team, new_page):
    post = post_services.post_create(
        actor=team["anna"], group=team["group"], body="Hoe ontlucht je de lijn het snelst?"
    )
    post_services.reply_create(actor=team["bram"], post=post, body="Tikken en dan spoelen.")
    page = new_page()
    sign_in(page, "anna")
    page.goto(post.get_absolute_url())
    page.get_by_role("link", name="Bewaar als best practice").click()
    expect(page.get_by_label("Tekst", exact=True)).to_contain_text("Tikken en dan spoelen.")
    page.get_by_label("Titel").fill("Lijn ontluchten")
    page.get_by_role("button", name="Pagina opslaan").click()
    expect(page.get_by_text("Bewaard uit het gesprek:")).to_be_visible()
    saved = KnowledgePage.objects.get(title="Lijn ontluchten")
    assert saved.group == team["group"] and saved.source_post == post
    page.get_by_role("link", name="Hoe ontlucht je").click()
    expect(page.get_by_role("link", name="Lijn ontluchten")).to_be_visible()
