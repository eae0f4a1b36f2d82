"""What every journey shares: how Chromium is started and how a person signs in."""

from playwright.sync_api import Page

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "E2e-wachtwoord-42"
TIMEOUT_MS = 10_000
LOGIN_PATH = "/accounts/login/"


def sign_in(page: Page, username: str, password: str = PASSWORD) -> None:
    """Sign in through the real sign-in form and wait until the page after it is there."""
    page.goto(LOGIN_PATH)
    page.fill("#id_login", username)
    page.fill("#id_password", password)
    page.locator(f"form[action='{LOGIN_PATH}'] button[type=submit]").click()
    page.wait_for_url(lambda url: LOGIN_PATH not in url)
