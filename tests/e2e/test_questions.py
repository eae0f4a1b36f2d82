"""Journeys: ask a question in the composer, a colleague answers and votes by keyboard,
the asker accepts; the accepted answer shows first."""

import re

import pytest
from playwright.sync_api import Page, expect

from kring.groups import services as group_services
from kring.posts.models import Post
from kring.questions.models import AnswerVote, Question
from kring.questions.services import question_accept_answer
from kring.questions.tests.helpers import answer, ask
from tests.e2e.browser import sign_in

pytestmark = pytest.mark.e2e


@pytest.fixture
def team(person):
    anna = person("anna", last_name="de Vries")
    bram = person("bram", last_name="Jansen")
    carla = person("carla", last_name="Bakker")
    group = group_services.group_create(
        actor=anna, name="Team Balie", description="De balie.", visibility="open"
    )
    group_services.membership_add(actor=anna, group=group, user=bram)
    return {"anna": anna, "bram": bram, "carla": carla, "group": group}


def _htmx_idle(page: Page) -> None:
    expect(page.locator(".htmx-request, .htmx-swapping, .htmx-settling")).to_have_count(0)


def _tab_to(page: Page, locator, max_presses: int = 120) -> None:
    """Press Tab until `locator` has focus; fail if it is not reachable."""
    handle = locator.element_handle()
    for _ in range(max_presses):
        if page.evaluate("(el) => document.activeElement === el", handle):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{locator} cannot be reached with Tab")


def _answer(page: Page, post: Post, text: str) -> None:
    page.goto(post.get_absolute_url())
    page.fill("#reply-form-body", text)
    page.locator("#reply-form button[type=submit]").click()
    expect(page.locator("#replies")).to_contain_text(text)


def test_question_is_asked_answered_voted_and_accepted_answer_shows_first(team, new_page):
    page = new_page()
    sign_in(page, "anna")
    page.goto(team["group"].get_absolute_url())
    page.get_by_text("Stel een vraag").click()
    page.get_by_label("Je vraag in één zin").fill("Hoe vraag ik verlof aan voor een cursus?")
    page.fill("#composer-body", "Ik wil in maart een cursus Klantgericht schrijven doen.")
    page.get_by_role("button", name="Plaatsen").click()
    card = page.locator("#feed .post").first
    expect(card).to_contain_text("Hoe vraag ik verlof aan voor een cursus?")
    expect(card.locator(".badge-question")).to_contain_text("Vraag")
    post = Post.objects.get(is_question=True)

    bram = new_page()
    sign_in(bram, "bram")
    _answer(bram, post, "Via het HR-portaal, onder Verlof.")
    carla = new_page()
    sign_in(carla, "carla")
    _answer(carla, post, "Vraag eerst je teamleider om akkoord.")

    # Carla finds Bram's answer useful, by keyboard.
    carla.goto(post.get_absolute_url())
    bram_answer = Post.objects.get(pk=post.pk).replies.get(author=team["bram"])
    vote = carla.locator(f"#answer-{bram_answer.pk}-vote button")
    carla.evaluate("document.activeElement.blur()")
    _htmx_idle(carla)
    _tab_to(carla, vote)
    carla.keyboard.press("Enter")
    expect(carla.locator(f"#answer-{bram_answer.pk}-vote button")).to_have_attribute(
        "aria-pressed", "true"
    )
    assert AnswerVote.objects.filter(user=team["carla"], reply=bram_answer).exists()

    # Anna accepts Carla's answer: it moves to the top, highlighted.
    carla_answer = Post.objects.get(pk=post.pk).replies.get(author=team["carla"])
    page.goto(post.get_absolute_url())
    answers = page.locator("#answers .answer")
    expect(answers.first).to_contain_text("Via het HR-portaal")  # more votes first
    page.locator(f"#answer-{carla_answer.pk}").get_by_role(
        "button", name="Accepteer dit antwoord"
    ).click()
    expect(page.locator("#answers")).to_contain_text("Het antwoord is geaccepteerd.")
    expect(answers.first).to_contain_text("Geaccepteerd antwoord")
    expect(answers.first).to_contain_text("Vraag eerst je teamleider")
    assert Question.objects.get(pk=post.pk).accepted_answer_id == carla_answer.pk

    # The open list no longer shows it; "all" does, as answered.
    page.goto("/questions/")
    expect(page.locator("main")).not_to_contain_text("Hoe vraag ik verlof aan")
    page.get_by_role("link", name="Alle", exact=True).click()
    expect(page.locator(".question-list")).to_contain_text("Hoe vraag ik verlof aan")
    expect(page.locator(".question-list .badge-answered")).to_have_count(1)


def test_accepting_works_without_javascript(team, new_page):
    post = ask(team["anna"], team["group"], title="Waar staat de printer?")
    reply = answer(team["bram"], post, "Naast de koffieautomaat.")
    plain = new_page(java_script_enabled=False)
    sign_in(plain, "anna")
    plain.goto(post.get_absolute_url())
    plain.get_by_role("button", name="Accepteer dit antwoord").click()
    expect(plain.locator(f"#answer-{reply.pk}")).to_contain_text("Geaccepteerd antwoord")


