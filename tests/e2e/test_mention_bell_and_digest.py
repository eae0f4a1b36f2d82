"""Journeys of issue 4's proof list: a mention changes the colleague's bell live; a digest
e-mail, rendered in the browser, says what it should and its links work (also a stale one).
"""

from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from kring.groups import services as group_services
from kring.notifications.digests import digests_send_due
from kring.notifications.models import DigestSettings, Notification
from kring.posts import services as post_services
from kring.posts.models import Post
from tests.e2e.browser import sign_in

pytestmark = pytest.mark.e2e

LIVE_MS = 2000
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
}


def test_mention_in_the_composer_changes_the_colleagues_bell_live(person, new_page):
    person("anna", last_name="de Vries")
    person("bram", last_name="Jansen")
    reader = new_page()
    sign_in(reader, "bram")
    reader.goto("/")
    reader.wait_for_selector("html[data-live='open']")
    expect(reader.locator("#bell-count")).to_be_hidden()

    writer = new_page()
    sign_in(writer, "anna")
    writer.goto("/")
    box = writer.locator("#composer-body")
    box.click()
    box.press_sequentially("Kun jij dit bekijken, @bra")
    expect(writer.locator("#mention-listbox [data-handle]")).to_have_count(1)
    box.press("Enter")
    box.press_sequentially("?")
    writer.locator("#composer button[type=submit]").click()
    expect(writer.locator("#feed a.mention[href='/people/bram/']")).to_be_visible()

    expect(reader.locator("#bell-count")).to_have_text("1", timeout=LIVE_MS)
    expect(reader.locator("#bell")).to_have_attribute("aria-label", "Meldingen, 1 ongelezen")
    reader.locator("#bell").click()
    item = reader.get_by_role("link", name="Anna de Vries noemde je")
    expect(item).to_be_visible()
    item.click()
    post = Post.objects.get()
    reader.wait_for_url(f"**{post.get_absolute_url()}**")
    expect(reader.locator("#bell")).to_have_attribute("aria-label", "Meldingen, niets ongelezen")


@pytest.fixture
def digest_for_bram(person, settings, live_server):
    """Bram's weekly digest, sent: an unread reply to his post and a popular post in his group."""
    settings.KRING_SITE_URL = live_server.url
    anna = person("anna", last_name="de Vries")
    bram = person("bram", last_name="Jansen")
    DigestSettings.objects.create(user=anna, frequency=DigestSettings.Frequency.NEVER)
    group = group_services.group_create(actor=anna, name="Team Inkoop", visibility="closed")
    group_services.membership_add(actor=anna, group=group, user=bram)
    mine = post_services.post_create(actor=bram, group=group, body="Wie kent leverancier X?")
    post_services.reply_create(actor=anna, post=mine, body="Ik, bel me even.")
    popular = post_services.post_create(actor=anna, group=group, body="Nieuwe inkoopregels 2027")
    post_services.reply_create(actor=bram, post=popular, body="Dank!")
    # The week after: the digest goes out on Monday, after the digest hour.
    local = timezone.localtime()
    monday = (local + timedelta(days=7 - local.weekday())).replace(hour=12, minute=0)
    Post.objects.update(created_at=monday - timedelta(days=1))
    Notification.objects.update(created_at=monday - timedelta(days=1))
    mail.outbox.clear()
    assert digests_send_due(now=monday) == 1
    assert digests_send_due(now=monday + timedelta(hours=1)) == 0  # once, not twice
    (message,) = mail.outbox
    return message, mine, popular


def _show(page: Page, html: str) -> None:
    page.goto("/")  # same origin, so relative checks and cookies behave as in a mail client
    page.set_content(html)


def test_digest_email_renders_readably_and_its_links_work(digest_for_bram, new_page):
    message, mine, popular = digest_for_bram
    assert message.subject == "Je week in Kring"
    assert "Anna de Vries reageerde op je bericht" in message.body
    page = new_page()
    sign_in(page, "bram")
    _show(page, message.alternatives[0][0])
    expect(page.get_by_text("Anna de Vries reageerde op je bericht")).to_be_visible()
    expect(page.get_by_text("Ik, bel me even.")).to_be_visible()
    expect(page.get_by_text("Populair in je groepen en onderwerpen")).to_be_visible()
    expect(page.get_by_text("Nieuwe inkoopregels 2027")).to_be_visible()
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not [v["id"] for v in violations if v["impact"] in {"serious", "critical"}]

    page.get_by_role("link", name="Anna de Vries reageerde op je bericht").click()
    page.wait_for_url(f"**{mine.get_absolute_url()}**")
    expect(page.get_by_text("Ik, bel me even.")).to_be_visible()

    _show(page, message.alternatives[0][0])
    page.locator(f"a[href$='{popular.get_absolute_url()}']").first.click()
    page.wait_for_url(f"**{popular.get_absolute_url()}**")


def test_digest_unsubscribe_link_works_in_one_click_and_a_stale_one_says_so(
    digest_for_bram, new_page
):
    message, _mine, _popular = digest_for_bram
    link = message.extra_headers["List-Unsubscribe"].strip("<>")
    page = new_page()  # not signed in: the link itself is enough
    page.goto(link)
    expect(page.get_by_text("Je krijgt de samenvatting niet meer per e-mail")).to_be_visible()
    stale = page.goto(link[:-4] + "xyz/")
    assert stale.status == 404
    expect(page.get_by_text("Deze link is verlopen of ongeldig")).to_be_visible()
