"""Journey: search a word, see who knows about it and why, go to their profile, see what
they answered (issue 5, "Wie weet hier meer van?"); axe on the pages that show it."""

import re

import pytest
from playwright.sync_api import expect

from kring.experts.tests.helpers import answered_question
from kring.groups import services as group_services
from kring.knowledge.services import page_create
from kring.people.services import profile_update
from kring.posts import services as post_services
from tests.e2e.browser import sign_in
from tests.e2e.test_accessibility import _blocking_violations, _describe

pytestmark = pytest.mark.e2e


@pytest.fixture
def colleagues(person):
    anna = person("anna", last_name="de Vries", job_title="Teamleider")
    bram = person("bram", last_name="Jansen", job_title="Inkoper")
    carla = person("carla", last_name="Bakker")
    person("erik", last_name="Zoekt")
    secret = group_services.group_create(actor=anna, name="Directieraad", visibility="secret")
    group_services.membership_add(actor=anna, group=secret, user=bram)
    answered_question(
        asker=anna,
        answerer=bram,
        group=None,
        title="Hoe werkt de inkoop van laptops?",
        answer="Via het inkoopportaal, met een offerte.",
    )
    answered_question(
        asker=anna,
        answerer=bram,
        group=None,
        title="Mag ik inkoop doen bij een lokale winkel?",
        answer="Ja, onder de 1000 euro.",
    )
    answered_question(
        asker=anna,
        answerer=bram,
        group=secret,
        title="Geheime inkoop van een directieauto?",
        answer="Dat regelen we stil.",
    )
    page_create(actor=carla, group=None, title="Inkoop: een offerte aanvragen", body="Stappen.")
    profile_update(actor=carla, person=carla, expertise=["inkoop"])
    post_services.post_create(actor=carla, group=None, body="Nieuwe regels voor #inkoop.")
    return bram


def test_who_knows_passes_if_search_shows_colleague_reason_and_profile_answer(colleagues, new_page):
    page = new_page()
    sign_in(page, "erik")
    page.goto("/")
    page.keyboard.press("/")
    page.locator("#topbar-search-input").press_sequentially("inkoop")
    page.locator("#topbar-search-input").press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=inkoop$"))
    block = page.get_by_role("region", name="Wie weet hier meer van?")
    people = block.locator(".who-knows-person")
    expect(people).to_have_count(2)
    expect(people.first).to_contain_text("Bram Jansen")
    expect(people.first).to_contain_text("2 geaccepteerde antwoorden")  # not the secret one
    expect(people.nth(1)).to_contain_text("Eigenaar van 1 kennispagina")
    expect(people.nth(1)).to_contain_text("Expertise: inkoop")
    expect(block.get_by_role("link", name="Stuur een bericht aan Bram Jansen")).to_be_visible()
    # Another search swaps the results in place (htmx), and the block follows it.
    page.fill("#id_q", "laptops")
    page.locator("#id_q").press("Enter")
    expect(people).to_have_count(1)
    expect(people.first).to_contain_text("Bram Jansen")

    block.get_by_role("link", name="Bram Jansen", exact=True).click()
    expect(page).to_have_url(re.compile(r"/people/bram/$"))
    answered = page.locator(".answered-questions")
    expect(answered).to_contain_text("Hoe werkt de inkoop van laptops?")
    expect(answered).not_to_contain_text("directieauto")
    answered.get_by_role("link", name="Hoe werkt de inkoop van laptops?").click()
    expect(page.locator("#answers")).to_contain_text("Via het inkoopportaal")


def test_who_knows_pages_have_no_serious_axe_violation_if_block_shown(colleagues, new_page):
    page = new_page()
    sign_in(page, "erik")
    report = []
    for url in ("/search/?q=inkoop", "/topics/inkoop/", colleagues.get_absolute_url()):
        assert page.goto(url).status == 200, url
        expect(page.locator(".who-knows, .profile-knowledge").first).to_be_visible()
        blocking = _blocking_violations(page)
        if blocking:
            report.append(f"axe on {url}:\n{_describe(blocking)}")
    assert not report, "\n".join(report)
