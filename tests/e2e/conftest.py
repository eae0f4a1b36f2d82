"""Browser fixtures: Debian's Chromium through Playwright, one fresh context per page a test asks for."""

import os
import time
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from kring.people.models import User
from kring.people.services import user_create
from tests.e2e.browser import CHROMIUM, CHROMIUM_ARGS, PASSWORD, TIMEOUT_MS

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM calls
# there unless told that this thread is not async code.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


@pytest.fixture(scope="session", autouse=True)
def _emptying_the_database_outlasts_a_last_request() -> Iterator[None]:
    """Empty the database after a browser test again if PostgreSQL broke a deadlock with it.

    The live server may still be answering a request of a page the test just closed (a
    live update's fetch) when the test's database is emptied. That request's query holds
    one table and waits for another that the emptying TRUNCATE already holds, and
    PostgreSQL fails the TRUNCATE; the request ends a moment later. Left as it was, the
    next test would start on the last one's rows.
    """
    from django.core.management.base import CommandError
    from django.db import OperationalError
    from django.test.testcases import TransactionTestCase

    original = TransactionTestCase._fixture_teardown

    def teardown(self) -> None:
        for attempt in range(5):
            try:
                return original(self)
            except CommandError as error:
                deadlock = isinstance(error.__cause__, OperationalError) and (
                    "deadlock detected" in str(error.__cause__)
                )
                if not deadlock or attempt == 4:
                    raise
                time.sleep(0.2)

    TransactionTestCase._fixture_teardown = teardown
    yield
    TransactionTestCase._fixture_teardown = original


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser: Browser, live_server) -> Iterator[Callable[..., Page]]:
    """Open a page in a new browser context (own cookies: one person per context)."""
    contexts: list[BrowserContext] = []

    def open_page(
        *, java_script_enabled: bool = True, width: int = 1280, height: int = 900
    ) -> Page:
        context = browser.new_context(
            base_url=live_server.url,
            java_script_enabled=java_script_enabled,
            viewport={"width": width, "height": height},
            locale="nl-NL",
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def person(transactional_db) -> Callable[..., User]:
    """Create a colleague who can sign in with PASSWORD."""

    def make(username: str, **kwargs) -> User:
        kwargs.setdefault("first_name", username.capitalize())
        return user_create(
            username=username, password=PASSWORD, email=f"{username}@e2e.example", **kwargs
        )

    return make


@pytest.fixture(autouse=True)
def live_streams_end() -> Iterator[None]:
    """End the event streams (kring/realtime) the test's pages left open on the live server.

    Under the live server (WSGI) a stream holds a server thread until it next writes; a
    closed browser is only noticed then, possibly after the server has stopped.
    """
    yield
    from kring.realtime.bus import bus

    bus().streams_end()
