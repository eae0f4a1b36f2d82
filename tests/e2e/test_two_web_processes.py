"""Two web processes (gunicorn, as `kring serve` runs it) on two ports are one site.

Like N web servers behind a load balancer: signed in on one, signed in on the other; a
photo uploaded through one is served by the other. They share only the database (the
suite's PostgreSQL test database, or a SQLite file) and the uploads folder
(KRING_MEDIA_ROOT). Slower than a unit test (two servers start), hence e2e.
"""

import io
import sys
import time
import urllib.request
from collections.abc import Iterator

import pytest
from django.db import connection
from PIL import Image

from kring.core.tests import processes
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


@pytest.fixture
def two_servers(shared, tmp_path) -> Iterator[list[str]]:
    shared.run(CREATE_PERSON.format(password=PASSWORD))
    servers, urls = [], []
    try:
        for name in ("a", "b"):
            port = processes.free_port()
            command = [sys.executable, "-m", "gunicorn", "config.wsgi:application"]
            command += ["--bind", f"127.0.0.1:{port}", "--workers", "1", "--no-control-socket"]
            log = (tmp_path / f"web-{name}.log").open("w")
            servers.append(shared.start(command, stdout=log, stderr=log))
            urls.append(f"http://127.0.0.1:{port}")
        for url in urls:
            _wait_for_health(url)
        yield urls
    finally:
        for server in servers:
            processes.stop(server)


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
