"""Clients that call the API the way an integration does: with a personal token."""

import pytest
from django.core.cache import cache
from django.test import Client

from kring.api.services import api_token_issue


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # allauth counts failed sign-ins per IP in the cache; other tests' failures must not count here.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api_for(db):
    """A test client that sends a fresh personal token of `user` (anonymous for None)."""

    def make(user) -> Client:
        if user is None:
            return Client()
        return Client(headers={"authorization": f"Bearer {api_token_issue(user=user)}"})

    return make
