"""Journey: the Content Security Policy blocks nothing Kring itself needs, in a real Chromium."""

import pytest

from kring.groups import services as group_services
from kring.posts import services as post_services
from tests.e2e.browser import sign_in

pytestmark = pytest.mark.e2e

# Chromium fires this event (and logs to the console) for everything the policy blocks.
WATCH_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
});
"""


def test_pages_pass_if_the_browser_reports_no_csp_violation(person, new_page):
    anna = person("anna", site_admin=True)
    group = group_services.group_create(
        actor=anna, name="Tuinclub", description="Over planten", visibility="open"
    )
    post = post_services.post_create(actor=anna, group=group, body="Wie heeft er **stekjes**?")

    page = new_page()
    page.context.add_init_script(WATCH_VIOLATIONS)
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    sign_in(page, "anna")
    pages = [
        "/",
        "/company/",
        "/groups/",
        group.get_absolute_url(),
        post.get_absolute_url(),
        "/people/",
        anna.get_absolute_url(),
        "/settings/profile/",
        "/api/v1/docs",
    ]
    for url in pages:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        if url == post.get_absolute_url():
            # The composer's scripts (draft keeping, Markdown toolbar) run under the policy.
            page.locator("textarea:visible").first.fill("Ik heb er nog drie.")
        if url == "/api/v1/docs":
            page.locator(".opblock").first.wait_for()  # Swagger UI rendered its operations
        assert page.evaluate("window.cspViolations") == [], url
    assert not [text for text in console if "Content Security Policy" in text]
