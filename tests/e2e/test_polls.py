"""Journeys: write a poll in the composer; a colleague votes with the keyboard and sees the results."""

import pytest
from playwright.sync_api import Page, expect

from kring.groups import services as group_services
from kring.polls.models import Poll, PollVote
from kring.polls.services import PollDraft, poll_create
from kring.posts import services as post_services
from kring.posts.models import Post
from tests.e2e.browser import sign_in

pytestmark = pytest.mark.e2e


@pytest.fixture
def team(person):
    anna = person("anna", last_name="de Vries")
    bram = person("bram", last_name="Jansen")
    group = group_services.group_create(
        actor=anna, name="Team Balie", description="De balie.", visibility="open"
    )
    group_services.membership_add(actor=anna, group=group, user=bram)
    return {"anna": anna, "bram": bram, "group": group}


def _htmx_idle(page: Page) -> None:
    expect(page.locator(".htmx-request, .htmx-swapping, .htmx-settling")).to_have_count(0)


def _tab_to(page: Page, locator, max_presses: int = 80) -> None:
    """Press Tab until `locator` has focus; fail if it is not reachable."""
    handle = locator.element_handle()
    for _ in range(max_presses):
        if page.evaluate("(el) => document.activeElement === el", handle):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{locator} cannot be reached with Tab")


def test_poll_written_in_composer_gets_a_vote_by_keyboard_and_shows_results(team, new_page):
    page = new_page()
    sign_in(page, "anna")
    page.goto(team["group"].get_absolute_url())
    page.get_by_text("Peiling toevoegen").click()
    page.fill("#composer-body", "Waar lunchen we vrijdag?")
    page.get_by_label("Antwoord 1", exact=True).fill("Kantine")
    page.get_by_label("Antwoord 2", exact=True).fill("Park")
    page.get_by_role("button", name="Antwoord 4 verwijderen").click()  # rows come and go
    expect(page.locator("#composer [data-poll-row]")).to_have_count(3)
    page.get_by_label("Antwoord 3", exact=True).fill("Strand")
    page.get_by_role("button", name="Antwoord toevoegen").click()
    expect(page.locator("#composer [data-poll-row]")).to_have_count(4)
    page.get_by_role("button", name="Plaatsen").click()
    post = None
    expect(page.locator("#feed .poll").first).to_contain_text("Kantine")
    post = Post.objects.get(body="Waar lunchen we vrijdag?")
    poll = Poll.objects.get(pk=post.pk)
    assert list(poll.options.values_list("text", flat=True)) == ["Kantine", "Park", "Strand"]
    # The author sees the (empty) results at once.
    expect(page.locator(f"#poll-{post.pk}")).to_contain_text("0 mensen hebben gestemd")

    colleague = new_page()
    sign_in(colleague, "bram")
    colleague.goto("/")
    block = colleague.locator(f"#poll-{post.pk}")
    expect(block).to_contain_text("Stem om de uitslag te zien.")
    expect(block).not_to_contain_text("%")
    colleague.evaluate("window.notReloaded = true; document.activeElement.blur()")
    _htmx_idle(colleague)
    _tab_to(colleague, block.get_by_role("radio", name="Kantine"))
    colleague.keyboard.press("ArrowDown")  # radio group: arrows choose
    expect(block.get_by_role("radio", name="Park")).to_be_checked()
    colleague.keyboard.press("Tab")
    colleague.keyboard.press("Enter")  # the Stem button
    expect(block).to_contain_text("Je stem is geteld.")
    expect(block.locator(".poll-result.is-chosen")).to_contain_text("Park")
    expect(block.locator(".poll-result.is-chosen")).to_contain_text("100%")
    expect(block).to_contain_text("1 persoon heeft gestemd")
    assert colleague.evaluate("window.notReloaded === true"), "the page was reloaded"
    assert PollVote.objects.filter(user=team["bram"]).count() == 1

    # Changing the vote: the form again, with the choice ticked.
    block.get_by_role("link", name="Stem wijzigen").click()
    expect(block.get_by_role("radio", name="Park")).to_be_checked()
    block.get_by_role("radio", name="Strand").check()
    block.get_by_role("button", name="Stem").click()
    expect(block.locator(".poll-result.is-chosen")).to_contain_text("Strand")
    assert list(PollVote.objects.values_list("option__text", flat=True)) == ["Strand"]


def test_voting_works_without_javascript(team, new_page):
    post = post_services.post_create(
        actor=team["anna"], group=team["group"], body="Koffie of thee?"
    )
    poll_create(actor=team["anna"], post=post, draft=PollDraft(["Koffie", "Thee"], multiple=True))
    page = new_page(java_script_enabled=False)
    sign_in(page, "bram")
    page.goto(post.get_absolute_url())
    block = page.locator(f"#poll-{post.pk}")
    block.get_by_role("checkbox", name="Koffie").check()
    block.get_by_role("checkbox", name="Thee").check()
    block.get_by_role("button", name="Stem").click()
    expect(page.locator(f"#poll-{post.pk}")).to_contain_text("1 persoon heeft gestemd")
    expect(page.locator(f"#poll-{post.pk} .poll-result.is-chosen")).to_have_count(2)


def test_composer_keeps_options_and_says_why_if_only_one_option(team, new_page):
    page = new_page(java_script_enabled=False)
    sign_in(page, "anna")
    page.goto(team["group"].get_absolute_url())
    page.get_by_text("Peiling toevoegen").click()
    page.fill("#composer-body", "Wie gaat er mee?")
    page.get_by_label("Antwoord 1", exact=True).fill("Ik")
    page.get_by_role("button", name="Plaatsen").click()
    expect(page.get_by_role("alert")).to_contain_text("ten minste twee antwoorden")
    expect(page.get_by_label("Antwoord 1", exact=True)).to_have_value("Ik")
    expect(page.locator("#composer-body")).to_have_value("Wie gaat er mee?")
