"""Security headers and cookies on pages and the API, and `check --deploy` for production."""

import os
import re
import secrets
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client

from kring.api.services import api_token_issue

REPO = Path(settings.BASE_DIR)


@pytest.fixture(autouse=True)
def _fresh_cache(db):
    """Rate-limit counts from other tests must not answer 429 here."""
    cache.clear()
    yield
    cache.clear()


class _PageParts(HTMLParser):
    """Collect what a Content Security Policy without 'unsafe-inline' would block."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.inline_styles: list[str] = []  # style attributes and <style> elements
        self.event_handlers: list[str] = []  # onclick=… and javascript: links

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "script":
            self.scripts.append(attributes)
        if tag == "style" or "style" in attributes:
            self.inline_styles.append(f"<{tag} style={attributes.get('style')!r}>")
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.event_handlers.append(f"<{tag} {name}={value!r}>")


def _parts(response) -> _PageParts:
    parser = _PageParts()
    parser.feed(response.content.decode())
    return parser


def _policy(response) -> dict[str, list[str]]:
    header = response.headers["Content-Security-Policy"]
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in directives}


def _main_pages(world) -> list[str]:
    return [
        "/",
        "/company/",
        "/groups/",
        world.groups["open"].get_absolute_url(),
        f"{world.groups['open'].get_absolute_url()}members/",
        world.posts["company"].get_absolute_url(),
        "/groups/new/",
        "/people/",
        world.member.get_absolute_url(),
        "/settings/profile/",
        "/page-that-does-not-exist/",
    ]


def test_page_passes_if_it_sends_every_security_header(world, client_for):
    response = client_for(world.member).get("/")
    assert response.status_code == 200
    policy = _policy(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"][0] == "'self'"
    assert re.fullmatch(r"'nonce-[\w-]{16,}'", policy["script-src"][1])
    assert "'unsafe-inline'" not in policy["script-src"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_api_response_passes_if_it_sends_the_security_headers(world):
    token = api_token_issue(user=world.member)
    response = Client(headers={"authorization": f"Bearer {token}"}).get("/api/v1/me")
    assert response.status_code == 200
    assert _policy(response)["default-src"] == ["'self'"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_pages_pass_if_every_script_carries_the_nonce_of_their_policy(world, client_for):
    client = client_for(world.member)
    for url in _main_pages(world):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        nonce = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"])[1]
        parts = _parts(response)
        assert len(parts.scripts) >= 2, url  # htmx and kring.js
        for script in parts.scripts:
            assert script.get("nonce") == nonce, (url, script)
        assert not parts.event_handlers, (url, parts.event_handlers)
        assert not parts.inline_styles, (url, parts.inline_styles)


def test_each_response_passes_if_it_gets_a_new_nonce(world, client_for):
    client = client_for(world.member)
    first, second = client.get("/"), client.get("/")
    assert _policy(first)["script-src"] != _policy(second)["script-src"]


def test_signed_out_pages_pass_if_no_inline_script_or_style_needs_unsafe_inline(db):
    for url in ["/accounts/login/", "/accounts/password/reset/"]:
        response = Client().get(url)
        assert response.status_code == 200, url
        parts = _parts(response)
        assert parts.scripts and all(s.get("nonce") for s in parts.scripts), url
        assert not parts.event_handlers, url
        assert not parts.inline_styles, url


def test_htmx_fragment_passes_if_written_markup_brings_no_script_or_style(world, client_for):
    body = '<script>alert(1)</script><p style="color:red" onclick="x()">Hoi</p>'
    response = client_for(world.member).post(
        "/posts/preview/", {"body": body}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    parts = _parts(response)
    assert not parts.scripts
    assert not parts.event_handlers
    assert not parts.inline_styles


def test_cookies_pass_if_scripts_cannot_read_them(world):
    client = Client()
    page = client.get("/accounts/login/")
    assert page.cookies["csrftoken"]["httponly"]
    assert page.cookies["csrftoken"]["samesite"] == "Lax"
    signed_in = client.post(
        "/accounts/login/", {"login": "bram", "password": "Geheim-wachtwoord-42"}
    )
    assert signed_in.status_code == 302
    assert signed_in.cookies[settings.SESSION_COOKIE_NAME]["httponly"]
    assert signed_in.cookies[settings.SESSION_COOKIE_NAME]["samesite"] == "Lax"


def _deploy_check(tmp_path: Path, **env: str) -> tuple[int, set[str], str]:
    """Run `check --deploy --fail-level WARNING` with the production settings."""
    # A production process's environment: nothing from this test run (the browser tests
    # set DJANGO_ALLOW_ASYNC_UNSAFE, which check --deploy rightly refuses).
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "KRING_"))
    }
    environment |= {
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "KRING_SECRET_KEY": secrets.token_urlsafe(64),
        "KRING_VAR_DIR": str(tmp_path),
        **{name: value for name, value in env.items() if value},
    }
    result = subprocess.run(  # noqa: S603 (our own manage.py)
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    return result.returncode, set(re.findall(r"\((\w+\.\w+)\)", output)), output


def test_deploy_check_passes_if_production_runs_behind_https(tmp_path):
    code, issues, output = _deploy_check(tmp_path, KRING_HTTPS="1")
    assert issues == set(), output
    assert code == 0, output


def test_deploy_check_fails_only_on_https_settings_if_https_is_off(tmp_path):
    code, issues, output = _deploy_check(tmp_path, KRING_HTTPS="")
    # HSTS, the redirect to https and the two secure cookies need HTTPS; nothing else.
    assert issues == {"security.W004", "security.W008", "security.W012", "security.W016"}, output
    assert code == 1, output
