"""Times are sent as exact moments and shown the way people talk, in the reader's language."""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from kring.posts import services as post_services
from kring.posts.models import Post
from tests.e2e.browser import sign_in


def test_times_read_relative_in_dutch_and_exact_without_javascript(new_page, person):
    author = person("tamara")
    fresh = post_services.post_create(actor=author, group=None, body="Net geplaatst")
    older = post_services.post_create(actor=author, group=None, body="Van drie uur terug")
    Post.objects.filter(pk=older.pk).update(created_at=timezone.now() - timedelta(hours=3))

    page = new_page()
    sign_in(page, "tamara")
    page.goto("/company/")
    expect(page.locator(f"#post-{fresh.pk} time")).to_have_text(re.compile(r"^(nu|zojuist)$"))
    expect(page.locator(f"#post-{older.pk} time")).to_have_text("3 uur geleden")
    # The exact moment stays available on hover and for assistive technology.
    title = page.locator(f"#post-{older.pk} time").get_attribute("title")
    assert re.search(r"\d{1,2} \w+ \d{4} \d{2}:\d{2}", title)

    plain = new_page(java_script_enabled=False)
    sign_in(plain, "tamara")
    plain.goto("/company/")
    exact = plain.locator(f"#post-{older.pk} time").inner_text()
    assert "geleden" not in exact and re.search(r"\d{2}:\d{2}", exact)