def test_typing_a_question_title_shows_answered_question_if_it_exists_by_keyboard(team, new_page):
    """Ask before you post: Bram starts asking what Anna already asked; Kring shows her
    answered question (not a secret group's), the keyboard reaches it, and going back
    keeps what he typed."""
    asked = ask(team["anna"], team["group"], title="Hoe vraag ik verlof aan voor een cursus?")
    reply = answer(team["carla"], asked, "Via het HR-portaal, onder Verlof.")
    question_accept_answer(actor=team["anna"], post=asked, reply_id=reply.pk)
    secret = group_services.group_create(actor=team["anna"], name="Directie", visibility="secret")
    ask(team["anna"], secret, title="Verlof voor de cursus van de directie?")

    page = new_page()
    sign_in(page, "bram")
    page.goto("/")
    page.get_by_text("Stel een vraag").click()
    title = page.get_by_label("Je vraag in één zin")
    title.press_sequentially("verlof voor een cursus")
    suggestions = page.locator("#question-suggestions")
    expect(suggestions).to_contain_text("Misschien staat het antwoord hier al")
    link = suggestions.get_by_role("link", name="Hoe vraag ik verlof aan voor een cursus?")
    expect(link).to_be_visible()
    expect(suggestions).to_contain_text("beantwoord")
    expect(suggestions).to_contain_text("Team Balie")
    expect(suggestions).not_to_contain_text("directie")

    # From the title, Tab reaches the suggestion; Enter opens the question in this tab.
    expect(title).to_be_focused()
    _tab_to(page, link, max_presses=3)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/{asked.pk}"))
    expect(page.locator("#answers .answer").first).to_contain_text("Geaccepteerd antwoord")

    page.go_back()
    expect(page.get_by_label("Je vraag in één zin")).to_have_value("verlof voor een cursus")

    # Too short, or nothing like it: the region is empty again.
    title = page.get_by_label("Je vraag in één zin")
    title.fill("")
    title.press_sequentially("ve")
    expect(page.locator("#question-suggestions li")).to_have_count(0)


def test_accepted_answer_promoted_to_a_best_practice_page_links_both_ways(team, new_page):
    """Ask, answer, accept, save the answer as a best practice, edit the title, save: the
    page links to the thread and the thread to the page."""
    anna = new_page()
    sign_in(anna, "anna")
    anna.goto(team["group"].get_absolute_url())
    anna.get_by_text("Stel een vraag").click()
    anna.get_by_label("Je vraag in één zin").fill("Hoe zet ik de printer op dubbelzijdig?")
    anna.fill("#composer-body", "Elke keer print hij enkelzijdig.")
    anna.get_by_role("button", name="Plaatsen").click()
    expect(anna.locator("#feed .post").first).to_contain_text("printer op dubbelzijdig")
    post = Post.objects.get(is_question=True)

    bram = new_page()
    sign_in(bram, "bram")
    _answer(bram, post, "Kies bij Afdrukken voor Eigenschappen en dan Duplex.")

    anna.goto(post.get_absolute_url())
    anna.locator("#answers .answer").first.get_by_role(
        "button", name="Accepteer dit antwoord"
    ).click()
    accepted = anna.locator("#answers .answer-accepted")
    expect(accepted).to_contain_text("Geaccepteerd antwoord")
    accepted.get_by_role("link", name="Bewaar dit antwoord als best practice").click()

    expect(anna.get_by_role("heading", name="Bewaar als best practice")).to_be_visible()
    expect(anna.locator("#page-title")).to_have_value("Hoe zet ik de printer op dubbelzijdig?")
    expect(anna.locator("#page-kind")).to_have_value("best_practice")
    body = anna.locator("#page-body")
    expect(body).to_contain_text("Het geaccepteerde antwoord")
    expect(body).to_contain_text("> Kies bij Afdrukken voor Eigenschappen en dan Duplex.")
    expect(body).to_contain_text("— *Bram Jansen*")
    anna.locator("#page-title").fill("Dubbelzijdig printen")
    anna.get_by_role("button", name="Pagina opslaan").click()

    expect(anna.get_by_role("heading", name="Dubbelzijdig printen", level=1)).to_be_visible()
    expect(anna.locator("main")).to_contain_text("Kies bij Afdrukken")
    expect(anna.locator(".kb-source")).to_contain_text("Bewaard uit het gesprek:")
    anna.locator(".kb-source").get_by_role(
        "link", name="Hoe zet ik de printer op dubbelzijdig?"
    ).click()
    expect(anna).to_have_url(re.compile(rf"/{post.pk}"))
    expect(anna.locator("main")).to_contain_text("Bewaard in de kennisbank:")
    anna.get_by_role("link", name="Dubbelzijdig printen").click()
    expect(anna.get_by_role("heading", name="Dubbelzijdig printen", level=1)).to_be_visible()
