"""Rate limits: sign-in per account and address, the API per token; 429 with Retry-After."""

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from conftest import PASSWORD
from kring.api.services import api_token_issue
from kring.core.ratelimit import parse_rate

LOGIN_URL = "/accounts/login/"
TOKEN_URL = "/api/v1/auth/token"
ATTACKER, COLLEAGUE = "192.0.2.66", "198.51.100.7"


@pytest.fixture(autouse=True)
def _fresh_cache(db):
    """Counts from other tests must not leak into these."""
    cache.clear()
    yield
    cache.clear()


def _sign_in(client: Client, login: str, password: str = PASSWORD):
    return client.post(LOGIN_URL, {"login": login, "password": password})


def _guess(client: Client, login: str, times: int) -> list[int]:
    return [_sign_in(client, login, f"gok-{n}").status_code for n in range(times)]


def _retry_after(response) -> int:
    value = int(response.headers["Retry-After"])
    assert value > 0
    return value


def test_sign_in_fails_with_429_if_one_address_guesses_an_account_too_often(world):
    attacker = Client(REMOTE_ADDR=ATTACKER)
    assert _guess(attacker, "bram", 5) == [200] * 5  # the form with "does not match"
    blocked = _sign_in(attacker, "bram", "gok-6")
    assert blocked.status_code == 429
    assert 0 < _retry_after(blocked) <= 15 * 60
    page = blocked.content.decode()
    assert 'class="card empty-state"' in page  # Kring's own page, not a bare error
    assert "<h1>" in page
    # The right password does not help from this address while the limit holds.
    assert _sign_in(attacker, "bram").status_code == 429


def test_sign_in_passes_if_the_account_is_guessed_from_another_address(world):
    _guess(Client(REMOTE_ADDR=ATTACKER), "bram", 6)
    colleague = Client(REMOTE_ADDR=COLLEAGUE)
    response = _sign_in(colleague, "bram")
    assert response.status_code == 302
    assert colleague.get("/").status_code == 200


def test_sign_in_passes_for_another_account_from_the_guessing_address(world):
    attacker = Client(REMOTE_ADDR=ATTACKER)
    _guess(attacker, "bram", 6)
    assert _sign_in(attacker, "anna").status_code == 302


@override_settings(ACCOUNT_RATE_LIMITS={"login_failed": "3/15m/ip,5/15m/key"})
def test_sign_in_fails_with_429_if_one_address_guesses_many_accounts(world):
    attacker = Client(REMOTE_ADDR=ATTACKER)
    for login in ("anna", "bram", "carla"):
        assert _guess(attacker, login, 1) == [200]
    blocked = _sign_in(attacker, "sita", "gok")
    assert blocked.status_code == 429
    _retry_after(blocked)
    assert _sign_in(Client(REMOTE_ADDR=COLLEAGUE), "sita").status_code == 302


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_sign_in_passes_from_another_address_behind_a_trusted_proxy(world):
    # nginx connects from 127.0.0.1 and appends the address it saw to X-Forwarded-For;
    # what the client itself put in front of it does not count.
    for n in range(5):
        forged = f"10.0.0.{n}, {ATTACKER}"
        attacker = Client(REMOTE_ADDR="127.0.0.1", headers={"x-forwarded-for": forged})
        _sign_in(attacker, "bram", f"gok-{n}")
    assert _sign_in(attacker, "bram").status_code == 429
    colleague = Client(REMOTE_ADDR="127.0.0.1", headers={"x-forwarded-for": COLLEAGUE})
    assert _sign_in(colleague, "bram").status_code == 302


def test_sign_in_fails_with_429_if_forwarded_for_is_forged_without_trusted_proxies(world):
    # Without KRING_TRUSTED_PROXIES a made-up X-Forwarded-For does not buy fresh attempts.
    for n in range(5):
        forged = Client(REMOTE_ADDR=ATTACKER, headers={"x-forwarded-for": f"10.0.0.{n}"})
        _sign_in(forged, "bram", f"gok-{n}")
    forged = Client(REMOTE_ADDR=ATTACKER, headers={"x-forwarded-for": "10.0.0.99"})
    assert _sign_in(forged, "bram").status_code == 429


def test_token_create_fails_with_429_json_if_sign_in_was_guessed_from_that_address(world):
    _guess(Client(REMOTE_ADDR=ATTACKER), "bram", 5)
    body = {"username": "bram", "password": PASSWORD}
    response = Client(REMOTE_ADDR=ATTACKER).post(TOKEN_URL, body, content_type="application/json")
    assert response.status_code == 429
    _retry_after(response)
    assert response.json()["message"]
    elsewhere = Client(REMOTE_ADDR=COLLEAGUE).post(TOKEN_URL, body, content_type="application/json")
    assert elsewhere.status_code == 201


@override_settings(ACCOUNT_RATE_LIMITS={"login": "2/m/ip"})
def test_sign_in_fails_with_429_and_retry_after_if_allauth_limits_all_attempts(world):
    client = Client(REMOTE_ADDR=ATTACKER)
    _guess(client, "bram", 2)
    response = _sign_in(client, "bram")
    assert response.status_code == 429
    _retry_after(response)
    assert 'class="card empty-state"' in response.content.decode()


# A day-long window: the test cannot straddle two windows.
@override_settings(KRING_API_RATE="3/d")
def test_api_fails_with_429_if_one_token_sends_too_many_requests(world):
    first = Client(headers={"authorization": f"Bearer {api_token_issue(user=world.member)}"})
    assert [first.get("/api/v1/me").status_code for _ in range(3)] == [200] * 3
    refused = first.get("/api/v1/me")
    assert refused.status_code == 429
    assert 0 < _retry_after(refused) <= 86400
    assert refused.json()["message"]
    # The limit is per token: the same person's other token still works.
    second = Client(headers={"authorization": f"Bearer {api_token_issue(user=world.member)}"})
    assert second.get("/api/v1/me").status_code == 200


@override_settings(KRING_API_RATE="2/d")
def test_api_fails_with_429_if_a_session_user_sends_too_many_requests(world, client_for):
    client = client_for(world.member)
    assert [client.get("/api/v1/me").status_code for _ in range(2)] == [200, 200]
    assert client.get("/api/v1/me").status_code == 429
    assert client_for(world.admin).get("/api/v1/me").status_code == 200


@override_settings(KRING_API_RATE="0")
def test_api_passes_if_the_limit_is_switched_off(world):
    client = Client(headers={"authorization": f"Bearer {api_token_issue(user=world.member)}"})
    assert {client.get("/api/v1/me").status_code for _ in range(5)} == {200}


def test_parse_rate_returns_count_and_seconds_if_rate_is_valid():
    assert parse_rate("600/m") == (600, 60)
    assert parse_rate("100/5m") == (100, 300)
    assert parse_rate("10/s") == (10, 1)
    assert parse_rate("0") == (0, 0)


@pytest.mark.parametrize("rate", ["", "many/m", "10/week", "10/0m", "-1/m"])
def test_parse_rate_fails_if_rate_is_not_valid(rate):
    with pytest.raises(ValueError):
        parse_rate(rate)
