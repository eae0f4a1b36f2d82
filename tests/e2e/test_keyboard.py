"""Journey: signing in with the keyboard alone (Tab to move, typing, Enter to send)."""

import pytest
from playwright.sync_api import Page

from tests.e2e.browser import LOGIN_PATH, PASSWORD

pytestmark = pytest.mark.e2e


def _tab_to(page: Page, element_id: str, max_presses: int = 25) -> None:
    """Press Tab until the element has focus; fail if it is not reachable."""
    for _ in range(max_presses):
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"#{element_id} cannot be reached with Tab")


def _focus_is_visible(page: Page) -> bool:
    """Whether the focused element draws a focus ring (an outline or a box shadow)."""
    return page.evaluate(
        """() => {
            const style = getComputedStyle(document.activeElement);
            const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
            return outline || style.boxShadow !== 'none';
        }"""
    )


def test_sign_in_form_passes_if_used_with_keyboard_only(person, new_page):
    person("anna")
    page = new_page()
    page.goto(LOGIN_PATH)
    page.evaluate("document.activeElement && document.activeElement.blur()")  # start at the top
    _tab_to(page, "id_login")
    assert _focus_is_visible(page), "the username field shows no focus ring"
    page.keyboard.type("anna")
    _tab_to(page, "id_password")
    assert _focus_is_visible(page), "the password field shows no focus ring"
    page.keyboard.type(PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert LOGIN_PATH not in page.url
    assert page.locator("h1").count() == 1
