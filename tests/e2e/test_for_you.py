"""Journey: follow a topic on Ontdekken and see it ranked first in "Voor jou" (issue 4)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from kring.posts import services as post_services
from kring.posts.models import Post
from tests.e2e.browser import sign_in

pytestmark = pytest.mark.e2e


def test_following_topic_ranks_its_post_first_with_reason(person, new_page):
    person("anna", last_name="de Vries")
    bram = person("bram", last_name="Jansen")
    tagged = post_services.post_create(
        actor=bram, group=None, body="Nieuwe leveranciers voor #inkoop gezocht"
    )
    earlier = timezone.now() - timedelta(hours=20)
    Post.objects.filter(pk=tagged.pk).update(created_at=earlier, last_activity_at=earlier)
    for i in range(4):
        post_services.post_create(actor=bram, group=None, body=f"Koffie op de derde, ronde {i}")
    page = new_page()
    sign_in(page, "anna")
    page.goto("/")
    first = page.locator("#feed article.post").first
    expect(first).not_to_have_id(f"post-{tagged.pk}")  # newer posts come first at the start

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Ontdekken").click()
    expect(page.get_by_role("heading", name="Ontdekken", level=1)).to_be_visible()
    row = page.locator(".discover-list li").filter(has_text="#inkoop")
    row.get_by_role("button", name="Volgen").click()
    expect(row.get_by_role("button", name="Volgend")).to_have_attribute("aria-pressed", "true")

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Start").click()
    expect(page.get_by_role("link", name="Voor jou")).to_have_attribute("aria-current", "page")
    expect(page.locator("#feed article.post").first).to_have_id(f"post-{tagged.pk}")
    reason = page.locator(f"#reason-{tagged.pk}")
    expect(reason).to_have_text("Omdat je #inkoop volgt")
    assert page.locator("#feed .feed-reason").first.get_attribute("id") == f"reason-{tagged.pk}"

    page.get_by_role("link", name="Nieuwste", exact=True).click()
    expect(page.get_by_role("link", name="Nieuwste", exact=True)).to_have_attribute(
        "aria-current", "page"
    )
    expect(page.locator("#feed .feed-reason")).to_have_count(0)
    expect(page.locator("#feed article.post").first).not_to_have_id(f"post-{tagged.pk}")
