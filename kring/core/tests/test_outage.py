"""While the database (or Redis) is unreachable people get a calm 503, never a stack trace."""

import json
import subprocess
import sys

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from kring.core.tests.processes import child_env, free_port

MESSAGE = "Kring cannot be reached right now. Please try again in half a minute."
pytestmark = pytest.mark.urls("kring.core.tests.outage_urls")


def _expected(language: str) -> str:
    with translation.override(language):
        return gettext(MESSAGE)


def test_outage_returns_503_page_with_retry_after_if_a_view_loses_the_database():
    response = Client().get("/outage/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert _expected("nl") in page  # Dutch unless the visitor chose otherwise
    assert '<html lang="nl">' in page
    assert "Traceback" not in page and "OperationalError" not in page


def test_outage_returns_503_page_if_the_connection_was_closed_under_the_request():
    assert Client().get("/outage/closed/").status_code == 503


def test_outage_returns_english_page_if_the_language_cookie_says_english():
    client = Client()
    client.cookies["django_language"] = "en"
    response = client.get("/outage/")
    assert response.status_code == 503
    assert MESSAGE in response.content.decode()


def test_outage_returns_json_if_the_api_loses_the_database():
    response = Client().get("/api/v1/outage/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.json() == {"message": _expected("nl")}


def test_outage_page_says_go_back_if_a_form_could_not_be_sent():
    response = Client().post("/outage/", {"body": "Mijn lange bericht"})
    assert response.status_code == 503
    assert "Try again" not in response.content.decode()


def test_outage_middleware_passes_if_the_error_is_a_bug_not_an_outage():
    response = Client(raise_request_exception=False).get("/outage/bug/")
    assert response.status_code == 500


# Below: a whole Kring process pointed at a PostgreSQL that does not answer (a closed port),
# so the failure happens where it does in real life: loading the session, the signed-in
# user, the pool handing out a connection, an API token lookup.
REQUESTS = """
import json
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
results = {}
client = Client(raise_request_exception=False)
client.cookies["sessionid"] = "0123456789abcdefghijklmnopqrstuv"
for path in ["/", "/api/v1/posts", "/healthz"]:
    response = client.get(path)
    results[path] = {
        "status": response.status_code,
        "retry_after": response.get("Retry-After"),
        "type": response["Content-Type"],
        "body": response.content.decode(),
    }
results["anonymous /healthz"] = Client().get("/healthz").json()
token = Client(raise_request_exception=False).get(
    "/api/v1/posts", headers={"Authorization": "Bearer not-a-real-token"}
)
results["token"] = {"status": token.status_code, "body": token.content.decode()}
print(json.dumps(results))
"""


@pytest.fixture(scope="module")
def dead_database(tmp_path_factory) -> dict:
    """What a Kring process answers while its PostgreSQL is unreachable."""
    dead = f"postgres://kring@127.0.0.1:{free_port()}/kring"
    env = child_env(
        tmp_path_factory.mktemp("dead"),
        DATABASE_URL=dead,
        KRING_DB_POOL_TIMEOUT="1",
        # Production behaviour (DEBUG off) without needing collected static files.
        DJANGO_SETTINGS_MODULE="kring.core.tests.child_settings",
    )
    child = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + REQUESTS],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert child.returncode == 0, child.stderr
    return json.loads(child.stdout)


def test_outage_returns_503_everywhere_if_postgresql_does_not_answer(dead_database):
    page = dead_database["/"]
    assert page["status"] == 503
    assert page["retry_after"] == "30"
    assert "text/html" in page["type"]
    assert _expected("nl") in page["body"]
    assert "Traceback" not in page["body"]
    assert dead_database["/api/v1/posts"]["status"] == 503
    assert json.loads(dead_database["/api/v1/posts"]["body"]) == {"message": _expected("nl")}
    assert dead_database["/healthz"]["status"] == 503
    down = {"database": "error", "worker_heartbeat_age_seconds": None, "status": "error"}
    assert json.loads(dead_database["/healthz"]["body"]) == down
    assert dead_database["anonymous /healthz"] == down


def test_outage_returns_503_json_if_the_api_token_lookup_loses_the_database(dead_database):
    assert dead_database["token"]["status"] == 503
    assert json.loads(dead_database["token"]["body"]) == {"message": _expected("nl")}
