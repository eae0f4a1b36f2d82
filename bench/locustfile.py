"""Locust users for Kring, one class per scenario, each request as a different colleague.

The plan (KRING_BENCH_PLAN, a JSON file written by `kring bench`) holds, for a few hundred
real users of the seeded database, a session cookie, a CSRF secret, an API token and the
pages that fit them (their busiest group, a long thread they may read, ...). Every request
picks one of those colleagues at random, so the server never serves one cached session.

`kring bench` drives these classes through locust's library API (bench/loadgen.py); with a
plan and a running server they also work with the locust command line, e.g.
`locust -f bench/locustfile.py --headless -u 8 -r 8 -t 20s --host http://127.0.0.1:8123 HomeUser`.
"""

import json
import os
import random
import sys
from itertools import count
from pathlib import Path
from urllib.parse import urlencode

from locust import FastHttpUser, constant, task

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import MARKER  # noqa: E402
from bench.searches import SEARCHES  # noqa: E402

_plan_path = os.environ.get("KRING_BENCH_PLAN", "")
if not _plan_path or not Path(_plan_path).is_file():
    raise SystemExit("Set KRING_BENCH_PLAN to the plan file that `kring bench` writes.")
PLAN = json.loads(Path(_plan_path).read_text())
SESSION_COOKIE = PLAN["session_cookie"]
CSRF_COOKIE = PLAN["csrf_cookie"]
_sequence = count(1)

WORDS = [
    "overleg",
    "planning",
    "wijk",
    "subsidie",
    "rooster",
    "afspraak",
    "verslag",
    "ervaring",
    "vraag",
    "tip",
    "handleiding",
    "collega",
    "project",
    "team",
    "klant",
    "inwoner",
    "voorstel",
    "evaluatie",
]


def _body() -> str:
    """A short post of the kind colleagues write, marked so the harness can remove it."""
    words = " ".join(random.choices(WORDS, k=random.randint(12, 40)))
    return f"{MARKER} Update {next(_sequence)}: {words}.\n\n- **{random.choice(WORDS)}**"


class KringUser(FastHttpUser):
    """Sends requests back to back, each as a random colleague from the plan."""

    abstract = True
    wait_time = constant(0)
    network_timeout = 30.0
    connection_timeout = 10.0
    scenario = ""

    def on_start(self) -> None:
        self.colleagues = [c for c in PLAN["identities"] if c.get(self.scenario)]
        if not self.colleagues:
            raise SystemExit(f"The plan has nobody for the scenario {self.scenario!r}.")

    def _send(self, method: str, path: str, headers: dict, data: str | None = None) -> None:
        # The cookies go in by hand: the client's own jar would keep the last colleague.
        self.client.cookiejar.clear()
        with self.client.request(
            method,
            path,
            name=self.scenario,
            data=data,
            headers=headers,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            # A redirect (to the sign-in page, say) is a failure: nothing is followed.
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")

    @staticmethod
    def _cookies(who: dict) -> dict:
        return {"Cookie": f"{SESSION_COOKIE}={who['session']}; {CSRF_COOKIE}={who['csrf']}"}

    def get_page(self) -> None:
        """Read this scenario's page as a random colleague."""
        who = random.choice(self.colleagues)
        self._send("GET", who[self.scenario], self._cookies(who))

    def post_form(self, path: str, fields: dict, who: dict) -> None:
        """Send a form the way htmx does: HX-Request, the CSRF token in a header."""
        headers = {
            **self._cookies(who),
            "X-CSRFToken": who["csrf"],
            "HX-Request": "true",
            "Content-Type": "application/x-www-form-urlencoded",
        }
        self._send("POST", path, headers, urlencode(fields))


class FloorUser(KringUser):
    scenario = "floor"

    @task
    def floor(self) -> None:
        self.get_page()


class LayoutUser(KringUser):
    scenario = "layout"

    @task
    def layout(self) -> None:
        self.get_page()


class HomeUser(KringUser):
    scenario = "home"

    @task
    def home(self) -> None:
        self.get_page()


class CompanyUser(KringUser):
    scenario = "company"

    @task
    def company(self) -> None:
        self.get_page()


class GroupUser(KringUser):
    scenario = "group"

    @task
    def group(self) -> None:
        self.get_page()


class ThreadUser(KringUser):
    scenario = "thread"

    @task
    def thread(self) -> None:
        self.get_page()


class ProfileUser(KringUser):
    scenario = "profile"

    @task
    def profile(self) -> None:
        self.get_page()


class ApiUser(KringUser):
    scenario = "api"

    @task
    def posts(self) -> None:
        who = random.choice(self.colleagues)
        self._send("GET", who["api"], {"Authorization": f"Bearer {who['token']}"})


class SearchUser(KringUser):
    scenario = "search"

    @task
    def search(self) -> None:
        """The first page of results for a random query, as a random colleague."""
        who = random.choice(self.colleagues)
        path = f"{who[self.scenario]}?{urlencode({'q': random.choice(SEARCHES)})}"
        self._send("GET", path, self._cookies(who))


class CreatePostUser(KringUser):
    scenario = "create_post"

    @task
    def create_post(self) -> None:
        who = random.choice(self.colleagues)
        self.post_form("/posts/new/", {"body": _body(), "group": who["create_post"]}, who)


class CreateReplyUser(KringUser):
    scenario = "create_reply"

    @task
    def create_reply(self) -> None:
        who = random.choice(self.colleagues)
        self.post_form(who["create_reply"], {"body": _body()}, who)


USERS = {
    cls.scenario: cls
    for cls in (
        FloorUser,
        LayoutUser,
        HomeUser,
        CompanyUser,
        GroupUser,
        ThreadUser,
        ProfileUser,
        ApiUser,
        SearchUser,
        CreatePostUser,
        CreateReplyUser,
    )
}
