"""Journeys: ask a question in the composer, a colleague answers and votes by keyboard,
the asker accepts; the accepted answer shows first."""

import pytest
from playwright.sync_api import Page, expect

from kring.groups import services as group_services
from kring.posts.models import Post
from kring.questions.models import AnswerVote, Question
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
