"""Journey: a group admin posts an announcement, a member reads it, the author sees who read it."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from kring.groups import services as group_services
from kring.posts.models import Post
from tests.e2e.browser import sign_in
from tests.e2e.test_accessibility import AXE_OPTIONS, BLOCKING, _describe

pytestmark = pytest.mark.e2e


@pytest.fixture
def team(person):
    anna = person("anna", last_name="de Vries", job_title="Teamleider")
    bram = person("bram", last_name="Jansen")
    carla = person("carla", last_name="Bakker")
    group = group_services.group_create(
        actor=anna, name="Team Balie", description="De balie.", visibility="closed"
    )
    group_services.membership_add(actor=anna, group=group, user=bram)
    group_services.membership_add(actor=anna, group=group, user=carla)
    return {"group": group}


def _no_blocking_violations(page, name: str) -> None:
    results = Axe().run(page, options=AXE_OPTIONS)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING]
    assert not blocking, f"axe on {name}:\n{_describe(blocking)}"


def test_announcement_is_pinned_read_and_counted_if_group_admin_posts_it(team, new_page):
    group_url = team["group"].get_absolute_url()
    author = new_page()
    sign_in(author, "anna")
    author.goto(group_url)
    author.fill("#composer-body", "Vanaf maandag gaat de balie om **8 uur** open.")
    author.get_by_label("Als aankondiging plaatsen").check()
    author.get_by_role("button", name="Plaatsen").click()
    expect(author.locator("#feed .badge-announcement").first).to_have_text("Aankondiging")
    post = Post.objects.get(is_announcement=True)

    reader = new_page()
    sign_in(reader, "bram")
    reader.goto("/")
    pinned = reader.locator(f"#pin-{post.pk}")
    expect(pinned).to_contain_text("Moet je lezen")
    expect(pinned).to_contain_text("de balie om 8 uur open")
    _no_blocking_violations(reader, "the home feed with a pinned announcement")
    reader.evaluate("window.notReloaded = true")
    pinned.get_by_role("button", name="Gelezen").click()
    expect(pinned.locator(".announcement-done")).to_have_text("Gelezen. Dank je!")
    assert reader.evaluate("window.notReloaded === true"), "htmx should swap, not reload"
    reader.goto(group_url)
    expect(reader.locator(f"#pin-{post.pk}")).to_have_count(0)

    author.goto(post.get_absolute_url())
    count = author.get_by_role("link", name="Gelezen door 1 van 2")
    expect(count).to_be_visible()
    count.click()
    expect(author.locator("h1")).to_have_text("Wie heeft de aankondiging gelezen")
    expect(author.locator("main")).to_contain_text("Nog niet gelezen (1)")
    expect(author.locator("main")).to_contain_text("Carla Bakker")
    _no_blocking_violations(author, "the who-read page")


def test_mark_read_works_as_plain_form_if_no_javascript(team, new_page):
    from kring.announcements.services import announcement_create
    from kring.people.models import User

    anna = User.objects.get(username="anna")
    post = announcement_create(actor=anna, group=team["group"], body="Nieuwe sleutels ophalen.")
    page = new_page(java_script_enabled=False)
    sign_in(page, "carla")
    page.goto(team["group"].get_absolute_url())
    page.locator(f"#pin-{post.pk}").get_by_role("button", name="Gelezen").click()
    expect(page.locator(f"#pin-{post.pk}")).to_have_count(0)
    expect(page.get_by_text("Gemarkeerd als gelezen. Dank je!")).to_be_visible()


def test_leaders_page_has_no_serious_axe_violation_if_site_admin(person, new_page):
    person("sita", last_name="Beheer", site_admin=True)
    person("erik", last_name="van Dijk", job_title="Gemeentesecretaris")
    page = new_page()
    sign_in(page, "sita")
    page.goto("/announcements/leaders/")
    page.fill("#leader-username", "erik")
    page.get_by_role("button", name="Leidinggevende maken").click()
    expect(page.locator("main")).to_contain_text("Erik van Dijk")
    _no_blocking_violations(page, "the leaders page")
