"""Several Kring processes behave as one site: shared database writes, sessions and cache."""

import json
import time

from kring.core.tests.processes import SharedDatabase

WRITE_POSTS = """
import sys, time
from pathlib import Path
from kring.people.services import user_create
from kring.posts.services import post_create

name = sys.argv[1]
author = user_create(username=name, email=f"{{name}}@example.org", password="x-Geheim-42")
Path({ready!r} + name).touch()
while not Path({go!r}).exists():  # start writing together with the other process
    time.sleep(0.01)
for number in range(50):
    post_create(actor=author, group=None, body=f"Bericht {{number}} van {{name}}")
"""


def test_sqlite_passes_if_two_processes_write_at_the_same_time(sqlite_database, tmp_path):
    code = WRITE_POSTS.format(ready=str(tmp_path / "ready-"), go=str(tmp_path / "go"))
    writers = [sqlite_database.python(code, name) for name in ("ans", "bas")]
    try:
        _wait_for(
            lambda: all((tmp_path / f"ready-{n}").exists() for n in ("ans", "bas")),
            writers,
        )
        (tmp_path / "go").touch()
        outcomes = [writer.communicate(timeout=120) for writer in writers]
    finally:
        for writer in writers:
            if writer.poll() is None:
                writer.kill()
                writer.wait()
    for writer, (_out, err) in zip(writers, outcomes, strict=True):
        assert "database is locked" not in err
        assert writer.returncode == 0, err
    assert sqlite_database.rows("SELECT count(*) FROM posts_post") == [(100,)]


SIGN_IN = """
from django.core.cache import cache
from django.test import Client
from django.test.utils import setup_test_environment
from kring.people.services import user_create

setup_test_environment()
user_create(username="ans", email="ans@example.org", password="x-Geheim-42", first_name="Ans")
client = Client()
assert client.login(username="ans", password="x-Geheim-42")
cache.set("shared-counter", 41)
print(client.cookies["sessionid"].value)
"""

USE_SESSION = """
import json, sys
from django.core.cache import cache
from django.test import Client
from django.test.utils import setup_test_environment

setup_test_environment()
signed_in = Client()
signed_in.cookies["sessionid"] = sys.argv[1]
page = signed_in.get("/")
print(json.dumps({
    "status": page.status_code,
    "named": "Ans" in page.content.decode(),
    "anonymous": Client().get("/").status_code,
    "cache": cache.incr("shared-counter"),
}))
"""


def test_session_and_cache_pass_if_another_process_made_them(shared_database: SharedDatabase):
    session_key = shared_database.run(SIGN_IN).strip()
    seen = json.loads(shared_database.run(USE_SESSION, session_key))
    assert seen["status"] == 200 and seen["named"]  # signed in there too
    assert seen["anonymous"] == 302  # while a stranger is sent to sign in
    assert seen["cache"] == 42  # the cache is one for the whole site


def _wait_for(condition, processes) -> None:
    """Wait (bounded) until condition() holds; fail at once if a process ended early."""
    deadline = time.monotonic() + 60
    while not condition():
        for process in processes:
            if process.poll() is not None:
                _out, err = process.communicate()
                raise AssertionError(f"a writer stopped before writing:\n{err}")
        assert time.monotonic() < deadline, "the writers did not start"
        time.sleep(0.05)
