"""Two web processes (`kring serve`: gunicorn with a uvicorn worker) on two ports are one site.

Like N web servers behind a load balancer: signed in on one, signed in on the other; a
photo uploaded through one is served by the other. They share only the database (the
suite's PostgreSQL test database, or a SQLite file) and the uploads folder
(KRING_MEDIA_ROOT). With Redis they also share live events: a reply written through one
appears at once in a browser connected to the other. Slower than a unit test (servers
start), hence e2e.
"""

import http.client
import io
import re
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.db import connection
from PIL import Image
from playwright.sync_api import expect

from kring.core.tests import processes
from kring.realtime.tests.conftest import REDIS_URL, needs_redis
from tests.e2e.browser import PASSWORD, TIMEOUT_MS, sign_in

pytestmark = pytest.mark.e2e

CREATE_PERSON = """
from kring.people.services import user_create
user_create(username="ans", email="ans@example.org", password={password!r}, first_name="Ans")
"""


@pytest.fixture
def shared(tmp_path, tmp_path_factory, transactional_db) -> processes.SharedDatabase:
    # transactional_db by name: the children must see what this process commits.
    if connection.vendor == "postgresql":
        database = processes.postgresql_test_database(tmp_path / "var")
    else:
        template = processes.migrate_sqlite(tmp_path_factory.mktemp("template"))
        database = processes.sqlite_copy(template, tmp_path / "var")
    # One uploads folder for both servers, as a shared mount would be.
    database.env["KRING_MEDIA_ROOT"] = str(tmp_path / "shared-media")
    # Production behaviour (DEBUG off) without collected static files.
    database.env["DJANGO_SETTINGS_MODULE"] = "kring.core.tests.child_settings"
    return database


def _serve(shared, tmp_path, names: tuple[str, ...], **env: str) -> Iterator[list[str]]:
    """Start `kring serve` (one worker each) for every name; yield their URLs."""
    servers, urls = [], []
    try:
        for name in names:
            port = processes.free_port()
            database = processes.SharedDatabase(
                env={
                    **shared.env,
                    **env,
                    "KRING_BIND": f"127.0.0.1:{port}",
                    "KRING_WEB_WORKERS": "1",
                },
                vendor=shared.vendor,
                sqlite_path=shared.sqlite_path,
            )
            command = [sys.executable, "-m", "kring.cli", "serve", "--no-collectstatic"]
            log = (tmp_path / f"web-{name}.log").open("w")
            servers.append(database.start(command, stdout=log, stderr=log))
            urls.append(f"http://127.0.0.1:{port}")
        for url in urls:
            _wait_for_health(url)
        yield urls
    finally:
        for server in servers:
            processes.stop(server)


@pytest.fixture
def two_servers(shared, tmp_path) -> Iterator[list[str]]:
    shared.run(CREATE_PERSON.format(password=PASSWORD))
    yield from _serve(shared, tmp_path, ("a", "b"))


def _wait_for_health(url: str) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=5) as answer:  # noqa: S310
                if answer.status == 200:
                    return
        except OSError:
            pass
        assert time.monotonic() < deadline, f"{url} did not come up"
        time.sleep(0.2)


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), (200, 40, 90)).save(buffer, "PNG")
    return buffer.getvalue()


def test_two_web_processes_pass_as_one_site_if_they_share_database_and_uploads(
    browser, two_servers
):
    first, second = two_servers
    # Cookies belong to the host, not the port: like one site name in front of both.
    context = browser.new_context(base_url=first, locale="nl-NL")
    context.set_default_timeout(TIMEOUT_MS)
    try:
        page = context.new_page()
        sign_in(page, "ans")

        response = page.goto(second + "/")  # the other process
        assert response.status == 200
        assert second in page.url  # not sent to sign in again
        assert page.get_by_text("Ans").first.is_visible()

        page.goto(second + "/settings/profile/")
        page.set_input_files(
            "input[type=file]", {"name": "ans.png", "mimeType": "image/png", "buffer": _png()}
        )
        page.locator("main form button[type=submit]").last.click()
        page.wait_for_url(lambda url: "/settings/profile/" not in url)

        photo = page.goto(first + "/people/ans/photo/")  # uploaded there, served here
        assert photo.status == 200
        assert photo.headers["content-type"].startswith("image/")
    finally:
        context.close()


CREATE_THREAD = """
from kring.people.services import user_create
from kring.posts.services import post_create
for name in ("ans", "bas"):
    user_create(username=name, email=f"{{name}}@example.org", password={password!r},
                first_name=name.title())
from kring.people.models import User
post = post_create(actor=User.objects.get(username="ans"), group=None, body="Wie komt er?")
print(post.pk)
"""


def _reply_appears_live(browser, reader_url: str, writer_url: str, post_id: int) -> None:
    """Ans reads the thread through `reader_url`; Bas replies through `writer_url`."""
    with _signed_in(browser, ans=reader_url, bas=writer_url) as pages:
        reader, writer = pages["ans"], pages["bas"]
        for page in pages.values():
            page.goto(f"/posts/{post_id}/")
        reader.wait_for_selector("html[data-live='open']")
        writer.fill("#reply-form-body", "Ik kom, via de andere server.")
        writer.locator("#reply-form button[type=submit]").click()
        expect(
            writer.locator("#replies").get_by_text("Ik kom, via de andere server.")
        ).to_be_visible()
        # Within a second or so (a bound, not a measurement): without a reload.
        expect(reader.locator("#replies li.reply")).to_have_text(
            re.compile("Ik kom, via de andere server."), timeout=2000
        )


