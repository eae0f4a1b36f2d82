"""axe-core finds no serious or critical violation on the main pages (WCAG 2.1 AA)."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from kring.announcements import services as announcement_services
from kring.conversations import services as conversation_services
from kring.files import services as file_services
from kring.files.tests.samples import png_bytes
from kring.follows.services import follow_add
from kring.groups import services as group_services
from kring.knowledge import services as knowledge_services
from kring.people.models import Department
from kring.polls.services import PollDraft, poll_create, poll_vote
from kring.posts import services as post_services
from kring.questions.services import answer_vote_toggle, question_accept_answer
from kring.questions.tests.helpers import answer, ask
from kring.reactions import services as reaction_services
from kring.topics.models import Topic
from tests.e2e.browser import LOGIN_PATH, sign_in

pytestmark = pytest.mark.e2e

BLOCKING = {"serious", "critical"}
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
}
PAGES = [
    "sign-in",
    "home feed",
    "group page",
    "post page",
    "people directory",
    "profile",
    "notifications",
    "notification settings",
    "topic page",  # issue 4
    "following list",  # issue 4
    "messages",
    "new message",
    "conversation",
    "who reacted",  # issue 4: reactions and praise
    "profile with praise",
    "who read",  # issue 4: announcements
    "post with a poll",  # issue 4: polls
    "discover",  # issue 4: the relevant feed
    "home feed, newest",
    "questions",  # issue 5: questions
    "question page",
    "knowledge base",  # issue 5
    "knowledge page",
    "knowledge page editor",
    "knowledge page history",
    "knowledge page diff",
    "search results",  # issue 5: search
    "search, nothing found",
    "group files",  # issue 5: file libraries
    "file page",
    "company files",
]


@pytest.fixture
def organisation(person):
    """A department, two colleagues, an open group with a post, a reply and an answer."""
    department = Department.objects.create(name="Burgerzaken", slug="burgerzaken")
    anna = person("anna", last_name="de Vries", department=department, job_title="Teamleider")
    bram = person("bram", last_name="Jansen", department=department)
    group = group_services.group_create(
        actor=anna,
        name="Team Dienstverlening",
        description="Alles over de balie.",
        visibility="open",
    )
    group_services.membership_add(actor=anna, group=group, user=bram)
    post = post_services.post_create(
        actor=anna,
        group=group,
        body="**Nieuw**: vanaf maandag werken we met [afspraken](https://example.org).\n\n- balie\n- telefoon",
    )
    reply = post_services.reply_create(actor=bram, post=post, body="Top, `handig`!")
    post_services.reply_create(actor=anna, post=post, parent=reply, body="Graag gedaan.")
    post_services.post_create(actor=bram, group=None, body="Over #inkoop met @anna")
    follow_add(actor=anna, target=bram)
    follow_add(actor=anna, target=group)
    follow_add(actor=anna, target=Topic.objects.get(key="inkoop"))
    conversation = conversation_services.conversation_start(
        actor=bram, participants=[anna], body="Heb je even tijd voor de **planning**?"
    )
    conversation_services.message_send(actor=anna, conversation=conversation, body="Ja, om 3 uur.")
    # Reactions and a praise post, so the feed, thread and profile show them (issue 4).
    reaction_services.reaction_toggle(actor=bram, target=post, kind="thanks")
    reaction_services.reaction_toggle(actor=anna, target=reply, kind="like")
    reaction_services.praise_create(
        actor=anna, group=group, body="Dank!", praised_ids=[bram.pk], reason="de nieuwe balie"
    )
    # An announcement by Anna, the group's admin, that Bram has read (issue 4).
    announcement = announcement_services.announcement_create(
        actor=anna, group=group, body="Vanaf maandag is de balie om **8 uur** open."
    )
    announcement_services.announcement_read(actor=bram, post=announcement)
    # A poll Anna has not voted in (the form), and one she voted in (the results).
    poll_post = post_services.post_create(actor=bram, group=group, body="Waar lunchen we?")
    poll_create(actor=bram, post=poll_post, draft=PollDraft(["Kantine", "Park"]))
    voted = post_services.post_create(actor=bram, group=group, body="Koffie of thee?")
    poll = poll_create(actor=bram, post=voted, draft=PollDraft(["Koffie", "Thee"], multiple=True))
    poll_vote(actor=anna, post=voted, option_ids=[poll.options.first().pk])
    # A question by Bram with two answers, one accepted, one voted for (issue 5).
    question = ask(bram, group, title="Waar vind ik het declaratieformulier?")
    accepted = answer(anna, question, "Op intranet, onder **Formulieren**.")
    voted_answer = answer(bram, question, "Of vraag het aan het secretariaat.")
    answer_vote_toggle(actor=anna, reply=voted_answer)
    question_accept_answer(actor=bram, post=question, reply_id=accepted.pk)
    ask(anna, None, title="Wie heeft een goede tip voor de kerstlunch?")
    # A stale knowledge page Anna owns, saved from the thread, edited once (issue 5).
    folder = knowledge_services.folder_create(actor=anna, group=group, name="Balie", parent=None)
    knowledge_page = knowledge_services.page_create(
        actor=anna,
        group=group,
        title="Afspraken aan de balie",
        body="## Stappen\n\n1. Groet\n2. Help",
        folder=folder,
        kind="procedure",
        review_by=datetime.date(2020, 1, 1),
        source_post=post,
    )
    knowledge_services.page_update(
        actor=anna,
        page=knowledge_page,
        base_version=1,
        title=knowledge_page.title,
        body="## Stappen\n\n1. Groet vriendelijk\n2. Help",
        folder=folder,
        kind="procedure",
        is_onboarding=True,
    )
    # A folder, a document with two versions and an image in the group's files (issue 5).
    file_services.folder_create(actor=anna, group=group, name="Formulieren")
    plan = file_services.file_upload(
        actor=anna, group=group, upload=SimpleUploadedFile("plan.md", b"# Plan")
    )
    file_services.file_version_add(
        actor=bram, file=plan, upload=SimpleUploadedFile("plan.md", b"# Plan 2")
    )
    file_services.file_upload(
        actor=anna, group=group, upload=SimpleUploadedFile("balie.png", png_bytes())
    )
    return {
        "sign-in": LOGIN_PATH,
        "home feed": "/",
        "group page": group.get_absolute_url(),
        "post page": post.get_absolute_url(),
        "people directory": "/people/",
        "profile": anna.get_absolute_url(),
        # Bram's reply notified Anna, so the list has an unread item.
        "notifications": "/notifications/",
        "notification settings": "/notifications/preferences/",
        "topic page": "/topics/inkoop/",
        "following list": f"/people/{anna.username}/following/",
        "messages": "/messages/",
        "new message": "/messages/new/?to=bram&q=jan",
        "conversation": conversation.get_absolute_url(),
        "who reacted": f"/posts/{post.pk}/reactions/",
        "profile with praise": bram.get_absolute_url(),
        "who read": f"/announcements/{announcement.pk}/reads/",
        "post with a poll": poll_post.get_absolute_url(),
        "discover": "/discover/",
        "home feed, newest": "/?tab=newest",
        "questions": "/questions/?show=all",
        "question page": question.get_absolute_url(),
        "knowledge base": f"/knowledge/groups/{group.slug}/",
        "knowledge page": knowledge_page.get_absolute_url(),
        "knowledge page editor": f"/knowledge/pages/{knowledge_page.pk}/edit/",
        "knowledge page history": f"/knowledge/pages/{knowledge_page.pk}/history/",
        "knowledge page diff": f"/knowledge/pages/{knowledge_page.pk}/diff/?from=1&to=2",
        "search results": "/search/?q=balie+afspraken",
        "search, nothing found": "/search/?q=zeilboot&kind=post",
        "group files": f"/groups/{group.slug}/files/",
        "file page": plan.get_absolute_url(),
        "company files": "/files/",
    }


def _describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [", ".join(node["target"]) for node in violation["nodes"]][:5]
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}\n"
            f"  {violation['helpUrl']}\n  at: {' | '.join(targets)}"
        )
    return "\n".join(lines)


def _blocking_violations(page) -> list[dict]:
    results = Axe().run(page, options=AXE_OPTIONS)
    return [v for v in results.response["violations"] if v["impact"] in BLOCKING]


def test_sign_in_page_has_no_serious_axe_violation_if_signed_out(organisation, new_page):
    page = new_page()
    assert page.goto(organisation["sign-in"]).status == 200
    blocking = _blocking_violations(page)
    assert not blocking, f"axe on the sign-in page:\n{_describe(blocking)}"


def test_main_pages_have_no_serious_axe_violation_if_signed_in(organisation, new_page):
    page = new_page()
    sign_in(page, "anna")
    report = []
    for name in PAGES[1:]:
        response = page.goto(organisation[name])
        assert response.status == 200, name
        blocking = _blocking_violations(page)
        if blocking:
            report.append(f"axe on {name} ({organisation[name]}):\n{_describe(blocking)}")
    assert not report, "\n".join(report)


def test_composer_has_no_serious_axe_violation_if_question_suggestions_are_open(
    organisation, new_page
):
    """ "Ask before you post" (issue 5): the composer with its suggestions showing."""
    page = new_page()
    sign_in(page, "bram")
    page.goto(organisation["home feed"])
    page.get_by_text("Stel een vraag").click()
    page.get_by_label("Je vraag in één zin").press_sequentially("declaratieformulier balie")
    suggestions = page.locator("#question-suggestions")
    expect(
        suggestions.get_by_role("link", name="Waar vind ik het declaratieformulier?")
    ).to_be_visible()
    expect(suggestions.get_by_role("link", name="Afspraken aan de balie")).to_be_visible()
    blocking = _blocking_violations(page)
    assert not blocking, f"axe on the composer with suggestions:\n{_describe(blocking)}"
