"""Take screenshots of Kring's main pages, in Dutch, at desktop and phone width.

Not a test: point it at a running server with demo data and look at the PNGs.

    .venv/bin/python tests/e2e/screenshots.py --base-url http://127.0.0.1:8000 --out screenshots/

It signs in through the real form, finds a group, a post with replies and a colleague
through the API, and saves <number>-<page>-<width>.png for every page and width.
"""

import argparse
import sys
from pathlib import Path
from urllib.parse import urljoin

from playwright.sync_api import APIRequestContext, Browser, sync_playwright

SIZES = [(1280, 900), (375, 800)]
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.e2e.browser import CHROMIUM, CHROMIUM_ARGS, LOGIN_PATH  # noqa: E402


def demo_login() -> tuple[str, str]:
    """The first demo colleague and the demo password, when the demo data module exists."""
    try:
        from kring.seed import demo_data
    except ImportError:
        return "admin", "admin"
    return demo_data.PEOPLE[0]["username"], demo_data.DEMO_PASSWORD


def _items(api: APIRequestContext, url: str) -> list[dict]:
    answer = api.get(url)
    if not answer.ok:
        print(f"  ! {url} answered {answer.status}", file=sys.stderr)
        return []
    return answer.json().get("items", [])


def find_pages(api: APIRequestContext, base_url: str, username: str) -> list[tuple[str, str]]:
    """The pages to photograph as (name, path), using what the demo user can see."""
    groups = _items(api, "/api/v1/groups")
    mine = [g for g in groups if g.get("role")] or groups
    posts = sorted(_items(api, "/api/v1/posts?feed=home"), key=lambda p: -p.get("reply_count", 0))
    # Prefer a conversation with an answer to a reply, to show the nesting.
    nested = (
        p
        for p in posts[:8]
        if any(r.get("depth", 0) > 0 for r in _items(api, f"/api/v1/posts/{p['id']}/replies"))
    )
    with_replies = next(nested, posts[0] if posts else None)
    colleague = (with_replies or {}).get("author", {}).get("username") or username
    pages = [
        ("sign-in", LOGIN_PATH),
        ("home-feed", "/"),
        ("home-newest", "/?tab=newest"),
        ("discover", "/discover/"),
        ("notifications", "/notifications/"),
        ("messages", "/messages/"),
        ("company-feed", "/company/"),
        ("group-page", mine[0]["url"] if mine else "/groups/"),
        ("post-page", with_replies["url"] if with_replies else "/"),
        ("people-directory", "/people/"),
        ("profile", f"/people/{colleague}/"),
        ("group-directory", "/groups/"),
    ]
    return [(name, urljoin(base_url, path)) for name, path in pages]


def shoot(browser: Browser, base_url: str, out: Path, username: str, password: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    signed_out = browser.new_context(base_url=base_url, locale="nl-NL")
    context = browser.new_context(base_url=base_url, locale="nl-NL")
    page = context.new_page()
    page.goto(LOGIN_PATH)
    page.fill("#id_login", username)
    page.fill("#id_password", password)
    page.locator(f"form[action='{LOGIN_PATH}'] button[type=submit]").click()
    page.wait_for_load_state()
    if LOGIN_PATH in page.url:
        raise SystemExit(f"Could not sign in as {username!r}: check the username and password.")
    pages = find_pages(context.request, base_url, username)
    for number, (name, url) in enumerate(pages, start=1):
        viewer = signed_out.new_page() if name == "sign-in" else page
        for width, height in SIZES:
            viewer.set_viewport_size({"width": width, "height": height})
            response = viewer.goto(url)
            viewer.wait_for_load_state("networkidle")
            path = out / f"{number:02d}-{name}-{width}.png"
            viewer.screenshot(path=str(path))
            print(f"{path}  ({response.status if response else '?'} {url})")
    signed_out.close()
    context.close()


def main() -> None:
    username, password = demo_login()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default="screenshots/", type=Path)
    parser.add_argument("--username", default=username)
    parser.add_argument("--password", default=password)
    args = parser.parse_args()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            shoot(browser, args.base_url, args.out, args.username, args.password)
        finally:
            browser.close()


if __name__ == "__main__":
    main()