@contextmanager
def _signed_in(browser, **url_of: str) -> Iterator[dict]:
    """A signed-in page per person, each in its own browser context on its server's URL."""
    contexts = []
    try:
        pages = {}
        for name, url in url_of.items():
            context = browser.new_context(base_url=url, locale="nl-NL")
            context.set_default_timeout(TIMEOUT_MS)
            contexts.append(context)
            pages[name] = context.new_page()
            sign_in(pages[name], name)
        yield pages
    finally:
        for context in contexts:
            context.close()


@pytest.fixture
def thread_id(shared) -> int:
    return int(shared.run(CREATE_THREAD.format(password=PASSWORD)).strip())


def test_reply_appears_live_in_a_browser_on_the_other_process_if_redis(
    browser, shared, tmp_path, thread_id
):
    needs_redis()
    # The children's own KRING_CACHE_PREFIX (processes.child_env) keeps their channels apart
    # from any other run on this Redis.
    servers = _serve(shared, tmp_path, ("a", "b"), REDIS_URL=REDIS_URL)
    first, second = next(servers)
    try:
        _reply_appears_live(browser, first, second, thread_id)
    finally:
        servers.close()


def test_reply_appears_live_in_another_browser_if_one_process_without_redis(
    browser, shared, tmp_path, thread_id
):
    env = {k: v for k, v in shared.env.items() if k != "REDIS_URL"}
    shared.env = env
    servers = _serve(shared, tmp_path, ("solo",))
    [only] = next(servers)
    try:
        _reply_appears_live(browser, only, only, thread_id)
    finally:
        servers.close()


def test_bell_changes_live_on_one_process_if_the_worker_delivers_a_reply_made_on_the_other(
    browser, shared, tmp_path, thread_id
):
    """Two web processes and `kring worker` serve one audience through Redis.

    Bas replies through process B; the reply's notification is made by the worker (a task
    in the database queue), whose event reaches Ans's bell on process A without a reload.
    """
    needs_redis()
    shared.env["KRING_HOURLY_TASKS"] = ""  # this test follows one task, not the digests
    servers = _serve(shared, tmp_path, ("a", "b"), REDIS_URL=REDIS_URL)
    first, second = next(servers)
    worker_log = (tmp_path / "worker.log").open("w")
    with_redis = processes.SharedDatabase(
        env={**shared.env, "REDIS_URL": REDIS_URL},
        vendor=shared.vendor,
        sqlite_path=shared.sqlite_path,
    )
    command = [sys.executable, "-m", "kring.cli", "worker", "--no-reload", "--no-startup-delay"]
    worker = with_redis.start([*command, "--interval", "0.1"], stdout=worker_log, stderr=worker_log)
    try:
        with _signed_in(browser, ans=first, bas=second) as pages:
            _bell_changes_live(pages["ans"], pages["bas"], thread_id)
    finally:
        processes.stop(worker)
        servers.close()


def _bell_changes_live(reader, writer, thread_id: int) -> None:
    """Bas replies on the thread; Ans, elsewhere on her own server, sees her bell change."""
    reader.goto("/people/ans/")  # a page away from the thread: only the bell can tell
    reader.wait_for_selector("html[data-live='open']")
    expect(reader.locator("#bell-count")).to_be_hidden()
    writer.goto(f"/posts/{thread_id}/")
    writer.fill("#reply-form-body", "Ik kom, de worker zegt het je.")
    writer.locator("#reply-form button[type=submit]").click()
    expect(writer.locator("#replies").get_by_text("Ik kom, de worker zegt het je.")).to_be_visible()
    # The worker polls its queue every 0.1 s; a generous bound, not a measurement.
    expect(reader.locator("#bell-count")).to_have_text("1", timeout=10_000)
    expect(reader.locator("#bell")).to_have_attribute("aria-label", "Meldingen, 1 ongelezen")


SIGNED_IN_SESSION = """
from django.conf import settings
from importlib import import_module
from kring.people.services import user_create
user = user_create(username="streamer", email="streamer@example.org", password={password!r})
session = import_module(settings.SESSION_ENGINE).SessionStore()
session["_auth_user_id"] = str(user.pk)
session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
session["_auth_user_hash"] = user.get_session_auth_hash()
session.save()
print(session.session_key)
"""


def test_open_event_streams_leave_the_page_thread_free_if_one_thread_serves_pages(shared, tmp_path):
    session = shared.run(SIGNED_IN_SESSION.format(password=PASSWORD)).strip()
    servers = _serve(shared, tmp_path, ("solo",), KRING_WEB_THREADS="1")
    [url] = next(servers)
    port = int(url.rsplit(":", 1)[1])
    streams = []
    try:
        # Three open tabs, each holding its live-update stream open.
        for _ in range(3):
            stream = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            stream.request("GET", "/events/", headers={"Cookie": f"sessionid={session}"})
            answer = stream.getresponse()
            assert answer.status == 200
            assert answer.getheader("Content-Type").startswith("text/event-stream")
            streams.append(stream)
        # The one page thread is still free: a page answers while the streams stay open.
        request = urllib.request.Request(url + "/", headers={"Cookie": f"sessionid={session}"})
        with urllib.request.urlopen(request, timeout=10) as page:  # noqa: S310
            assert page.status == 200
            assert b"streamer" in page.read()
    finally:
        for stream in streams:
            stream.close()
        servers.close()
